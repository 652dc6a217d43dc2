import HTTPServerGuards
import Hummingbird
import Logging
import NIOCore

/// The agent's HTTP API (Hummingbird 2):
///
/// * `POST /v1/sessions` → 201 session; `GET /v1/sessions/{id}` → 200; `DELETE` → 204
/// * `POST /v1/sessions/{id}/messages` → 200 turn as JSON, or SSE when the body says
///   `"stream": true` or the client accepts `text/event-stream`
/// * `GET /health` → 200
///
/// Errors are JSON `{"error": {"message", "code"}}` with a 4xx for every client mistake.
public enum AgentServer {
    /// - Parameters:
    ///   - descriptors: the process's descriptor plan, when it also holds an upstream
    ///     client sized by it (`serve --backend gateway`); nil plans for the server alone.
    ///   - onServerRunning: called with the bound channel (its local address carries the
    ///     port when `port` is 0).
    public static func make(
        manager: SessionManager,
        host: String = "127.0.0.1",
        port: Int = 8788,
        limits: ServerLimits = ServerLimits(),
        descriptors: DescriptorBudget.Planned? = nil,
        logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        router.middlewares.add(RequestLogMiddleware())
        router.middlewares.add(JSONErrorMiddleware())
        router.get("/health") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        SessionRoutes(manager: manager).register(on: router)
        let descriptors = descriptors ?? DescriptorBudget.plan(limits: limits, upstream: .init(hosts: 0, connectionsPerHost: 1))
        let guards = ServerGuards(limits: limits, descriptors: descriptors, logger: logger, render: renderError)
        return Application(
            router: router,
            server: .guardedHTTP1(guards: guards),
            configuration: .init(
                address: .hostname(host, port: port), serverName: "sales-agent", backlog: ServerGuards.listenBacklog,
                availableConnectionsDelegate: guards.acceptBudget(logger: logger)),
            onServerRunning: onServerRunning,
            logger: logger)
    }

    /// Errors written below the router, in the API's `{"error": {"message", "code"}}` shape.
    @Sendable static func renderError(status: Int, code: String, message: String) -> String {
        let detail = ErrorBody.Detail(message: message, code: code)
        return (try? APIJSON.line(["error": detail])) ?? #"{"error":{"message":"error","code":"internal_error"}}"#
    }
}
