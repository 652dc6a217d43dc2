import NIOCore
import NIOPosix
import Locking

/// A plain TCP connection for tests that speak HTTP byte by byte: trickled heads, slow
/// bodies, garbage, idle keep-alive. It records what the server sent and whether it closed.
public final class RawConnection: Sendable {
    private let channel: any Channel
    private let received: Collector

    private init(channel: any Channel, received: Collector) {
        self.channel = channel
        self.received = received
    }

    /// Connects to 127.0.0.1:`port`. With `reading: false` nothing is read until
    /// ``startReading()``: a client that does not read what the server sends.
    public static func open(port: Int, reading: Bool = true) async throws -> RawConnection {
        let collector = Collector()
        var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.allowRemoteHalfClosure, value: true)
            .channelOption(.autoRead, value: reading)
        if !reading {
            // A small receive buffer, so the server feels a reader that does not read soon.
            bootstrap = bootstrap.channelOption(.socketOption(.so_rcvbuf), value: 16 * 1024)
        }
        let channel = try await bootstrap
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(CollectingHandler(collector: collector))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return RawConnection(channel: channel, received: collector)
    }

    /// Starts reading (after `open(port:reading: false)`).
    public func startReading() async throws {
        try await channel.setOption(.autoRead, value: true).get()
        channel.read()
    }

    /// Sends `text` as it is.
    public func send(_ text: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: text)).get()
    }

    /// Everything the server has sent so far.
    public var text: String { received.text }
    /// Whether the server closed the connection (or its side of it).
    public var isClosed: Bool { received.isClosed }

    public func close() async {
        try? await channel.close().get()
    }
}

/// Bytes received and the close, shared between the handler and the test.
private final class Collector: Sendable {
    private struct State {
        var bytes: [UInt8] = []
        var closed = false
    }

    private let state = Locked(State())

    var text: String { state.withLock { String(decoding: $0.bytes, as: UTF8.self) } }
    var isClosed: Bool { state.withLock { $0.closed } }

    func append(_ buffer: ByteBuffer) { state.withLock { $0.bytes += buffer.readableBytesView } }
    func markClosed() { state.withLock { $0.closed = true } }
}

private final class CollectingHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let collector: Collector

    init(collector: Collector) {
        self.collector = collector
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        collector.append(unwrapInboundIn(data))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .some(.inputClosed) = event as? ChannelEvent { collector.markClosed() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        collector.markClosed()
        context.fireChannelInactive()
    }
}
