//! Running the `loandesk` binary as scripts do, one copy for every CLI test file: a clean
//! environment (nothing inherited from the shell that runs the tests), the password from the
//! environment, stdin piped or closed.
#![allow(dead_code, clippy::unwrap_used)] // each test file uses a different part
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

pub const PASSWORD: &str = "cli test vault password";

/// The day the tests work as of, so nothing depends on the wall clock.
pub const TODAY: &str = "2026-11-27";

/// The reference loan of the schedule tests: 1,000,000 at 4.9 % for 360 months, equal
/// installments, from 2026-01-15.
pub const REFERENCE_TERMS: &[&str] = &[
    "--principal",
    "1000000",
    "--rate",
    "4.9",
    "--months",
    "360",
    "--method",
    "equal-installment",
    "--start",
    "2026-01-15",
];

/// The binary with none of the variables it reads set.
pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_loandesk"));
    for var in [
        "LOANDESK_VAULT",
        "LOANDESK_PASSWORD",
        "LOANDESK_NEW_PASSWORD",
        "LOANDESK_BACKUP_PASSWORD",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// `loandesk ARGS` with `$LOANDESK_PASSWORD` set (the args name the vault if one is needed).
pub fn cli(args: &[&str]) -> Output {
    bin()
        .args(args)
        .env("LOANDESK_PASSWORD", PASSWORD)
        .output()
        .unwrap()
}

/// `loandesk ARGS --vault VAULT` with `$LOANDESK_PASSWORD` set.
pub fn loandesk(vault: &Path, args: &[&str]) -> Output {
    loandesk_as(vault, PASSWORD, args)
}

/// The same with another password (a wrong one, or the vault's own).
pub fn loandesk_as(vault: &Path, password: &str, args: &[&str]) -> Output {
    bin()
        .args(args)
        .arg("--vault")
        .arg(vault)
        .env("LOANDESK_PASSWORD", password)
        .output()
        .unwrap()
}

/// `loandesk ARGS` with exactly `envs` set and `stdin` piped in (None: stdin closed at once).
pub fn with_stdin(envs: &[(&str, &str)], stdin: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = bin();
    cmd.args(args)
        .envs(envs.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut pipe = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        pipe.write_all(text.as_bytes()).unwrap();
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// The JSON a successful command printed (Null if it printed nothing); fails the test with
/// its stderr otherwise.
pub fn json(out: &Output) -> Value {
    assert!(out.status.success(), "failed: {}", stderr(out));
    if out.stdout.is_empty() {
        return Value::Null;
    }
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The command with `--format json`, its JSON output.
pub fn run(vault: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    json(&loandesk(vault, &all))
}

/// Exit 2, one line on stderr; the line.
pub fn refused(vault: &Path, args: &[&str]) -> String {
    let out = loandesk(vault, args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    err
}
