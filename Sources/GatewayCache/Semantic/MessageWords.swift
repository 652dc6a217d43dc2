/// One word of a message as the semantic tier reads it: lowercased, with what its case and
/// place said (a capital inside a sentence marks a name; at a sentence start it says nothing).
public struct MessageWord: Sendable, Hashable {
    /// The lowercased text: letters and digits, or one symbol (`$`, `€`, `£`, `¥`, `%`), or a
    /// number with its inner `.`, `,` and `:` kept (`1,200.50`, `3:30`).
    public var text: String
    /// The first letter was a capital.
    public var capitalised: Bool
    /// Two or more letters, all capitals (`SSO`, `EU`, `APAC`).
    public var allCaps: Bool
    /// The first word of a sentence, a quotation or a clause after `:` or `;`.
    public var sentenceInitial: Bool
    /// `n't` was cut from this word (`don't` → `do` + a negation).
    public var negatedContraction: Bool
}

/// Splits a message into ``MessageWord``s. Hyphens split words (after `non-`, `un-` … they
/// join); `n't` turns into its own negation word `not`; `'s` loses its apostrophe; other
/// apostrophe endings (`'re`, `'ll`) are dropped.
/// Reads at most `maximumScalars` scalars, so a hostile message costs a bounded amount.
public enum MessageWords {
    /// The words of `text`, in order.
    public static func split(_ text: String, maximumScalars: Int = 4_000) -> [MessageWord] {
        var words: [MessageWord] = []
        var current = String.UnicodeScalarView()
        var atSentenceStart = true
        var lastWord = ""
        var scalars = Array(text.unicodeScalars.prefix(maximumScalars))
        scalars.append(" ")
        func flush() {
            guard !current.isEmpty else { return }
            words.append(contentsOf: make(String(current), sentenceInitial: atSentenceStart))
            lastWord = words.last?.text ?? ""
            current.removeAll()
            atSentenceStart = false
        }
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            let previous = index > 0 ? scalars[index - 1] : " "
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if scalar == "-", joinedPrefixes.contains(String(current).lowercased()), isLetter(next) {
                continue
            } else if isApostrophe(scalar), !current.isEmpty, isLetter(next) {
                current.append("'")
            } else if ".,:".unicodeScalars.contains(scalar), isDigit(previous), isDigit(next), !current.isEmpty {
                current.append(scalar)
            } else {
                flush()
                if "$€£¥%".unicodeScalars.contains(scalar) {
                    words.append(MessageWord(
                        text: String(scalar), capitalised: false, allCaps: false, sentenceInitial: false, negatedContraction: false))
                } else if scalar == "/" {
                    words.append(MessageWord(
                        text: "per", capitalised: false, allCaps: false, sentenceInitial: false, negatedContraction: false))
                } else if scalar == ".", abbreviations.contains(lastWord) {
                    continue
                } else if ".?!:;\"“”(".unicodeScalars.contains(scalar) {
                    atSentenceStart = true
                }
            }
        }
        return words
    }

    private static func make(_ raw: String, sentenceInitial: Bool) -> [MessageWord] {
        let letters = raw.unicodeScalars.filter { isLetter($0) }
        let capitalised = raw.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
        let allCaps = letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
        var lower = raw.lowercased()
        var negated = false
        if lower.hasSuffix("n't") {
            lower.removeLast(3)
            negated = true
            switch lower {
            case "ca": lower = "can"
            case "wo": lower = "will"
            case "sha": lower = "shall"
            default: break
            }
        } else if lower.hasSuffix("'s") {
            lower.removeAll { $0 == "'" }  // "what's" reads as "whats", as people retype it
        } else if let apostrophe = lower.firstIndex(of: "'") {
            lower = String(lower[..<apostrophe])
        }
        lower.removeAll { $0 == "'" }
        var result = [MessageWord(
            text: lower, capitalised: capitalised, allCaps: allCaps, sentenceInitial: sentenceInitial, negatedContraction: negated)]
        if negated {
            result.append(MessageWord(text: "not", capitalised: false, allCaps: false, sentenceInitial: false, negatedContraction: false))
        }
        return result
    }

    /// Words whose `.` does not end a sentence ("Dr. Müller").
    static let abbreviations: Set<String> = ["dr", "mr", "mrs", "ms", "prof", "st", "vs", "inc", "corp", "co", "ltd", "jr", "sr", "no", "eg", "ie", "etc"]

    /// Prefixes joined to the word after their hyphen ("non-profit" reads as "nonprofit").
    static let joinedPrefixes: Set<String> = ["non", "un", "re", "co", "pre", "e", "multi", "sub", "anti", "de", "dis"]

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { isLetter(scalar) || isDigit(scalar) }
    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" }
}
