import GatewayCore

/// `hedge`: the first available route starts alone. If it has produced nothing (no first
/// content token when streaming, no answer for JSON) by the hedge delay — the primary's
/// recent p90/p95 TTFT (latency for JSON), clamped to the alias's floor and ceiling — and
/// the alias's extra-traffic budget allows, the next route starts too. The first answer
/// wins and the other call is cancelled. A route that fails is replaced by the next one
/// at once (that is a failover, not a hedge, and costs no budget).
struct HedgeExecution: Sendable {
    let context: ContestContext
    let stats: StrategyStats
    let metrics: GatewayMetrics

    func run(trace: TraceRecorder) async throws -> ExecutionAnswer {
        let (routes, skipped) = context.availableRoutes(context.alias.routes)
        trace.update { $0.failures += skipped }
        guard let primary = routes.first else { throw GatewayError.allProvidersFailed(skipped) }
        let delay = hedgeDelay(primary: primary)
        let started = ContinuousClock.now
        let context = self.context
        return try await withThrowingTaskGroup(of: ContenderOutcome.self) { group in
            var waiting = routes.dropFirst()
            var running: Set<Route> = [primary]
            var hedge: Route?
            group.addTask { await context.attempt(primary) }
            group.addTask {
                do {
                    try await Task.sleep(for: delay)
                } catch {}
                return .hedgeTimer
            }
            trace.update { $0.attempts += 1 }
            while let outcome = try await group.next() {
                switch outcome {
                case .hedgeTimer:
                    guard !Task.isCancelled, !running.isEmpty, let next = waiting.first else { continue }
                    guard stats.tryHedge(alias: context.alias, now: .now) else {
                        metrics.strategyEvent("hedges_denied", alias: context.alias.name, route: next)
                        continue
                    }
                    waiting.removeFirst()
                    running.insert(next)
                    hedge = next
                    group.addTask { await context.attempt(next) }
                    trace.update { $0.attempts += 1 }
                    record(hedgeFired: next)
                case .answered(let winner, let answer, _):
                    running.remove(winner)
                    let late = try await group.cancelLosers()
                    record(winner: winner, hedge: hedge, losers: running, late: late)
                    trace.won(winner, answer, started: started)
                    return answer
                case .failed(let route, let failure, _):
                    running.remove(route)
                    trace.failed(route, failure)
                    if running.isEmpty, let next = waiting.first {
                        waiting.removeFirst()
                        running.insert(next)
                        group.addTask { await context.attempt(next) }
                        trace.update { $0.attempts += 1 }
                    }
                case .cancelled(let route):
                    running.remove(route)
                }
                if running.isEmpty { group.cancelAll() }
            }
            trace.update { $0.upstreamTime += .now - started }
            try Task.checkCancellation()
            throw GatewayError.allProvidersFailed(trace.value.failures)
        }
    }

    /// The delay before hedging, from the primary's recent TTFT (streams) or latency (JSON).
    private func hedgeDelay(primary: Route) -> Duration {
        let config = context.alias.hedge
        let stream = context.request.stream
        let runtime = context.snapshot.providers[primary.provider]
        return stats.hedgeDelay(alias: context.alias.name + (stream ? "|stream" : "|json"), now: .now) {
            config.delay(
                percentileMilliseconds: runtime?.stats.recentPercentile(
                    model: primary.model, config.percentile, firstToken: stream, minimumSamples: config.minimumSamples,
                    now: .now))
        }
    }

    private func record(hedgeFired route: Route) {
        let alias = context.alias.name
        stats.update(.init(alias: alias, provider: route.provider, model: route.model)) { $0.hedgesFired += 1 }
        metrics.strategyEvent("hedges_fired", alias: alias, route: route)
    }

    private func record(winner: Route, hedge: Route?, losers: Set<Route>, late: [Route: Int]) {
        let alias = context.alias.name
        if winner == hedge {
            stats.update(.init(alias: alias, provider: winner.provider, model: winner.model)) { $0.hedgesWon += 1 }
            metrics.strategyEvent("hedges_won", alias: alias, route: winner)
        }
        let promptTokens = context.estimatedPromptTokens
        for route in losers {
            stats.update(.init(alias: alias, provider: route.provider, model: route.model)) {
                $0.cancelled += 1
                $0.wastedPromptTokens += promptTokens
                $0.wastedCompletionTokens += late[route] ?? 0
            }
            metrics.strategyEvent("cancelled_calls", alias: alias, route: route)
            metrics.wastedTokens(alias: alias, route: route, prompt: promptTokens, completion: late[route] ?? 0)
        }
    }
}
