import BenchKit

/// What one run measured: latency and TTFT percentiles (ms), throughput, failures and
/// upstream calls per request.
public struct LoadResult: Sendable, Hashable, Codable {
    public var target: String
    public var mode: BenchRequest.Mode
    public var load: LoadShape
    /// Requests started.
    public var sent: Int
    public var succeeded: Int
    /// Failed requests by kind (`http_500`, `timeout`, …).
    public var failures: [String: Int]
    /// Wall time from the first request's start to the last answer, in seconds.
    public var elapsedSeconds: Double
    /// Successful requests per second of `elapsedSeconds` (goodput: a target that times out
    /// does not look fast).
    public var achievedRate: Double
    public var latencyMs: LatencySummary
    /// Streamed runs only.
    public var ttftMs: LatencySummary?
    /// From `x-gateway-attempts`; nil when the target does not report it.
    public var upstreamCallsPerRequest: Double?

    /// All failed requests.
    public var errors: Int

    public init(target: String, mode: BenchRequest.Mode, load: LoadShape, sent: Int, recorder: RunRecorder, elapsed: Duration) {
        self.target = target
        self.mode = mode
        self.load = load
        self.sent = sent
        succeeded = recorder.successes
        failures = recorder.failures
        errors = recorder.failures.values.reduce(0, +)
        let seconds = elapsed.seconds
        elapsedSeconds = seconds
        achievedRate = seconds > 0 ? Double(recorder.successes) / seconds : 0
        latencyMs = recorder.latencySummary
        ttftMs = recorder.ttftSummary
        upstreamCallsPerRequest = recorder.upstreamCallsPerRequest
    }

    private enum CodingKeys: String, CodingKey {
        case target, mode, load, sent, succeeded, failures, errors
        case elapsedSeconds = "elapsed_s"
        case achievedRate = "achieved_rps"
        case latencyMs = "latency_ms"
        case ttftMs = "ttft_ms"
        case upstreamCallsPerRequest = "upstream_calls_per_request"
    }
}
