/// The local sentence embedder: WordPiece tokens of the text, the sum of their weighted rows
/// from a static table (a weighted mean, since the result is normalised), L2-normalised.
///
/// Word order is invisible to it and a negation scores close to the sentence it negates;
/// callers that need those distinctions add their own guards.
public struct StaticEmbedder: Embedder {
    /// See `Embedder.identifier`; the table's, e.g. "all-MiniLM-L6-v2/static-pca256-sif-int8+<digest>".
    public let identifier: String
    /// See `Embedder.dimension`.
    public let dimension: Int
    /// The tokenizer of the table's vocabulary.
    public let tokenizer: WordPieceTokenizer
    private let rows: [Float]
    private let emptyRow: Int

    /// An embedder over `table`, reading at most `maximumInputScalars` scalars of each text.
    public init(table: EmbeddingTable, maximumInputScalars: Int = 8_000) {
        identifier = table.identifier
        dimension = table.dimension
        tokenizer = WordPieceTokenizer(table: table, maximumInputScalars: maximumInputScalars)
        rows = table.rows
        emptyRow = table.vocabulary.count
    }

    /// The embedder over the table linked into this binary (`EmbeddingTable.bundled()`).
    public static func bundled(maximumInputScalars: Int = 8_000) throws -> StaticEmbedder {
        StaticEmbedder(table: try .bundled(), maximumInputScalars: maximumInputScalars)
    }

    /// See `Embedder.embed(_:)`.
    public func embed(_ text: String) -> [Float] {
        [Float](unsafeUninitializedCapacity: dimension) { buffer, initialized in
            embed(text, into: buffer)
            initialized = dimension
        }
    }

    /// See `Embedder.embed(_:into:)`; allocates nothing for native strings. A text without
    /// tokens (empty, whitespace, only removed characters) gets the empty text's vector.
    public func embed(_ text: String, into output: UnsafeMutableBufferPointer<Float>) {
        precondition(output.count == dimension, "output must hold exactly `dimension` floats")
        guard let out = output.baseAddress else { return }
        out.initialize(repeating: 0, count: dimension)
        let dimension = dimension
        var tokens = 0
        rows.withUnsafeBufferPointer { table in
            let base = table.baseAddress!
            tokenizer.forEachTokenID(in: text) { id in
                let row = base + Int(id) &* dimension
                for k in 0..<dimension { out[k] += row[k] }
                tokens &+= 1
            }
            if tokens == 0 {
                out.update(from: base + emptyRow * dimension, count: dimension)
            }
        }
        if VectorMath.normalize(output) == 0 {
            rows.withUnsafeBufferPointer { table in
                out.update(from: table.baseAddress! + emptyRow * dimension, count: dimension)
            }
            VectorMath.normalize(output)
        }
    }
}
