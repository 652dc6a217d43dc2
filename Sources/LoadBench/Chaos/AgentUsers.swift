import Locking

/// The agent's simulated users: open sessions, each used by one turn at a time, and the
/// turns the agent acknowledged per session (what must survive a kill -9). A session is
/// retired after `turnsPerSession` answered turns, so prompts stay short.
public final class AgentUsers: Sendable {
    private struct State {
        var idle: [String] = []
        var acknowledged: [String: Int] = [:]
        var attempted: [String: Int] = [:]
    }

    private let state = Locked(State())
    public let turnsPerSession: Int

    public init(turnsPerSession: Int = 6) {
        self.turnsPerSession = turnsPerSession
    }

    /// A created session, ready for its first turn.
    func created(_ id: String) {
        state.withLock { $0.acknowledged[id] = 0 }
    }

    /// An idle session for the next turn and the number of that turn, or nil (create one).
    func checkout() -> (id: String, turn: Int)? {
        state.withLock { state in
            guard !state.idle.isEmpty else { return nil }
            let id = state.idle.removeFirst()
            let turn = state.attempted[id, default: 0]
            state.attempted[id] = turn + 1
            return (id, turn)
        }
    }

    /// Claims a just-created session for its first turn.
    func claim(_ id: String) -> Int {
        state.withLock { state in
            let turn = state.attempted[id, default: 0]
            state.attempted[id] = turn + 1
            return turn
        }
    }

    /// The turn ended; an answered one counts as acknowledged.
    func checkin(_ id: String, answered: Bool) {
        state.withLock { state in
            if answered { state.acknowledged[id, default: 0] += 1 }
            if state.attempted[id, default: 0] < turnsPerSession { state.idle.append(id) }
        }
    }

    /// Acknowledged turns per created session, right now.
    public func snapshot() -> [String: Int] {
        state.withLock { $0.acknowledged }
    }

    /// What a customer says on turn `turn` (a short sales conversation, round and round).
    static func message(turn: Int, session: String) -> String {
        let lines = [
            "Hi, I run a small bakery and I'm looking at your ordering software.",
            "How much does it cost per month for two locations?",
            "That sounds expensive compared to what we pay now.",
            "Do you integrate with our existing point of sale?",
            "Can we start with a trial before committing?",
            "OK, send me the details, my email is owner@example.com.",
        ]
        return lines[turn % lines.count]
    }
}
