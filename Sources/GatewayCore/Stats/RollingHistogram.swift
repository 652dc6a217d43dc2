import Histogram

/// Latency percentiles over roughly the last one to two windows: values go into the
/// current window's HDR histogram; when a window ends it becomes the previous one.
/// Readings merge both, so percentiles always rest on at least one full window.
public struct RollingHistogram: Sendable {
    private var current: Histogram<UInt64>
    private var previous: Histogram<UInt64>
    private var windowStart: ContinuousClock.Instant
    private let window: Duration
    /// Every value ever recorded.
    public private(set) var totalCount: UInt64 = 0

    /// Values are recorded in microseconds, up to one hour.
    public init(window: Duration = .seconds(60), now: ContinuousClock.Instant) {
        self.current = Histogram(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
        self.previous = current
        self.windowStart = now
        self.window = window
    }

    public mutating func record(_ duration: Duration, now: ContinuousClock.Instant) {
        rotateIfNeeded(now: now)
        let micros = UInt64(clamping: max(duration.nanoseconds / 1_000, 0))
        _ = current.record(min(micros, 3_600_000_000))
        totalCount += 1
    }

    /// Percentile (0–100) in milliseconds over the recent windows, or nil with no data.
    public mutating func percentileMilliseconds(_ percentile: Double, now: ContinuousClock.Instant) -> Double? {
        rotateIfNeeded(now: now)
        var merged = current
        merged.add(previous)
        guard merged.totalCount > 0 else { return nil }
        return Double(merged.valueAtPercentile(percentile)) / 1_000
    }

    /// Values in the recent windows.
    public var recentCount: UInt64 { current.totalCount + previous.totalCount }

    private mutating func rotateIfNeeded(now: ContinuousClock.Instant) {
        let elapsed = now - windowStart
        guard elapsed >= window else { return }
        if elapsed >= window * 2 {
            previous.reset()
        } else {
            previous = current
        }
        current.reset()
        windowStart = now
    }
}
