import NIOCore
import Locking

/// Knows, per open client connection, how to cancel the request running on it when the
/// client goes away. Filled by ``DisconnectHandler`` in each connection's pipeline.
final class ConnectionRegistry: Sendable {
    private let watches = Locked<[ObjectIdentifier: ConnectionWatch]>([:])

    func opened(_ channel: any Channel) {
        let watch = ConnectionWatch()
        watches.withLock { $0[ObjectIdentifier(channel)] = watch }
    }

    func closed(_ channel: any Channel) {
        let watch = watches.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
        watch?.connectionClosed()
    }

    func watch(for channel: any Channel) -> ConnectionWatch? {
                return watches.withLock { $0[ObjectIdentifier(channel)] }
    }
}

/// The close state of one connection and the hook of the request running on it.
final class ConnectionWatch: Sendable {
    private struct State {
        var closed = false
        var onClose: (@Sendable () -> Void)?
    }

    private let state = Locked(State())

    var isClosed: Bool { state.withLock { $0.closed } }

    /// Installs the hook; runs it at once (and returns false) if already closed.
    @discardableResult
    func onClose(_ hook: @escaping @Sendable () -> Void) -> Bool {
        let alreadyClosed = state.withLock { state in
            if state.closed { return true }
            state.onClose = hook
            return false
        }
        if alreadyClosed { hook() }
        return !alreadyClosed
    }

    func clearHook() {
        state.withLock { $0.onClose = nil }
    }

    func connectionClosed() {
        let hook = state.withLock { state in
            state.closed = true
            defer { state.onClose = nil }
            return state.onClose
        }
        hook?()
    }
}

/// Sits in each client connection's pipeline and reports when the client goes away.
///
/// Connections allow remote half-closure, so a client that hangs up while its request is
/// pending arrives as `ChannelEvent.inputClosed` and the channel stays open until the
/// server closes it: `channelInactive` alone would only notice once the request ended.
final class DisconnectHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let registry: ConnectionRegistry

    init(registry: ConnectionRegistry) {
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        registry.opened(context.channel)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .some(.inputClosed) = event as? ChannelEvent {
            registry.closed(context.channel)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        registry.closed(context.channel)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        registry.closed(context.channel)
    }
}
