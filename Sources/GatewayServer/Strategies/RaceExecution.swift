import GatewayCore

/// `race`: every available route starts at the same instant — each in its own child task,
/// none with a head start — and the first answer wins: a complete reply for JSON, the
/// first real content token for streams (``AttemptRunner`` returns a stream only once its
/// first content event arrived). The others are cancelled at once, which closes their
/// upstream connections. A contender's error only counts when no one else can answer.
struct RaceExecution: Sendable {
    let context: ContestContext
    let stats: StrategyStats
    let metrics: GatewayMetrics

    func run(trace: TraceRecorder) async throws -> ExecutionAnswer {
        let (routes, skipped) = context.availableRoutes(context.alias.routes)
        trace.update { $0.failures += skipped }
        guard !routes.isEmpty else { throw GatewayError.allProvidersFailed(skipped) }
        let started = ContinuousClock.now
        let context = self.context
        return try await withThrowingTaskGroup(of: ContenderOutcome.self) { group in
            for route in routes {
                group.addTask { await context.attempt(route) }
            }
            trace.update { $0.attempts += routes.count }
            var pending = Set(routes)
            while let outcome = try await group.next() {
                switch outcome {
                case .answered(let winner, let answer, _):
                    pending.remove(winner)
                    let late = try await group.cancelLosers()
                    record(winner: winner, losers: pending, late: late, routes: routes)
                    trace.won(winner, answer, started: started)
                    return answer
                case .failed(let route, let failure, _):
                    pending.remove(route)
                    trace.failed(route, failure)
                case .cancelled(let route):
                    pending.remove(route)
                case .hedgeTimer:
                    break
                }
            }
            trace.update { $0.upstreamTime += .now - started }
            try Task.checkCancellation()
            throw GatewayError.allProvidersFailed(trace.value.failures)
        }
    }

    /// Counts the contest: every contender raced, one won, the ones still running were
    /// cancelled and wasted their prompt (plus whatever they sent before the cancel).
    private func record(winner: Route, losers: Set<Route>, late: [Route: Int], routes: [Route]) {
        let alias = context.alias.name
        let promptTokens = context.estimatedPromptTokens
        for route in routes {
            let key = StrategyStats.RouteKey(alias: alias, provider: route.provider, model: route.model)
            let lost = losers.contains(route) || late[route] != nil
            stats.update(key) {
                $0.raced += 1
                if route == winner { $0.raceWins += 1 }
                if lost {
                    $0.cancelled += 1
                    $0.wastedPromptTokens += promptTokens
                    $0.wastedCompletionTokens += late[route] ?? 0
                }
            }
            metrics.strategyEvent("race_contenders", alias: alias, route: route)
            if route == winner { metrics.strategyEvent("race_wins", alias: alias, route: route) }
            if lost {
                metrics.strategyEvent("cancelled_calls", alias: alias, route: route)
                metrics.wastedTokens(alias: alias, route: route, prompt: promptTokens, completion: late[route] ?? 0)
            }
        }
    }
}
