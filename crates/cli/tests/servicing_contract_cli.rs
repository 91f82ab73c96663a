//! The issue-13 CLI contract: booking from term flags with penalty and repricing terms,
//! penalty fields in `loans show`, prepay, the LPR table, reprice, extend, scenarios save.
//! Bad input exits 2 with one line and changes nothing.
#![allow(clippy::unwrap_used)]
mod common;

use std::path::{Path, PathBuf};

use common::{json, loandesk, refused, run};
use serde_json::Value;

fn vault_with_client(dir: &Path) -> (PathBuf, String) {
    let vault = dir.join("contract.loandesk");
    json(&loandesk(&vault, &["vault", "create", "--format", "json"]));
    let added = json(&loandesk(
        &vault,
        &[
            "clients",
            "add",
            "--name",
            "浙江嘉禾纺织有限公司",
            "--format",
            "json",
        ],
    ));
    (vault, added["id"].as_i64().unwrap().to_string())
}

fn dec(v: &Value) -> rust_decimal::Decimal {
    v.as_str().unwrap().parse().unwrap()
}

/// 1,000,000 for one month at 5 %, due Friday 2026-04-10.
const ONE_MILLION: &[&str] = &[
    "--principal",
    "1000000",
    "--rate",
    "5",
    "--months",
    "1",
    "--method",
    "bullet",
    "--start",
    "2026-03-10",
];

fn book(vault: &Path, client: &str, contract: &str, terms: &[&str], extra: &[&str]) -> Value {
    let mut args = vec![
        "loans",
        "book",
        "--client",
        client,
        "--contract",
        contract,
        "--today",
        "2026-03-10",
    ];
    args.extend(terms);
    args.extend(extra);
    run(vault, &args)
}

#[test]
fn book_from_terms_and_show_penalty_and_the_amount_due() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = vault_with_client(dir.path());
    let loan = book(
        &vault,
        &client,
        "HT-P-1",
        ONE_MILLION,
        &["--penalty-markup", "50"],
    );
    let id = loan["id"].as_i64().unwrap().to_string();
    assert_eq!(loan["penalty"]["markup_percent"], "50");
    let shown = run(
        &vault,
        &["loans", "show", "--loan", &id, "--today", "2026-04-20"],
    );
    let p = &shown["periods"][0];
    assert_eq!(dec(&p["penalty_interest"]), "2083.33".parse().unwrap());
    assert_eq!(dec(&p["compound_interest"]), "8.68".parse().unwrap());
    assert_eq!(dec(&shown["amount_due"]), "1006258.68".parse().unwrap());
    // Existing fields stay.
    assert_eq!(shown["overdue_days"], 10);
    assert!(shown["payoff_today"].is_string());
}

#[test]
fn a_booking_that_names_no_penalty_terms_takes_the_vaults_template() {
    use loandesk_core::servicing::{PenaltyBasis, PenaltyTerms};
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = vault_with_client(dir.path());
    let template = PenaltyTerms {
        markup_percent: "40".parse().unwrap(),
        basis: PenaltyBasis::Days365,
        ..PenaltyTerms::default()
    };
    let mut v = loandesk_core::Vault::open(&vault, common::PASSWORD).unwrap();
    v.set_penalty_terms_default(&template).unwrap();
    drop(v);
    let loan = book(&vault, &client, "HT-T-1", ONE_MILLION, &[]);
    assert_eq!(loan["penalty"]["markup_percent"], "40");
    assert_eq!(loan["penalty"]["basis"], "365");
    // A flag still wins over the template.
    let flagged = book(
        &vault,
        &client,
        "HT-T-2",
        ONE_MILLION,
        &["--penalty-markup", "30", "--penalty-basis", "360"],
    );
    assert_eq!(flagged["penalty"]["markup_percent"], "30");
    assert_eq!(flagged["penalty"]["basis"], "360");
}

