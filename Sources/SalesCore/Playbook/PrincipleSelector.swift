/// Everything selection depends on, and nothing more: the cache key.
public struct SelectionInput: Sendable, Hashable {
    public var situation: Situation
    /// Which slots the session context holds (their values do not affect the choice).
    public var filledSlots: Set<Slot>
    /// Objection turns so far, this one included.
    public var resistance: Int
    /// Customer turn number, 1-based.
    public var turn: Int
    /// The principles of the last two turns, oldest first.
    public var recentPrinciples: [String]

    public init(situation: Situation, filledSlots: Set<Slot>, resistance: Int, turn: Int, recentPrinciples: [String]) {
        self.situation = situation
        self.filledSlots = filledSlots
        self.resistance = resistance
        self.turn = turn
        self.recentPrinciples = Array(recentPrinciples.suffix(2))
    }
}

/// The chosen principle and the rule that chose it.
public struct Selection: Sendable, Hashable {
    public var principle: String
    public var rule: String
}

/// Picks one principle per turn from the playbook's rules. Pure and deterministic.
/// Hard rules: `opt_out` always gets `graceful_exit`; no principle three turns running.
public struct PrincipleSelector: Sendable {
    public let playbook: Playbook

    public init(playbook: Playbook) {
        self.playbook = playbook
    }

    public func select(_ input: SelectionInput) -> Selection {
        if input.situation == .optOut {
            return Selection(principle: Playbook.gracefulExit, rule: "opt-out (hard rule)")
        }
        for rule in playbook.rules where rule.condition.matches(input) {
            if let name = rule.choose.first(where: { !Self.wouldRunThrice($0, after: input.recentPrinciples) }) {
                return Selection(principle: name, rule: rule.name)
            }
        }
        // Every matching choice would run three times: take any other principle.
        let other = playbook.principles.first {
            $0.name != Playbook.gracefulExit && !Self.wouldRunThrice($0.name, after: input.recentPrinciples)
        }
        return Selection(principle: other?.name ?? Playbook.gracefulExit, rule: "no-third-repeat (hard rule)")
    }

    static func wouldRunThrice(_ name: String, after recent: [String]) -> Bool {
        recent.count >= 2 && recent.suffix(2).allSatisfy { $0 == name }
    }
}
