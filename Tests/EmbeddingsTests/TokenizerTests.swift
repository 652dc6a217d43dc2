import Embeddings
import Testing

@Suite("WordPiece tokenizer")
struct TokenizerTests {
    let tokenizer = Fixtures.embedder.tokenizer

    @Test("token ids equal the reference tokenizer's for every fixture string")
    func matchesReference() throws {
        let cases = try Fixtures.tokenizerCases()
        #expect(cases.count >= 200)
        for item in cases {
            let ids = tokenizer.tokenIDs(item.text)
            #expect(ids == item.ids, "\(item.text.debugDescription): \(ids.map(tokenizer.token)) vs \(item.ids.map(tokenizer.token))")
        }
    }

    @Test("a word of 100 scalars is split, one of 101 is [UNK]")
    func wordLengthLimit() {
        #expect(tokenizer.tokenIDs(String(repeating: "a", count: 100)) != [tokenizer.unknownID])
        #expect(tokenizer.tokenIDs(String(repeating: "a", count: 101)) == [tokenizer.unknownID])
        #expect(tokenizer.tokenIDs("x " + String(repeating: "é", count: 101) + " y").count == 3)
    }

    @Test("special tokens typed in text are text")
    func specialTokensAreText() {
        let ids = tokenizer.tokenIDs("[SEP]")
        #expect(ids.map(tokenizer.token) == ["[", "sep", "]"])
    }

    @Test("only the first maximumInputScalars scalars are read")
    func inputCap() throws {
        let table = try EmbeddingTable.bundled()
        let capped = WordPieceTokenizer(table: table, maximumInputScalars: 5)
        #expect(capped.tokenIDs("hello world") == tokenizer.tokenIDs("hello"))
        #expect(capped.tokenIDs("héllo world") == tokenizer.tokenIDs("hello"))
        #expect(WordPieceTokenizer(table: table, maximumInputScalars: 0).tokenIDs("hello").isEmpty)
        let long = String(repeating: "pricing ", count: 2_000)
        #expect(tokenizer.tokenIDs(long) == tokenizer.tokenIDs(String(long.unicodeScalars.prefix(8_000))))
    }

    @Test("hostile inputs tokenize without crashing")
    func hostileInputs() {
        let inputs = [
            String(repeating: "a", count: 1_000_000),
            String(repeating: "e\u{301}", count: 200_000),
            String(repeating: "\u{301}", count: 100_000),
            String(repeating: "👨‍👩‍👧‍👦", count: 50_000),
            String(repeating: "中", count: 100_000),
            String(repeating: "!?", count: 100_000),
            String(repeating: "\u{0}\u{7}\u{200B}", count: 100_000),
        ]
        for text in inputs {
            #expect(tokenizer.tokenIDs(text).count <= 3 * tokenizer.maximumInputScalars)
        }
    }
}
