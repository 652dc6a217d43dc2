/// The configuration files the bench writes for the servers it starts. Pure text.
public enum PeerConfigs {
    /// The gateway's policy for the overhead scenario: one OpenAI-compatible provider at the
    /// simulator and one alias, `single` strategy, so a request costs one upstream call.
    public static func gatewayPolicy(simURL: String, alias: String = "bench", model: String = "sim-small") -> String {
        """
        # Written by `llm-gateway bench`: every request to `\(alias)` goes to the simulator.
        server:
          max_body_bytes: 1048576
          default_timeout_ms: 30000
        providers:
          sim:
            kind: openai_compatible
            base_url: \(simURL)
            max_in_flight: 1024
            max_queue: 4096
        models:
          \(alias):
            strategy: single
            routes:
              - {provider: sim, model: \(model)}

        """
    }

    /// LiteLLM's proxy as a pass-through to the simulator's OpenAI-compatible API
    /// (`bench/litellm.sh config` prints the same).
    public static func liteLLMConfig(simURL: String, alias: String = "sim", model: String = "sim-small") -> String {
        """
        model_list:
          - model_name: \(alias)
            litellm_params:
              model: openai/\(model)
              api_base: \(simURL)/v1
              api_key: none

        """
    }

    /// The environment LiteLLM's proxy needs to start without a master key or network
    /// (peers.md), with its own logging at ERROR.
    public static func liteLLMEnvironment(_ base: [String: String]) -> [String: String] {
        var environment = base
        environment["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
        environment["LITELLM_DANGEROUSLY_PERMIT_WEAK_OR_UNSET_MASTER_KEY"] = "true"
        environment["LITELLM_LOG"] = "ERROR"
        return environment
    }
}
