#!/usr/bin/env bash
# LiteLLM's proxy as a peer for `llm-gateway bench --peer litellm`.
#
#   bench/litellm.sh install               create .venv-litellm and pip install 'litellm[proxy]'
#   bench/litellm.sh config SIM_URL        print a pass-through config to an OpenAI-compatible upstream
#   bench/litellm.sh start SIM_URL [PORT] [WORKERS]
#                                          run the proxy on 127.0.0.1:PORT (default 4000) against SIM_URL
#
# The bench starts LiteLLM itself with the same config and environment; `start` is for
# running it by hand (e.g. next to `llm-gateway sim --profile zero`). The venv lives at the
# repository root and is git-ignored (.venv*/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${LITELLM_VENV:-$root/.venv-litellm}"

config() {
    local sim="${1:?usage: litellm.sh config SIM_URL}"
    cat <<YAML
model_list:
  - model_name: sim
    litellm_params:
      model: openai/sim-small
      api_base: ${sim%/}/v1
      api_key: none
YAML
}

case "${1:-}" in
install)
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet 'litellm[proxy]'
    "$venv/bin/litellm" --version || true
    echo "installed: $venv/bin/litellm"
    ;;
config)
    config "${2:-}"
    ;;
start)
    sim="${2:?usage: litellm.sh start SIM_URL [PORT] [WORKERS]}"
    port="${3:-4000}"
    workers="${4:-1}"
    [ -x "$venv/bin/litellm" ] || { echo "LiteLLM is not installed: run bench/litellm.sh install" >&2; exit 1; }
    cfg="$(mktemp -d)/litellm.yaml"
    config "$sim" >"$cfg"
    export LITELLM_LOCAL_MODEL_COST_MAP=True LITELLM_DANGEROUSLY_PERMIT_WEAK_OR_UNSET_MASTER_KEY=true
    exec "$venv/bin/litellm" --config "$cfg" --host 127.0.0.1 --port "$port" --num_workers "$workers"
    ;;
*)
    sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
