/// The guards of a semantic hit: a cached question answers a new one only if the two agree
/// on every guarded term (numbers, money, percentages, dates, times, quantities, names,
/// roles, negation, polarity) and on the order of those terms. Pure and deterministic.
///
/// Checks, in order, and the first that fails is the reason:
/// 1. negation: the same number of negations;
/// 2. per kind (number, currency, percent, date, time, quantity, name, role, unit): the same
///    multiset of values;
/// 3. polarity: for each axis both messages use, the same poles (else `polarity`) in the same
///    order (else `order`); an axis only one message uses is free (paraphrases vary);
/// 4. prefixed opposites ("lock" / "unlock") are polarity; the question forms must agree
///    (``QuestionForm``: "how long" / "when", "do you" / "who");
/// 5. order: roles and persons both messages hold appear in the same order ("admin … user" /
///    "user … admin", "you owe us" / "we owe you"), and each directional word both messages
///    use is followed by the same words ("from Zendesk to Freshdesk" / "from Freshdesk to Zendesk").
public enum SemanticGuards {
    static let multisetKinds: [GuardTerm.Kind] = [.number, .currency, .percent, .date, .time, .quantity, .name, .role, .unit]
    static let orderedKinds: [GuardTerm.Kind] = [.role, .person]

    /// Nil when the guards allow `cached` to answer `query`, otherwise why not.
    public static func veto(_ query: GuardProfile, _ cached: GuardProfile) -> GuardVetoReason? {
        let names = query.nameCandidates.union(cached.nameCandidates)
        let a = query.orderedTerms(names: names)
        let b = cached.orderedTerms(names: names)
        if a.count(where: { $0.kind == .negation }) != b.count(where: { $0.kind == .negation }) { return .negation }
        for kind in multisetKinds where sortedValues(a, kind) != sortedValues(b, kind) {
            return GuardTerm.reason(for: kind)
        }
        if let reason = polarityVeto(a, b) { return reason }
        if prefixedOpposite(query, cached) || prefixedOpposite(cached, query) { return .polarity }
        if !query.form.agrees(with: cached.form) { return .question }
        for kind in orderedKinds where sharedOrder(values(a, kind), values(b, kind)) { return .order }
        if sharedOrder(query.nameRuns(names: names), cached.nameRuns(names: names)) { return .order }
        for (marker, left) in query.followers {
            if let right = cached.followers[marker], Set(left) != Set(right) { return .order }
        }
        return nil
    }

    /// Nil when the guards allow the pair (texts given directly: for tests and calibration).
    public static func veto(_ query: String, _ cached: String) -> GuardVetoReason? {
        veto(GuardProfile(query), GuardProfile(cached))
    }

    /// Whether the values both sequences hold come in another order (repeats collapsed).
    private static func sharedOrder(_ left: [String], _ right: [String]) -> Bool {
        let shared = Set(left).intersection(right)
        func run(_ values: [String]) -> [String] {
            var result: [String] = []
            for value in values where shared.contains(value) && result.last != value { result.append(value) }
            return result
        }
        return run(left) != run(right)
    }

    /// `a` holds `unX` / `disX` / `deX` where `b` holds `X` ("unlock" / "lock").
    private static func prefixedOpposite(_ a: GuardProfile, _ b: GuardProfile) -> Bool {
        let plain = Set(b.freeWords.map(\.text))
        for word in a.freeWords.map(\.text) where word.count > 4 {
            for prefix in ["un", "dis", "de", "non", "in"] where word.hasPrefix(prefix) {
                let stem = String(word.dropFirst(prefix.count))
                if stem.count >= 3, plain.contains(stem) { return true }
            }
        }
        return false
    }

    private static func polarityVeto(_ a: [GuardTerm], _ b: [GuardTerm]) -> GuardVetoReason? {
        let left = values(a, .polarity), right = values(b, .polarity)
        let axes = Set(left.map(axis)).intersection(right.map(axis))
        for axis in axes.sorted() {
            let l = left.filter { self.axis($0) == axis }, r = right.filter { self.axis($0) == axis }
            if l.sorted() != r.sorted() { return .polarity }
            if l != r { return .order }
        }
        return nil
    }

    private static func axis(_ value: String) -> String {
        String(value.prefix { $0 != ":" })
    }

    private static func values(_ terms: [GuardTerm], _ kind: GuardTerm.Kind) -> [String] {
        terms.filter { $0.kind == kind }.map(\.value)
    }

    private static func sortedValues(_ terms: [GuardTerm], _ kind: GuardTerm.Kind) -> [String] {
        values(terms, kind).sorted()
    }
}
