/// A sliding one-minute count kept as six ten-second buckets: what was admitted in the
/// last minute, aging out ten seconds at a time. Pure: the caller passes the time.
public struct QuotaWindow: Sendable, Hashable {
    /// Buckets per window and their width.
    public static let buckets = 6
    public static let bucketWidth: Duration = .seconds(10)

    private var counts = [Int](repeating: 0, count: QuotaWindow.buckets)
    private var indexes = [Int64](repeating: -1, count: QuotaWindow.buckets)
    private let origin: ContinuousClock.Instant

    public init(origin: ContinuousClock.Instant) {
        self.origin = origin
    }

    /// The bucket number of `now` (since the origin).
    public func bucket(at now: ContinuousClock.Instant) -> Int64 {
        let elapsed = now - origin
        return elapsed > .zero ? Int64(elapsed / Self.bucketWidth) : 0
    }

    /// The total over the window ending at `now`.
    public func total(at now: ContinuousClock.Instant) -> Int {
        let current = bucket(at: now)
        var sum = 0
        for slot in 0..<Self.buckets where indexes[slot] > current - Int64(Self.buckets) && indexes[slot] <= current {
            sum += counts[slot]
        }
        return sum
    }

    /// Adds `amount` (negative to give some back) to the bucket of `now`.
    public mutating func add(_ amount: Int, at now: ContinuousClock.Instant) {
        let current = bucket(at: now)
        let slot = Int(current % Int64(Self.buckets))
        if indexes[slot] != current {
            indexes[slot] = current
            counts[slot] = 0
        }
        counts[slot] += amount
    }

    /// How long until the oldest bucket of the window ages out: the `Retry-After` of a
    /// refusal (at least one second).
    public func retryAfter(at now: ContinuousClock.Instant) -> Int {
        let elapsed = now - origin
        let intoBucket = elapsed > .zero ? elapsed - Self.bucketWidth * Int(bucket(at: now)) : .zero
        let wait = Self.bucketWidth - intoBucket
        return max(1, Int((Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18).rounded(.up)))
    }
}
