import SeededRandom
/// A message cut into words and spaces, each marked locked when no rule may change it: it
/// overlaps a gold quote, or holds a digit, a symbol, a capital (a name) or a negation or
/// guard word. The rules of ``MessageVariants`` edit only unlocked pieces.
struct VariantText {
    enum Rule: String, CaseIterable {
        case firstLetterCase = "case"
        case doubleSpace = "whitespace"
        case finalPeriod = "punctuation"
        case leadingFiller = "filler"
        case contraction
        case synonym
        case leadIn = "lead_in"
    }

    static let retypeRules: [Rule] = [.firstLetterCase, .doubleSpace, .finalPeriod, .leadingFiller]
    static let paraphraseRules: [Rule] = [.contraction, .synonym]

    struct Piece {
        var text: String
        var isSpace: Bool
        var locked: Bool
    }

    private(set) var pieces: [Piece]

    var text: String { pieces.map(\.text).joined() }

    /// Words a retype may recapitalise at the start of a message (never a name).
    static let commonStarts: Set<String> = [
        "we", "we're", "our", "the", "it", "its", "it's", "that", "that's", "this", "yes", "yeah", "yep", "so", "well", "ok",
        "okay", "sure", "thanks", "thank", "what", "how", "can", "could", "do", "does", "is", "are", "right", "sounds", "just",
        "hi", "hello", "hey", "honestly", "we've", "looking", "any", "great", "cool", "perfect", "got",
    ]
    static let negations: Set<String> = [
        "not", "no", "never", "none", "nothing", "nobody", "nor", "neither", "without", "cannot", "except", "dont", "cant",
        "wont", "isnt", "doesnt", "didnt", "arent", "wasnt", "werent", "havent", "hasnt", "shouldnt", "couldnt", "wouldnt",
        "nope", "nah", "hardly", "barely", "unless", "only",
    ]
    /// Polarity and guard words (SPEC §3 guards): never edited, even by a synonym.
    static let guardWords: Set<String> = [
        "increase", "decrease", "upgrade", "downgrade", "monthly", "annual", "annually", "yearly", "include", "includes",
        "included", "exclude", "excludes", "excluded", "before", "after", "cheaper", "expensive", "more", "less", "fewer",
        "few", "many", "hundreds", "thousands", "dozens", "all", "every", "some", "most", "least", "per", "each", "from", "to",
        "today", "tomorrow", "yesterday", "week", "month", "year", "quarter",
    ]
    static let fillers = ["um ", "so ", "well, "]
    static let leadIns = ["For context, ", "Just so you know, "]
    /// Contractions both ways; only forms that read one way ("it's" may be "it has": kept).
    static let contract: [[String]: String] = [
        ["we", "are"]: "we're", ["they", "are"]: "they're", ["you", "are"]: "you're", ["i", "am"]: "i'm", ["let", "us"]: "let's",
        ["that", "is"]: "that's", ["it", "is"]: "it's", ["what", "is"]: "what's",
    ]
    static let expand: [String: [String]] = [
        "we're": ["we", "are"], "they're": ["they", "are"], "you're": ["you", "are"], "i'm": ["i", "am"],
    ]
    /// Same-meaning single words that carry no number, name, negation or polarity.
    static let synonyms: [String: String] = [
        "roughly": "approximately", "approximately": "roughly", "currently": "presently", "presently": "currently",
        "maybe": "perhaps", "perhaps": "maybe", "frankly": "honestly", "honestly": "frankly",
        "basically": "essentially", "essentially": "basically", "folks": "people", "quick": "brief", "huge": "enormous",
        "tiny": "very small", "wondering": "curious", "awesome": "great",
    ]

    init(_ message: String, locked quotes: [String]) {
        let characters = Array(message)
        var guarded = [Bool](repeating: false, count: characters.count)
        for quote in quotes where !quote.isEmpty {
            let needle = Array(quote)
            guard needle.count <= characters.count else { continue }
            for start in 0...(characters.count - needle.count) where Array(characters[start..<(start + needle.count)]) == needle {
                for index in start..<(start + needle.count) { guarded[index] = true }
            }
        }
        var pieces: [Piece] = []
        var index = 0
        while index < characters.count {
            let isSpace = characters[index].isWhitespace
            var end = index
            var touchesQuote = false
            while end < characters.count, characters[end].isWhitespace == isSpace {
                touchesQuote = touchesQuote || guarded[end]
                end += 1
            }
            let text = String(characters[index..<end])
            let locked = touchesQuote || (!isSpace && Self.isGuarded(word: text, first: pieces.isEmpty))
            pieces.append(Piece(text: text, isSpace: isSpace, locked: locked))
            index = end
        }
        self.pieces = pieces
    }

    /// The letters and apostrophes of a word, lowercased ("We're," → "we're").
    static func core(_ word: String) -> String {
        String(word.lowercased().filter { $0.isLetter || $0 == "'" })
    }

