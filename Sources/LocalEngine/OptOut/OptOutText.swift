import Foundation

/// A message as the opt-out guard reads it: the reply's own text (quoted earlier mail and
/// signatures cut), lower-cased, accents folded, punctuation reduced to sentence marks,
/// commas and quote marks, spaced-out letters joined (`S T O P`), digits in words read as
/// letters (`st0p`) and typos of the key words corrected (`unsubscibe`).
struct OptOutText: Sendable {
    /// Words and marks (`.`, `?`, `,`, `"`) in order.
    let words: [String]
    /// `words` joined by single spaces, with one space before and after: ` stop emailing me . `.
    let normalized: String
    /// `normalized` as UTF-8, for the rules' anchor check.
    let normalizedBytes: [UInt8]
    /// True when the original text holds an e-mail address (a redirect, not a farewell).
    let hasEmailAddress: Bool

    init(_ message: String) {
        let own = Self.ownText(message)
        hasEmailAddress = own.contains("@")
        let body = Self.joiningDottedLetters(hasEmailAddress ? Self.namingAddresses(own) : own)
        let folded = Self.foldingDiacritics(body)
        var raw: [String] = []
        var previous: Token?
        let tokens = Tokenizer.tokenize(folded)
        // `our kids' club`: with an odd number of single quotes, one closing a plural
        // possessive is an apostrophe, not a quote mark.
        let unpaired = tokens.count(where: { $0.isSymbol && $0.lower == "'" }) % 2 == 1
        for token in tokens {
            defer { previous = token }
            if unpaired, token.isSymbol, token.lower == "'", let previous, Self.isPossessive(token, after: previous, in: folded) { continue }
            if token.isSymbol {
                // `❌📞❌📩`: signs read as the words they stand for.
                if let sign = token.lower.unicodeScalars.first, let word = Self.signs[sign.value] {
                    raw.append(word)
                    continue
                }
                // `remove this #`: the sign stands for the number.
                if token.lower == "#" { raw.append("number") }
                if let mark = Self.mark(token.lower), raw.last != mark { raw.append(mark) }
            } else {
                raw.append(token.lower)
            }
        }
        let words = OptOutSpelling.joinSpelledLetters(raw).flatMap(OptOutSpelling.normalize)
        let corrected = OptOutSpelling.joinCompounds(words.map(OptOutSpelling.corrected))
        self.words = corrected
        normalized = " " + corrected.joined(separator: " ") + " "
        normalizedBytes = Array(normalized.utf8)
    }

    /// Sentences of `normalized`, each with whether it asks a question.
    var sentences: [(text: String, isQuestion: Bool)] {
        var result: [(String, Bool)] = []
        var current: [String] = []
        for word in normalized.split(separator: " ").map(String.init) {
            if word == "." || word == "?" {
                if !current.isEmpty { result.append((current.joined(separator: " "), word == "?")) }
                current = []
            } else {
                current.append(word)
            }
        }
        if !current.isEmpty { result.append((current.joined(separator: " "), false)) }
        return result
    }

    /// `unsubscribe info@gym.com.au from …` → `unsubscribe this email from …`: an address
    /// reads as the words the rules know (`this email`), whatever its letters.
    static func namingAddresses(_ text: String) -> String {
        text.replacing(/[A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+/, with: " this email ")
    }

    /// `přestaňte` → `prestante`: accents folded (all-ASCII text is returned as it is). The
    /// native-script rules fold their patterns with it too.
    static func foldingDiacritics(_ text: String) -> String {
        text.isAllASCII ? text : text.folding(options: [.diacriticInsensitive], locale: nil)
    }

    /// True when `mark` closes a plural possessive: right after a word ending in `s`, before
    /// a space or the end.
    static func isPossessive(_ mark: Token, after word: Token, in text: String) -> Bool {
        guard !word.isSymbol, word.lower.hasSuffix("s"), word.range.upperBound == mark.range.lowerBound else { return false }
        return mark.range.upperBound == text.endIndex || text[mark.range.upperBound].isWhitespace
    }

    /// Emoji that stand for a word of an opt-out (`🛑📧`, `🚫 texts`), by first scalar.
    static let signs: [UInt32: String] = [
        0x1F6D1: "stop", 0x26D4: "stop", 0x1F6AB: "no", 0x274C: "no", 0x2716: "no", 0x1F645: "no", 0x1F4F5: "no",
        0x1F4DE: "calls", 0x260E: "calls", 0x1F4F1: "calls", 0x1F4F2: "calls",
        0x1F4E7: "emails", 0x1F4E9: "emails", 0x2709: "emails", 0x1F4E8: "emails", 0x1F4EC: "emails", 0x1F4ED: "emails",
        0x1F4AC: "messages", 0x1F5E8: "messages", 0x1F44B: "bye",
    ]

    /// The punctuation the guard keeps: sentence ends, commas, quote marks.
    private static func mark(_ symbol: String) -> String? {
        switch symbol {
        case ".", "!", ";", ":", "\u{2026}", "\n": "."
        case "?": "?"
        case ",", "\u{2014}", "\u{2013}", "-", "(", ")": ","
        case "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}": "\""
        // `please stop 😩 i get four a day`: an emoji ends a sentence as a full stop would.
        default: symbol.unicodeScalars.contains(where: \.properties.isEmojiPresentation) ? "." : nil
        }
    }

    /// `s.t.o.p` → `stop`, `acme.com` → `acmecom`: a dot between two letters joins them.
    static func joiningDottedLetters(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: ".")) else { return text }
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for (index, character) in characters.enumerated() {
            if character == ".", index > 0, index + 1 < characters.count, characters[index - 1].isLetter, characters[index + 1].isLetter {
                continue
            }
            result.append(character)
        }
        return result
    }

    /// The message without the quoted mail it replies to, its signature, mobile footers and
    /// bracketed system notices.
    static func ownText(_ message: String) -> String {
        var kept: [Substring] = []
        for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "--" || trimmed == "\u{2014}" || trimmed.hasPrefix("-----Original") { break }
            if trimmed.hasPrefix("On "), trimmed.hasSuffix("wrote:") { break }
            if trimmed.lowercased().hasPrefix("sent from my") { continue }
            if trimmed.hasPrefix(">") { continue }
            // `[This message was sent by an automated sequence.]`: a system's notice, not the reply.
            if trimmed.count > 2, trimmed.hasPrefix("["), trimmed.hasSuffix("]") { continue }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }
}
