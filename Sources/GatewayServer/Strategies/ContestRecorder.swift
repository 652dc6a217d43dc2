import GatewayCore

/// Counts what race and hedge did, for `/health/providers` and `/metrics`: contenders,
/// wins, hedges fired and won, cancelled calls and the tokens they wasted.
struct ContestRecorder: Sendable {
    let context: ExecutionContext

    private var alias: String { context.alias.name }

    private func key(_ route: Route) -> StrategyStats.RouteKey {
        StrategyStats.RouteKey(alias: alias, provider: route.provider, model: route.model)
    }

    /// The request was answered by `winner`; `losers` were cancelled when it won.
    func answered(mode: ExecutionSetup.Mode, winner: Route, started: [Route], losers: [Route], hedge: Route?) {
        let promptTokens = context.estimatedPromptTokens
        switch mode {
        case .sequential:
            return
        case .race:
            for route in Set(started) {
                context.stats.update(key(route)) {
                    $0.raced += 1
                    if route == winner { $0.raceWins += 1 }
                }
                context.metrics.strategyEvent("race_contenders", alias: alias, route: route)
            }
            context.metrics.strategyEvent("race_wins", alias: alias, route: winner)
        case .hedge:
            if winner == hedge {
                context.stats.update(key(winner)) { $0.hedgesWon += 1 }
                context.metrics.strategyEvent("hedges_won", alias: alias, route: winner)
            }
        }
        for route in losers {
            context.stats.update(key(route)) {
                $0.cancelled += 1
                $0.wastedPromptTokens += promptTokens
            }
            context.metrics.strategyEvent("cancelled_calls", alias: alias, route: route)
            context.metrics.wastedTokens(alias: alias, route: route, prompt: promptTokens, completion: 0)
        }
    }

    /// A cancelled loser's answer still arrived, with this many completion tokens.
    func lateAnswer(_ route: Route, completionTokens: Int) {
        guard completionTokens > 0 else { return }
        context.stats.update(key(route)) { $0.wastedCompletionTokens += completionTokens }
        context.metrics.wastedTokens(alias: alias, route: route, prompt: 0, completion: completionTokens)
    }

    func hedgeFired(_ route: Route) {
        context.stats.update(key(route)) { $0.hedgesFired += 1 }
        context.metrics.strategyEvent("hedges_fired", alias: alias, route: route)
    }
}
