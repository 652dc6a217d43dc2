import SalesCore

/// Everything a turn produced: the reply and how it was reached.
public struct TurnResult: Sendable, Hashable, Codable {
    /// Milliseconds per step; `reconcile` is 0 when no second detection ran.
    public struct Timings: Sendable, Hashable, Codable {
        public var capture: Double
        public var detect: Double
        public var reconcile: Double
        public var select: Double
        public var generate: Double
        public var total: Double
    }

    /// The report of every step that ran.
    public struct Steps: Sendable, Hashable, Codable {
        public var capture: StepReport
        public var detect: StepReport
        public var reconcile: StepReport?
        public var generate: StepReport
        /// The local referee's run on the updated context (local-check reconcile modes).
        public var reconcileCheck: StepReport? = nil

        enum CodingKeys: String, CodingKey {
            case capture, detect, reconcile, generate
            case reconcileCheck = "reconcile_check"
        }
    }

    public var reply: String
    public var situation: Situation
    public var confidence: Double
    public var principle: String
    /// The selector rule that chose the principle.
    public var rule: String
    public var selectorCached: Bool
    public var capturedSlots: SlotValues
    public var reconciled: Bool
    public var reconcileReasons: [ReconcilePolicy.Reason]
    /// What the reconcile policy did: `keep`, `keep_local_agrees`, `keep_off` or `reconcile`.
    public var reconcileAction: ReconcilePolicy.Action = .keep
    public var timings: Timings
    public var steps: Steps
    /// Customer turn number, 1-based.
    public var turn: Int
    /// True when this turn closed the session for outreach (an opt-out).
    public var sessionClosed: Bool
    /// Which step settled the situation: the opt-out guard, the detect or the reconcile.
    public var decidedBy: TurnPipeline.Decision
    /// The opt-out guard's rule, when the guard decided.
    public var optOutRule: String?
    /// The first detect's answer, when detect ran (the reconcile may have replaced it); not
    /// sent over the API, read by the bench's wrong-hit check.
    public var firstSituation: Situation? = nil

    enum CodingKeys: String, CodingKey {
        case reply, situation, confidence, principle, rule, reconciled, timings, steps, turn
        case selectorCached = "selector_cached"
        case capturedSlots = "captured_slots"
        case reconcileReasons = "reconcile_reasons"
        case reconcileAction = "reconcile_action"
        case sessionClosed = "session_closed"
        case decidedBy = "decided_by"
        case optOutRule = "opt_out_rule"
    }

    /// Which backend answered each step, e.g. `capture=gateway:fast detect=local (timeout)`.
    public var backendSummary: String {
        var parts = ["capture=\(Self.describe(steps.capture))", "detect=\(Self.describe(steps.detect))"]
        if let optOutRule { parts.append("decided_by=\(decidedBy.rawValue) (\(optOutRule))") }
        if let reconcile = steps.reconcile { parts.append("reconcile=\(Self.describe(reconcile))") }
        parts.append("generate=\(Self.describe(steps.generate))")
        return parts.joined(separator: " ")
    }

    private static func describe(_ report: StepReport) -> String {
        report.fallbackReason.map { "\(report.backend) (fallback: \($0))" } ?? report.backend
    }
}
