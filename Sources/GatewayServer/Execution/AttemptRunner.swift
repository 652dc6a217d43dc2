import GatewayCore
import GatewayProviders
import Logging
import NIOCore

/// Runs one attempt on one route: breaker admission, a limiter slot, the upstream call
/// under the time-to-first-token limit. Throws ``AttemptFailure`` when the provider could
/// not answer, `CancellationError` when the request was cancelled.
struct AttemptRunner: Sendable {
    let metrics: GatewayMetrics
    let logger: Logger

    func run(
        runtime: ProviderRuntime,
        call: UpstreamCall,
        firstTokenTimeout: Duration?,
        stream: Bool
    ) async throws -> ExecutionAnswer {
        let model = call.model
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
        let completion = AttemptCompletion(
            runtime: runtime, model: model, isProbe: isProbe, started: .now,
            permit: LimiterPermit(driver: runtime.limiter), metrics: metrics, logger: logger)
        let firstTokenDeadline = firstTokenTimeout.map { completion.started + $0 }
        do {
            if stream {
                let provider = runtime.provider
                return .stream(
                    try await limited(until: firstTokenDeadline) {
                        try await Self.openStream(provider: provider, call: call, completion: completion)
                    })
            }
            // A JSON answer's first token is the whole answer: the first-token limit is the
            // upstream call's own deadline when it comes first (no timer task).
            var bounded = call
            if let firstTokenDeadline {
                let limit = NIODeadline(firstTokenDeadline)
                if limit < bounded.deadline { bounded.deadline = limit }
            }
            let reply: UpstreamReply
            do {
                reply = try await runtime.provider.complete(bounded)
            } catch UpstreamError.connectionFailed where firstTokenDeadline.map({ .now >= $0 }) == true {
                throw UpstreamError.firstTokenTimeout
            }
            completion.succeeded(firstToken: nil)
            return .complete(reply.response, serviceTime: reply.serviceTime)
        } catch let error as UpstreamError {
            completion.failed(error)
            throw AttemptFailure.upstream(error)
        } catch is TimeLimitExceeded {
            completion.failed(.firstTokenTimeout)
            throw AttemptFailure.upstream(.firstTokenTimeout)
        } catch {
            completion.abandoned()
            throw error
        }
    }

    private func limited<T: Sendable>(
        until deadline: ContinuousClock.Instant?,
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        guard let deadline else { return try await operation() }
        return try await withTimeLimit(until: deadline, operation)
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
