#!/usr/bin/env bash
# Conformance against real processes: the official openai and anthropic SDKs,
# langchain-openai and instructor on a running gateway
# (embedded default policy, built-in simulator), policy reload on SIGHUP, and
# `llm-gateway check-policy` errors. Needs a built llm-gateway (swift build).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="$(swift build --show-bin-path)/llm-gateway"
work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
passed=0
failed=0
pass() { echo "ok    $1"; passed=$((passed + 1)); }
fail() { echo "FAIL  $1"; failed=$((failed + 1)); }

# Starts `llm-gateway serve ARGS` on an ephemeral port; sets $url once /health/ready is 200.
start_gateway() {
    local log="$1"; shift
    env -u ANTHROPIC_API_KEY -u OPENAI_API_KEY -u GEMINI_API_KEY "$bin" serve --port 0 "$@" >"$log" 2>&1 &
    pids+=($!)
    url=""
    for _ in $(seq 1 300); do
        url=$(grep -o 'url=http://127.0.0.1:[0-9]*' "$log" | tail -1 | cut -d= -f2 || true)
        if [ -n "$url" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")" = 200 ]; then return 0; fi
        sleep 0.1
    done
    echo "gateway did not become ready:"; cat "$log"; return 1
}

# 1. The official openai and anthropic SDKs, langchain-openai and instructor, unchanged
#    (pinned in requirements.txt).
venv=.venv-conformance
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/pip" install -q --disable-pip-version-check -r Tests/conformance/requirements.txt
instructor_venv=.venv-conformance-instructor
if [ ! -x "$instructor_venv/bin/python" ]; then python3 -m venv "$instructor_venv"; fi
"$instructor_venv/bin/pip" install -q --disable-pip-version-check -r Tests/conformance/requirements-instructor.txt
start_gateway "$work/default.log"
sim_url=$(grep 'built-in simulator started' "$work/default.log" | grep -o 'url=http://127.0.0.1:[0-9]*' | head -1 | cut -d= -f2 || true)
if "$venv/bin/python" Tests/conformance/openai_sdk.py "$url/v1" "$sim_url"; then pass "openai SDK conformance"; else fail "openai SDK conformance"; fi
if "$venv/bin/python" Tests/conformance/anthropic_sdk.py "$url"; then pass "anthropic SDK conformance (/v1/messages)"; else fail "anthropic SDK conformance (/v1/messages)"; fi
if "$venv/bin/python" Tests/conformance/langchain_openai_sdk.py "$url/v1"; then pass "langchain-openai conformance"; else fail "langchain-openai conformance"; fi
if "$instructor_venv/bin/python" Tests/conformance/instructor_sdk.py "$url/v1"; then pass "instructor conformance"; else fail "instructor conformance"; fi
if grep -q 'sk-\|api_key=' "$work/default.log"; then fail "no secrets in the log"; else pass "no secrets in the log"; fi
# A client cannot forge a log line: CR/LF in a field is written escaped (issue 8, finding 6).
curl -s -o /dev/null "$url/v1/chat/completions" -H 'content-type: application/json' \
    -d '{"model":"fast\r\nFORGED critical llm-gateway: fake line","messages":[{"role":"user","content":"x"}]}'
for _ in $(seq 1 50); do grep -q 'FORGED' "$work/default.log" && break; sleep 0.1; done
if grep -q '^FORGED' "$work/default.log" || ! grep -q 'fast\\r\\nFORGED' "$work/default.log"; then fail "log fields are escaped"; else pass "log fields are escaped"; fi

# 2. SIGHUP reloads the policy; a broken file is rejected and the old policy kept.
policy="$work/gateway.yaml"
cp policies/gateway.yaml "$policy"
start_gateway "$work/reload.log" --policy "$policy"
gateway_pid=${pids[-1]}
models() { curl -s "$url/v1/models"; }
if models | grep -q '"extra-alias"'; then fail "reload: alias absent before"; else pass "reload: alias absent before"; fi
cat >>"$policy" <<'YAML'
  extra-alias:
    strategy: single
    routes:
      - {provider: openai, model: gpt-4o-mini}
