import SalesCore

/// The features of each word of a message that tell which slot's value it is part of: the
/// word and its neighbours, its shape, what the scanners and cue rules found around it, and
/// where it stands in its clause. Punctuation gets none: it is never tagged on its own.
enum TokenFeatures {
    /// One feature list per token of `message`; `rules` are the scanners' and cue rules'
    /// slots for it (`SlotExtractor.extract`), which the tagger learns when to trust.
    static func features(of message: MessageText, rules: [Slot: Range<Int>]) -> [[String]] {
        let count = message.count
        let words = message.tokens.map(FeatureExtractor.word)
        let marks = marks(in: message, rules: rules)
        let clauseCues = message.clauses.map { clause in
            SpanFeatures.cues.filter { $0.1.cues.occurs(in: message, within: clause) }.map { "k:" + $0.0 }
        }
        func word(_ index: Int) -> String { index < 0 ? "<s>" : index >= count ? "</s>" : words[index] }
        return message.tokens.indices.map { index in
            let token = message.tokens[index]
            guard !token.isSymbol else { return [] }
            let current = words[index]
            var features = [
                "w:" + current, "p:" + word(index - 1), "n:" + word(index + 1), "pp:" + word(index - 2), "nn:" + word(index + 2),
                "pb:" + word(index - 1) + "_" + current, "nb:" + current + "_" + word(index + 1), "sh:" + shape(token, in: message),
            ]
            if token.isWord, current.count > 4 { features.append("x:" + current.suffix(3)) }
            if let sentence = message.sentence(at: index), sentence.lowerBound == index { features.append("sh:sentence-start") }
            let owner = message.clauseOfToken[index]
            if owner >= 0 {
                let clause = message.clauses[owner]
                let offset = index - clause.lowerBound
                features.append(offset == 0 ? "c:first" : offset <= 2 ? "c:1-2" : offset <= 5 ? "c:3-5" : "c:6+")
                if index == clause.upperBound - 1 { features.append("c:last") }
                features += clauseCues[owner]
                for before in max(clause.lowerBound, index - 6)..<max(clause.lowerBound, index - 2) { features.append("lc:" + words[before]) }
            }
            features += marks[index]
            return features
        }
    }

    /// The scanners' findings covering each token: rule slots (`r:`) and entity kinds (`e:`).
    private static func marks(in message: MessageText, rules: [Slot: Range<Int>]) -> [[String]] {
        var marks = [[String]](repeating: [], count: message.count)
        func mark(_ range: Range<Int>, _ name: String) {
            for index in range where index < marks.count { marks[index].append(name) }
        }
        for (slot, range) in rules { mark(range, "r:" + slot.rawValue) }
        for range in VendorLexicon.mentions(in: message) { mark(range, "e:vendor") }
        for amount in MoneyScanner.amounts(in: message) { mark(amount.range, "e:money") }
        for range in TimelineScanner.expressions(in: message) { mark(range, "e:time") }
        for mention in PeopleMentions.mentions(in: message) { mark(mention.range, mention.decides ? "e:decider" : "e:person") }
        return marks
    }

    /// `d` a number, `X` all capitals (`CRM`), `Xx` capitalized, `x` lower case.
    private static func shape(_ token: Token, in message: MessageText) -> String {
        if token.isNumber { return "d" }
        guard token.isCapitalized else { return "x" }
        let original = message.text[token.range]
        return original.count > 1 && !original.contains(where: \.isLowercase) ? "X" : "Xx"
    }
}
