import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 child channel with the server limits around it: a connection cap
/// (past it, a 503 with a JSON body and close), the head and idle timers at the byte level
/// (`ConnectionTimers`), the body timeout and JSON parser errors after the decoder.
public struct GuardedHTTP1Channel: ServerChildChannel {
    public typealias Value = HTTP1Channel.Value

    private let inner: HTTP1Channel
    private let guards: ServerGuards

    init(responder: @escaping HTTPChannelHandler.Responder, guards: ServerGuards, additionalChannelHandlers: @escaping @Sendable () -> [any RemovableChannelHandler]) {
        let limits = guards.limits
        let render = guards.render
        self.inner = HTTP1Channel(
            responder: responder,
            configuration: .init(
                additionalChannelHandlers: [RequestGuardHandler(bodyTimeout: limits.bodyTimeout, bodyDeadline: guards.bodyDeadline, render: render)]
                    + additionalChannelHandlers(),
                idleTimeout: nil))
        self.guards = guards
    }

    public func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let admitted = guards.gate.admit()
        let guards = self.guards
        return inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            if admitted {
                channel.closeFuture.whenComplete { _ in guards.gate.release() }
                try pipeline.addHandler(
                    ConnectionTimerHandler(headTimeout: guards.limits.headTimeout, idleTimeout: guards.limits.idleTimeout, render: guards.render),
                    position: .first)
            } else {
                let body = guards.render(503, "too_many_connections", "the server has \(guards.gate.capacity) connections open, its limit; retry shortly")
                let response = CannedResponse.bytes(status: 503, reason: "Service Unavailable", body: body, retryAfter: 1)
                let drains = guards.gate.beginDrain()
                if drains { channel.closeFuture.whenComplete { _ in guards.gate.endDrain() } }
                try pipeline.addHandler(RefusalHandler(response: response, drains: drains), position: .first)
            }
            return value
        }
    }

    public func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// An HTTP/1.1 server whose connections are held to `guards`' limits.
    public static func guardedHTTP1(
        guards: ServerGuards,
        additionalChannelHandlers: @escaping @Sendable () -> [any RemovableChannelHandler] = { [] }
    ) -> HTTPServerBuilder {
        .init { responder in
            GuardedHTTP1Channel(responder: responder, guards: guards, additionalChannelHandlers: additionalChannelHandlers)
        }
    }
}
