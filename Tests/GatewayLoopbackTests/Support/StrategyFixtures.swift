import GatewayTesting

/// A simulator and policies for the race, hedge and tier tests. Latencies are fixed
/// (median = p95) and far apart — the contenders that must lose take 25 s (still running when
/// the winner cancels them, however long that takes on a loaded machine), the ones that must
/// win take at most 40 ms — so which contender answers first does not depend on how busy
/// the machine is. `slow` (700 ms) is only used where the winner does not matter.
enum StrategyFixtures {
    static let simProfile = """
        seed: 11
        defaults:
          ttft_ms: {median: 0, p95: 0}
          prefill_ms_per_input_token: 0
          decode_ms_per_output_token: 0
        models:
          slow: {ttft_ms: {median: 700, p95: 700}}
          glacial: {ttft_ms: {median: 25000, p95: 25000}}
          glacial-head-first: {ttft_ms: {median: 25000, p95: 25000}, head_first: true}
          fast: {ttft_ms: {median: 40, p95: 40}}
          quick: {ttft_ms: {median: 1, p95: 1}}
          broken: {faults: {server_error: 1.0}}
          stalled: {faults: {stall: 1.0}}
        """

    static func policy(_ simURL: String, hedge: String = "{floor_ms: 150, ceiling_ms: 150, initial_delay_ms: 150, max_extra_ratio: 1.0}") -> String {
        """
        server:
          default_timeout_ms: 10000
        providers:
          p1:
            kind: openai
            base_url: \(simURL)
            retry: {max_attempts: 1}
            breaker: {window_ms: 60000, min_requests: 2, failure_rate: 0.5, open_ms: 60000, half_open_probes: 1, successes_to_close: 1}
          p2:
            kind: anthropic
            base_url: \(simURL)
            retry: {max_attempts: 1}
          p3:
            kind: gemini
            base_url: \(simURL)
            retry: {max_attempts: 1}
          p4:
            kind: openai
            base_url: \(simURL)
            forward_headers: \(GatewayHarness.simHeaders)
            retry: {max_attempts: 2, base_delay_ms: 1, max_delay_ms: 5}
          p5:
            kind: anthropic
            base_url: \(simURL)
            forward_headers: \(GatewayHarness.simHeaders)
            retry: {max_attempts: 2, base_delay_ms: 1, max_delay_ms: 5}
        models:
          race-twice:
            strategy: race
            routes: [{provider: p4, model: fast}, {provider: p5, model: quick}]
          race-slow-listed-first:
            strategy: race
            routes: [{provider: p1, model: glacial}, {provider: p2, model: fast}]
          race-head-first:
            strategy: race
            routes: [{provider: p2, model: glacial-head-first}, {provider: p1, model: fast}]
          race-with-broken:
            strategy: race
            routes: [{provider: p1, model: broken}, {provider: p2, model: fast}]
          race-all-broken:
            strategy: race
            routes: [{provider: p1, model: broken}, {provider: p3, model: broken}]
          broken-only:
            strategy: single
            routes: [{provider: p1, model: broken}]
          race-with-stall:
            strategy: race
            routes: [{provider: p3, model: stalled}, {provider: p2, model: fast}]
          hedge-quick-primary:
            strategy: hedge
            routes: [{provider: p1, model: quick}, {provider: p2, model: fast}]
            hedge: \(hedge)
          hedge-slow-primary:
            strategy: hedge
            routes: [{provider: p3, model: glacial}, {provider: p2, model: fast}]
            hedge: \(hedge)
          hedge-capped:
            strategy: hedge
            routes: [{provider: p3, model: slow}, {provider: p2, model: fast}]
            hedge: \(hedge)
          hedge-broken-primary:
            strategy: hedge
            routes: [{provider: p1, model: broken}, {provider: p2, model: fast}]
            hedge: \(hedge)
          tiered:
            strategy: tier
            tiers:
              - {name: small, max_chars: 40, max_questions: 1, routes: [{provider: p1, model: quick}]}
              - {name: large, routes: [{provider: p2, model: fast}]}
        """
    }
}
