import GatewayCore
import GatewayProviders
import HTTPTypes
import Hummingbird
import NIOCore

/// Streams an answer whose first content already arrived: the response head goes out
/// now, the rest is pumped from the upstream as it comes. A stream that breaks after
/// bytes were sent ends with an error event, never a silent truncated 200.
struct SSEResponder: Sendable {
    let gateway: Gateway

    /// What ended the pump.
    enum Signal: Sendable {
        case event(StreamEvent)
        case finished
        case failed(UpstreamError)
        case deadline
        case clientGone
    }

    func response(
        start: StreamStart,
        chat: ChatRequest,
        alias: AliasConfig,
        started: ContinuousClock.Instant,
        deadline: ContinuousClock.Instant,
        trace: ExecutionTrace,
        watch: ConnectionWatch?,
        eventLoop: any EventLoop
    ) -> Response {
        var headers = trace.headers(elapsed: .now - started)
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        let gateway = self.gateway
        let encoder = OpenAIChunkEncoder(
            id: "chatcmpl-\(UInt64.random(in: 0...UInt64.max))", model: chat.model,
            created: ChatCompletionsHandler.unixTime())
        let includeUsage = chat.includeUsage
        let body = ResponseBody { writer in
            let outcome = await Self.pump(
                start: start, encoder: encoder, includeUsage: includeUsage, deadline: deadline, watch: watch,
                eventLoop: eventLoop, writer: &writer)
            let elapsed = ContinuousClock.now - started
            switch outcome {
            case .finished:
                start.completion.succeeded(firstToken: start.firstToken)
                RequestLog.finished(gateway: gateway, alias: alias.name, status: 200, stream: true, elapsed: elapsed, trace: trace)
            case .failed(let error):
                start.completion.failed(error)
                RequestLog.failed(
                    gateway: gateway, alias: alias.name,
                    error: .allProvidersFailed([
                        ProviderFailure(provider: trace.provider ?? "-", model: trace.model ?? "-", failure: .upstream(error))
                    ]), stream: true, elapsed: elapsed, trace: trace)
            case .deadline:
                start.completion.abandoned()
                RequestLog.failed(
                    gateway: gateway, alias: alias.name, error: .deadlineExceeded(milliseconds: Int((deadline - started).milliseconds)),
                    stream: true, elapsed: elapsed, trace: trace)
            case .clientGone, .event:
                start.completion.abandoned()
                RequestLog.failed(gateway: gateway, alias: alias.name, error: .clientDisconnected, stream: true, elapsed: elapsed, trace: trace)
            }
            try? await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// Writes the first events, then pumps the upstream until it ends, fails, the deadline
    /// passes or the client goes. A producer task reads the upstream; the deadline and
    /// the disconnect hook signal through the same channel, so whichever comes first wins.
    /// The deadline is a timer on the connection's event loop, not a sleeping task.
    private static func pump(
        start: StreamStart,
        encoder: OpenAIChunkEncoder,
        includeUsage: Bool,
        deadline: ContinuousClock.Instant,
        watch: ConnectionWatch?,
        eventLoop: any EventLoop,
        writer: inout any ResponseBodyWriter
    ) async -> Signal {
        do {
            try await writer.write(encoder.roleChunk())
            for event in start.events {
                if let frame = encoder.encode(event, includeUsage: includeUsage) { try await writer.write(frame) }
            }
            if start.ended {
                try await writer.write(encoder.done())
                return .finished
            }
        } catch {
            return .clientGone
        }
        let (signals, continuation) = AsyncStream<Signal>.makeStream()
        let rest = start.rest
        let outcome: Signal = await withTaskGroup(of: Void.self) { group in
            group.addTask {
                var iterator = rest.value
                do {
                    while let event = try await iterator.next() {
                        continuation.yield(.event(event))
                    }
                    continuation.yield(.finished)
                } catch let error as UpstreamError {
                    continuation.yield(.failed(error))
                } catch is CancellationError {
                    continuation.yield(.clientGone)
                } catch {
                    continuation.yield(.failed(.streamInterrupted(String(describing: error))))
                }
                continuation.finish()
            }
            let timer = eventLoop.scheduleTask(deadline: NIODeadline(deadline)) {
                continuation.yield(.deadline)
                continuation.finish()
            }
            watch?.onClose {
                continuation.yield(.clientGone)
                continuation.finish()
            }
            var outcome = Signal.clientGone
            loop: for await signal in signals {
                switch signal {
                case .event(let event):
                    guard let frame = encoder.encode(event, includeUsage: includeUsage) else { continue }
                    do {
                        try await writer.write(frame)
                    } catch {
                        outcome = .clientGone
                        break loop
                    }
                case .finished, .failed, .deadline, .clientGone:
                    outcome = signal
                    break loop
                }
            }
            watch?.clearHook()
            timer.cancel()
            group.cancelAll()
            return outcome
        }
        do {
            switch outcome {
            case .finished:
                try await writer.write(encoder.done())
            case .failed(let error):
                try await writer.write(encoder.errorEvent(message: error.message, type: "upstream_error", code: error.kind))
            case .deadline:
                try await writer.write(
                    encoder.errorEvent(message: "no answer within the request deadline", type: "timeout_error", code: "deadline_exceeded"))
            case .clientGone, .event:
                break
            }
        } catch {
            return .clientGone
        }
        return outcome
    }
}
