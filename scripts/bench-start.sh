#!/usr/bin/env bash
# How long the app takes to show its window (issue 19, item 11): from exec to the window being
# mapped, and to its page's script running (the first command in the support log), for a start with the officer's folder already there, a first start with a fresh data
# folder, and a first start of a new user (fresh data folder and fresh per-user caches: fonts,
# WebKit, GStreamer). Each case RUNS times; prints every run in seconds.
#
#   xvfb-run -a -s "-screen 0 1366x768x24" scripts/bench-start.sh [APP_BINARY] [RUNS]
#
# Linux only (xdotool); a benchmark, not a test: it asserts nothing.
set -euo pipefail
app=${1:-${APP_BIN:-$HOME/.cache/loandesk-target/debug/loandesk-app}}
runs=${2:-3}
command -v xdotool >/dev/null || { echo "xdotool is needed (scripts/setup.sh installs it)" >&2; exit 1; }
[ -x "$app" ] || { echo "no app binary at $app" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One start: seconds until a visible LoanDesk window exists, then the app is closed.
start_once() {
  local data=$1 home=$2
  local t0 t1 t2 pid before
  before=$(cat "$data"/logs/*.log 2>/dev/null | grep -c app_status || true)
  t0=$(date +%s.%N)
  HOME=$home XDG_CACHE_HOME=$home/.cache XDG_DATA_HOME=$home/.local/share \
    XDG_CONFIG_HOME=$home/.config LOANDESK_DATA_DIR=$data "$app" >"$work/app.log" 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the app exited before showing a window:" >&2
      tail -5 "$work/app.log" >&2
      return 1
    fi
    sleep 0.02
  done
  t1=$(date +%s.%N)
  # The page's script is running once it asks the backend for the app's status (the support
  # log, in the data folder, records each command).
  until [ "$(cat "$data"/logs/*.log 2>/dev/null | grep -c app_status || true)" -gt "$before" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the app exited before its page ran" >&2; return 1; }
    sleep 0.02
  done
  t2=$(date +%s.%N)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "window %.2f s, page running %.2f s\n", b - a, c - a }'
}

data=$work/data-warm
start_once "$data" "$HOME" >/dev/null # the folder exists from here on
echo "== the officer's folder exists (warm start)"
for _ in $(seq "$runs"); do start_once "$data" "$HOME"; done
echo "== first start: a fresh data folder"
for i in $(seq "$runs"); do start_once "$work/data-fresh-$i" "$HOME"; done
echo "== first start of a new user: fresh data folder and fresh per-user caches"
for i in $(seq "$runs"); do
  mkdir -p "$work/home-$i"
  start_once "$work/data-user-$i" "$work/home-$i"
done
