/// A target's latency minus the baseline's (direct) at the same mode and load, per
/// percentile, in milliseconds. Negative when the difference is inside the noise.
public struct Overhead: Sendable, Hashable, Codable {
    public var baseline: String
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var p999: Double
    public var ttftP50: Double?
    public var ttftP99: Double?

    /// `result − baseline`; nil TTFT when either side has none.
    public init(_ result: LoadResult, minus baseline: LoadResult) {
        self.baseline = baseline.target
        p50 = result.latencyMs.p50 - baseline.latencyMs.p50
        p90 = result.latencyMs.p90 - baseline.latencyMs.p90
        p99 = result.latencyMs.p99 - baseline.latencyMs.p99
        p999 = result.latencyMs.p999 - baseline.latencyMs.p999
        if let ttft = result.ttftMs, let base = baseline.ttftMs {
            ttftP50 = ttft.p50 - base.p50
            ttftP99 = ttft.p99 - base.p99
        }
    }

    private enum CodingKeys: String, CodingKey {
        case baseline, p50, p90, p99, p999
        case ttftP50 = "ttft_p50"
        case ttftP99 = "ttft_p99"
    }
}
