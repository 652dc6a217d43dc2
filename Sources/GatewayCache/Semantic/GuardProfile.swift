/// What the guards need of one message, computed once (at insert for cached entries, once
/// per lookup for the question): its terms in order, and the words that could be names.
///
/// Names are decided for a pair (``SemanticGuards``): a word is a name when either message
/// writes it with a capital inside a sentence, in capitals (`SSO`), with letters and digits
/// (`Q3`), or it is a known feature word; it then counts in both messages whatever its case,
/// so "okta" and "Okta" agree.
public struct GuardProfile: Sendable, Hashable {
    /// The terms found by the lexicon, with the index of the word they start at.
    var terms: [(position: Int, term: GuardTerm)]
    /// The words no lexicon term consumed, with their indices (candidates for names).
    var freeWords: [(position: Int, text: String)]
    /// Free words this message marks as names.
    var nameCandidates: Set<String>
    /// What kind of question it is (``QuestionForm``).
    var form: QuestionForm
    /// Every word's text, by position.
    var wordTexts: [String]
    /// For each directional word (`from`, `to`, `than` …), the words that follow it.
    var followers: [String: [String]]

    /// The profile of `text` (greetings, thanks and `please` are not read).
    public init(_ text: String) {
        var words = NormalizedMessage.withoutFillers(MessageWords.split(text)) { $0.text }
        if !words.isEmpty { words[0].sentenceInitial = true }
        var reader = GuardTermReader(words: words)
        reader.read()
        terms = reader.terms
        freeWords = reader.freeWords
        nameCandidates = reader.nameCandidates
        form = QuestionForm(words)
        wordTexts = words.map(\.text)
        followers = DirectionalWords.followers(in: words)
    }

    /// The terms in message order, names included given the pair's name set.
    func orderedTerms(names: Set<String>) -> [GuardTerm] {
        var merged = terms
        for word in freeWords where names.contains(word.text) {
            merged.append((word.position, Self.nameTerm(word.text)))
        }
        merged.sort { $0.position < $1.position }
        return merged.map(\.term)
    }

    /// The name values in message order, each list of names joined by `and` / `or` (or
    /// written side by side, "Microsoft Teams") sorted as one group.
    func nameRuns(names: Set<String>) -> [String] {
        var result: [String] = [], group: [String] = []
        var lastPosition = -2
        for word in freeWords where names.contains(word.text) {
            let term = Self.nameTerm(word.text)
            guard term.kind == .name else { continue }
            let between = lastPosition < 0 ? [] : Array(wordTexts[(lastPosition + 1)..<word.position])
            if lastPosition >= 0, !between.allSatisfy(DirectionalWords.listWords.contains) {
                result.append(contentsOf: group.sorted())
                group = []
            }
            group.append(term.value)
            lastPosition = word.position
        }
        result.append(contentsOf: group.sorted())
        return result
    }

    private static func nameTerm(_ word: String) -> GuardTerm {
        if GuardLexicon.calendarNames.contains(word) { return GuardTerm(.date, word) }
        if GuardLexicon.timeWords.contains(word) { return GuardTerm(.time, word) }
        return GuardTerm(.name, GuardLexicon.features[word] ?? word)
    }

    public static func == (lhs: GuardProfile, rhs: GuardProfile) -> Bool {
        lhs.terms.map(\.term) == rhs.terms.map(\.term) && lhs.terms.map(\.position) == rhs.terms.map(\.position)
            && lhs.freeWords.map(\.text) == rhs.freeWords.map(\.text) && lhs.nameCandidates == rhs.nameCandidates
            && lhs.form == rhs.form && lhs.followers == rhs.followers
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(terms.map(\.term))
        hasher.combine(freeWords.map(\.text))
    }
}
