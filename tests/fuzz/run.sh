#!/usr/bin/env bash
# make fuzz: runs every libFuzzer target of build-fuzz for a bounded time, on
# a copy of its seed corpus inside the build folder (the committed corpus is
# never grown automatically). Fails if any target crashes, leaks, breaks an
# invariant or hangs on one input longer than FUZZ_TIMEOUT seconds.
#
#     tests/fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET] [TARGET...]
set -uo pipefail

build=${1:-build-fuzz}
seconds=${2:-60}
shift 2 2>/dev/null || shift $#
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$build" && pwd)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(jsonlogic answers questionnaire article ruleset pages)
per_input=${FUZZ_TIMEOUT:-10}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp}
# The content loads without a display; fuzz_pages draws its windows offscreen.
export QT_QPA_PLATFORM=offscreen

failed=()
summary=()
for target in "${targets[@]}"; do
    binary="$build/tests/fuzz_$target"
    work="$build/fuzz-work/$target"
    mkdir -p "$work/corpus" "$work/artifacts"
    # The pages are fed questionnaires: they start from that corpus.
    seeds=$target
    [ "$target" = pages ] && seeds=questionnaire
    # Seeds and regressions are copied in; what the fuzzer adds stays here.
    cp -n "$root/tests/fuzz/corpus/$seeds/"* "$work/corpus/" 2>/dev/null || true
    cp -n "$root/tests/fuzz/regressions/$seeds/"* "$work/corpus/" 2>/dev/null || true
    echo "== fuzz_$target: $seconds s, $(ls "$work/corpus" | wc -l) inputs to start from"
    log="$work/last-run.log"
    "$binary" -max_total_time="$seconds" -timeout="$per_input" -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/corpus" > "$log" 2>&1
    status=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
    size=$(ls "$work/corpus" | wc -l)
    if [ "$status" -ne 0 ]; then
        failed+=("$target")
        echo "   FAILED (exit $status): $(grep -m1 -E 'ERROR|invariant|runtime error|timeout|deadly' "$log" || true)"
        echo "   log: $log"
        ls "$work/artifacts" | sed 's/^/   artifact: /'
    fi
    summary+=("| fuzz_$target | $seconds | $execs | $rate | $cov | $size | $([ "$status" -eq 0 ] && echo none || echo CRASH) |")
done

echo
echo "| target | seconds | executions | execs/s | coverage (edges) | corpus | findings |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo
    echo "Crashes in: ${failed[*]}. Reproduce with build-fuzz/tests/fuzz_NAME ARTIFACT; after the fix,"
    echo "copy the artifact to tests/fuzz/regressions/NAME/ so make test replays it."
    exit 1
fi
