import SalesCore

/// Turns a message, its context and history into the sparse binary features the situation
/// classifier reads: word unigrams and bigrams (`w:`, `b:`), character trigrams of longer
/// words (`c:`, so a typo still shares most of its word's features), cue and shape features
/// (`h:`), words and acts of the agent's last message (`a:`, `h:agent-`), and the words of
/// a short answer paired with the agent's act (`x:`), question sentences anywhere (`q:`),
/// and the sentence embedding's strong dimensions (`e:17+`, `e:201-`).
enum FeatureExtractor {
    /// Bumped whenever features change meaning, so a model trained on other features is refused.
    static let version = 5

    static func features(
        message: MessageText, slots: [Slot: Range<Int>], context: SlotValues, history: [GoldenTurn.Message], embedding: [Float]? = nil
    ) -> Set<String> {
        var features = Set<String>()
        features.reserveCapacity(message.count * 2 + 40)
        addWords(of: message, to: &features)
        addCharacterGrams(of: message, to: &features)
        CueFeatures.add(message: message, slots: slots, to: &features)
        ShapeFeatures.add(message: message, to: &features)
        QuestionFeatures.add(message: message, to: &features)
        ContextFeatures.add(message: message, context: context, history: history, to: &features)
        if let embedding { addEmbedding(embedding, to: &features) }
        return features
    }

    /// A token as the classifier sees it: numbers and money collapse to placeholders.
    static func word(_ token: Token) -> String {
        guard token.isNumber else { return token.lower }
        if token.lower.hasSuffix("k") || token.lower.hasSuffix("m") { return "<amount>" }
        if token.lower.contains("-") { return "<num-range>" }
        return "<num>"
    }

    /// The sentence vector as binary features: a dimension counts when it stands more than
    /// one standard deviation of a random unit vector (1/√dimension) from zero, with its sign.
    static func addEmbedding(_ vector: [Float], to features: inout Set<String>) {
        guard !vector.isEmpty else { return }
        let threshold = 1 / Float(vector.count).squareRoot()
        for (dimension, value) in vector.enumerated() where abs(value) > threshold {
            features.insert("e:\(dimension)" + (value > 0 ? "+" : "-"))
        }
    }

    /// Trigrams of each word of four letters or more, with its edges: `^st`, `sto`, `op$`.
    private static func addCharacterGrams(of message: MessageText, to features: inout Set<String>) {
        for token in message.tokens where token.isWord && token.lower.count >= 4 {
            let edged = "^" + token.lower + "$"
            if edged.isAllASCII {
                // ASCII: a byte is a character, so the trigrams are slices of the bytes.
                let bytes = Array(edged.utf8)
                for start in 0...(bytes.count - 3) { features.insert("c:" + String(decoding: bytes[start..<(start + 3)], as: UTF8.self)) }
                continue
            }
            let characters = Array(edged)
            for start in 0...(characters.count - 3) { features.insert("c:" + String(characters[start..<(start + 3)])) }
        }
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
