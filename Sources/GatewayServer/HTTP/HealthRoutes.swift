import GatewayCore
import Foundation
import GatewayProviders
import Hummingbird
import NIOCore
import Prometheus

/// `/health`, `/health/ready`, `/health/providers`, `/metrics` and `/v1/models`.
struct HealthRoutes: Sendable {
    let gateway: Gateway
    let registry: PrometheusCollectorRegistry

    func register(on router: Router<GatewayRequestContext>) {
        router.get("/health") { _, _ in
            Self.json(#"{"status":"ok"}"#)
        }
        router.get("/health/ready") { _, _ in
            let ready = gateway.isReady
            let body = ReadinessReport.make(gateway: gateway, ready: ready)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return Response(
                status: ready ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(body))))
        }
        // Open to probes; under tenants, per-tenant usage only with the operator's key.
        router.get("/health/providers") { request, _ in
            var report = ProviderHealthReport.make(gateway: gateway, now: .now)
            let access = gateway.access()
            if access.tenantsRequired, !(TenantIdentity.presentedKey(request.headers).map(access.keys.isOperator) ?? false) {
                report.tenants = []
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try report.encoded())))
        }
        router.get("/metrics") { _, _ in
            updateGauges()
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: MetricHelp.annotate(String(decoding: registry.emitToBuffer(), as: UTF8.self)))))
        }
        // An alias exists since the policy that defines it was loaded: its `created`.
        router.get("/v1/models") { _, _ in
            let aliases = gateway.policy.aliases.map(\.name) + gateway.policy.embeddings.map(\.name)
            let created = Int(gateway.readiness.value.policyLoadedAt.timeIntervalSince1970)
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: OpenAIIngress.encodeModelList(aliases, created: created)))
        }
        router.get("/v1/models/{id}") { _, context in
            let id = context.parameters.get("id") ?? ""
            guard gateway.policy.alias(named: id) != nil || gateway.policy.embeddingModel(named: id) != nil else {
                throw GatewayError.unknownModel(id)
            }
            let created = Int(gateway.readiness.value.policyLoadedAt.timeIntervalSince1970)
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: OpenAIIngress.encodeModel(id, created: created)))
        }
    }

    /// Gauges are read at scrape time: no cost on the request path.
    private func updateGauges() {
        let snapshot = gateway.snapshot()
        for (name, runtime) in snapshot.providers {
            let load = runtime.limiter.load
            gateway.metrics.gauge("llm_gateway_in_flight", [("provider", name)], value: Double(load.inFlight))
            gateway.metrics.gauge("llm_gateway_queued", [("provider", name)], value: Double(load.queued))
            for route in snapshot.policy.aliases.flatMap(\.routes) where route.provider == name {
                let value: Double
                switch runtime.breakers.state(model: route.model) {
                case .closed: value = 0
                case .halfOpen: value = 1
                case .open: value = 2
                }
                gateway.metrics.gauge("llm_gateway_breaker_state", [("provider", name), ("model", route.model)], value: value)
            }
        }
        gateway.cache.metrics.recordGauges(memory: gateway.cache.exact.memory.stats, semanticEntries: gateway.cache.semantic?.index.entryCount)
        for alias in snapshot.policy.aliases where alias.strategy == .hedge {
            let ratio = gateway.strategies.extraTrafficRatio(alias: alias.name, now: .now) ?? 0
            gateway.metrics.gauge("llm_gateway_hedge_extra_traffic_ratio", [("alias", alias.name)], value: ratio)
        }
    }

    private static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
