/// The per-minute quota counters every gateway sharing a store (Redis) sees: one admission
/// check-and-count, atomic across gateways, and the settlement of tokens once the actual
/// usage is known.
public protocol SharedQuotaCounter: Sendable {
    /// Counts one request of `tokens` estimated tokens for `tenant` if both limits allow it.
    func admit(tenant: String, requestsPerMinute: Int?, tokensPerMinute: Int?, tokens: Int) async throws -> SharedQuotaDecision
    /// Moves the tenant's token count by `delta` (actual − estimated).
    func settle(tenant: String, tokens delta: Int) async throws
}

/// What the shared counter decided.
public enum SharedQuotaDecision: Sendable, Hashable {
    case admitted
    case refusedRequests(retryAfterSeconds: Int)
    case refusedTokens(retryAfterSeconds: Int)
}
