#!/usr/bin/env bash
# Sets everything up, writes the demo vault on first run, and starts LoanDesk.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

# The app's folder (crates/core/src/vault/paths.rs). LoanDesk 0.1 used com.loandesk.app; the
# app moves that folder on its first start, so a demo vault there is not written twice.
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
data_dir="${LOANDESK_DATA_DIR:-$data_home/com.loandesk.desktop}"
legacy_demo="$data_home/com.loandesk.app/demo.loandesk"
if [ ! -e "$data_dir/demo.loandesk" ] && { [ -n "${LOANDESK_DATA_DIR:-}" ] || [ ! -e "$legacy_demo" ]; }; then
  echo "== writing the demo vault (password: demo-loandesk)"
  "$CLI_BIN" demo --vault "$data_dir/demo.loandesk" --format table
fi

if [ -z "${DISPLAY:-}" ]; then
  # A server without a screen: run on a virtual display so the app still starts.
  export DISPLAY=:99
  if ! xdpyinfo -display :99 >/dev/null 2>&1; then
    Xvfb :99 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    sleep 1
  fi
  echo "== no DISPLAY: LoanDesk runs on the virtual display :99"
fi
echo "== starting LoanDesk"
exec "$APP_BIN"
