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
        return Application(
            router: router,
            server: .http1(configuration: .init(additionalChannelHandlers: [DisconnectHandler(registry: connections)])),
            configuration: .init(address: .hostname(host, port: port), serverName: "llm-gateway"),
            services: services,
            onServerRunning: onServerRunning,
            logger: gateway.logger)
    }
}
