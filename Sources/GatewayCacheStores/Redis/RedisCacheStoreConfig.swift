import GatewayCache

/// Settings of ``RedisCacheStore`` (policy `cache.redis`).
public struct RedisCacheStoreConfig: Sendable {
    /// Where Redis is (from the variable named by `url_env`).
    public var url: RedisURL
    /// `timeout_ms`: the most any call may take, connect included; also each socket
    /// operation's timeout on the worker threads.
    public var timeout: Duration
    /// Worker threads, each with its own connection.
    public var connections: Int
    /// Commands that may wait for a worker; past that a call fails at once.
    public var maxQueued: Int
    /// When to stop trying Redis and how often to probe it while down.
    public var breaker: StoreBreakerConfig
    /// How often an idle worker checks whether a probe is due.
    public var tickInterval: Duration

    /// Settings with the contract's default timeout (5 ms) and two connections.
    public init(
        url: RedisURL, timeout: Duration = .milliseconds(5), connections: Int = 2,
        maxQueued: Int = 1024, breaker: StoreBreakerConfig = StoreBreakerConfig(),
        tickInterval: Duration = .milliseconds(50)
    ) {
        self.url = url
        self.timeout = timeout
        self.connections = max(connections, 1)
        self.maxQueued = max(maxQueued, 1)
        self.breaker = breaker
        self.tickInterval = tickInterval
    }
}

/// Counters of ``RedisCacheStore`` (for metrics and tests).
public struct RedisCacheStoreStats: Sendable, Hashable {
    /// Calls that got a reply.
    public var replies: UInt64 = 0
    /// Calls that failed on I/O or connect.
    public var failures: UInt64 = 0
    /// Calls that passed `timeout_ms`.
    public var timeouts: UInt64 = 0
    /// Calls refused at once because the breaker was open or the queue full.
    public var rejected: UInt64 = 0
    /// Error replies (Redis reachable but refusing the command).
    public var errorReplies: UInt64 = 0

    /// Zero counters.
    public init() {}
}
