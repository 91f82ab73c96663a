#!/usr/bin/env bash
# Runs each fuzz target for a bounded time (not in CI). Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
# Needs cargo-fuzz (cargo install cargo-fuzz --locked --root "$LOANDESK_TOOLS"). The stable
# toolchain is enough: RUSTC_BOOTSTRAP lets it take the -Z flags cargo-fuzz passes. No address
# sanitizer: the core forbids unsafe code, so a crash is a panic, which libFuzzer sees anyway.
# The seeds in fuzz/seeds stay as they are; the growing corpus and any crash go to
# ~/.cache/loandesk-fuzz. A crash found is kept as a regression test in crates/core/tests/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
SECONDS_EACH="${1:-300}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(sniff statement statement_xlsx credit_code)
WORK="${LOANDESK_FUZZ_DIR:-$HOME/.cache/loandesk-fuzz}"
export CARGO_TARGET_DIR="${LOANDESK_FUZZ_TARGET:-$HOME/.cache/loandesk-target-fuzz}"
export RUSTC_BOOTSTRAP=1
status=0
for t in "${TARGETS[@]}"; do
  mkdir -p "$WORK/corpus/$t" "$WORK/artifacts/$t"
  echo "== $t for ${SECONDS_EACH}s"
  nice -n 10 cargo fuzz run --fuzz-dir fuzz --sanitizer none "$t" "$WORK/corpus/$t" "fuzz/seeds/$t" -- \
    -max_total_time="$SECONDS_EACH" -jobs=1 -workers=1 -max_len=65536 -rss_limit_mb=2048 \
    -artifact_prefix="$WORK/artifacts/$t/" -print_final_stats=1 || status=1
done
exit $status
