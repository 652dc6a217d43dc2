import GatewayCache

/// The cache's metrics under SPEC §3.1's names: lookups by alias, tier and outcome,
/// entries and bytes per store (read at scrape time), guard vetoes by reason.
struct CacheMetrics: Sendable {
    let metrics: GatewayMetrics

    /// `gateway_cache_lookups_total{alias,tier,outcome}`; tier is `exact` or `semantic`,
    /// outcome `hit` (plus where: `hit_memory`, `hit_redis`), `miss`, `bypass` or
    /// (semantic, upstream embedder) `embed_failed`.
    func lookup(alias: String, tier: String, outcome: String) {
        metrics.counter("gateway_cache_lookups_total", [("alias", alias), ("tier", tier), ("outcome", outcome)]).increment()
    }

    /// `gateway_cache_embed_calls_total{outcome}` (`ok` or `failed`) and
    /// `gateway_cache_embed_inputs_total`: the upstream embedder's calls and the messages
    /// they carried (their ratio is the batching's effect).
    func embedCall(inputs: Int, ok: Bool) {
        metrics.counter("gateway_cache_embed_calls_total", [("outcome", ok ? "ok" : "failed")]).increment()
        metrics.counter("gateway_cache_embed_inputs_total", []).increment(by: Int64(inputs))
    }

    /// `gateway_cache_guard_vetoes_total{reason}`.
    func guardVeto(reason: String) {
        metrics.counter("gateway_cache_guard_vetoes_total", [("reason", reason)]).increment()
    }

    /// `gateway_cache_entries{store}` and `gateway_cache_bytes{store}` for the memory tier, and
    /// `gateway_cache_entries{store="semantic"}` (the in-process semantic index) when it is on.
    func recordGauges(memory: MemoryCacheStats, semanticEntries: Int?) {
        metrics.gauge("gateway_cache_entries", [("store", "memory")], value: Double(memory.entries))
        metrics.gauge("gateway_cache_bytes", [("store", "memory")], value: Double(memory.bytes))
        if let semanticEntries { metrics.gauge("gateway_cache_entries", [("store", "semantic")], value: Double(semanticEntries)) }
    }
}
