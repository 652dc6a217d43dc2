import GatewayCore
import GatewayProviders
import HTTPTypes
import NIOCore
import NIOHTTP1

/// Serves one request by its alias's strategy: builds the ``ExecutionSetup`` (routes,
/// limits, the hedge delay, a tier's routes) and hands it to the request's one
/// ``ExecutionDriver``, which owns the deadline and the client's disconnect too.
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
        timeout: Duration,
        watch: ConnectionWatch?,
        eventLoop: any EventLoop,
        trace: TraceRecorder
    ) async throws -> ExecutionAnswer {
        let context = ExecutionContext(
            runner: runner, stats: strategies, request: request, alias: alias, snapshot: snapshot,
            incomingHeaders: incomingHeaders, deadline: deadline)
        let mode: ExecutionSetup.Mode
        var routes = alias.routes
        var skipped: [ProviderFailure] = []
        switch alias.strategy {
        case .single, .fallback:
            strategies.requestStarted(alias: alias, now: .now)
            mode = .sequential
            routes = routes.filter { snapshot.providers[$0.provider] != nil }
        case .race:
            strategies.requestStarted(alias: alias, now: .now)
            mode = .race
            (routes, skipped) = context.availableRoutes(routes)
        case .hedge:
            strategies.requestStarted(alias: alias, now: .now)
            (routes, skipped) = context.availableRoutes(routes)
            mode = .hedge(delay: routes.first.map { hedgeDelay(context, primary: $0) } ?? .zero)
        case .tier:
            let estimate = ComplexityEstimate(request)
            guard let tier = TierChooser.choose(alias.tiers, estimate: estimate, hint: incomingHeaders[Self.tierHint]) else {
                throw GatewayError.allProvidersFailed([])
            }
            strategies.requestStarted(alias: alias, tier: tier.name, now: .now)
            runner.metrics.tierChosen(alias: alias.name, tier: tier.name)
            trace.update { $0.tier = tier.name }
            mode = .sequential
            routes = tier.routes.filter { snapshot.providers[$0.provider] != nil }
        }
        var retryPolicies: [Route: RetryPolicy] = [:]
        var firstTokenTimeouts: [Route: Duration] = [:]
        for route in routes {
            guard let config = snapshot.providers[route.provider]?.config else { continue }
            retryPolicies[route] = config.retry
            if let limit = alias.firstTokenTimeout ?? config.firstTokenTimeout { firstTokenTimeouts[route] = limit }
        }
        let setup = ExecutionSetup(
            mode: mode, routes: routes, skipped: skipped, retryPolicies: retryPolicies,
            firstTokenTimeouts: firstTokenTimeouts, deadline: deadline, timeout: timeout)
        return try await ExecutionDriver(context: context, trace: trace, watch: watch, eventLoop: eventLoop).run(setup)
    }

    /// The delay before hedging, from the primary's recent TTFT (streams) or latency (JSON).
    private func hedgeDelay(_ context: ExecutionContext, primary: Route) -> Duration {
        let config = context.alias.hedge
        let stream = context.request.stream
        let runtime = context.snapshot.providers[primary.provider]
        return strategies.hedgeDelay(alias: context.alias.name + (stream ? "|stream" : "|json"), now: .now) {
            config.delay(
                percentileMilliseconds: runtime?.stats.recentPercentile(
                    model: primary.model, config.percentile, firstToken: stream, minimumSamples: config.minimumSamples,
                    now: .now))
        }
    }

    /// The client headers `runtime`'s requests carry upstream.
    static func forwarded(_ headers: HTTPFields, to runtime: ProviderRuntime) -> HTTPHeaders {
        var result = HTTPHeaders()
        for (name, field) in runtime.forwardedHeaderNames {
            guard let value = headers[field] else { continue }
            result.add(name: name, value: value)
        }
        return result
    }
}
