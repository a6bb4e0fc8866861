# Shared by the start-up benches (run.sh, interactive.sh); sourced, not run.
# Both need $build (the build folder) and $work (a scratch folder) set first;
# at exit the scratch folder and the virtual display go.

xvfb_pid=""
cleanup() {
    [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# A virtual X display when Xvfb is installed (the offscreen platform else).
# Sets platform, DISPLAY and QT_QPA_PLATFORM; the display is stopped at exit.
start_display() {
    if command -v Xvfb > /dev/null; then
        Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3> "$work/display" 2> /dev/null &
        xvfb_pid=$!
        for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.05; done
        export DISPLAY=":$(cat "$work/display")"
        export QT_QPA_PLATFORM=xcb
        platform="Xvfb (xcb)"
    else
        export QT_QPA_PLATFORM=offscreen
        platform="offscreen"
    fi
}

# Sets big_db to the database of 100,000 assessments, unless the caller gave
# one: made once and kept in the build folder for later runs.
ensure_big_db() {
    [ -z "$big_db" ] || return 0
    big_db="$build/bench-work/startup-100k.sqlite"
    [ ! -f "$big_db" ] || return 0
    local count=${STARTUP_ASSESSMENTS:-100000}
    echo "   storing $count generated assessments for the 100k profile (kept as $big_db) ..."
    mkdir -p "$(dirname "$big_db")"
    "$build/bench/spinepath-bench-answers" --flat "$count" 11 \
        | "$build/src/cli/spinepath-cli" store --jsonl --db "$big_db.part" > /dev/null
    for suffix in "" -wal -shm; do [ ! -f "$big_db.part$suffix" ] || mv "$big_db.part$suffix" "$big_db$suffix"; done
}
