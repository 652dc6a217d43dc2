import GatewayCore
import GatewayProviders
import HTTPServerGuards
import Hummingbird
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle

/// Builds the gateway's HTTP application: routes, JSON errors, disconnect detection, and
/// the services that live beside the server (policy reloader, pool warmer).
public enum GatewayApplication {
    /// - Parameters:
    ///   - onServerRunning: called with the bound channel (its local address carries the
    ///     port when `port` is 0).
    public static func make(
        gateway: Gateway,
        registry: PrometheusCollectorRegistry,
        host: String = "127.0.0.1",
        port: Int = 8787,
        reloadOnSIGHUP: Bool = true,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router(context: GatewayRequestContext.self)
        router.middlewares.add(JSONErrorMiddleware())
        let chat = ChatCompletionsHandler(gateway: gateway)
        router.post("/v1/chat/completions") { request, context in
            try await chat.handle(request, context: context)
        }
        HealthRoutes(gateway: gateway, registry: registry).register(on: router)
        var services: [any Service] = [PoolWarmer(gateway: gateway)]
        if reloadOnSIGHUP { services.append(PolicyReloader(gateway: gateway)) }
        let connections = gateway.connections
        let guards = ServerGuards(
            limits: serverLimits(gateway.snapshot().policy.server), logger: gateway.logger, render: renderError,
            bodyDeadline: { head in head.headerFields[.gatewayTimeout].flatMap(Int.init).map { .milliseconds(max($0, 1)) } })
        return Application(
            router: router,
            server: .guardedHTTP1(guards: guards, additionalChannelHandlers: { [DisconnectHandler(registry: connections)] }),
            configuration: .init(address: .hostname(host, port: port), serverName: "llm-gateway"),
            services: services,
            onServerRunning: onServerRunning,
            logger: gateway.logger)
    }

    /// The policy's connection limits (read at start; a reload does not change them).
    static func serverLimits(_ server: ServerSettings) -> ServerLimits {
        ServerLimits(
            headTimeout: server.headTimeout, bodyTimeout: server.bodyTimeout, idleTimeout: server.idleTimeout,
            maxConnections: server.maxConnections)
    }

    /// Errors written below the router, in the OpenAI shape the router's errors have.
    @Sendable static func renderError(status: Int, code: String, message: String) -> String {
        let type = status == 503 ? "server_error" : "invalid_request_error"
        return String(buffer: OpenAIIngress.encodeError(message: message, type: type, code: code))
    }
}
