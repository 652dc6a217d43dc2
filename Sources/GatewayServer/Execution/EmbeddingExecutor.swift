import GatewayCore
import GatewayProviders
import HTTPTypes
import NIOCore

/// Sends one embeddings call through an `embeddings:` entry's routes as a `fallback` alias
/// sends a chat call: the same ``RequestExecution`` decides (each provider's retry policy,
/// backoff with jitter, `Retry-After`, the next route, the deadline), and each attempt takes
/// the same breaker admission, limiter slot and recording as a chat attempt of that
/// provider and model. One attempt runs at a time, so the driver is a plain loop on the
/// caller's task; cancelling the task cancels the attempt.
struct EmbeddingExecutor: Sendable {
    let runner: AttemptRunner

    /// The vectors and what produced them.
    struct Answer: Sendable {
        var reply: EmbeddingReply
        var route: Route
        var simulated: Bool
        var trace: ExecutionTrace
    }

    /// No route answered: the error (every provider's failure by name) and what was tried.
    struct Failed: Error {
        var error: GatewayError
        var trace: ExecutionTrace
    }

    /// Throws ``Failed`` when no route answered, or `CancellationError` when the task was
    /// cancelled.
    func embed(
        inputs: [String],
        dimensions: Int?,
        model: EmbeddingModelConfig,
        snapshot: RuntimeSnapshot,
        headers: HTTPFields,
        deadline: ContinuousClock.Instant,
        timeout: Duration,
        random: JitterSource = .system()
    ) async throws -> Answer {
        var routes: [Route] = []
        var skipped: [ProviderFailure] = []
        var retryPolicies: [Route: RetryPolicy] = [:]
        for route in model.routes {
            guard let runtime = snapshot.providers[route.provider] else {
                let why = snapshot.disabled[route.provider] ?? "not configured"
                skipped.append(Self.failure(route, .rejected(status: 503, message: "provider '\(route.provider)' is disabled: \(why)")))
                continue
            }
            guard runtime.provider is any EmbeddingProvider else {
                skipped.append(Self.failure(route, .rejected(status: 400, message: "provider '\(route.provider)' has no embeddings API the gateway speaks")))
                continue
            }
            routes.append(route)
            retryPolicies[route] = runtime.config.retry
        }
        var machine = RequestExecution(
            setup: ExecutionSetup(
                mode: .sequential, routes: routes, skipped: skipped, retryPolicies: retryPolicies, deadline: deadline, timeout: timeout),
            random: random)
        var trace = ExecutionTrace()
        trace.failures = skipped
        var actions = machine.start(now: .now)
        var answered: (id: AttemptID, reply: EmbeddingReply, route: Route)?
        var timer: ContinuousClock.Instant?
        while true {
            var next: (id: AttemptID, route: Route)?
            for action in actions {
                switch action {
                case .start(let id, let route):
                    next = (id, route)
                case .schedule(let instant):
                    timer = instant
                case .answer(let id):
                    guard let answered, answered.id == id else { continue }
                    let simulated = snapshot.providers[answered.route.provider]?.isSimulated ?? false
                    trace.provider = answered.route.provider
                    trace.model = answered.route.model
                    trace.simulated = simulated
                    return Answer(reply: answered.reply, route: answered.route, simulated: simulated, trace: trace)
                case .fail(let error):
                    throw Failed(error: error, trace: trace)
                case .retried(let route):
                    runner.metrics.retried(provider: route.provider, model: route.model)
                case .cancel, .discard, .askHedge, .hedgeFired, .hedgeDenied:
                    // Sequential mode runs one attempt at a time and never hedges.
                    break
                }
            }
            if let next {
                trace.attempts += 1
                let started = ContinuousClock.now
                do {
                    let reply = try await attempt(
                        next.route, inputs: inputs, dimensions: dimensions, snapshot: snapshot, headers: headers, deadline: deadline)
                    trace.upstreamTime += .now - started
                    answered = (next.id, reply, next.route)
                    actions = machine.attemptAnswered(next.id, now: .now)
                } catch let failure as AttemptFailure {
                    trace.upstreamTime += .now - started
                    trace.failures.append(ProviderFailure(provider: next.route.provider, model: next.route.model, failure: failure))
                    actions = machine.attemptFailed(next.id, failure, now: .now)
                }
            } else if let instant = timer {
                // A retry's backoff (or the deadline): the machine said when.
                try await Task.sleep(until: instant, clock: .continuous)
                timer = nil
                actions = machine.timerFired(now: .now)
            } else {
                throw Failed(error: .allProvidersFailed(trace.failures), trace: trace)
            }
        }
    }

    /// One attempt on one route. Throws ``AttemptFailure`` when the provider could not
    /// answer (its breaker and statistics record it), `CancellationError` when cancelled.
    private func attempt(
        _ route: Route, inputs: [String], dimensions: Int?, snapshot: RuntimeSnapshot, headers: HTTPFields,
        deadline: ContinuousClock.Instant
    ) async throws -> EmbeddingReply {
        guard let runtime = snapshot.providers[route.provider], let provider = runtime.provider as? any EmbeddingProvider else {
            throw AttemptFailure.upstream(.rejected(status: 400, message: "provider '\(route.provider)' has no embeddings API the gateway speaks"))
        }
        let completion = try await runner.admit(runtime: runtime, model: route.model)
        let call = EmbeddingCall(
            model: route.model, inputs: inputs, dimensions: dimensions,
            forwardedHeaders: RequestExecutor.forwarded(headers, to: runtime),
            deadline: NIODeadline(deadline))
        do {
            let reply = try await provider.embed(call)
            completion.succeeded(firstToken: nil)
            return reply
        } catch {
            if Task.isCancelled {
                completion.abandoned()
                throw CancellationError()
            }
            let upstream = error as? UpstreamError ?? .connectionFailed(String(describing: error))
            completion.failed(upstream)
            throw AttemptFailure.upstream(upstream)
        }
    }

    private static func failure(_ route: Route, _ error: UpstreamError) -> ProviderFailure {
        ProviderFailure(provider: route.provider, model: route.model, failure: .upstream(error))
    }
}
