#!/usr/bin/env bash
# Builds the Linux installer (.deb) with the Tauri bundler, as the release workflow does on
# ubuntu-22.04, and prints its path and size (budget: 50 MB with the OCR models and runtime,
# issue 18). A release build: 30-60 minutes cold on two cores, in its own target folder so it
# never waits for the debug build's lock.
#   scripts/build-deb.sh            # then: apt install ./<printed path>
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
export CARGO_TARGET_DIR="${LOANDESK_RELEASE_TARGET_DIR:-$HOME/.cache/loandesk-target-release}"

python3 scripts/third-party-licenses.py --check
scripts/ocr-resources.sh linux
(cd ui && { [ -d node_modules ] || npm ci; } && npm run build)
(cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb --ci)

deb=$(ls -t "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb | head -1)
size=$(stat -c %s "$deb")
echo "== $deb: $((size / 1024)) KiB"
if [ "$size" -gt $((50 * 1024 * 1024)) ]; then
  echo "over the 50 MB installer budget" >&2
  exit 1
fi
