/// A fault the simulator can inject instead of (or in the middle of) a normal answer.
enum SimFault: String, CaseIterable, Sendable, Hashable {
    /// 429 with `retry-after`.
    case rateLimit = "rate_limit"
    /// 500.
    case serverError = "server_error"
    /// 529 (Anthropic's "overloaded"; 503 UNAVAILABLE in Gemini's format).
    case overloaded
    /// Close the connection with an RST and no response.
    case reset
    /// Send part of the answer, then close the connection.
    case cut
    /// Accept the request and never answer until the client gives up.
    case stall

    /// Parses the `x-sim-fault` header: a status code (`429`, `500`, `529`) or a kind name.
    init?(header: String) {
        switch header.lowercased() {
        case "429", "rate_limit": self = .rateLimit
        case "500", "server_error": self = .serverError
        case "529", "overloaded": self = .overloaded
        case "reset": self = .reset
        case "cut": self = .cut
        case "stall": self = .stall
        default: return nil
        }
    }

    /// The outcome label used in stats: `fault:<kind>`.
    var outcome: String { "fault:" + rawValue }
}

/// Per-kind fault probabilities plus the `retry-after` advertised on 429s.
struct SimFaultRates: Sendable, Equatable {
    /// Probability of each fault kind; a missing kind is 0.
    var rates: [SimFault: Double] = [:]
    /// Seconds advertised in `retry-after` on a rate-limit answer.
    var retryAfterSeconds: Int = 1

    /// Picks the fault whose slice of [0, 1) contains `roll`, in declaration order; nil means answer normally.
    func decide(roll: Double) -> SimFault? {
        var cumulative = 0.0
        for fault in SimFault.allCases {
            cumulative += rates[fault] ?? 0
            if roll < cumulative { return fault }
        }
        return nil
    }
}
