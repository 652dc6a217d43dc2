import GatewayCore
import GatewayProviders
import HTTPTypes
import NIOCore

/// One attempt inside a race or hedge, and how it ended.
enum ContenderOutcome: Sendable {
    /// The route answered (a complete reply, or a stream whose first content arrived).
    case answered(Route, ExecutionAnswer, elapsed: Duration)
    /// The route could not answer.
    case failed(Route, AttemptFailure, elapsed: Duration)
    /// The attempt was cancelled (another contender won, or the request ended).
    case cancelled(Route)
    /// The hedge timer went off.
    case hedgeTimer
}

/// What every contender of one request shares: how to start an attempt on a route.
struct ContestContext: Sendable {
    let runner: AttemptRunner
    let request: ChatRequest
    let alias: AliasConfig
    let snapshot: RuntimeSnapshot
    let incomingHeaders: HTTPFields
    let deadline: ContinuousClock.Instant

    /// Routes whose provider is configured and whose breaker is not open (an open
    /// breaker's provider is skipped, not raced).
    func availableRoutes(_ routes: [Route]) -> (available: [Route], skipped: [ProviderFailure]) {
        var available: [Route] = []
        var skipped: [ProviderFailure] = []
        for route in routes {
            guard let runtime = snapshot.providers[route.provider] else { continue }
            if case .open(let until) = runtime.breakers.state(model: route.model), until > .now {
                skipped.append(ProviderFailure(provider: route.provider, model: route.model, failure: .circuitOpen))
            } else {
                available.append(route)
            }
        }
        return (available, skipped)
    }

    /// Runs one attempt; never throws (cancellation becomes `.cancelled`).
    func attempt(_ route: Route) async -> ContenderOutcome {
        guard let runtime = snapshot.providers[route.provider] else {
            return .failed(route, .circuitOpen, elapsed: .zero)
        }
        let call = UpstreamCall(
            request: request, model: route.model,
            forwardedHeaders: RequestExecutor.forwarded(incomingHeaders, names: runtime.config.forwardHeaders),
            deadline: NIODeadline(deadline))
        let started = ContinuousClock.now
        do {
            let answer = try await runner.run(
                runtime: runtime, call: call,
                firstTokenTimeout: alias.firstTokenTimeout ?? runtime.config.firstTokenTimeout, stream: request.stream)
            return .answered(route, answer, elapsed: .now - started)
        } catch let failure as AttemptFailure {
            return .failed(route, failure, elapsed: .now - started)
        } catch {
            return .cancelled(route)
        }
    }

    /// Prompt tokens of this request, estimated at four characters per token.
    var estimatedPromptTokens: Int {
        (ComplexityEstimate(request).contextChars + 3) / 4
    }
}

extension ExecutionAnswer {
    /// Releases an answer nobody will use: a stream is abandoned (its upstream connection
    /// is dropped and its limiter slot freed). Returns the completion tokens it carried.
    func discard() -> Int {
        switch self {
        case .complete(let response, _):
            return response.usage?.outputTokens ?? 0
        case .stream(let start):
            start.completion.abandoned()
            return start.events.reduce(0) { $1.isContent ? $0 + 1 : $0 }
        }
    }
}

extension ThrowingTaskGroup where ChildTaskResult == ContenderOutcome, Failure == any Error {
    /// After a winner: cancels every other contender and waits for them, releasing any
    /// answer that still arrived. Returns the routes that answered late with the completion
    /// tokens they carried.
    mutating func cancelLosers() async throws -> [Route: Int] {
        cancelAll()
        var late: [Route: Int] = [:]
        while let rest = try await next() {
            if case .answered(let route, let extra, _) = rest { late[route] = extra.discard() }
        }
        return late
    }
}

extension TraceRecorder {
    /// Records the contender that won a race or hedge started at `started`.
    func won(_ winner: Route, _ answer: ExecutionAnswer, started: ContinuousClock.Instant) {
        update {
            $0.provider = winner.provider
            $0.model = winner.model
            $0.upstreamTime += .now - started
            $0.upstreamServiceTime = answer.serviceTime
        }
    }

    /// Records a contender's failure.
    func failed(_ route: Route, _ failure: AttemptFailure) {
        update { $0.failures.append(ProviderFailure(provider: route.provider, model: route.model, failure: failure)) }
    }
}
