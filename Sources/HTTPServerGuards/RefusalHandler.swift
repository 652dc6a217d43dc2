import NIOCore

/// Answers a connection refused at the door: writes one canned response as soon as the
/// connection is active, then, when `drains`, half-closes and discards what the client still
/// sends (closing with unread input would reset the connection and could destroy the
/// response) until the client's end of input or `drainTime`; otherwise closes at once.
final class RefusalHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let response: ByteBuffer
    private let drains: Bool
    private let drainTime: TimeAmount
    private var refused = false

    init(response: ByteBuffer, drains: Bool, drainTime: TimeAmount = .seconds(1)) {
        self.response = response
        self.drains = drains
        self.drainTime = drainTime
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { refuse(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        refuse(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .some(.inputClosed) = event as? ChannelEvent { context.close(promise: nil) }
    }

    private func refuse(context: ChannelHandlerContext) {
        guard !refused else { return }
        refused = true
        let drains = self.drains
        context.writeAndFlush(wrapOutboundOut(response)).assumeIsolated().whenComplete { _ in
            context.close(mode: drains ? .output : .all, promise: nil)
        }
        if drains {
            context.eventLoop.assumeIsolated().scheduleTask(in: drainTime) { context.close(promise: nil) }
        }
    }
}
