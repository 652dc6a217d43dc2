import Foundation
import SalesCore

/// One conversation's state: what the agent knows and has said. A value: a turn
/// produces the next state, which the session store persists.
public struct SessionState: Sendable, Hashable, Codable {
    public var id: String
    public var context: SlotValues
    /// Customer and agent messages, oldest first.
    public var history: [GoldenTurn.Message]
    /// The principle of each agent turn, oldest first.
    public var principles: [String]
    /// Objection turns so far.
    public var resistance: Int
    /// Customer turns so far.
    public var turns: Int
    /// True after an opt-out: no more outreach.
    public var closed: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, context: SlotValues = SlotValues(), now: Date = Date()) {
        self.id = id
        self.context = context
        self.history = []
        self.principles = []
        self.resistance = 0
        self.turns = 0
        self.closed = false
        self.createdAt = now
        self.updatedAt = now
    }

    enum CodingKeys: String, CodingKey {
        case id, context, history, principles, resistance, turns, closed
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// The state after a turn.
    public func applying(message: String, result: TurnResult, now: Date = Date()) -> SessionState {
        var next = self
        next.context = context.merging(result.capturedSlots)
        next.history.append(GoldenTurn.Message(role: "customer", text: message))
        next.history.append(GoldenTurn.Message(role: "agent", text: result.reply))
        next.principles.append(result.principle)
        if result.situation.isObjection { next.resistance += 1 }
        next.turns += 1
        if result.situation == .optOut { next.closed = true }
        next.updatedAt = now
        return next
    }
}
