import GatewayCore

/// What the client asked of the cache (`Cache-Control` or the body's `cache.no_store`).
public enum CacheDirective: Sendable, Hashable {
    /// No directive: look up and store.
    case normal
    /// `Cache-Control: no-cache`: skip the lookup, still store the answer.
    case noCache
    /// `Cache-Control: no-store` or `"cache": {"no_store": true}`: neither look up nor store.
    case noStore
}

/// Why the cache stays out of a request or an answer (for logs and metrics).
public enum CacheBypassReason: String, Sendable, Hashable {
    /// The alias has no cache policy, or `exact: false`.
    case notEnabled = "not_enabled"
    /// The client sent `no-cache` (lookup only) or `no-store`.
    case clientDirective = "client_directive"
    /// `temperature > 0` and the alias does not set `allow_temperature`.
    case temperature
    /// The answer did not complete normally (`length`, `content_filter`).
    case incompleteAnswer = "incomplete_answer"
    /// A streamed answer that broke before its finish.
    case brokenStream = "broken_stream"
    /// `n > 1`: several different answers are asked for, which one stored answer cannot be.
    case severalChoices = "several_choices"
}

/// The cacheability rules as pure functions; see SPEC §3 "Never cached".
public enum Cacheability {
    /// Whether to look the request up; nil means yes, otherwise why not (`bypass`).
    public static func lookupBypass(
        request: ChatRequest, policy: AliasCachePolicy?, directive: CacheDirective
    ) -> CacheBypassReason? {
        if let reason = requestBypass(request: request, policy: policy) { return reason }
        return directive == .normal ? nil : .clientDirective
    }

    /// Whether to store the answer; nil means store it, otherwise why not. An absent
    /// temperature counts as not above zero (the rule is about an explicit `temperature > 0`).
    /// `streamCompleted` is false when a streamed answer ended without its finish event.
    public static func storeBypass(
        request: ChatRequest, policy: AliasCachePolicy?, directive: CacheDirective,
        finishReason: FinishReason, streamCompleted: Bool = true
    ) -> CacheBypassReason? {
        if let reason = requestBypass(request: request, policy: policy) { return reason }
        if directive == .noStore { return .clientDirective }
        guard streamCompleted else { return .brokenStream }
        switch finishReason {
        case .stop, .toolCalls: return nil
        case .length, .contentFilter: return .incompleteAnswer
        }
    }

    private static func requestBypass(request: ChatRequest, policy: AliasCachePolicy?) -> CacheBypassReason? {
        guard let policy, policy.exact else { return .notEnabled }
        if request.choiceCount > 1 { return .severalChoices }
        if let temperature = request.temperature, temperature > 0, !policy.allowTemperature {
            return .temperature
        }
        return nil
    }
}
