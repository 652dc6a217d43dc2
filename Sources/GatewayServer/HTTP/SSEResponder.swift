import GatewayCache
import GatewayCore
import GatewayProviders
import HTTPTypes
import Hummingbird
import NIOCore
import Locking
import Synchronization

/// Streams an answer whose first content already arrived: the response head goes out
/// now, the rest is pumped from the upstream as it comes. A stream that breaks after
/// bytes were sent ends with an error event, never a silent truncated 200.
struct SSEResponder: Sendable {
    let gateway: Gateway
    /// The API whose SSE shape the stream takes.
    var api: IngressAPI = .chatCompletions
    /// Closes the client's connection: for a client too slow to read its stream, and for a
    /// write still blocked on it after the deadline.
    let closeConnection: @Sendable () -> Void

    /// Events read from the upstream but not yet taken by the client's writer, past which the
    /// client is too slow and is dropped (the socket's own buffers are full by then).
    static let maxPendingEvents = 1024
    /// How long after the deadline a write blocked on a client that does not read may hold
    /// the request before the connection is closed.
    static let blockedWriteGrace: TimeAmount = .seconds(1)

    /// What the reader, the timers and the disconnect hook post; all but `events` end the pump.
    enum Signal: Sendable {
        /// The events of one upstream read.
        case events([StreamEvent])
        case finished
        case failed(UpstreamError)
        case deadline
        case clientGone
        case slowClient
    }

