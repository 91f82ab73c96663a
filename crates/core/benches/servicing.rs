//! Post-disbursement benchmark: 10,000 booked loans of 360 periods each (3.6 million periods),
//! signed over the last five years, repaid on time except one in eight with arrears. The
//! reminders and the portfolio must each compute in ≤ 100 ms in the core; one loan's view
//! (`loans show`), with penalty and compound interest accrued on its arrears, is timed too.
//!
//! `cargo bench -p loandesk-core --bench servicing` (BENCH_LOANS=N to change size). The seeded
//! vault is kept in the target dir, so only the first run pays for seeding.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Days, NaiveDate};
use loandesk_core::loans::{DayCount, LoanTerms, Method, Rate, Rounding};
use loandesk_core::servicing::{BookingInput, DisbursementInput};
use loandesk_core::Vault;

use common::{measure, ms};
use rust_decimal::Decimal;

const PASSWORD: &str = "benchmark password";
const ROUNDS: usize = 50;
const BUDGET_MS: f64 = 100.0;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn terms(i: usize, signed: NaiveDate) -> LoanTerms {
    LoanTerms {
        principal: Decimal::from(1_000_000 + 10_000 * (i % 300) as i64),
        currency: "CNY".into(),
        term_months: 360,
        rate: Rate::Fixed {
            annual_percent: Decimal::new(390 + (i % 60) as i64, 2),
        },
        disbursement_date: signed,
        repay_day: None,
        method: if i.is_multiple_of(2) {
            Method::EqualInstallment
        } else {
            Method::EqualPrincipal
        },
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: DayCount::default(),
        rounding: Rounding::default(),
    }
}

fn prepare(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join(format!(
        "servicing-{n}-v{}.db",
        loandesk_core::vault::schema_version()
    ));
    if path.exists() {
        return path;
    }
    let started = Instant::now();
    let tmp = path.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    let mut v = Vault::create(&tmp, PASSWORD).unwrap();
    let clients = loandesk_core::demo::clients(n, 7, today());
    let ids = v.create_clients(&clients, today()).unwrap();
    for (i, &client_id) in ids.iter().enumerate() {
        let signed = today() - Days::new((i * 7919 % 1826) as u64 + 1);
        let t = terms(i, signed);
        let loan = v
            .book_loan(
                &BookingInput {
                    client_id,
                    contract_no: format!("BENCH-{i:06}"),
                    signed_on: signed,
                    terms: Some(t.clone()),
                    disbursements: vec![DisbursementInput {
                        on: signed,
                        amount: t.principal,
                    }],
                    repayment_account: String::new(),
                    penalty: Default::default(),
                    reprice: Default::default(),
                    facility_id: None,
                },
                today(),
            )
            .unwrap();
        let view = v.booked_loan(loan, today()).unwrap();
        let due: Vec<_> = view
            .periods
            .iter()
            .filter(|p| p.due_on <= today())
            .collect();
        // One loan in eight stopped paying some periods ago.
        let stop = if i % 8 == 0 {
            due.len().saturating_sub(1 + i % 5)
        } else {
            due.len()
        };
        let payments: Vec<(NaiveDate, Decimal, &str)> = due[..stop]
            .iter()
            .map(|p| (p.due_on, p.principal + p.interest, ""))
            .collect();
        if !payments.is_empty() {
            v.record_repayments(loan, &payments, today()).unwrap();
        }
    }
    v.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    drop(v);
    std::fs::rename(&tmp, &path).unwrap();
    eprintln!("seeded {} in {:.1?}", path.display(), started.elapsed());
    path
}

fn main() {
    let n: usize = std::env::var("BENCH_LOANS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let path = prepare(Path::new(env!("CARGO_TARGET_TMPDIR")), n);
    let v = Vault::open(&path, PASSWORD).unwrap();
    let reminders = v.reminders(today(), 7).unwrap();
    let portfolio = v.portfolio(today(), "CNY").unwrap();
    println!(
        "\n{n} booked loans × 360 periods (encrypted vault): {} reminders, {} loans in the portfolio, {} outstanding",
        reminders.len(),
        portfolio.loans,
        portfolio.outstanding
    );
    println!(
        "{:<28} {:>9} {:>9} {:>9}",
        "case", "p50 ms", "p95 ms", "max ms"
    );
    let mut over = false;
    type Case<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let cases: Vec<Case> = vec![
        (
            "reminders (7 days)",
            Box::new(|| drop(std::hint::black_box(v.reminders(today(), 7).unwrap()))),
        ),
        (
            "portfolio (CNY)",
            Box::new(|| drop(std::hint::black_box(v.portfolio(today(), "CNY").unwrap()))),
        ),
        (
            "one loan view (360 periods)",
            Box::new(|| {
                drop(std::hint::black_box(
                    v.booked_loan(n as i64 / 2, today()).unwrap(),
                ))
            }),
        ),
        // Loan 9 (index 8) stopped paying: its view accrues penalty and compound interest.
        (
            "overdue loan view (penalty)",
            Box::new(|| drop(std::hint::black_box(v.booked_loan(9, today()).unwrap()))),
        ),
    ];
    for (i, (name, f)) in cases.iter().enumerate() {
        let (p50, p95, max) = measure(ROUNDS, f);
        println!(
            "{name:<28} {:>9.2} {:>9.2} {:>9.2}",
            ms(p50),
            ms(p95),
            ms(max)
        );
        over |= i < 2 && ms(p95) > BUDGET_MS;
    }
    if over {
        println!("OVER BUDGET: reminders and portfolio must each be ≤ {BUDGET_MS} ms at p95");
    }
}
