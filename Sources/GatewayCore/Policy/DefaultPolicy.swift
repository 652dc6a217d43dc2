/// The policy `llm-gateway serve` uses without `--policy`: a byte-for-byte copy of
/// `policies/gateway.yaml` (a test keeps the two equal), embedded so that the gateway
/// answers out of the box from any directory.
public enum DefaultPolicy {
    /// The file name reported in errors about the embedded policy.
    public static let fileName = "<embedded policies/gateway.yaml>"

    public static let yaml = """
# llm-gateway routing policy (the embedded default: `llm-gateway serve` uses this
# when started without --policy). Keys come from the environment only; a provider
# whose key variable is unset is served by the built-in simulator
# (`when_key_missing: sim`), so this policy answers out of the box.
server:
  max_body_bytes: 1048576
  default_timeout_ms: 60000
simulator:
  profile: default
# Two-tier caching (SPEC §3.1), in process only here: set cache.redis to share it between
# gateways and cache.snapshot to warm a restarted gateway.
cache:
  memory: {max_bytes: 268435456}
providers:
  anthropic:
    kind: anthropic
    base_url: https://api.anthropic.com
    key_env: ANTHROPIC_API_KEY
    when_key_missing: sim
    max_in_flight: 64
    max_queue: 256
    first_token_timeout_ms: 10000
    forward_headers: [x-request-tag]
    retry: {max_attempts: 2, base_delay_ms: 100, max_delay_ms: 2000}
    breaker: {window_ms: 30000, min_requests: 10, failure_rate: 0.5, open_ms: 10000, half_open_probes: 1, successes_to_close: 2, consecutive_failures: 5}
  openai:
    kind: openai
    base_url: https://api.openai.com
    key_env: OPENAI_API_KEY
    when_key_missing: sim
    max_in_flight: 64
    max_queue: 256
    first_token_timeout_ms: 10000
    forward_headers: [x-request-tag]
    retry: {max_attempts: 2, base_delay_ms: 100, max_delay_ms: 2000}
  gemini:
    kind: gemini
    base_url: https://generativelanguage.googleapis.com
    key_env: GEMINI_API_KEY
    when_key_missing: sim
    max_in_flight: 64
    max_queue: 256
    first_token_timeout_ms: 10000
    forward_headers: [x-request-tag]
    retry: {max_attempts: 2, base_delay_ms: 100, max_delay_ms: 2000}
# Embedding models at POST /v1/embeddings: `local` is the gateway's own bundled embedder
# (the semantic cache's), so `embed` answers offline with no key.
embeddings:
  embed: {embedder: local}
models:
  fast:
    cache: {exact: true, semantic: {threshold: 0.92}, ttl_s: 3600}
    strategy: fallback
    routes:
      - {provider: anthropic, model: claude-haiku-4-5}
      - {provider: openai, model: gpt-4o-mini}
      - {provider: gemini, model: gemini-2.5-flash}
  smart:
    cache: {exact: true, semantic: {threshold: 0.92}, ttl_s: 3600}
    strategy: fallback
    routes:
      - {provider: anthropic, model: claude-sonnet-4-5}
      - {provider: openai, model: gpt-4o}
      - {provider: gemini, model: gemini-2.5-pro}
  gpt-4o-mini:
    cache: {exact: true, semantic: {threshold: 0.92}, ttl_s: 3600}
    strategy: single
    routes:
      - {provider: openai, model: gpt-4o-mini}

"""
}
