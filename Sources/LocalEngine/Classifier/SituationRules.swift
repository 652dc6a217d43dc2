import SalesCore

/// High-precision rules applied over the classifier where they are clearly right.
enum SituationRules {
    /// Explicit do-not-contact requests (SPEC §5.1: `opt_out` wins over everything).
    static let optOutCues = PhraseSet([
        "remove me", "remove my", "unsubscribe", "stop contacting", "stop emailing", "stop texting", "stop calling",
        "stop following up", "stop messaging", "stop reaching out", "stop sending", "don't contact", "dont contact",
        "do not contact", "don't email", "dont email", "don't call", "do not call", "don't text", "take me off",
        "off your list", "off your mailing list", "no more emails", "no more texts", "no more calls", "leave me alone",
        "opt out", "opt me out", "never contact", "lose my number", "quit emailing", "quit calling", "quit texting",
    ])
    /// Confidence given to a rule's answer.
    static let ruleConfidence = 0.97

    static func isOptOut(_ message: MessageText) -> Bool { optOutCues.occurs(in: message) }

    /// The situation a rule settles, if any.
    static func override(_ message: MessageText) -> Situation? {
        isOptOut(message) ? .optOut : nil
    }
}