#[test]
fn bad_bookings_exit_2_with_one_line_and_store_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = vault_with_client(dir.path());
    let base = [
        "loans",
        "book",
        "--client",
        client.as_str(),
        "--contract",
        "HT-BAD",
        "--today",
        "2026-03-10",
    ];
    let with = |extra: &[&'static str]| {
        let mut a: Vec<&str> = base.to_vec();
        a.extend(ONE_MILLION);
        a.extend(extra);
        a
    };
    let err = refused(&vault, &with(&["--penalty-markup", "60"]));
    assert!(err.contains("penalty_markup"), "{err}");
    refused(&vault, &with(&["--penalty-markup", "120", "--misuse"]));
    let err = refused(&vault, &with(&["--facility", "7"]));
    assert!(err.contains("facility 7"), "{err}");
    refused(&vault, &with(&["--reprice", "weekly"]));
    // Repricing needs a floating rate.
    refused(&vault, &with(&["--reprice", "jan1"]));
    let mut bad_months = base.to_vec();
    bad_months.extend(["--principal", "1000", "--rate", "5", "--months", "0"]);
    bad_months.extend(["--method", "bullet", "--start", "2026-03-10"]);
    let err = refused(&vault, &bad_months);
    assert!(err.contains("months"), "{err}");
    let listed = run(&vault, &["loans", "list", "--client", &client]);
    assert_eq!(listed.as_array().unwrap().len(), 0);
}

#[test]
fn prepay_makes_a_new_version_and_refuses_more_than_the_payoff() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = vault_with_client(dir.path());
    let terms = [
        "--principal",
        "120000",
        "--rate",
        "6",
        "--months",
        "12",
        "--method",
        "equal-principal",
        "--start",
        "2026-01-15",
    ];
    let loan = book(&vault, &client, "HT-PP", &terms, &[]);
    let id = loan["id"].as_i64().unwrap().to_string();
    let today = "2026-03-01";
    let before = run(&vault, &["loans", "show", "--loan", &id, "--today", today]);
    let payoff = before["payoff_today"].as_str().unwrap().to_string();
    let too_much = format!(
        "{}",
        dec(&before["payoff_today"]) + rust_decimal::Decimal::ONE
    );
    let args = |amount: &str, mode: &'static str| {
        vec![
            "loans".to_string(),
            "prepay".into(),
            "--loan".into(),
            id.clone(),
            "--date".into(),
            today.into(),
            "--amount".into(),
            amount.into(),
            "--mode".into(),
            mode.into(),
            "--today".into(),
            today.into(),
        ]
    };
    let strs = |v: &[String]| v.to_vec();
    let refused_owned = |v: Vec<String>| {
        let a: Vec<&str> = v.iter().map(String::as_str).collect();
        refused(&vault, &a)
    };
    let err = refused_owned(strs(&args(&too_much, "reduce-payment")));
    assert!(err.contains(&payoff) && err.contains("amount"), "{err}");
    refused_owned(strs(&args("1000", "sideways")));
    let same = run(&vault, &["loans", "show", "--loan", &id, "--today", today]);
    assert_eq!(same, before);

    // 10,600 due on 02-15 (unpaid: 14 days late), then the running interest, then principal.
    let a = args("50000", "reduce-payment");
    let mut a: Vec<&str> = a.iter().map(String::as_str).collect();
    a.extend(["--fee-percent", "1"]);
    let after = run(&vault, &a);
    assert_eq!(after["version"], 2);
    let principal: rust_decimal::Decimal = after["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| dec(&p["principal"]))
        .sum();
    assert_eq!(principal, "120000".parse().unwrap());
    // Same maturity, one row more (the prepayment's own).
    assert_eq!(after["periods"].as_array().unwrap().len(), 13);
    assert_eq!(after["periods"][12]["due_on"], "2027-01-15");
    assert!(dec(&after["outstanding_principal"]) < dec(&before["outstanding_principal"]));
    assert_eq!(dec(&after["amount_due"]), rust_decimal::Decimal::ZERO);
}

