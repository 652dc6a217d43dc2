import GatewayCore
import GatewayProviders
import HTTPTypes
import NIOCore

/// What every attempt of one request shares: the request, its alias and policy snapshot,
/// the incoming headers to forward, and how to run an attempt on a route.
struct ExecutionContext: Sendable {
    let runner: AttemptRunner
    let stats: StrategyStats
    let request: ChatRequest
    let alias: AliasConfig
    let snapshot: RuntimeSnapshot
    let incomingHeaders: HTTPFields
    let deadline: ContinuousClock.Instant

    var metrics: GatewayMetrics { runner.metrics }

    /// Runs one attempt and sends its outcome to the driver; an answer that arrives after
    /// the execution cancelled the attempt is released here, never handed over.
    func attempt(_ handle: AttemptHandle, send: @Sendable (ExecutionDriver.Event) -> Void) async {
        let route = handle.route
        guard let runtime = snapshot.providers[route.provider] else {
            send(.failed(handle.id, .circuitOpen, upstreamStarted: nil))
            return
        }
        let call = UpstreamCall(
            request: request, model: route.model,
            forwardedHeaders: RequestExecutor.forwarded(incomingHeaders, to: runtime),
            deadline: NIODeadline(deadline))
        do {
            let outcome = try await runner.run(
                runtime: runtime, call: call, stream: request.stream, cancelReason: { handle.cancelReason })
            if let reason = handle.cancelReason {
                let completionTokens = outcome.answer.discard()
                if reason == .lostContest { ContestRecorder(context: self).lateAnswer(route, completionTokens: completionTokens) }
                return
            }
            send(.answered(handle.id, outcome))
        } catch let failure as AttemptFailure {
            send(.failed(handle.id, failure, upstreamStarted: nil))
        } catch {
            // Cancelled by the execution: it already knows.
        }
    }

    /// Routes whose provider is configured, and of those the ones whose breaker is open
    /// (race and hedge skip them; a sequential walk tries them and fails fast).
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

extension TraceRecorder {
    /// Records an attempt's failure.
    func failed(_ route: Route, _ failure: AttemptFailure) {
        update { $0.failures.append(ProviderFailure(provider: route.provider, model: route.model, failure: failure)) }
    }
}
