import Foundation
import GatewayCore

/// The parts of `/health/providers` a person reads first: one line per provider (how it is
/// reached and why, its last success and error), per-tenant usage, and the cache.
extension ProviderHealthReport {
    struct ProviderSummary: Codable, Sendable {
        var provider: String
        var kind: String
        /// `ok`, `degraded` (a breaker open or half-open on one of its models, or errors
        /// recently), `down` (every model's breaker open) or `disabled`.
        var status: String
        /// `real`, `simulated` or `disabled`.
        var mode: String
        /// Why it is simulated or disabled.
        var reason: String?
        var lastSuccess: String?
        var lastError: String?
        var lastErrorMessage: String?

        enum CodingKeys: String, CodingKey {
            case provider, kind, status, mode, reason
            case lastSuccess = "last_success"
            case lastError = "last_error"
            case lastErrorMessage = "last_error_message"
        }
    }

    struct TenantEntry: Codable, Sendable {
        var tenant: String
        var requests: Int
        var tokens: Int
        var inFlight: Int
        var requestsLastMinute: Int
        var tokensLastMinute: Int
        var rejections: [String: Int]

        enum CodingKeys: String, CodingKey {
            case tenant, requests, tokens, rejections
            case inFlight = "in_flight"
            case requestsLastMinute = "requests_last_minute"
            case tokensLastMinute = "tokens_last_minute"
        }
    }

    struct CacheEntry: Codable, Sendable {
        var entries: Int
        var bytes: Int
        var hits: UInt64
        var misses: UInt64
        var hitRate: Double?
        var redis: String?

        enum CodingKeys: String, CodingKey {
            case entries, bytes, hits, misses, redis
            case hitRate = "hit_rate"
        }
    }

    static func summaries(snapshot: RuntimeSnapshot, models: [ModelEntry]) -> [ProviderSummary] {
        let iso = ISO8601DateFormatter()
        return snapshot.policy.providers.map { config in
            guard let runtime = snapshot.providers[config.name] else {
                return ProviderSummary(
                    provider: config.name, kind: config.kind.rawValue, status: "disabled", mode: "disabled",
                    reason: snapshot.disabled[config.name])
            }
            let own = models.filter { $0.provider == config.name }
            let open = own.filter { $0.breaker == "open" }.count
            let shaky = own.contains { $0.breaker != "closed" || $0.errorRate > 0.2 }
            let status = !own.isEmpty && open == own.count ? "down" : shaky ? "degraded" : "ok"
            let history = runtime.history.value
            let reason: String? =
                runtime.isSimulated
                ? (config.endpoint == .builtinSimulator ? "base_url is sim" : "no provider key is set: the out-of-the-box demo")
                : nil
            return ProviderSummary(
                provider: config.name, kind: config.kind.rawValue, status: status, mode: runtime.isSimulated ? "simulated" : "real",
                reason: reason, lastSuccess: history.lastSuccess.map(iso.string), lastError: history.lastError.map(iso.string),
                lastErrorMessage: history.lastErrorMessage)
        }
    }

    static func tenants(_ quotas: QuotaBank, now: ContinuousClock.Instant) -> [TenantEntry] {
        quotas.counters.sorted { $0.key < $1.key }.map { name, entry in
            let usage = entry.quota.usage(at: now)
            return TenantEntry(
                tenant: name, requests: entry.requests, tokens: entry.tokens, inFlight: entry.quota.inFlight,
                requestsLastMinute: usage.requests, tokensLastMinute: usage.tokens, rejections: entry.rejections)
        }
    }

    static func cache(_ cache: CacheRuntime) -> CacheEntry {
        let stats = cache.exact.memory.stats
        let lookups = stats.hits + stats.misses
        return CacheEntry(
            entries: stats.entries, bytes: stats.bytes, hits: stats.hits, misses: stats.misses,
            hitRate: lookups == 0 ? nil : Double(stats.hits) / Double(lookups), redis: cache.redisHealth?.rawValue)
    }
}

extension ProviderHealthReport {
    /// The report as JSON with its sections in reading order (the per-provider summary
    /// first), each section's keys sorted.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        func section(_ name: String, _ value: some Encodable) throws -> String {
            let text = String(decoding: try encoder.encode(value), as: UTF8.self)
            return "  \"\(name)\" : " + text.replacingOccurrences(of: "\n", with: "\n  ")
        }
        let sections = [
            try section("summary", summary), try section("providers", providers), try section("aliases", aliases),
            try section("tenants", tenants), try section("cache", cache), try section("disabled", disabled),
        ]
        return Data(("{\n" + sections.joined(separator: ",\n") + "\n}\n").utf8)
    }
}
