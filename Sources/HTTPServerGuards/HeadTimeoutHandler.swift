import NIOCore

/// The first handler of a connection (raw bytes): the request head must be complete within
/// `timeout` of its first byte, however slowly it trickles in. Past that the client gets a
/// 408 with a JSON body and the connection closes.
final class HeadTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    /// Where the connection is; the transitions are idle → awaitingHead (first byte) →
    /// inRequest (head parsed) → idle (request ended).
    private enum Phase {
        case idle
        case awaitingHead(Scheduled<Void>)
        case inRequest
    }

    private let timeout: Duration
    private let render: ErrorBodyRenderer
    private var phase = Phase.idle

    init(timeout: Duration, render: @escaping ErrorBodyRenderer) {
        self.timeout = timeout
        self.render = render
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .idle = phase {
            let scheduled = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
                self.headTimedOut(context: context)
            }
            phase = .awaitingHead(scheduled)
        }
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let progress = event as? RequestProgress else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        switch progress {
        case .headReceived:
            if case .awaitingHead(let scheduled) = phase { scheduled.cancel() }
            phase = .inRequest
        case .requestEnded:
            phase = .idle
        }
        promise?.succeed()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if case .awaitingHead(let scheduled) = phase { scheduled.cancel() }
        phase = .idle
        context.fireChannelInactive()
    }

    private func headTimedOut(context: ChannelHandlerContext) {
        guard case .awaitingHead = phase else { return }
        phase = .idle
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let body = render(408, "request_timeout", "the request head did not arrive within \(seconds) s of its first byte")
        context.writeAndFlush(wrapOutboundOut(.byteBuffer(CannedResponse.bytes(status: 408, reason: "Request Timeout", body: body))))
            .assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}
