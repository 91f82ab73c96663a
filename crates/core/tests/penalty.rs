//! Penalty and compound interest (罚息/复利, 银发〔2003〕251号) on a real vault: accrual from the
//! due date, the working-day grace, allocation order, waivers, the booking checks.
#![allow(clippy::unwrap_used)]
use chrono::NaiveDate;
use loandesk_core::clients::ClientInput;
use loandesk_core::loans::{DayCount, LoanTerms, Method, Rate, Rounding};
use loandesk_core::servicing::{
    AllocationPart, BookingInput, DisbursementInput, PenaltyBasis, PenaltyTerms, PeriodStatus,
    Reprice,
};
use loandesk_core::{Error, Vault};
use rust_decimal::Decimal;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    v: Vault,
    client: i64,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("v.loandesk"), "penalty pass 1").unwrap();
    let client = v
        .create_client(&ClientInput::named("江苏常润精工有限公司"), d("2026-01-01"))
        .unwrap();
    Fixture {
        _dir: dir,
        v,
        client,
    }
}

fn terms(principal: &str, percent: &str, months: u32, start: &str, method: Method) -> LoanTerms {
    LoanTerms {
        principal: dec(principal),
        currency: "CNY".into(),
        term_months: months,
        rate: Rate::Fixed {
            annual_percent: dec(percent),
        },
        disbursement_date: d(start),
        repay_day: None,
        method,
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: DayCount::Act360,
        rounding: Rounding::HalfUp,
    }
}

fn book(f: &mut Fixture, t: LoanTerms, penalty: PenaltyTerms) -> Result<i64, Error> {
    let on = t.disbursement_date;
    f.v.book_loan(
        &BookingInput {
            client_id: f.client,
            contract_no: format!("FX-{}", f.v.client_loans(f.client, on).unwrap().len()),
            signed_on: on,
            disbursements: vec![DisbursementInput {
                on,
                amount: t.principal,
            }],
            terms: Some(t),
            repayment_account: String::new(),
            penalty,
            reprice: Reprice::None,
            facility_id: None,
        },
        on,
    )
}

/// 1,000,000.00 for one month at 5 %, principal and interest (4,166.67) at maturity, due on
/// Friday 2026-04-10 (a working day, so no grace moves it).
fn one_million(f: &mut Fixture) -> i64 {
    let t = terms("1000000", "5", 1, "2026-03-10", Method::Bullet);
    book(f, t, PenaltyTerms::default()).unwrap()
}

#[test]
fn one_million_overdue_ten_days_at_five_percent_bears_2083_33() {
    let mut f = fixture();
    let id = one_million(&mut f);
    let loan = f.v.booked_loan(id, d("2026-04-20")).unwrap();
    let p = &loan.periods[0];
    assert_eq!((p.principal, p.interest), (dec("1000000"), dec("4166.67")));
    assert_eq!(p.overdue_days, 10);
    // 1,000,000 × 5 % × 1.5 × 10 / 360.
    assert_eq!(p.penalty_interest, dec("2083.33"));
    // 4,166.67 × 7.5 % × 10 / 360 = 8.680…
    assert_eq!(p.compound_interest, dec("8.68"));
    assert_eq!(loan.amount_due, dec("1006258.68"));
    assert_eq!(loan.payoff_today, dec("1006258.68"));
    // The day of the due date itself bears nothing.
    let on_time = f.v.booked_loan(id, d("2026-04-10")).unwrap();
    assert_eq!(on_time.periods[0].penalty_interest, dec("0.00"));
    assert_eq!(on_time.amount_due, dec("1004166.67"));
}

#[test]
fn on_a_365_day_basis_the_same_ten_days_bear_less() {
    let mut f = fixture();
    let t = terms("1000000", "5", 1, "2026-03-10", Method::Bullet);
    let penalty = PenaltyTerms {
        basis: PenaltyBasis::Days365,
        ..PenaltyTerms::default()
    };
    let id = book(&mut f, t, penalty).unwrap();
    let loan = f.v.booked_loan(id, d("2026-04-20")).unwrap();
    // 1,000,000 × 7.5 % × 10 / 365 = 2,054.79.
    assert_eq!(loan.periods[0].penalty_interest, dec("2054.79"));
}

#[test]
fn penalty_runs_across_a_month_end_and_is_rounded_once_per_period() {
    let mut f = fixture();
    // 120,000 over 12 months at 6 %, equal principal: 10,000 a month plus 600 interest in the
    // first month, due 2026-02-27 (a Friday); unpaid until 2026-03-09 = 10 days over February's
    // end.
    let t = terms("120000", "6", 12, "2026-01-27", Method::EqualPrincipal);
    let id = book(&mut f, t, PenaltyTerms::default()).unwrap();
    let loan = f.v.booked_loan(id, d("2026-03-09")).unwrap();
    let p = &loan.periods[0];
    assert_eq!((p.principal, p.interest), (dec("10000"), dec("600")));
    assert_eq!(p.overdue_days, 10);
    // 10,000 × 9 % × 10 / 360 = 25.00; 600 × 9 % × 10 / 360 = 1.50.
    assert_eq!(
        (p.penalty_interest, p.compound_interest),
        (dec("25"), dec("1.5"))
    );
    // Seven days: 10,000 × 9 % × 7 / 360 = 17.50.
    let week = f.v.booked_loan(id, d("2026-03-06")).unwrap();
    assert_eq!(week.periods[0].penalty_interest, dec("17.50"));
    // The second period is not due: it keeps its contract interest, no penalty.
    assert_eq!(loan.periods[1].penalty_interest, dec("0"));
    assert_eq!(loan.penalty_interest, dec("25"));
    assert_eq!(loan.compound_interest, dec("1.5"));
}

