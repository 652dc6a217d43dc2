import CEmbeddingsTable

extension EmbeddingTable {
    /// The table linked into this binary by the `CEmbeddingsTable` target (all-MiniLM-L6-v2,
    /// distilled to 256 dimensions). Parsing and widening it takes a few milliseconds and
    /// about 31 MB: load it once and share the embedder.
    public static func bundled() throws -> EmbeddingTable {
        let bytes = UnsafeRawBufferPointer(start: embeddings_table_start(), count: Int(embeddings_table_size))
        return try EmbeddingTable(bytes: bytes)
    }
}
