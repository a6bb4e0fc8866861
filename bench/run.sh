#!/usr/bin/env bash
# make bench: end-to-end throughput of the JsonLogic engine against the two
# leading JavaScript engines, on the same files in the same run; screening,
# reports, storage at 100,000 assessments, the whole path from answers to the
# physician's PDF, start-up against a bare Qt window, time to interactive at
# 100,000 assessments, a clinic network on PostgreSQL against SQLite, and the
# long crash run.
#
#     bench/run.sh BUILD_DIR
#
# BENCH_ONLY="e2e startup" runs only the sections named (jsonlogic, score,
# report, storage, clinic, e2e, search, console, startup, crash); the start-up section then makes its
# own database of 100,000 assessments unless storage ran before it.
set -euo pipefail

build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$build" && pwd)
work="$build/bench-work"
mkdir -p "$work"

cli="$build/src/cli/spinepath-cli"
gen="$build/bench/spinepath-bench-answers"
lines=${BENCH_LINES:-200000}
runs=${BENCH_RUNS:-3}
rules="$root/bench/data/screening-rules.json"
only=${BENCH_ONLY:-}
want() { [ -z "$only" ] || [[ " $only " == *" $1 "* ]]; }

# Best wall time of $runs runs, in seconds; stdout of the last run goes to $2.
best_time() {
    local out=$1; shift
    local best=""
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" > "$out"
        end=$(date +%s%N)
        local t=$(( end - start ))
        if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
    done
    awk -v ns="$best" 'BEGIN { printf "%.3f", ns / 1e9 }'
}

if want jsonlogic; then
echo "== JsonLogic: $lines answer lines x $(node -e "console.log(require('$rules').length)" 2>/dev/null || echo 20) rules, best of $runs runs"
"$gen" "$lines" > "$work/answers.jsonl"
printf '   input: %s MB\n' "$(du -m "$work/answers.jsonl" | cut -f1)"

t_sp=$(best_time "$work/out-spinepath.jsonl" sh -c "'$cli' logic '$rules' --jsonl < '$work/answers.jsonl'")

if ! command -v node > /dev/null; then
    echo "node is not installed: skipping the JavaScript engines (apt-get install nodejs npm)."
    printf '| engine | seconds | lines/s |\n|---|---|---|\n| spinepath-cli logic --jsonl | %s | %.0f |\n' "$t_sp" "$(awk -v t="$t_sp" -v n="$lines" 'BEGIN{print n/t}')"
else

# The peers live under the build folder, never globally; versions are pinned.
peers="$build/bench-node"
if [ ! -d "$peers/node_modules/json-logic-engine" ] || [ ! -d "$peers/node_modules/json-logic-js" ]; then
    mkdir -p "$peers"
    (cd "$peers" && npm install --silent --no-audit --no-fund --no-package-lock --prefix "$peers" \
        json-logic-engine@5.0.7 json-logic-js@2.0.5 > /dev/null)
fi
export NODE_PATH="$peers/node_modules"

t_engine=$(best_time "$work/out-engine.jsonl" sh -c "node '$root/bench/js/run-peer.js' json-logic-engine '$rules' < '$work/answers.jsonl'")
t_js=$(best_time "$work/out-js.jsonl" sh -c "node '$root/bench/js/run-peer.js' json-logic-js '$rules' < '$work/answers.jsonl'")

