#!/usr/bin/env bash
# libFuzzer runs of every parser (Fuzz/, see Fuzz/README.md).
#   scripts/fuzz.sh smoke [RUNS]   each target RUNS executions (default 3000, seed 1) from a
#                                  copy of its corpus; fails on any crash (CI runs this)
#   scripts/fuzz.sh long SECONDS   each target for SECONDS; prints a table of the figures
#   scripts/fuzz.sh build          only build the fuzzer binary
# Crash inputs are saved under Fuzz/crashes/<target>/ (gitignored) and printed.
# Reproduce one: $(scripts/fuzz.sh bin) <target> Fuzz/crashes/<target>/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."

flags=(--package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
work=Fuzz/.build/fuzz-work
crashes=Fuzz/crashes

build() {
    local log
    log="$(mktemp)"
    echo "== building the fuzzer (swift build ${flags[*]})" >&2
    if ! swift build "${flags[@]}" >"$log" 2>&1; then
        grep -E "error:" "$log" >&2 || tail -20 "$log" >&2
        echo "fuzz build failed" >&2; exit 1
    fi
    if grep -E "^$PWD/(Fuzz/Sources|Sources)/[^ ]*: warning:" "$log" >&2; then
        echo "compiler warnings in project code (above)" >&2; exit 1
    fi
    rm -f "$log"
}

bin() { echo "$(swift build "${flags[@]}" --show-bin-path)/GatewayFuzz"; }

dictionary() {
    case "$1" in
        policy|playbook) echo Fuzz/Dictionaries/yaml.dict ;;
        *-sse) echo Fuzz/Dictionaries/sse.dict ;;
        *) echo Fuzz/Dictionaries/json.dict ;;
    esac
}

# run TARGET LIMIT-FLAG: one libFuzzer run from a fresh copy of the corpus; prints
# "target executions exec/s cov ft crashes" and the crash paths on stderr.
run() {
    local target="$1" limit="$2" exe="$3"
    local dir="$work/$target" out="$work/$target.log"
    rm -rf "$dir"; mkdir -p "$dir" "$crashes/$target"
    cp Fuzz/Corpus/"$target"/* "$dir"/
    local status=0 before
    before=$(find "$crashes/$target" -type f | wc -l)
    touch "$work/$target.start"
    "$exe" "$target" "$limit" -seed=1 -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
        -dict="$(dictionary "$target")" -artifact_prefix="$crashes/$target/" -print_final_stats=1 \
        "$dir" >"$out" 2>&1 || status=$?
    local last execs speed cov ft found
    last=$(grep -E "^#[0-9]+" "$out" | grep -E "cov: " | tail -1 || true)
    execs=$(grep -oE "^stat::number_of_executed_units:\s+[0-9]+" "$out" | grep -oE "[0-9]+$" || true)
    speed=$(grep -oE "^stat::average_exec_per_sec:\s+[0-9]+" "$out" | grep -oE "[0-9]+$" || true)
    cov=$(grep -oE "cov: [0-9]+" <<<"$last" | grep -oE "[0-9]+" || true)
    ft=$(grep -oE "ft: [0-9]+" <<<"$last" | grep -oE "[0-9]+" || true)
    found=$(( $(find "$crashes/$target" -type f | wc -l) - before ))
    if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
        [ "$found" -gt 0 ] || found=1
        echo "!! $target: libFuzzer exited $status; log $out" >&2
        grep -E "ERROR: |SUMMARY: |Fatal error|precondition|Test unit written" "$out" | head -8 >&2 || true
        find "$crashes/$target" -type f -newer "$work/$target.start" | sed 's/^/!! crash input: /' >&2 || true
    fi
    echo "$target ${execs:-?} ${speed:-?} ${cov:-?} ${ft:-?} $found"
}

mode="${1:-smoke}"
case "$mode" in
    build) build; exit 0 ;;
    bin) bin; exit 0 ;;
    smoke) limit="-runs=${2:-3000}" ;;
    long) limit="-max_total_time=${2:?usage: scripts/fuzz.sh long SECONDS}" ;;
    *) echo "usage: scripts/fuzz.sh smoke [RUNS] | long SECONDS | build" >&2; exit 2 ;;
esac

started=$(date +%s)
build
exe="$(bin)"
mkdir -p "$work"
failed=0
rows=()
for target in $("$exe" --list); do
    row=$(run "$target" "$limit" "$exe")
    rows+=("$row")
    read -r _ execs speed cov ft found <<<"$row"
    [ "$found" = 0 ] || failed=$((failed + 1))
    printf "fuzz %-20s executions %-9s exec/s %-7s cov: %-6s ft: %-6s crashes %s\n" "$target" "$execs" "$speed" "$cov" "$ft" "$found"
done

if [ "$mode" = long ]; then
    echo
    printf "| %-20s | %10s | %7s | %6s | %6s | %7s |\n" target executions exec/s cov ft crashes
    printf "|%s|%s|%s|%s|%s|%s|\n" "----------------------" "------------" "---------" "--------" "--------" "---------"
    for row in "${rows[@]}"; do
        read -r target execs speed cov ft found <<<"$row"
        printf "| %-20s | %10s | %7s | %6s | %6s | %7s |\n" "$target" "$execs" "$speed" "$cov" "$ft" "$found"
    done
fi
echo "fuzz $mode: ${#rows[@]} targets, $failed with crashes, $(( $(date +%s) - started )) s"
[ "$failed" -eq 0 ]
