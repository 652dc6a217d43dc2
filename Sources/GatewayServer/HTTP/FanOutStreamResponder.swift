import GatewayCache
import GatewayCore
import GatewayProviders
import Hummingbird
import NIOCore

/// Streams a fanned-out `n > 1` answer: the thin driver of ``ChoiceStreamMerge``. One
/// reader per call posts its events to one ``BatchMailbox``, with the deadline and the
/// client's disconnect; the writer feeds them to the merge and writes what it emits, so
/// the choices' chunks interleave as they arrive under the stream's own id. A call that
/// fails mid-stream ends the stream with an error event and the others are cancelled; the
/// deadline, the client leaving or reading too slowly cancel every call.
struct FanOutStreamResponder: Sendable {
    let gateway: Gateway
    /// The API whose SSE shape the stream takes.
    var api: IngressAPI = .chatCompletions
    /// Closes the client's connection (a client too slow to read, a write blocked past the deadline).
    let closeConnection: @Sendable () -> Void

    /// What the readers, the timer and the disconnect hook post.
    enum Signal: Sendable {
        case event(choice: Int, StreamEvent)
        case ended(choice: Int)
        case failed(choice: Int, UpstreamError)
        case deadline
        case clientGone
        case slowClient
    }

    /// How the merged stream ended.
    enum Outcome: Sendable {
        case finished
        case failed(choice: Int, UpstreamError)
        case deadline
        case clientGone
        case slowClient
    }

    /// `starts[i]` is call i's stream, whose first content already arrived; `traces[i]` its trace.
    func response(
        starts: [StreamStart],
        traces: [ExecutionTrace],
        chat: ChatRequest,
        alias: AliasConfig,
        started: ContinuousClock.Instant,
        deadline: ContinuousClock.Instant,
        cache: CacheOutcome,
        watch: ConnectionWatch?,
        eventLoop: any EventLoop,
        lease: TenantLease?
    ) -> Response {
        let trace = ChatCompletionsHandler.mergedTrace(traces)
        var headers = StreamPump.eventStreamHeaders(trace.headers(elapsed: .now - started))
        headers[.gatewayCache] = cache.rawValue
        let gateway = self.gateway
        let encoder = api.streamEncoder(model: chat.model, created: ChatCompletionsHandler.unixTime(), choices: starts.count)
        let includeUsage = chat.includeUsage
        let closeConnection = self.closeConnection
        let requestID = RequestID.current
        let body = ResponseBody { writer in
            await RequestID.$current.withValue(requestID) {
                var run = FanOutMergeRun(starts: starts, encoder: encoder, includeUsage: includeUsage)
                let outcome = await run.pump(
                    deadline: deadline, watch: watch, eventLoop: eventLoop, closeConnection: closeConnection, writer: &writer)
                run.settleRemaining()
                let elapsed = ContinuousClock.now - started
                switch outcome {
                case .finished:
                    RequestLog.finished(gateway: gateway, alias: alias.name, status: 200, stream: true, elapsed: elapsed, trace: trace, cache: cache)
                case .failed(let choice, let error):
                    let failed = traces.indices.contains(choice) ? traces[choice] : trace
                    RequestLog.failed(
                        gateway: gateway, alias: alias.name,
                        error: .allProvidersFailed([
                            ProviderFailure(provider: failed.provider ?? "-", model: failed.model ?? "-", failure: .upstream(error))
                        ]), stream: true, elapsed: elapsed, trace: trace)
                case .deadline:
                    RequestLog.failed(
                        gateway: gateway, alias: alias.name, error: .deadlineExceeded(milliseconds: Int((deadline - started).milliseconds)),
                        stream: true, elapsed: elapsed, trace: trace)
                case .clientGone:
                    RequestLog.failed(gateway: gateway, alias: alias.name, error: .clientDisconnected, stream: true, elapsed: elapsed, trace: trace)
                case .slowClient:
                    RequestLog.failed(
                        gateway: gateway, alias: alias.name, error: .clientTooSlow(pendingEvents: SSEResponder.maxPendingEvents),
                        stream: true, elapsed: elapsed, trace: trace)
                }
                try? await writer.finish(nil)
                await lease?.finish(actual: run.merge.usage?.totalTokens)
            }
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
