#!/usr/bin/env bash
# Hot-path figures for docs/bench/hotpath.md (issue 12 §2): the gateway's own CPU per JSON
# request and per streamed chunk, read from /proc/<pid>/stat (utime+stime) around a wrk run,
# req/s at 10 connections, and latency at 1 connection gateway vs the simulator directly.
# Simulator: profile "zero" (no latency, no faults) — a simulated upstream.
#   bench/hotpath.sh [BIN] [SECONDS]   BIN defaults to .build/release/llm-gateway
#   ONLY=REGEX bench/hotpath.sh …      only the rows whose label matches (e.g. ONLY=stream)
set -euo pipefail
BIN=${1:-.build/release/llm-gateway}
SECS=${2:-10}
TOKENS=400          # 400 tokens at 4 per chunk (zero decode time) = 100 content chunks
CHUNKS=103          # + role chunk, finish chunk, [DONE]
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
cleanup() { for p in ${GW:-} ${SIM:-} ${FLOOR:-}; do kill "$p" 2>/dev/null; done; rm -rf "$WORK"; }
trap cleanup EXIT
. "$HERE/lib.sh"
"$BIN" sim --profile zero --port 0 --log-level notice > "$WORK/sim.log" 2>&1 & SIM=$!
SIMURL=$(url_of "$WORK/sim.log")
bench_policy "$SIMURL" "" x-sim-output-tokens > "$WORK/policy.yaml"
"$BIN" serve --policy "$WORK/policy.yaml" --port 0 --log-level notice > "$WORK/gw.log" 2>&1 & GW=$!
GWURL=$(url_of "$WORK/gw.log")
# The yardstick: a bare Hummingbird + AsyncHTTPClient forwarder to the same simulator
# (`llm-gateway floor`: reads the body, checks it is JSON, forwards it, passes the answer through).
"$BIN" floor --upstream "$SIMURL" > "$WORK/floor.log" 2>&1 & FLOOR=$!
FLOORURL=$(url_of "$WORK/floor.log")
TICK=$(getconf CLK_TCK)
cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }
# run LABEL PID URL MODEL STREAM CONNS -> prints requests, req/s, cpu µs/req, p50, p99
run() {
  local label=$1 pid=$2 url=$3 model=$4 stream=$5 conns=$6
  [[ -n "${ONLY:-}" && ! "$label" =~ $ONLY ]] && return 0
  local before after out reqs
  WRK_MODEL=$model WRK_STREAM=$stream WRK_TOKENS=$TOKENS wrk -t1 -c"$conns" -d2s -s "$HERE/wrk-hotpath.lua" "$url/v1/chat/completions" > /dev/null  # warm-up
  before=$(cpu "$pid")
  out=$(WRK_MODEL=$model WRK_STREAM=$stream WRK_TOKENS=$TOKENS wrk -t1 -c"$conns" -d"${SECS}s" --latency -s "$HERE/wrk-hotpath.lua" "$url/v1/chat/completions")
  after=$(cpu "$pid")
  reqs=$(echo "$out" | awk '/requests in/ {print $1}')
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  local us; us=$(awk -v t=$((after-before)) -v k="$TICK" -v n="$reqs" 'BEGIN{printf "%.1f", t/k*1e6/n}')
  printf '%-28s conns=%-3s reqs=%-7s req/s=%-9s cpu_us/req=%-8s p50=%-9s p99=%-9s non2xx=%s\n' "$label" "$conns" "$reqs" "$rps" "$us" "$p50" "$p99" "${non2xx:-0}"
}
echo "build: $BIN (release unless said otherwise); simulator profile zero (simulated upstream); $(nproc) cores; $(date -u +%FT%TZ)"
run "gateway json"               "$GW"  "$GWURL"  bench     0 10
run "bare forwarder json"        "$FLOOR" "$FLOORURL" sim-small 0 10
run "simulator json (direct)"    "$SIM" "$SIMURL" sim-small 0 10
run "gateway stream 400 tok"     "$GW"  "$GWURL"  bench     1 10
run "bare forwarder stream"      "$FLOOR" "$FLOORURL" sim-small 1 10
run "simulator stream (direct)"  "$SIM" "$SIMURL" sim-small 1 10
run "gateway json 1 conn"        "$GW"  "$GWURL"  bench     0 1
run "bare forwarder json 1 conn" "$FLOOR" "$FLOORURL" sim-small 0 1
run "simulator json 1 conn"      "$SIM" "$SIMURL" sim-small 0 1
echo "per chunk: gateway stream cpu_us/req / $CHUNKS chunks"
