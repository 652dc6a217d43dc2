import NIOCore
import NIOHTTP1

/// The per-connection I/O: collects a request, asks `SimCore` what to do, and performs it on the event loop.
///
/// Keeps one answer in progress at a time (the pipelining handler in front holds later requests back).
final class SimHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// The answer in progress: its stats ticket, its next scheduled step, and when its request was read.
    private struct Pending {
        var ticket: SimTicket?
        var scheduled: Scheduled<Void>?
        var start: NIODeadline
        var version: HTTPVersion
        var keepAlive: Bool
    }

    private let core: SimCore
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    private var pending: Pending?

    /// A handler answering from `core`.
    init(core: SimCore) {
        self.core = core
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = nil
        case .body(var chunk):
            if body == nil {
                body = chunk
            } else {
                body!.writeBuffer(&chunk)
            }
        case .end:
            guard let requestHead = head else { return }
            head = nil
            let exchange = core.handle(head: requestHead, body: body)
            body = nil
            pending = Pending(
                ticket: exchange.ticket, start: .now(), version: requestHead.version, keepAlive: requestHead.isKeepAlive)
            perform(exchange.delivery, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let abandoned = pending {
            pending = nil
            abandoned.scheduled?.cancel()
            if let ticket = abandoned.ticket { core.finish(ticket, clientClosed: true) }
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func perform(_ delivery: SimDelivery, context: ChannelHandlerContext) {
        switch delivery {
        case .reply(let response, let atMs):
            at(atMs, context: context) {
                self.writeHead(response.status, response.headers, context: context)
                self.writeBody(response.body, context: context)
                self.complete(context: context)
            }
        case .truncatedReply(let response, let atMs, let keepBytes):
            at(atMs, context: context) {
                self.writeHead(response.status, response.headers, context: context)
                self.writeBody(String(decoding: response.body.utf8.prefix(keepBytes), as: UTF8.self), context: context)
                context.flush()
                self.abort(context: context)
            }
        case .stream(let status, let headers, let events, let cutAfter):
            at(events.first?.atMs ?? 0, context: context) {
                self.writeHead(status, headers, context: context)
                self.sendEvents(events, from: 0, cutAfter: cutAfter, context: context)
            }
        case .reset:
            if let provider = context.channel as? any SocketOptionProvider {
                _ = provider.setSoLinger(NIOLinger(l_onoff: 1, l_linger: 0))
            }
            abort(context: context)
        case .stall:
            break
        }
    }

    /// Writes every event due at the time of `events[index]` in one flush, then schedules the next batch.
    private func sendEvents(_ events: [TimedText], from index: Int, cutAfter: Int?, context: ChannelHandlerContext) {
        guard index < events.count else { return complete(context: context) }
        var next = index
        var batch = ""
        while next < events.count, next == index || events[next].atMs <= events[index].atMs {
            if let cutAfter, next >= cutAfter { break }
            batch += events[next].text
            next += 1
        }
        writeBody(batch, context: context)
        if let cutAfter, next >= cutAfter {
            context.flush()
            return abort(context: context)
        }
        guard next < events.count else { return complete(context: context) }
        context.flush()
        at(events[next].atMs, context: context) {
            self.sendEvents(events, from: next, cutAfter: cutAfter, context: context)
        }
    }

    /// Runs `step` `ms` after the request was read: at once when that time has come, else on a timer.
    private func at(_ ms: Double, context: ChannelHandlerContext, _ step: @escaping () -> Void) {
        guard let start = pending?.start, ms > 0 else { return step() }
        let deadline = start + .nanoseconds(Int64(ms * 1_000_000))
        guard deadline > .now() else { return step() }
        pending?.scheduled = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { step() }
    }

    private func writeHead(_ status: HTTPResponseStatus, _ headers: HTTPHeaders, context: ChannelHandlerContext) {
        var headers = headers
        if pending?.keepAlive == false { headers.replaceOrAdd(name: "connection", value: "close") }
        let head = HTTPResponseHead(version: pending?.version ?? .http1_1, status: status, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
    }

    private func writeBody(_ text: String, context: ChannelHandlerContext) {
        guard !text.isEmpty else { return }
        let buffer = context.channel.allocator.buffer(string: text)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
    }

    /// The answer went out in full: end it, close its ticket, and close the connection unless kept alive.
    private func complete(context: ChannelHandlerContext) {
        let finished = pending
        pending = nil
        if let ticket = finished?.ticket { core.finish(ticket, clientClosed: false) }
        if finished?.keepAlive == false {
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
        } else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }

    /// The answer ends here on purpose (cut or reset): close its ticket and the connection.
    private func abort(context: ChannelHandlerContext) {
        if let ticket = pending?.ticket { core.finish(ticket, clientClosed: false) }
        pending = nil
        context.close(promise: nil)
    }
}
