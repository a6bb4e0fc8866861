#!/usr/bin/env bash
# make bench, time to interactive: how long until a click on the welcome page
# takes effect, for an empty database and for one of 100,000 assessments,
# with the database in the page cache and out of it. spinepath clicks its own
# "I'm at the clinic" button as soon as the window has painted (the click is
# queued behind whatever start-up work the GUI thread still has, as a
# patient's click would be) and prints when the questionnaire has painted
# (src/app/StartupProbe.cpp, SPINEPATH_INTERACTIVE_PROBE=1).
#
# Two figures per run: from just before the process is started (date +%s%N
# here) to the click's effect, and from the first frame to the click's
# effect. The 100k profile is compared with the empty database in the same
# run and the same cache state; target: within 1.5x.
#
# Out of the page cache: before each such run the whole page cache is dropped
# (echo 1 > /proc/sys/vm/drop_caches, which needs root), for both profiles;
# where that is not permitted, the database files alone are evicted
# (dd iflag=nocache, posix_fadvise DONTNEED). The table says which was used.
#
#     bench/startup/interactive.sh BUILD_DIR [DATABASE_WITH_100K_ASSESSMENTS]
#
# TTI_RUNS (9) cached runs and TTI_UNCACHED_RUNS (3) uncached runs of each profile. An
# uncached start with 100,000 assessments ends only when its check has
# finished (DatabaseStartup waits for it at exit), about 40 s here.
set -euo pipefail

build=$(cd "${1:-build}" && pwd)
big_db=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${TTI_RUNS:-9}
uncached_runs=${TTI_UNCACHED_RUNS:-3}
app="$build/src/app/spinepath"
work=$(mktemp -d "${TMPDIR:-/tmp}/spinepath-tti-XXXXXX")

# shellcheck source=bench/startup/common.sh
. "$(dirname "$0")/common.sh"
start_display

# The same database of 100,000 assessments as the start-up section.
ensure_big_db
empty_db="$work/empty.sqlite"

home="$work/home"
mkdir -p "$home/run" && chmod 700 "$home/run"

# One run against database $1: prints "from_exec_ms from_frame_ms".
probe() {
    local db=$1 start line
    start=$(date +%s%N)
    line=$(env HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
        XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/run" SPINEPATH_INTERACTIVE_PROBE=1 \
        timeout 120 "$app" --content "$root/content" --db "$db" 2> "$work/stderr" | grep -m1 '^interactive-probe' || true)
    if [ -z "$line" ]; then
        echo "no interactive-probe line from spinepath; its stderr:" >&2
        tail -5 "$work/stderr" >&2
        exit 1
    fi
    local realtime shown
    realtime=$(sed -E 's/.* realtime_ns=([0-9]+).*/\1/' <<< "$line")
    shown=$(sed -E 's/.* shown_realtime_ns=([0-9]+).*/\1/' <<< "$line")
    awk -v a="$start" -v b="$realtime" -v s="$shown" 'BEGIN { printf "%.1f %.1f\n", (b - a) / 1e6, (b - s) / 1e6 }'
}

# Out of the page cache: everything when permitted, else the database files.
eviction=""
evict() {
    local db=$1
    sync
    if [ "$eviction" != files ] && (echo 1 > /proc/sys/vm/drop_caches) 2> /dev/null; then
        eviction=system
        return
    fi
    eviction=files
    for file in "$db" "$db-wal" "$db-shm"; do
        [ ! -f "$file" ] || dd if="$file" iflag=nocache count=0 status=none
    done
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The first start makes the empty database (and stores the articles in
# both); it waits for the database check before it exits, so both files are
# as every later start finds them.
probe "$empty_db" > /dev/null
probe "$big_db" > /dev/null
stored=$("$build/src/cli/spinepath-cli" db stats --db "$big_db" 2> /dev/null | grep -m1 -oE '[0-9]+ assessments|"assessments": *[0-9]+|assessments[^0-9]*[0-9]+' | grep -oE '[0-9]+' | head -1 || echo "?")
size_mb=$(du -m "$big_db" | cut -f1)

measure() { # cache runs
    local cache=$1 count=$2
    : > "$work/$cache-empty"
    : > "$work/$cache-big"
    for _ in $(seq "$count"); do
        [ "$cache" = cached ] || evict "$empty_db"
        probe "$empty_db" >> "$work/$cache-empty"
        [ "$cache" = cached ] || evict "$big_db"
        probe "$big_db" >> "$work/$cache-big"
    done
}

row() { # cache profile label
    local cache=$1 profile=$2 label=$3 exec_ms frame_ms base_exec base_frame
    exec_ms=$(cut -d' ' -f1 "$work/$cache-$profile" | median)
    frame_ms=$(cut -d' ' -f2 "$work/$cache-$profile" | median)
    base_exec=$(cut -d' ' -f1 "$work/$cache-empty" | median)
    base_frame=$(cut -d' ' -f2 "$work/$cache-empty" | median)
    awk -v l="$label" -v c="$4" -v e="$exec_ms" -v f="$frame_ms" -v be="$base_exec" -v bf="$base_frame" 'BEGIN {
        r = e / be
        printf "| %s | %s | %.0f | %.0f | %.2fx | %.2fx | %s |\n", l, c, e, f, r, f / bf, (r <= 1.5 ? "met" : "MISSED") }'
}

measure cached "$runs"
measure uncached "$uncached_runs"
case $eviction in
system) how="whole page cache dropped before each run (echo 1 > /proc/sys/vm/drop_caches)" ;;
*) how="database files evicted before each run (dd iflag=nocache; dropping the whole cache is not permitted here)" ;;
esac

echo "   platform: $platform; 100k database: $stored assessments, $size_mb MB; medians of $runs cached and $uncached_runs uncached runs of each, alternating"
echo "   uncached: $how"
echo
echo "| database | page cache | start to click effect ms | first frame to click effect ms | ratio to empty (from start) | ratio to empty (from frame) | target 1.5x (from start) |"
echo "|---|---|---|---|---|---|---|"
row cached empty "empty" cached
row cached big "100k" cached
row uncached empty "empty" uncached
row uncached big "100k" uncached
