/// The limits both servers put on every client connection (SPEC §3 "Server limits"). The
/// defaults are the documented ones; each is configurable (policy `server:` for the
/// gateway, flags for the agent).
public struct ServerLimits: Sendable, Hashable {
    /// The request head must arrive within this time of its first byte: a total, not an
    /// idle timer, so a header trickled a byte at a time is cut. (A new connection has the
    /// longer of this and `idleTimeout` to send its first byte.)
    public var headTimeout: Duration
    /// The body must arrive within this time of the head (the gateway also bounds it by
    /// the request's deadline).
    public var bodyTimeout: Duration
    /// A keep-alive connection with no request in progress is closed after this.
    public var idleTimeout: Duration
    /// At most this many client connections are open; more are answered 503 and closed.
    public var maxConnections: Int
    /// File descriptors kept free for listeners, event loops, files and the runtime; client
    /// and upstream connections share the rest (``DescriptorPlan``).
    public var descriptorReserve: Int

    public init(
        headTimeout: Duration = .seconds(10),
        bodyTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(60),
        maxConnections: Int = 10_000,
        descriptorReserve: Int = 128
    ) {
        self.headTimeout = headTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.descriptorReserve = descriptorReserve
    }
}
