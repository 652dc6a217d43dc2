/// The 23 slots the agent captures from customer messages (SPEC §2.1), in the order
/// prompts list them.
public enum Slot: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case contactName = "contact_name"
    case contactRole = "contact_role"
    case companyName = "company_name"
    case companySize = "company_size"
    case industry
    case currentSolution = "current_solution"
    case teamSize = "team_size"
    case useCase = "use_case"
    case painPoint = "pain_point"
    case painImpact = "pain_impact"
    case desiredOutcome = "desired_outcome"
    case budgetSignal = "budget_signal"
    case budgetAmount = "budget_amount"
    case decisionMaker = "decision_maker"
    case decisionProcess = "decision_process"
    case decisionCriteria = "decision_criteria"
    case stakeholders
    case timeline
    case urgencyDriver = "urgency_driver"
    case competitors
    case objection
    case buyingSignal = "buying_signal"
    case nextStep = "next_step"

    /// Slots whose capture makes detection worth re-running on the updated context
    /// (the two-pass reconcile, SPEC §2).
    public static let critical: Set<Slot> = [
        .painPoint, .painImpact, .objection, .budgetSignal, .budgetAmount, .decisionMaker, .timeline,
        .competitors, .buyingSignal,
    ]

    public static func < (lhs: Slot, rhs: Slot) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
