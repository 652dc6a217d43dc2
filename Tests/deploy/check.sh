#!/usr/bin/env bash
# Checks deploy/ without Docker or a cluster (neither runs on the CI machine):
#   * the YAML files parse; every file, flag, Secret, ConfigMap, port, socket path and
#     selector they name exists and agrees (Tests/deploy/manifests.py, PyYAML);
#   * the deploy policies validate, the ConfigMaps are generated from them, and the
#     gateway refuses to serve them without their tenant keys;
#   * `systemd-analyze verify` on the units, where systemd-analyze exists;
#   * the Unix-socket path for real: the built gateway on `--unix-socket` in a temp dir
#     with deploy/policies/sidecar.yaml (tenants), the built agent with
#     `--gateway-url unix:PATH --gateway-key-env ...`, one turn through it.
# Needs the built binaries (`swift build` first; CI has built them). Prints
# `deploy: N passed` last, and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
bin="$(swift build --show-bin-path)"
work="$(mktemp -d)"
passed=0
failed=0
skipped=()
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
    [ -n "${DEPLOY_CHECK_KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

ok() { echo "ok    $1"; passed=$((passed + 1)); }
fail() { echo "FAIL  $1${2:+: $2}"; failed=$((failed + 1)); }
check() { # NAME COMMAND...: passes when the command succeeds
    local name="$1"; shift
    if "$@" >"$work/out.txt" 2>&1; then ok "$name"; else fail "$name" "$(tr '\n' ' ' <"$work/out.txt" | cut -c1-600)"; fi
}
# Polls until the command succeeds or the deadline passes (no fixed sleeps for readiness).
eventually() { # SECONDS COMMAND...
    local deadline=$(( $(date +%s) + $1 )); shift
    until "$@" >/dev/null 2>&1; do
        [ "$(date +%s)" -ge "$deadline" ] && return 1
        sleep 0.2
    done
}

for binary in llm-gateway sales-agent; do
    if [ ! -x "$bin/$binary" ]; then
        echo "== building $binary (not built yet)"
        swift build --product "$binary" 2>&1 | grep -E "error:|Compiling|Build complete" | tail -3
    fi
done
gateway="$bin/llm-gateway"
agent="$bin/sales-agent"

# --- static checks of the files ----------------------------------------------------------
python=""
for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "import yaml" 2>/dev/null; then python="$candidate"; break; fi
done
if [ -n "$python" ]; then
    "$python" Tests/deploy/manifests.py "$root" "$bin" | tee "$work/manifests.txt"
    passed=$((passed + $(grep -c '^ok ' "$work/manifests.txt")))
    failed=$((failed + $(grep -c '^FAIL ' "$work/manifests.txt")))
    grep -qE '^manifests: [0-9]+ passed' "$work/manifests.txt" || fail "manifests.py ran to the end"
else
    skipped+=("manifest checks: no python3 with PyYAML (Debian: apt-get install python3-yaml)")
fi

for policy in deploy/policies/*.yaml; do
    check "llm-gateway check-policy $policy" "$gateway" check-policy "$policy"
done

mkdir -p "$work/configmaps"
bash deploy/kubernetes/generate-configmaps.sh "$work/configmaps"
for file in sidecar/policy-configmap.yaml shared-gateway/policy-configmap.yaml; do
    check "deploy/kubernetes/$file is generated from deploy/policies (else run deploy/kubernetes/generate-configmaps.sh)" \
        diff -u "deploy/kubernetes/$file" "$work/configmaps/$file"
done

# The image's default command, without its tenant keys: refused at start, naming the variable.
refuses_without_keys() {
    local output
    output="$(env -i PATH="$PATH" "$gateway" serve --host 0.0.0.0 --port 0 --policy deploy/policies/shared.yaml 2>&1)"
    [ $? -eq 2 ] && grep -q "TENANT_SALES_EU_KEY" <<<"$output"
}
check "the image's default command (deploy/policies/shared.yaml on 0.0.0.0) refuses to start without tenant keys" refuses_without_keys
# Open mode on a non-loopback host is refused (what the deploy files must avoid).
refuses_open() {
    env -i PATH="$PATH" "$gateway" serve --host 0.0.0.0 --port 0 --policy policies/gateway.yaml >/dev/null 2>&1
    [ $? -eq 2 ]
}
check "a policy without tenants on 0.0.0.0 is refused" refuses_open

# --- systemd -----------------------------------------------------------------------------
if command -v systemd-analyze >/dev/null 2>&1; then
    # Exit 0 and not one line about the unit: unknown keys and bad values are only
    # warnings to systemd-analyze, and they must fail this check.
    verify() {
        systemd-analyze verify --man=no --generators=no "$1" >"$work/verify.txt" 2>&1
        local status=$?
        cat "$work/verify.txt"
        [ $status -eq 0 ] && ! grep -q "$(basename "$1")" "$work/verify.txt"
    }
    mkdir -p "$work/units"
    for unit in deploy/systemd/*.service; do
        # The binaries where this build put them, so that verify can check ExecStart.
        sed -e "s|/usr/local/bin/llm-gateway|$gateway|g" -e "s|/usr/local/bin/sales-agent|$agent|g" \
            "$unit" >"$work/units/$(basename "$unit")"
    done
    for unit in "$work"/units/*.service; do
        check "systemd-analyze verify deploy/systemd/$(basename "$unit")" verify "$unit"
    done
else
    skipped+=("systemd-analyze verify: systemd-analyze is not installed here")
fi
unit_has() { grep -qE "^$2" "deploy/systemd/$1"; }
for unit in llm-gateway.service sales-agent.service; do
    missing=()
    for setting in "NoNewPrivileges=yes" "ProtectSystem=strict" "PrivateTmp=yes" "RestrictAddressFamilies=.*AF_UNIX" \
        "StateDirectory=" "EnvironmentFile=/" "Restart=on-failure" "User=|DynamicUser=yes"; do
        unit_has "$unit" "($setting)" || missing+=("$setting")
    done
    [ "$unit" = llm-gateway.service ] && { unit_has "$unit" "RuntimeDirectory=llm-gateway" || missing+=("RuntimeDirectory"); }
    if [ ${#missing[@]} -eq 0 ]; then ok "deploy/systemd/$unit: hardening settings present"; else fail "deploy/systemd/$unit: hardening" "missing ${missing[*]}"; fi
done

# --- the Unix socket, for real -----------------------------------------------------------
# The sidecar policy as deployed, with its cache snapshot in the temp dir.
sed "s|/var/lib/llm-gateway/cache.sqlite|$work/cache.sqlite|" deploy/policies/sidecar.yaml >"$work/sidecar.yaml"
socket="$work/run/gateway.sock"
mkdir -p "$work/run"
tenant_key="deploy-check-tenant-$RANDOM$RANDOM"
operator_key="deploy-check-operator-$RANDOM$RANDOM"
# No provider key: the built-in simulator answers. TCP on a free port, as the pod's probes use.
env -i PATH="$PATH" HOME="$work" TENANT_SALES_AGENT_KEY="$tenant_key" GATEWAY_OPERATOR_KEY="$operator_key" \
    "$gateway" serve --host 127.0.0.1 --port 0 --unix-socket "$socket" --policy "$work/sidecar.yaml" \
    >"$work/gateway.log" 2>&1 &
pids+=($!)
over_socket() { curl -sS --max-time 5 --unix-socket "$socket" "$@"; }
ready() { [ "$(over_socket -o /dev/null -w '%{http_code}' http://gateway/health/ready)" = 200 ]; }
if eventually 60 ready; then
    ok "gateway answers /health/ready over --unix-socket"
    check "the socket's mode is 0660" test "$(stat -c %a "$socket")" = 660
    unauthorized() { [ "$(over_socket -o /dev/null -w '%{http_code}' http://gateway/v1/models)" = 401 ]; }
    check "over the socket, /v1/ without the tenant key is 401" unauthorized
    authorized() { [ "$(over_socket -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tenant_key" http://gateway/v1/models)" = 200 ]; }
    check "over the socket, /v1/ with the tenant key is 200" authorized

    env -i PATH="$PATH" HOME="$work" TENANT_SALES_AGENT_KEY="$tenant_key" \
        "$agent" serve --host 127.0.0.1 --port 0 --backend gateway --gateway-url "unix:$socket" \
        --gateway-key-env TENANT_SALES_AGENT_KEY --db "$work/agent.sqlite" >"$work/agent.log" 2>&1 &
    pids+=($!)
    # Its log line: `... url=http://127.0.0.1:PORT [SalesAgentCLI] sales-agent listening`.
    listening() { grep "sales-agent listening" "$work/agent.log" | grep -qE "http://127\.0\.0\.1:[0-9]+"; }
    if eventually 60 listening; then
        port="$(grep "sales-agent listening" "$work/agent.log" | grep -oE "http://127\.0\.0\.1:[0-9]+" | head -1 | grep -oE "[0-9]+$")"
        session="$(curl -sS --max-time 10 -X POST "http://127.0.0.1:$port/v1/sessions" | grep -oE '"id" *: *"[^"]+"' | head -1 | sed -E 's/.*"([^"]+)"$/\1/')"
        curl -sS --max-time 60 "http://127.0.0.1:$port/v1/sessions/$session/messages" -H 'content-type: application/json' \
            -d '{"message": "Hi, we are Acme Logistics, 40 people, and our quotes take too long."}' >"$work/turn.json"
        # A reply, and steps that carry the gateway's answer headers (provider, simulated, ...):
        # the agent reached the gateway rather than failing over to its local engine.
        answered() { grep -qE '"reply" *: *"[^"]+' "$work/turn.json" && grep -qE '"gateway" *: *\{[^}]*"provider"' "$work/turn.json"; }
        check "one agent turn over the socket answers, with the gateway's answers in its steps (session $session)" answered
        counted() {
            over_socket http://gateway/metrics | grep -E "^llm_gateway_tenant_requests_total\{tenant=\"sales-agent\"\} [1-9]"
        }
        check "the gateway counted the agent's calls for tenant sales-agent (they crossed the socket with the key)" counted
    else
        fail "sales-agent serve --gateway-url unix:PATH starts" "$(tail -5 "$work/agent.log" | tr '\n' ' ')"
    fi
else
    fail "gateway answers /health/ready over --unix-socket" "$(tail -5 "$work/gateway.log" | tr '\n' ' ')"
fi

for reason in "${skipped[@]}"; do echo "skip  $reason"; done
if [ "$failed" -gt 0 ]; then
    echo "deploy: $passed passed, $failed failed"
    exit 1
fi
echo "deploy: $passed passed${skipped:+ (${#skipped[@]} skipped)}"