#[test]
fn a_partial_repayment_clears_compound_and_penalty_first() {
    let mut f = fixture();
    let id = one_million(&mut f);
    let today = d("2026-04-20");
    f.v.record_repayment(id, today, dec("10000"), "部分还款", today)
        .unwrap();
    let loan = f.v.booked_loan(id, today).unwrap();
    let p = &loan.periods[0];
    // 8.68 compound + 2,083.33 penalty, then interest 4,166.67, the rest principal.
    assert_eq!(p.paid_penalty, dec("2092.01"));
    assert_eq!(p.paid_interest, dec("4166.67"));
    assert_eq!(
        p.paid_principal,
        dec("10000") - dec("2092.01") - dec("4166.67")
    );
    assert_eq!(
        (p.penalty_interest, p.compound_interest),
        (dec("0"), dec("0"))
    );
    assert_eq!(p.status, PeriodStatus::Overdue);
    // From then on penalty runs on the principal left, compound on no interest.
    let later = f.v.booked_loan(id, d("2026-04-30")).unwrap();
    let left = dec("1000000") - p.paid_principal;
    assert_eq!(left, dec("996258.68"));
    // 996,258.68 × 7.5 % × 10 / 360 = 2,075.538… → 2,075.54.
    assert_eq!(later.periods[0].penalty_interest, dec("2075.54"));
    assert_eq!(later.periods[0].compound_interest, dec("0"));
    // Paying the amount due settles the period and closes the loan.
    let due = later.amount_due;
    f.v.record_repayment(id, d("2026-04-30"), due, "", d("2026-04-30"))
        .unwrap();
    let paid = f.v.booked_loan(id, d("2026-05-10")).unwrap();
    assert_eq!(paid.periods[0].status, PeriodStatus::Paid);
    assert_eq!(paid.closed_on, Some(d("2026-04-30")));
    assert_eq!(paid.amount_due, dec("0"));
    assert_eq!(paid.penalty_interest, dec("0"));
}

#[test]
fn paid_within_the_working_day_grace_bears_none_after_it_from_the_due_date() {
    let mut f = fixture();
    // Due Saturday 2026-08-15 (no holiday near; 2026-02-14 is a worked Saturday, 调休): Monday
    // the 17th is on time, Tuesday is 3 days late.
    let t = terms("120000", "6", 12, "2026-07-15", Method::EqualPrincipal);
    let id = book(&mut f, t, PenaltyTerms::default()).unwrap();
    let monday = f.v.booked_loan(id, d("2026-08-17")).unwrap();
    assert_eq!(monday.periods[0].penalty_interest, dec("0"));
    assert_eq!(monday.amount_due, dec("10600"));
    let tuesday = f.v.booked_loan(id, d("2026-08-18")).unwrap();
    // 10,000 × 9 % × 3 / 360 = 7.50.
    assert_eq!(tuesday.periods[0].penalty_interest, dec("7.50"));
    f.v.record_repayment(id, d("2026-08-17"), dec("10600"), "", d("2026-08-17"))
        .unwrap();
    let later = f.v.booked_loan(id, d("2026-09-01")).unwrap();
    assert_eq!(later.periods[0].status, PeriodStatus::Paid);
    assert_eq!(later.periods[0].penalty_interest, dec("0"));
    assert_eq!(later.periods[0].paid_penalty, dec("0"));
}

#[test]
fn the_order_of_allocation_is_the_contracts() {
    let mut f = fixture();
    let t = terms("1000000", "5", 1, "2026-03-10", Method::Bullet);
    let penalty = PenaltyTerms {
        order: vec![
            AllocationPart::Principal,
            AllocationPart::Interest,
            AllocationPart::Penalty,
            AllocationPart::Compound,
        ],
        ..PenaltyTerms::default()
    };
    let id = book(&mut f, t, penalty).unwrap();
    let today = d("2026-04-20");
    f.v.record_repayment(id, today, dec("10000"), "", today)
        .unwrap();
    let p = f.v.booked_loan(id, today).unwrap().periods[0].clone();
    assert_eq!(p.paid_principal, dec("10000"));
    assert_eq!(p.paid_penalty, dec("0"));
    assert_eq!(p.penalty_interest, dec("2083.33"));
}

