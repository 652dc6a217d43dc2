import GatewayCore

/// `single` and `fallback` (and a tier's routes): one attempt at a time, walking the
/// routes with ``FallbackPlan`` — retries with backoff, then the next route — until an
/// attempt answers or none can.
struct FallbackExecution: Sendable {
    let context: ContestContext

    func run(routes: [Route], trace: TraceRecorder) async throws -> ExecutionAnswer {
        let snapshot = context.snapshot
        let routes = routes.filter { snapshot.providers[$0.provider] != nil }
        var retryPolicies: [Route: RetryPolicy] = [:]
        for route in routes {
            retryPolicies[route] = snapshot.providers[route.provider]?.config.retry
        }
        var plan = FallbackPlan(routes: routes, retryPolicies: retryPolicies)
        var random = SystemRandomNumberGenerator()
        var decision = plan.start()
        while true {
            let route: Route
            switch decision {
            case .giveUp(let failures):
                throw GatewayError.allProvidersFailed(failures)
            case .retry(let next, let wait):
                context.runner.metrics.retried(provider: next.provider, model: next.model)
                try await Task.sleep(for: wait)
                route = next
            case .tryRoute(let next):
                route = next
            }
            let started = ContinuousClock.now
            let outcome = await context.attempt(route)
            trace.update {
                $0.attempts += 1
                $0.upstreamTime += .now - started
            }
            switch outcome {
            case .answered(_, let answer, _):
                trace.update {
                    $0.provider = route.provider
                    $0.model = route.model
                    $0.upstreamServiceTime = answer.serviceTime
                }
                return answer
            case .failed(_, let failure, _):
                trace.failed(route, failure)
                decision = plan.attemptFailed(failure, now: .now, deadline: context.deadline, random: &random)
            case .cancelled, .hedgeTimer:
                throw CancellationError()
            }
        }
    }
}
