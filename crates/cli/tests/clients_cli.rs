//! The `loandesk` binary as scripts use it: exact command names, JSON output, exit codes.
#![allow(clippy::unwrap_used)]
mod common;

use common::{json, loandesk, loandesk_as, stderr, TODAY};

#[test]
fn create_add_search_list_verify() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("cli.loandesk");
    let created = json(&loandesk(&vault, &["vault", "create", "--format", "json"]));
    assert_eq!(created["clients"], 0);

    let added = json(&loandesk(
        &vault,
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
        &["clients", "add", "--name", "杭州华信电子有限公司"],
    ));

    for query in ["恒", "恒远", "恒远精", "Hengyuan", "M000100"] {
        let found = json(&loandesk(
            &vault,
            &["clients", "search", query, "--format", "json"],
        ));
        let found = found.as_array().unwrap();
        assert_eq!(found.len(), 1, "query {query}");
        assert_eq!(found[0]["id"], id);
        assert_eq!(found[0]["name"], "苏州恒远精密机械有限公司");
        assert_eq!(found[0]["credit_code"], "91350100M000100Y43");
        assert_eq!(found[0]["stage"], 3);
    }
    let none = json(&loandesk(&vault, &["clients", "search", "不存在"]));
    assert_eq!(none.as_array().unwrap().len(), 0);

    let all = json(&loandesk(&vault, &["clients", "list", "--format", "json"]));
    assert_eq!(all.as_array().unwrap().len(), 2);
    let stage3 = json(&loandesk(&vault, &["clients", "list", "--stage", "3"]));
    assert_eq!(stage3.as_array().unwrap().len(), 1);

    let report = json(&loandesk(&vault, &["vault", "verify", "--format", "json"]));
    assert_eq!(report["integrity_ok"], true);
    assert_eq!(report["clients"], 2);
}

#[test]
fn errors_exit_non_zero_with_one_line_and_no_sqlcipher_noise() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("cli.loandesk");
    let missing = loandesk(&vault, &["clients", "list"]);
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("no vault"),
        "{}",
        stderr(&missing)
    );

    json(&loandesk(&vault, &["vault", "create"]));
    let before = std::fs::read(&vault).unwrap();
    let wrong = loandesk_as(&vault, "not the password", &["clients", "list"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert_eq!(stderr(&wrong), "error: wrong password\n");
    assert_eq!(std::fs::read(&vault).unwrap(), before);

    let bad_code = loandesk(
        &vault,
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
    let listed = json(&loandesk(&vault, &["clients", "list"]));
    assert_eq!(listed.as_array().unwrap().len(), 0);

    let bad_stage = loandesk(&vault, &["clients", "add", "--name", "x", "--stage", "7"]);
    assert_eq!(bad_stage.status.code(), Some(2));
}

#[test]
fn demo_writes_a_populated_vault() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("demo.loandesk");
    let report = json(&loandesk_as(
        &vault,
        "demo password 1",
        &["demo", "--today", TODAY, "--format", "json"],
    ));
    assert_eq!(report["clients"], 50);
    let found = json(&loandesk_as(
        &vault,
        "demo password 1",
        &["clients", "search", "有限公司", "--limit", "100"],
    ));
    assert_eq!(found.as_array().unwrap().len(), 50);
}

/// `demo --today` dates the demo data: two vaults written on the same given day hold the same
/// stage histories, all up to that day, whatever the wall clock says.
#[test]
fn demo_data_is_dated_by_today_not_the_clock() {
    let dir = tempfile::tempdir().unwrap();
    let day = "2021-06-30";
    let histories = |name: &str| {
        let vault = dir.path().join(name);
        json(&loandesk(&vault, &["demo", "--today", day]));
        (1..=5)
            .map(|id| {
                let id = id.to_string();
                let args = ["journey", "show", "--client", &id, "--today", day];
                json(&loandesk(
                    &vault,
                    &[&args[..], &["--format", "json"]].concat(),
                ))["history"]
                    .clone()
            })
            .collect::<Vec<_>>()
    };
    let first = histories("a.loandesk");
    assert_eq!(first, histories("b.loandesk"));
    for history in &first {
        for entry in history.as_array().unwrap() {
            let entered = entry["entered_on"].as_str().unwrap();
            assert!(entered <= day && entered > "2019-12-31", "{entered}");
        }
    }
}

#[test]
fn backup_restore_and_tamper_detection_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("v.loandesk");
    json(&loandesk(&vault, &["demo", "--today", TODAY]));
    let backup = dir.path().join("v.ldbackup");
    let out = loandesk(
        &vault,
        &["vault", "backup", "--out", backup.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let restored = dir.path().join("restored.loandesk");
    let from = backup.to_str().unwrap();
    let report = json(&loandesk(&restored, &["vault", "restore", "--from", from]));
    assert_eq!(report["clients"], 50);
    assert_eq!(report["integrity_ok"], true);

    let mut bytes = std::fs::read(&restored).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0xff;
    std::fs::write(&restored, &bytes).unwrap();
    let verify = loandesk(&restored, &["vault", "verify", "--format", "json"]);
    assert!(!verify.status.success());
    let report: serde_json::Value = serde_json::from_slice(&verify.stdout).unwrap();
    assert_eq!(report["integrity_ok"], false);
    assert!(!report["problems"].as_array().unwrap().is_empty());
}

/// `clients import`: a dry run stores nothing; a list with a bad row imports nothing (exit 2)
/// unless --skip-bad, and then the good rows in one go.
#[test]
fn import_a_client_list_from_csv() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("import.loandesk");
    json(&loandesk(&vault, &["vault", "create", "--format", "json"]));
    let file = dir.path().join("名单.csv");
    std::fs::write(
        &file,
        "客户名称,统一社会信用代码,联系人,联系电话,行业,客户分层,阶段\n\
         苏州恒远精密机械有限公司,91350100M000100Y43,张伟,13800138000,通用设备制造业,A,3\n\
         宁波海润物流有限公司,,李娜,13912345678,物流,B,1\n\
         宁波海润物流有限公司,,周杰,13500000000,,,1\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let dry = json(&loandesk(
        &vault,
        &[
            "clients",
            "import",
            "--file",
            f,
            "--dry-run",
            "--format",
            "json",
        ],
    ));
    assert_eq!(dry["preview"]["ready"], 2);
    assert_eq!(dry["preview"]["duplicates"], 1);
    assert_eq!(dry["preview"]["rows"][0]["client"]["industry_code"], "C34");
    assert_eq!(dry["imported"].as_array().unwrap().len(), 0);

    let refused = loandesk(
        &vault,
        &["clients", "import", "--file", f, "--format", "json"],
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("1 rows have problems"),
        "{}",
        stderr(&refused)
    );
    let none = json(&loandesk(&vault, &["clients", "list", "--format", "json"]));
    assert_eq!(none.as_array().unwrap().len(), 0);

    let done = json(&loandesk(
        &vault,
        &[
            "clients",
            "import",
            "--file",
            f,
            "--skip-bad",
            "--format",
            "json",
        ],
    ));
    assert_eq!(done["imported"].as_array().unwrap().len(), 2);
    let all = json(&loandesk(&vault, &["clients", "list", "--format", "json"]));
    assert_eq!(all.as_array().unwrap().len(), 2);
}
