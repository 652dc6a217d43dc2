/// One row of the cache scenario: which server it measures, what each request asks and which
/// cache outcome its requests should have. A later tier adds rows (hit-semantic at 1k, 10k
/// and 100k entries, one bucket or a thousand) as more phases with their own bodies.
public struct CachePhase: Sendable, Hashable {
    /// What the requests of a phase ask.
    public enum Bodies: Sendable, Hashable {
        /// The same message every time (an exact hit once the first answer is stored).
        case repeated(String)
        /// `PREFIX N` with a new N for every request of the run (a miss every time).
        case unique(prefix: String)
    }

    /// The row's name (`hit-memory`, `miss/redis-down` …).
    public var name: String
    /// The server's role in the stack (`direct`, `memory`, `redis`, `redis-down`).
    public var server: String
    public var bodies: Bodies
    /// The `tier/outcome` of `gateway_cache_lookups_total` every request should count as
    /// (`exact/hit_memory`); nil for the direct call.
    public var expected: String?
    /// One line on what the row shows.
    public var note: String

    public init(name: String, server: String, bodies: Bodies, expected: String?, note: String) {
        self.name = name
        self.server = server
        self.bodies = bodies
        self.expected = expected
        self.note = note
    }

    /// The message of the request with run-wide index `index`.
    public func message(_ index: Int) -> String {
        switch bodies {
        case .repeated(let message): message
        case .unique(let prefix): "\(prefix) \(index)"
        }
    }
}
