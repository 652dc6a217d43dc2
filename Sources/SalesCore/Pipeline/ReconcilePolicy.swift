/// Decides whether detection, which ran on the pre-capture context in parallel with
/// capture, must run again on the updated context (the two-pass reconcile, SPEC §2).
///
/// Re-run when capture added (or changed) a critical slot that the first detection does not
/// already account for, when the first detection's confidence is below the threshold, or
/// when capture changed the context materially: so many new slots at once (four by
/// default) that the message is more than the detection saw. Three non-critical facts in
/// an opening message ("Acme, 200 people, on spreadsheets") are ordinary discovery, and a
/// second competitor named in a competitor objection is what the detection already said;
/// neither pays for a second call.
public struct ReconcilePolicy: Sendable, Hashable {
    /// Why a reconcile ran.
    public enum Reason: String, Sendable, Hashable, Codable {
        case criticalSlot = "critical_slot"
        case lowConfidence = "low_confidence"
        case materialChange = "material_change"
    }

    public var confidenceThreshold: Double
    /// New slots in one message that count as a material change.
    public var materialNewSlots: Int
    /// What a trigger leads to (``Mode``).
    public var mode: Mode

    /// The mode the agent runs unless told otherwise: the one that measured fastest at the
    /// same detection accuracy (docs/bench/reconcile.md).
    public static let defaultMode = Mode.localCheck

    public init(confidenceThreshold: Double = 0.7, materialNewSlots: Int = 4, mode: Mode = ReconcilePolicy.defaultMode) {
        self.confidenceThreshold = confidenceThreshold
        self.materialNewSlots = materialNewSlots
        self.mode = mode
    }

    /// The reasons to re-run detection; empty means keep the first answer.
    public func reasons(
        before: SlotValues,
        captured: SlotValues,
        firstDetection: Detection
    ) -> [Reason] {
        var reasons: [Reason] = []
        let added = captured.slots.subtracting(before.slots)
        let changed = captured.entries.filter { entry in
            before[entry.slot].map { $0.lowercased() != entry.value.lowercased() } ?? false
        }.map(\.slot)
        let unexplained = added.union(changed).intersection(Slot.critical).filter {
            !Self.explains(firstDetection.situation, $0)
        }
        if !unexplained.isEmpty { reasons.append(.criticalSlot) }
        if firstDetection.confidence < confidenceThreshold { reasons.append(.lowConfidence) }
        if added.count >= materialNewSlots { reasons.append(.materialChange) }
        return reasons
    }

    /// Whether a situation already accounts for a critical slot appearing in the same
    /// message, so the new slot cannot change the detection.
    static func explains(_ situation: Situation, _ slot: Slot) -> Bool {
        switch slot {
        case .objection:
            situation.isObjection || situation == .complaint || situation == .stall
        case .budgetSignal, .budgetAmount:
            situation == .objectionPrice || situation == .pricingQuestion || situation == .discoveryShare
                || situation == .buyingSignal
        case .painPoint, .painImpact:
            situation == .discoveryShare || situation == .complaint || situation.isObjection
        case .decisionMaker:
            situation == .objectionAuthority || situation == .discoveryShare
        case .timeline:
            situation == .objectionTiming || situation == .stall || situation == .discoveryShare
                || situation == .buyingSignal
        case .competitors:
            situation == .objectionCompetitor || situation == .discoveryShare
        case .buyingSignal:
            situation == .buyingSignal || situation == .pricingQuestion
        case .contactName, .contactRole, .companyName, .companySize, .industry, .currentSolution, .teamSize,
            .useCase, .desiredOutcome, .decisionProcess, .decisionCriteria, .stakeholders, .urgencyDriver,
            .nextStep:
            true
        }
    }
}

/// A situation with the detector's confidence in [0, 1].
public struct Detection: Sendable, Hashable, Codable {
    public var situation: Situation
    public var confidence: Double

    public init(situation: Situation, confidence: Double) {
        self.situation = situation
        self.confidence = min(max(confidence, 0), 1)
    }
}
