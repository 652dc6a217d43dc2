import GatewayCore
import GatewayProviders
import Hummingbird
import NIOCore
import Synchronization

/// One merged stream in flight: the merge, the encoder, and which calls' attempts are not
/// settled yet (each is settled once: succeeded when its stream ends, failed when it
/// fails, abandoned when the merged stream ends without it).
struct FanOutMergeRun {
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
        let closing: StreamPump.Closing
        switch ended {
        case .finished: closing = .done
        case .failed(_, let error): closing = .upstreamFailed(error)
        case .deadline: closing = .deadline
        case .clientGone, .slowClient: return ended
        }
        do {
            try await writer.write(StreamPump.closingFrame(closing, encoder: &encoder))
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
        let slowClient = SlowClientFlag()
        let readers = starts.enumerated().filter { !$0.element.ended }.map { ($0.offset, $0.element.rest) }
        return await withTaskGroup(of: Void.self) { group in
            for (choice, rest) in readers {
                group.addTask {
                    await Self.read(rest, choice: choice, mailbox: mailbox, slowClient: slowClient, closeConnection: closeConnection)
                }
            }
            let guards = StreamPump.Guards(
                mailbox: mailbox, deadline: deadline, eventLoop: eventLoop, watch: watch, closeConnection: closeConnection,
                deadlineSignal: .deadline, clientGoneSignal: .clientGone)
            let outcome: Outcome = await StreamPump.writeBatches(
                from: mailbox, cancelled: .clientGone, writer: &writer, slowClient: slowClient, clientGone: .clientGone,
                slow: .slowClient
            ) { signal, frames in
                apply(signal, into: &frames)
            }
            guards.disarm()
            group.cancelAll()
            return outcome
        }
    }

    /// One call's reader: posts its events, then its end or its failure. Cancelled, it posts nothing.
    private static func read(
        _ rest: HandOff<UpstreamEventStream.AsyncIterator>, choice: Int, mailbox: BatchMailbox<Signal>,
        slowClient: SlowClientFlag, closeConnection: @Sendable () -> Void
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
