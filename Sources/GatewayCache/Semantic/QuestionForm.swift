/// What a message asks for, read from the first sentence start that says it: a wh-question
/// (`how much`, `how long`, `when`, `who` …), a yes/no question (`is`, `do`, `can` …), or an
/// instruction (`summarize`, `list` …). `what`, `which` and other openings are `open` and
/// agree with any form ("How much is Pro?" / "What does Pro cost?").
enum QuestionForm: Hashable, Sendable {
    case open
    /// `what …` / `which …` that is neither a price question nor `what happens`.
    case what
    case wh(String)
    case yesNo
    case instruction(String)

    static let auxiliaries: Set<String> = [
        "do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would", "should", "shall", "may", "might",
        "must", "have", "has", "had", "am",
    ]
    static let whWords: Set<String> = ["when", "where", "who", "whom", "whose", "why", "how"]
    static let howCompounds: Set<String> = ["much", "many", "long", "often", "soon", "far", "old", "big", "large", "huge"]
    static let instructions: Set<String> = [
        "summarize", "summarise", "list", "classify", "extract", "draft", "write", "translate", "explain", "describe",
        "compare", "convert", "rewrite", "shorten", "expand", "rate", "score", "tag", "label", "generate", "create", "send",
        "show", "tell", "give", "find", "check", "calculate", "estimate", "recommend", "suggest", "outline", "analyze",
        "analyse", "identify", "detect",
    ]
    /// Words that make an open `what …` a price question.
    static let priceWords: Set<String> = ["cost", "costs", "price", "prices", "pricing", "priced"]

    /// Words after a wh-word that make it the start of a clause, not a question ("When the trial ends, …").
    static let clauseStarts: Set<String> = ["the", "a", "an", "we", "you", "i", "it", "they", "our", "your", "my", "this", "that"]

    /// The form of the message, read from its first word (greetings are already gone).
    init(_ words: [MessageWord]) {
        guard let first = words.first?.text else {
            self = .open
            return
        }
        let second = words.count > 1 ? words[1].text : ""
        let third = words.count > 2 ? words[2].text : ""
        if Self.whWords.contains(first) {
            if Self.clauseStarts.contains(second) {
                self = .open
            } else if first == "how", Self.howCompounds.contains(second) {
                self = .wh(["many": "how much", "large": "how big", "huge": "how big"][second] ?? "how \(second)")
            } else {
                self = .wh(first)
            }
        } else if first == "what" || first == "whats" {
            let isPrice = !words.contains { $0.text == "and" } && words.contains { Self.priceWords.contains($0.text) }
            self = isPrice ? .wh("how much") : (second == "happens" || second == "happen" ? .wh("what happens") : .what)
        } else if Self.auxiliaries.contains(first) {
            // "Could you explain …" is an instruction, not a yes/no question.
            let polite = ["could", "can", "would", "will"].contains(first) && second == "you"
            self = polite && Self.instructions.contains(third) ? .instruction(third) : .yesNo
        } else if Self.instructions.contains(first) {
            self = .instruction(first)
        } else {
            self = .open
        }
    }

    /// Whether two forms may be the same question. `what` agrees with all but a price
    /// question and `what happens`.
    func agrees(with other: QuestionForm) -> Bool {
        if self == other || self == .open || other == .open { return true }
        let strict: Set<QuestionForm> = [.wh("how much"), .wh("what happens")]
        if self == .what { return !strict.contains(other) }
        if other == .what { return !strict.contains(self) }
        return false
    }
}

/// Words that give the words after them a role ("from A to B", "A than B", "replace A
/// with B"): for each, what follows it, skipping articles and possessives.
enum DirectionalWords {
    static let markers: Set<String> = [
        "from", "to", "into", "than", "before", "after", "replace", "replaces", "instead", "vs", "versus", "over", "with",
        "onto", "toward", "towards",
    ]
    static let skipped: Set<String> = [
        "the", "a", "an", "our", "your", "my", "their", "his", "her", "its", "this", "that", "these", "those", "of", "$", "€",
        "£", "¥",
    ]

    /// Words that end the phrase after a directional word.
    static let phraseEnds: Set<String> = [
        "for", "if", "when", "so", "because", "but", "in", "on", "at", "by", "per", "during", "without", "within", "and", "or",
        "is", "are", "was", "do", "does", "can", "will",
    ]
    static let listWords: Set<String> = ["and", "or", "nor", "plus", "&"]

    /// For each directional word, the first word of each item of the phrase after it (the
    /// phrase runs up to eight words, to another directional word, a clause word or the next
    /// sentence; items are split by `and` / `or`, so "with Slack and Microsoft Teams" and
    /// "with Microsoft Teams and Slack" agree).
    static func followers(in words: [MessageWord]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for (index, word) in words.enumerated() where markers.contains(word.text) {
            var heads: [String] = []
            var itemStarted = false
            var next = index + 1
            while next < words.count, next - index <= 8, !words[next].sentenceInitial {
                let text = words[next].text
                if markers.contains(text) { break }
                if listWords.contains(text) {
                    itemStarted = false
                } else if phraseEnds.contains(text) && !heads.isEmpty {
                    break
                } else if !itemStarted, !skipped.contains(text) {
                    heads.append(GuardTermReader.singular(text))
                    itemStarted = true
                }
                next += 1
            }
            result[word.text, default: []].append(contentsOf: heads)
        }
        return result
    }
}
