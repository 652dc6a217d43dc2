/// Simulator profiles used by the gateway tests.
enum SimProfiles {
    /// No latency and no faults.
    static let zero = """
        seed: 7
        defaults:
          ttft_ms: {median: 0, p95: 0}
          prefill_ms_per_input_token: 0
          decode_ms_per_output_token: 0
        models:
          stall-model: {faults: {stall: 1.0}}
          broken-model: {faults: {server_error: 1.0}}
        """

    /// Slow decoding, so a stream is still running when the test acts on it.
    static let slowDecode = """
        seed: 7
        defaults:
          ttft_ms: {median: 1, p95: 2}
          prefill_ms_per_input_token: 0
          decode_ms_per_output_token: 20
        """
}
