/// What a fault window of the chaos scenario does. Provider faults act on one simulator
/// at a time (the other stays healthy); the rest act on the gateway, its clients or the agent.
public enum ChaosFault: String, Sendable, Hashable, Codable, CaseIterable {
    /// No fault: the lead-in every other window is compared with.
    case baseline
    /// The simulator answers 429 (`retry-after: 1`) to every request.
    case rateLimit = "429"
    /// The simulator answers 500 to every request.
    case serverError = "500"
    /// The simulator answers 529 (overloaded) to every request.
    case overloaded = "529"
    /// The simulator resets every connection (RST, no response).
    case reset
    /// The simulator accepts every request and never answers.
    case stall
    /// The simulator cuts every answer half way (mid-body, mid-stream).
    case cut
    /// The simulator is killed with SIGKILL and restarted on the same port at the window's end.
    case killProvider = "kill-provider"
    /// The gateway gets a SIGHUP every half second, every third with a broken policy file.
    case reload = "sighup"
    /// Slow-reading SSE clients, trickled heads, garbage bytes and deeply nested JSON beside the normal clients.
    case hostile
    /// The agent is killed with SIGKILL and restarted on the same port and SQLite file.
    case killAgent = "kill-agent"

    /// Whether the fault acts on one simulator (the `provider` of its window).
    public var isProviderFault: Bool {
        switch self {
        case .rateLimit, .serverError, .overloaded, .reset, .stall, .cut, .killProvider: true
        case .baseline, .reload, .hostile, .killAgent: false
        }
    }

    /// The simulator's `PUT /sim/faults` body that injects this fault, for the faults the
    /// simulator makes itself; nil for the rest.
    public var simulatorFaults: String? {
        switch self {
        case .rateLimit: #"{"rate_limit":1,"retry_after_s":1}"#
        case .serverError: #"{"server_error":1}"#
        case .overloaded: #"{"overloaded":1}"#
        case .reset: #"{"reset":1}"#
        case .stall: #"{"stall":1}"#
        case .cut: #"{"cut":1}"#
        case .baseline, .killProvider, .reload, .hostile, .killAgent: nil
        }
    }
}

/// One window of the schedule: a fault from `start` to `end` (seconds from the run's start),
/// then a quiet gap until the next window starts, in which recovery is measured.
public struct ChaosWindow: Sendable, Hashable, Codable {
    public var fault: ChaosFault
    /// The simulator a provider fault acts on (0 or 1), nil for the others.
    public var provider: Int?
    public var start: Double
    /// When the fault is lifted (for a kill: when the restarted process is ready).
    public var end: Double
    /// When the next window starts (the run's end for the last one).
    public var spanEnd: Double

    public init(fault: ChaosFault, provider: Int? = nil, start: Double, end: Double, spanEnd: Double) {
        self.fault = fault
        self.provider = provider
        self.start = start
        self.end = end
        self.spanEnd = spanEnd
    }

    /// `429 on sim-a`, `sighup`, `baseline`.
    public func label(providerNames: [String]) -> String {
        guard let provider, provider < providerNames.count else { return fault.rawValue }
        return "\(fault.rawValue) on \(providerNames[provider])"
    }

    private enum CodingKeys: String, CodingKey {
        case fault, provider
        case start = "start_s"
        case end = "end_s"
        case spanEnd = "span_end_s"
    }
}