#[test]
fn lpr_table_reprice_and_extend() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = vault_with_client(dir.path());
    let terms = [
        "--principal",
        "600000",
        "--lpr",
        "3.45",
        "--spread-bp",
        "50",
        "--lpr-tenor",
        "1y",
        "--months",
        "24",
        "--method",
        "equal-installment",
        "--start",
        "2025-03-10",
    ];
    let mut args = vec![
        "loans",
        "book",
        "--client",
        client.as_str(),
        "--contract",
        "HT-LPR",
        "--today",
        "2025-03-10",
        "--reprice",
        "jan1",
    ];
    args.extend(terms);
    let loan = run(&vault, &args);
    let id = loan["id"].as_i64().unwrap().to_string();
    assert_eq!(loan["reprice"], "jan1");

    // No LPR published on or before the day: refused, nothing changes.
    let reprice = [
        "loans",
        "reprice",
        "--loan",
        &id,
        "--date",
        "2026-01-01",
        "--today",
        "2026-01-05",
    ];
    let err = refused(&vault, &reprice);
    assert!(err.contains("LPR"), "{err}");
    refused(
        &vault,
        &[
            "lpr",
            "set",
            "--date",
            "2025-12-22",
            "--tenor",
            "2y",
            "--percent",
            "3",
        ],
    );
    refused(
        &vault,
        &[
            "lpr",
            "set",
            "--date",
            "2025-12-22",
            "--tenor",
            "1y",
            "--percent",
            "-1",
        ],
    );
    assert_eq!(run(&vault, &["lpr", "list"]).as_array().unwrap().len(), 0);

    let csv = dir.path().join("lpr.csv");
    std::fs::write(
        &csv,
        "date,1y,5y\n2025-11-20,3.00,3.50\n2025-12-22,3.05,3.55\n",
    )
    .unwrap();
    let table = run(&vault, &["lpr", "import", csv.to_str().unwrap()]);
    assert_eq!(table.as_array().unwrap().len(), 4);
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "date,1y,5y\n2025-10-20,3.0,3.5\n2025-09-22,abc,3.5\n").unwrap();
    refused(&vault, &["lpr", "import", bad.to_str().unwrap()]);
    assert_eq!(run(&vault, &["lpr", "list"]).as_array().unwrap().len(), 4);
    let set = run(
        &vault,
        &[
            "lpr",
            "set",
            "--date",
            "2026-01-20",
            "--tenor",
            "1y",
            "--percent",
            "2.9",
        ],
    );
    assert_eq!(set[0]["published_on"], "2026-01-20");

    // Repriced on 2026-01-01 at the LPR of 2025-12-22 (3.05) + 0.50 = 3.55 %.
    let repriced = run(&vault, &reprice);
    assert_eq!(repriced["version"], 2);
    assert_eq!(repriced["terms"]["rate"]["lpr_percent"], "3.05");
    let principal: rust_decimal::Decimal = repriced["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| dec(&p["principal"]))
        .sum();
    assert_eq!(principal, "600000".parse().unwrap());
    // The same day twice: refused.
    refused(&vault, &reprice);

    // Extension: preview changes nothing; saving makes version 3 and at least 关注.
    let extend = [
        "loans",
        "extend",
        "--loan",
        &id,
        "--months",
        "6",
        "--reason",
        "经营周转困难",
        "--today",
        "2026-01-05",
    ];
    let mut preview = extend.to_vec();
    preview.push("--preview");
    let change = run(&vault, &preview);
    assert_eq!(change["new_maturity"], "2027-09-10");
    assert_eq!(change["old_maturity"], "2027-03-10");
    let shown = run(
        &vault,
        &["loans", "show", "--loan", &id, "--today", "2026-01-05"],
    );
    assert_eq!(shown["version"], 2);
    let extended = run(&vault, &extend);
    assert_eq!(extended["version"], 3);
    assert_eq!(extended["extended"], true);
    assert_ne!(extended["suggested_classification"], "pass");
    let mut no_reason = extend.to_vec();
    no_reason[7] = " ";
    refused(&vault, &no_reason);
}

#[test]
fn scenarios_save_from_term_flags_then_book_it() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = vault_with_client(dir.path());
    let mut args = vec![
        "scenarios",
        "save",
        "--client",
        client.as_str(),
        "--label",
        "方案一",
        "--proposed",
    ];
    args.extend(ONE_MILLION);
    let saved = run(&vault, &args);
    assert!(saved["id"].as_i64().is_some());
    assert_eq!(saved["proposed"], true);
    refused(
        &vault,
        &["scenarios", "save", "--client", &client, "--label", "空"],
    );
    let booked = run(
        &vault,
        &[
            "loans",
            "book",
            "--client",
            &client,
            "--contract",
            "HT-SC",
            "--signed",
            "2026-03-10",
            "--today",
            "2026-03-10",
        ],
    );
    assert_eq!(booked["terms"]["principal"], "1000000");
}
