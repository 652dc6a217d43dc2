/// The fixed timetable of an open-loop run: request `i` is due at `i / rate` seconds after
/// the start, however late earlier answers are. Latency is measured from that due time, so
/// a stalled target cannot hide its queueing (no coordinated omission).
public struct OpenLoopSchedule: Sendable, Hashable {
    public let ratePerSecond: Double
    /// How many requests the run sends: the rate times the duration, capped by `maxRequests`.
    public let count: Int

    public init(ratePerSecond: Double, duration: Duration, maxRequests: Int? = nil) {
        precondition(ratePerSecond > 0, "an open loop needs a positive rate")
        self.ratePerSecond = ratePerSecond
        let seconds = duration.seconds
        let byTime = Int((seconds * ratePerSecond).rounded(.down))
        count = max(0, min(byTime, maxRequests ?? Int.max))
    }

    /// When request `index` is due, as an offset from the start.
    public func offset(of index: Int) -> Duration {
        .nanoseconds(Int64((Double(index) * 1e9 / ratePerSecond).rounded()))
    }
}
