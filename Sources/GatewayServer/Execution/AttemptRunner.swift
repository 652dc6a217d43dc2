import GatewayCore
import GatewayProviders
import Logging
import NIOCore

/// Runs one attempt on one route: breaker admission, a limiter slot, the upstream call.
/// Its time limits belong to ``RequestExecution`` (the driver cancels the task); a task
/// cancelled for a first-token timeout settles as that provider failure. Throws
/// ``AttemptFailure`` when the provider could not answer, `CancellationError` otherwise.
struct AttemptRunner: Sendable {
    let metrics: GatewayMetrics
    let logger: Logger

    /// What an attempt produced, with when its upstream call started (after queueing).
    struct Outcome: Sendable {
        var answer: ExecutionAnswer
        var upstreamStarted: ContinuousClock.Instant
    }

    func run(
        runtime: ProviderRuntime,
        call: UpstreamCall,
        stream: Bool,
        cancelReason: @escaping @Sendable () -> AttemptCancelReason?
    ) async throws -> Outcome {
        let completion = try await admit(runtime: runtime, model: call.model)
        do {
            if stream {
                let start = try await Self.openStream(provider: runtime.provider, call: call, completion: completion)
                return Outcome(answer: .stream(start), upstreamStarted: completion.started)
            }
            let reply = try await runtime.provider.complete(call)
            completion.succeeded(firstToken: nil)
            return Outcome(answer: .complete(reply.response, serviceTime: reply.serviceTime), upstreamStarted: completion.started)
        } catch {
            if cancelReason() == .firstTokenTimeout {
                completion.failed(.firstTokenTimeout)
                throw AttemptFailure.upstream(.firstTokenTimeout)
            }
            if let error = error as? UpstreamError, cancelReason() == nil {
                completion.failed(error)
                throw AttemptFailure.upstream(error)
            }
            completion.abandoned()
            throw CancellationError()
        }
    }

    /// Breaker admission, then a limiter slot: the completion that settles the attempt.
    /// Throws ``AttemptFailure/circuitOpen`` or ``AttemptFailure/queueFull(retryAfterSeconds:)``
    /// when the attempt may not be made, `CancellationError` when cancelled while queued.
    func admit(runtime: ProviderRuntime, model: String) async throws -> AttemptCompletion {
        let (admission, transition) = runtime.breakers.admit(model: model, now: .now)
        if transition == .halfOpened {
            metrics.breakerTransition(provider: runtime.config.name, model: model, to: "half_open")
        }
        guard admission != .rejected else { throw AttemptFailure.circuitOpen }
        let isProbe = admission == .probe
        do {
            try await runtime.limiter.acquire()
        } catch is QueueFullError {
            runtime.breakers.abandoned(model: model, isProbe: isProbe)
            throw AttemptFailure.queueFull(retryAfterSeconds: 1)
        } catch {
            runtime.breakers.abandoned(model: model, isProbe: isProbe)
            throw error
        }
        return AttemptCompletion(
            runtime: runtime, model: model, isProbe: isProbe, started: .now,
            permit: LimiterPermit(driver: runtime.limiter), metrics: metrics, logger: logger)
    }

    /// Opens the upstream stream and reads up to its first content event.
    private static func openStream(
        provider: any Provider,
        call: UpstreamCall,
        completion: AttemptCompletion
    ) async throws -> StreamStart {
        let upstream = try await provider.stream(call)
        var iterator = upstream.makeAsyncIterator()
        var events: [StreamEvent] = []
        var ended = false
        while true {
            guard let event = try await iterator.next() else {
                ended = true
                break
            }
            events.append(event)
            if event.isContent { break }
        }
        return StreamStart(
            events: events, rest: HandOff(value: iterator), ended: ended,
            firstToken: .now - completion.started, serviceTime: upstream.serviceTime, completion: completion)
    }
}
