import Embeddings
import Testing

@Suite("Static embedder")
struct StaticEmbedderTests {
    let embedder = Fixtures.embedder

    @Test("vectors have the table's dimension and unit length", arguments: [
        "", " ", "hello", "How much does the Pro plan cost?", "😀", "\u{0}\u{200B}", "[UNK]", "中文",
        String(repeating: "We need 50 seats. ", count: 3),
    ])
    func unitLength(text: String) {
        let v = embedder.embed(text)
        #expect(v.count == embedder.dimension)
        #expect(abs(VectorMath.dot(v, v) - 1) < 1e-4)
        #expect(v.allSatisfy { $0.isFinite })
    }

    @Test("the same text always gives the same vector, through either entry point")
    func deterministic() {
        let text = "Can we get a quote for 50 seats by Friday?"
        let first = embedder.embed(text)
        #expect(embedder.embed(text) == first)
        var into = [Float](repeating: .nan, count: embedder.dimension)
        into.withUnsafeMutableBufferPointer { embedder.embed(text, into: $0) }
        #expect(into == first)
        let other = StaticEmbedderTests().embedder
        #expect(other.embed(text) == first)
    }

    @Test("texts without tokens share the empty text's vector")
    func emptyTexts() {
        let empty = embedder.embed("")
        #expect(embedder.embed("   \n\t") == empty)
        #expect(embedder.embed("\u{200B}\u{0}") == empty)
        #expect(embedder.embed("hello") != empty)
    }

    @Test("case and accents do not change the vector")
    func normalisation() {
        #expect(embedder.embed("CAFÉ Résumé") == embedder.embed("cafe resume"))
    }

    @Test("text past the input cap is ignored, so huge inputs cost bounded time")
    func hugeInputs() {
        let head = String(repeating: "pricing ", count: 1_000)
        #expect(embedder.embed(head + String(repeating: "refund ", count: 100_000)) == embedder.embed(head))
        for text in [String(repeating: "x", count: 2_000_000), String(repeating: "🙂", count: 500_000)] {
            let v = embedder.embed(text)
            #expect(abs(VectorMath.dot(v, v) - 1) < 1e-4)
        }
    }

    @Test("the identifier names the model and the table digest")
    func identifier() {
        #expect(embedder.identifier.hasPrefix("all-MiniLM-L6-v2/static-pca\(embedder.dimension)-sif-int8+"))
        #expect(embedder.identifier.split(separator: "+").last?.count == 12)
    }

    @Test("an embedder works from many tasks at once")
    func concurrentUse() async {
        let texts = (0..<64).map { "Do you offer a discount for \($0) seats?" }
        let expected = texts.map(embedder.embed)
        let embedder = embedder
        let results = await withTaskGroup(of: (Int, [Float]).self) { group in
            for (i, text) in texts.enumerated() { group.addTask { (i, embedder.embed(text)) } }
            var out = [[Float]](repeating: [], count: texts.count)
            for await (i, v) in group { out[i] = v }
            return out
        }
        #expect(results == expected)
    }
}
