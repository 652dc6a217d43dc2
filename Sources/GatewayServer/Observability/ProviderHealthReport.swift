import GatewayCore

/// The body of `GET /health/providers`: per provider and model, breaker state, load,
/// error rate and latency percentiles.
struct ProviderHealthReport: Codable, Sendable {
    struct ModelEntry: Codable, Sendable {
        var provider: String
        var model: String
        var kind: String
        var endpoint: String
        var breaker: String
        var inFlight: Int
        var queued: Int
        var requests: Int
        var errors: Int
        var errorRate: Double
        var latencyMs: Percentiles
        var ttftMs: Percentiles
        /// Race and hedge outcomes of this route, over every alias that uses it.
        var strategies: StrategyEntry

        enum CodingKeys: String, CodingKey {
            case provider, model, kind, endpoint, breaker, requests, errors, strategies
            case inFlight = "in_flight"
            case queued
            case errorRate = "error_rate"
            case latencyMs = "latency_ms"
            case ttftMs = "ttft_ms"
        }
    }

    /// What the latency strategies did with one route.
    struct StrategyEntry: Codable, Sendable {
        var raced: Int
        var raceWins: Int
        var raceWinRate: Double?
        var hedgesFired: Int
        var hedgesWon: Int
        var cancelled: Int
        var wastedPromptTokens: Int
        var wastedCompletionTokens: Int

        init(_ counters: StrategyStats.RouteCounters) {
            raced = counters.raced
            raceWins = counters.raceWins
            raceWinRate = counters.raced == 0 ? nil : Double(counters.raceWins) / Double(counters.raced)
            hedgesFired = counters.hedgesFired
            hedgesWon = counters.hedgesWon
            cancelled = counters.cancelled
            wastedPromptTokens = counters.wastedPromptTokens
            wastedCompletionTokens = counters.wastedCompletionTokens
        }

        enum CodingKeys: String, CodingKey {
            case raced, cancelled
            case raceWins = "race_wins"
            case raceWinRate = "race_win_rate"
            case hedgesFired = "hedges_fired"
            case hedgesWon = "hedges_won"
            case wastedPromptTokens = "wasted_prompt_tokens"
            case wastedCompletionTokens = "wasted_completion_tokens"
        }
    }

    /// One alias: its strategy, traffic, hedging's extra traffic and tier choices, and the
    /// strategy outcomes of each of its routes.
    struct AliasEntry: Codable, Sendable {
        struct RouteEntry: Codable, Sendable {
            var provider: String
            var model: String
            var strategies: StrategyEntry
        }

        var alias: String
        var strategy: String
        var requests: Int
        var hedges: Int
        /// Hedges over requests in the hedge window (hedge aliases).
        var extraTrafficRatio: Double?
        var tiers: [String: Int]
        var routes: [RouteEntry]

        enum CodingKeys: String, CodingKey {
            case alias, strategy, requests, hedges, tiers, routes
            case extraTrafficRatio = "extra_traffic_ratio"
        }
    }

    struct DisabledEntry: Codable, Sendable {
        var provider: String
        var reason: String
    }

    /// One line per provider, first.
    var summary: [ProviderSummary]
    var providers: [ModelEntry]
    var aliases: [AliasEntry]
    var disabled: [DisabledEntry]
    var tenants: [TenantEntry]
    var cache: CacheEntry

    /// Reads every provider/model the policy routes to, plus any seen in traffic.
    static func make(gateway: Gateway, now: ContinuousClock.Instant) -> ProviderHealthReport {
        let snapshot = gateway.snapshot()
        let strategies = gateway.strategies
        let routeCounters = strategies.routes
        var byRoute: [Route: StrategyStats.RouteCounters] = [:]
        for (key, counters) in routeCounters {
            byRoute[Route(provider: key.provider, model: key.model), default: .init()].add(counters)
        }
        var entries: [ModelEntry] = []
        for config in snapshot.policy.providers {
            guard let runtime = snapshot.providers[config.name] else { continue }
            var models = snapshot.policy.aliases.flatMap(\.routes).filter { $0.provider == config.name }.map(\.model)
            for seen in runtime.stats.models where !models.contains(seen) { models.append(seen) }
            var unique: [String] = []
            for model in models where !unique.contains(model) { unique.append(model) }
            let load = runtime.limiter.load
            for model in unique {
                let stats = runtime.stats.snapshot(model: model, now: now)
                entries.append(
                    ModelEntry(
                        provider: config.name, model: model, kind: config.kind.rawValue,
                        endpoint: runtime.endpointDescription, breaker: runtime.breakers.state(model: model).name,
                        inFlight: load.inFlight, queued: load.queued, requests: stats.requests, errors: stats.errors,
                        errorRate: stats.errorRate, latencyMs: stats.latency, ttftMs: stats.firstToken,
                        strategies: StrategyEntry(byRoute[Route(provider: config.name, model: model)] ?? .init())))
            }
        }
        let aliasCounters = strategies.aliases
        let aliases = snapshot.policy.aliases.map { alias in
            let counters = aliasCounters[alias.name] ?? .init()
            return AliasEntry(
                alias: alias.name, strategy: alias.strategy.rawValue, requests: counters.requests, hedges: counters.hedges,
                extraTrafficRatio: strategies.extraTrafficRatio(alias: alias.name, now: now), tiers: counters.tiers,
                routes: alias.routes.map { route in
                    let key = StrategyStats.RouteKey(alias: alias.name, provider: route.provider, model: route.model)
                    return AliasEntry.RouteEntry(
                        provider: route.provider, model: route.model, strategies: StrategyEntry(routeCounters[key] ?? .init()))
                })
        }
        let disabled = snapshot.disabled.sorted { $0.key < $1.key }.map { DisabledEntry(provider: $0.key, reason: $0.value) }
        return ProviderHealthReport(
            summary: summaries(snapshot: snapshot, models: entries), providers: entries, aliases: aliases, disabled: disabled,
            tenants: tenants(gateway.quotas, now: now), cache: cache(gateway.cache))
    }
}