YAML
kill -HUP "$gateway_pid"
for _ in $(seq 1 100); do models | grep -q '"extra-alias"' && break; sleep 0.1; done
if models | grep -q '"extra-alias"'; then pass "reload: SIGHUP adds the alias"; else fail "reload: SIGHUP adds the alias"; fi
echo "models: [broken" >>"$policy"
kill -HUP "$gateway_pid"
for _ in $(seq 1 100); do grep -q 'policy reload rejected' "$work/reload.log" && break; sleep 0.1; done
if grep "policy reload rejected" "$work/reload.log" | grep -q "error=$policy:[0-9]*: invalid YAML"; then pass "reload: broken file rejected with file:line"; else fail "reload: broken file rejected with file:line"; cat "$work/reload.log"; fi
status=$(curl -s -o /dev/null -w '%{http_code}' "$url/v1/chat/completions" -H 'content-type: application/json' \
    -d '{"model":"extra-alias","messages":[{"role":"user","content":"still here"}]}')
if [ "$status" = 200 ]; then pass "reload: old policy kept after a broken file"; else fail "reload: old policy kept ($status)"; fi

# 3. As an unprivileged user (how every deployment in deploy/ runs it): the simulator and
#    the gateway must serve. Only checkable when this script runs as root.
if [ "$(id -u)" = 0 ]; then
    chmod 755 "$work"
    install -m 755 "$bin" "$work/llm-gateway"
    (cd "$work" && exec setpriv --reuid=65534 --regid=65534 --clear-groups \
        env -u ANTHROPIC_API_KEY -u OPENAI_API_KEY -u GEMINI_API_KEY ./llm-gateway serve --port 0 >"$work/nobody.log" 2>&1) &
    pids+=($!)
    url=""
    for _ in $(seq 1 300); do
        url=$(grep -o 'url=http://127.0.0.1:[0-9]*' "$work/nobody.log" | tail -1 | cut -d= -f2 || true)
        [ -n "$url" ] && break
        sleep 0.1
    done
    status=$(curl -s -o "$work/nobody.json" -w '%{http_code}' "$url/v1/chat/completions" -H 'content-type: application/json' \
        -d '{"model":"fast","messages":[{"role":"user","content":"as nobody"}]}' || true)
    if [ "$status" = 200 ] && grep -q 'echo: as nobody' "$work/nobody.json"; then pass "gateway and simulator serve as an unprivileged user"
    else fail "gateway and simulator serve as an unprivileged user ($status)"; cat "$work/nobody.log"; fi
fi

# 4. check-policy.
if "$bin" check-policy policies/gateway.yaml >/dev/null; then pass "check-policy accepts policies/gateway.yaml"; else fail "check-policy accepts policies/gateway.yaml"; fi
sed 's/kind: openai/kind: openia/' policies/gateway.yaml >"$work/bad.yaml"
if out=$("$bin" check-policy "$work/bad.yaml" 2>&1); then fail "check-policy rejects a bad kind"; else
    line=$(grep -n 'kind: openia' "$work/bad.yaml" | head -1 | cut -d: -f1)
    if echo "$out" | grep -q "$work/bad.yaml:$line: providers.openai.kind"; then pass "check-policy names file:line:field"; else fail "check-policy names file:line:field: $out"; fi
fi

# 5. At the open-file limit the gateway refuses cleanly and keeps serving (issue 8: it used
#    to die with SIGILL inside libdispatch once accept and open failed with EMFILE).
(ulimit -n 256; exec env -u ANTHROPIC_API_KEY -u OPENAI_API_KEY -u GEMINI_API_KEY "$bin" serve --port 0 >"$work/nofile.log" 2>&1) &
pids+=($!)
nofile_pid=$!
url=""
for _ in $(seq 1 300); do
    url=$(grep -o 'url=http://127.0.0.1:[0-9]*' "$work/nofile.log" | tail -1 | cut -d= -f2 || true)
    if [ -n "$url" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")" = 200 ]; then break; fi
    sleep 0.1
