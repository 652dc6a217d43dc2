import CoreMetrics
import GatewayCore
import Locking

/// The gateway's metrics, created through an injected factory (Prometheus in production,
/// a test factory in tests). Handles are cached so the hot path looks nothing up twice.
public final class GatewayMetrics: Sendable {
    private let factory: any MetricsFactory
    private let counters = Locked<[String: Counter]>([:])
    private let timers = Locked<[String: CoreMetrics.Timer]>([:])
    private let gauges = Locked<[String: Gauge]>([:])

    public init(factory: any MetricsFactory) {
        self.factory = factory
    }

    func requestFinished(alias: String, status: Int, duration: Duration, overhead: Duration) {
        counter("llm_gateway_requests_total", [("alias", alias), ("status", String(status))]).increment()
        timer("llm_gateway_request_duration_seconds", [("alias", alias)]).recordNanoseconds(duration.nanoseconds)
        timer("llm_gateway_overhead_seconds", []).recordNanoseconds(overhead.nanoseconds)
    }

    func attemptFinished(provider: String, model: String, outcome: String) {
        counter("llm_gateway_upstream_attempts_total", [("provider", provider), ("model", model), ("outcome", outcome)])
            .increment()
    }

    func upstreamLatency(provider: String, model: String, latency: Duration, firstToken: Duration?) {
        timer("llm_gateway_upstream_latency_seconds", [("provider", provider), ("model", model)])
            .recordNanoseconds(latency.nanoseconds)
        if let firstToken {
            timer("llm_gateway_upstream_ttft_seconds", [("provider", provider), ("model", model)])
                .recordNanoseconds(firstToken.nanoseconds)
        }
    }

    func breakerTransition(provider: String, model: String, to state: String) {
        counter("llm_gateway_breaker_transitions_total", [("provider", provider), ("model", model), ("to", state)])
            .increment()
    }

    func retried(provider: String, model: String) {
        counter("llm_gateway_retries_total", [("provider", provider), ("model", model)]).increment()
    }

    /// Counts a strategy event on a route of an alias: `race_contenders`, `race_wins`,
    /// `hedges_fired`, `hedges_won`, `hedges_denied`, `cancelled_calls`.
    func strategyEvent(_ event: String, alias: String, route: Route) {
        counter("llm_gateway_\(event)_total", [("alias", alias), ("provider", route.provider), ("model", route.model)])
            .increment()
    }

    /// Tokens spent on calls that lost a race or hedge: the prompt sent (estimated) and
    /// whatever completion arrived before the cancel.
    func wastedTokens(alias: String, route: Route, prompt: Int, completion: Int) {
        let dimensions = [("alias", alias), ("provider", route.provider), ("model", route.model)]
        counter("llm_gateway_wasted_tokens_total", dimensions + [("kind", "prompt")]).increment(by: Int64(prompt))
        if completion > 0 {
            counter("llm_gateway_wasted_tokens_total", dimensions + [("kind", "completion")]).increment(by: Int64(completion))
        }
    }

    /// Per tenant: requests admitted and tokens counted.
    func tenantAdmitted(tenant: String, tokens: Int) {
        counter("llm_gateway_tenant_requests_total", [("tenant", tenant)]).increment()
        counter("llm_gateway_tenant_tokens_total", [("tenant", tenant)]).increment(by: Int64(max(tokens, 0)))
    }

    /// Per tenant: requests refused (`unauthorized`, `alias`, or the quota's kind).
    func tenantRejected(tenant: String, reason: String) {
        counter("llm_gateway_tenant_rejections_total", [("tenant", tenant), ("reason", reason)]).increment()
    }

    /// Counts the tier a `tier` alias chose.
    func tierChosen(alias: String, tier: String) {
        counter("llm_gateway_tier_chosen_total", [("alias", alias), ("tier", tier)]).increment()
    }

    /// Sets a gauge (in-flight, queued, breaker state), read at scrape time.
    func gauge(_ label: String, _ dimensions: [(String, String)], value: Double) {
        let key = Self.key(label, dimensions)
        let gauge = gauges.withLock { gauges in
            if let existing = gauges[key] { return existing }
            let created = Gauge(label: label, dimensions: dimensions, factory: factory)
            gauges[key] = created
            return created
        }
        gauge.record(value)
    }

    func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
        let key = Self.key(label, dimensions)
        return counters.withLock { counters in
            if let existing = counters[key] { return existing }
            let created = Counter(label: label, dimensions: dimensions, factory: factory)
            counters[key] = created
            return created
        }
    }

    private func timer(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Timer {
        let key = Self.key(label, dimensions)
        return timers.withLock { timers in
            if let existing = timers[key] { return existing }
            let created = CoreMetrics.Timer(label: label, dimensions: dimensions, factory: factory)
            timers[key] = created
            return created
        }
    }

    private static func key(_ label: String, _ dimensions: [(String, String)]) -> String {
        var key = label
        for (name, value) in dimensions {
            key += "|\(name)=\(value)"
        }
        return key
    }
}
