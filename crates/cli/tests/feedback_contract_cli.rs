//! The issue-16 CLI contract for the client's voice: `feedback add|list|resolve`, and the open
//! problems in `reminders`. A score outside 1–5, an unknown category or resolving a closed
//! problem exits 2 with one line and changes nothing.
#![allow(clippy::unwrap_used)]
mod common;

use std::path::{Path, PathBuf};

use common::{json, loandesk, refused, run};
use serde_json::Value;

fn vault_with_client(dir: &Path) -> (PathBuf, String) {
    let vault = dir.join("feedback.loandesk");
    json(&loandesk(&vault, &["vault", "create", "--format", "json"]));
    let added = run(
        &vault,
        &["clients", "add", "--name", "长沙湘江纺织有限公司"],
    );
    (vault, added["id"].as_i64().unwrap().to_string())
}

fn ids(v: &Value) -> Vec<i64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_i64().unwrap())
        .collect()
}

#[test]
fn feedback_is_added_with_its_problems_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = vault_with_client(dir.path());
    let added = run(
        &vault,
        &[
            "feedback",
            "add",
            "--client",
            &client,
            "--score",
            "2",
            "--mood",
            "焦虑",
            "--problem",
            "slow_approval:等了三周还没批",
            // A default's label and the full-width colon an officer types in Chinese.
            "--problem",
            "材料繁琐：要交的材料太多",
            "--need",
            "需要银承开票",
            "--date",
            "2026-03-02",
        ],
    );
    assert!(added["id"].as_i64().unwrap() > 0);
    let problem_ids = ids(&added["problems"]);
    assert_eq!(problem_ids.len(), 2);
    assert_eq!(ids(&added["needs"]).len(), 1);

    let list = run(&vault, &["feedback", "list", "--client", &client]);
    let f = &list[0];
    assert_eq!(f["id"], added["id"]);
    assert_eq!(f["score"], 2);
    assert_eq!(f["stage"], 1, "no --stage: the client's current stage");
    assert_eq!(f["mood"], "anxious");
    assert_eq!(f["date"], "2026-03-02");
    let problems = f["problems"].as_array().unwrap();
    let got: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p["category"].as_str().unwrap(), p["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("slow_approval", "等了三周还没批"),
            ("materials", "要交的材料太多")
        ]
    );
    assert_eq!(ids(&f["problems"]), problem_ids);
    assert!(problems.iter().all(|p| p["resolved_on"].is_null()));
    assert_eq!(f["needs"][0]["text"], "需要银承开票");
}

#[test]
fn refused_feedback_exits_2_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = vault_with_client(dir.path());
    run(
        &vault,
        &["feedback", "add", "--client", &client, "--score", "4"],
    );
    let before = run(&vault, &["feedback", "list", "--client", &client]);
    let add = |extra: &[&str]| {
        let mut args = vec!["feedback", "add", "--client", client.as_str()];
        args.extend(extra);
        refused(&vault, &args)
    };
    for (extra, says) in [
        (&["--score", "0"][..], "score"),
        (&["--score", "6"], "score"),
        (&["--score", "-1"], "score"),
        (&["--score", "300"], "score"),
        (&["--score", "four"], "score"),
        (&["--score", "3", "--stage", "6"], "stage"),
        (&["--score", "3", "--problem", "天气:下雨"], "category"),
        (
            // One bad problem refuses the whole record, the good one with it.
            &[
                "--score",
                "3",
                "--problem",
                "price:贵",
                "--problem",
                "nope:x",
            ],
            "category",
        ),
        (&["--score", "3", "--mood", "grumpy"], "mood"),
        (&["--score", "3", "--need", "  "], "need"),
    ] {
        let err = add(extra);
        assert!(err.contains(says), "{extra:?}: {err}");
    }
    let err = refused(
        &vault,
        &["feedback", "add", "--client", "999", "--score", "3"],
    );
    assert!(err.contains("client"), "{err}");
    assert_eq!(
        run(&vault, &["feedback", "list", "--client", &client]),
        before
    );
}