done
if python3 - "${url##*:}" <<'PY'
import json, socket, sys, time, urllib.request, urllib.error
port = int(sys.argv[1])
held = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(600)]
def chat():
    body = json.dumps({"model": "fast", "messages": [{"role": "user", "content": "hi"}]}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/chat/completions", data=body, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as reply: return reply.status, b""
    except urllib.error.HTTPError as error: return error.code, error.read()
status, body = chat()
assert status == 503 and b"too_many_connections" in body, (status, body)
for sock in held: sock.close()
deadline = time.time() + 30
while time.time() < deadline:
    try:
        if chat()[0] == 200: sys.exit(0)
    except OSError: pass
    time.sleep(0.1)
sys.exit("not served again after the connections closed")
PY
then
    if kill -0 "$nofile_pid" 2>/dev/null; then pass "at the open-file limit: 503 with JSON, then served again"; else fail "gateway died at the open-file limit"; fi
else fail "at the open-file limit: 503 with JSON, then served again"; tail -5 "$work/nofile.log"; fi
grep -c "refusing new connections" "$work/nofile.log" | grep -qx 1 && pass "refusals logged once per episode" || fail "refusals logged once per episode"


# 6. A flood that is already knocking when the gateway starts (pool warm-up, the embedded
#    simulator's own sockets): the descriptor plan bounds client and upstream sockets
#    together, so the gateway stays below its open-file limit (peak descriptors sampled from
#    /proc, at most the limit minus the 128 it reserves) and survives.
flood_ok=0
for round in 1 2; do
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 - "$port" >"$work/flood$round.txt" 2>&1 <<'PY' &
import socket, sys, time
port = int(sys.argv[1]); held = []; started = time.time()
body = b'{"model":"fast","stream":true,"messages":[{"role":"user","content":"a long story"}]}'
request = b"POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n" % len(body) + body
while len(held) < 600 and time.time() - started < 30:
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=5); sock.sendall(request); held.append(sock)
    except OSError: time.sleep(0.002)
time.sleep(3)
for sock in held: sock.close()
print("held", len(held))
PY
    flooder=$!
    (ulimit -n 256; exec env -u ANTHROPIC_API_KEY -u OPENAI_API_KEY -u GEMINI_API_KEY "$bin" serve --port "$port" >"$work/flood$round.log" 2>&1) &
    pids+=($!)
    flooded=$!
    peak=0
    while kill -0 "$flooder" 2>/dev/null; do
        open=$(ls "/proc/$flooded/fd" 2>/dev/null | wc -l)
        [ "$open" -gt "$peak" ] && peak=$open
        sleep 0.02
    done
    wait "$flooder" || true
    served=""
    for _ in $(seq 1 100); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v1/chat/completions" -H 'content-type: application/json' \
            -d '{"model":"fast","messages":[{"role":"user","content":"after the flood"}]}')" = 200 ]; then served=1; break; fi
        kill -0 "$flooded" 2>/dev/null || break
        sleep 0.1
    done
    # The plan keeps load's sockets within the limit minus the 128 reserved descriptors.
    if [ -n "$served" ] && kill -0 "$flooded" 2>/dev/null && [ "$peak" -le 128 ]; then flood_ok=$((flood_ok + 1))
    else echo "round $round: served=${served:-no} peak descriptors $peak"; tail -3 "$work/flood$round.log"; fi
    kill "$flooded" 2>/dev/null || true
done
if [ "$flood_ok" = 2 ]; then pass "a flood from before start: under ulimit -n 256 peak descriptors within the plan, survives and serves (2 of 2)"
else fail "a flood from before start: survived and served in $flood_ok of 2"; fi

echo "conformance: $passed passed, $failed failed"
[ "$failed" = 0 ]
