import GatewayCore

/// The body of `GET /health/providers`: per provider and model, breaker state, load,
/// error rate and latency percentiles.
struct ProviderHealthReport: Codable, Sendable {
    struct ModelEntry: Codable, Sendable {
        var provider: String
        var model: String
        var kind: String
        var endpoint: String
        var breaker: String
        var inFlight: Int
        var queued: Int
        var requests: Int
        var errors: Int
        var errorRate: Double
        var latencyMs: Percentiles
        var ttftMs: Percentiles

        enum CodingKeys: String, CodingKey {
            case provider, model, kind, endpoint, breaker, requests, errors
            case inFlight = "in_flight"
            case queued
            case errorRate = "error_rate"
            case latencyMs = "latency_ms"
            case ttftMs = "ttft_ms"
        }
    }

    struct DisabledEntry: Codable, Sendable {
        var provider: String
        var reason: String
    }

    var providers: [ModelEntry]
    var disabled: [DisabledEntry]

    /// Reads every provider/model the policy routes to, plus any seen in traffic.
    static func make(snapshot: RuntimeSnapshot, now: ContinuousClock.Instant) -> ProviderHealthReport {
        var entries: [ModelEntry] = []
        for config in snapshot.policy.providers {
            guard let runtime = snapshot.providers[config.name] else { continue }
            var models = snapshot.policy.aliases.flatMap(\.routes).filter { $0.provider == config.name }.map(\.model)
            for seen in runtime.stats.models where !models.contains(seen) { models.append(seen) }
            var unique: [String] = []
            for model in models where !unique.contains(model) { unique.append(model) }
            let load = runtime.limiter.load
            for model in unique {
                let stats = runtime.stats.snapshot(model: model, now: now)
                entries.append(
                    ModelEntry(
                        provider: config.name, model: model, kind: config.kind.rawValue,
                        endpoint: runtime.endpointDescription, breaker: runtime.breakers.state(model: model).name,
                        inFlight: load.inFlight, queued: load.queued, requests: stats.requests, errors: stats.errors,
                        errorRate: stats.errorRate, latencyMs: stats.latency, ttftMs: stats.firstToken))
            }
        }
        let disabled = snapshot.disabled.sorted { $0.key < $1.key }.map { DisabledEntry(provider: $0.key, reason: $0.value) }
        return ProviderHealthReport(providers: entries, disabled: disabled)
    }
}
