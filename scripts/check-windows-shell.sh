#!/usr/bin/env bash
# Compile-checks the desktop shell (src-tauri) for Windows on this Debian machine: the code
# only Windows compiles (clipboard history exclusion, the startup dialog, WebView2, the single-
# instance mutex) must at least type-check before it reaches the Windows runner of the release
# workflow. Same toolchain as scripts/test-windows.sh: Debian's cargo with -Zbuild-std and mingw.
# A check, not a build: nothing is linked or run. Cold: see README ("Windows and macOS").
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(rustc-web cargo-web rust-web-src gcc-mingw-w64-x86-64)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# generate_context! embeds the window's files: they must exist.
[ -f ui/dist/index.html ] || (cd ui && { [ -d node_modules ] || npm ci; } && npm run build)
# tauri-build checks that the bundle's resources exist: the OCR models and the Windows runtime
# (tauri.windows.conf.json). Cached after the first run.
scripts/ocr-resources.sh windows

export PATH="/usr/bin:$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${WINDOWS_SHELL_TARGET_DIR:-$HOME/.cache/loandesk-target-winshell}"
start=$(date +%s)
cargo check -Zbuild-std --target x86_64-pc-windows-gnu -p loandesk-app --all-targets "$@"
echo "== loandesk-app checks for x86_64-pc-windows-gnu ($(( $(date +%s) - start )) s)"
