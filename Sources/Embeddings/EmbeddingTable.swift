/// A static embedding table: the vocabulary, the tokenizer's character tables and one weighted
/// vector per token. The layout is described in `scripts/embedder/table_format.py`.
public struct EmbeddingTable: Sendable {
    /// Names the model, the distillation and the table's content digest.
    public let identifier: String
    /// The length of each row.
    public let dimension: Int
    /// The WordPiece vocabulary, looked up by token bytes.
    let vocabulary: Vocabulary
    /// What the reference normalizer and pre-tokenizer do with each non-ASCII code point.
    let characters: BertCharacters
    /// `(vocabulary.count + 1) * dimension` floats, SIF weight included; the last row is the
    /// vector of the empty text.
    let rows: [Float]

    /// The format version this code reads.
    static let formatVersion: UInt32 = 1

    /// Parses and widens a table held in memory (the bytes are not kept).
    public init(bytes: UnsafeRawBufferPointer) throws {
        var reader = ByteReader(bytes)
        guard try reader.take(4, section: "magic").elementsEqual("EMBT".utf8) else { throw EmbeddingTableError.notATable }
        let version = try reader.u32("header")
        guard version == Self.formatVersion else { throw EmbeddingTableError.unsupportedVersion(version) }
        dimension = try reader.count("dimension", limit: 4096)
        let tokenCount = try reader.count("vocabulary count", limit: 1 << 20)
        guard dimension > 0, tokenCount > 0 else { throw EmbeddingTableError.implausible(section: "header", value: 0) }
        let identifierBytes = try reader.take(try reader.count("identifier", limit: 1024), section: "identifier")
        identifier = String(decoding: identifierBytes, as: UTF8.self)
        let vocabularyBytes = try reader.take(try reader.count("vocabulary", limit: 1 << 26), section: "vocabulary")
        vocabulary = try Vocabulary(newlineSeparated: vocabularyBytes, expectedCount: tokenCount)
        characters = try BertCharacters(reading: &reader)
        let rowCount = tokenCount + 1
        let scales = try reader.take(rowCount * 4, section: "scales")
        let quantised = try reader.take(rowCount * dimension, section: "rows")
        guard reader.offset == bytes.count else { throw EmbeddingTableError.trailingBytes(bytes.count - reader.offset) }
        rows = Self.widen(quantised, scales: scales, rowCount: rowCount, dimension: dimension)
    }

    /// int8 rows times their float32 scales, as one contiguous float array.
    private static func widen(_ quantised: UnsafeRawBufferPointer, scales: UnsafeRawBufferPointer,
                              rowCount: Int, dimension: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: rowCount * dimension) { out, initialized in
            // Int8 may alias the file's unsigned bytes (signed and unsigned variants may alias).
            let q = quantised.baseAddress!.assumingMemoryBound(to: Int8.self)
            let o = out.baseAddress!
            for row in 0..<rowCount {
                let bits = UInt32(littleEndian: scales.loadUnaligned(fromByteOffset: row * 4, as: UInt32.self))
                let scale = Float(bitPattern: bits)
                let base = row * dimension
                for k in 0..<dimension { (o + base + k).initialize(to: Float(q[base + k]) * scale) }
            }
            initialized = rowCount * dimension
        }
    }
}