    static func isGuarded(word: String, first: Bool) -> Bool {
        if word.contains(where: { $0.isNumber || $0.isSymbol || $0 == "%" || $0 == "&" || $0 == "@" || $0 == "/" }) { return true }
        let core = core(word)
        if negations.contains(core) || negations.contains(core.replacingOccurrences(of: "'", with: "")) || core.hasSuffix("n't") {
            return true
        }
        if guardWords.contains(core) { return true }
        let isPronounI = ["i", "i'm", "i've", "i'd", "i'll"].contains(core)
        if word.contains(where: \.isUppercase), !isPronounI, !(first && commonStarts.contains(core)) { return true }
        return false
    }

    private var firstWord: Int? { pieces.firstIndex { !$0.isSpace } }

    func applies(_ rule: Rule) -> Bool {
        switch rule {
        case .firstLetterCase:
            guard let first = firstWord, !pieces[first].locked else { return false }
            return Self.commonStarts.contains(Self.core(pieces[first].text)) && pieces[first].text.first?.isLetter == true
        case .doubleSpace: return pieces.contains { $0.isSpace && !$0.locked }
        case .finalPeriod:
            guard let last = pieces.last, !last.isSpace, !last.locked, let final = last.text.last else { return false }
            return final == "." || final.isLetter
        case .leadingFiller, .leadIn: return firstWord != nil
        case .contraction: return !contractionSpots.isEmpty
        case .synonym: return !synonymSpots.isEmpty
        }
    }

    mutating func apply(_ rule: Rule, random: inout SplitMix64) {
        switch rule {
        case .firstLetterCase:
            guard let first = firstWord, let letter = pieces[first].text.first else { return }
            let flipped = letter.isUppercase ? letter.lowercased() : letter.uppercased()
            pieces[first].text = flipped + pieces[first].text.dropFirst()
        case .doubleSpace:
            let spots = pieces.indices.filter { pieces[$0].isSpace && !pieces[$0].locked }
            pieces[spots[random.below(spots.count)]].text += " "
        case .finalPeriod:
            let last = pieces.count - 1
            if pieces[last].text.last == "." { pieces[last].text.removeLast() } else { pieces[last].text += "." }
        case .leadingFiller:
            prepend(Self.fillers[random.below(Self.fillers.count)])
        case .leadIn:
            prepend(Self.leadIns[random.below(Self.leadIns.count)])
        case .contraction:
            let spots = contractionSpots
            let spot = spots[random.below(spots.count)]
            var words = spot.replacement.split(separator: " ").map { $0 == "i" ? "I" : $0 == "i'm" ? "I'm" : String($0) }
            if pieces[spot.first].text.first?.isUppercase == true { words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst() }
            let trailing = String(pieces[spot.last].text.reversed().prefix { !$0.isLetter }.reversed())
            pieces.replaceSubrange(
                spot.first...spot.last, with: [Piece(text: words.joined(separator: " ") + trailing, isSpace: false, locked: true)])
        case .synonym:
            let spots = synonymSpots
            let index = spots[random.below(spots.count)]
            let word = pieces[index].text
            let core = Self.core(word)
            guard let replacement = Self.synonyms[core], let range = word.lowercased().range(of: core) else { return }
            let offset = word.lowercased().distance(from: word.lowercased().startIndex, to: range.lowerBound)
            let start = word.index(word.startIndex, offsetBy: offset)
            let end = word.index(start, offsetBy: core.count)
            var swapped = replacement
            if word[start].isUppercase { swapped = swapped.prefix(1).uppercased() + swapped.dropFirst() }
            pieces[index].text = String(word[..<start]) + swapped + String(word[end...])
            pieces[index].locked = true
        }
    }

    private mutating func prepend(_ lead: String) {
        guard let first = firstWord else { return }
        if !pieces[first].locked, Self.commonStarts.contains(Self.core(pieces[first].text)), let letter = pieces[first].text.first,
            letter.isUppercase
        {
            pieces[first].text = letter.lowercased() + pieces[first].text.dropFirst()
        }
        pieces.insert(Piece(text: lead, isSpace: false, locked: true), at: first)
    }

    /// Word pairs to contract and words to expand: (first piece, last piece, replacement).
    private var contractionSpots: [(first: Int, last: Int, replacement: String)] {
        var spots: [(first: Int, last: Int, replacement: String)] = []
        let words = pieces.indices.filter { !pieces[$0].isSpace }
        for (position, index) in words.enumerated() where !pieces[index].locked {
            let word = pieces[index].text
            guard word.first?.isLetter == true else { continue }
            let core = Self.core(word)
            if let expanded = Self.expand[core] { spots.append((index, index, expanded.joined(separator: " "))) }
            // The pair's first word ends in a letter: no clause break between the two.
            guard word.lowercased() == core, position + 1 < words.count else { continue }
            let next = words[position + 1]
            guard next == index + 2, !pieces[next].locked, !pieces[index + 1].locked, pieces[index + 1].text == " " else { continue }
            let nextWord = pieces[next].text
            let nextCore = Self.core(nextWord)
            guard nextWord.lowercased().hasPrefix(nextCore), let contracted = Self.contract[[core, nextCore]] else { continue }
            spots.append((index, next, contracted))
        }
        return spots
    }

    private var synonymSpots: [Int] {
        pieces.indices.filter { index in
            let piece = pieces[index]
            guard !piece.isSpace, !piece.locked, Self.synonyms[Self.core(piece.text)] != nil else { return false }
            return !piece.text.contains("'")
        }
    }
}
