/// Which of a connection's byte-level timers runs, as a pure state machine (no I/O, no
/// clock): the handler feeds it what happened and applies what it answers.
///
/// * **head**: from a request's first byte, its whole head must arrive within the head
///   timeout: a total, not an idle timer, so a header trickled a byte at a time is cut.
/// * **idle**: once a request and its response have both ended, the connection may sit
///   without a byte for the idle timeout before it is closed.
/// * **first byte**: a new connection has the longer of the two to send its first byte:
///   it is neither between exchanges nor inside a head yet, and a busy client that
///   connects and then writes a little later is not cut by the shorter limit.
///
/// While a request is in progress none runs (the body has its own timer).
public struct ConnectionTimers: Sendable, Equatable {
    public enum Timer: Sendable, Equatable {
        case firstByte
        case head
        case idle
    }

    public enum Event: Sendable, Equatable {
        case opened
        case bytesArrived
        case headParsed
        case requestEnded
        case responseEnded
        case fired(Timer)
        case closed
    }

    /// What the handler does next.
    public enum Action: Sendable, Equatable {
        case none
        /// Cancel whichever timer runs, and start this one.
        case start(Timer)
        case cancel
        /// A head started but did not complete in time: answer 408, then close.
        case headTimedOut
        /// Nothing to answer (no request began): close.
        case close
    }

    enum State: Sendable, Equatable {
        case notOpen
        case awaitingFirstByte
        case awaitingHead
        case inRequest(requestEnded: Bool, responseEnded: Bool)
        case idle
        case closed
    }

    private(set) var state = State.notOpen

    public init() {}

    public mutating func handle(_ event: Event) -> Action {
        switch (state, event) {
        case (.notOpen, .opened):
            state = .awaitingFirstByte
            return .start(.firstByte)
        case (.awaitingFirstByte, .bytesArrived), (.idle, .bytesArrived):
            state = .awaitingHead
            return .start(.head)
        case (.awaitingFirstByte, .headParsed), (.awaitingHead, .headParsed), (.idle, .headParsed), (.notOpen, .headParsed):
            state = .inRequest(requestEnded: false, responseEnded: false)
            return .cancel
        case (.inRequest(_, let responseEnded), .requestEnded):
            return settle(requestEnded: true, responseEnded: responseEnded)
        case (.inRequest(let requestEnded, _), .responseEnded):
            return settle(requestEnded: requestEnded, responseEnded: true)
        case (.awaitingHead, .fired(.head)):
            state = .closed
            return .headTimedOut
        case (.awaitingFirstByte, .fired(.firstByte)), (.idle, .fired(.idle)):
            state = .closed
            return .close
        case (_, .closed):
            let running = isTimerRunning
            state = .closed
            return running ? .cancel : .none
        default:
            // More bytes of a head, bytes of a pipelined request, a stale timer, events
            // after close: nothing changes.
            return .none
        }
    }

    private var isTimerRunning: Bool {
        switch state {
        case .awaitingFirstByte, .awaitingHead, .idle: true
        case .notOpen, .inRequest, .closed: false
        }
    }

    private mutating func settle(requestEnded: Bool, responseEnded: Bool) -> Action {
        if requestEnded && responseEnded {
            state = .idle
            return .start(.idle)
        }
        state = .inRequest(requestEnded: requestEnded, responseEnded: responseEnded)
        return .none
    }
}
