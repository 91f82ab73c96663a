//! Schedule-level unit tests: reference figures, each method, grace, broken first period,
//! rounding modes and validation.
#![allow(clippy::unwrap_used)]

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::from_str(s).unwrap()
}

fn terms(principal: &str, rate: &str, months: u32, method: Method) -> LoanTerms {
    LoanTerms {
        principal: dec(principal),
        currency: "CNY".into(),
        term_months: months,
        rate: fixed(rate),
        disbursement_date: date("2026-01-15"),
        repay_day: None,
        method,
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: DayCount::Act360,
        rounding: Rounding::HalfUp,
    }
}

fn assert_balanced(s: &Schedule) {
    let principal: Decimal = s.periods.iter().map(|p| p.principal).sum();
    assert_eq!(principal, s.terms.principal);
    assert_eq!(s.periods.last().unwrap().balance, dec("0.00"));
    for p in &s.periods {
        assert_eq!(p.payment, p.principal + p.interest, "period {}", p.number);
        for amount in [p.payment, p.principal, p.interest, p.balance] {
            assert_eq!(amount.scale(), 2, "period {}: {amount}", p.number);
        }
    }
}

#[test]
fn reference_equal_installment() {
    let s = generate(&terms("1000000", "4.90", 360, Method::EqualInstallment)).unwrap();
    assert_eq!(s.periods.len(), 360);
    let first = &s.periods[0];
    assert_eq!(first.due_date, date("2026-02-15"));
    assert_eq!(first.payment.to_string(), "5307.27");
    assert_eq!(first.interest.to_string(), "4083.33");
    assert_eq!(first.principal.to_string(), "1223.94");
    assert_eq!(first.balance.to_string(), "998776.06");
    assert!(s.periods[..359].iter().all(|p| p.payment == dec("5307.27")));
    assert_eq!(s.periods[359].due_date, date("2056-01-15"));
    // The last period absorbs the payment's rounding (5,307.27 vs 5,307.2672…).
    let last = &s.periods[359];
    assert_eq!(
        (last.payment, last.principal, last.interest),
        (dec("5305.19"), dec("5283.62"), dec("21.57"))
    );
    assert_eq!(s.summary.total_interest, dec("910615.12"));
    assert_eq!(s.summary.payment.to_string(), "5307.27");
    assert_eq!(s.summary.apr.to_string(), "4.90");
    assert_eq!(s.summary.apr_effective.to_string(), "5.01");
    assert_eq!(s.summary.principal_in_words, "壹佰万元整");
    assert_eq!(
        s.summary.total_payment,
        s.summary.total_interest + dec("1000000")
    );
    assert_balanced(&s);
}

#[test]
fn reference_equal_principal() {
    let s = generate(&terms("1000000", "4.90", 360, Method::EqualPrincipal)).unwrap();
    assert_eq!(s.periods[0].payment.to_string(), "6861.11");
    assert_eq!(s.periods[0].principal.to_string(), "2777.78");
    assert_eq!(s.summary.payment.to_string(), "6861.11");
    let last = s.periods.last().unwrap();
    assert_eq!(last.principal, dec("2776.98"));
    assert_eq!(last.interest, dec("11.34"));
    // Payments fall every month by about one month's interest on 2,777.78.
    assert_eq!(s.periods[1].payment, dec("6849.77"));
    assert_balanced(&s);
}

#[test]
fn interest_only_pays_principal_at_maturity() {
    let s = generate(&terms("120000", "6", 12, Method::InterestOnly)).unwrap();
    assert_eq!(s.periods.len(), 12);
    assert!(s.periods[..11]
        .iter()
        .all(|p| p.interest == dec("600.00") && p.principal.is_zero()));
    assert_eq!(s.periods[11].payment, dec("120600.00"));
    assert_eq!(s.summary.payment, dec("600.00"));
    assert_eq!(s.summary.total_interest, dec("7200.00"));
    assert_eq!(s.summary.apr, dec("6.00"));
    assert_balanced(&s);
}

