/// A message split into tokens, sentences and clauses, with helpers that turn token
/// ranges back into verbatim substrings of the message.
struct MessageText: Sendable {
    let text: String
    let tokens: [Token]
    /// Token ranges of sentences (split at `. ! ? ; :` and dashes), boundaries excluded.
    let sentences: [Range<Int>]
    /// Token ranges of clauses: sentences further split at commas and linking words
    /// (`but`, `so`, `though`, `because`, `and` before a new subject), boundaries excluded.
    let clauses: [Range<Int>]
    /// For each token, the index of its clause in `clauses` (or -1 for a boundary token).
    let clauseOfToken: [Int]
    /// For each token, the index of its sentence in `sentences` (or -1 for a boundary token).
    let sentenceOfToken: [Int]

    init(_ text: String) {
        self.text = text
        let tokens = Tokenizer.tokenize(text)
        self.tokens = tokens
        let segmentation = Segmenter.segment(tokens)
        sentences = segmentation.sentences
        clauses = segmentation.clauses
        clauseOfToken = Self.owners(of: clauses, count: tokens.count)
        sentenceOfToken = Self.owners(of: sentences, count: tokens.count)
    }

    var count: Int { tokens.count }

    func lower(_ index: Int) -> String { tokens[index].lower }

    /// The verbatim text of tokens `range` (which must not be empty).
    func span(_ range: Range<Int>) -> String {
        String(text[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound])
    }

    /// The clause holding token `index`, or nil for a boundary token.
    func clause(at index: Int) -> Range<Int>? {
        let owner = clauseOfToken[index]
        return owner < 0 ? nil : clauses[owner]
    }

    /// The sentence holding token `index`, or nil for a boundary token.
    func sentence(at index: Int) -> Range<Int>? {
        let owner = sentenceOfToken[index]
        return owner < 0 ? nil : sentences[owner]
    }

    /// True when the tokens from `index` on read `phrase` (already lower-cased tokens).
    func matches(_ phrase: [String], at index: Int) -> Bool {
        guard index + phrase.count <= tokens.count else { return false }
        for (offset, word) in phrase.enumerated() where tokens[index + offset].lower != word { return false }
        return true
    }

    /// True when any token in `range` is one of `words`.
    func contains(anyOf words: WordSet, in range: Range<Int>) -> Bool {
        range.contains { words.contains(tokens[$0]) }
    }

    private static func owners(of ranges: [Range<Int>], count: Int) -> [Int] {
        var owners = [Int](repeating: -1, count: count)
        for (number, range) in ranges.enumerated() {
            for index in range { owners[index] = number }
        }
        return owners
    }
}
