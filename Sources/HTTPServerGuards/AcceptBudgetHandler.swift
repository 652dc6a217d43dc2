import NIOCore

/// On the listening channel: counts accepted connections that are not yet closed (the
/// admitted ones, and the refused ones still being answered) and stops accepting while
/// they reach `limit`, so the process never runs out of descriptors. Past the limit, new
/// connections wait in the kernel's backlog until one closes; below it, the gate admits or
/// refuses them with a 503 as usual. (At the descriptor limit, libdispatch traps when it
/// cannot open a file of its own: running out must not happen at all.)
final class AcceptBudgetHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = any Channel
    typealias InboundOut = any Channel
    typealias OutboundIn = Never

    private let limit: Int
    private var open = 0
    /// A read the channel asked for while over the limit, owed once a connection closes.
    private var readPending = false

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let child = unwrapInboundIn(data)
        open += 1
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        let loop = context.eventLoop
        child.closeFuture.whenComplete { _ in
            loop.execute { handler.value.childClosed(context: boundContext.value) }
        }
        context.fireChannelRead(data)
    }

    func read(context: ChannelHandlerContext) {
        guard open < limit else {
            readPending = true
            return
        }
        context.read()
    }

    private func childClosed(context: ChannelHandlerContext) {
        open -= 1
        if readPending, open < limit {
            readPending = false
            context.read()
        }
    }
}

extension ServerGuards {
    /// The listen backlog: while accepting pauses, waiting connections queue here (the
    /// kernel caps it at `net.core.somaxconn`); a full backlog drops SYNs, and clients then
    /// wait seconds for their retransmits.
    public static let listenBacklog = 4096

    /// Accepted-but-open connections allowed at once: the gate's capacity, the refusals it
    /// may be draining, and a margin for those being set up.
    public var acceptLimit: Int {
        gate.capacity + gate.drainCapacity + 16
    }

    /// Installs the accept budget on a bound listening channel (from `onServerRunning`).
    public func installAcceptBudget(on channel: any Channel) async {
        let limit = acceptLimit
        try? await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(AcceptBudgetHandler(limit: limit), position: .first)
        }.get()
    }
}
