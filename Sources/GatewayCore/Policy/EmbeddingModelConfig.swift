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
    /// For backend `provider`: the providers and their embedding model ids, in order. Each
    /// call walks them as a `fallback` alias walks its routes (each provider's retry policy
    /// and breaker); vectors of different models are not interchangeable, so list only
    /// models that embed alike (the same model behind two providers).
    public var routes: [Route]

    /// The first route: where the entry's calls go while its breaker admits them.
    public var route: Route? { routes.first }

    public init(name: String, backend: Backend, routes: [Route] = []) {
        self.name = name
        self.backend = backend
        self.routes = routes
    }

    /// Provider kinds with an embeddings API the gateway speaks.
    public static let embeddingKinds: Set<ProviderKind> = [.openai, .openaiCompatible, .gemini]
}
