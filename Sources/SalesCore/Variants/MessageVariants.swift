import SeededRandom
/// Retyped and paraphrased copies of golden messages for the cache bench, by fixed rules and
/// a seed. The rules never touch a gold slot's quote, a number, a capitalised word (a name),
/// a negation or a guard word, so every variant keeps its original's gold labels: the same
/// slots (still verbatim substrings) and the same situation.
public enum MessageVariants {
    /// How a variant differs from its golden message.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// The same text.
        case exact
        /// Case, whitespace, final punctuation or a leading filler word changed.
        case retype
        /// A contraction, a synonym from a fixed list or a neutral lead-in changed.
        case paraphrase
    }

    /// One variant of a message and the rules that made it.
    public struct Variant: Sendable, Hashable, Codable {
        public var kind: Kind
        public var text: String
        public var rules: [String]
    }

    /// The variant of `turn`'s message of `kind`, the same for the same seed on every run.
    public static func variant(of turn: GoldenTurn, kind: Kind, seed: UInt64) -> Variant {
        var random = SplitMix64(seed: seed, key: turn.id + "/" + kind.rawValue)
        var text = VariantText(turn.message, locked: turn.slots.entries.map { $0.value })
        var rules: [String] = []
        switch kind {
        case .exact:
            break
        case .retype:
            var candidates = VariantText.retypeRules.filter { text.applies($0) }
            let count = min(candidates.count, 1 + random.below(2))
            for _ in 0..<count {
                let rule = candidates.remove(at: random.below(candidates.count))
                text.apply(rule, random: &random)
                rules.append(rule.rawValue)
            }
        case .paraphrase:
            let candidates = VariantText.paraphraseRules.filter { text.applies($0) }
            if !candidates.isEmpty {
                let rule = candidates[random.below(candidates.count)]
                text.apply(rule, random: &random)
                rules.append(rule.rawValue)
            }
            if candidates.isEmpty || random.below(3) == 0 {
                text.apply(.leadIn, random: &random)
                rules.append(VariantText.Rule.leadIn.rawValue)
            }
        }
        return Variant(kind: kind, text: text.text, rules: rules)
    }

    /// `conversations` again, each turn's message replaced by a variant whose kind the seed
    /// picks; ids and conversation names get a `~kind` / `~variant` suffix, labels stay.
    public static func replay(_ conversations: [[GoldenTurn]], seed: UInt64, kinds: [Kind] = Kind.allCases) -> [[GoldenTurn]] {
        conversations.map { conversation in
            conversation.map { turn in
                var random = SplitMix64(seed: seed, key: turn.id)
                let kind = kinds[random.below(kinds.count)]
                let made = Self.variant(of: turn, kind: kind, seed: seed)
                var copy = turn
                copy.id = turn.id + "~" + kind.rawValue
                copy.conversation = (turn.conversation ?? turn.id) + "~variant"
                copy.message = made.text
                return copy
            }
        }
    }
}
