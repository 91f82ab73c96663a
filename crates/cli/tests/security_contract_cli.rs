//! The issue-14 CLI contract: credit lines with their uses (`facilities`), collateral with its
//! valuations (`collateral`), guarantors (`guarantors`), and what they show in `loans show`
//! and `reminders`. Bad input exits 2 with one line and changes nothing.
#![allow(clippy::unwrap_used)]
mod common;

use std::path::{Path, PathBuf};

use common::{json, loandesk, refused, run};
use rust_decimal::Decimal;
use serde_json::Value;

fn vault_with_client(dir: &Path) -> (PathBuf, String) {
    let vault = dir.join("security.loandesk");
    json(&loandesk(&vault, &["vault", "create", "--format", "json"]));
    let added = json(&loandesk(
        &vault,
        &[
            "clients",
            "add",
            "--name",
            "苏州恒远精密机械有限公司",
            "--format",
            "json",
        ],
    ));
    (vault, added["id"].as_i64().unwrap().to_string())
}

/// `base` followed by `extra`.
fn with<'a>(base: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
    let mut all = base.to_vec();
    all.extend(extra);
    all
}

fn dec(v: &Value) -> Decimal {
    v.as_str().unwrap().parse().unwrap()
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn id_of(v: &Value) -> String {
    v["id"].as_i64().unwrap().to_string()
}

/// The day every command here works as of.
const TODAY: &str = "2026-03-20";

/// 10,000,000 for twelve months at 4 %, repaid at maturity, from 2026-03-10.
fn ten_million(start: &'static str) -> Vec<&'static str> {
    vec![
        "--principal",
        "10000000",
        "--rate",
        "4",
        "--months",
        "12",
        "--method",
        "bullet",
        "--start",
        start,
    ]
}

fn book(vault: &Path, client: &str, contract: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "loans",
        "book",
        "--client",
        client,
        "--contract",
        contract,
        "--today",
        TODAY,
    ];
    args.extend(ten_million("2026-03-10"));
    args.extend(extra);
    run(vault, &args)
}

/// The issue's line: 30,000,000, revolving, for 2026.
fn line(vault: &Path, client: &str) -> String {
    let added = run(
        vault,
        &[
            "facilities",
            "add",
            "--client",
            client,
            "--amount",
            "30000000",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--revolving",
        ],
    );
    id_of(&added)
}

fn show_facility(vault: &Path, facility: &str) -> Value {
    run(vault, &["facilities", "show", "--facility", facility])
}

fn show_loan(vault: &Path, loan: &str) -> Value {
    run(vault, &["loans", "show", "--loan", loan, "--today", TODAY])
}

#[test]
fn the_issues_line_a_loan_and_an_acceptance_with_margin() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = vault_with_client(dir.path());
    let facility = line(&vault, &client);
    let loan = book(&vault, &client, "HT-F-1", &["--facility", &facility]);
    let used = run(
        &vault,
        &[
            "facilities",
            "use",
            "--facility",
            &facility,
            "--kind",
            "acceptance",
            "--amount",
            "5000000",
            "--margin-percent",
            "40",
            "--on",
            "2026-03-15",
            "--today",
            TODAY,
        ],
    );
    let use_id = id_of(&used);

    let f = show_facility(&vault, &facility);
    for field in [
        "id",
        "amount",
        "used",
        "exposure",
        "available",
        "from",
        "to",
        "revolving",
        "loans",
        "uses",
    ] {
        assert!(f.get(field).is_some(), "{field} missing: {f}");
    }
    assert_eq!(id_of(&f), facility);
    assert_eq!(dec(&f["amount"]), d("30000000"));
    assert_eq!(dec(&f["used"]), d("13000000"));
    assert_eq!(dec(&f["exposure"]), d("3000000"));
    assert_eq!(dec(&f["available"]), d("17000000"));
    assert_eq!(f["from"], "2026-01-01");
    assert_eq!(f["to"], "2026-12-31");
    assert_eq!(f["revolving"], true);
    assert_eq!(f["loans"].as_array().unwrap().len(), 1);
    assert_eq!(f["loans"][0]["id"], loan["id"]);
    let uses = f["uses"].as_array().unwrap();
    assert_eq!(uses.len(), 1);
    assert_eq!(uses[0]["kind"], "acceptance");
    assert_eq!(dec(&uses[0]["exposure"]), d("3000000"));
    assert_eq!(dec(&uses[0]["margin_percent"]), d("40"));

    let listed = run(&vault, &["facilities", "list", "--client", &client]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0], f);

    // The acceptance is paid: a revolving line has the room again.
    let closed = run(
        &vault,
        &[
            "facilities",
            "close-use",
            "--facility",
            &facility,
            "--use",
            &use_id,
            "--on",
            "2026-03-18",
            "--today",
            TODAY,
        ],
    );
    assert_eq!(dec(&closed["available"]), d("20000000"));
    assert_eq!(closed["uses"][0]["closed_on"], "2026-03-18");
    assert_eq!(closed, show_facility(&vault, &facility));
}

