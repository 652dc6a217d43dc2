extension WordPieceTokenizer {
    /// An ASCII character, from the input or from a mapping: letters and digits extend the
    /// word, whitespace ends it, controls vanish, and the rest is punctuation.
    @inline(__always)
    func ascii(_ v: UInt32, into word: inout WordScratch, _ body: (Int32) -> Void) {
        switch v {
        case 0x61...0x7A, 0x30...0x39: word.append(v)
        case 0x41...0x5A: word.append(v | 0x20)
        case 0x20, 0x09, 0x0A, 0x0D: finish(&word, body)
        case 0x00...0x1F, 0x7F: break
        default: isolate(v, into: &word, body)
        }
    }

    /// A non-ASCII scalar of the input, through the measured character tables.
    func nonASCII(_ v: UInt32, into word: inout WordScratch, _ body: (Int32) -> Void) {
        if characters.isRemoved(v) { return }
        if BertCharacters.isCJK(v) {
            isolate(characters.mapping(v)?.0 ?? v, into: &word, body)
        } else if let (lead, vowel, trail) = Self.hangulJamo(v) {
            word.append(lead)
            word.append(vowel)
            if trail != 0 { word.append(trail) }
        } else if let (a, b, c) = characters.mapping(v) {
            emit(a, into: &word, body)
            if b != 0 { emit(b, into: &word, body) }
            if c != 0 { emit(c, into: &word, body) }
        } else {
            emit(v, into: &word, body)
        }
    }

    /// A normalised scalar into the pre-tokenizer.
    @inline(__always)
    private func emit(_ v: UInt32, into word: inout WordScratch, _ body: (Int32) -> Void) {
        if v < 0x80 {
            ascii(v, into: &word, body)
        } else if characters.isPunctuation(v) {
            isolate(v, into: &word, body)
        } else {
            word.append(v)
        }
    }

    /// `v` as a word of its own.
    private func isolate(_ v: UInt32, into word: inout WordScratch, _ body: (Int32) -> Void) {
        finish(&word, body)
        word.append(v)
        finish(&word, body)
    }

    /// Ends the current word: its pieces, or "[UNK]", go to `body`.
    func finish(_ word: inout WordScratch, _ body: (Int32) -> Void) {
        guard !word.isEmpty else { return }
        if word.isTooLong {
            body(vocabulary.unknownID)
        } else {
            pieces(of: word, body)
        }
        word.reset()
    }

    /// The canonical decomposition of a precomposed Hangul syllable (trail 0 when it has none).
    @inline(__always)
    static func hangulJamo(_ v: UInt32) -> (UInt32, UInt32, UInt32)? {
        guard v >= 0xAC00, v < 0xAC00 + 11_172 else { return nil }
        let s = v - 0xAC00, trail = s % 28
        return (0x1100 + s / 588, 0x1161 + (s % 588) / 28, trail == 0 ? 0 : 0x11A7 + trail)
    }
}
