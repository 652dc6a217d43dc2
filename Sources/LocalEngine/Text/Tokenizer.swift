/// Splits a message into tokens in one pass over its characters.
///
/// A token is a run of letters and digits, where `'`, `-`, `.` and `,` join two
/// alphanumeric characters (`don't`, `co-op`, `2.5`, `1,500`; a `.` or `,` only between
/// digits); any other non-space character is a one-character symbol token.
enum Tokenizer {
    static func tokenize(_ text: String) -> [Token] {
        if text.isAllASCII { return tokenizeASCII(text) }
        return tokenizeCharacters(text)
    }

    /// The general path: one `Character` (grapheme) at a time, Unicode properties.
    static func tokenizeCharacters(_ text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.count / 4 + 1)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
                continue
            }
            guard isAlphanumeric(character) else {
                let next = text.index(after: index)
                tokens.append(Token(kind: .symbol, range: index..<next, lower: normalize(String(character)), isCapitalized: false))
                index = next
                continue
            }
            let start = index
            var previous = character
            index = text.index(after: index)
            while index < text.endIndex {
                let current = text[index]
                if isAlphanumeric(current) {
                    previous = current
                    index = text.index(after: index)
                    continue
                }
                guard isJoiner(current, after: previous) else { break }
                let next = text.index(after: index)
                guard next < text.endIndex, isAlphanumeric(text[next]) else { break }
                if (current == "." || current == ","), !(previous.isNumber && text[next].isNumber) { break }
                previous = text[next]
                index = text.index(after: next)
            }
            let word = text[start..<index]
            let kind: Token.Kind = character.isNumber ? .number : .word
            tokens.append(Token(kind: kind, range: start..<index, lower: normalize(String(word)), isCapitalized: character.isUppercase))
        }
        return tokens
    }

    private static func isAlphanumeric(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    private static func isJoiner(_ character: Character, after previous: Character) -> Bool {
        switch character {
        case "'", "\u{2019}", "-", "\u{2011}": true
        case ".", ",": previous.isNumber
        default: false
        }
    }

    /// Lower-cases and replaces typographic apostrophes and dashes by plain ones.
    static func normalize(_ text: String) -> String {
        var result = text.lowercased()
        if result.contains("\u{2019}") { result = result.replacingOccurrences(of: "\u{2019}", with: "'") }
        if result.contains("\u{2011}") { result = result.replacingOccurrences(of: "\u{2011}", with: "-") }
        return result
    }
}

import Foundation
