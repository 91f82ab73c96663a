//! The issue-16 CLI contract for the journey map: `loandesk journey map --from D --to D` gives
//! per stage {stage, clients, avg_score, drop_off, problems: {CATEGORY: count}, open_problems,
//! closed_problems, feedback} and the tier × lifecycle `matrix`; `--export` writes CSV or XLSX;
//! bad dates, a period ending before it starts and an unknown export type exit 2. The vault is
//! written through the CLI (clients, feedback, resolutions); status changes, which the CLI only
//! makes as confirmed suggestions, through the core.
#![allow(clippy::unwrap_used)]
mod common;

use std::path::{Path, PathBuf};

use common::{json, loandesk, refused, run, PASSWORD};
use loandesk_core::clients::LifecycleStatus;
use loandesk_core::journey::StatusInput;
use serde_json::{json, Value};

const PERIOD: &[&str] = &[
    "journey",
    "map",
    "--from",
    "2026-01-01",
    "--to",
    "2026-03-31",
];

fn add_client(vault: &Path, name: &str, tier: &str, stage: &str, on: &str) -> String {
    let added = run(
        vault,
        &[
            "clients", "add", "--name", name, "--tier", tier, "--stage", stage, "--today", on,
        ],
    );
    added["id"].as_i64().unwrap().to_string()
}

/// Feedback through the CLI; the ids of its problems.
fn feedback(vault: &Path, client: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["feedback", "add", "--client", client];
    args.extend(extra);
    let added = run(vault, &args);
    added["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_i64().unwrap().to_string())
        .collect()
}

fn resolve(vault: &Path, problem: &str, on: &str) {
    run(
        vault,
        &[
            "feedback",
            "resolve",
            "--problem",
            problem,
            "--note",
            "已回复客户",
            "--date",
            on,
        ],
    );
}

/// c1 (A) in stage 1 from 01-05: scores 4, 5, 5 (materials twice, slow approval once).
/// c2 (B) created in stage 2 on 01-10: scores 1 and 2, price twice (one resolved 02-15, one
/// 04-10, after the period), communication open; activated on 02-10.
/// c3 (C) from 2025-12-01, loyal since 03-01; feedback 2025-12-15 (before the period).
fn vault_with_map(dir: &Path) -> PathBuf {
    let vault = dir.join("map.loandesk");
    json(&loandesk(&vault, &["vault", "create", "--format", "json"]));
    let c1 = add_client(&vault, "杭州钱塘精工有限公司", "A", "1", "2026-01-05");
    feedback(
        &vault,
        &c1,
        &[
            "--score",
            "4",
            "--problem",
            "materials:材料太多",
            "--problem",
            "slow_approval:审批等了三周",
            "--date",
            "2026-01-06",
        ],
    );
    feedback(
        &vault,
        &c1,
        &[
            "--score",
            "5",
            "--stage",
            "1",
            "--problem",
            "材料繁琐：还要补材料",
            "--date",
            "2026-01-10",
        ],
    );
    feedback(&vault, &c1, &["--score", "5", "--date", "2026-01-12"]);
    let c2 = add_client(&vault, "宁波港城物流有限公司", "B", "2", "2026-01-10");
    let p = feedback(
        &vault,
        &c2,
        &[
            "--score",
            "1",
            "--problem",
            "price:费率偏高",
            "--date",
            "2026-02-01",
        ],
    );
    resolve(&vault, &p[0], "2026-02-15");
    let p = feedback(
        &vault,
        &c2,
        &[
            "--score",
            "2",
            "--problem",
            "price:仍觉得贵",
            "--problem",
            "communication:回复慢",
            "--date",
            "2026-02-20",
        ],
    );
    resolve(&vault, &p[0], "2026-04-10");
    let c3 = add_client(&vault, "温州瓯江电器有限公司", "C", "1", "2025-12-01");
    feedback(
        &vault,
        &c3,
        &[
            "--score",
            "1",
            "--problem",
            "other:旧事",
            "--date",
            "2025-12-15",
        ],
    );

    let mut v = loandesk_core::Vault::open(&vault, PASSWORD).unwrap();
    let mut set = |client: &str, status, on: &str| {
        let input = StatusInput {
            status,
            lost_reason: None,
            note: String::new(),
        };
        v.set_status(client.parse().unwrap(), &input, on.parse().unwrap())
            .unwrap();
    };
    set(&c2, LifecycleStatus::Active, "2026-02-10");
    set(&c3, LifecycleStatus::Loyal, "2026-03-01");
    vault
}

fn stage(
    n: u8,
    clients: u32,
    avg: Value,
    problems: Value,
    open_closed: (u32, u32),
    fb: u32,
) -> Value {
    json!({
        "stage": n,
        "clients": clients,
        "avg_score": avg,
        "drop_off": 0,
        "problems": problems,
        "open_problems": open_closed.0,
        "closed_problems": open_closed.1,
        "feedback": fb,
    })
}

fn tier(t: &str, statuses: [u32; 5], groups: [u32; 3]) -> Value {
    json!({
        "tier": t,
        "prospect": statuses[0],
        "active": statuses[1],
        "loyal": statuses[2],
        "dormant": statuses[3],
        "lost": statuses[4],
        "acquisition": groups[0],
        "activation": groups[1],
        "retention": groups[2],
    })
}

#[test]
fn the_map_gives_exact_figures_per_stage_and_the_tier_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let vault = vault_with_map(dir.path());
    let map = run(&vault, PERIOD);
    let empty = || stage(0, 0, Value::Null, json!({}), (0, 0), 0);
    let mut expected_stages = vec![
        // 4, 5, 5 → 4.67 (the 2025-12-15 record is before the period).
        stage(
            1,
            1,
            json!(4.67),
            json!({"materials": 2, "slow_approval": 1}),
            (3, 0),
            3,
        ),
        // 1, 2 → 1.5; the price problem resolved 04-10 was open on 03-31.
        stage(
            2,
            1,
            json!(1.5),
            json!({"price": 2, "communication": 1}),
            (2, 1),
            2,
        ),
    ];
    for n in 3..=5u8 {
        let mut s = empty();
        s["stage"] = json!(n);
        expected_stages.push(s);
    }
    assert_eq!(
        map,
        json!({
            "from": "2026-01-01",
            "to": "2026-03-31",
            "stages": expected_stages,
            "matrix": [
                tier("A", [1, 0, 0, 0, 0], [1, 0, 0]),
                tier("B", [0, 1, 0, 0, 0], [1, 1, 0]),
                tier("C", [0, 0, 1, 0, 0], [0, 0, 1]),
            ],
        })
    );

    // The default period is the 12 months up to --today.
    let year = run(&vault, &["journey", "map", "--today", "2026-03-31"]);
    assert_eq!(year["from"], "2025-04-01");
    assert_eq!(year["to"], "2026-03-31");
    // 4, 5, 5, 1 → 3.75 with the December record.
    assert_eq!(year["stages"][0]["avg_score"], json!(3.75));

    let table = loandesk(&vault, &[PERIOD, &["--format", "table"]].concat());
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(table.status.success());
    assert!(
        text.contains("4.67") && text.contains("材料繁琐 2"),
        "{text}"
    );
    assert!(text.contains("获客"), "{text}");
}

