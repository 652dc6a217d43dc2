/// One word, number or punctuation mark of a message, with where it stands in the message,
/// so that any run of tokens maps back to a verbatim substring.
struct Token: Sendable, Hashable {
    /// What kind of text the token holds.
    enum Kind: Sendable, Hashable {
        /// Letters (possibly with digits, inner apostrophes or hyphens): `don't`, `year-end`, `Q3`.
        case word
        /// Starts with a digit: `20`, `1,500`, `2.5M`, `15-20k`, `3rd`.
        case number
        /// A single punctuation or symbol character: `$`, `,`, `.`, `?`, `—`.
        case symbol
    }

    var kind: Kind
    /// Where the token stands in the message.
    var range: Range<String.Index>
    /// The token lower-cased, with typographic apostrophes made plain.
    var lower: String
    /// True when the token's first character is an upper-case letter.
    var isCapitalized: Bool
    /// A cheap hash of `lower`, made once, for the word filters of `WordSet` and `PhraseSet`.
    var key: WordKey

    init(kind: Kind, range: Range<String.Index>, lower: String, isCapitalized: Bool) {
        self.kind = kind
        self.range = range
        self.lower = lower
        self.isCapitalized = isCapitalized
        key = WordKey(lower)
    }

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    var isSymbol: Bool { kind == .symbol }
}