#[test]
fn drawings_the_line_cannot_carry_exit_2_and_store_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = vault_with_client(dir.path());
    let facility = line(&vault, &client);
    book(&vault, &client, "HT-F-1", &["--facility", &facility]);
    let use_args = |amount: &'static str, on: &'static str| {
        vec![
            "facilities",
            "use",
            "--facility",
            facility.as_str(),
            "--kind",
            "guarantee",
            "--amount",
            amount,
            "--on",
            on,
            "--today",
            TODAY,
        ]
    };
    run(&vault, &use_args("5000000", "2026-03-15"));
    let before = show_facility(&vault, &facility);
    assert_eq!(dec(&before["available"]), d("15000000"));

    // A 20,000,000 loan on a line with 15,000,000 left.
    let mut too_big = vec![
        "loans",
        "book",
        "--client",
        client.as_str(),
        "--contract",
        "HT-F-2",
        "--today",
        TODAY,
        "--facility",
        facility.as_str(),
    ];
    too_big.extend([
        "--principal",
        "20000000",
        "--rate",
        "4",
        "--months",
        "12",
        "--method",
        "bullet",
        "--start",
        "2026-03-10",
    ]);
    let err = refused(&vault, &too_big);
    assert!(err.contains("Above what is available"), "{err}");
    let loans = run(&vault, &["loans", "list", "--client", &client]);
    assert_eq!(loans.as_array().unwrap().len(), 1, "{loans}");

    // A use above what is available, one before the line starts, an unknown kind, a
    // negative amount, a margin above 100 %, an unknown line.
    let err = refused(&vault, &use_args("15000000.01", "2026-03-15"));
    assert!(err.contains("Above what is available"), "{err}");
    let err = refused(&vault, &use_args("1000", "2025-12-31"));
    assert!(err.contains("Outside the credit line"), "{err}");
    let mut bad_kind = use_args("1000", "2026-03-15");
    bad_kind[5] = "cheque";
    let err = refused(&vault, &bad_kind);
    assert!(err.contains("acceptance") && err.contains("lc"), "{err}");
    let err = refused(&vault, &use_args("-1000", "2026-03-15"));
    assert!(err.contains("amount"), "{err}");
    let mut bad_margin = use_args("1000", "2026-03-15");
    bad_margin.extend(["--margin-percent", "101"]);
    let err = refused(&vault, &bad_margin);
    assert!(err.contains("margin_percent"), "{err}");
    let mut unknown = use_args("1000", "2026-03-15");
    unknown[3] = "99";
    refused(&vault, &unknown);
    refused(&vault, &["facilities", "show", "--facility", "99"]);

    // A line that ends before it starts, a line for nobody.
    let bad_line = |client: &'static str, amount: &'static str, to: &'static str| {
        vec![
            "facilities",
            "add",
            "--client",
            client,
            "--amount",
            amount,
            "--from",
            "2026-01-01",
            "--to",
            to,
        ]
    };
    refused(&vault, &bad_line("1", "1000", "2025-12-31"));
    refused(&vault, &bad_line("1", "-1000", "2026-12-31"));
    refused(&vault, &bad_line("99", "1000", "2026-12-31"));

    assert_eq!(show_facility(&vault, &facility), before);
    let listed = run(&vault, &["facilities", "list", "--client", &client]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
}

