import NIOCore

/// The first handler of a connection (raw bytes): runs the timers `ConnectionTimers`
/// chooses. A head that does not arrive in time gets a 408 with a JSON body; a connection
/// that sends nothing (new, or kept alive after an exchange) is closed.
final class ConnectionTimerHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    private let headTimeout: Duration
    private let idleTimeout: Duration
    private let render: ErrorBodyRenderer
    private var timers = ConnectionTimers()
    private var timer: LazyTimer?

    init(headTimeout: Duration, idleTimeout: Duration, render: @escaping ErrorBodyRenderer) {
        self.headTimeout = headTimeout
        self.idleTimeout = idleTimeout
        self.render = render
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { apply(.opened, context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        apply(.opened, context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        apply(.bytesArrived, context: context)
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let progress = event as? RequestProgress else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        switch progress {
        case .headReceived: apply(.headParsed, context: context)
        case .requestEnded: apply(.requestEnded, context: context)
        case .responseEnded: apply(.responseEnded, context: context)
        }
        promise?.succeed()
    }

    func channelInactive(context: ChannelHandlerContext) {
        apply(.closed, context: context)
        timer?.cancel()
        context.fireChannelInactive()
    }

    /// Taken out of a live pipeline: no wake-up may outlive the handler.
    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
    }

    /// The connection's one timer, made on first use (the event loop is the context's).
    private func lazyTimer(_ context: ChannelHandlerContext) -> LazyTimer {
        if let timer { return timer }
        let made = LazyTimer(eventLoop: context.eventLoop, granularity: TimeAmount(min(headTimeout, idleTimeout)))
        timer = made
        return made
    }

    private func apply(_ event: ConnectionTimers.Event, context: ChannelHandlerContext) {
        switch timers.handle(event) {
        case .none:
            break
        case .cancel:
            timer?.disarm()
        case .start(let kind):
            let delay: Duration
            switch kind {
            case .firstByte: delay = max(headTimeout, idleTimeout)
            case .head: delay = headTimeout
            case .idle: delay = idleTimeout
            }
            lazyTimer(context).arm(in: TimeAmount(delay)) { self.apply(.fired(kind), context: context) }
        case .headTimedOut:
            let body = render(408, "request_timeout", "the request head did not arrive within \(Self.seconds(headTimeout)) s of its first byte")
            context.writeAndFlush(wrapOutboundOut(.byteBuffer(CannedResponse.bytes(status: 408, reason: "Request Timeout", body: body))))
                .assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        case .close:
            context.close(promise: nil)
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
