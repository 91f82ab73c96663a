//! Properties of rescheduling on a real vault: after any sequence of prepayments, repricings
//! and extensions the principal parts still sum exactly to the principal, the balance ends at
//! 0.00, and paying the payoff amount closes the loan with nothing outstanding.
#![allow(clippy::unwrap_used)]
use chrono::{Days, NaiveDate};
use loandesk_core::clients::ClientInput;
use loandesk_core::loans::{DayCount, LoanTerms, LprTenor, Method, Rate, Rounding};
use loandesk_core::servicing::{
    BookingInput, DisbursementInput, LprRate, PenaltyTerms, PrepayFee, PrepayMode, PrepaymentInput,
    Reprice,
};
use loandesk_core::Vault;
use proptest::prelude::*;
use rust_decimal::Decimal;

#[derive(Debug, Clone)]
enum Op {
    /// Prepay this many thousandths of the outstanding principal on top of what is due.
    Prepay(u32, bool),
    Reprice,
    Extend(u32),
    /// Pay what is due.
    Pay,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (1u32..900, any::<bool>()).prop_map(|(f, s)| Op::Prepay(f, s)),
        Just(Op::Reprice),
        (1u32..24).prop_map(Op::Extend),
        Just(Op::Pay),
    ]
}

fn method() -> impl Strategy<Value = Method> {
    prop_oneof![
        Just(Method::EqualInstallment),
        Just(Method::EqualPrincipal),
        Just(Method::InterestOnly),
        Just(Method::QuarterlyInterest),
        Just(Method::Bullet),
    ]
}

fn check(v: &Vault, id: i64, principal: Decimal, on: NaiveDate) -> Result<(), TestCaseError> {
    let loan = v.booked_loan(id, on).unwrap();
    let sum: Decimal = loan.periods.iter().map(|p| p.principal).sum();
    prop_assert_eq!(sum, principal);
    prop_assert!(loan.periods.iter().all(|p| p.principal >= Decimal::ZERO));
    prop_assert!(loan.periods.iter().all(|p| p.interest >= Decimal::ZERO));
    prop_assert!(loan.periods.windows(2).all(|w| w[0].due_on <= w[1].due_on));
    // The stored schedule's own balance column ends at 0.00.
    let rows = v.version_schedule(id, loan.version).unwrap();
    let left = rows.iter().fold(principal, |b, r| b - r.2);
    prop_assert_eq!(left, Decimal::ZERO);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn principal_sums_and_the_balance_ends_at_zero_after_any_changes(
        principal in 10_000i64..5_000_000,
        months in 3u32..48,
        spread in -50i64..200,
        method in method(),
        ops in proptest::collection::vec((op(), 20u64..120), 1..6),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut v = Vault::create(&dir.path().join("p.loandesk"), "property pass 1").unwrap();
        let client = v.create_client(&ClientInput::named("山东鲁信机械有限公司"), "2025-01-01".parse().unwrap()).unwrap();
        for (on, percent) in [("2024-12-20", "3.10"), ("2025-12-22", "2.90"), ("2026-12-21", "3.30")] {
            v.set_lpr(&LprRate {
                published_on: on.parse().unwrap(),
                tenor: LprTenor::OneYear,
                percent: percent.parse().unwrap(),
            })
            .unwrap();
        }
        let start: NaiveDate = "2025-05-12".parse().unwrap();
        let principal = Decimal::new(principal * 100, 2);
        let terms = LoanTerms {
            principal,
            currency: "CNY".into(),
            term_months: months,
            rate: Rate::Lpr {
                tenor: LprTenor::OneYear,
                lpr_percent: "3.10".parse().unwrap(),
                spread_bp: Decimal::from(spread),
            },
            disbursement_date: start,
            repay_day: None,
            method,
            grace_months: 0,
            upfront_fee: Decimal::ZERO,
            day_count: DayCount::Act360,
            rounding: Rounding::HalfUp,
        };
        let id = v
            .book_loan(
                &BookingInput {
                    client_id: client,
                    contract_no: "PROP-1".into(),
                    signed_on: start,
                    terms: Some(terms),
                    disbursements: vec![DisbursementInput { on: start, amount: principal }],
                    repayment_account: String::new(),
                    penalty: PenaltyTerms::default(),
                    reprice: Reprice::Jan1,
                    facility_id: None,
                },
                start,
            )
            .unwrap();
        let mut on = start;
        for (op, gap) in ops {
            on = on + Days::new(gap);
            let loan = v.booked_loan(id, on).unwrap();
            if loan.closed_on.is_some() {
                break;
            }
            let done = match op {
                Op::Prepay(thousandths, shorten) => {
                    let extra = (loan.outstanding_principal * Decimal::from(thousandths)
                        / Decimal::from(1000))
                    .round_dp(2);
                    let input = PrepaymentInput {
                        on,
                        amount: loan.amount_due + extra.max(Decimal::new(1, 2)),
                        mode: if shorten { PrepayMode::ShortenTerm } else { PrepayMode::ReducePayment },
                        fee: PrepayFee::None,
                    };
                    v.prepay_loan(id, &input, on).is_ok()
                }
                Op::Reprice => {
                    let jan1 = NaiveDate::from_ymd_opt(chrono::Datelike::year(&on), 1, 1).unwrap();
                    v.reprice_loan(id, jan1, on).is_ok()
                }
                Op::Extend(m) => v.extend_loan(id, m, "展期", on).is_ok(),
                Op::Pay => {
                    if loan.amount_due > Decimal::ZERO {
                        v.record_repayment(id, on, loan.amount_due, "", on).unwrap();
                    }
                    true
                }
            };
            let _ = done;
            check(&v, id, principal, on)?;
        }
        // Paying the payoff amount closes the loan with nothing left.
        let loan = v.booked_loan(id, on).unwrap();
        if loan.closed_on.is_none() {
            v.record_repayment(id, on, loan.payoff_today, "结清", on).unwrap();
            let closed = v.booked_loan(id, on).unwrap();
            prop_assert_eq!(closed.outstanding_principal, Decimal::ZERO);
            prop_assert!(closed.closed_on.is_some());
            prop_assert_eq!(closed.overpaid, Decimal::ZERO);
        }
    }
}