#[test]
fn a_problem_is_on_reminders_until_resolved_and_resolves_once() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = vault_with_client(dir.path());
    let added = run(
        &vault,
        &[
            "feedback",
            "add",
            "--client",
            &client,
            "--score",
            "3",
            "--problem",
            "communication:经办人换了没人通知",
            "--date",
            "2026-03-02",
        ],
    );
    let problem = ids(&added["problems"])[0].to_string();
    let open_problems = |today: &str| -> Vec<Value> {
        run(&vault, &["reminders", "--today", today])
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["kind"] == "open_problem")
            .cloned()
            .collect()
    };
    // Seven days (the default in Settings) after it was raised.
    assert!(open_problems("2026-03-08").is_empty());
    let due = open_problems("2026-03-09");
    assert_eq!(due.len(), 1);
    assert_eq!(due[0]["problem_id"].as_i64().unwrap().to_string(), problem);
    assert_eq!(due[0]["client_id"].as_i64().unwrap().to_string(), client);
    assert_eq!(due[0]["due_on"], "2026-03-09");

    let resolved = run(
        &vault,
        &[
            "feedback",
            "resolve",
            "--problem",
            &problem,
            "--note",
            "已指定新的客户经理并电话告知",
            "--date",
            "2026-03-10",
        ],
    );
    assert_eq!(resolved["resolved_on"], "2026-03-10");
    assert_eq!(resolved["resolution_note"], "已指定新的客户经理并电话告知");
    assert!(open_problems("2026-03-11").is_empty());

    let again = refused(
        &vault,
        &[
            "feedback",
            "resolve",
            "--problem",
            &problem,
            "--note",
            "again",
            "--today",
            "2026-03-12",
        ],
    );
    assert!(again.contains("problem"), "{again}");
    let list = run(&vault, &["feedback", "list", "--client", &client]);
    let p = &list[0]["problems"][0];
    assert_eq!(p["resolved_on"], "2026-03-10", "the first resolution stays");
    assert_eq!(p["resolution_note"], "已指定新的客户经理并电话告知");
    let unknown = refused(
        &vault,
        &["feedback", "resolve", "--problem", "999", "--note", "x"],
    );
    assert!(unknown.contains("problem"), "{unknown}");
}

#[test]
fn lifecycle_suggest_lists_and_apply_confirms_only_what_is_suggested() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("lifecycle.loandesk");
    json(&loandesk(&vault, &["vault", "create", "--format", "json"]));
    let added = run(
        &vault,
        &[
            "clients",
            "add",
            "--name",
            "株洲精工机械有限公司",
            "--tier",
            "A",
            "--today",
            "2026-01-01",
        ],
    );
    let client = added["id"].as_i64().unwrap();
    let suggest = |today: &str| run(&vault, &["lifecycle", "suggest", "--today", today]);
    // Tier A: 60 days without a touchpoint (from the day it was added) and no loan.
    assert_eq!(suggest("2026-03-01"), serde_json::json!([]));
    let list = suggest("2026-03-02");
    let s = &list[0];
    assert_eq!(
        (s["client_id"].as_i64(), &s["from"], &s["to"], &s["reason"]),
        (
            Some(client),
            &Value::from("prospect"),
            &Value::from("dormant"),
            &Value::from("no_contact")
        )
    );
    let dormant: Vec<Value> = run(&vault, &["reminders", "--today", "2026-03-02"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "dormant")
        .cloned()
        .collect();
    assert_eq!(dormant.len(), 1);
    assert_eq!(dormant[0]["client_id"].as_i64(), Some(client));

    let id = client.to_string();
    let apply = |to: &'static str| -> Vec<&str> {
        vec![
            "lifecycle",
            "apply",
            "--client",
            &id,
            "--to",
            to,
            "--today",
            "2026-03-02",
        ]
    };
    for to in ["loyal", "asleep"] {
        let err = refused(&vault, &apply(to));
        assert!(err.contains("to"), "{err}");
    }
    assert_eq!(suggest("2026-03-02"), list, "a refusal changes nothing");
    let applied = run(&vault, &apply("dormant"));
    assert_eq!(applied["to"], "dormant");
    let shown = run(&vault, &["clients", "show", &id]);
    assert_eq!(shown["client"]["status"], "dormant");
    assert_eq!(suggest("2026-03-02"), serde_json::json!([]));
}
