/// Caps the extra traffic hedging adds: over a sliding window, hedges fired divided by
/// requests served may not exceed the configured ratio, except that one hedge per window is
/// always allowed, so a cold alias (or a quiet one) hedges too instead of waiting for
/// 1/ratio requests first. Pure: the caller passes the time.
///
/// The window is kept as fixed-width buckets (a tenth of the window each), so memory is
/// constant and old traffic ages out in steps of one bucket.
public struct HedgeBudget: Sendable {
    public let maxExtraRatio: Double
    private let bucketWidth: Duration
    private var buckets: [Bucket]
    private var origin: ContinuousClock.Instant

    private struct Bucket: Sendable {
        var index: Int64 = -1
        var requests = 0
        var hedges = 0
    }

    public init(maxExtraRatio: Double, window: Duration, now: ContinuousClock.Instant, bucketCount: Int = 10) {
        self.maxExtraRatio = maxExtraRatio
        self.bucketWidth = window / bucketCount
        self.buckets = Array(repeating: Bucket(), count: bucketCount)
        self.origin = now
    }

    /// A request started (whether or not it will be hedged).
    public mutating func recordRequest(now: ContinuousClock.Instant) {
        update(now) { $0.requests += 1 }
    }

    /// Asks to fire one hedge; true (and counted) only when it keeps hedges/requests within the cap.
    public mutating func tryHedge(now: ContinuousClock.Instant) -> Bool {
        let (requests, hedges) = counts(now: now)
        let allowance = maxExtraRatio > 0 ? max(1, maxExtraRatio * Double(requests)) : 0
        guard requests > 0, Double(hedges + 1) <= allowance else { return false }
        update(now) { $0.hedges += 1 }
        return true
    }

    /// Requests and hedges within the window ending at `now`.
    public func counts(now: ContinuousClock.Instant) -> (requests: Int, hedges: Int) {
        let current = index(now)
        var requests = 0
        var hedges = 0
        for bucket in buckets where bucket.index > current - Int64(buckets.count) && bucket.index <= current {
            requests += bucket.requests
            hedges += bucket.hedges
        }
        return (requests, hedges)
    }

    private mutating func update(_ now: ContinuousClock.Instant, _ change: (inout Bucket) -> Void) {
        let current = index(now)
        let slot = Int(current % Int64(buckets.count))
        if buckets[slot].index != current { buckets[slot] = Bucket(index: current) }
        change(&buckets[slot])
    }

    private func index(_ now: ContinuousClock.Instant) -> Int64 {
        let elapsed = now - origin
        guard elapsed > .zero else { return 0 }
        return Int64(elapsed / bucketWidth)
    }
}
