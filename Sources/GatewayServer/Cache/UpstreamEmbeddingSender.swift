import GatewayCore
import GatewayProviders
import NIOCore

/// Where the upstream embedder's batches go: the `embeddings:` entry `cache.embedder.model`
/// names, through the current snapshot's provider (its key, transport and simulator), one
/// call per batch under `cache.embedder.timeout_ms`.
enum UpstreamEmbeddingSender {
    static func make(model name: String, timeout: Duration, snapshot: @escaping @Sendable () -> RuntimeSnapshot?) -> EmbedBatchSender {
        { inputs in
            guard let snapshot = snapshot() else { throw UpstreamEmbeddingFailure("the gateway is shutting down") }
            guard let model = snapshot.policy.embeddingModel(named: name), model.backend == .provider, let route = model.route else {
                throw UpstreamEmbeddingFailure("'\(name)' is not an `embeddings:` entry with a provider in the current policy")
            }
            guard let runtime = snapshot.providers[route.provider] else {
                let why = snapshot.disabled[route.provider] ?? "not configured"
                throw UpstreamEmbeddingFailure("provider '\(route.provider)' is disabled: \(why)")
            }
            guard let provider = runtime.provider as? any EmbeddingProvider else {
                throw UpstreamEmbeddingFailure("provider '\(route.provider)' has no embeddings API the gateway speaks")
            }
            let call = EmbeddingCall(model: route.model, inputs: inputs, deadline: NIODeadline(ContinuousClock.now + timeout))
            return try await provider.embed(call).vectors
        }
    }
}
