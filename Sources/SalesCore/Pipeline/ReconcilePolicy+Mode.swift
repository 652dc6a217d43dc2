/// How a triggered reconcile is settled: which second opinion runs and what it costs.
///
/// ``ReconcilePolicy/reasons(before:captured:firstDetection:)`` says when capture's
/// slots *could* change the first detection (SPEC §2's triggers). The mode says what then
/// happens; the decision itself is ``ReconcilePolicy/action(reasons:firstDetection:localOnUpdated:)``,
/// pure so it can be tested without steps or clocks.
extension ReconcilePolicy {
    public enum Mode: String, Sendable, Hashable, CaseIterable, Codable {
        /// Every trigger runs a second LLM detect with the full detect prompt (the pipeline
        /// before issue 11 §5).
        case llm
        /// Every trigger runs a second LLM detect with the short reconcile prompt: the
        /// message, the first answer and the new values only (no history, no known context).
        case short
        /// The local engine classifies the updated context first (in process, about a
        /// millisecond); an LLM reconcile runs only when its answer disagrees with the first
        /// detection. Agreement keeps the first answer.
        case localCheck = "local-check"
        /// ``localCheck``, and the LLM reconcile that still runs uses the short prompt.
        case localCheckShort = "local-check-short"
        /// Never reconcile: a control for benchmarks and evals (what the reconcile buys),
        /// not for production (SPEC §2 requires the two-pass reconcile).
        case off

        /// Whether the local engine referees a trigger before any LLM call.
        public var checksLocally: Bool { self == .localCheck || self == .localCheckShort }

        /// Whether an LLM reconcile uses the short prompt.
        public var usesShortPrompt: Bool { self == .short || self == .localCheckShort }
    }

    /// What to do after capture and the first detection.
    public enum Action: String, Sendable, Hashable, Codable {
        /// Keep the first detection: nothing triggered.
        case keep
        /// Keep the first detection: a trigger fired but the local engine, on the updated
        /// context, reached the same situation.
        case keepLocalAgrees = "keep_local_agrees"
        /// Keep the first detection: triggers are ignored (``Mode/off``).
        case keepOff = "keep_off"
        /// The local referee is needed before deciding (``Mode/checksLocally``, not run yet).
        case checkLocally = "check_locally"
        /// Run the LLM reconcile on the updated context.
        case reconcile
    }

    /// The step after capture and the first detection. `localOnUpdated` is the local
    /// engine's answer on the updated context, nil when it has not run; in a local-check
    /// mode a trigger without it answers ``Action/checkLocally``.
    public func action(reasons: [Reason], firstDetection: Detection, localOnUpdated: Detection?) -> Action {
        guard !reasons.isEmpty else { return .keep }
        switch mode {
        case .off: return .keepOff
        case .llm, .short: return .reconcile
        case .localCheck, .localCheckShort:
            guard let localOnUpdated else { return .checkLocally }
            return localOnUpdated.situation == firstDetection.situation ? .keepLocalAgrees : .reconcile
        }
    }
}
