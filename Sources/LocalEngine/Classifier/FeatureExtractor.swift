import SalesCore

/// Turns a message, its context and history into the sparse binary features the situation
/// classifier reads: word unigrams and bigrams (`w:`, `b:`), cue features (`h:`) and words
/// of the agent's last message (`a:`).
enum FeatureExtractor {
    /// Bumped whenever features change meaning, so a model trained on other features is refused.
    static let version = 1

    static func features(message: MessageText, slots: [Slot: Range<Int>], context: SlotValues, history: [GoldenTurn.Message]) -> Set<String> {
        var features = Set<String>()
        features.reserveCapacity(message.count * 2 + 40)
        addWords(of: message, to: &features)
        CueFeatures.add(message: message, slots: slots, to: &features)
        ContextFeatures.add(context: context, history: history, to: &features)
        return features
    }

    /// A token as the classifier sees it: numbers and money collapse to placeholders.
    static func word(_ token: Token) -> String {
        guard token.isNumber else { return token.lower }
        if token.lower.hasSuffix("k") || token.lower.hasSuffix("m") { return "<amount>" }
        if token.lower.contains("-") { return "<num-range>" }
        return "<num>"
    }

    private static func addWords(of message: MessageText, to features: inout Set<String>) {
        var previous = "^"
        for token in message.tokens {
            if token.isSymbol, !["?", "!", "$", "\u{20AC}", "\u{00A3}", "%"].contains(token.lower) {
                previous = "|"
                continue
            }
            let word = word(token)
            features.insert("w:" + word)
            features.insert("b:" + previous + "_" + word)
            previous = word
        }
        features.insert("b:" + previous + "_$")
    }
}