#[test]
fn quarterly_interest_every_three_months() {
    let s = generate(&terms("120000", "6", 12, Method::QuarterlyInterest)).unwrap();
    let dues: Vec<_> = s.periods.iter().map(|p| p.due_date.to_string()).collect();
    assert_eq!(
        dues,
        ["2026-04-15", "2026-07-15", "2026-10-15", "2027-01-15"]
    );
    assert!(s.periods.iter().all(|p| p.interest == dec("1800.00")));
    assert_eq!(s.periods[3].payment, dec("121800.00"));
    assert_eq!(s.summary.payment, dec("1800.00"));
    // A term that is not whole quarters ends with a short period.
    let s = generate(&terms("120000", "6", 13, Method::QuarterlyInterest)).unwrap();
    assert_eq!(s.periods.len(), 5);
    assert_eq!(s.periods[4].interest, dec("600.00"));
    assert_eq!(s.periods[4].due_date, date("2027-02-15"));
    assert_balanced(&s);
}

#[test]
fn bullet_is_one_simple_interest_payment() {
    let s = generate(&terms("100000", "6", 12, Method::Bullet)).unwrap();
    assert_eq!(s.periods.len(), 1);
    let only = &s.periods[0];
    assert_eq!(only.due_date, date("2027-01-15"));
    assert_eq!(only.interest, dec("6000.00"));
    assert_eq!(only.payment, dec("106000.00"));
    assert_eq!(s.summary.payment, dec("106000.00"));
    // 6 % simple over a year is 6 % effective; its monthly-compounded nominal is lower.
    assert_eq!(s.summary.apr_effective, dec("6.00"));
    assert_eq!(s.summary.apr, dec("5.84"));
    assert_balanced(&s);
}

#[test]
fn grace_months_are_interest_only_then_amortize() {
    let mut t = terms("120000", "6", 12, Method::EqualInstallment);
    t.grace_months = 6;
    let s = generate(&t).unwrap();
    assert!(s.periods[..6]
        .iter()
        .all(|p| p.principal.is_zero() && p.interest == dec("600.00")));
    // The level payment of 120,000 over the 6 amortising months at 0.5 %.
    assert_eq!(s.periods[6].payment, dec("20351.45"));
    assert_eq!(s.summary.payment, dec("20351.45"));
    assert_eq!(s.summary.apr, dec("6.00"));
    assert_balanced(&s);

    t.method = Method::EqualPrincipal;
    let s = generate(&t).unwrap();
    assert!(s.periods[..6].iter().all(|p| p.principal.is_zero()));
    assert!(s.periods[6..]
        .iter()
        .all(|p| p.principal == dec("20000.00")));
    assert_eq!(s.periods[6].payment, dec("20600.00"));
    assert_balanced(&s);
}

#[test]
fn broken_first_period_accrues_by_days() {
    let mut t = terms("1000000", "4.90", 360, Method::EqualInstallment);
    t.repay_day = Some(21);
    let s = generate(&t).unwrap();
    let first = &s.periods[0];
    assert_eq!(first.due_date, date("2026-02-21"));
    // 37 days from 15 Jan to 21 Feb, ACT/360.
    assert_eq!(first.interest, dec("5036.11"));
    // Principal stays on the closed-form track, so every later payment is the level one.
    assert_eq!(first.principal, dec("1223.94"));
    assert_eq!(first.payment, dec("6260.05"));
    assert!(s.periods[1..359]
        .iter()
        .all(|p| p.payment == dec("5307.27")));
    assert_eq!(s.periods[1].due_date, date("2026-03-21"));
    assert_eq!(s.summary.payment, dec("5307.27"));
    assert_balanced(&s);

    t.day_count = DayCount::Act365;
    assert_eq!(generate(&t).unwrap().periods[0].interest, dec("4967.12"));
    t.day_count = DayCount::Thirty360;
    assert_eq!(generate(&t).unwrap().periods[0].interest, dec("4900.00"));
}

