/// A snapshot of what the simulator has served (also `GET /sim/stats`).
public struct SimStats: Sendable, Codable, Equatable {
    /// Generation requests received (including faulted and rejected ones).
    public var requests = 0
    /// Generation requests answered normally and in full.
    public var completed = 0
    /// Requests whose client closed the connection while the request was pending or streaming.
    public var cancelledByClient = 0
    /// Generation requests not finished yet.
    public var inFlight = 0
    /// Injected faults by kind (`rate_limit`, `server_error`, `overloaded`, `reset`, `cut`, `stall`).
    public var faults: [String: Int] = [:]
    /// Generation requests by model name.
    public var byModel: [String: Int] = [:]
    /// Generation requests by `x-request-tag` (untagged requests are not counted here).
    public var byTag: [String: Int] = [:]
    /// The most recent finished requests, oldest first (at most `SimStats.recentLimit`).
    public var recent: [SimRequestRecord] = []

    /// How many finished requests `recent` keeps.
    public static let recentLimit = 256

    /// An empty snapshot.
    public init() {}
}

/// One finished generation request.
public struct SimRequestRecord: Sendable, Codable, Equatable {
    /// `x-sim-request-id` (`sim-N`).
    public var id: String
    /// The request path (without the query string).
    public var path: String
    /// The model the request named.
    public var model: String
    /// `x-request-tag`, if any.
    public var tag: String?
    /// Whether the client asked for a stream.
    public var stream: Bool
    /// Whether any credential (`authorization`, `x-api-key`, `x-goog-api-key`, `?key=`) was sent.
    public var hadCredentials: Bool
    /// `completed`, `cancelled`, `rejected` (bad body) or `fault:<kind>`.
    public var outcome: String
    /// The planned service time in ms (`x-sim-service-ms`).
    public var serviceMs: Double
    /// The HTTP version the request came over: `1.1`, or `2` (TLS with ALPN `h2`).
    public var httpVersion: String

    /// Creates a record.
    public init(
        id: String, path: String, model: String, tag: String?, stream: Bool, hadCredentials: Bool,
        outcome: String, serviceMs: Double, httpVersion: String = "1.1"
    ) {
        self.id = id
        self.path = path
        self.model = model
        self.tag = tag
        self.stream = stream
        self.hadCredentials = hadCredentials
        self.outcome = outcome
        self.serviceMs = serviceMs
        self.httpVersion = httpVersion
    }
}
