import BenchKit
import Histogram

/// Accumulates one run's outcomes in constant memory: HDR histograms in microseconds
/// (3 significant digits, up to 10 minutes), counters, and failures by kind. Pure.
public struct RunRecorder: Sendable {
    private static let highest: UInt64 = 600_000_000
    private(set) var latency = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: highest, numberOfSignificantValueDigits: .three)
    private(set) var ttft = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: highest, numberOfSignificantValueDigits: .three)
    public private(set) var successes = 0
    public private(set) var failures: [String: Int] = [:]
    public private(set) var attemptsTotal = 0
    public private(set) var attemptsReported = 0

    public init() {}

    /// Every request recorded so far.
    public var completed: Int { successes + failures.values.reduce(0, +) }

    public mutating func record(_ outcome: RequestOutcome) {
        switch outcome {
        case .success(let latency, let ttft, let attempts):
            successes += 1
            _ = self.latency.record(Self.micros(latency))
            if let ttft { _ = self.ttft.record(Self.micros(ttft)) }
            if let attempts {
                attemptsTotal += attempts
                attemptsReported += 1
            }
        case .failure(let kind):
            failures[kind.key, default: 0] += 1
        }
    }

    /// Folds another recorder in (per-worker recorders merged at the end).
    public mutating func merge(_ other: RunRecorder) {
        latency.add(other.latency)
        ttft.add(other.ttft)
        successes += other.successes
        failures.merge(other.failures, uniquingKeysWith: +)
        attemptsTotal += other.attemptsTotal
        attemptsReported += other.attemptsReported
    }

    /// Latency of successful requests, in milliseconds.
    public var latencySummary: LatencySummary { Self.summary(latency) }

    /// Time to first content chunk of successful streamed requests, in milliseconds; nil when none was measured.
    public var ttftSummary: LatencySummary? { ttft.totalCount == 0 ? nil : Self.summary(ttft) }

    /// Mean upstream calls per request, from the gateway's `x-gateway-attempts`; nil when the target sends none.
    public var upstreamCallsPerRequest: Double? {
        attemptsReported == 0 ? nil : Double(attemptsTotal) / Double(attemptsReported)
    }

    static func summary(_ histogram: Histogram<UInt64>) -> LatencySummary {
        guard histogram.totalCount > 0 else { return LatencySummary([]) }
        return LatencySummary(
            count: Int(histogram.totalCount), mean: histogram.mean / 1000, max: Double(histogram.max) / 1000,
            percentile: { Double(histogram.valueAtPercentile($0)) / 1000 })
    }

    static func micros(_ duration: Duration) -> UInt64 {
        let components = duration.components
        let value = components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000
        return UInt64(min(max(value, 1), Int64(highest)))
    }
}
