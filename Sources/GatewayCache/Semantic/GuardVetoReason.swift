/// Why the guards refused a semantic hit: the two messages disagree on something a cosine
/// cannot see. The raw value is the `reason` label of `gateway_cache_guard_vetoes_total`.
public enum GuardVetoReason: String, Sendable, Hashable, CaseIterable {
    /// Different numbers or quantities with units ("50 seats" / "500 seats", "2-year" / "3-year").
    case number
    /// Different currencies ("$20,000" / "€20,000").
    case currency
    /// Different percentages ("10%" / "20%").
    case percent
    /// Different dates, weekdays, months or relative dates ("next Friday" / "this Friday").
    case date
    /// Different times of day or time zones ("9am" / "9pm", "EST" / "PST").
    case time
    /// Different quantity words ("a few" / "hundreds", "some" / "all").
    case quantity
    /// Different proper, product, vendor or feature names ("Salesforce" / "HubSpot", "SSO" / "SCIM").
    case name
    /// Different roles ("admin" / "user", "vendor" / "customer").
    case role
    /// One message negates what the other does not ("include" / "don't include", "with" / "without").
    case negation
    /// Opposite polarity words ("upgrade" / "downgrade", "monthly" / "annual", "before" / "after").
    case polarity
    /// Different kinds of question or request ("how long" / "when", "is there" / "who",
    /// "summarize" / "list").
    case question
    /// The same guarded terms in another order ("from Zendesk to Freshdesk" / "from Freshdesk to Zendesk").
    case order
}
