//! `loandesk vault backup|restore` with a separate backup password, given the ways a script
//! gives it: an environment variable or a line piped on stdin (never an argument).
#![allow(clippy::unwrap_used)]
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PASSWORD: &str = "cli vault password";
const BACKUP_PASSWORD: &str = "separate backup pass";

fn loandesk(envs: &[(&str, &str)], stdin: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_loandesk"));
    cmd.args(args)
        .env_remove("LOANDESK_VAULT")
        .env_remove("LOANDESK_PASSWORD")
        .env_remove("LOANDESK_BACKUP_PASSWORD")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let mut pipe = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        pipe.write_all(text.as_bytes()).unwrap();
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn ok(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_default()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn restore_takes_the_backup_password_from_the_env_or_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("v.loandesk");
    let backup = dir.path().join("v.ldbackup");
    ok(&loandesk(
        &[("LOANDESK_PASSWORD", PASSWORD)],
        None,
        &["demo", "--vault", path(&vault)],
    ));
    ok(&loandesk(
        &[
            ("LOANDESK_PASSWORD", PASSWORD),
            ("LOANDESK_BACKUP_PASSWORD", BACKUP_PASSWORD),
        ],
        None,
        &[
            "vault",
            "backup",
            "--vault",
            path(&vault),
            "--out",
            path(&backup),
        ],
    ));

    // The vault's password does not open a backup made with its own password.
    let wrong = dir.path().join("wrong.loandesk");
    let out = loandesk(
        &[("LOANDESK_PASSWORD", PASSWORD)],
        None,
        &[
            "vault",
            "restore",
            "--from",
            path(&backup),
            "--vault",
            path(&wrong),
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrong password"));
    assert!(!wrong.exists());

    let by_env = dir.path().join("env.loandesk");
    let report = ok(&loandesk(
        &[("LOANDESK_BACKUP_PASSWORD", BACKUP_PASSWORD)],
        None,
        &[
            "vault",
            "restore",
            "--from",
            path(&backup),
            "--vault",
            path(&by_env),
            "--format",
            "json",
        ],
    ));
    assert_eq!(report["clients"], 50);
    assert_eq!(report["integrity_ok"], true);

    let by_stdin = dir.path().join("stdin.loandesk");
    let report = ok(&loandesk(
        &[],
        Some(&format!("{BACKUP_PASSWORD}\n")),
        &[
            "vault",
            "restore",
            "--from",
            path(&backup),
            "--vault",
            path(&by_stdin),
            "--format",
            "json",
        ],
    ));
    assert_eq!(report["clients"], 50);
    // The restored vault opens with the backup's password (piped again).
    let report = ok(&loandesk(
        &[],
        Some(&format!("{BACKUP_PASSWORD}\n")),
        &[
            "vault",
            "verify",
            "--vault",
            path(&by_stdin),
            "--format",
            "json",
        ],
    ));
    assert_eq!(report["integrity_ok"], true);
}
