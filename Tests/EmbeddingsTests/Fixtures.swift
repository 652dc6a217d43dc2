import Embeddings
import Foundation

/// The fixtures written by scripts/embedder/distill.py, and one embedder shared by the tests.
enum Fixtures {
    /// The package root, found from this file's location.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The embedder over the linked table, loaded once.
    static let embedder: StaticEmbedder = {
        do { return try StaticEmbedder.bundled() } catch { fatalError("bundled table: \(error)") }
    }()

    /// One string and the reference tokenizer's ids for it (no [CLS]/[SEP]).
    struct TokenizerCase: Decodable {
        let text: String
        let ids: [Int32]
    }

    /// A sentence pair, its kind, and the full model's and the script's static cosines.
    struct Pair: Decodable {
        let kind: String
        let a: String
        let b: String
        let full: Double
        let `static`: Double
    }

    static func tokenizerCases() throws -> [TokenizerCase] { try load("tokenizer-ids.json") }

    static func pairs() throws -> [Pair] { try load("pair-cosines.json") }

    /// The committed table file's bytes.
    static func tableFile() throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("Sources/CEmbeddingsTable/minilm-l6-v2-static.bin"))
    }

    private static func load<T: Decodable>(_ name: String) throws -> [T] {
        let url = root.appendingPathComponent("Tests/EmbeddingsTests/Fixtures/\(name)")
        return try JSONDecoder().decode([T].self, from: Data(contentsOf: url))
    }
}
