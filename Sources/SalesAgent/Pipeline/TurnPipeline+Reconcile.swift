import SalesCore

extension TurnPipeline {
    /// After capture ∥ detect(old context): asks the reconcile policy what to do and does it:
    /// keep the first detection, referee it with the local engine on the updated context,
    /// or run the second detect (full or short prompt, per the policy's mode).
    func reconciling(
        _ state: SessionState, message: String, captured: (SlotValues, StepReport), detected: (Detection, StepReport)
    ) async -> Understanding {
        let policy = configuration.reconcile
        let reasons = policy.reasons(before: state.context, captured: captured.0, firstDetection: detected.0)
        var understanding = Understanding(
            captured: captured.0, detection: detected.0, reconcileReasons: reasons, capture: captured.1, detect: detected.1,
            firstDetection: detected.0)
        let updated = PromptInput(message: message, context: state.context.merging(captured.0), history: state.history)
        var action = policy.action(reasons: reasons, firstDetection: detected.0, localOnUpdated: nil)
        if action == .checkLocally {
            if let referee {
                let (answer, report) = await referee.detect(detectInput(updated), budget: configuration.stepBudget)
                understanding.reconcileCheck = report
                understanding.refereeDetection = answer
                action = policy.action(reasons: reasons, firstDetection: detected.0, localOnUpdated: answer)
            } else {
                action = .reconcile
            }
        }
        understanding.reconcileAction = action
        guard action == .reconcile else {
            // Triggers that led to no second pass are not reasons a reconcile ran.
            understanding.reconcileReasons = []
            understanding.triggeredReasons = reasons
            return understanding
        }
        let second =
            policy.mode.usesShortPrompt
            ? await detect.reconcile(
                detectInput(updated), first: detected.0, newValues: Self.newValues(captured.0, before: state.context),
                budget: configuration.stepBudget)
            : await detect.detect(detectInput(updated), budget: configuration.stepBudget)
        understanding.detection = second.0
        understanding.reconcile = second.1
        understanding.decidedBy = .reconcile
        understanding.triggeredReasons = reasons
        return understanding
    }

    /// The captured values that are new or changed against `before`.
    static func newValues(_ captured: SlotValues, before: SlotValues) -> SlotValues {
        var values = SlotValues()
        for entry in captured.entries where before[entry.slot]?.lowercased() != entry.value.lowercased() {
            values[entry.slot] = entry.value
        }
        return values
    }
}
