/// How load is offered: open loop at a fixed rate, or closed loop at a fixed concurrency,
/// always bounded by time and optionally by a request count.
public struct LoadShape: Sendable, Hashable, Codable {
    /// The two ways to offer load.
    public enum Kind: Sendable, Hashable {
        /// Requests start on a fixed timetable (`ratePerSecond`), whether or not earlier ones have answered.
        case openLoop(ratePerSecond: Double)
        /// `concurrency` workers each send the next request as soon as the previous one answered.
        case closedLoop(concurrency: Int)
    }

    public var kind: Kind
    /// The run stops offering load after this long.
    public var duration: Duration
    /// The run stops after this many requests, when set.
    public var maxRequests: Int?

    public init(_ kind: Kind, duration: Duration, maxRequests: Int? = nil) {
        self.kind = kind
        self.duration = duration
        self.maxRequests = maxRequests
    }

    /// Open loop at `rate` requests per second.
    public static func open(rate: Double, duration: Duration, maxRequests: Int? = nil) -> LoadShape {
        LoadShape(.openLoop(ratePerSecond: rate), duration: duration, maxRequests: maxRequests)
    }

    /// Closed loop with `concurrency` requests in flight.
    public static func closed(concurrency: Int, duration: Duration, maxRequests: Int? = nil) -> LoadShape {
        LoadShape(.closedLoop(concurrency: concurrency), duration: duration, maxRequests: maxRequests)
    }

    /// `open 500/s` or `closed c=10`.
    public var label: String {
        switch kind {
        case .openLoop(let rate): "open \(Self.number(rate))/s"
        case .closedLoop(let concurrency): "closed c=\(concurrency)"
        }
    }

    /// The most requests in flight this shape asks for (for an open loop: what one second
    /// at the rate would need at 10 ms per request, at least 1), used to size pools and warm-ups.
    public var concurrencyHint: Int {
        switch kind {
        case .openLoop(let rate): max(1, Int((rate / 100).rounded(.up)))
        case .closedLoop(let concurrency): max(1, concurrency)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind, rate, concurrency
        case durationSeconds = "duration_s"
        case maxRequests = "max_requests"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "open": kind = .openLoop(ratePerSecond: try container.decode(Double.self, forKey: .rate))
        case "closed": kind = .closedLoop(concurrency: try container.decode(Int.self, forKey: .concurrency))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown load kind '\(other)'")
        }
        duration = .milliseconds(Int64((try container.decode(Double.self, forKey: .durationSeconds) * 1000).rounded()))
        maxRequests = try container.decodeIfPresent(Int.self, forKey: .maxRequests)
    }

    /// `{"kind":"open","rate":500,"duration_s":10}` or `{"kind":"closed","concurrency":10,…}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch kind {
        case .openLoop(let rate):
            try container.encode("open", forKey: .kind)
            try container.encode(rate, forKey: .rate)
        case .closedLoop(let concurrency):
            try container.encode("closed", forKey: .kind)
            try container.encode(concurrency, forKey: .concurrency)
        }
        try container.encode(duration.seconds, forKey: .durationSeconds)
        try container.encodeIfPresent(maxRequests, forKey: .maxRequests)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
