import SeededRandom
import Testing

@testable import JSONCore

/// The pull cursor against the tree parser: it reads what it is asked for, and skipping a
/// whole document accepts exactly the documents the parser accepts.
@Suite("JSON cursor")
struct JSONCursorTests {
    /// Walks `text` by skipping its one value; true when the cursor accepts it.
    static func cursorAccepts(_ text: String, limits: JSONLimits = .request) -> Bool {
        Array(text.utf8).withUnsafeBytes { bytes in
            guard var cursor = try? JSONCursor(bytes, limits: limits) else { return false }
            do {
                try cursor.skip()
                try cursor.finish()
                return true
            } catch {
                return false
            }
        }
    }

    static func parserAccepts(_ text: String, limits: JSONLimits = .request) -> Bool {
        (try? JSONParser.parse(text, limits: limits)) != nil
    }

    @Test func readsTheMembersItIsAskedForAndSkipsTheRest() throws {
        let text = #"{"id":"x-1","choices":[{"index":2,"delta":{"content":"héllo \"q\""}},{"index":3}],"n":null,"ok":true}"#
        var found: [String] = []
        try Array(text.utf8).withUnsafeBytes { bytes in
            var cursor = try JSONCursor(bytes, limits: .request)
            var root = try cursor.enterObject()
            while let key = try cursor.nextKey(in: &root) {
                switch key {
                case "choices":
                    var array = try cursor.enterArray()
                    while try cursor.nextElement(in: &array) {
                        var choice = try cursor.enterObject()
                        while let member = try cursor.nextKey(in: &choice) {
                            if member == "index" {
                                found.append("index \(Int(try cursor.number()))")
                            } else {
                                try cursor.skip()
                            }
                        }
                    }
                case "n":
                    #expect(try cursor.null())
                    found.append("n null")
                default:
                    #expect(try cursor.null() == false, "null() leaves a non-null value in place")
                    try cursor.skip()
                }
            }
            try cursor.finish()
        }
        #expect(found == ["index 2", "index 3", "n null"])
    }

    @Test func membersAreNamedByTheirPlaceAmongTheKeysEscapedOrNot() throws {
        let text = #"{"b":1,"\u0061":2,"é":3,"zz":4}"#
        let keys = JSONCursor.Keys(["a", "b", "é"])
        var members: [JSONCursor.Member] = []
        try Array(text.utf8).withUnsafeBytes { bytes in
            var cursor = try JSONCursor(bytes, limits: .request)
            var object = try cursor.enterObject()
            while true {
                let member = try cursor.nextMember(in: &object, of: keys)
                members.append(member)
                if member == .end { break }
                try cursor.skip()
            }
            try cursor.finish()
        }
        #expect(members == [.key(1), .key(0), .key(2), .other, .end])
    }

    @Test func stringsAreDecodedWithTheirEscapes() throws {
        let text = #"["a\u00e9\n\"b", "😀"]"#
        try Array(text.utf8).withUnsafeBytes { bytes in
            var cursor = try JSONCursor(bytes, limits: .request)
            var array = try cursor.enterArray()
            var strings: [String] = []
            while try cursor.nextElement(in: &array) { strings.append(try cursor.string()) }
            #expect(strings == ["aé\n\"b", "😀"])
        }
    }

    @Test func documentsThatDifferInOneWayAreJudgedAsTheParserJudgesThem() {
        let cases = [
            #"{}"#, #"[]"#, #" {"a" : [1, 2.5e3, -0, true, false, null, "s"]} "#, #"{"a":1,}"#, #"[1,]"#, #"[,1]"#, #"{,}"#,
            #"{"a" 1}"#, #"{"a":1 "b":2}"#, #"[1 2]"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":.5}"#, #"{"a":-}"#, #"{"a":1e}"#,
            #"{"a":tru}"#, #"{"a":nul}"#, #"{"a":"\x"}"#, #"{"a":"\ud800"}"#, "{\"a\":\"\u{01}\"}", #"{"a":"unterminated}"#,
            #"{"a":1}}"#, #"{"a":1} x"#, #""#, #"   "#, #"{"#, #"["#, #"{"a":"#, #"{"a"}"#, #"{1:2}"#, #"{"a":[}"#, #"{"a":1e400}"#,
            #"["é", "\u00e9", "\uD83D\uDE00"]"#,
        ]
        for text in cases {
            #expect(Self.cursorAccepts(text) == Self.parserAccepts(text), "\(text)")
        }
    }

    @Test func theSizeAndDepthLimitsHoldAsInTheParser() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(!Self.cursorAccepts(deep) && !Self.parserAccepts(deep))
        #expect(Self.cursorAccepts(fine) && Self.parserAccepts(fine))
        let small = JSONLimits(maxBytes: 8, maxDepth: 64)
        #expect(!Self.cursorAccepts(#"["123456789"]"#, limits: small))
        #expect(Self.cursorAccepts(#"["1234"]"#, limits: small))
    }

    @Test func mutatedDocumentsAreAcceptedExactlyWhenTheParserAcceptsThem() {
        let seeds = [
            #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"content":"Hi \"there\"\n"},"finish_reason":null}]}"#,
            #"{"a":[1,-2.5E+3,{"b":[true,false,null]},"\u00e9x"],"c":{}}"#,
        ]
        var mutator = ByteMutator(
            seed: 12, alphabet: Array(#"{}[],:"\ 0123456789.eE+-truefalsn\u"#.utf8) + [0x80, 0xC3, 0xA9, 0x01], maxEdits: 3)
        var disagreements: [String] = []
        for seed in seeds {
            for _ in 0..<3_000 {
                let mutated = mutator.mutate(Array(seed.utf8))
                let cursor = mutated.withUnsafeBytes { raw -> Bool in
                    guard var cursor = try? JSONCursor(raw, limits: .request) else { return false }
                    return (try? cursor.skip()) != nil && (try? cursor.finish()) != nil
                }
                let parser = mutated.withUnsafeBytes { (try? JSONParser.parse($0, limits: .request)) != nil }
                if cursor != parser { disagreements.append(String(decoding: mutated, as: UTF8.self)) }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }
}
