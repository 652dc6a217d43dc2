import BenchKit

/// What one phase measured, summed over its slices (the scenario runs every phase in turn,
/// several rounds, so slow drift on a shared machine spreads over all rows). Pure.
public struct CachePhaseTally: Sendable {
    public let phase: CachePhase
    public private(set) var recorder = RunRecorder()
    /// The server's own CPU seconds over the slices; nil once a slice had no reading.
    public private(set) var cpuSeconds: Double? = 0
    /// Cache lookups over the slices, by `tier/outcome`.
    public private(set) var outcomes: [String: Int] = [:]
    public private(set) var elapsedSeconds = 0.0
    /// The next unused request index (unique bodies never repeat across slices).
    public private(set) var nextIndex = 0
    public private(set) var slices = 0

    public init(phase: CachePhase) {
        self.phase = phase
    }

    /// Adds one slice: its requests, the server's process samples around it (nil for a
    /// server the bench cannot see) and its cache counters around it (nil for the simulator).
    public mutating func add(
        _ slice: RunRecorder, requestsStarted: Int, elapsed: Duration, before: ProcessSample?, after: ProcessSample?,
        countersBefore: GatewayCacheCounters?, countersAfter: GatewayCacheCounters?
    ) {
        recorder.merge(slice)
        nextIndex += requestsStarted
        elapsedSeconds += elapsed.seconds
        slices += 1
        if let before, let after, let sum = cpuSeconds {
            cpuSeconds = sum + max(0, after.cpuSeconds - before.cpuSeconds)
        } else {
            cpuSeconds = nil
        }
        if let countersBefore, let countersAfter {
            outcomes.merge(countersAfter.lookups(since: countersBefore), uniquingKeysWith: +)
        }
    }

    /// Marks `count` request indexes as used without measuring them (a warm-up).
    public mutating func skip(_ count: Int) {
        nextIndex += count
    }

    /// The row, its ratios taken against `direct` (nil for the direct row itself).
    public func result(direct: LatencySummary?) -> CachePhaseResult {
        let latency = recorder.latencySummary
        let served = recorder.successes
        let lookups = outcomes.values.reduce(0, +)
        let share: Double? = phase.expected.flatMap { expected in
            lookups > 0 ? Double(outcomes[expected] ?? 0) / Double(lookups) : nil
        }
        return CachePhaseResult(
            name: phase.name, server: phase.server, note: phase.note, expected: phase.expected,
            requests: served, errors: recorder.completed - served, failures: recorder.failures,
            achievedRate: elapsedSeconds > 0 ? Double(served) / elapsedSeconds : 0,
            latencyMs: latency,
            cpuMicrosPerRequest: cpuSeconds.flatMap { served > 0 && phase.expected != nil ? $0 * 1e6 / Double(served) : nil },
            outcomes: outcomes, expectedShare: share,
            versusDirect: direct.flatMap { phase.expected == nil ? nil : CachePhaseResult.Ratio(latency, over: $0) })
    }
}

/// One row of the report.
public struct CachePhaseResult: Sendable, Hashable, Codable {
    public var name: String
    public var server: String
    public var note: String
    public var expected: String?
    /// Successful requests.
    public var requests: Int
    public var errors: Int
    public var failures: [String: Int]
    public var achievedRate: Double
    public var latencyMs: LatencySummary
    /// The gateway's own CPU time per successful request, in µs (from `/proc/PID/stat`).
    public var cpuMicrosPerRequest: Double?
    /// Lookups counted by the gateway during the phase, by `tier/outcome`.
    public var outcomes: [String: Int]
    /// The share of lookups with the expected outcome (1 = every request as intended).
    public var expectedShare: Double?
    /// Latency over the direct call to the simulator.
    public var versusDirect: Ratio?

    /// This row over the direct one at p50 and p99: the ratio and the difference in ms.
    public struct Ratio: Sendable, Hashable, Codable {
        public var p50: Double
        public var p99: Double
        public var addedP50Ms: Double
        public var addedP99Ms: Double

        public init(_ row: LatencySummary, over direct: LatencySummary) {
            p50 = direct.p50 > 0 ? row.p50 / direct.p50 : .nan
            p99 = direct.p99 > 0 ? row.p99 / direct.p99 : .nan
            addedP50Ms = row.p50 - direct.p50
            addedP99Ms = row.p99 - direct.p99
        }

        private enum CodingKeys: String, CodingKey {
            case p50 = "p50_ratio"
            case p99 = "p99_ratio"
            case addedP50Ms = "added_p50_ms"
            case addedP99Ms = "added_p99_ms"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case name, server, note, expected, requests, errors, failures, outcomes
        case achievedRate = "achieved_rps"
        case latencyMs = "latency_ms"
        case cpuMicrosPerRequest = "cpu_us_per_request"
        case expectedShare = "expected_share"
        case versusDirect = "vs_direct"
    }
}
