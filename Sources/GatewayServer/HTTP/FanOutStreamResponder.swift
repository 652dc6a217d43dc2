import GatewayCache
import GatewayCore
import GatewayProviders
import Hummingbird
import NIOCore
import Synchronization

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
        var headers = trace.headers(elapsed: .now - started)
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        headers[.gatewayCache] = cache.rawValue
        let gateway = self.gateway
        let encoder = api.streamEncoder(model: chat.model, created: ChatCompletionsHandler.unixTime(), choices: starts.count)
        let includeUsage = chat.includeUsage
        let closeConnection = self.closeConnection
        let requestID = RequestID.current
        let body = ResponseBody { writer in
            await RequestID.$current.withValue(requestID) {
                var run = MergeRun(starts: starts, encoder: encoder, includeUsage: includeUsage)
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

/// One merged stream in flight: the merge, the encoder, and which calls' attempts are not
/// settled yet (each is settled once: succeeded when its stream ends, failed when it
/// fails, abandoned when the merged stream ends without it).
private struct MergeRun {
    let starts: [StreamStart]
    var merge: ChoiceStreamMerge
    var encoder: any IngressStreamEncoder
    let includeUsage: Bool
    var unsettled: Set<Int>

    init(starts: [StreamStart], encoder: any IngressStreamEncoder, includeUsage: Bool) {
        self.starts = starts
        self.merge = ChoiceStreamMerge(choices: starts.count)
        self.encoder = encoder
        self.includeUsage = includeUsage
        self.unsettled = Set(starts.indices)
    }

    typealias Signal = FanOutStreamResponder.Signal
    typealias Outcome = FanOutStreamResponder.Outcome

    /// Applies one reader's signal to the merge; returns the frames to write and, when the
    /// merged stream is over, how it ended.
    mutating func apply(_ signal: Signal, into frames: inout ByteBuffer?) -> Outcome? {
        let actions: [ChoiceStreamMerge.Action]
        switch signal {
        case .event(let choice, let event):
            actions = merge.eventArrived(event, choice: choice)
        case .ended(let choice):
            if merge.running.contains(choice), unsettled.remove(choice) != nil {
                starts[choice].completion.succeeded(firstToken: starts[choice].firstToken)
            }
            actions = merge.callEnded(choice: choice)
        case .failed(let choice, let error):
            if merge.running.contains(choice), unsettled.remove(choice) != nil {
                starts[choice].completion.failed(error)
            }
            actions = merge.callFailed(choice: choice, error)
        case .deadline:
            _ = merge.abandoned()
            return .deadline
        case .clientGone:
            _ = merge.abandoned()
            return .clientGone
        case .slowClient:
            _ = merge.abandoned()
            return .slowClient
        }
        var outcome: Outcome?
        for action in actions {
            switch action {
            case .emit(let event):
                guard var frame = encoder.encode(event, includeUsage: includeUsage) else { continue }
                if frames == nil { frames = frame } else { frames?.writeBuffer(&frame) }
            case .cancel:
                // The readers are cancelled together when the pump ends; their attempts are
                // settled as abandoned by `settleRemaining`.
                break
            case .finish:
                outcome = .finished
            case .fail(let choice, let error):
                outcome = .failed(choice: choice, error)
            }
        }
        return outcome
    }

    /// Every call whose stream neither ended nor failed was cancelled: no verdict on its provider.
    mutating func settleRemaining() {
        _ = merge.abandoned()
        for choice in unsettled.sorted() { starts[choice].completion.abandoned() }
        unsettled.removeAll()
    }

    /// Writes the role chunks and the events that came with the first tokens, then pumps
    /// every call's rest until the merge ends, the deadline passes or the client goes.
    mutating func pump(
        deadline: ContinuousClock.Instant,
        watch: ConnectionWatch?,
        eventLoop: any EventLoop,
        closeConnection: @escaping @Sendable () -> Void,
        writer: inout any ResponseBodyWriter
    ) async -> Outcome {
        var first: ByteBuffer? = encoder.opening()
        var outcome: Outcome?
        for (choice, start) in starts.enumerated() where outcome == nil {
            for event in start.events where outcome == nil {
                outcome = apply(.event(choice: choice, event), into: &first)
            }
            if start.ended, outcome == nil { outcome = apply(.ended(choice: choice), into: &first) }
        }
        do {
            if let first { try await writer.write(first) }
        } catch {
            return .clientGone
        }
        if outcome == nil {
            outcome = await pumpRest(deadline: deadline, watch: watch, eventLoop: eventLoop, closeConnection: closeConnection, writer: &writer)
        }
        let ended = outcome ?? .clientGone
        do {
            switch ended {
            case .finished:
                try await writer.write(encoder.done())
            case .failed(_, let error):
                try await writer.write(encoder.errorEvent(message: error.message, type: "upstream_error", code: error.kind))
            case .deadline:
                try await writer.write(
                    encoder.errorEvent(message: "no answer within the request deadline", type: "timeout_error", code: "deadline_exceeded"))
            case .clientGone, .slowClient:
                break
            }
        } catch {
            return .clientGone
        }
        return ended
    }

    private mutating func pumpRest(
        deadline: ContinuousClock.Instant,
        watch: ConnectionWatch?,
        eventLoop: any EventLoop,
        closeConnection: @escaping @Sendable () -> Void,
        writer: inout any ResponseBodyWriter
    ) async -> Outcome {
        let mailbox = BatchMailbox<Signal>(limit: SSEResponder.maxPendingEvents)
        let slowClient = FanOutSlowClientFlag()
        let readers = starts.enumerated().filter { !$0.element.ended }.map { ($0.offset, $0.element.rest) }
        return await withTaskGroup(of: Void.self) { group in
            for (choice, rest) in readers {
                group.addTask {
                    await Self.read(rest, choice: choice, mailbox: mailbox, slowClient: slowClient, closeConnection: closeConnection)
                }
            }
            let timer = eventLoop.scheduleTask(deadline: NIODeadline(deadline)) {
                mailbox.post(.deadline, closing: true)
            }
            let blockedWrite = eventLoop.scheduleTask(deadline: NIODeadline(deadline) + SSEResponder.blockedWriteGrace) {
                closeConnection()
            }
            watch?.onClose {
                mailbox.post(.clientGone, closing: true)
            }
            var outcome = Outcome.clientGone
            loop: while true {
                let batch = await mailbox.take(onCancel: .clientGone)
                guard !batch.isEmpty else { break loop }
                var frames: ByteBuffer?
                var ended: Outcome?
                for signal in batch where ended == nil {
                    ended = apply(signal, into: &frames)
                }
                if let frames {
                    do {
                        try await writer.write(frames)
                    } catch {
                        outcome = slowClient.dropped.load(ordering: .acquiring) ? .slowClient : .clientGone
                        break loop
                    }
                }
                if let ended {
                    outcome = ended
                    break loop
                }
            }
            watch?.clearHook()
            timer.cancel()
            blockedWrite.cancel()
            group.cancelAll()
            return outcome
        }
    }

    /// One call's reader: posts its events, then its end or its failure. Cancelled, it posts nothing.
    private static func read(
        _ rest: HandOff<UpstreamEventStream.AsyncIterator>, choice: Int, mailbox: BatchMailbox<Signal>,
        slowClient: FanOutSlowClientFlag, closeConnection: @Sendable () -> Void
    ) async {
        func posted(_ signal: Signal) -> Bool {
            switch mailbox.post(signal) {
            case .queued: return true
            case .closed: return false
            case .full:
                slowClient.dropped.store(true, ordering: .releasing)
                mailbox.post(.slowClient, closing: true)
                closeConnection()
                return false
            }
        }
        var iterator = rest.value
        do {
            while let event = try await iterator.next() {
                guard posted(.event(choice: choice, event)) else { return }
            }
            _ = posted(.ended(choice: choice))
        } catch let error as UpstreamError {
            mailbox.post(.failed(choice: choice, error), closing: true)
        } catch is CancellationError {
            return
        } catch {
            if Task.isCancelled { return }
            mailbox.post(.failed(choice: choice, .streamInterrupted(String(describing: error))), closing: true)
        }
    }
}

/// Set by a reader when it dropped the client for being too slow, read by the writer whose
/// write then failed.
private final class FanOutSlowClientFlag: Sendable {
    let dropped = Atomic<Bool>(false)
}
