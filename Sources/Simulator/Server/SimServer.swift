import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A running provider simulator: one loopback port serving the OpenAI, Anthropic and Gemini wire formats.
public final class SimServer: Sendable {
    /// The bound port (the real one when started with port 0).
    public let port: Int
    /// `http://HOST:PORT`, or `https://HOST:PORT` with TLS.
    public let baseURL: String
    private let core: SimCore
    private let listener: any Channel
    private let connections: NIOLockedValueBox<[ObjectIdentifier: any Channel]>
    private let accepted: NIOLockedValueBox<Int>
    private let logger: Logger

    private init(
        core: SimCore, listener: any Channel, connections: NIOLockedValueBox<[ObjectIdentifier: any Channel]>,
        accepted: NIOLockedValueBox<Int>, host: String, secure: Bool, logger: Logger
    ) {
        self.core = core
        self.listener = listener
        self.connections = connections
        self.accepted = accepted
        self.logger = logger
        port = listener.localAddress?.port ?? 0
        let scheme = secure ? "https" : "http"
        baseURL = host.contains(":") ? "\(scheme)://[\(host)]:\(port)" : "\(scheme)://\(host):\(port)"
    }

    /// TCP connections accepted since start (HTTP/2 multiplexes many requests over one).
    public var connectionsAccepted: Int {
        accepted.withLockedValue { $0 }
    }

    /// Binds `host:port` (0 picks a free port) and starts answering with `profile`; with
    /// `tls`, over TLS only, offering HTTP/2 and HTTP/1.1 through ALPN.
    public static func start(
        profile: SimProfile,
        host: String = "127.0.0.1",
        port: Int = 8790,
        tls: SimTLS? = nil,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "sim")
    ) async throws -> SimServer {
        let core = try SimCore(profile: profile)
        let connections = NIOLockedValueBox<[ObjectIdentifier: any Channel]>([:])
        let accepted = NIOLockedValueBox(0)
        let tlsContext = try tls?.makeContext()
        let listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 512)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                let id = ObjectIdentifier(channel)
                connections.withLockedValue { $0[id] = channel }
                accepted.withLockedValue { $0 += 1 }
                channel.closeFuture.whenComplete { _ in _ = connections.withLockedValue { $0.removeValue(forKey: id) } }
                if let tlsContext { return SimPipeline.configureSecure(channel, core: core, context: tlsContext) }
                return SimPipeline.configureHTTP1(channel, core: core)
            }
            .bind(host: host, port: port)
            .get()
        let server = SimServer(
            core: core, listener: listener, connections: connections, accepted: accepted, host: host,
            secure: tlsContext != nil, logger: logger)
        logger.info(
            "simulator listening",
            metadata: ["url": "\(server.baseURL)", "profile": "\(profile.source)", "seed": "\(profile.seed)"])
        return server
    }

    /// A snapshot of the counters and the most recent requests.
    /// The last generation request as it arrived (`GET /sim/last-request`'s JSON).
    public func lastRequestJSON() -> String {
        core.recorder.lastRequestJSON
    }

    public func stats() -> SimStats {
        core.ledger.snapshot()
    }

    /// Stops listening and closes every open connection (stalled ones included).
    public func shutdown() async throws {
        try await listener.close()
        let open = connections.withLockedValue { Array($0.values) }
        for channel in open {
            try? await channel.close()
        }
        logger.debug("simulator stopped", metadata: ["url": "\(baseURL)"])
    }
}
