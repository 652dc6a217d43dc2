import BenchKit

/// What one window of the chaos run came to. Requests belong to the window in whose span
/// [start, next window's start) they were due: the fault and the quiet gap after it.
///
/// Recovery, two figures, both counted from the moment the fault was lifted (`end`):
/// * `providerBackS`: until the faulted provider served again — the first successful normal
///   request it answered (`x-gateway-provider`) that completed after `end`. For `kill-agent`,
///   the agent's outage: from the kill to the first answered agent request. nil when the
///   window has no such provider, or when it did not serve again before the span ended
///   (`providerBackMissing`).
/// * `errorsSettledS`: until the client error rate was back to the baseline's (zero): the
///   completion of the span's last failed normal request, 0 when none ended after `end`.
public struct ChaosWindowReport: Sendable, Hashable, Codable {
    public var label: String
    public var window: ChaosWindow
    /// Normal clients (chat, JSON and streamed).
    public var requests: Int
    public var failed: Int
    /// Failed normal requests by kind.
    public var failures: [String: Int]
    /// Of the normal requests that succeeded, from their due time.
    public var latencyMs: LatencySummary
    /// Agent requests (sessions created and turns).
    public var agentRequests: Int
    public var agentFailed: Int
    public var agentFailures: [String: Int]
    /// Of the agent requests that succeeded (a request due while the agent is down waits
    /// for it in the client's connect retries, so an outage shows here).
    public var agentLatencyMs: LatencySummary
    public var providerBackS: Double?
    public var providerBackMissing: Bool
    public var errorsSettledS: Double
    /// After `kill-agent`: what the restarted agent still has.
    public var sessions: ChaosSessionCheck?
    /// Free-form counts: reloads sent, hostile outcomes.
    public var notes: [String: Int]

    /// Accounts `samples` (all of the run's; this keeps those due in the window's span).
    public init(
        window: ChaosWindow, providerNames: [String], samples: [ChaosSample], sessions: ChaosSessionCheck? = nil,
        notes: [String: Int] = [:]
    ) {
        self.window = window
        label = window.label(providerNames: providerNames)
        let mine = samples.filter { $0.start >= window.start && $0.start < window.spanEnd }
        let chat = mine.filter(\.client.isChat)
        let agent = mine.filter { !$0.client.isChat }
        requests = chat.count
        failures = Self.count(chat)
        failed = failures.values.reduce(0, +)
        latencyMs = LatencySummary(chat.filter(\.succeeded).map(\.latencyMs))
        agentRequests = agent.count
        agentFailures = Self.count(agent)
        agentFailed = agentFailures.values.reduce(0, +)
        agentLatencyMs = LatencySummary(agent.filter(\.succeeded).map(\.latencyMs))
        let settled = chat.filter { !$0.succeeded }.map(\.end).max().map { $0 - window.end } ?? 0
        errorsSettledS = max(0, settled)
        self.sessions = sessions
        self.notes = notes
        let back = Self.servedAgain(window: window, providerNames: providerNames, samples: samples)
        providerBackS = back.seconds
        providerBackMissing = back.missing
    }

    /// The recovery time of the faulted provider (or of the agent), and whether it was due but not seen.
    static func servedAgain(window: ChaosWindow, providerNames: [String], samples: [ChaosSample]) -> (seconds: Double?, missing: Bool) {
        let from: Double
        let served: (ChaosSample) -> Bool
        if window.fault == .killAgent {
            from = window.start
            served = { !$0.client.isChat && $0.succeeded }
        } else if window.fault.isProviderFault, let provider = window.provider, provider < providerNames.count {
            from = window.end
            let name = providerNames[provider]
            served = { $0.client.isChat && $0.succeeded && $0.provider == name }
        } else {
            return (nil, false)
        }
        let first = samples.filter { $0.end >= from && $0.end < window.spanEnd && served($0) }.map(\.end).min()
        guard let first else { return (nil, true) }
        return (first - from, false)
    }

    static func count(_ samples: [ChaosSample]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for sample in samples {
            if let failure = sample.failure { counts[failure, default: 0] += 1 }
        }
        return counts
    }

    private enum CodingKeys: String, CodingKey {
        case label, window, requests, failed, failures, notes, sessions
        case latencyMs = "latency_ms"
        case agentRequests = "agent_requests"
        case agentFailed = "agent_failed"
        case agentFailures = "agent_failures"
        case agentLatencyMs = "agent_latency_ms"
        case providerBackS = "provider_back_s"
        case providerBackMissing = "provider_back_missing"
        case errorsSettledS = "errors_settled_s"
    }
}

/// Requests per second over the run, by due time: answered and failed, normal and agent.
public struct ChaosTimeline: Sendable, Hashable, Codable {
    public var answered: [Int]
    public var failed: [Int]
    public var agentAnswered: [Int]
    public var agentFailed: [Int]

    public init(samples: [ChaosSample], duration: Double) {
        let seconds = max(1, Int(duration.rounded(.up)))
        answered = Array(repeating: 0, count: seconds)
        failed = answered
        agentAnswered = answered
        agentFailed = answered
        for sample in samples {
            let second = min(max(0, Int(sample.start)), seconds - 1)
            switch (sample.client.isChat, sample.succeeded) {
            case (true, true): answered[second] += 1
            case (true, false): failed[second] += 1
            case (false, true): agentAnswered[second] += 1
            case (false, false): agentFailed[second] += 1
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case answered, failed
        case agentAnswered = "agent_answered"
        case agentFailed = "agent_failed"
    }
}
