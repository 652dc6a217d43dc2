#!/usr/bin/env bash
# HTTP/1.1 vs HTTP/2 to the simulator, side by side (issue 12 §3): two gateways with the
# same policy, one in front of the plain simulator (HTTP/1.1 keep-alive pool), one in front
# of `llm-gateway sim --tls` (TLS, ALPN h2, one multiplexed connection, its CA as `ca_file`).
# Both are measured by `llm-gateway bench` against the plain simulator as `direct`, and the
# gateway's own CPU per request is read from /proc/<pid>/stat around each run.
# Simulator: profile "zero" (no latency, no faults) — a simulated upstream.
#   bench/http2.sh [BIN] [DURATION] [OUT_DIR]   BIN defaults to .build/release/llm-gateway
set -euo pipefail
BIN=${1:-.build/release/llm-gateway}
DURATION=${2:-5s}
OUT=${3:-bench-results}
WORK=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
mkdir -p "$OUT"
. "$(dirname "$0")/lib.sh"
"$BIN" sim --profile zero --port 0 --log-level notice > "$WORK/sim.log" 2>&1 & PIDS+=($!)
"$BIN" sim --profile zero --port 0 --tls --ca-out "$WORK/ca.pem" --log-level notice > "$WORK/sim-tls.log" 2>&1 & PIDS+=($!)
PLAIN=$(url_of "$WORK/sim.log")
TLS=$(url_of "$WORK/sim-tls.log")
bench_policy "$PLAIN" > "$WORK/h1.yaml"
bench_policy "$TLS" "$WORK/ca.pem" > "$WORK/h2.yaml"
"$BIN" serve --policy "$WORK/h1.yaml" --port 0 --log-level notice > "$WORK/gw-h1.log" 2>&1 & GW1=$!; PIDS+=($GW1)
"$BIN" serve --policy "$WORK/h2.yaml" --port 0 --log-level notice > "$WORK/gw-h2.log" 2>&1 & GW2=$!; PIDS+=($GW2)
GWURL1=$(url_of "$WORK/gw-h1.log")
GWURL2=$(url_of "$WORK/gw-h2.log")
cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)
declare -A CPU_US
for label in h1 h2; do
    if [ $label = h1 ]; then url=$GWURL1; pid=$GW1; else url=$GWURL2; pid=$GW2; fi
    before=$(cpu "$pid")
    "$BIN" bench --gateway-url "$url" --sim-url "$PLAIN" --rates '' --concurrency 1,10,50 --modes json,stream \
        --duration "$DURATION" --no-progress --out "$OUT/http2-$label.json" --svg "$OUT/http2-$label.svg" > "$WORK/bench-$label.txt" 2>&1
    after=$(cpu "$pid")
    requests=$(python3 -c "import json,sys;d=json.load(open('$OUT/http2-$label.json'));print(sum(r.get('sent',0) for r in d['runs'] if r.get('target')=='gateway'))" 2>/dev/null || echo 0)
    CPU_US[$label]=$(python3 -c "print(round(($after-$before)/$TICK*1e6/max($requests,1)))")
done
versions=$(curl -s "$TLS/sim/stats" --cacert "$WORK/ca.pem" | python3 -c "import json,sys;print(sorted({r['httpVersion'] for r in json.load(sys.stdin)['recent']}))")
echo "gateway → simulator over HTTP/1.1 (plain, pooled keep-alive)"
grep -E "^(row|target|direct|gateway|-)" "$WORK/bench-h1.txt" || cat "$WORK/bench-h1.txt"
echo
echo "gateway → simulator over HTTP/2 (TLS, ALPN h2; HTTP versions seen by the TLS simulator: $versions)"
grep -E "^(row|target|direct|gateway|-)" "$WORK/bench-h2.txt" || cat "$WORK/bench-h2.txt"
echo
echo "gateway CPU per request (all points, from /proc): HTTP/1.1 ${CPU_US[h1]} µs, HTTP/2+TLS ${CPU_US[h2]} µs"
