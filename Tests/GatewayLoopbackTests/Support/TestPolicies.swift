import GatewayTesting

/// Policies for the gateway tests, pointed at a simulator URL.
enum TestPolicies {
    /// One provider per wire format, all on the simulator, and aliases over them.
    static func basic(_ simURL: String, extraProvider: String = "", extraModels: String = "") -> String {
        """
        server:
          max_body_bytes: 4096
          default_timeout_ms: 30000
        providers:
          oa:
            kind: openai
            base_url: \(simURL)
            forward_headers: \(GatewayHarness.simHeaders)
            retry: {max_attempts: 2, base_delay_ms: 1, max_delay_ms: 5}
          an:
            kind: anthropic
            base_url: \(simURL)
            forward_headers: \(GatewayHarness.simHeaders)
            retry: {max_attempts: 2, base_delay_ms: 1, max_delay_ms: 5}
          an-first-token:
            # The stalling route's own first-token limit: the healthy fallback after it keeps
            # only the request deadline, so a slow machine cannot fail it too.
            kind: anthropic
            base_url: \(simURL)
            first_token_timeout_ms: 1500
            forward_headers: \(GatewayHarness.simHeaders)
            retry: {max_attempts: 2, base_delay_ms: 1, max_delay_ms: 5}
          ge:
            kind: gemini
            base_url: \(simURL)
            forward_headers: \(GatewayHarness.simHeaders)
            retry: {max_attempts: 2, base_delay_ms: 1, max_delay_ms: 5}
        \(extraProvider)
        models:
          openai-model:
            strategy: single
            routes: [{provider: oa, model: gpt-sim}]
          anthropic-model:
            strategy: single
            routes: [{provider: an, model: claude-sim}]
          gemini-model:
            strategy: single
            routes: [{provider: ge, model: gemini-sim}]
          stall-then-openai:
            strategy: fallback
            routes:
              - {provider: an-first-token, model: stall-model}
              - {provider: oa, model: gpt-sim}
          broken-then-gemini:
            strategy: fallback
            routes:
              - {provider: oa, model: broken-model}
              - {provider: ge, model: gemini-sim}
        \(extraModels)
        """
    }
}