#[test]
fn a_waiver_needs_a_reason_is_kept_and_lowers_what_is_owed() {
    let mut f = fixture();
    let id = one_million(&mut f);
    let today = d("2026-04-20");
    let before = f.v.booked_loan(id, today).unwrap();
    for (amount, reason) in [
        ("100", " "),
        ("0", "疫情影响"),
        ("-1", "疫情影响"),
        ("2092.02", "疫情影响"),
        ("1.001", "疫情影响"),
    ] {
        let e = f.v.waive_penalty(id, today, dec(amount), reason, today);
        assert!(matches!(e, Err(Error::Validation { .. })), "{amount}");
    }
    let e =
        f.v.waive_penalty(id, d("2026-04-21"), dec("1"), "疫情影响", today);
    assert!(matches!(e, Err(Error::Validation { .. })));
    assert_eq!(f.v.booked_loan(id, today).unwrap(), before);

    f.v.waive_penalty(id, today, dec("1000"), "疫情影响，经审批减免", today)
        .unwrap();
    let loan = f.v.booked_loan(id, today).unwrap();
    // Compound first (8.68), then 991.32 of the penalty.
    assert_eq!(loan.periods[0].compound_interest, dec("0"));
    assert_eq!(loan.periods[0].penalty_interest, dec("1092.01"));
    assert_eq!(loan.periods[0].waived_penalty, dec("1000"));
    assert_eq!(loan.amount_due, before.amount_due - dec("1000"));
    assert_eq!(loan.waivers.len(), 1);
    assert_eq!(loan.waivers[0].reason, "疫情影响，经审批减免");
    assert_eq!(loan.waivers[0].amount, dec("1000"));
    // Penalty keeps running on the unpaid principal after the waiver.
    let later = f.v.booked_loan(id, d("2026-04-21")).unwrap();
    assert_eq!(later.periods[0].penalty_interest, dec("1300.35"));
}

#[test]
fn a_markup_outside_its_range_is_refused_and_nothing_is_booked() {
    let mut f = fixture();
    let t = terms("1000000", "5", 1, "2026-03-10", Method::Bullet);
    for (markup, misuse) in [
        ("29.99", false),
        ("50.01", false),
        ("49", true),
        ("100.5", true),
    ] {
        let penalty = PenaltyTerms {
            markup_percent: dec(markup),
            misuse,
            ..PenaltyTerms::default()
        };
        let e = book(&mut f, t.clone(), penalty);
        assert!(matches!(e, Err(Error::Validation { .. })), "{markup}");
    }
    assert!(f
        .v
        .client_loans(f.client, d("2026-03-10"))
        .unwrap()
        .is_empty());
    // Misuse of funds at 100 %: 1,000,000 × 10 % × 10 / 360 = 2,777.78.
    let penalty = PenaltyTerms {
        markup_percent: dec("100"),
        misuse: true,
        ..PenaltyTerms::default()
    };
    let id = book(&mut f, t, penalty).unwrap();
    let loan = f.v.booked_loan(id, d("2026-04-20")).unwrap();
    assert_eq!(loan.periods[0].penalty_interest, dec("2777.78"));
    assert_eq!(loan.penalty.markup_percent, dec("100"));
}

#[test]
fn the_banks_template_in_settings_is_where_a_booking_starts_and_survives_a_reopen() {
    let mut f = fixture();
    assert_eq!(
        f.v.penalty_terms_default().unwrap(),
        PenaltyTerms::default()
    );
    let template = PenaltyTerms {
        markup_percent: dec("40"),
        misuse: false,
        basis: PenaltyBasis::Days365,
        order: vec![
            AllocationPart::Principal,
            AllocationPart::Interest,
            AllocationPart::Penalty,
            AllocationPart::Compound,
        ],
    };
    f.v.set_penalty_terms_default(&template).unwrap();
    let path = f._dir.path().join("v.loandesk");
    drop(f.v);
    let v = Vault::open(&path, "penalty pass 1").unwrap();
    assert_eq!(v.penalty_terms_default().unwrap(), template);
}

#[test]
fn a_template_the_booking_would_refuse_is_not_saved() {
    let mut f = fixture();
    let saved = PenaltyTerms {
        markup_percent: dec("35"),
        ..PenaltyTerms::default()
    };
    f.v.set_penalty_terms_default(&saved).unwrap();
    let bad_order = PenaltyTerms {
        order: vec![AllocationPart::Penalty, AllocationPart::Penalty],
        ..PenaltyTerms::default()
    };
    // Misuse is one loan's fact: the template keeps the ordinary 30–50 % range.
    let misuse_markup = PenaltyTerms {
        markup_percent: dec("80"),
        misuse: true,
        ..PenaltyTerms::default()
    };
    for bad in [bad_order, misuse_markup] {
        let e = f.v.set_penalty_terms_default(&bad);
        assert!(matches!(e, Err(Error::Validation { .. })), "{bad:?}");
    }
    assert_eq!(f.v.penalty_terms_default().unwrap(), saved);
}
