import GatewayCore
import Locking

/// Latency, TTFT and error statistics of one provider, per model, behind one lock.
final class StatsBank: Sendable {
    private let stats: Locked<[String: ModelStats]>

    init() {
        self.stats = Locked([:])
    }

    func succeeded(model: String, latency: Duration, firstToken: Duration?, now: ContinuousClock.Instant) {
        stats.withLock { $0[model, default: ModelStats(now: now)].attemptSucceeded(latency: latency, firstToken: firstToken, now: now) }
    }

    func failed(model: String, now: ContinuousClock.Instant) {
        stats.withLock { $0[model, default: ModelStats(now: now)].attemptFailed(now: now) }
    }

    /// A recent TTFT or latency percentile of one model; nil without enough samples.
    func recentPercentile(
        model: String, _ percentile: Double, firstToken: Bool, minimumSamples: Int, now: ContinuousClock.Instant
    ) -> Double? {
        stats.withLock {
            $0[model]?.recentPercentile(percentile, firstToken: firstToken, minimumSamples: minimumSamples, now: now)
        }
    }

    /// The models seen so far.
    var models: [String] {
        stats.withLock { Array($0.keys).sorted() }
    }

    /// A reading for one model: counts, error rate and percentiles.
    func snapshot(model: String, now: ContinuousClock.Instant) -> ModelStatsSnapshot {
        stats.withLock { stats in
            guard var entry = stats[model] else {
                return ModelStatsSnapshot(
                    requests: 0, errors: 0, errorRate: 0,
                    latency: Percentiles(p50: nil, p95: nil, p99: nil),
                    firstToken: Percentiles(p50: nil, p95: nil, p99: nil))
            }
            let (latency, firstToken) = entry.percentiles(now: now)
            stats[model] = entry
            return ModelStatsSnapshot(
                requests: entry.requests, errors: entry.errors, errorRate: entry.errorRate(now: now),
                latency: latency, firstToken: firstToken)
        }
    }
}

/// One model's statistics at one moment.
struct ModelStatsSnapshot: Sendable {
    var requests: Int
    var errors: Int
    var errorRate: Double
    var latency: Percentiles
    var firstToken: Percentiles
}
