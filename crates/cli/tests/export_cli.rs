//! `loandesk export ...` and `loandesk schedule --pdf`: the built binary writes PDFs that
//! pdftotext reads back (poppler-utils); exit codes 1 for nothing to export, 2 for bad input.
#![allow(clippy::unwrap_used)]
mod common;
// The core's reader, which also works under Wine (scripts/test-windows.sh).
#[path = "../../core/tests/poppler/mod.rs"]
mod poppler;

use std::path::{Path, PathBuf};
use std::process::Output;

use chrono::NaiveDate;
use loandesk_core::clients::ClientInput;
use loandesk_core::loans::{LoanTerms, Method, Rate, ScenarioInput};
use loandesk_core::Vault;
use rust_decimal::Decimal;

use common::{cli, stderr, PASSWORD};

fn pdftotext(path: &Path) -> String {
    poppler::text(path)
}

/// Whether `text` holds `expected`, however pdftotext spaced the words.
fn has(text: &str, expected: &str) -> bool {
    let flat = |s: &str| s.split_whitespace().collect::<String>();
    flat(text).contains(&flat(expected))
}

fn terms(months: u32, method: Method) -> LoanTerms {
    LoanTerms {
        principal: Decimal::from(2_000_000),
        currency: "CNY".into(),
        term_months: months,
        rate: Rate::Fixed {
            annual_percent: Decimal::new(435, 2),
        },
        disbursement_date: NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
        repay_day: None,
        method,
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: Default::default(),
        rounding: Default::default(),
    }
}

/// A vault with a client holding three scenarios (the second proposed) and one with none.
fn vault(dir: &Path) -> (PathBuf, i64, i64) {
    let path = dir.join("export.loandesk");
    let mut v = Vault::create(&path, PASSWORD).unwrap();
    let with = v
        .create_client(
            &ClientInput::named("浙江明远新材料股份有限公司"),
            NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
    let without = v
        .create_client(
            &ClientInput::named("空白客户"),
            NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
    let scenarios = [
        ("A", terms(36, Method::EqualPrincipal), false),
        ("B", terms(60, Method::EqualInstallment), true),
        ("C", terms(24, Method::InterestOnly), false),
    ];
    for (label, terms, proposed) in scenarios {
        let input = ScenarioInput {
            id: None,
            label: label.into(),
            terms,
            proposed,
        };
        v.save_scenario(with, &input).unwrap();
    }
    v.set_officer_name("周晓东").unwrap();
    (path, with, without)
}

fn export(kind: &str, vault: &Path, client: i64, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "export".to_owned(),
        kind.to_owned(),
        "--vault".to_owned(),
        vault.display().to_string(),
        "--client".to_owned(),
        client.to_string(),
        "--out".to_owned(),
        out.display().to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    cli(&args)
}

#[test]
fn exports_from_a_vault() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, with, without) = vault(dir.path());

    let out = dir.path().join("schedule.pdf");
    let run = export("schedule", &vault, with, &out, &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(
        String::from_utf8_lossy(&run.stdout).trim(),
        out.display().to_string()
    );
    let text = pdftotext(&out);
    for expected in [
        "还款计划表",
        "借款人：浙江明远新材料股份有限公司",
        "等额本息",
        "60 个月",
        "客户经理 周晓东",
    ] {
        assert!(has(&text, expected), "missing {expected:?} in\n{text}");
    }

    let out = dir.path().join("proposal.pdf");
    let extra = [
        "--lang",
        "en",
        "--purpose",
        "Working capital for raw materials",
        "--risks",
        "Secured by receivables.",
        // A (id 1) and C (id 3) beside the proposed B; nothing is compared unless asked.
        "--compare",
        "1",
        "--compare",
        "3",
    ];
    let run = export("proposal", &vault, with, &out, &extra);
    assert!(run.status.success(), "{}", stderr(&run));
    let text = pdftotext(&out);
    for expected in [
        "Loan proposal",
        "浙江明远新材料股份有限公司",
        "Working capital for raw materials",
        "Secured by receivables.",
        "Option 1 (proposed) Option 2 Option 3",
        "Officer 周晓东",
    ] {
        assert!(has(&text, expected), "missing {expected:?} in\n{text}");
    }

    // Nothing saved for this client: exit 1, one line, no file.
    let out = dir.path().join("none.pdf");
    let run = export("proposal", &vault, without, &out, &[]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let expected = format!("error: client {without} has no saved loan scenario\n");
    assert_eq!(stderr(&run), expected);
    assert!(!out.exists());

    let run = export("schedule", &vault, 999, &out, &[]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_eq!(stderr(&run).lines().count(), 1);

    let run = export("schedule", &vault, with, &out, &["--lang", "fr"]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(stderr(&run).starts_with("error: lang: "));
    assert!(!out.exists());
}

#[test]
fn schedule_pdf_without_a_vault() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("quick.pdf");
    let out_arg = out.display().to_string();
    let pdf = ["--pdf", &out_arg, "--lang", "en", "--officer", "Li Ming"];
    let args = [&["schedule"], common::REFERENCE_TERMS, &pdf].concat();
    let run = cli(&args);
    assert!(run.status.success(), "{}", stderr(&run));
    let text = pdftotext(&out);
    for expected in [
        "Repayment schedule",
        "1 2026-02-15 5,307.27",
        "Officer Li Ming",
        "8 / 8",
    ] {
        assert!(has(&text, expected), "missing {expected:?} in\n{text}");
    }
    assert!(!has(&text, "Borrower"));

    let mut bad = args.to_vec();
    let lang = bad.len() - 3;
    bad[lang] = "fr";
    let run = cli(&bad);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(stderr(&run).lines().count(), 1, "{}", stderr(&run));
}

/// `--unit wan`: the proposal writes the loan in 万元 (issue 19), payments still to the fen.
#[test]
fn exports_the_loan_amount_in_the_chosen_unit() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, with, _) = vault(dir.path());
    let out = dir.path().join("proposal-wan.pdf");
    let run = export("proposal", &vault, with, &out, &["--unit", "wan"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let text = pdftotext(&out);
    assert!(has(&text, "200.00 万元"), "{text}");
    assert!(has(&text, "贰佰万元整"), "{text}");
    assert!(!has(&text, "CNY 2,000,000.00"), "{text}");

    let bad = export(
        "proposal",
        &vault,
        with,
        &dir.path().join("x.pdf"),
        &["--unit", "qian"],
    );
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
}
