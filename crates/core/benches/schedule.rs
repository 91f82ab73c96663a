//! Timings for a 360-period schedule of each method and for the APR, each beside a plain
//! binary-floating-point version of the same arithmetic, to show what exact money costs.
//! The float baseline lives only here: money in the product is exact.
//! `decimal/*` times the whole of `generate`: validation, rows, APR and 大写 of the principal.
use std::hint::black_box;
use std::str::FromStr;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use loandesk_core::loans::{
    generate, monthly_irr_near, DayCount, LoanTerms, Method, Rate, Rounding,
};
use rust_decimal::Decimal;

fn terms(method: Method) -> LoanTerms {
    LoanTerms {
        principal: Decimal::from(1_000_000),
        currency: "CNY".into(),
        term_months: 360,
        rate: Rate::Fixed {
            annual_percent: Decimal::from_str("4.9").unwrap_or_default(),
        },
        disbursement_date: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default(),
        repay_day: None,
        method,
        grace_months: 0,
        upfront_fee: Decimal::from(10_000),
        day_count: DayCount::Act360,
        rounding: Rounding::HalfUp,
    }
}

/// The float baseline: same rows (payment, principal, interest, balance), rounding to cents
/// with `round()`, no dates.
fn float_schedule(method: Method, principal: f64, annual: f64, n: usize) -> Vec<[f64; 4]> {
    let cents = |x: f64| (x * 100.0).round() / 100.0;
    let i = annual / 1200.0;
    let level = cents(principal * i * (1.0 + i).powi(n as i32) / ((1.0 + i).powi(n as i32) - 1.0));
    let part = cents(principal / n as f64);
    let mut balance = principal;
    let mut rows = Vec::with_capacity(n);
    let months: Vec<usize> = match method {
        Method::QuarterlyInterest => (1..=n).filter(|m| m % 3 == 0 || *m == n).collect(),
        Method::Bullet => vec![n],
        _ => (1..=n).collect(),
    };
    let mut from = 0;
    for m in months {
        let interest = cents(balance * i * (m - from) as f64);
        let paid = match method {
            _ if m == n => balance,
            Method::EqualInstallment => level - interest,
            Method::EqualPrincipal => part,
            _ => 0.0,
        };
        balance = cents(balance - paid);
        rows.push([paid + interest, paid, interest, balance]);
        from = m;
    }
    rows
}

/// Float IRR: Newton on the rate, as a spreadsheet would.
fn float_irr(advance: f64, payments: &[f64]) -> f64 {
    let mut r = 0.01;
    for _ in 0..50 {
        let (mut f, mut df) = (-advance, 0.0);
        let mut v = 1.0;
        for (k, c) in payments.iter().enumerate() {
            v /= 1.0 + r;
            f += c * v;
            df -= (k + 1) as f64 * c * v / (1.0 + r);
        }
        let step = f / df;
        r -= step;
        if step.abs() < 1e-12 {
            break;
        }
    }
    r
}

fn schedules(c: &mut Criterion) {
    let mut group = c.benchmark_group("schedule_360");
    for method in Method::ALL {
        let t = terms(*method);
        group.bench_function(format!("decimal/{}", method.as_str()), |b| {
            b.iter(|| generate(black_box(&t)))
        });
        group.bench_function(format!("f64/{}", method.as_str()), |b| {
            b.iter(|| float_schedule(*method, black_box(1_000_000.0), black_box(4.9), 360))
        });
    }
    group.finish();
}

fn apr(c: &mut Criterion) {
    let Ok(schedule) = generate(&terms(Method::EqualInstallment)) else {
        return;
    };
    let payments: Vec<Decimal> = schedule.periods.iter().map(|p| p.payment).collect();
    let advance = Decimal::from(990_000);
    // generate() starts from the contract rate / 12; so does this.
    let guess = Decimal::from_str("0.004083").unwrap_or_default();
    let floats: Vec<f64> = float_schedule(Method::EqualInstallment, 1_000_000.0, 4.9, 360)
        .iter()
        .map(|row| row[0])
        .collect();
    let mut group = c.benchmark_group("apr_360");
    group.bench_function("decimal", |b| {
        b.iter(|| monthly_irr_near(black_box(advance), black_box(&payments), guess))
    });
    group.bench_function("f64", |b| {
        b.iter(|| float_irr(black_box(990_000.0), black_box(&floats)))
    });
    group.finish();
}

criterion_group!(benches, schedules, apr);
criterion_main!(benches);
