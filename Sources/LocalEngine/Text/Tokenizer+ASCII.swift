/// The tokenizer's path for all-ASCII text (most messages): the same tokens as the general
/// path, read byte by byte instead of grapheme by grapheme, with ASCII's letters, digits,
/// white space and case (`TokenizerTests` compares both paths).
extension Tokenizer {
    static func tokenizeASCII(_ text: String) -> [Token] {
        let bytes = text.utf8
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4 + 1)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if isSpace(byte) {
                bytes.formIndex(after: &index)
                continue
            }
            guard isAlphanumeric(byte) else {
                let next = bytes.index(after: index)
                tokens.append(Token(kind: .symbol, range: index..<next, lower: String(decoding: CollectionOfOne(byte), as: UTF8.self), isCapitalized: false))
                index = next
                continue
            }
            let start = index
            var previous = byte
            bytes.formIndex(after: &index)
            while index < bytes.endIndex {
                let current = bytes[index]
                if isAlphanumeric(current) {
                    previous = current
                    bytes.formIndex(after: &index)
                    continue
                }
                guard isJoiner(current, after: previous) else { break }
                let next = bytes.index(after: index)
                guard next < bytes.endIndex, isAlphanumeric(bytes[next]) else { break }
                if current == UInt8(ascii: "."), !(isDigit(previous) && isDigit(bytes[next])) { break }
                if current == UInt8(ascii: ","), !(isDigit(previous) && isDigit(bytes[next])) { break }
                previous = bytes[next]
                index = bytes.index(after: next)
            }
            let lower = String(decoding: bytes[start..<index].lazy.map(lowercased), as: UTF8.self)
            let kind: Token.Kind = isDigit(byte) ? .number : .word
            tokens.append(Token(kind: kind, range: start..<index, lower: lower, isCapitalized: byte >= 0x41 && byte <= 0x5A))
        }
        return tokens
    }

    /// `Character.isWhitespace` on ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    private static func isJoiner(_ byte: UInt8, after previous: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "'"), UInt8(ascii: "-"): true
        case UInt8(ascii: "."), UInt8(ascii: ","): isDigit(previous)
        default: false
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
