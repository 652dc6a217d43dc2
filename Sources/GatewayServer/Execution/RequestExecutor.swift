import GatewayCore
import GatewayProviders
import HTTPTypes
import NIOHTTP1

/// Serves one request by its alias's strategy: `single` and `fallback` walk the routes
/// (``FallbackExecution``), `race` and `hedge` run contenders concurrently, and `tier`
/// picks a tier's routes and walks those.
struct RequestExecutor: Sendable {
    let runner: AttemptRunner
    let strategies: StrategyStats

    /// Request header naming a tier: a hint that overrides the complexity estimate.
    static let tierHint = HTTPField.Name.gatewayTier

    func execute(
        _ request: ChatRequest,
        alias: AliasConfig,
        snapshot: RuntimeSnapshot,
        incomingHeaders: HTTPFields,
        deadline: ContinuousClock.Instant,
        trace: TraceRecorder
    ) async throws -> ExecutionAnswer {
        let context = ContestContext(
            runner: runner, request: request, alias: alias, snapshot: snapshot, incomingHeaders: incomingHeaders,
            deadline: deadline)
        switch alias.strategy {
        case .single, .fallback:
            strategies.requestStarted(alias: alias, now: .now)
            return try await FallbackExecution(context: context).run(routes: alias.routes, trace: trace)
        case .race:
            strategies.requestStarted(alias: alias, now: .now)
            let race = RaceExecution(context: context, stats: strategies, metrics: runner.metrics)
            return try await ContestRounds(context: context).run { try await race.run(trace: trace) }
        case .hedge:
            strategies.requestStarted(alias: alias, now: .now)
            let hedge = HedgeExecution(context: context, stats: strategies, metrics: runner.metrics)
            return try await ContestRounds(context: context).run { try await hedge.run(trace: trace) }
        case .tier:
            let estimate = ComplexityEstimate(request)
            guard let tier = TierChooser.choose(alias.tiers, estimate: estimate, hint: incomingHeaders[Self.tierHint]) else {
                throw GatewayError.allProvidersFailed([])
            }
            strategies.requestStarted(alias: alias, tier: tier.name, now: .now)
            runner.metrics.tierChosen(alias: alias.name, tier: tier.name)
            trace.update { $0.tier = tier.name }
            return try await FallbackExecution(context: context).run(routes: tier.routes, trace: trace)
        }
    }

    static func forwarded(_ headers: HTTPFields, names: [String]) -> HTTPHeaders {
        var result = HTTPHeaders()
        for name in names {
            guard let fieldName = HTTPField.Name(name), let value = headers[fieldName] else { continue }
            result.add(name: name, value: value)
        }
        return result
    }
}
