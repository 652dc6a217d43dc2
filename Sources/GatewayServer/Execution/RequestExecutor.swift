import GatewayCore
import GatewayProviders
import HTTPTypes
import NIOCore
import NIOHTTP1

/// Serves one request by its alias's strategy (`single`, `fallback`): walks the routes
/// with ``FallbackPlan``, retrying with backoff, until an attempt answers or none can.
struct RequestExecutor: Sendable {
    let runner: AttemptRunner

    func execute(
        _ request: ChatRequest,
        alias: AliasConfig,
        snapshot: RuntimeSnapshot,
        incomingHeaders: HTTPFields,
        deadline: ContinuousClock.Instant,
        trace: TraceRecorder
    ) async throws -> ExecutionAnswer {
        let routes = alias.routes.filter { snapshot.providers[$0.provider] != nil }
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
                runner.metrics.retried(provider: next.provider, model: next.model)
                try await Task.sleep(for: wait)
                route = next
            case .tryRoute(let next):
                route = next
            }
            guard let runtime = snapshot.providers[route.provider] else { continue }
            let call = UpstreamCall(
                request: request, model: route.model,
                forwardedHeaders: Self.forwarded(incomingHeaders, names: runtime.config.forwardHeaders),
                deadline: Self.nioDeadline(deadline))
            let started = ContinuousClock.now
            do {
                let answer = try await runner.run(
                    runtime: runtime, call: call,
                    firstTokenTimeout: alias.firstTokenTimeout ?? runtime.config.firstTokenTimeout,
                    stream: request.stream)
                trace.update {
                    $0.attempts += 1
                    $0.upstreamTime += .now - started
                    $0.provider = route.provider
                    $0.model = route.model
                    $0.upstreamServiceTime = answer.serviceTime
                }
                return answer
            } catch let failure as AttemptFailure {
                trace.update {
                    $0.attempts += 1
                    $0.upstreamTime += .now - started
                    $0.failures.append(ProviderFailure(provider: route.provider, model: route.model, failure: failure))
                }
                decision = plan.attemptFailed(failure, now: .now, deadline: deadline, random: &random)
            } catch {
                trace.update {
                    $0.attempts += 1
                    $0.upstreamTime += .now - started
                }
                throw error
            }
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

    static func nioDeadline(_ deadline: ContinuousClock.Instant) -> NIODeadline {
        NIODeadline.now() + .nanoseconds((deadline - .now).nanoseconds)
    }
}
