//! Running the `loandesk` binary as scripts do: one vault, the password from the environment.
#![allow(dead_code, clippy::unwrap_used)] // each test file uses a different part
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

pub const PASSWORD: &str = "cli test vault password";

/// `loandesk ARGS --vault VAULT` with `$LOANDESK_PASSWORD` set and `$LOANDESK_VAULT` cleared.
pub fn loandesk(vault: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loandesk"))
        .args(args)
        .arg("--vault")
        .arg(vault)
        .env("LOANDESK_PASSWORD", PASSWORD)
        .env_remove("LOANDESK_VAULT")
        .output()
        .unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// The JSON a successful command printed; fails the test with its stderr otherwise.
pub fn json(out: &Output) -> Value {
    assert!(out.status.success(), "failed: {}", stderr(out));
    serde_json::from_slice(&out.stdout).unwrap()
}
