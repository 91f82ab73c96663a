# Shared settings for the scripts (sourced, not run).
# Build output lives outside the clone so a second run on the same machine starts warm.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/loandesk-target}"
export LOANDESK_TOOLS="${LOANDESK_TOOLS:-$HOME/.cache/loandesk-tools}"
export PATH="$LOANDESK_TOOLS/bin:$HOME/.cargo/bin:$PATH"
export APP_BIN="$CARGO_TARGET_DIR/debug/loandesk-app"
export CLI_BIN="$CARGO_TARGET_DIR/debug/loandesk"
