#!/usr/bin/env bash
# The whole unit suite N times in a row (default 10) while another process keeps one core
# busy, as CI's shared 2 cores are (issue 12 §4). Run after `swift build --build-tests`.
# Prints one line per run and a summary; the exit status is the number of failed runs.
set -u
cd "$(dirname "$0")/.."
runs="${1:-10}"
out="$(mktemp -d)"
python3 -c 'while True: pass' & busy=$!
trap 'kill $busy 2>/dev/null' EXIT
failed=0
echo "commit $(git rev-parse --short HEAD), one core kept busy (pid $busy), logs in $out"
for i in $(seq 1 "$runs"); do
  started=$(date +%s)
  swift test --skip-build > "$out/run$i.txt" 2>&1 || true
  line=$(grep -E "Test run with [0-9]+ tests" "$out/run$i.txt" | tail -1)
  case "$line" in *passed*) ;; *) failed=$((failed + 1)); grep -E "✘ Test .* (recorded an issue|failed)" "$out/run$i.txt" | head -5 ;; esac
  echo "run $i: $(( $(date +%s) - started )) s, load $(cut -d' ' -f1 /proc/loadavg) :: ${line:-no summary line}"
done
echo "$((runs - failed)) of $runs runs passed"
exit "$failed"