#[test]
fn collateral_capacity_shortfall_revaluation_and_the_shortfall_reminder() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = vault_with_client(dir.path());
    let loan = id_of(&book(&vault, &client, "HT-C-1", &[]));
    let added = run(
        &vault,
        &[
            "collateral",
            "add",
            "--loan",
            &loan,
            "--kind",
            "property",
            "--value",
            "16000000",
            "--valued-on",
            "2026-03-01",
            "--owner",
            "苏州恒远精密机械有限公司",
            "--registration-no",
            "苏(2026)苏州市不动产证明第0012345号",
            "--registered-until",
            "2029-03-09",
            "--description",
            "厂房 A 栋",
            "--source",
            "评估公司",
            "--today",
            TODAY,
        ],
    );
    let item = id_of(&added);
    let security = &show_loan(&vault, &loan)["security"];
    assert_eq!(dec(&security["capacity"]), d("11200000"));
    assert_eq!(dec(&security["shortfall"]), Decimal::ZERO);
    assert_eq!(dec(&security["coverage_percent"]), d("112"));
    assert_eq!(security["collateral"][0]["cap_percent"], "70");
    assert_eq!(
        security["collateral"][0]["registration_no"],
        "苏(2026)苏州市不动产证明第0012345号"
    );
    let reminders = run(&vault, &["reminders", "--today", TODAY]);
    assert!(
        !reminders
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["kind"] == "shortfall"),
        "{reminders}"
    );

    let revalued = run(
        &vault,
        &[
            "collateral",
            "revalue",
            "--id",
            &item,
            "--value",
            "12000000",
            "--valued-on",
            "2026-03-18",
            "--source",
            "复评",
            "--today",
            TODAY,
        ],
    );
    assert_eq!(id_of(&revalued), item);
    assert_eq!(dec(&revalued["value"]), d("12000000"));
    assert_eq!(dec(&revalued["lendable"]), d("8400000"));
    let valuations = revalued["valuations"].as_array().unwrap();
    assert_eq!(valuations.len(), 2);
    assert_eq!(dec(&valuations[0]["value"]), d("16000000"));
    assert_eq!(valuations[1]["valued_on"], "2026-03-18");

    let shown = show_loan(&vault, &loan);
    let security = &shown["security"];
    let outstanding = dec(&shown["outstanding_principal"]);
    let shortfall = outstanding - d("8400000");
    assert_eq!(dec(&security["capacity"]), d("8400000"));
    assert_eq!(dec(&security["shortfall"]), shortfall);
    assert!(security["coverage_percent"].is_string(), "{security}");
    assert_eq!(dec(&security["coverage_percent"]), d("84"));
    assert_eq!(security["collateral"][0], revalued);

    let reminders = run(&vault, &["reminders", "--today", TODAY]);
    let found: Vec<&Value> = reminders
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "shortfall")
        .collect();
    assert_eq!(found.len(), 1, "{reminders}");
    assert_eq!(dec(&found[0]["amount"]), shortfall);
    assert_eq!(found[0]["contract_no"], "HT-C-1");

    // Listed by loan and by client alike; archived, it leaves the capacity.
    let by_loan = run(&vault, &["collateral", "list", "--loan", &loan]);
    let by_client = run(&vault, &["collateral", "list", "--client", &client]);
    assert_eq!(by_loan, by_client);
    assert_eq!(by_loan.as_array().unwrap().len(), 1);
    let archived = run(
        &vault,
        &["collateral", "archive", "--id", &item, "--today", TODAY],
    );
    assert_eq!(archived["archived_on"], TODAY);
    assert_eq!(
        dec(&show_loan(&vault, &loan)["security"]["capacity"]),
        Decimal::ZERO
    );
}

#[test]
fn guarantors_with_a_checked_credit_code() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = vault_with_client(dir.path());
    let loan = id_of(&book(&vault, &client, "HT-G-1", &[]));
    let first17 = "91320500MA1MX8ND5";
    let check = loandesk_core::clients::credit_code::check_character(first17.as_bytes()).unwrap();
    let good = format!("{first17}{check}");
    let wrong = if check == '0' { '1' } else { '0' };
    let bad = format!("{first17}{wrong}");
    let add = |code: &str| -> Vec<String> {
        [
            "guarantors",
            "add",
            "--loan",
            &loan,
            "--name",
            "苏州恒远控股集团有限公司",
            "--credit-code",
            code,
            "--kind",
            "joint",
            "--limit",
            "5000000",
            "--from",
            "2026-03-10",
            "--to",
            "2030-03-09",
            "--relation",
            "母公司",
        ]
        .map(String::from)
        .to_vec()
    };
    let a = add(&bad);
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let err = refused(&vault, &a);
    assert!(err.contains("credit_code"), "{err}");
    assert_eq!(
        show_loan(&vault, &loan)["security"]["guarantors"],
        serde_json::json!([])
    );

    let a = add(&good);
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let added = run(&vault, &a);
    let person = run(
        &vault,
        &[
            "guarantors",
            "add",
            "--loan",
            &loan,
            "--name",
            "张伟",
            "--person",
            "--kind",
            "general",
            "--relation",
            "法定代表人",
        ],
    );
    let guarantors = show_loan(&vault, &loan)["security"]["guarantors"].clone();
    let list = guarantors.as_array().unwrap();
    assert_eq!(list.len(), 2, "{guarantors}");
    assert_eq!(list[0]["id"], added["id"]);
    assert_eq!(list[0]["kind"], "joint");
    assert_eq!(list[0]["party"], "company");
    assert_eq!(list[0]["credit_code"], good.as_str());
    assert_eq!(dec(&list[0]["limit"]), d("5000000"));
    assert_eq!(list[0]["relation"], "母公司");
    assert_eq!(list[1]["id"], person["id"]);
    assert_eq!(list[1]["kind"], "general");
    assert_eq!(list[1]["party"], "person");
    assert_eq!(
        run(&vault, &["guarantors", "list", "--loan", &loan]),
        guarantors
    );

    // An unknown kind names the kinds; a person has no credit code; no name; an unknown loan.
    let base = [
        "guarantors",
        "add",
        "--loan",
        loan.as_str(),
        "--name",
        "某某",
    ];
    let err = refused(&vault, &with(&base, &["--kind", "several"]));
    assert!(err.contains("joint") && err.contains("general"), "{err}");
    let err = refused(
        &vault,
        &with(
            &base,
            &["--kind", "joint", "--person", "--credit-code", &good],
        ),
    );
    assert!(err.contains("credit_code"), "{err}");
    let err = refused(&vault, &with(&base, &["--kind", "joint", "--limit", "-1"]));
    assert!(err.contains("limit"), "{err}");
    refused(
        &vault,
        &[
            "guarantors",
            "add",
            "--loan",
            "99",
            "--name",
            "某某",
            "--kind",
            "joint",
        ],
    );
    refused(&vault, &["guarantors", "list", "--loan", "99"]);
    assert_eq!(
        show_loan(&vault, &loan)["security"]["guarantors"],
        guarantors
    );
}