#[test]
fn the_map_is_exported_as_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let vault = vault_with_map(dir.path());
    let csv = dir.path().join("map.csv");
    let csv_s = csv.to_str().unwrap();
    run(
        &vault,
        &[PERIOD, &["--export", csv_s, "--lang", "en"]].concat(),
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "Period,2026-01-01,2026-03-31");
    assert_eq!(
        lines[3],
        "1 Awareness,1,3,4.67,0,3,0,Too many documents 2; Slow approval 1"
    );
    assert!(lines.contains(&"B,0,1,0,0,0,1,1,0"), "{text}");

    let xlsx = dir.path().join("map.xlsx");
    run(
        &vault,
        &[PERIOD, &["--export", xlsx.to_str().unwrap()]].concat(),
    );
    let bytes = std::fs::read(&xlsx).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "an XLSX is a zip");
}

#[test]
fn bad_periods_and_export_types_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let vault = vault_with_map(dir.path());
    let err = refused(
        &vault,
        &[
            "journey",
            "map",
            "--from",
            "2026-03-31",
            "--to",
            "2026-01-01",
        ],
    );
    assert!(err.contains("to"), "{err}");
    // A date clap cannot read is a usage error: 2 as well.
    let out = loandesk(&vault, &["journey", "map", "--from", "2026-13-01"]);
    assert_eq!(out.status.code(), Some(2));
    let pdf = dir.path().join("map.pdf");
    refused(
        &vault,
        &[PERIOD, &["--export", pdf.to_str().unwrap()]].concat(),
    );
    assert!(!pdf.exists());
    refused(&vault, &[PERIOD, &["--lang", "fr"]].concat());
}
