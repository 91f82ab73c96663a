//! Property tests over random valid loan terms: the invariants every schedule must keep
//! whatever the method, dates, rounding or size of the loan.
#![allow(clippy::unwrap_used)]

use chrono::{Datelike, NaiveDate};
use loandesk_core::loans::{
    generate, DayCount, LoanTerms, Method, Rate, Rounding, Schedule, MAX_MONTHS,
};
use proptest::prelude::*;
use rust_decimal::prelude::MathematicalOps;
use rust_decimal::Decimal;

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(Method::ALL.to_vec())
}

fn start_date() -> impl Strategy<Value = NaiveDate> {
    // Days 28..=31 are over-weighted: month ends are where due dates go wrong.
    (2000i32..2100, 1u32..=12, prop_oneof![1u32..=31, 28u32..=31]).prop_map(|(y, m, d)| {
        (0..4)
            .find_map(|back| NaiveDate::from_ymd_opt(y, m, d - back))
            .unwrap()
    })
}

prop_compose! {
    fn terms()(
        // From 1 fen to the maximum, with small loans as likely as large ones.
        principal_fen in prop_oneof![1i64..100_000, 100_000i64..100_000_000, 100_000_000i64..=100_000_000_000_000],
        rate_bp in prop_oneof![Just(0i64), 1i64..=3_600, 3_600i64..=10_000],
        term_and_grace in (1u32..=MAX_MONTHS).prop_flat_map(|n| (Just(n), 0..n)),
        use_grace in any::<bool>(),
        method in method(),
        start in start_date(),
        repay_day in prop::option::of(1u32..=31),
        fee_per_mille in prop_oneof![Just(0i64), 0i64..500],
        day_count in prop::sample::select(DayCount::ALL.to_vec()),
        rounding in prop::sample::select(Rounding::ALL.to_vec()),
    ) -> LoanTerms {
        let principal = Decimal::new(principal_fen, 2);
        let (term_months, grace) = term_and_grace;
        LoanTerms {
            principal,
            currency: "CNY".into(),
            term_months,
            rate: Rate::Fixed { annual_percent: Decimal::new(rate_bp, 2) },
            disbursement_date: start,
            repay_day,
            method,
            grace_months: if use_grace { grace } else { 0 },
            upfront_fee: (principal * Decimal::new(fee_per_mille, 3)).round_dp(2),
            day_count,
            rounding,
        }
    }
}

fn check_balances(s: &Schedule) -> Result<(), TestCaseError> {
    let zero = Decimal::ZERO;
    let mut balance = s.terms.principal;
    let mut previous_due = s.terms.disbursement_date;
    for p in &s.periods {
        for amount in [p.payment, p.principal, p.interest, p.balance] {
            prop_assert!(
                amount >= zero && !amount.is_sign_negative(),
                "negative in {p:?}"
            );
            prop_assert_eq!(amount.scale(), 2, "not in fen: {:?}", p);
        }
        prop_assert_eq!(p.payment, p.principal + p.interest);
        balance -= p.principal;
        prop_assert_eq!(p.balance, balance);
        prop_assert!(p.due_date > previous_due, "due dates out of order: {p:?}");
        previous_due = p.due_date;
    }
    let principal: Decimal = s.periods.iter().map(|p| p.principal).sum();
    prop_assert_eq!(principal, s.terms.principal);
    prop_assert_eq!(s.periods.last().unwrap().balance.to_string(), "0.00");
    let interest: Decimal = s.periods.iter().map(|p| p.interest).sum();
    prop_assert_eq!(s.summary.total_interest, interest);
    prop_assert_eq!(s.summary.total_payment, interest + s.terms.principal);
    prop_assert!(s.summary.apr >= zero && s.summary.apr_effective >= s.summary.apr);
    Ok(())
}

/// P·i·(1+i)^n / ((1+i)^n − 1), unrounded, written out again here rather than borrowed.
fn closed_form(principal: Decimal, annual_percent: Decimal, months: u32) -> Decimal {
    let i = annual_percent / Decimal::from(1200);
    if i.is_zero() {
        return principal / Decimal::from(months);
    }
    let growth = (Decimal::ONE + i).powu(u64::from(months));
    principal * (i * growth / (growth - Decimal::ONE))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn schedules_balance_exactly(terms in terms()) {
        let schedule = generate(&terms).unwrap();
        check_balances(&schedule)?;
    }

    /// Every regular payment is the rounded closed form; only the period that clears the
    /// balance differs. Rounding drift compounds, so a tiny loan at a high rate over decades
    /// can clear early (later rows are then 0.00); realistic loans never do, see below.
    #[test]
    fn equal_installment_pays_the_closed_form(mut terms in terms()) {
        terms.method = Method::EqualInstallment;
        let schedule = generate(&terms).unwrap();
        let level = level_of(&terms);
        let broken = terms.effective_repay_day() != terms.disbursement_date.day();
        for (k, p) in schedule.periods.iter().enumerate() {
            let regular = k >= terms.grace_months as usize && !(k == 0 && broken);
            if regular && !p.balance.is_zero() {
                prop_assert!(
                    (p.payment - level).abs() <= Decimal::new(1, 2),
                    "period {}: {} vs closed form {}", p.number, p.payment, level
                );
            }
        }
    }

    /// From 10,000 up and at rates to 36 %, the balance lasts to the final period, so every
    /// payment but the last is within 0.01 of the closed form.
    #[test]
    fn realistic_loans_run_the_full_term(
        mut terms in terms(),
        principal_fen in 1_000_000i64..=100_000_000_000_000,
        rate_bp in 0i64..=3_600,
    ) {
        terms.method = Method::EqualInstallment;
        terms.principal = Decimal::new(principal_fen, 2);
        terms.upfront_fee = Decimal::ZERO;
        terms.rate = Rate::Fixed { annual_percent: Decimal::new(rate_bp, 2) };
        let schedule = generate(&terms).unwrap();
        let n = schedule.periods.len();
        prop_assert!(schedule.periods[..n - 1].iter().all(|p| !p.balance.is_zero()));
        prop_assert!(schedule.periods[n - 1].payment > Decimal::ZERO);
    }
}

fn level_of(terms: &LoanTerms) -> Decimal {
    closed_form(
        terms.principal,
        terms.rate.annual_percent(),
        terms.term_months - terms.grace_months,
    )
}
