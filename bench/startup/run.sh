#!/usr/bin/env bash
# make bench, start-up: time from process start to the first painted welcome
# window, and peak resident memory, for spinepath and for a bare Qt Widgets
# window (spinepath-bench-bare-window), run alternately (app, bare, app,
# bare ...) so both see the same machine load. Median of STARTUP_RUNS (20)
# runs each, for two profiles:
#
#   clean  a new HOME, XDG folders and database for every run: the first
#          start on a new machine (the database is created, the articles
#          stored and indexed)
#   100k   the same profile kept, with a database of 100,000 stored
#          assessments (made with spinepath-cli store unless given)
#
# Both programs print one line when their first frame has been painted
# (src/app/StartupProbe.cpp, SPINEPATH_STARTUP_PROBE=1) and exit. The time
# runs from just before the process is started (date +%s%N in this script,
# which adds the same fork of date to both) to that moment; the memory is
# VmHWM at that moment. The window is shown on Xvfb when it is installed, so
# the X connection, fonts and the xcb platform plugin are counted as on a real
# display; otherwise on the offscreen platform.
#
#     bench/startup/run.sh BUILD_DIR [DATABASE_WITH_100K_ASSESSMENTS]
set -euo pipefail

build=$(cd "${1:-build}" && pwd)
big_db=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${STARTUP_RUNS:-20}
app="$build/src/app/spinepath"
bare="$build/bench/spinepath-bench-bare-window"
work=$(mktemp -d "${TMPDIR:-/tmp}/spinepath-startup-XXXXXX")

# shellcheck source=bench/startup/common.sh
. "$(dirname "$0")/common.sh"
start_display

# Made once and kept in the build folder for later runs.
ensure_big_db
stored=$("$build/src/cli/spinepath-cli" db stats --db "$big_db" 2> /dev/null | grep -m1 -oE '[0-9]+ assessments|"assessments": *[0-9]+|assessments[^0-9]*[0-9]+' | grep -oE '[0-9]+' | head -1 || echo "?")

# One run: prints "milliseconds kib since_start_ms".
probe() {
    local home=$1; shift
    local start line
    start=$(date +%s%N)
    line=$(env HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
        XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/run" SPINEPATH_STARTUP_PROBE=1 \
        timeout 60 "$@" 2> "$work/stderr" | grep -m1 '^startup-probe' || true)
    if [ -z "$line" ]; then
        echo "no start-up line from $1; its stderr:" >&2
        tail -5 "$work/stderr" >&2
        exit 1
    fi
    local realtime kib since
    realtime=$(sed -E 's/.*realtime_ns=([0-9]+).*/\1/' <<< "$line")
    kib=$(sed -E 's/.*peak_rss_kib=([0-9]+).*/\1/' <<< "$line")
    since=$(sed -E 's/.*since_start_ms=([0-9.]+).*/\1/' <<< "$line")
    awk -v a="$start" -v b="$realtime" -v k="$kib" -v s="$since" 'BEGIN { printf "%.1f %d %s\n", (b - a) / 1e6, k, s }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

measure() {
    local profile=$1
    : > "$work/$profile-app"
    : > "$work/$profile-bare"
    for i in $(seq "$runs"); do
        local home="$work/home-$profile"
        if [ "$profile" = clean ]; then
            rm -rf "$home"
            home="$work/home-clean-$i"
        fi
        mkdir -p "$home/run" && chmod 700 "$home/run"
        local db="$home/spinepath.sqlite"
        [ "$profile" = clean ] || db="$big_db"
        probe "$home" "$app" --content "$root/content" --db "$db" >> "$work/$profile-app"
        probe "$home" "$bare" >> "$work/$profile-bare"
        [ "$profile" != clean ] || rm -rf "$home"
    done
    local app_ms bare_ms app_kib bare_kib app_since bare_since
    app_ms=$(cut -d' ' -f1 "$work/$profile-app" | median)
    bare_ms=$(cut -d' ' -f1 "$work/$profile-bare" | median)
    app_kib=$(cut -d' ' -f2 "$work/$profile-app" | median)
    bare_kib=$(cut -d' ' -f2 "$work/$profile-bare" | median)
    app_since=$(cut -d' ' -f3 "$work/$profile-app" | median)
    bare_since=$(cut -d' ' -f3 "$work/$profile-bare" | median)
    awk -v p="$profile" -v am="$app_ms" -v bm="$bare_ms" -v ak="$app_kib" -v bk="$bare_kib" \
        -v as="$app_since" -v bs="$bare_since" 'BEGIN {
        tr = am / bm; mr = ak / bk
        printf "| %s | %.0f | %.0f | %.2fx | %.1f | %.1f | %.2fx | %s / %s | %.0f / %.0f |\n",
            p, am, bm, tr, ak / 1024, bk / 1024, mr,
            (tr <= 1.5 ? "met" : "MISSED"), (mr <= 2.0 ? "met" : "MISSED"), as, bs }'
}

echo "   platform: $platform; $runs runs of each, alternating; 100k database: $stored assessments"
echo
echo "| profile | spinepath ms | bare window ms | time ratio | spinepath MiB | bare MiB | memory ratio | targets (1.5x time / 2x memory) | from /proc start ms (app / bare) |"
echo "|---|---|---|---|---|---|---|---|---|"
measure clean
measure 100k
