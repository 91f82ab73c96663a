#!/usr/bin/env bash
# The core's test suite (and the CLI's), built for Windows and run under Wine on this Debian
# machine. Run it before every submission that touches the core: Windows refuses things Linux
# allows (flushing a read-only handle, replacing a file another program holds open), and only
# this run shows them here. Wine is not Windows: passing here is necessary, not sufficient.
#
# Usage: scripts/test-windows.sh [core|cli|all] [-- extra arguments for the test binaries]
# (default: all). Build output: ~/.cache/loandesk-target-windows; Wine prefix:
# ~/.cache/loandesk-wine. Cold, the build takes about 50 minutes on two busy cores.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-all}"
[ $# -gt 0 ] && shift
case "$what" in core | cli | all) ;; *) echo "usage: $0 [core|cli|all] [-- test args]" >&2; exit 2 ;; esac
[ "${1:-}" = "--" ] && shift

# Debian's Rust (rustc-web, cargo-web) ships the standard library's source (rust-web-src), so
# cargo can build std for the Windows target itself (-Zbuild-std): nothing is downloaded
# besides crates. mingw links, wine64 runs the tests, poppler reads the PDFs back.
packages=(rustc-web cargo-web rust-web-src gcc-mingw-w64-x86-64 wine64 poppler-utils)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Debian's cargo lives in /usr/bin, behind rustup's in PATH. RUSTC_BOOTSTRAP lets this stable
# toolchain take -Zbuild-std.
export PATH="/usr/bin:$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${WINDOWS_TARGET_DIR:-$HOME/.cache/loandesk-target-windows}"
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=/usr/lib/wine/wine64
export WINEPREFIX="${WINEPREFIX:-$HOME/.cache/loandesk-wine}"
export WINEDEBUG="${WINEDEBUG:--all}"
# No Mono or Gecko: their install prompts would wait for a click that never comes offline.
export WINEDLLOVERRIDES="mscoree,mshtml="
# The PDF tests read their PDFs with the Linux poppler, through a folder under /tmp (Wine can
# start a Unix program but not pipe to it or wait for it: crates/core/tests/poppler/mod.rs).
export WINE_POPPLER_DIR=/usr/bin
wine=/usr/lib/wine/wine64

if [ ! -f "$WINEPREFIX/system.reg" ]; then
  echo "== creating the Wine prefix $WINEPREFIX"
  mkdir -p "$WINEPREFIX"
  DISPLAY= "$wine" wineboot -i
fi
# Rust's std imports ProcessPrng from bcryptprimitives.dll, which Wine 8 lacks.
dll="$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
src=scripts/windows/bcryptprimitives.c
if [ ! -f "$dll" ] || [ "$src" -nt "$dll" ]; then
  echo "== building the ProcessPrng stand-in into the prefix"
  x86_64-w64-mingw32-gcc -shared -O2 -o "$dll" "$src" -lbcrypt
fi

cargo_test() {
  cargo test -Zbuild-std --target x86_64-pc-windows-gnu "$@"
}
packages_to_test=()
case "$what" in
  core) packages_to_test=(-p loandesk-core) ;;
  cli) packages_to_test=(-p loandesk-cli) ;;
  all) packages_to_test=(-p loandesk-core -p loandesk-cli) ;;
esac

# The OCR CLI tests load the Windows ONNX Runtime (onnxruntime.dll) from the resources folder.
scripts/ocr-resources.sh windows

echo "== building the tests for x86_64-pc-windows-gnu ($CARGO_TARGET_DIR)"
cargo_test "${packages_to_test[@]}" --no-run
echo "== running them under Wine"
DISPLAY= cargo_test --no-fail-fast "${packages_to_test[@]}" -- "$@"
echo; echo "== Windows tests passed under Wine"
