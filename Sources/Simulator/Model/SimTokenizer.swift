/// The simulator's token-count rules; cheap approximations, stable across runs.
///
/// * Input: ceil(UTF-8 bytes / 4) over every text the request carries (system and all messages).
/// * Output: the answer is cut into pieces that concatenate back to it exactly. A piece is any
///   whitespace before it plus either one run of letters/digits (a word) or one other character
///   (punctuation, symbol); whitespace at the very end joins the last piece. Each piece is one token.
enum SimTokenizer {
    /// ceil(bytes / 4) for `utf8Count` bytes of input text, at least 1.
    static func inputTokens(utf8Count: Int) -> Int {
        max(1, (utf8Count + 3) / 4)
    }

    /// Words used to pad an answer when a request forces a longer output (one token each).
    static let filler = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit"]

    private enum Kind { case space, word, other }

    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        if scalar.properties.isWhitespace { return .space }
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return .word }
        return .other
    }

    /// Splits `text` into output tokens; `tokens(text).joined() == text`.
    static func tokens(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var tokenStart = scalars.startIndex
        var spaceStart: String.Index?
        var hasContent = false
        var previous = Kind.space
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let current = kind(of: scalars[index])
            if current == .space {
                if previous != .space { spaceStart = index }
            } else {
                let continuesWord = current == .word && previous == .word
                if hasContent && !continuesWord {
                    let cut = previous == .space ? (spaceStart ?? index) : index
                    result.append(text[tokenStart..<cut])
                    tokenStart = cut
                }
                hasContent = true
            }
            previous = current
            index = scalars.index(after: index)
        }
        if tokenStart < text.endIndex { result.append(text[tokenStart...]) }
        return result
    }
}