    func response(
        start: StreamStart,
        chat: ChatRequest,
        alias: AliasConfig,
        started: ContinuousClock.Instant,
        deadline: ContinuousClock.Instant,
        trace: ExecutionTrace,
        cache: CacheOutcome,
        watch: ConnectionWatch?,
        eventLoop: any EventLoop,
        lease: TenantLease? = nil,
        onCompleted: (@Sendable (ChatResponse, String?) async -> Void)? = nil
    ) -> Response {
        var headers = StreamPump.eventStreamHeaders(trace.headers(elapsed: .now - started))
        headers[.gatewayCache] = cache.rawValue
        let gateway = self.gateway
        let encoder = api.streamEncoder(model: chat.model, created: ChatCompletionsHandler.unixTime(), choices: chat.choiceCount)
        let includeUsage = chat.includeUsage
        let closeConnection = self.closeConnection
        let requestID = RequestID.current
        let body = ResponseBody { writer in
            await RequestID.$current.withValue(requestID) {
                // Only a stream that may be stored pays for assembling the whole answer.
                let assembled = onCompleted != nil || lease != nil ? AssembledAnswer() : nil
                let outcome = await Self.pump(
                    start: start, encoder: encoder, includeUsage: includeUsage, deadline: deadline, watch: watch,
                    eventLoop: eventLoop, closeConnection: closeConnection, assembled: assembled, writer: &writer)
                let elapsed = ContinuousClock.now - started
                switch outcome {
                case .finished:
                    start.completion.succeeded(firstToken: start.firstToken)
                    RequestLog.finished(gateway: gateway, alias: alias.name, status: 200, stream: true, elapsed: elapsed, trace: trace, cache: cache)
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
                case .clientGone, .events:
                    start.completion.abandoned()
                    RequestLog.failed(gateway: gateway, alias: alias.name, error: .clientDisconnected, stream: true, elapsed: elapsed, trace: trace)
                case .slowClient:
                    start.completion.abandoned()
                    RequestLog.failed(gateway: gateway, alias: alias.name, error: .clientTooSlow(pendingEvents: Self.maxPendingEvents), stream: true, elapsed: elapsed, trace: trace)
                }
                try? await writer.finish(nil)
                await lease?.finish(actual: assembled?.usage?.totalTokens)
                // A stream that completed is stored once, after the client has all of it.
                if case .finished = outcome, let onCompleted, let assembled {
                    await onCompleted(assembled.response(model: trace.model ?? chat.model), trace.cachedProvider)
                }
            }
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// Writes the first events, then pumps the upstream until it ends, fails, the deadline
    /// passes or the client goes. A producer task reads the upstream; the deadline and
    /// the disconnect hook post to the same ``BatchMailbox``, so whichever comes first wins.
    /// The deadline is a timer on the connection's event loop, not a sleeping task.
    private static func pump(
        start: StreamStart,
        encoder: any IngressStreamEncoder,
        includeUsage: Bool,
        deadline: ContinuousClock.Instant,
        watch: ConnectionWatch?,
        eventLoop: any EventLoop,
        closeConnection: @escaping @Sendable () -> Void,
        assembled: AssembledAnswer?,
        writer: inout any ResponseBodyWriter
    ) async -> Signal {
        var encoder = encoder
        do {
            try await writer.write(encoder.opening())
            for event in start.events {
                assembled?.apply(event)
                if let frame = encoder.encode(event, includeUsage: includeUsage) { try await writer.write(frame) }
            }
            if start.ended {
                try await writer.write(encoder.done())
                return .finished
            }
        } catch {
            return .clientGone
        }
        let mailbox = BatchMailbox<Signal>(limit: Self.maxPendingEvents)
        let rest = start.rest
        let slowClient = SlowClientFlag()
        let outcome: Signal = await withTaskGroup(of: Void.self) { group in
            group.addTask {
                var iterator = rest.value
                do {
                    while let events = try await iterator.nextBatch() {
                        // The consumer may be blocked writing to a client that does not read:
                        // past the bound, drop the client instead of buffering without limit.
                        switch mailbox.post(.events(events), weight: events.count) {
                        case .queued: continue
                        case .closed: return
                        case .full:
                            slowClient.dropped.store(true, ordering: .releasing)
                            mailbox.post(.slowClient, closing: true)
                            closeConnection()
                            return
                        }
                    }
                    mailbox.post(.finished, closing: true)
                } catch let error as UpstreamError {
                    mailbox.post(.failed(error), closing: true)
                } catch is CancellationError {
                    mailbox.post(.clientGone, closing: true)
                } catch {
                    mailbox.post(.failed(.streamInterrupted(String(describing: error))), closing: true)
                }
            }
            let guards = StreamPump.Guards(
                mailbox: mailbox, deadline: deadline, eventLoop: eventLoop, watch: watch, closeConnection: closeConnection,
                deadlineSignal: .deadline, clientGoneSignal: .clientGone)
            // Every event that arrived while the last write was in flight is encoded into one
            // buffer and written at once; a terminal signal ends the loop after them.
            let outcome: Signal = await StreamPump.writeBatches(
                from: mailbox, cancelled: .clientGone, writer: &writer, slowClient: slowClient, clientGone: .clientGone,
                slow: .slowClient
            ) { signal, frames in
                guard case .events(let events) = signal else { return signal }
                assembled?.apply(events)
                // Taken out of `frames` so the buffer is uniquely referenced while it grows.
                var buffer: ByteBuffer
                if let existing = frames {
                    buffer = existing
                    frames = nil
                } else {
                    buffer = ByteBuffer()
                    buffer.reserveCapacity(events.count * 192)
                }
                for event in events { encoder.encode(event, includeUsage: includeUsage, into: &buffer) }
                frames = buffer.readableBytes > 0 ? buffer : nil
                return nil
            }
            guards.disarm()
            group.cancelAll()
            return outcome
        }
        let closing: StreamPump.Closing
        switch outcome {
        case .finished: closing = .done
        case .failed(let error): closing = .upstreamFailed(error)
        case .deadline: closing = .deadline
        case .clientGone, .slowClient, .events: return outcome
        }
        do {
            try await writer.write(StreamPump.closingFrame(closing, encoder: &encoder))
        } catch {
            return .clientGone
        }
        return outcome
    }
}

/// The events of a stream folded into its whole answer, for the cache. Written by the one
/// task that pumps the stream; read after it ended.
final class AssembledAnswer: Sendable {
    private let accumulator = Locked(StreamAccumulator())

    func apply(_ event: StreamEvent) {
        accumulator.withLock { $0.apply(event) }
    }

    func apply(_ events: [StreamEvent]) {
        accumulator.withLock { accumulator in
            for event in events { accumulator.apply(event) }
        }
    }

    func response(model: String) -> ChatResponse {
        accumulator.withLock { $0.response(id: "", model: model) }
    }

    /// The usage the stream reported, if it did.
    var usage: Usage? { accumulator.withLock { $0.usage } }
}
