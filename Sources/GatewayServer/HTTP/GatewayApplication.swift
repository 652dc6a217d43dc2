import Foundation
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
    /// Where a gateway listens: TCP, a Unix domain socket, or both.
    public enum Listener: Sendable {
        case tcp(host: String, port: Int)
        /// The socket file is created with mode 0660 (a stale one is removed first).
        case unixSocket(path: String)
    }

    /// One application on TCP.
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
        application(
            router: router(gateway: gateway, registry: registry), gateway: gateway, address: .hostname(host, port: port),
            services: services(gateway: gateway, reloadOnSIGHUP: reloadOnSIGHUP), onServerRunning: onServerRunning)
    }

    /// One application per listener over one router; the services beside the servers
    /// (pool warmer, reloader, snapshot writer) run once, with the first.
    public static func make(
        gateway: Gateway,
        registry: PrometheusCollectorRegistry,
        listeners: [Listener],
        reloadOnSIGHUP: Bool = true,
        onServerRunning: @escaping @Sendable (Listener, any Channel) async -> Void = { _, _ in }
    ) -> [any Service] {
        let router = router(gateway: gateway, registry: registry)
        return listeners.enumerated().map { index, listener in
            let address: BindAddress
            switch listener {
            case .tcp(let host, let port): address = .hostname(host, port: port)
            case .unixSocket(let path): address = .unixDomainSocket(path: path)
            }
            return application(
                router: router, gateway: gateway, address: address,
                services: index == 0 ? services(gateway: gateway, reloadOnSIGHUP: reloadOnSIGHUP) : [],
                onServerRunning: { channel in
                    if case .unixSocket(let path) = listener { _ = chmod(path, 0o660) }
                    await onServerRunning(listener, channel)
                })
        }
    }

    static func router(gateway: Gateway, registry: PrometheusCollectorRegistry) -> Router<GatewayRequestContext> {
        let router = Router(context: GatewayRequestContext.self)
        router.middlewares.add(RequestIDMiddleware())
        router.middlewares.add(JSONErrorMiddleware())
        router.middlewares.add(TenantAccessMiddleware(gateway: gateway))
        let chat = ChatCompletionsHandler(gateway: gateway)
        router.post("/v1/chat/completions") { request, context in
            try await chat.handle(request, context: context)
        }
        let messages = ChatCompletionsHandler(gateway: gateway, api: .messages)
        router.post("/v1/messages") { request, context in
            try await messages.handle(request, context: context)
        }
        let responses = ChatCompletionsHandler(gateway: gateway, api: .responses)
        router.post("/v1/responses") { request, context in
            try await responses.handle(request, context: context)
        }
        HealthRoutes(gateway: gateway, registry: registry).register(on: router)
        CacheRoutes(gateway: gateway).register(on: router)
        ConsoleRoutes(gateway: gateway).register(on: router)
        EmbeddingsRoute(gateway: gateway).register(on: router)
        CountTokensRoute(gateway: gateway).register(on: router)
        MethodRoutes.register(on: router)
        return router
    }

    static func services(gateway: Gateway, reloadOnSIGHUP: Bool) -> [any Service] {
        var services: [any Service] = [PoolWarmer(gateway: gateway)]
        if gateway.cache.snapshot != nil { services.append(CacheSnapshotService(cache: gateway.cache)) }
        if reloadOnSIGHUP { services.append(PolicyReloader(gateway: gateway)) }
        return services
    }

    static func application(
        router: Router<GatewayRequestContext>, gateway: Gateway, address: BindAddress, services: [any Service],
        onServerRunning: @escaping @Sendable (any Channel) async -> Void
    ) -> some ApplicationProtocol {
        let connections = gateway.connections
        let guards = ServerGuards(
            limits: gateway.serverLimits, descriptors: gateway.descriptors,
            logger: gateway.logger, render: renderError,
            bodyDeadline: { head in head.headerFields[.gatewayTimeout].flatMap(Int.init).map { .milliseconds(max($0, 1)) } })
        return Application(
            router: router,
            server: .guardedHTTP1(guards: guards, additionalChannelHandlers: { [DisconnectHandler(registry: connections)] }),
            configuration: .init(
                address: address, serverName: "llm-gateway", backlog: ServerGuards.listenBacklog,
                availableConnectionsDelegate: guards.acceptBudget(logger: gateway.logger)),
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
