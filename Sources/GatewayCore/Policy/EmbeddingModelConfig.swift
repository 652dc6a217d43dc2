/// An embedding model the gateway serves at `POST /v1/embeddings` (policy `embeddings:`).
public struct EmbeddingModelConfig: Sendable, Hashable {
    /// What computes the vectors.
    public enum Backend: String, Sendable, Hashable, CaseIterable {
        /// The gateway's own bundled embedder (the semantic cache's): no network, no key.
        case local
        /// A provider's embeddings API (`route`): OpenAI, OpenAI-compatible or Gemini.
        case provider
    }

    public var name: String
    public var backend: Backend
    /// The provider and its embedding model id, for backend `provider`.
    public var route: Route?

    public init(name: String, backend: Backend, route: Route? = nil) {
        self.name = name
        self.backend = backend
        self.route = route
    }

    /// Provider kinds with an embeddings API the gateway speaks.
    public static let embeddingKinds: Set<ProviderKind> = [.openai, .openaiCompatible, .gemini]
}
