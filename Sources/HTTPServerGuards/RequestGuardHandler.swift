import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// A request's own, shorter limit for its body (the gateway's `x-gateway-timeout-ms`).
public typealias BodyDeadline = @Sendable (HTTPRequest) -> Duration?

/// Sits after the HTTP decoder: tells the connection's timers when a head is complete, a
/// request ended and its response ended, bounds the time the body may take, and answers HTTP parser errors with a 400 that
/// has a JSON body (the router never sees those requests).
final class RequestGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let bodyTimeout: Duration
    private let bodyDeadline: BodyDeadline?
    private let render: ErrorBodyRenderer
    private var bodyTimer: LazyTimer?
    private var responseInProgress = false

    init(bodyTimeout: Duration, bodyDeadline: BodyDeadline?, render: @escaping ErrorBodyRenderer) {
        self.bodyTimeout = bodyTimeout
        self.bodyDeadline = bodyDeadline
        self.render = render
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            context.triggerUserOutboundEvent(RequestProgress.headReceived, promise: nil)
            let limit = bodyDeadline?(head).map { min($0, bodyTimeout) } ?? bodyTimeout
            lazyTimer(context).arm(in: TimeAmount(limit)) { self.bodyTimedOut(context: context, after: limit) }
        case .body:
            break
        case .end:
            bodyTimer?.disarm()
            context.triggerUserOutboundEvent(RequestProgress.requestEnded, promise: nil)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status.kind != .informational: responseInProgress = true
        case .end:
            responseInProgress = false
            context.write(data, promise: promise)
            context.triggerUserOutboundEvent(RequestProgress.responseEnded, promise: nil)
            return
        default: break
        }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        respondAndClose(context: context, status: .badRequest, code: "bad_request", message: "malformed HTTP request: \(parserError)")
    }

    func channelInactive(context: ChannelHandlerContext) {
        bodyTimer?.cancel()
        context.fireChannelInactive()
    }

    /// Taken out of a live pipeline: no wake-up may outlive the handler.
    func handlerRemoved(context: ChannelHandlerContext) {
        bodyTimer?.cancel()
    }

    /// The body timer, made on first use; re-armed for every request without a new task.
    private func lazyTimer(_ context: ChannelHandlerContext) -> LazyTimer {
        if let bodyTimer { return bodyTimer }
        let made = LazyTimer(eventLoop: context.eventLoop, granularity: TimeAmount(bodyTimeout))
        bodyTimer = made
        return made
    }

    private func bodyTimedOut(context: ChannelHandlerContext, after limit: Duration) {
        let milliseconds = limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000
        respondAndClose(context: context, status: .requestTimeout, code: "request_timeout", message: "the request body did not arrive within \(milliseconds) ms of its head")
    }

    /// A JSON error when no response has started, then close; only close otherwise.
    private func respondAndClose(context: ChannelHandlerContext, status: HTTPResponse.Status, code: String, message: String) {
        guard !responseInProgress, context.channel.isActive else {
            context.close(promise: nil)
            return
        }
        responseInProgress = true
        var body = ByteBuffer(string: render(status.code, code, message))
        let head = HTTPResponse(status: status, headerFields: [
            .contentType: "application/json", .contentLength: String(body.readableBytes), .connection: "close",
        ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body.readSlice(length: body.readableBytes)!)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
