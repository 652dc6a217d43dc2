/// Why a document was refused, and where: `offset` counts bytes from the start, `line`
/// and `column` count from 1 (columns in bytes).
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Sendable, Hashable {
        case tooLarge(limit: Int)
        case tooDeep(limit: Int)
        case unexpectedEnd
        case unexpectedCharacter(UInt8)
        case invalidNumber
        case invalidEscape
        case invalidUnicodeScalar
        case invalidUTF8
        case controlCharacterInString
        case trailingCharacters
    }

    public var reason: Reason
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(_ reason: Reason, offset: Int, line: Int, column: Int) {
        self.reason = reason
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The problem in words, without the position.
    public var problem: String {
        switch reason {
        case .tooLarge(let limit): "the document is larger than \(limit) bytes"
        case .tooDeep(let limit): "arrays and objects nest deeper than \(limit) levels"
        case .unexpectedEnd: "the document ends too early"
        case .unexpectedCharacter(let byte): "unexpected \(Self.describe(byte))"
        case .invalidNumber: "invalid number"
        case .invalidEscape: "invalid escape sequence in a string"
        case .invalidUnicodeScalar: "invalid \\u escape (lone surrogate or bad hex)"
        case .invalidUTF8: "a string is not valid UTF-8"
        case .controlCharacterInString: "unescaped control character in a string"
        case .trailingCharacters: "unexpected characters after the JSON value"
        }
    }

    /// The problem and where it is, e.g. `unexpected '}' at line 1, column 9`.
    public var description: String {
        if case .tooLarge = reason { return problem }
        return "\(problem) at line \(line), column \(column)"
    }

    private static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}
