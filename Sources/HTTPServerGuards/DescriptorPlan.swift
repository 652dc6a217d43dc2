/// How a process shares its open-file limit between client connections and upstream
/// connections, so that neither side can take the last descriptor.
///
/// At the limit every `open`, `socket` and `accept` fails, and on Linux libdispatch's worker
/// monitor traps when it cannot open `/proc/<tid>/stat` (SIGILL, issue 8 finding 3). The
/// plan bounds everything that grows with load: accepted client sockets (admitted, refused
/// and draining, being set up) and pooled upstream connections; `ServerLimits.descriptorReserve`
/// is kept free for the rest (listeners, event loops, files, Redis, SQLite, the runtime).
///
/// When the limit is generous the plan is the configured one. When it is not, the usable
/// descriptors are split in half between the two sides.
public struct DescriptorPlan: Sendable, Hashable {
    /// Upstream connections the process may hold.
    public struct Upstream: Sendable, Hashable {
        /// Hosts with a connection pool of their own (an upper bound is fine).
        public var hosts: Int
        /// Pooled connections wanted per host when descriptors allow.
        public var connectionsPerHost: Int
        /// Descriptors one upstream connection costs this process: 2 when the upstream is
        /// served inside the same process (the embedded simulator), else 1.
        public var descriptorsPerConnection: Int

        public init(hosts: Int, connectionsPerHost: Int, descriptorsPerConnection: Int = 1) {
            self.hosts = max(0, hosts)
            self.connectionsPerHost = max(1, connectionsPerHost)
            self.descriptorsPerConnection = max(1, descriptorsPerConnection)
        }

        static let none = Upstream(hosts: 0, connectionsPerHost: 1)
    }

    /// Client connections admitted at once (the gate's capacity).
    public let connectionCapacity: Int
    /// Refused connections allowed to drain at once.
    public let drainCapacity: Int
    /// Accepted client sockets open at once, all kinds; accepting pauses at this.
    public let acceptLimit: Int
    /// Pooled upstream connections per host.
    public let upstreamConnectionsPerHost: Int
    /// Whether the configured limits had to shrink to fit.
    public let isLowered: Bool

    static let wantedDrain = 32
    static let setupMargin = 16

    /// - Parameter softLimit: the open-file limit in force; nil when it cannot be read (the
    ///   configured limits are used as they are).
    public init(limits: ServerLimits, upstream: Upstream, softLimit: Int?) {
        let wantedAccept = limits.maxConnections + Self.wantedDrain + Self.setupMargin
        let wantedUpstream = upstream.hosts * upstream.connectionsPerHost * upstream.descriptorsPerConnection
        guard let softLimit, softLimit - limits.descriptorReserve < wantedAccept + wantedUpstream else {
            self.connectionCapacity = limits.maxConnections
            self.drainCapacity = Self.wantedDrain
            self.acceptLimit = wantedAccept
            self.upstreamConnectionsPerHost = upstream.connectionsPerHost
            self.isLowered = false
            return
        }
        let usable = max(4, softLimit - limits.descriptorReserve)
        let upstreamShare = upstream.hosts == 0 ? 0 : min(wantedUpstream, usable / 2)
        let accept = max(2, min(wantedAccept, usable - upstreamShare))
        let drain = min(Self.wantedDrain, accept / 4)
        let margin = min(Self.setupMargin, accept / 8)
        self.connectionCapacity = max(1, min(limits.maxConnections, accept - drain - margin))
        self.drainCapacity = drain
        self.acceptLimit = accept
        let perConnection = upstream.descriptorsPerConnection * max(1, upstream.hosts)
        self.upstreamConnectionsPerHost = max(1, min(upstream.connectionsPerHost, (usable - accept) / perConnection))
        self.isLowered = true
    }

    /// Descriptors the plan lets load take at most: accepted sockets plus upstream ones.
    public func peakDescriptors(upstream: Upstream) -> Int {
        acceptLimit + upstream.hosts * upstreamConnectionsPerHost * upstream.descriptorsPerConnection
    }
}
