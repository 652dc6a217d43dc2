/// The `# HELP` text of every metric the gateway exports, written into the exposition in
/// front of each metric's `# TYPE` line (the metrics are created through swift-metrics,
/// which carries no help text).
enum MetricHelp {
    static let text: [String: String] = [
        "llm_gateway_requests_total": "Client requests finished, by alias and HTTP status.",
        "llm_gateway_request_duration_seconds": "Client request duration, by alias.",
        "llm_gateway_overhead_seconds": "Time a request spent in the gateway itself (queueing included), not upstream.",
        "llm_gateway_upstream_attempts_total": "Upstream attempts, by provider, model and outcome (success, an error kind, cancelled).",
        "llm_gateway_upstream_latency_seconds": "Upstream attempt latency, by provider and model.",
        "llm_gateway_upstream_ttft_seconds": "Upstream time to first token of streamed attempts, by provider and model.",
        "llm_gateway_breaker_state": "Circuit breaker state by provider and model: 0 closed, 1 half-open, 2 open.",
        "llm_gateway_breaker_transitions_total": "Circuit breaker transitions, by provider, model and new state.",
        "llm_gateway_in_flight": "Upstream requests in flight, by provider.",
        "llm_gateway_queued": "Requests waiting for a provider's in-flight limit, by provider.",
        "llm_gateway_retries_total": "Retries (and race or hedge rounds) decided, by provider and model.",
        "llm_gateway_race_contenders_total": "Race contenders started, by alias, provider and model.",
        "llm_gateway_race_wins_total": "Races won, by alias, provider and model.",
        "llm_gateway_hedges_fired_total": "Hedges started, by alias, provider and model.",
        "llm_gateway_hedges_won_total": "Hedges that answered first, by alias, provider and model.",
        "llm_gateway_hedges_denied_total": "Hedges the extra-traffic budget refused, by alias, provider and model.",
        "llm_gateway_cancelled_calls_total": "Upstream calls cancelled after another contender won, by alias, provider and model.",
        "llm_gateway_wasted_tokens_total": "Tokens spent on cancelled contenders (prompt estimated), by alias, provider, model and kind.",
        "llm_gateway_hedge_extra_traffic_ratio": "Hedges over requests in the hedge window, by alias.",
        "llm_gateway_tier_chosen_total": "Tiers chosen by tier aliases.",
        "llm_gateway_tenant_requests_total": "Requests admitted, by tenant.",
        "llm_gateway_tenant_tokens_total": "Prompt tokens estimated at admission, by tenant.",
        "llm_gateway_tenant_rejections_total": "Requests refused, by tenant and reason (unauthorized, alias, a quota).",
        "gateway_cache_lookups_total": "Cache lookups, by alias, tier (exact, semantic) and outcome (hit_memory, hit_redis, miss, bypass).",
        "gateway_cache_entries": "Entries in a cache store, by store.",
        "gateway_cache_bytes": "Bytes held by a cache store, by store.",
        "gateway_cache_guard_vetoes_total": "Semantic hits vetoed by a guard, by reason.",
    ]

    /// The exposition with a `# HELP` line before every `# TYPE` line that has one.
    static func annotate(_ exposition: String) -> String {
        var out = ""
        out.reserveCapacity(exposition.utf8.count + text.count * 80)
        for line in exposition.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# TYPE ") {
                let name = line.dropFirst("# TYPE ".count).split(separator: " ").first.map(String.init) ?? ""
                if let help = text[name] { out += "# HELP \(name) \(help)\n" }
            }
            out += line
            out += "\n"
        }
        if out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }
}
