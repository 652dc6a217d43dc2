/// An embedding model the gateway serves at `POST /v1/embeddings` (policy `embeddings:`).
public struct EmbeddingModelConfig: Sendable, Hashable {
    /// What computes the vectors.
    public enum Backend: String, Sendable, Hashable, CaseIterable {
        /// The gateway's own bundled embedder (the semantic cache's): no network, no key.
        case local
    }

    public var name: String
    public var backend: Backend

    public init(name: String, backend: Backend) {
        self.name = name
        self.backend = backend
    }
}
