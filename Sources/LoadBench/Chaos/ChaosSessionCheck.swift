/// Sessions and answered turns the agent acknowledged, compared with what it holds after a
/// restart: a session it created (201) and no longer has is lost, and so is every
/// acknowledged turn (200) beyond the turns the stored session counts. Pure.
public struct ChaosSessionCheck: Sendable, Hashable, Codable {
    /// Seconds from the run's start when the acknowledged counts were taken.
    public var at: Double
    public var sessionsBefore: Int
    public var turnsBefore: Int
    public var sessionsAfter: Int
    public var turnsAfter: Int
    public var sessionsLost: Int
    public var turnsLost: Int

    /// `acknowledged`: turns answered 200 per created session; `stored`: the turn count the
    /// agent reports per session after the restart (absent: the session is gone).
    public init(at: Double, acknowledged: [String: Int], stored: [String: Int]) {
        self.at = at
        sessionsBefore = acknowledged.count
        turnsBefore = acknowledged.values.reduce(0, +)
        var sessionsAfter = 0
        var turnsAfter = 0
        var sessionsLost = 0
        var turnsLost = 0
        for (id, acked) in acknowledged {
            guard let turns = stored[id] else {
                sessionsLost += 1
                turnsLost += acked
                continue
            }
            sessionsAfter += 1
            // A turn whose answer was lost with the process may be stored without being
            // acknowledged: more stored than acknowledged is fine, fewer is a loss.
            turnsAfter += min(turns, acked)
            turnsLost += max(0, acked - turns)
        }
        self.sessionsAfter = sessionsAfter
        self.turnsAfter = turnsAfter
        self.sessionsLost = sessionsLost
        self.turnsLost = turnsLost
    }

    private enum CodingKeys: String, CodingKey {
        case at = "at_s"
        case sessionsBefore = "sessions_before"
        case turnsBefore = "turns_before"
        case sessionsAfter = "sessions_after"
        case turnsAfter = "turns_after"
        case sessionsLost = "sessions_lost"
        case turnsLost = "turns_lost"
    }
}
