import Logging
import Locking

/// Counts a server's open client connections and decides, per new connection, whether it
/// may stay. Refusals are logged once per episode (when refusing starts and when it ends),
/// never once per connection.
public final class ConnectionGate: Sendable {
    /// What one admission decision asks the caller to do besides admit or refuse.
    enum Transition: Equatable {
        case none
        case startedRefusing
        case stoppedRefusing(refused: Int)
    }

    struct State {
        var open = 0
        var refusing = false
        var refusedInEpisode = 0
        var refusedTotal = 0
        var draining = 0

        /// A connection arrived: admitted when below `capacity`.
        mutating func arrived(capacity: Int) -> (admitted: Bool, transition: Transition) {
            if open < capacity {
                open += 1
                guard refusing else { return (true, .none) }
                refusing = false
                defer { refusedInEpisode = 0 }
                return (true, .stoppedRefusing(refused: refusedInEpisode))
            }
            refusedInEpisode += 1
            refusedTotal += 1
            guard !refusing else { return (false, .none) }
            refusing = true
            return (false, .startedRefusing)
        }

        mutating func closed() {
            open -= 1
        }
    }

    /// Connections allowed open at once.
    public let capacity: Int
    /// Refused connections that may stay open briefly to read what the client still sends
    /// (so the 503 is not lost to a reset); past this they are closed at once. Each holds a
    /// descriptor, and the descriptors must never run out.
    public let drainCapacity: Int
    private let state = Locked(State())
    private let logger: Logger

    public init(capacity: Int, drainCapacity: Int = 32, logger: Logger) {
        self.capacity = capacity
        self.drainCapacity = drainCapacity
        self.logger = logger
    }

    /// A refused connection asks to drain; false means close it now.
    func beginDrain() -> Bool {
        state.withLock { state in
            guard state.draining < drainCapacity else { return false }
            state.draining += 1
            return true
        }
    }

    /// A draining connection closed.
    func endDrain() {
        state.withLock { $0.draining -= 1 }
    }

    /// Connections open now.
    public var openConnections: Int { state.withLock { $0.open } }
    /// Connections refused since start.
    public var refusedConnections: Int { state.withLock { $0.refusedTotal } }

    /// Admits a new connection (the caller must ``release()`` it when it closes) or refuses it.
    public func admit() -> Bool {
        let (admitted, transition) = state.withLock { $0.arrived(capacity: capacity) }
        switch transition {
        case .none:
            break
        case .startedRefusing:
            logger.warning("connection limit reached, refusing new connections", metadata: ["limit": "\(capacity)"])
        case .stoppedRefusing(let refused):
            logger.notice("accepting connections again", metadata: ["limit": "\(capacity)", "refused": "\(refused)"])
        }
        return admitted
    }

    /// An admitted connection closed.
    public func release() {
        state.withLock { $0.closed() }
    }
}