#[test]
fn broken_first_period_for_other_methods() {
    let mut t = terms("360000", "6", 12, Method::QuarterlyInterest);
    t.repay_day = Some(1);
    let s = generate(&t).unwrap();
    // 15 Jan → 1 Feb is 17 days, then two whole months.
    assert_eq!(s.periods[0].due_date, date("2026-04-01"));
    assert_eq!(s.periods[0].interest, dec("4620.00"));
    assert_eq!(s.periods[1].interest, dec("5400.00"));
    assert_eq!(s.summary.payment, dec("5400.00"));

    t.method = Method::Bullet;
    let s = generate(&t).unwrap();
    assert_eq!(s.periods[0].due_date, date("2027-01-01"));
    assert_eq!(s.periods[0].interest, dec("20820.00"));
}

#[test]
fn month_end_disbursement_keeps_month_end() {
    let mut t = terms("3000", "12", 3, Method::EqualPrincipal);
    t.disbursement_date = date("2026-01-31");
    let s = generate(&t).unwrap();
    let dues: Vec<_> = s.periods.iter().map(|p| p.due_date.to_string()).collect();
    assert_eq!(dues, ["2026-02-28", "2026-03-31", "2026-04-30"]);
    // Not a broken period: a whole month's interest even in February.
    assert_eq!(s.periods[0].interest, dec("30.00"));
}

#[test]
fn rounding_modes_differ_on_a_half_fen() {
    // 1,001 × 6 % / 12 = 5.005 exactly.
    let mut t = terms("1001", "6", 2, Method::InterestOnly);
    assert_eq!(generate(&t).unwrap().periods[0].interest, dec("5.01"));
    t.rounding = Rounding::HalfEven;
    let s = generate(&t).unwrap();
    assert_eq!(s.periods[0].interest, dec("5.00"));
    assert_eq!(s.terms.rounding, Rounding::HalfEven);
}

#[test]
fn zero_rate_and_fee() {
    let s = generate(&terms("1200", "0", 12, Method::EqualInstallment)).unwrap();
    assert!(s.periods.iter().all(|p| p.payment == dec("100.00")));
    assert_eq!(s.summary.total_interest, dec("0.00"));
    assert_eq!(s.summary.apr, dec("0.00"));

    let mut t = terms("100000", "6", 12, Method::EqualInstallment);
    t.upfront_fee = dec("1000");
    let s = generate(&t).unwrap();
    assert_eq!(s.summary.payment, dec("8606.64"));
    assert!(
        s.summary.apr > dec("7.80") && s.summary.apr < dec("8.00"),
        "{}",
        s.summary.apr
    );
}

#[test]
fn lpr_plus_spread() {
    let mut t = terms("1000000", "0", 360, Method::EqualInstallment);
    t.rate = Rate::Lpr {
        tenor: LprTenor::FiveYear,
        lpr_percent: dec("3.45"),
        spread_bp: dec("60"),
    };
    let s = generate(&t).unwrap();
    let fixed = generate(&terms("1000000", "4.05", 360, Method::EqualInstallment)).unwrap();
    assert_eq!(s.periods, fixed.periods);
    // The rate the UI shows beside LPR and spread is the core's sum, exact to the basis point.
    assert_eq!(s.summary.annual_rate, dec("4.05"));
    t.rate = lpr("3.45", "-25.5");
    assert_eq!(generate(&t).unwrap().summary.annual_rate, dec("3.195"));
    assert_eq!(fixed.summary.annual_rate, dec("4.05"));
    assert_eq!(LprTenor::for_term(360), LprTenor::FiveYear);
    assert_eq!(LprTenor::for_term(60), LprTenor::OneYear);
}

#[test]
fn amounts_have_two_decimals_in_json() {
    let s = generate(&terms("1000000", "4.9", 2, Method::InterestOnly)).unwrap();
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["periods"][1]["principal"], "1000000.00");
    assert_eq!(json["periods"][0]["period"], 1);
    assert_eq!(json["periods"][0]["due_date"], "2026-02-15");
    assert_eq!(json["summary"]["apr"], "4.90");
    assert_eq!(json["terms"]["method"], "interest-only");
}

type Change = Box<dyn Fn(&mut LoanTerms)>;

fn fixed(percent: &str) -> Rate {
    Rate::Fixed {
        annual_percent: dec(percent),
    }
}

fn lpr(percent: &str, spread_bp: &str) -> Rate {
    Rate::Lpr {
        tenor: LprTenor::OneYear,
        lpr_percent: dec(percent),
        spread_bp: dec(spread_bp),
    }
}

