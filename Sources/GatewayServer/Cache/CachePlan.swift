import Foundation
import GatewayCache
import GatewayCore
import HTTPTypes

/// What the cache does for one request, decided before any I/O from the alias's policy and
/// the client's directive: look up or not, store or not, and the header it answers with.
struct CachePlan: Sendable {
    let policy: AliasCachePolicy?
    let directive: CacheDirective
    let request: ChatRequest
    /// Why the lookup is skipped; nil means look up.
    let lookupBypass: CacheBypassReason?

    init(request: ChatRequest, policy: AliasCachePolicy?, directive: CacheDirective) {
        self.request = request
        self.policy = policy
        self.directive = directive
        self.lookupBypass = Cacheability.lookupBypass(request: request, policy: policy, directive: directive)
    }

    var looksUp: Bool { lookupBypass == nil }

    /// Whether an answer may be stored at all (its finish decides the rest).
    var mayStore: Bool {
        Cacheability.storeBypass(request: request, policy: policy, directive: directive, finishReason: .stop) == nil
    }

    /// Whether this answer is stored.
    func stores(_ finish: FinishReason, streamCompleted: Bool = true) -> Bool {
        Cacheability.storeBypass(
            request: request, policy: policy, directive: directive, finishReason: finish, streamCompleted: streamCompleted) == nil
    }

    /// The TTL of stored answers.
    var ttl: Duration { policy?.ttl ?? .seconds(3600) }

    /// `Cache-Control: no-cache` skips the lookup (the answer is still stored),
    /// `no-store` skips both; the body's `cache.no_store` is `no-store`.
    static func directive(headers: HTTPFields, bodyNoStore: Bool) -> CacheDirective {
        if bodyNoStore { return .noStore }
        guard let value = headers[.cacheControl]?.lowercased() else { return .normal }
        let parts = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.contains("no-store") { return .noStore }
        if parts.contains("no-cache") { return .noCache }
        return .normal
    }
}

/// The `x-gateway-cache` value of a response.
enum CacheOutcome: String, Sendable {
    case hitExact = "hit-exact"
    case hitSemantic = "hit-semantic"
    case miss
    case bypass
}

extension HTTPField.Name {
    /// Response: `hit-exact | hit-semantic | miss | bypass`.
    static let gatewayCache = Self("x-gateway-cache")!
    /// Response: the cosine of a semantic hit.
    static let gatewayCacheScore = Self("x-gateway-cache-score")!
}
