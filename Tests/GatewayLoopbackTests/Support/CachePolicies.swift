import GatewayTesting

/// Policies with cached aliases over the test simulator.
enum CachePolicies {
    /// `cached` (exact, temperature not allowed), `cached-warm` (temperature allowed),
    /// `cached-broken` (a provider that always fails), `uncached`; `stores` is an extra
    /// top-level `cache:` body (redis, snapshot).
    static func policy(_ simURL: String, stores: String = "") -> String {
        TestPolicies.basic(
            simURL,
            extraModels: """
                  cached:
                    strategy: single
                    routes: [{provider: oa, model: gpt-sim}]
                    cache: {exact: true, ttl_s: 3600}
                  cached-warm:
                    strategy: single
                    routes: [{provider: oa, model: gpt-sim}]
                    cache: {exact: true, ttl_s: 3600, allow_temperature: true}
                  cached-broken:
                    strategy: single
                    routes: [{provider: oa, model: broken-model}]
                    cache: {exact: true}
                  uncached:
                    strategy: single
                    routes: [{provider: oa, model: gpt-sim}]
                cache:
                  memory: {max_bytes: 16777216}
                \(stores)
                """)
    }
}
