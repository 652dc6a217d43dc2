import GatewayCore

/// Race and hedge have no per-contender retries: when every contender failed with a
/// retryable error (both providers stalled past their first-token limit, say) and the
/// deadline allows, the whole contest runs again, up to the largest `max_attempts` among
/// the alias's providers, after the smallest base delay among them.
struct ContestRounds: Sendable {
    let context: ContestContext

    func run(_ contest: () async throws -> ExecutionAnswer) async throws -> ExecutionAnswer {
        let policies = context.alias.routes.compactMap { context.snapshot.providers[$0.provider]?.config.retry }
        let rounds = policies.map(\.maxAttempts).max() ?? 1
        let backoff = policies.map(\.baseDelay).min() ?? .zero
        var round = 1
        while true {
            do {
                return try await contest()
            } catch GatewayError.allProvidersFailed(let failures)
                where round < rounds && failures.contains(where: { $0.failure.isRetryable })
                && ContinuousClock.now + backoff < context.deadline
            {
                round += 1
                for route in context.alias.routes { context.runner.metrics.retried(provider: route.provider, model: route.model) }
                try await Task.sleep(for: backoff)
            }
        }
    }
}