same="identical"
for peer in engine js; do
    if ! cmp -s "$work/out-spinepath.jsonl" "$work/out-$peer.jsonl"; then
        same="DIFFERENT"
        echo "Results differ from json-logic-$peer; first difference:"
        diff <(head -1000 "$work/out-spinepath.jsonl") <(head -1000 "$work/out-$peer.jsonl") | head -5 || true
    fi
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
rate() { awk -v t="$1" -v n="$lines" 'BEGIN { printf "%.0f", n / t }'; }
echo
echo "| engine | seconds | lines/s | spinepath is faster by |"
echo "|---|---|---|---|"
echo "| spinepath-cli logic --jsonl | $t_sp | $(rate "$t_sp") | 1.0x |"
echo "| json-logic-engine 5.0.7 (compiled build) | $t_engine | $(rate "$t_engine") | $(ratio "$t_engine" "$t_sp")x |"
echo "| json-logic-js 2.0.5 | $t_js | $(rate "$t_js") | $(ratio "$t_js" "$t_sp")x |"
echo
echo "Results of the three engines: $same ($(wc -l < "$work/out-spinepath.jsonl") lines each)."
echo "Targets: >= 5x json-logic-engine, >= 15x json-logic-js."
[ "$same" = identical ] || exit 1
fi
fi


# --- Screening: parse, validate, score and print answer sets ---------------
score_lines=${BENCH_SCORE_LINES:-100000}
if want score; then
echo
echo "== Screening: spinepath-cli score --jsonl over $score_lines answer sets, best of $runs runs"
"$gen" --flat "$score_lines" > "$work/flat-answers.jsonl"
t_one=$(best_time "$work/scored-1.jsonl" sh -c "'$cli' score --jsonl --threads 1 < '$work/flat-answers.jsonl'")
t_all=$(best_time "$work/scored-n.jsonl" sh -c "'$cli' score --jsonl < '$work/flat-answers.jsonl'")
cmp -s "$work/scored-1.jsonl" "$work/scored-n.jsonl" || { echo "threaded results differ"; exit 1; }
errors=$(grep -c '"error"' "$work/scored-1.jsonl" || true)
echo
echo "| run | seconds | answer sets/s | target |"
echo "|---|---|---|---|"
echo "| one core (--threads 1) | $t_one | $(awk -v t="$t_one" -v n="$score_lines" 'BEGIN { printf "%.0f", n / t }') | >= 100000 |"
echo "| all cores ($(nproc)) | $t_all | $(awk -v t="$t_all" -v n="$score_lines" 'BEGIN { printf "%.0f", n / t }') | |"
echo "Lines rejected: $errors (the generated answers are all valid)."
fi


# --- Reports: the physician summary and the patient copy as PDF ------------
report_runs=${BENCH_REPORT_RUNS:-30}
if want report; then
echo
echo "== Reports: PDF of one typical assessment, median of $report_runs runs after a warm-up"
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$build/bench/spinepath-bench-report" "$report_runs" \
    --content "$root/content"
fi


# --- Storage: SQLite at 100,000 assessments, and crash safety -------------
store_lines=${BENCH_STORE_LINES:-100000}
if want storage; then
echo
echo "== Storage: $store_lines completed assessments in SQLite (table also written to docs/performance.md)"
"$gen" --flat "$store_lines" 7 > "$work/store-answers.jsonl"
"$build/bench/spinepath-bench-storage" --db "$work/storage.sqlite" --answers "$work/store-answers.jsonl" \
    --write-doc "$root/docs/performance.md"

# End to end through the command line: parse, score, store, and print each
# id only after the commit that holds it.
rm -f "$work/cli-store.sqlite" "$work/cli-store.sqlite-wal" "$work/cli-store.sqlite-shm"
start=$(date +%s%N)
"$cli" store --jsonl --db "$work/cli-store.sqlite" < "$work/store-answers.jsonl" > "$work/cli-store.out"
end=$(date +%s%N)
stored=$(grep -c '"id"' "$work/cli-store.out" || true)
awk -v ns=$(( end - start )) -v n="$stored" \
    'BEGIN { printf "spinepath-cli store --jsonl: %d assessments in %.1f s (%.0f a second)\n", n, ns / 1e9, n / (ns / 1e9) }'
[ "$stored" = "$store_lines" ] || { echo "store --jsonl stored $stored of $store_lines"; exit 1; }
"$cli" db check --db "$work/cli-store.sqlite"
fi


