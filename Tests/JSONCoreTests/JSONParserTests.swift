import Foundation
import JSONCore
import Testing

@Suite("JSONParser")
struct JSONParserTests {
    let limits = JSONLimits(maxBytes: 1 << 20, maxDepth: 64)

    func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(text, limits: limits)
    }

    func reason(_ text: String, limits: JSONLimits? = nil) -> JSONParseError.Reason? {
        do throws(JSONParseError) {
            _ = try JSONParser.parse(text, limits: limits ?? self.limits)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2.5, 3e2, true, false, null, "x"], "b": {}, "c": []} "#)
        #expect(value == .object([
            "a": .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null, .string("x")]),
            "b": .object([:]), "c": .array([]),
        ]))
    }

    @Test func nestingAtTheLimitIsAcceptedAndOneDeeperIsRefused() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        _ = try parse(ok)
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(reason(deep) == .tooDeep(limit: 64))
        let objects = String(repeating: #"{"a":"#, count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(reason(objects) == .tooDeep(limit: 64))
    }

    /// The 513-byte body that trapped Foundation's decoder (issue 8, finding 1).
    @Test func theCrashingBodiesAreRefusedWithAnError() {
        #expect(reason(String(repeating: "[", count: 513)) == .tooDeep(limit: 64))
        #expect(reason(#"{"messages":"# + String(repeating: "[", count: 512)) == .tooDeep(limit: 64))
        #expect(reason(String(repeating: "[", count: 200_000), limits: JSONLimits(maxBytes: 1 << 20)) == .tooDeep(limit: 64))
    }

    @Test func sizeIsCheckedBeforeParsing() {
        let limits = JSONLimits(maxBytes: 10)
        #expect(reason(#"{"a": "0123456789"}"#, limits: limits) == .tooLarge(limit: 10))
    }

    @Test func errorsNameLineAndColumn() throws {
        do throws(JSONParseError) {
            _ = try JSONParser.parse("{\n  \"a\": 1,\n  }", limits: limits)
            Issue.record("parsed")
        } catch {
            #expect(error.reason == .unexpectedCharacter(UInt8(ascii: "}")))
            #expect(error.line == 3)
            #expect(error.column == 3)
            #expect(error.description == "unexpected '}' at line 3, column 3")
        }
    }

    @Test func stringEscapesAndUnicode() throws {
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{c}\n\r\t"))
        #expect(try parse(#""\u00e9\u20AC\ud83d\ude00""#) == .string("é€😀"))
        #expect(try parse("\"héllo 😀\"") == .string("héllo 😀"))
        #expect(reason(#""\ud83d""#) == .invalidUnicodeScalar)
        #expect(reason(#""\ude00""#) == .invalidUnicodeScalar)
        #expect(reason(#""\x""#) == .invalidEscape)
        #expect(reason("\"a\u{1}b\"") == .controlCharacterInString)
        #expect(reason("\"abc") == .unexpectedEnd)
    }

    @Test func invalidUTF8IsRefused() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes, limits: limits) }
    }

    @Test func numbersFollowTheGrammar() throws {
        #expect(try parse("0") == .number(0))
        #expect(try parse("-0.5e-2") == .number(-0.005))
        #expect(try parse("123456789012345") == .number(123_456_789_012_345))
        #expect(try parse("12345678901234567890") == .number(1.2345678901234567e19))
        for bad in ["01", "1.", ".5", "-", "1e", "1e+", "+1", "0x10", "NaN", "1e400", "-Infinity"] {
            #expect(reason(bad) != nil, "\(bad) was accepted")
        }
    }

    @Test func literalsAndTrailingCharacters() {
        #expect(reason("tru") == .unexpectedEnd)
        #expect(reason("trux") == .unexpectedCharacter(UInt8(ascii: "x")))
        #expect(reason("{} {}") == .trailingCharacters)
        #expect(reason("[1,]") == .unexpectedCharacter(UInt8(ascii: "]")))
        #expect(reason(#"{"a":1,}"#) == .unexpectedCharacter(UInt8(ascii: "}")))
        #expect(reason("") == .unexpectedEnd)
        #expect(reason("[1 2]") == .unexpectedCharacter(UInt8(ascii: "2")))
    }

    @Test func duplicateKeysKeepTheLastValue() throws {
        #expect(try parse(#"{"a": 1, "a": 2}"#) == .object(["a": .number(2)]))
    }

    @Test func boundsCheckIgnoresBracketsInsideStrings() throws {
        let inString = "\"" + String(repeating: "[", count: 100) + "\\\"" + "\""
        try JSONParser.checkBounds(Array(inString.utf8), limits: limits)
        let deep = String(repeating: "[", count: 65)
        #expect(throws: JSONParseError.self) { try JSONParser.checkBounds(Array(deep.utf8), limits: limits) }
    }

    /// Random documents written by Foundation's encoder read back equal.
    @Test func agreesWithFoundationOnRandomDocuments() throws {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let value = JSONValue.random(depth: 0, using: &generator)
            let data = try JSONEncoder().encode(value)
            let parsed = try JSONParser.parse(Array(data), limits: limits)
            #expect(parsed == value)
        }
    }
}

struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension JSONValue {
    static func random(depth: Int, using generator: inout SeededGenerator) -> JSONValue {
        let kind = Int.random(in: 0..<(depth > 4 ? 4 : 6), using: &generator)
        switch kind {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .number(Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) / 8)
        case 3:
            let scalars = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                Character(Unicode.Scalar([0x22, 0x5C, 0x0A, 0x41, 0xE9, 0x20AC, 0x1F600, 0x7F, 0x01].randomElement(using: &generator)!)!)
            }
            return .string(String(scalars))
        case 4:
            return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in random(depth: depth + 1, using: &generator) })
        default:
            var members: [String: JSONValue] = [:]
            for index in 0..<Int.random(in: 0...4, using: &generator) {
                members["k\(index)"] = random(depth: depth + 1, using: &generator)
            }
            return .object(members)
        }
    }
}
