import SalesCore

/// Combines the scanners' and cue rules' slots with the span model's clause choices.
enum SlotMerge {
    /// How clause-level slots are decided.
    enum Policy: Sendable {
        /// The span model alone decides clause-level slots.
        case modelOnly
        /// The span model decides; the cue rules fill slots it left empty, except where
        /// cross-validation on dev showed the rules only add noise.
        case modelThenRules
    }

    /// Slots whose cue rules lose precision more than they add recall (dev cross-validation).
    static let modelOnlySlots: Set<Slot> = [.painImpact, .desiredOutcome, .nextStep]

    static func merge(rules: [Slot: Range<Int>], spans: [Slot: Range<Int>], in message: MessageText, policy: Policy) -> [Slot: Range<Int>] {
        var merged = rules
        for slot in SpanFeatures.slots {
            switch policy {
            case .modelOnly: merged[slot] = spans[slot]
            case .modelThenRules: merged[slot] = spans[slot] ?? (modelOnlySlots.contains(slot) ? nil : rules[slot])
            }
        }
        // SPEC §5.1: a budget objection is both `objection` and `budget_signal`.
        if let objection = merged[.objection], merged[.budgetSignal] == nil,
            CueLexicon.priceConcerns.cues.occurs(in: message, within: objection)
        {
            merged[.budgetSignal] = objection
        }
        return merged
    }

    /// Facts a customer states only in some kinds of message (from the dev labels): a
    /// timeline in a greeting or goodbye is small talk about dates, not a buying timeline.
    static let situated: [(Slot, Set<Situation>)] = [
        (.timeline, [.objectionTiming, .buyingSignal, .discoveryShare, .objectionPrice, .productQuestion, .stall, .objectionAuthority]),
        (.competitors, [.objectionCompetitor, .discoveryShare, .objectionPrice, .productQuestion, .objectionTrust, .objectionNeed]),
        (.decisionMaker, [.objectionAuthority, .discoveryShare, .buyingSignal, .objectionTiming, .objectionPrice, .stall]),
    ]
    /// Messages that state no deal facts: a tool or a person named in a goodbye, an
    /// opt-out or small talk is not the customer's current solution or a stakeholder.
    static let factless: [(Slot, Set<Situation>)] = [
        (.currentSolution, [.optOut, .smallTalk, .goodbye]),
        (.stakeholders, [.optOut, .smallTalk, .goodbye, .greeting]),
        // `we don't need X`, `let's leave it`: nothing the customer wants to use it for.
        (.useCase, [.objectionNeed, .stall, .optOut, .smallTalk, .goodbye]),
    ]

    /// Slots that belong to one kind of message (dev: every `objection` value is in an
    /// objection turn, every `buying_signal` in a buying-signal turn): dropped elsewhere,
    /// and guessed from the best clause when that kind of message lacks one.
    static func gate(_ slots: inout [Slot: Range<Int>], situation: Situation, in message: MessageText, spans: SpanTagger) {
        let required: [(Slot, Bool)] = [(.objection, situation.isObjection), (.buyingSignal, situation == .buyingSignal)]
        for (slot, belongs) in required {
            if !belongs {
                slots[slot] = nil
            } else if slots[slot] == nil {
                slots[slot] = spans.bestClause(for: slot, in: message)
            }
        }
        if ![.discoveryShare, .complaint].contains(situation) { slots[.painPoint] = nil }
        for (slot, kinds) in situated where !kinds.contains(situation) { slots[slot] = nil }
        for (slot, kinds) in factless where kinds.contains(situation) { slots[slot] = nil }
        if situation == .objectionPrice, slots[.budgetSignal] == nil { slots[.budgetSignal] = slots[.objection] }
    }
}
