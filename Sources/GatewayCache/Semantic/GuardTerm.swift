/// One thing in a message that must agree between a question and the cached question it
/// would be answered by: its kind and a canonical value (`50000`, `usd`, `billing:annual`).
public struct GuardTerm: Sendable, Hashable {
    /// What kind of term it is; decides the veto reason when two messages disagree on it.
    public enum Kind: Sendable, Hashable, CaseIterable {
        case number, currency, percent, date, time, quantity, name, role, negation, polarity
        /// `you` / `we` / `I` and their possessives: only their order is compared (paraphrases
        /// move between "you" and "we", but "you owe us" is not "we owe you").
        case person
        /// The unit after `per` ("per seat" / "per organization").
        case unit
    }

    public var kind: Kind
    public var value: String

    public init(_ kind: Kind, _ value: String) {
        self.kind = kind
        self.value = value
    }

    /// The veto reason when two messages disagree on terms of `kind` (not counting order).
    static func reason(for kind: Kind) -> GuardVetoReason {
        switch kind {
        case .number, .unit: .number
        case .currency: .currency
        case .percent: .percent
        case .date: .date
        case .time: .time
        case .quantity: .quantity
        case .name: .name
        case .role, .person: .role
        case .negation: .negation
        case .polarity: .polarity
        }
    }
}
