import GatewayCore
import Locking

/// What the latency strategies did, per alias and per route: race contests and wins,
/// hedges fired and won, calls cancelled and the tokens they wasted; plus each hedge
/// alias's extra-traffic budget and cached hedge delay. Shared by all requests, so it
/// lives behind one lock and outlives policy reloads.
final class StrategyStats: Sendable {
    struct RouteKey: Hashable, Sendable {
        var alias: String
        var provider: String
        var model: String
    }

    /// Counters of one route within one alias.
    struct RouteCounters: Sendable, Hashable {
        /// Races this route ran in.
        var raced = 0
        var raceWins = 0
        /// Hedges sent to this route (it was the second request).
        var hedgesFired = 0
        /// Hedges that answered first.
        var hedgesWon = 0
        /// Calls on this route cancelled because another one won.
        var cancelled = 0
        /// Prompt tokens (estimated from characters) sent on calls that lost.
        var wastedPromptTokens = 0
        /// Completion tokens received from calls that lost (answers that arrived too late).
        var wastedCompletionTokens = 0

        mutating func add(_ other: RouteCounters) {
            raced += other.raced
            raceWins += other.raceWins
            hedgesFired += other.hedgesFired
            hedgesWon += other.hedgesWon
            cancelled += other.cancelled
            wastedPromptTokens += other.wastedPromptTokens
            wastedCompletionTokens += other.wastedCompletionTokens
        }
    }

    /// Counters of one alias.
    struct AliasCounters: Sendable, Hashable {
        var strategy = ""
        var requests = 0
        var hedges = 0
        var tiers: [String: Int] = [:]
    }

    private struct State: Sendable {
        var routes: [RouteKey: RouteCounters] = [:]
        var aliases: [String: AliasCounters] = [:]
        var budgets: [String: (config: HedgeConfig, budget: HedgeBudget)] = [:]
        var delays: [String: (delay: Duration, at: ContinuousClock.Instant)] = [:]
    }

    private let state = Locked(State())

    func update(_ key: RouteKey, _ change: (inout RouteCounters) -> Void) {
        state.withLock { change(&$0.routes[key, default: RouteCounters()]) }
    }

    /// A request on `alias` started; for hedge aliases it also counts toward the budget.
    func requestStarted(alias: AliasConfig, tier: String? = nil, now: ContinuousClock.Instant) {
        state.withLock { state in
            state.aliases[alias.name, default: AliasCounters()].strategy = alias.strategy.rawValue
            state.aliases[alias.name, default: AliasCounters()].requests += 1
            if let tier { state.aliases[alias.name, default: AliasCounters()].tiers[tier, default: 0] += 1 }
            guard alias.strategy == .hedge else { return }
            Self.withBudget(&state, alias, now: now) { $0.recordRequest(now: now) }
        }
    }

    /// Asks the alias's budget for one hedge; true when it was granted and counted.
    func tryHedge(alias: AliasConfig, now: ContinuousClock.Instant) -> Bool {
        state.withLock { state in
            guard Self.withBudget(&state, alias, now: now, { $0.tryHedge(now: now) }) else { return false }
            state.aliases[alias.name, default: AliasCounters()].hedges += 1
            return true
        }
    }

    /// The alias's hedge delay, recomputed from `percentile` at most every `refresh`.
    func hedgeDelay(
        alias: String, now: ContinuousClock.Instant, refresh: Duration = .milliseconds(100),
        compute: () -> Duration
    ) -> Duration {
        if let cached = state.withLock({ $0.delays[alias] }), now - cached.at < refresh { return cached.delay }
        let delay = compute()
        state.withLock { $0.delays[alias] = (delay, now) }
        return delay
    }

    /// Hedges over requests within the alias's window (nil for aliases that do not hedge).
    func extraTrafficRatio(alias: String, now: ContinuousClock.Instant) -> Double? {
        state.withLock { state in
            guard let entry = state.budgets[alias] else { return nil }
            let (requests, hedges) = entry.budget.counts(now: now)
            return requests == 0 ? 0 : Double(hedges) / Double(requests)
        }
    }

    var routes: [RouteKey: RouteCounters] { state.withLock { $0.routes } }
    var aliases: [String: AliasCounters] { state.withLock { $0.aliases } }

    /// The alias's budget, created on first use and recreated when its settings change.
    private static func withBudget<T>(
        _ state: inout State, _ alias: AliasConfig, now: ContinuousClock.Instant, _ body: (inout HedgeBudget) -> T
    ) -> T {
        let config = alias.hedge
        if let entry = state.budgets[alias.name], entry.config.maxExtraRatio == config.maxExtraRatio,
            entry.config.window == config.window
        {
            return body(&state.budgets[alias.name]!.budget)
        }
        var budget = HedgeBudget(maxExtraRatio: config.maxExtraRatio, window: config.window, now: now)
        let result = body(&budget)
        state.budgets[alias.name] = (config, budget)
        return result
    }
}
