// The built-in profiles, byte-identical to policies/sim-*.yaml (a test keeps them in step).
extension SimProfile {
    /// The embedded YAML of each built-in profile, by name.
    static let builtinYAML: [String: String] = [
        "zero": zeroYAML,
        "default": defaultYAML,
        "seed": seedYAML,
    ]

    /// The built-in profile `name` (`zero`, `default` or `seed`), or nil for an unknown name.
    public static func builtin(named name: String) -> SimProfile? {
        guard let yaml = builtinYAML[name] else { return nil }
        return try? parse(yaml: yaml, file: "builtin:" + name)
    }

    /// `policies/sim-zero.yaml`.
    static let zeroYAML = """
        # Simulator profile "zero": no latency and no faults.
        # The upstream for measuring the gateway's own overhead.
        seed: 1
        responder: echo
        defaults:
          ttft_ms: {median: 0, p95: 0}
          prefill_ms_per_input_token: 0
          decode_ms_per_output_token: 0
          faults: {rate_limit: 0, server_error: 0, overloaded: 0, reset: 0, cut: 0, stall: 0, retry_after_s: 1}
        models:
          sim-small: {}
          sim-large: {}

        """

    /// `policies/sim-default.yaml`.
    static let defaultYAML = """
        # Simulator profile "default": modest latency, no faults except on the sim-flaky model.
        # Service time = TTFT (log-normal) + prefill per input token + decode per output token.
        seed: 7
        responder: echo
        defaults:
          ttft_ms: {median: 80, p95: 200}
          prefill_ms_per_input_token: 0.01
          decode_ms_per_output_token: 2
          faults: {rate_limit: 0, server_error: 0, overloaded: 0, reset: 0, cut: 0, stall: 0, retry_after_s: 1}
        models:
          sim-small: {ttft_ms: {median: 60, p95: 150}, decode_ms_per_output_token: 1}
          sim-large: {ttft_ms: {median: 120, p95: 300}, decode_ms_per_output_token: 3}
          sim-flaky: {faults: {rate_limit: 0.05, server_error: 0.1, overloaded: 0.05}}

        """

    /// `policies/sim-seed.yaml`.
    static let seedYAML = """
        # Simulator profile "seed": the plan's step latencies, selected by the x-request-tag header.
        # Service time = TTFT + prefill_ms_per_input_token x input tokens + decode x output tokens.
        #   capture, detect: 105 ms + 0.09 ms/token -> ~150 ms for a verbose ~500-token prompt,
        #                    ~120 ms for a compact ~150-token prompt.
        #   generate:        110 ms + 0.08 ms/token + 0.8 ms per output token -> ~200 ms verbose,
        #                    ~160 ms compact, for a ~50-token reply.
        # Untagged requests get the same settings as the "default" profile.
        seed: 42
        responder: echo
        defaults:
          ttft_ms: {median: 80, p95: 200}
          prefill_ms_per_input_token: 0.01
          decode_ms_per_output_token: 2
          faults: {rate_limit: 0, server_error: 0, overloaded: 0, reset: 0, cut: 0, stall: 0, retry_after_s: 1}
        tags:
          capture: {ttft_ms: {median: 105, p95: 130}, prefill_ms_per_input_token: 0.09, decode_ms_per_output_token: 0}
          detect: {ttft_ms: {median: 105, p95: 130}, prefill_ms_per_input_token: 0.09, decode_ms_per_output_token: 0}
          generate: {ttft_ms: {median: 110, p95: 135}, prefill_ms_per_input_token: 0.08, decode_ms_per_output_token: 0.8}
        models:
          sim-small: {}
          sim-large: {}
          sim-flaky: {faults: {rate_limit: 0.05, server_error: 0.1, overloaded: 0.05}}

        """
}