# --- Clinic network: PostgreSQL against SQLite at 100,000 assessments -----
# Starts its own PostgreSQL 15 cluster (as the tests do: initdb into a
# temporary folder, run as `postgres` when root, 127.0.0.1 and a free port),
# with the server's durable defaults, and removes it at the end.
clinic_count=${BENCH_CLINIC_COUNT:-100000}
if want clinic; then
echo
echo "== Clinic network: PostgreSQL against SQLite at $clinic_count assessments, and kiosks storing at once"
"$gen" --flat 20000 17 > "$work/clinic-answers.jsonl"
"$build/bench/spinepath-bench-clinic" --answers "$work/clinic-answers.jsonl" --work "$work" \
    --cli "$cli" --content "$root/content" --count "$clinic_count" \
    --kiosk-lines "${BENCH_CLINIC_KIOSK_LINES:-300}"
rm -f "$work/clinic.sqlite" "$work/clinic.sqlite-wal" "$work/clinic.sqlite-shm"
fi


# --- End to end: answers -> score -> store -> physician PDF ----------------
e2e_count=${BENCH_E2E_COUNT:-1000}
if want e2e; then
echo
echo "== End to end: $e2e_count assessments one at a time, answers -> score -> store -> physician PDF"
"$gen" --flat "$e2e_count" 13 > "$work/e2e-answers.jsonl"
rm -rf "$work/e2e-pdf"
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$build/bench/spinepath-bench-e2e" \
    --answers "$work/e2e-answers.jsonl" --db "$work/e2e.sqlite" --out "$work/e2e-pdf" \
    --content "$root/content" --count "$e2e_count"
rm -rf "$work/e2e-pdf"
fi


# --- Library search: the worst inputs a kiosk patient can type -----------
if want search; then
echo
echo "== Library search: key by key into the real search box, the worst inputs against an ordinary word"
rm -f "$work/search.sqlite" "$work/search.sqlite-wal" "$work/search.sqlite-shm"
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$build/bench/spinepath-bench-search" \
    --content "$root/content" --db "$work/search.sqlite"
fi


# --- Staff console: idle CPU at 100,000 assessments, against a bare window
if want console; then
echo
echo "== Staff console: idle CPU with ${BENCH_CONSOLE_COUNT:-100000} assessments today, against a bare Qt window"
"$gen" --flat 2000 11 > "$work/console-answers.jsonl"
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$build/bench/spinepath-bench-console" \
    --content "$root/content" --db "$work/console.sqlite" --answers "$work/console-answers.jsonl" \
    --count "${BENCH_CONSOLE_COUNT:-100000}" --seconds "${BENCH_CONSOLE_SECONDS:-20}"
fi


# --- Start-up: first painted window and peak memory against a bare Qt window
if want startup; then
echo
echo "== Start-up: spinepath against a bare Qt Widgets window, clean profile and 100,000 assessments"
big=""
if want storage && [ -f "$work/cli-store.sqlite" ]; then big="$work/cli-store.sqlite"; fi
"$root/bench/startup/run.sh" "$build" $big
echo
echo "== Time to interactive: a click on the welcome page, empty database against 100,000 assessments"
"$root/bench/startup/interactive.sh" "$build" $big
fi

# The long crash run: the child storing assessments is killed with SIGKILL
# again and again; after each kill every reported assessment must be intact.
kills=${BENCH_CRASH_KILLS:-50}
if ! want crash; then
    :
elif [ -x "$build/tests/test_CrashSafety" ]; then
    echo
    echo "== Crash safety: $kills SIGKILLs of spinepath-cli store --jsonl"
    SPINEPATH_CRASH_KILLS=$kills "$build/tests/test_CrashSafety"
else
    echo "test_CrashSafety is not built (SPINEPATH_BUILD_TESTS=OFF): skipping the long crash run."
fi
