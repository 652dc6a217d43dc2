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

    /// How the token model's value for a slot is used (dev author cross-validation).
    enum TokenUse: Sendable {
        /// The token model alone decides the slot.
        case only
        /// The token model's value wins; the clauses and rules fill in when it has none.
        case first
        /// The clauses' and rules' value wins; the token model fills in.
        case fallback
    }

    /// Slots whose value the token model finds; the rest ignore it. Chosen per slot by
    /// one-fold-per-author cross-validation on dev, with a token model over every slot. With
    /// the shipped one (these six slots only), slot F1 without → with it: company_name
    /// 0.687 → 0.732, company_size 0.682 → 0.690, contact_role 0.740 → 0.765,
    /// current_solution 0.431 → 0.493, timeline 0.468 → 0.502, industry 0.436 → 0.451.
    /// Elsewhere it did worse than the rules and clauses: whole-clause values (pain points,
    /// objections, use cases) come apart word by word.
    static let tokenUse: [Slot: TokenUse] = [
        .companyName: .only, .companySize: .only, .contactRole: .first, .currentSolution: .first, .timeline: .fallback, .industry: .fallback,
    ]

    static func merge(
        rules: [Slot: Range<Int>], spans: [Slot: Range<Int>], tokens: [Slot: Range<Int>], in message: MessageText, policy: Policy
    ) -> [Slot: Range<Int>] {
        var merged = rules
        for slot in SpanFeatures.slots {
            switch policy {
            case .modelOnly: merged[slot] = spans[slot]
            case .modelThenRules: merged[slot] = spans[slot] ?? (modelOnlySlots.contains(slot) ? nil : rules[slot])
            }
        }
        for (slot, use) in tokenUse {
            switch use {
            case .only: merged[slot] = tokens[slot]
            case .first: merged[slot] = tokens[slot] ?? merged[slot]
            case .fallback: merged[slot] = merged[slot] ?? tokens[slot]
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
    static func gate(_ slots: inout [Slot: Range<Int>], situation: Situation, spans: SpanTagger, clauses: [SpanTagger.ScoredClause]) {
        let required: [(Slot, Bool)] = [(.objection, situation.isObjection), (.buyingSignal, situation == .buyingSignal)]
        for (slot, belongs) in required {
            if !belongs {
                slots[slot] = nil
            } else if slots[slot] == nil {
                slots[slot] = spans.bestClause(for: slot, in: clauses)
            }
        }
        if ![.discoveryShare, .complaint].contains(situation) { slots[.painPoint] = nil }
        for (slot, kinds) in situated where !kinds.contains(situation) { slots[slot] = nil }
        for (slot, kinds) in factless where kinds.contains(situation) { slots[slot] = nil }
        if situation == .objectionPrice, slots[.budgetSignal] == nil { slots[.budgetSignal] = slots[.objection] }
    }
}
