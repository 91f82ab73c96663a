//! `loandesk schedule` run as a user runs it: the built binary, its JSON, CSV, table and exit
//! codes.
#![allow(clippy::unwrap_used)]
mod common;

use std::process::Output;

use serde_json::Value;

/// `loandesk schedule ARGS` (no vault needed).
fn run(args: &[&str]) -> Output {
    common::cli(&[&["schedule"], args].concat())
}

const REFERENCE: &[&str] = common::REFERENCE_TERMS;

fn with(extra: &[&'static str]) -> Vec<&'static str> {
    let mut args = REFERENCE.to_vec();
    args.extend_from_slice(extra);
    args
}

fn json(args: &[&str]) -> Value {
    let out = run(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Exit code 2 and exactly one stderr line that names the option.
fn assert_bad(args: &[&str], flag: &str) {
    let out = run(args);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    assert!(
        stderr.starts_with(&format!("error: {flag}: ")),
        "{args:?}: {stderr}"
    );
    assert!(out.stdout.is_empty());
}

fn is_money(v: &Value) -> bool {
    let s = v.as_str().unwrap_or("");
    let (whole, fraction) = s.split_once('.').unwrap_or(("", ""));
    !whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()) && fraction.len() == 2
}

#[test]
fn reference_schedule_as_json() {
    let v = json(REFERENCE);
    let summary = &v["summary"];
    assert_eq!(summary["payment"], "5307.27");
    assert_eq!(summary["apr"], "4.90");
    assert_eq!(summary["apr_effective"], "5.01");
    assert_eq!(summary["principal_in_words"], "壹佰万元整");
    assert_eq!(summary["total_interest"], "910615.12");
    assert_eq!(summary["total_payment"], "1910615.12");
    let periods = v["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 360);
    let first = &periods[0];
    assert_eq!(first["period"], 1);
    assert_eq!(first["due_date"], "2026-02-15");
    assert_eq!(first["payment"], "5307.27");
    assert_eq!(first["principal"], "1223.94");
    assert_eq!(first["interest"], "4083.33");
    assert_eq!(first["balance"], "998776.06");
    assert_eq!(periods[359]["balance"], "0.00");
    for p in periods {
        for key in ["payment", "principal", "interest", "balance"] {
            assert!(is_money(&p[key]), "{key}: {}", p[key]);
        }
    }
    for key in [
        "payment",
        "total_interest",
        "total_payment",
        "apr",
        "apr_effective",
    ] {
        assert!(is_money(&summary[key]), "{key}: {}", summary[key]);
    }
    // JSON is the default: --format json gives the same bytes.
    assert_eq!(
        run(REFERENCE).stdout,
        run(&with(&["--format", "json"])).stdout
    );
}

#[test]
fn equal_principal_first_payment() {
    let mut args = REFERENCE.to_vec();
    args[7] = "equal-principal";
    let v = json(&args);
    assert_eq!(v["periods"][0]["payment"], "6861.11");
    assert_eq!(v["summary"]["payment"], "6861.11");
}

#[test]
fn every_method_balances_to_zero() {
    let methods = [
        "equal-installment",
        "equal-principal",
        "interest-only",
        "quarterly-interest",
        "bullet",
    ];
    for method in methods {
        let mut args = REFERENCE.to_vec();
        args[7] = method;
        args[5] = "24";
        let v = json(&args);
        let periods = v["periods"].as_array().unwrap();
        assert_eq!(periods.last().unwrap()["balance"], "0.00", "{method}");
        let count = match method {
            "quarterly-interest" => 8,
            "bullet" => 1,
            _ => 24,
        };
        assert_eq!(periods.len(), count, "{method}");
    }
}

#[test]
fn options_change_the_schedule() {
    let broken = json(&with(&["--repay-day", "21"]));
    assert_eq!(broken["periods"][0]["due_date"], "2026-02-21");
    assert_eq!(broken["periods"][0]["interest"], "5036.11");
    assert_eq!(broken["summary"]["payment"], "5307.27");

    let grace = json(&with(&["--grace-months", "6"]));
    assert_eq!(grace["periods"][5]["principal"], "0.00");
    assert_ne!(grace["periods"][6]["principal"], "0.00");

    let fee = json(&with(&["--fee", "10000"]));
    assert_eq!(fee["summary"]["payment"], "5307.27");
    assert!(fee["summary"]["apr"].as_str().unwrap() > "4.90");

    let lpr = [
        "--principal",
        "1000000",
        "--lpr",
        "3.45",
        "--spread-bp",
        "60",
        "--months",
        "360",
    ];
    let lpr = json(
        &[
            &lpr[..],
            &["--method", "equal-installment", "--start", "2026-01-15"],
        ]
        .concat(),
    );
    let mut fixed = REFERENCE.to_vec();
    fixed[3] = "4.05";
    assert_eq!(lpr, json(&fixed));

    let even = json(&with(&["--rounding", "half-even", "--day-count", "30-360"]));
    assert_eq!(even["summary"]["payment"], "5307.27");
}

#[test]
fn csv_and_table() {
    let out = run(&with(&["--format", "csv"]));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("period,due_date,payment,principal,interest,balance")
    );
    assert_eq!(
        lines.next(),
        Some("1,2026-02-15,5307.27,1223.94,4083.33,998776.06")
    );
    assert_eq!(text.lines().count(), 361);

    let out = run(&with(&["--format", "table"]));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().next().unwrap();
    assert!(
        header.contains("Due date") && header.contains("Balance"),
        "{header}"
    );
    let first = text.lines().nth(1).unwrap();
    assert!(
        first.contains("2026-02-15") && first.contains("5307.27") && first.contains("998776.06")
    );
    assert!(text.contains("壹佰万元整"));
    assert!(text.contains("4.90"));
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["--principal", "0"], "principal"),
        (&["--principal", "-100"], "principal"),
        (&["--principal", "abc"], "principal"),
        (&["--principal", "100.001"], "principal"),
        (&["--months", "0"], "months"),
        (&["--months", "601"], "months"),
        (&["--months", "twelve"], "months"),
        (&["--rate", "-1"], "rate"),
        (&["--rate", "100.5"], "rate"),
        (&["--method", "balloon"], "method"),
        (&["--start", "2026-02-30"], "start"),
        (&["--grace-months", "360"], "grace-months"),
        (&["--repay-day", "0"], "repay-day"),
        (&["--repay-day", "32"], "repay-day"),
        (&["--fee", "-1"], "fee"),
        (&["--fee", "1000000"], "fee"),
        (&["--day-count", "act/360"], "day-count"),
        (&["--rounding", "down"], "rounding"),
        (&["--format", "xml"], "format"),
        (&["--lpr", "3.45"], "rate"),
    ];
    for (change, flag) in cases {
        // Replace the reference value when the option is already there, else append it.
        let mut args: Vec<&str> = REFERENCE.to_vec();
        match args.iter().position(|a| a == &change[0]) {
            Some(i) => args[i + 1] = change[1],
            None => args.extend_from_slice(change),
        }
        assert_bad(&args, flag);
    }
    assert_bad(&REFERENCE[2..], "principal");
    let no_rate = [
        "--principal",
        "1000",
        "--months",
        "12",
        "--method",
        "bullet",
        "--start",
        "2026-01-15",
    ];
    assert_bad(&no_rate, "rate");
    assert_bad(
        &[&no_rate[..], &["--lpr", "3.45", "--spread-bp", "-400"]].concat(),
        "spread-bp",
    );
    assert_bad(&[&no_rate[..], &["--spread-bp", "60"]].concat(), "lpr");
}

/// Bad terms are refused before any file is written (the PDF itself: tests/export_cli.rs).
#[test]
fn pdf_is_not_written_for_bad_terms() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("schedule.pdf");
    let pdf = pdf.to_str().unwrap();
    let mut args: Vec<&str> = REFERENCE.to_vec();
    args.extend(["--pdf", pdf]);
    args[5] = "0";
    assert_eq!(args[4], "--months");
    assert_bad(&args, "months");
    assert!(!std::path::Path::new(pdf).exists());
}
