//! `loandesk vault backup|restore` with a separate backup password, given the ways a script
//! gives it: an environment variable or a line piped on stdin (never an argument).
#![allow(clippy::unwrap_used)]
mod common;

use std::path::Path;

use common::{json, with_stdin, TODAY};

const PASSWORD: &str = "cli vault password";
const BACKUP_PASSWORD: &str = "separate backup pass";

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn restore_takes_the_backup_password_from_the_env_or_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("v.loandesk");
    let backup = dir.path().join("v.ldbackup");
    json(&with_stdin(
        &[("LOANDESK_PASSWORD", PASSWORD)],
        None,
        &["demo", "--today", TODAY, "--vault", path(&vault)],
    ));
    json(&with_stdin(
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
    let out = with_stdin(
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
    let report = json(&with_stdin(
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
    let report = json(&with_stdin(
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
    let report = json(&with_stdin(
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
