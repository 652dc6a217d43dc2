import SalesCore

/// High-precision rules applied over the classifier where they are clearly right.
enum SituationRules {
    /// Confidence given to a rule's answer.
    static let ruleConfidence = 0.97

    /// The opt-out guard (SPEC §5.1: `opt_out` wins over everything).
    static let optOut = OptOutGuard()

    static func isOptOut(_ message: MessageText, history: [GoldenTurn.Message] = []) -> Bool {
        optOut.check(message: message.text, history: history) != nil
    }

    /// The situation a rule settles, if any.
    static func override(_ message: MessageText, history: [GoldenTurn.Message] = []) -> Situation? {
        isOptOut(message, history: history) ? .optOut : nil
    }
}
