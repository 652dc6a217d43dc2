#!/usr/bin/env bash
# The test suite under AddressSanitizer and ThreadSanitizer, each in its own scratch path
# (.build-asan, .build-tsan: full rebuilds, 15-25 min each on 2 cores). Not in CI (too
# slow); the figures of the last run are in Fuzz/README.md.
#   scripts/sanitizers.sh address [FILTER...]   ASan; default filters: the pure suites
#   scripts/sanitizers.sh thread [FILTER...]    TSan; default filter: GatewayCoreTests
#   scripts/sanitizers.sh address all           the whole suite under ASan (same for thread)
# Prints one line per filter: sanitizer, filter, passed or failed, the test count.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizer="${1:?usage: scripts/sanitizers.sh address|thread [FILTER...|all]}"
shift
case "$sanitizer" in
    address) scratch=.build-asan; time_scale=3; defaults=(JSONCoreTests GatewayCoreTests GatewayCacheTests SafeLoggingTests SalesCoreTests) ;;
    # TSAN_VISIBLE_LOCKS=1: the Locking target takes a pthread mutex TSan can see instead of
    # Synchronization.Mutex, which it cannot (Sources/Locking/Locked.swift).
    thread) scratch=.build-tsan; time_scale=6; defaults=(GatewayCoreTests GatewayCacheTests); export TSAN_VISIBLE_LOCKS=1 ;;
    *) echo "unknown sanitizer $sanitizer (address or thread)" >&2; exit 2 ;;
esac
filters=("$@")
[ ${#filters[@]} -gt 0 ] || filters=("${defaults[@]}")

log="$(mktemp -d)"
started=$(date +%s)
echo "== swift build --build-tests --sanitize=$sanitizer --scratch-path $scratch"
if ! swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" >"$log/build.txt" 2>&1; then
    grep -E "error:" "$log/build.txt" | head -20; echo "build failed"; exit 1
fi
echo "   built in $(( $(date +%s) - started )) s"

failed=0
for filter in "${filters[@]}"; do
    args=(--skip-build --sanitize="$sanitizer" --scratch-path "$scratch")
    [ "$filter" = all ] || args+=(--filter "$filter")
    # TSan one test at a time: its 5-15x slowdown with every loopback suite in parallel on 2
    # cores starved the gateways' own 10 s request deadlines (78 failures on time, 0 reports).
    [ "$sanitizer" = thread ] && args+=(--no-parallel)
    out="$log/test-$filter.txt"
    status=0
    # Halt on the first report so a sanitizer finding fails the run, not just prints.
    # TEST_TIME_SCALE: the tests' hang guards wait this many times longer (Sources/TestSupport/TestTiming.swift).
    TEST_TIME_SCALE="${TEST_TIME_SCALE:-$time_scale}" \
    ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1}" TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1}" \
        swift test "${args[@]}" >"$out" 2>&1 || status=$?
    count=$(grep -oE "Test run with [0-9]+ tests?" "$out" | grep -oE "[0-9]+" | tail -1 || true)
    xc=$(grep -oE "Executed [0-9]+ tests?, with 0 failures" "$out" | tail -1 || true)
    if [ "$status" -eq 0 ] && ! grep -qE "(AddressSanitizer|ThreadSanitizer|LeakSanitizer)" "$out"; then
        echo "$sanitizer $filter: passed (${count:-0} swift-testing tests${xc:+; XCTest: $xc})"
    else
        failed=$((failed + 1))
        echo "$sanitizer $filter: FAILED (exit $status); log $out"
        grep -E "WARNING: ThreadSanitizer|ERROR: AddressSanitizer|SUMMARY:|✘" "$out" | head -10 || true
    fi
done
echo "sanitizers: $sanitizer, ${#filters[@]} filters, $failed failed, $(( $(date +%s) - started )) s"
[ "$failed" -eq 0 ]