#[test]
fn bad_collateral_exits_2_with_one_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client) = vault_with_client(dir.path());
    let loan = id_of(&book(&vault, &client, "HT-B-1", &[]));
    let base = [
        "collateral",
        "add",
        "--loan",
        loan.as_str(),
        "--valued-on",
        "2026-03-01",
        "--today",
        TODAY,
    ];
    let item = id_of(&run(
        &vault,
        &with(&base, &["--kind", "equipment", "--value", "2000000"]),
    ));
    let before = show_loan(&vault, &loan);
    assert_eq!(dec(&before["security"]["capacity"]), d("1000000"));

    let err = refused(
        &vault,
        &with(&base, &["--kind", "house", "--value", "1000"]),
    );
    for kind in [
        "property",
        "land",
        "equipment",
        "vehicle",
        "inventory",
        "receivables",
        "deposit",
        "equity",
        "ip",
    ] {
        assert!(err.contains(kind), "{kind}: {err}");
    }
    let err = refused(
        &vault,
        &with(&base, &["--kind", "land", "--value", "-1000"]),
    );
    assert!(err.contains("value"), "{err}");
    let err = refused(
        &vault,
        &with(
            &base,
            &["--kind", "land", "--value", "1000", "--cap-percent", "101"],
        ),
    );
    assert!(err.contains("cap_percent"), "{err}");
    let err = refused(
        &vault,
        &with(
            &base,
            &["--kind", "land", "--value", "1000", "--prior-lien", "-5"],
        ),
    );
    assert!(err.contains("prior_lien"), "{err}");
    let err = refused(&vault, &with(&base, &["--kind", "land", "--value", "abc"]));
    assert!(err.contains("value"), "{err}");
    let mut future = with(&base, &["--kind", "land", "--value", "1000"]);
    future[5] = "2026-04-01";
    let err = refused(&vault, &future);
    assert!(err.contains("valued_on"), "{err}");
    let mut unknown_loan = with(&base, &["--kind", "land", "--value", "1000"]);
    unknown_loan[3] = "99";
    refused(&vault, &unknown_loan);

    // A revaluation in the future, dated before the latest, negative; an unknown item.
    let revalue = |id: &str, value: &str, on: &str| -> Vec<String> {
        [
            "collateral",
            "revalue",
            "--id",
            id,
            "--value",
            value,
            "--valued-on",
            on,
            "--today",
            TODAY,
        ]
        .map(String::from)
        .to_vec()
    };
    let refused_owned = |a: Vec<String>| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        refused(&vault, &a)
    };
    let err = refused_owned(revalue(&item, "1000", "2026-04-01"));
    assert!(err.contains("valued_on"), "{err}");
    let err = refused_owned(revalue(&item, "1000", "2026-02-01"));
    assert!(err.contains("valued_on"), "{err}");
    let err = refused_owned(revalue(&item, "-1000", "2026-03-10"));
    assert!(err.contains("value"), "{err}");
    refused_owned(revalue("99", "1000", "2026-03-10"));
    refused(&vault, &["collateral", "archive", "--id", "99"]);
    refused(&vault, &["collateral", "list", "--loan", "99"]);
    refused(&vault, &["collateral", "list", "--client", "99"]);

    let after = show_loan(&vault, &loan);
    assert_eq!(after["security"], before["security"]);
    let listed = run(&vault, &["collateral", "list", "--loan", &loan]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(
        listed[0]["valuations"].as_array().unwrap().len(),
        1,
        "{listed}"
    );
}
