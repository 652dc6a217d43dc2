# Shared by the bench scripts: wait for a server's listening URL, and the one-alias policy
# they put in front of the simulator. Source it: `. "$(dirname "$0")/lib.sh"`.

# url_of LOG: the http(s) URL a `llm-gateway serve|sim` process printed in LOG (waits up to 20 s).
url_of() {
    for _ in $(seq 1 400); do
        u=$(grep listening "$1" | grep -o 'https\?://127.0.0.1:[0-9]*' | head -1 || true)
        [ -n "$u" ] && { echo "$u"; return; }
        sleep 0.05
    done
    echo "no url in $1" >&2; cat "$1" >&2; exit 1
}

# bench_policy URL [CA_FILE] [FORWARD_HEADERS]: one openai_compatible provider at URL and one
# `single` alias, `bench`, with limits wide enough that the gateway never queues.
bench_policy() {
    cat <<YAML
server:
  max_body_bytes: 1048576
  default_timeout_ms: 30000
providers:
  sim:
    kind: openai_compatible
    base_url: $1
${2:+    ca_file: $2}
${3:+    forward_headers: [$3]}
    max_in_flight: 1024
    max_queue: 4096
models:
  bench:
    strategy: single
    routes:
      - {provider: sim, model: sim-small}
YAML
}
