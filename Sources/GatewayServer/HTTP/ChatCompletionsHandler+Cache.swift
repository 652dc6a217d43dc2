import GatewayCache
import GatewayCore
import Hummingbird

extension ChatCompletionsHandler {
    /// Looks `key` up in the exact tier; a hit is answered at once (JSON, or SSE replay).
    func lookup(_ key: CacheKey, chat: ChatRequest, alias: AliasConfig, started: ContinuousClock.Instant) async -> Response? {
        let cache = gateway.cache
        guard case .hit(let answer, let tier) = await cache.exact.lookup(key) else {
            cache.metrics.lookup(alias: alias.name, tier: "exact", outcome: "miss")
            return nil
        }
        cache.metrics.lookup(alias: alias.name, tier: "exact", outcome: tier == .memory ? "hit_memory" : "hit_redis")
        let elapsed = ContinuousClock.now - started
        let headers = CachedResponses.headers(answer: answer, outcome: .hitExact, score: nil, elapsed: elapsed)
        RequestLog.cached(gateway: gateway, alias: alias.name, stream: chat.stream, elapsed: elapsed, outcome: .hitExact, tier: tier.rawValue)
        return chat.stream
            ? CachedResponses.stream(answer, chat: chat, api: api, headers: headers)
            : CachedResponses.json(answer, chat: chat, api: api, headers: headers)
    }
}
