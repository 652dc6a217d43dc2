import Foundation

/// The body of `GET /health/ready`. Redis never fails readiness (while it is down the
/// gateway caches in process and enforces quotas per gateway); it is reported as
/// `ok | degraded`.
struct ReadinessReport: Encodable, Sendable {
    var ready: Bool
    /// The policy in force: its file (or the embedded default) and when it was loaded.
    var policy: String
    var policyLoadedAt: String
    /// `ok` or `rejected: <error>` after a SIGHUP; absent before any.
    var lastReload: String?
    /// True only when every provider endpoint was reached by the warm-up.
    var poolsWarm: Bool
    var warmUpFailures: [String]
    var providers: [String: Int]
    var redis: String?

    enum CodingKeys: String, CodingKey {
        case ready, policy, providers, redis
        case policyLoadedAt = "policy_loaded_at"
        case lastReload = "last_reload"
        case poolsWarm = "pools_warm"
        case warmUpFailures = "warm_up_failures"
    }

    static func make(gateway: Gateway, ready: Bool) -> ReadinessReport {
        let state = gateway.readiness.value
        let snapshot = gateway.snapshot()
        let simulated = snapshot.providers.values.filter(\.isSimulated).count
        return ReadinessReport(
            ready: ready, policy: state.policySource, policyLoadedAt: ISO8601DateFormatter().string(from: state.policyLoadedAt),
            lastReload: state.lastReload, poolsWarm: state.warmUpDone && state.warmUpFailures.isEmpty,
            warmUpFailures: state.warmUpFailures,
            providers: ["real": snapshot.providers.count - simulated, "simulated": simulated, "disabled": snapshot.disabled.count],
            redis: gateway.cache.redisHealth?.rawValue)
    }
}
