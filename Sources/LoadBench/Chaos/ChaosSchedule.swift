/// The chaos scenario's timetable: a baseline lead-in, then one window per fault, each
/// fault followed by a quiet gap as long as itself, in which recovery is measured. Provider
/// faults alternate between the two simulators, so one provider is always healthy. Pure.
public struct ChaosSchedule: Sendable, Hashable {
    /// The faults in the order they run, each with the simulator it acts on.
    public static let faults: [(fault: ChaosFault, provider: Int?)] = [
        (.rateLimit, 0), (.serverError, 1), (.overloaded, 0), (.reset, 1), (.stall, 0), (.cut, 1),
        (.killProvider, 0), (.reload, nil), (.hostile, nil), (.killAgent, nil),
    ]

    public let windows: [ChaosWindow]
    public let duration: Double

    /// Lays `faults` out over `duration` seconds: the first `leadFraction` (at least
    /// `minimumLead` seconds) is the baseline, the rest is cut into equal slots, each a fault
    /// for `faultFraction` of it and then quiet.
    public init(
        duration: Double, faults: [(fault: ChaosFault, provider: Int?)] = ChaosSchedule.faults, leadFraction: Double = 0.08,
        minimumLead: Double = 3, faultFraction: Double = 0.5
    ) {
        precondition(duration > 0, "a schedule needs a positive duration")
        self.duration = duration
        let lead = min(max(duration * leadFraction, minimumLead), duration / 2)
        let slot = faults.isEmpty ? 0 : (duration - lead) / Double(faults.count)
        var windows = [ChaosWindow(fault: .baseline, start: 0, end: lead, spanEnd: faults.isEmpty ? duration : lead)]
        for (index, entry) in faults.enumerated() {
            let start = lead + slot * Double(index)
            let spanEnd = index == faults.count - 1 ? duration : start + slot
            windows.append(
                ChaosWindow(fault: entry.fault, provider: entry.provider, start: start, end: start + slot * faultFraction, spanEnd: spanEnd))
        }
        self.windows = windows
    }

    /// The default faults over `length`.
    public init(length: Duration) {
        self.init(duration: length.seconds)
    }

    /// The window whose span [start, spanEnd) holds `offset`; the last for offsets past the end.
    public func window(at offset: Double) -> Int {
        windows.lastIndex { $0.start <= offset } ?? 0
    }
}
