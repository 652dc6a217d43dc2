/// A set of cue phrases, indexed by first word so that finding every phrase in a
/// message costs one dictionary look-up per token.
struct PhraseSet: Sendable {
    /// One phrase found in a message: tokens `range`, and which phrase it was.
    struct Match: Sendable, Hashable {
        var range: Range<Int>
        var phrase: Int
    }

    /// Phrases as lower-cased token lists, in the order given.
    let phrases: [[String]]
    private let byFirstWord: [String: [Int]]
    /// Rules out, without hashing, the tokens no phrase starts with (most of them).
    private let firstWords: WordFilter

    /// `phrases` are plain text; they are tokenized the way messages are.
    init(_ phrases: [String]) {
        let tokenized = phrases.map { Tokenizer.tokenize($0).map(\.lower) }.filter { !$0.isEmpty }
        self.phrases = tokenized
        var index: [String: [Int]] = [:]
        for (number, phrase) in tokenized.enumerated() { index[phrase[0], default: []].append(number) }
        // Longest phrase first, so a match is the most specific one starting at a token.
        self.byFirstWord = index.mapValues { numbers in numbers.sorted { tokenized[$0].count > tokenized[$1].count } }
        var firstWords = WordFilter()
        for word in index.keys { firstWords.insert(WordKey(word)) }
        self.firstWords = firstWords
    }

    /// The longest phrase starting at token `index`, if any.
    func match(in message: MessageText, at index: Int) -> Match? {
        let token = message.tokens[index]
        guard firstWords.mayContain(token.key), let candidates = byFirstWord[token.lower] else { return nil }
        for number in candidates where message.matches(phrases[number], at: index) {
            return Match(range: index..<(index + phrases[number].count), phrase: number)
        }
        return nil
    }

    /// Every match, left to right, not overlapping.
    func matches(in message: MessageText, within range: Range<Int>? = nil) -> [Match] {
        let scope = range ?? 0..<message.count
        var found: [Match] = []
        var index = scope.lowerBound
        while index < scope.upperBound {
            if let match = match(in: message, at: index), match.range.upperBound <= scope.upperBound {
                found.append(match)
                index = match.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// True when some phrase occurs in `range` of the message.
    func occurs(in message: MessageText, within range: Range<Int>? = nil) -> Bool {
        let scope = range ?? 0..<message.count
        return scope.contains { index in
            match(in: message, at: index).map { $0.range.upperBound <= scope.upperBound } ?? false
        }
    }
}
