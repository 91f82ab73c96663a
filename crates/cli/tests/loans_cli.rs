//! `loandesk loans|reminders|portfolio` as scripts use them: JSON shapes and exit codes (2 for
//! bad input, which changes nothing). Dates are passed with --today, never read from the clock.
#![allow(clippy::unwrap_used)]
mod common;

use std::path::Path;

use common::{json, loandesk, stderr, TODAY};
use serde_json::Value;

/// The demo vault (dated up to TODAY, not the wall clock) and a stage-4 client with
/// a proposed loan that is not booked yet.
fn demo_with_proposal(dir: &Path) -> (std::path::PathBuf, i64) {
    let vault = dir.join("demo.loandesk");
    json(&loandesk(&vault, &["demo", "--today", TODAY]));
    let listed = json(&loandesk(
        &vault,
        &["clients", "list", "--stage", "4", "--format", "json"],
    ));
    let items = listed["items"]
        .as_array()
        .or(listed.as_array())
        .unwrap()
        .clone();
    let client = items
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .find(|id| {
            let out = loandesk(
                &vault,
                &[
                    "loans",
                    "list",
                    "--client",
                    &id.to_string(),
                    "--format",
                    "json",
                ],
            );
            json(&out).as_array().unwrap().is_empty()
        })
        .unwrap();
    (vault, client)
}

#[test]
fn book_repay_show_late_then_cured() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = demo_with_proposal(dir.path());
    let client = client.to_string();
    let booked = json(&loandesk(
        &vault,
        &[
            "loans",
            "book",
            "--client",
            &client,
            "--contract",
            "HT-CLI-001",
            "--signed",
            "2026-01-05",
            "--disbursement",
            "2026-01-05:3000000",
            "--account",
            "6222 1234",
            "--today",
            "2026-01-05",
            "--format",
            "json",
        ],
    ));
    let loan = booked["id"].as_i64().unwrap().to_string();
    assert_eq!(booked["contract_no"], "HT-CLI-001");
    assert_eq!(booked["outstanding_principal"], "3000000.00");
    let first = &booked["periods"][0];
    assert_eq!(first["status"], "upcoming");
    // The repayment day is the proposal's, so the first due date is read, not assumed; fifteen
    // days after it the period is late.
    let due: chrono::NaiveDate = first["due_on"].as_str().unwrap().parse().unwrap();
    assert!(due > chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
    let late_day = (due + chrono::Duration::days(15)).to_string();
    let late_day = late_day.as_str();
    let show = |today: &str| {
        json(&loandesk(
            &vault,
            &[
                "loans", "show", "--loan", &loan, "--today", today, "--format", "json",
            ],
        ))
    };
    let late = show(late_day);
    assert_eq!(late["periods"][0]["status"], "overdue");
    assert_eq!(late["periods"][0]["overdue_days"], 15);
    assert_eq!(late["overdue_days"], 15);
    assert_eq!(late["age_bucket"], "days1_to30");
    assert_eq!(late["suggested_classification"], "special_mention");

    let reminders = json(&loandesk(
        &vault,
        &["reminders", "--today", late_day, "--format", "json"],
    ));
    let overdue: Vec<&Value> = reminders
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "overdue" && r["contract_no"] == "HT-CLI-001")
        .collect();
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0]["overdue_days"], 15);

    // What is due includes the penalty and compound interest (罚息/复利) accrued since.
    let owed = late["amount_due"].as_str().unwrap().to_string();
    let repaid = json(&loandesk(
        &vault,
        &[
            "loans",
            "repay",
            "--loan",
            &loan,
            "--date",
            late_day,
            "--amount",
            &owed,
            "--note",
            "逾期还款",
            "--today",
            late_day,
            "--format",
            "json",
        ],
    ));
    assert_eq!(repaid["periods"][0]["status"], "paid");
    assert_eq!(repaid["overdue_days"], 0);
    assert_eq!(repaid["repayments"][0]["note"], "逾期还款");
    let reminders = json(&loandesk(
        &vault,
        &["reminders", "--today", late_day, "--format", "json"],
    ));
    assert!(!reminders
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["kind"] == "overdue" && r["contract_no"] == "HT-CLI-001"));

    let portfolio = json(&loandesk(
        &vault,
        &["portfolio", "--today", late_day, "--format", "json"],
    ));
    assert!(portfolio["loans"].as_u64().unwrap() >= 1);
    assert_eq!(portfolio["cash_in"].as_array().unwrap().len(), 12);
    let xlsx = dir.path().join("portfolio.xlsx");
    let out = loandesk(
        &vault,
        &[
            "portfolio",
            "--today",
            late_day,
            "--xlsx",
            xlsx.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(&std::fs::read(&xlsx).unwrap()[..2], b"PK");
}

#[test]
fn bad_input_exits_2_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = demo_with_proposal(dir.path());
    let client = client.to_string();
    let booked = json(&loandesk(
        &vault,
        &[
            "loans",
            "book",
            "--client",
            &client,
            "--contract",
            "HT-CLI-002",
            "--signed",
            "2026-03-01",
            "--today",
            "2026-03-01",
            "--format",
            "json",
        ],
    ));
    let loan = booked["id"].as_i64().unwrap().to_string();
    let before = json(&loandesk(
        &vault,
        &[
            "loans",
            "show",
            "--loan",
            &loan,
            "--today",
            "2026-04-10",
            "--format",
            "json",
        ],
    ));

    let cases: &[&[&str]] = &[
        &[
            "loans",
            "repay",
            "--loan",
            &loan,
            "--date",
            "2026-02-27",
            "--amount",
            "100",
            "--today",
            "2026-04-10",
        ],
        &[
            "loans",
            "repay",
            "--loan",
            &loan,
            "--date",
            "2026-04-01",
            "--amount",
            "-5",
            "--today",
            "2026-04-10",
        ],
        &[
            "loans",
            "repay",
            "--loan",
            &loan,
            "--date",
            "2026-04-01",
            "--amount",
            "abc",
            "--today",
            "2026-04-10",
        ],
        &[
            "loans",
            "repay",
            "--loan",
            "99999",
            "--date",
            "2026-04-01",
            "--amount",
            "100",
            "--today",
            "2026-04-10",
        ],
        &["loans", "show", "--loan", "99999"],
        &[
            "loans",
            "book",
            "--client",
            &client,
            "--contract",
            "HT-CLI-002",
            "--today",
            "2026-04-10",
        ],
        &[
            "loans",
            "book",
            "--client",
            "99999",
            "--contract",
            "X",
            "--today",
            "2026-04-10",
        ],
        &[
            "loans",
            "classify",
            "--loan",
            &loan,
            "--class",
            "excellent",
            "--reason",
            "x",
        ],
    ];
    for args in cases {
        let out = loandesk(&vault, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).is_empty());
    }
    let after = json(&loandesk(
        &vault,
        &[
            "loans",
            "show",
            "--loan",
            &loan,
            "--today",
            "2026-04-10",
            "--format",
            "json",
        ],
    ));
    assert_eq!(before, after);
}
