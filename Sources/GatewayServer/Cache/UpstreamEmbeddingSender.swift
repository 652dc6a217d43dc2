import GatewayCore
import GatewayProviders
import NIOCore

/// Where the upstream embedder's batches go: the `embeddings:` entry `cache.embedder.model`
/// names, through the current snapshot's providers (their keys, transport and simulator),
/// one call per batch under `cache.embedder.timeout_ms`, with chat's breakers, retries and
/// fallback across the entry's routes (``EmbeddingExecutor``).
enum UpstreamEmbeddingSender {
    static func make(
        model name: String, timeout: Duration, runner: AttemptRunner, snapshot: @escaping @Sendable () -> RuntimeSnapshot?
    ) -> EmbedBatchSender {
        { inputs in
            guard let snapshot = snapshot() else { throw UpstreamEmbeddingFailure("the gateway is shutting down") }
            guard let model = snapshot.policy.embeddingModel(named: name), model.backend == .provider, !model.routes.isEmpty else {
                throw UpstreamEmbeddingFailure("'\(name)' is not an `embeddings:` entry with a provider in the current policy")
            }
            do {
                return try await EmbeddingExecutor(runner: runner).embed(
                    inputs: inputs, dimensions: nil, model: model, snapshot: snapshot, headers: [:],
                    deadline: .now + timeout, timeout: timeout
                ).reply.vectors
            } catch let failed as EmbeddingExecutor.Failed {
                throw UpstreamEmbeddingFailure(failed.error.message)
            }
        }
    }
}
