/// Percentiles of a set of latencies in milliseconds (nearest rank).
public struct LatencySummary: Sendable, Hashable, Codable {
    public var count: Int
    public var p50: Double
    public var p90: Double
    public var p95: Double
    public var p99: Double
    public var p999: Double
    public var mean: Double
    public var max: Double

    public init(_ samples: [Double]) {
        let sorted = samples.sorted()
        func rank(_ percentile: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            // Nearest rank ⌈p·n⌉; the epsilon keeps 99.9 % of 1000 at rank 999, not 1000.
            let index = Int((percentile / 100 * Double(sorted.count) - 1e-9).rounded(.up)) - 1
            return sorted[Swift.max(0, Swift.min(sorted.count - 1, index))]
        }
        self.init(
            count: sorted.count,
            mean: sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count),
            max: sorted.last ?? 0,
            percentile: rank)
    }

    /// A summary from any percentile source (a histogram, say): `percentile(50)` is the median, in ms.
    public init(count: Int, mean: Double, max: Double, percentile: (Double) -> Double) {
        self.count = count
        self.mean = mean
        self.max = max
        p50 = percentile(50)
        p90 = percentile(90)
        p95 = percentile(95)
        p99 = percentile(99)
        p999 = percentile(99.9)
    }
}
