/// What the gateway knows about one provider/model: request and error counts, the recent
/// error rate, and rolling latency and time-to-first-token percentiles.
public struct ModelStats: Sendable {
    public private(set) var requests = 0
    public private(set) var errors = 0
    public private(set) var latency: RollingHistogram
    public private(set) var firstToken: RollingHistogram
    private var outcomes: SlidingOutcomeWindow

    public init(now: ContinuousClock.Instant, window: Duration = .seconds(60)) {
        self.latency = RollingHistogram(window: window, now: now)
        self.firstToken = RollingHistogram(window: window, now: now)
        self.outcomes = SlidingOutcomeWindow(window: window, origin: now)
    }

    /// An attempt answered; `firstToken` is nil for non-streamed answers.
    public mutating func attemptSucceeded(latency duration: Duration, firstToken ttft: Duration?, now: ContinuousClock.Instant) {
        requests += 1
        latency.record(duration, now: now)
        if let ttft { firstToken.record(ttft, now: now) }
        outcomes.record(success: true, at: now)
    }

    public mutating func attemptFailed(now: ContinuousClock.Instant) {
        requests += 1
        errors += 1
        outcomes.record(success: false, at: now)
    }

    /// Failures over all outcomes in the recent window (0 with no data).
    public func errorRate(now: ContinuousClock.Instant) -> Double {
        let (successes, failures) = outcomes.counts(at: now)
        let total = successes + failures
        return total == 0 ? 0 : Double(failures) / Double(total)
    }

    /// One percentile of recent TTFT (`firstToken`) or latency in milliseconds, or nil
    /// with fewer than `minimumSamples` recent answers.
    public mutating func recentPercentile(
        _ percentile: Double, firstToken useFirstToken: Bool, minimumSamples: Int, now: ContinuousClock.Instant
    ) -> Double? {
        if useFirstToken {
            guard firstToken.recentCount >= UInt64(minimumSamples) else { return nil }
            return firstToken.percentileMilliseconds(percentile, now: now)
        }
        guard latency.recentCount >= UInt64(minimumSamples) else { return nil }
        return latency.percentileMilliseconds(percentile, now: now)
    }

    /// p50/p95/p99 of latency and TTFT in milliseconds.
    public mutating func percentiles(now: ContinuousClock.Instant) -> (latency: Percentiles, firstToken: Percentiles) {
        (
            Percentiles(
                p50: latency.percentileMilliseconds(50, now: now),
                p95: latency.percentileMilliseconds(95, now: now),
                p99: latency.percentileMilliseconds(99, now: now)),
            Percentiles(
                p50: firstToken.percentileMilliseconds(50, now: now),
                p95: firstToken.percentileMilliseconds(95, now: now),
                p99: firstToken.percentileMilliseconds(99, now: now))
        )
    }
}

/// Three latency percentiles in milliseconds; nil where there is no data yet.
public struct Percentiles: Sendable, Hashable, Codable {
    public var p50: Double?
    public var p95: Double?
    public var p99: Double?

    public init(p50: Double?, p95: Double?, p99: Double?) {
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
    }
}
