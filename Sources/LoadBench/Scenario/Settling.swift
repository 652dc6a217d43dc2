/// When a target has caught up after a point. A target pushed past its capacity (a proxy
/// that keeps working on requests its client gave up on) would otherwise slow the next
/// points, its own and the other targets' on the same cores. Pure.
public struct Settling: Sendable, Hashable {
    /// Probe requests per check, one at a time.
    public var probes = 3
    /// The target is quiet when every probe is at most `factor` × its idle latency + `slackMs`.
    public var factor = 3.0
    public var slackMs = 2.0
    /// Give up waiting after this long (the next point then says so on standard error).
    public var limit = Duration.seconds(120)

    public init() {}

    /// The idle latency from probes sent before any load: their median, nil when none succeeded.
    public func idleLatency(_ probe: LoadResult) -> Double? {
        probe.succeeded == 0 ? nil : probe.latencyMs.p50
    }

    /// Whether a check's probes all answered close to the idle latency.
    public func isQuiet(_ probe: LoadResult, idleMs: Double) -> Bool {
        probe.errors == 0 && probe.succeeded >= probes && probe.latencyMs.max <= idleMs * factor + slackMs
    }

    /// The load of one check.
    var check: LoadShape { .closed(concurrency: 1, duration: .seconds(30), maxRequests: probes) }
}
