/// Successes and failures over a sliding time window, kept in fixed buckets so that
/// recording and reading are O(buckets) with no allocation.
public struct SlidingOutcomeWindow: Sendable {
    private struct Bucket: Sendable {
        var epoch: Int64 = .min
        var successes = 0
        var failures = 0
    }

    private var buckets: [Bucket]
    private let bucketNanos: Int64
    private let origin: ContinuousClock.Instant

    public init(window: Duration, bucketCount: Int = 10, origin: ContinuousClock.Instant) {
        self.buckets = Array(repeating: Bucket(), count: max(bucketCount, 1))
        self.bucketNanos = max(window.nanoseconds / Int64(max(bucketCount, 1)), 1)
        self.origin = origin
    }

    private func epoch(at now: ContinuousClock.Instant) -> Int64 {
        (now - origin).nanoseconds / bucketNanos
    }

    public mutating func record(success: Bool, at now: ContinuousClock.Instant) {
        let current = epoch(at: now)
        let index = Int(((current % Int64(buckets.count)) + Int64(buckets.count)) % Int64(buckets.count))
        if buckets[index].epoch != current {
            buckets[index] = Bucket(epoch: current)
        }
        if success { buckets[index].successes += 1 } else { buckets[index].failures += 1 }
    }

    /// (successes, failures) recorded within the window ending at `now`.
    public func counts(at now: ContinuousClock.Instant) -> (successes: Int, failures: Int) {
        let current = epoch(at: now)
        let oldest = current - Int64(buckets.count) + 1
        var successes = 0
        var failures = 0
        for bucket in buckets where bucket.epoch >= oldest && bucket.epoch <= current {
            successes += bucket.successes
            failures += bucket.failures
        }
        return (successes, failures)
    }

    public mutating func reset() {
        for index in buckets.indices { buckets[index] = Bucket() }
    }
}
