//! `loandesk journey` as scripts use it: JSON shapes and exit codes (3 for a refused gate).
#![allow(clippy::unwrap_used)]
mod common;

use std::path::Path;

use common::{json, loandesk, stderr, TODAY};
use serde_json::Value;

fn keys(items: &Value) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            i.as_str()
                .unwrap_or_else(|| i["key"].as_str().unwrap())
                .to_string()
        })
        .collect()
}

fn vault_with_client(dir: &Path) -> std::path::PathBuf {
    let vault = dir.join("j.loandesk");
    json(&loandesk(&vault, &["vault", "create"]));
    let added = json(&loandesk(
        &vault,
        &[
            "clients",
            "add",
            "--name",
            "苏州恒远精密机械有限公司",
            "--tier",
            "A",
        ],
    ));
    assert_eq!(added["id"], 1);
    vault
}

#[test]
fn show_tick_and_a_refused_then_overridden_gate() {
    let dir = tempfile::tempdir().unwrap();
    let vault = vault_with_client(dir.path());
    let show = json(&loandesk(
        &vault,
        &["journey", "show", "--client", "1", "--format", "json"],
    ));
    assert_eq!(show["stage"], 1);
    assert_eq!(show["status"], "prospect");
    assert_eq!(show["history"][0]["via"], "created");
    let list = &show["checklists"][0];
    assert_eq!(list["stage"], 1);
    assert_eq!(
        keys(&list["open_required"]),
        ["s1-source", "s1-company-info", "s1-contact"]
    );
    let item = &list["items"][0];
    for field in [
        "id", "key", "label_zh", "label_en", "required", "state", "done_on", "note",
    ] {
        assert!(item.get(field).is_some(), "item has {field}: {item}");
    }

    let ticked = json(&loandesk(
        &vault,
        &[
            "journey",
            "tick",
            "--client",
            "1",
            "--item",
            "s1-source",
            "--today",
            "2026-03-02",
        ],
    ));
    assert_eq!(
        (ticked["state"].as_str(), ticked["done_on"].as_str()),
        (Some("done"), Some("2026-03-02"))
    );

    // Refused: exit 3, the open items on stderr one per line and as JSON on stdout.
    let refused = loandesk(
        &vault,
        &["journey", "advance", "--client", "1", "--format", "json"],
    );
    assert_eq!(refused.status.code(), Some(3), "{}", stderr(&refused));
    let err = stderr(&refused);
    assert!(
        err.lines().any(|l| l == "s1-contact\t确定联系人及联系方式"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 3);
    let body: Value = serde_json::from_slice(&refused.stdout).unwrap();
    assert_eq!(body["code"], "gate_refused");
    assert_eq!(keys(&body["open"]), ["s1-company-info", "s1-contact"]);
    assert_eq!(
        body["open"][0]["label_en"],
        "Basic company information recorded (industry, size, region)"
    );
    let still = json(&loandesk(&vault, &["journey", "show", "--client", "1"]));
    assert_eq!(still["stage"], 1);

    let blank = loandesk(
        &vault,
        &["journey", "advance", "--client", "1", "--override", "  "],
    );
    assert_eq!(blank.status.code(), Some(2));
    let moved = json(&loandesk(
        &vault,
        &[
            "journey",
            "advance",
            "--client",
            "1",
            "--override",
            "客户急需资金，材料后补",
        ],
    ));
    assert_eq!(
        (moved["from"].as_u64(), moved["to"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(keys(&moved["skipped"]), ["s1-company-info", "s1-contact"]);
    let show = json(&loandesk(&vault, &["journey", "show", "--client", "1"]));
    assert_eq!(
        show["history"][1]["override_reason"],
        "客户急需资金，材料后补"
    );

    // An item a key does not name, a client that does not exist: errors, not crashes.
    let unknown = loandesk(
        &vault,
        &["journey", "tick", "--client", "1", "--item", "nope"],
    );
    assert_eq!(unknown.status.code(), Some(1));
    let nobody = loandesk(&vault, &["journey", "advance", "--client", "99"]);
    assert_eq!(nobody.status.code(), Some(1));
    assert!(stderr(&nobody).contains("not found"));
    let usage = loandesk(&vault, &["journey", "advance", "--client", "x"]);
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn funnel_json_and_bad_periods() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("demo.loandesk");
    json(&loandesk(&vault, &["demo", "--today", TODAY]));
    let funnel = json(&loandesk(
        &vault,
        &["journey", "funnel", "--to", TODAY, "--format", "json"],
    ));
    assert_eq!(funnel["to"], TODAY);
    let stages = funnel["stages"].as_array().unwrap();
    assert_eq!(stages.len(), 5);
    for (i, s) in stages.iter().enumerate() {
        assert_eq!(s["stage"], i + 1);
        assert!(s["entered"].as_u64().unwrap() > 0, "{s}");
        for field in [
            "advanced",
            "conversion",
            "median_days",
            "lost",
            "lost_reasons",
        ] {
            assert!(s.get(field).is_some(), "{field}");
        }
    }
    assert!(stages[4]["conversion"].is_null());
    let explicit = json(&loandesk(
        &vault,
        &[
            "journey",
            "funnel",
            "--from",
            "2000-01-01",
            "--to",
            "2000-12-31",
        ],
    ));
    assert_eq!(explicit["from"], "2000-01-01");
    assert_eq!(explicit["stages"][0]["entered"], 0);

    let reversed = loandesk(
        &vault,
        &[
            "journey",
            "funnel",
            "--from",
            "2026-02-01",
            "--to",
            "2026-01-01",
        ],
    );
    assert_eq!(reversed.status.code(), Some(2));
    let bad_date = loandesk(&vault, &["journey", "funnel", "--from", "2026-13-01"]);
    assert_eq!(bad_date.status.code(), Some(2));
}