fn invalid_field(t: &LoanTerms) -> &'static str {
    generate(t).unwrap_err().field()
}

#[test]
fn validation_names_the_field() {
    let base = terms("100000", "6", 12, Method::EqualInstallment);
    let cases: Vec<(&str, Change)> = vec![
        ("principal", Box::new(|t| t.principal = dec("0"))),
        ("principal", Box::new(|t| t.principal = dec("-5"))),
        ("principal", Box::new(|t| t.principal = dec("100.001"))),
        (
            "principal",
            Box::new(|t| t.principal = dec("1000000000000.01")),
        ),
        ("currency", Box::new(|t| t.currency = "cny".into())),
        ("term_months", Box::new(|t| t.term_months = 0)),
        ("term_months", Box::new(|t| t.term_months = 601)),
        ("rate", Box::new(|t| t.rate = fixed("-0.1"))),
        ("rate", Box::new(|t| t.rate = fixed("100.01"))),
        ("rate", Box::new(|t| t.rate = fixed("4.1234567"))),
        ("grace_months", Box::new(|t| t.grace_months = 12)),
        ("repay_day", Box::new(|t| t.repay_day = Some(0))),
        ("repay_day", Box::new(|t| t.repay_day = Some(32))),
        ("upfront_fee", Box::new(|t| t.upfront_fee = dec("-1"))),
        ("upfront_fee", Box::new(|t| t.upfront_fee = dec("100000"))),
        (
            "disbursement_date",
            Box::new(|t| t.disbursement_date = date("1899-12-31")),
        ),
        ("spread_bp", Box::new(|t| t.rate = lpr("3.1", "-400"))),
        ("lpr", Box::new(|t| t.rate = lpr("-1", "0"))),
    ];
    for (field, change) in cases {
        let mut t = base.clone();
        change(&mut t);
        assert_eq!(invalid_field(&t), field, "{t:?}");
    }
    let err = generate(&LoanTerms {
        principal: dec("0"),
        ..base
    })
    .unwrap_err();
    assert_eq!(err.to_string(), "principal: Must be greater than 0.");
    assert_eq!(err.code(), "validation");
}

#[test]
fn extreme_valid_terms_do_not_panic() {
    let mut t = terms("1000000000000", "100", 600, Method::EqualInstallment);
    for method in Method::ALL {
        t.method = *method;
        assert_balanced(&generate(&t).unwrap());
    }
    let mut t = terms("0.01", "0.0001", 600, Method::EqualPrincipal);
    t.repay_day = Some(31);
    assert_balanced(&generate(&t).unwrap());
}

#[test]
fn wire_names_match_serde() {
    for m in Method::ALL {
        assert_eq!(serde_json::to_value(m).unwrap(), m.as_str());
        assert_eq!(Method::from_str(m.as_str()).unwrap(), *m);
    }
    for d in DayCount::ALL {
        assert_eq!(serde_json::to_value(d).unwrap(), d.as_str());
    }
    for r in Rounding::ALL {
        assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
    }
    for l in LprTenor::ALL {
        assert_eq!(serde_json::to_value(l).unwrap(), l.as_str());
    }
    assert_eq!(Method::from_str("balloon").unwrap_err().field(), "method");
    assert_eq!(MAX_PRINCIPAL, dec("1000000000000"));
}

#[test]
fn terms_deserialize_with_defaults() {
    let t: LoanTerms = serde_json::from_str(
        r#"{"principal": "500000", "term_months": 24, "method": "equal-principal",
            "rate": {"kind": "fixed", "annual_percent": "3.85"},
            "disbursement_date": "2026-03-31"}"#,
    )
    .unwrap();
    assert_eq!(t.currency, "CNY");
    assert_eq!(t.day_count, DayCount::Act360);
    assert_eq!(t.rounding, Rounding::HalfUp);
    assert_eq!(t.upfront_fee, Decimal::ZERO);
    assert_eq!(t.effective_repay_day(), 31);
    assert!(serde_json::from_str::<Method>(r#""balloon""#).is_err());
}
