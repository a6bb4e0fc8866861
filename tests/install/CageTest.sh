#!/bin/sh
# SpinePath's kiosk under cage, Debian's Wayland kiosk compositor, as the
# packaged kiosk session runs it (resources/dist/unix/kiosk), on cage's
# headless back end: the window must be full screen at the output's size
# (1280x720 headless) with no title bar or frame, and keep running.
#
# What the program asks of the compositor is read from Wayland's own protocol
# log (WAYLAND_DEBUG=client): that is what cage acts on, whatever is drawn.
# Pictures of the headless output cannot be taken (cage 0.1.4 shows a
# full-screen surface black there; see docs/kiosk-setup.md).
#
#   CageTest.sh BUILD_DIR APP_ID
set -eu

build_dir=$1
app_id=$2

fail() {
    echo "FAIL: $*" >&2
    [ -f "$work/wayland.log" ] && tail -n 40 "$work/wayland.log" >&2
    exit 1
}

# Cage refuses to run as root: as root (CI) the session runs as nobody, which
# needs its own copy of the programs in a folder it can read.
work=$(mktemp -d "${TMPDIR:-/tmp}/spinepath-cage-test-XXXXXX")
cage_pid=""
cleanup() {
    status=$?
    if [ -n "$cage_pid" ]; then
        kill "$cage_pid" 2> /dev/null || true
        wait "$cage_pid" 2> /dev/null || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT INT TERM

cp "$build_dir/src/app/spinepath" "$build_dir/src/cli/spinepath-cli" "$work/"
cp -r "$(dirname "$0")/../../content" "$work/content"
mkdir -m 700 "$work/home" "$work/runtime"
chmod 755 "$work"
as_user=""
if [ "$(id -u)" = 0 ]; then
    chown -R nobody "$work/home" "$work/runtime"
    as_user="runuser -u nobody --"
fi

session_env="HOME=$work/home XDG_RUNTIME_DIR=$work/runtime SPINEPATH_CONTENT=$work/content
    SPINEPATH_DB=$work/home/spinepath.sqlite"

# A database with a staff PIN, so the kiosk opens on the welcome page instead
# of asking for one (storing no answer set creates the database).
$as_user env $session_env "$work/spinepath-cli" store --jsonl --db "$work/home/spinepath.sqlite" < /dev/null ||
    fail "could not create the database"
printf '739153\n739153\n' | $as_user env $session_env "$work/spinepath-cli" db reset-pin --new-pin \
    --db "$work/home/spinepath.sqlite" > /dev/null || fail "could not set the staff PIN"

# The session's environment, as the kiosk unit sets it, minus the
# decoration switch: the kiosk must come up without one.
$as_user env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM $session_env \
    WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
    QT_QPA_PLATFORM=wayland WAYLAND_DEBUG=client \
    cage -d -- "$work/spinepath" --kiosk > "$work/wayland.log" 2>&1 &
cage_pid=$!

# Up to a minute on a busy machine for the window to take the output's size.
tries=0
until grep -q 'xdg_toplevel@[0-9]*\.configure(1280, 720' "$work/wayland.log" 2> /dev/null &&
    grep -q 'create_buffer(.*, 1280, 720,' "$work/wayland.log"; do
    kill -0 "$cage_pid" 2> /dev/null || fail "cage or SpinePath ended before the window was shown"
    tries=$((tries + 1))
    [ "$tries" -le 120 ] || fail "the kiosk window never took the output's size (1280x720)"
    sleep 0.5
done
sleep 2 # a crash right after the first frame ends the session
kill -0 "$cage_pid" 2> /dev/null || fail "the kiosk session ended after its first frame"

log=$work/wayland.log
grep -q "set_app_id(\"$app_id\")" "$log" || fail "the window does not carry the app id $app_id"
grep -q 'xdg_toplevel@[0-9]*\.set_fullscreen' "$log" || fail "the kiosk window does not ask to be full screen"
last_geometry=$(grep 'set_window_geometry' "$log" | tail -n 1)
case "$last_geometry" in
*"set_window_geometry(0, 0, 1280, 720)"*) ;;
*) fail "the window's geometry is not the whole output: $last_geometry" ;;
esac
# Client-side decorations draw a title bar into a larger buffer, or into a
# sub-surface: every buffer is exactly the output, and there is no sub-surface.
if grep 'create_buffer(' "$log" | grep -v 'create_buffer(.*, 1280, 720,' | grep -q .; then
    fail "a buffer other than 1280x720 was drawn (a frame or title bar?)"
fi
if grep -q 'get_subsurface(' "$log"; then
    fail "the window made a sub-surface (a title bar?)"
fi
echo "SpinePath's kiosk fills cage's 1280x720 output, without a title bar or frame"
