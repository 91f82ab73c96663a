//! The `loandesk` binary as scripts use it: exact command names, JSON output, exit codes.
#![allow(clippy::unwrap_used)]
use std::path::Path;
use std::process::{Command, Output};

const PASSWORD: &str = "cli test password";

fn loandesk(vault: &Path, password: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loandesk"))
        .args(args)
        .arg("--vault")
        .arg(vault)
        .env("LOANDESK_PASSWORD", password)
        .env_remove("LOANDESK_VAULT")
        .output()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn create_add_search_list_verify() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("cli.loandesk");
    let created = json(&loandesk(
        &vault,
        PASSWORD,
        &["vault", "create", "--format", "json"],
    ));
    assert_eq!(created["clients"], 0);

    let added = json(&loandesk(
        &vault,
        PASSWORD,
        &[
            "clients",
            "add",
            "--name",
            "苏州恒远精密机械有限公司",
            "--name-en",
            "Suzhou Hengyuan",
            "--credit-code",
            "91350100M000100Y43",
            "--industry",
            "制造业",
            "--tier",
            "A",
            "--stage",
            "3",
            "--product",
            "working-capital",
            "--format",
            "json",
        ],
    ));
    let id = added["id"].as_i64().unwrap();
    json(&loandesk(
        &vault,
        PASSWORD,
        &["clients", "add", "--name", "杭州华信电子有限公司"],
    ));

    for query in ["恒", "恒远", "恒远精", "Hengyuan", "M000100"] {
        let found = json(&loandesk(
            &vault,
            PASSWORD,
            &["clients", "search", query, "--format", "json"],
        ));
        let found = found.as_array().unwrap();
        assert_eq!(found.len(), 1, "query {query}");
        assert_eq!(found[0]["id"], id);
        assert_eq!(found[0]["name"], "苏州恒远精密机械有限公司");
        assert_eq!(found[0]["credit_code"], "91350100M000100Y43");
        assert_eq!(found[0]["stage"], 3);
    }
    let none = json(&loandesk(
        &vault,
        PASSWORD,
        &["clients", "search", "不存在"],
    ));
    assert_eq!(none.as_array().unwrap().len(), 0);

    let all = json(&loandesk(
        &vault,
        PASSWORD,
        &["clients", "list", "--format", "json"],
    ));
    assert_eq!(all.as_array().unwrap().len(), 2);
    let stage3 = json(&loandesk(
        &vault,
        PASSWORD,
        &["clients", "list", "--stage", "3"],
    ));
    assert_eq!(stage3.as_array().unwrap().len(), 1);

    let report = json(&loandesk(
        &vault,
        PASSWORD,
        &["vault", "verify", "--format", "json"],
    ));
    assert_eq!(report["integrity_ok"], true);
    assert_eq!(report["clients"], 2);
}

#[test]
fn errors_exit_non_zero_with_one_line_and_no_sqlcipher_noise() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("cli.loandesk");
    let missing = loandesk(&vault, PASSWORD, &["clients", "list"]);
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("no vault"),
        "{}",
        stderr(&missing)
    );

    json(&loandesk(&vault, PASSWORD, &["vault", "create"]));
    let before = std::fs::read(&vault).unwrap();
    let wrong = loandesk(&vault, "not the password", &["clients", "list"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert_eq!(stderr(&wrong), "error: wrong password\n");
    assert_eq!(std::fs::read(&vault).unwrap(), before);

    let bad_code = loandesk(
        &vault,
        PASSWORD,
        &[
            "clients",
            "add",
            "--name",
            "x",
            "--credit-code",
            "91350100M000100Y44",
        ],
    );
    assert_eq!(bad_code.status.code(), Some(2));
    assert_eq!(stderr(&bad_code).lines().count(), 1);
    assert!(stderr(&bad_code).contains("credit_code"));
    let listed = json(&loandesk(&vault, PASSWORD, &["clients", "list"]));
    assert_eq!(listed.as_array().unwrap().len(), 0);

    let bad_stage = loandesk(
        &vault,
        PASSWORD,
        &["clients", "add", "--name", "x", "--stage", "7"],
    );
    assert_eq!(bad_stage.status.code(), Some(2));
}

#[test]
fn demo_writes_a_populated_vault() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("demo.loandesk");
    let report = json(&loandesk(
        &vault,
        "demo password 1",
        &["demo", "--format", "json"],
    ));
    assert_eq!(report["clients"], 50);
    let found = json(&loandesk(
        &vault,
        "demo password 1",
        &["clients", "search", "有限公司", "--limit", "100"],
    ));
    assert_eq!(found.as_array().unwrap().len(), 50);
}

#[test]
fn backup_restore_and_tamper_detection_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("v.loandesk");
    json(&loandesk(&vault, PASSWORD, &["demo"]));
    let backup = dir.path().join("v.ldbackup");
    let out = loandesk(
        &vault,
        PASSWORD,
        &["vault", "backup", "--out", backup.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let restored = dir.path().join("restored.loandesk");
    let from = backup.to_str().unwrap();
    let report = json(&loandesk(
        &restored,
        PASSWORD,
        &["vault", "restore", "--from", from],
    ));
    assert_eq!(report["clients"], 50);
    assert_eq!(report["integrity_ok"], true);

    let mut bytes = std::fs::read(&restored).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0xff;
    std::fs::write(&restored, &bytes).unwrap();
    let verify = loandesk(
        &restored,
        PASSWORD,
        &["vault", "verify", "--format", "json"],
    );
    assert!(!verify.status.success());
    let report: serde_json::Value = serde_json::from_slice(&verify.stdout).unwrap();
    assert_eq!(report["integrity_ok"], false);
    assert!(!report["problems"].as_array().unwrap().is_empty());
}
