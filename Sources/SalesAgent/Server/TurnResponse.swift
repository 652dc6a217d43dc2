import SalesCore

/// A turn's JSON: every ``TurnResult`` field plus `"session": {id, turns, resistance, closed}`.
struct TurnResponse: Encodable, Sendable {
    /// The session after the turn, in brief.
    struct Summary: Encodable, Sendable {
        var id: String
        var turns: Int
        var resistance: Int
        var closed: Bool

        init(_ state: SessionState) {
            id = state.id
            turns = state.turns
            resistance = state.resistance
            closed = state.closed
        }
    }

    var result: TurnResult
    var session: Summary

    init(result: TurnResult, session: SessionState) {
        self.result = result
        self.session = Summary(session)
    }

    private enum CodingKeys: String, CodingKey {
        case session
    }

    func encode(to encoder: any Encoder) throws {
        try result.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(session, forKey: .session)
    }
}

/// The data of an SSE `delta` event.
struct DeltaEvent: Encodable, Sendable {
    var text: String
}
