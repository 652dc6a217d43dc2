import GatewayCore

/// Builds the provider for a policy entry: the only place that switches over kinds.
public enum ProviderRegistry {
    /// The adapter speaking `kind`'s wire format to `baseURL`, through `transport`.
    public static func make(
        kind: ProviderKind, name: String, baseURL: String, key: APIKey?, transport: any HTTPTransport
    ) -> any Provider {
        switch kind {
        case .openai:
            OpenAIProvider(name: name, baseURL: baseURL, key: key, transport: transport, dialect: .openai)
        case .openaiCompatible:
            OpenAIProvider(name: name, baseURL: baseURL, key: key, transport: transport, dialect: .compatible)
        case .anthropic:
            AnthropicProvider(name: name, baseURL: baseURL, key: key, transport: transport)
        case .gemini:
            GeminiProvider(name: name, baseURL: baseURL, key: key, transport: transport)
        }
    }
}
