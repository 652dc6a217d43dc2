/// The files the chaos scenario writes for the servers it starts. Pure text.
public enum ChaosConfigs {
    /// The providers' names in the gateway's policy, one per simulator.
    public static let providerNames = ["sim-a", "sim-b"]
    /// The aliases normal clients use, alternately: each falls back across both simulators,
    /// one with `sim-a` first and one with `sim-b` first, so a fault on either provider
    /// meets half of the traffic on its first route.
    public static let chatAliases = ["chat-ab", "chat-ba"]

    /// Both simulators: small latency (TTFT median 15 ms, p95 40 ms, 1 ms a token), no faults
    /// but those set at run time (`PUT /sim/faults`).
    public static let simProfile = """
        # Written by `llm-gateway bench --scenario chaos`.
        seed: 7
        responder: echo
        defaults:
          ttft_ms: {median: 15, p95: 40}
          prefill_ms_per_input_token: 0
          decode_ms_per_output_token: 1
        models:
          sim-small: {}

        """

    /// The gateway's policy: two OpenAI-compatible providers (the simulators), short first-
    /// token timeouts and quick breakers, and fallback aliases across both for normal clients
    /// (`chat-ab`, `chat-ba`) and for the agent's steps (`fast`, `smart`). The head timeout is
    /// 2 s (not 10), so trickled heads are seen refused inside their window. `revision` changes
    /// a comment and `max_in_flight`, so a reload has something to apply; `broken` writes a
    /// file the loader must reject (the running policy stays).
    public static func gatewayPolicy(simURLs: [String], revision: Int = 0, broken: Bool = false) -> String {
        if broken {
            return """
                # Written by `llm-gateway bench --scenario chaos`: a broken revision \(revision), to be rejected.
                providers:
                  sim-a: {kind: openai_compatible, base_url: \(simURLs[0])
                models: [

                """
        }
        func provider(_ url: String) -> String {
            """
            {kind: openai_compatible, base_url: \(url), max_in_flight: \(1024 + revision % 2), max_queue: 4096, first_token_timeout_ms: 1000,
                    retry: {max_attempts: 2, base_delay_ms: 20, max_delay_ms: 200},
                    breaker: {window_ms: 5000, min_requests: 5, failure_rate: 0.5, open_ms: 1000, half_open_probes: 1, successes_to_close: 2}}
            """
        }
        func alias(_ first: String, _ second: String) -> String {
            "{strategy: fallback, routes: [{provider: \(first), model: sim-small}, {provider: \(second), model: sim-small}]}"
        }
        return """
            # Written by `llm-gateway bench --scenario chaos`, revision \(revision).
            server:
              default_timeout_ms: 10000
              head_timeout_ms: 2000
            providers:
              sim-a: \(provider(simURLs[0]))
              sim-b: \(provider(simURLs[1]))
            models:
              chat-ab: \(alias("sim-a", "sim-b"))
              chat-ba: \(alias("sim-b", "sim-a"))
              fast: \(alias("sim-a", "sim-b"))
              smart: \(alias("sim-b", "sim-a"))

            """
    }
}
