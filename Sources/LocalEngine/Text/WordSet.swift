/// A cheap hash of a word (FNV-1a over its UTF-8), computed once per token, so the lexicons'
/// filters can rule most tokens out without hashing the string again.
struct WordKey: Sendable, Hashable {
    let bits: UInt64

    init(_ word: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        bits = hash
    }

    /// Which of a `WordFilter`'s 1,024 bits the word sets.
    var slot: Int { Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 54) }
}

/// A 1,024-bit filter over words: false means the word is certainly absent; true means it
/// may be present (then the exact set decides).
struct WordFilter: Sendable {
    private var words: [UInt64] = Array(repeating: 0, count: 16)

    mutating func insert(_ key: WordKey) {
        words[key.slot >> 6] |= 1 << UInt64(key.slot & 63)
    }

    func mayContain(_ key: WordKey) -> Bool {
        words[key.slot >> 6] & (1 << UInt64(key.slot & 63)) != 0
    }
}

/// A closed word list (lower-cased words) that answers for a token mostly from its filter:
/// the lexicons ask it for nearly every token of every message, and nearly every answer is no.
struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    let words: Set<String>
    private let filter: WordFilter

    init(_ words: some Sequence<String>) {
        self.words = Set(words)
        var filter = WordFilter()
        for word in self.words { filter.insert(WordKey(word)) }
        self.filter = filter
    }

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    /// True when the token's lower-cased text is in the list.
    func contains(_ token: Token) -> Bool {
        filter.mayContain(token.key) && words.contains(token.lower)
    }

    /// True when `word` is in the list.
    func contains(_ word: String) -> Bool {
        words.contains(word)
    }

    /// This list and `more`.
    func union(_ more: some Sequence<String>) -> WordSet {
        WordSet(words.union(more))
    }

    func makeIterator() -> Set<String>.Iterator { words.makeIterator() }
}
