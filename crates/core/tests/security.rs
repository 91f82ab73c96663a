//! Credit lines, collateral and guarantors (issue 14) on a real vault: what a line carries,
//! the refusals that store nothing, lendable value and shortfall, the reminders, the portfolio.
#![allow(clippy::unwrap_used)]
use chrono::NaiveDate;
use loandesk_core::clients::ClientInput;
use loandesk_core::loans::{DayCount, LoanTerms, Method, Rate, Rounding};
use loandesk_core::security::{
    exposure_fen, CollateralInput, CollateralKind, FacilityInput, FacilityUseInput,
    FacilityUseKind, GuaranteeKind, GuarantorInput, GuarantorParty, Revaluation,
};
use loandesk_core::servicing::{BookingInput, DisbursementInput, ReminderKind, ReminderMark};
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
    let mut v = Vault::create(&dir.path().join("v.loandesk"), "security pass 1").unwrap();
    let client = v
        .create_client(
            &ClientInput::named("苏州恒泰精密机械有限公司"),
            d("2026-01-01"),
        )
        .unwrap();
    Fixture {
        _dir: dir,
        v,
        client,
    }
}

const TODAY: &str = "2026-06-30";

fn terms(principal: &str, start: &str, months: u32) -> LoanTerms {
    LoanTerms {
        principal: dec(principal),
        currency: "CNY".into(),
        term_months: months,
        rate: Rate::Fixed {
            annual_percent: dec("4.35"),
        },
        disbursement_date: d(start),
        repay_day: None,
        method: Method::EqualPrincipal,
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: DayCount::Act360,
        rounding: Rounding::HalfUp,
    }
}

fn book(
    f: &mut Fixture,
    no: &str,
    principal: &str,
    start: &str,
    facility: Option<i64>,
) -> Result<i64, Error> {
    let t = terms(principal, start, 12);
    let on = t.disbursement_date;
    f.v.book_loan(
        &BookingInput {
            client_id: f.client,
            contract_no: no.into(),
            signed_on: on,
            disbursements: vec![DisbursementInput {
                on,
                amount: t.principal,
            }],
            terms: Some(t),
            repayment_account: String::new(),
            penalty: Default::default(),
            reprice: Default::default(),
            facility_id: facility,
        },
        d(TODAY),
    )
}

fn line(f: &mut Fixture, amount: &str, revolving: bool) -> i64 {
    f.v.add_facility(&FacilityInput {
        client_id: f.client,
        amount: dec(amount),
        currency: "CNY".into(),
        from: d("2026-01-01"),
        to: d("2026-12-31"),
        revolving,
    })
    .unwrap()
}

fn acceptance(facility: i64, amount: &str, margin: &str, on: &str) -> FacilityUseInput {
    FacilityUseInput {
        facility_id: facility,
        kind: FacilityUseKind::Acceptance,
        amount: dec(amount),
        margin_percent: dec(margin),
        on: d(on),
    }
}

#[test]
fn a_line_carries_its_loans_and_the_uses_exposure_after_margin() {
    let mut f = fixture();
    let line = line(&mut f, "30000000", true);
    book(&mut f, "HT-1", "10000000", "2026-03-01", Some(line)).unwrap();
    f.v.add_facility_use(&acceptance(line, "5000000", "40", "2026-03-05"), d(TODAY))
        .unwrap();
    let shown = f.v.facility(line).unwrap();
    assert_eq!(shown.exposure, dec("3000000"));
    assert_eq!(shown.used, dec("13000000"));
    assert_eq!(shown.available, dec("17000000"));
    assert_eq!(shown.loans.len(), 1);
    assert_eq!(shown.uses[0].exposure, dec("3000000"));
    // Exposure is rounded once, half-up to the fen: 1,234.57 × 66.67 % = 823.0878… → 823.09.
    assert_eq!(exposure_fen(123_457, 3333), 82_309);
}

#[test]
fn a_drawing_above_what_is_available_or_outside_the_dates_stores_nothing() {
    let mut f = fixture();
    let line = line(&mut f, "30000000", true);
    book(&mut f, "HT-1", "10000000", "2026-03-01", Some(line)).unwrap();
    f.v.add_facility_use(&acceptance(line, "5000000", "40", "2026-03-05"), d(TODAY))
        .unwrap();
    let e = book(&mut f, "HT-2", "17000000.01", "2026-04-01", Some(line)).unwrap_err();
    assert!(
        matches!(&e, Error::Validation { field, .. } if field == "facility"),
        "{e:?}"
    );
    assert!(e.to_string().contains("17,000,000.00"), "{e}");
    // 28,333,333.34 at 40 % margin is 17,000,000.00 plus a fen of exposure.
    let e =
        f.v.add_facility_use(
            &acceptance(line, "28333333.36", "40", "2026-04-01"),
            d(TODAY),
        )
        .unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e:?}");
    let e = book(&mut f, "HT-3", "1000000", "2025-12-31", Some(line)).unwrap_err();
    assert!(e.to_string().contains("2026-01-01"), "{e}");
    assert_eq!(f.v.client_loans(f.client, d(TODAY)).unwrap().len(), 1);
    assert_eq!(f.v.facility(line).unwrap().uses.len(), 1);
    // Exactly what is left is accepted.
    book(&mut f, "HT-4", "17000000", "2026-04-01", Some(line)).unwrap();
    assert_eq!(f.v.facility(line).unwrap().available, dec("0"));
}

#[test]
fn a_repayment_frees_a_revolving_line_but_not_a_non_revolving_one() {
    let mut f = fixture();
    let revolving = line(&mut f, "20000000", true);
    let once = line(&mut f, "20000000", false);
    let a = book(&mut f, "HT-R", "12000000", "2026-01-15", Some(revolving)).unwrap();
    let b = book(&mut f, "HT-N", "12000000", "2026-01-15", Some(once)).unwrap();
    for id in [a, b] {
        // The first month's principal (1,000,000) and its interest.
        let p = &f.v.booked_loan(id, d(TODAY)).unwrap().periods[0];
        f.v.record_repayment(id, p.due_on, p.principal + p.interest, "", d(TODAY))
            .unwrap();
    }
    assert_eq!(f.v.facility(revolving).unwrap().available, dec("9000000"));
    assert_eq!(f.v.facility(once).unwrap().available, dec("8000000"));
    // A closed acceptance frees a revolving line too, never a non-revolving one.
    let u =
        f.v.add_facility_use(
            &acceptance(revolving, "1000000", "0", "2026-02-01"),
            d(TODAY),
        )
        .unwrap();
    let w =
        f.v.add_facility_use(&acceptance(once, "1000000", "0", "2026-02-01"), d(TODAY))
            .unwrap();
    f.v.close_facility_use(u, d("2026-05-01"), d(TODAY))
        .unwrap();
    f.v.close_facility_use(w, d("2026-05-01"), d(TODAY))
        .unwrap();
    assert_eq!(f.v.facility(revolving).unwrap().available, dec("9000000"));
    assert_eq!(f.v.facility(once).unwrap().available, dec("7000000"));
}

fn property(value: &str, prior: &str) -> CollateralInput {
    CollateralInput {
        kind: CollateralKind::Property,
        owner: "苏州恒泰精密机械有限公司".into(),
        description: "厂房".into(),
        value: dec(value),
        valued_on: d("2026-03-01"),
        source: "评估报告".into(),
        cap_percent: None,
        prior_lien: dec(prior),
        registration_no: "苏(2026)苏州市不动产证明第0001234号".into(),
        registered_until: Some(d("2029-03-01")),
        insured_until: Some(d("2027-03-01")),
    }
}

#[test]
fn lendable_value_is_value_times_cap_less_prior_liens_and_a_revaluation_shows_the_shortfall() {
    let mut f = fixture();
    let loan = book(&mut f, "HT-1", "10000000", "2026-03-01", None).unwrap();
    // 10,000,000 × 70 % (the property cap in Settings) − 2,000,000 = 5,000,000.
    let first =
        f.v.add_collateral(loan, &property("10000000", "2000000"), d(TODAY))
            .unwrap();
    let second =
        f.v.add_collateral(loan, &property("8000000", "0"), d(TODAY))
            .unwrap();
    let s = f.v.booked_loan(loan, d("2026-03-01")).unwrap().security;
    assert_eq!(s.collateral[0].cap_percent, dec("70"));
    assert_eq!(s.collateral[0].lendable, dec("5000000"));
    assert_eq!(s.capacity, dec("10600000"));
    assert_eq!(
        (s.shortfall, s.coverage_percent),
        (dec("0"), Some(dec("106")))
    );
    f.v.revalue_collateral(
        second,
        &Revaluation {
            value: dec("6000000"),
            valued_on: d("2026-06-01"),
            source: "重估".into(),
        },
        d(TODAY),
    )
    .unwrap();
    let s = f.v.booked_loan(loan, d("2026-03-01")).unwrap().security;
    // 6,000,000 × 70 % = 4,200,000; 5,000,000 + 4,200,000 = 9,200,000 of 10,000,000.
    assert_eq!(s.capacity, dec("9200000"));
    assert_eq!(s.shortfall, dec("800000"));
    assert_eq!(s.coverage_percent, Some(dec("92")));
    let item = s.collateral.iter().find(|c| c.id == second).unwrap();
    let history: Vec<_> = item
        .valuations
        .iter()
        .map(|v| (v.value, v.valued_on))
        .collect();
    assert_eq!(
        history,
        [
            (dec("8000000"), d("2026-03-01")),
            (dec("6000000"), d("2026-06-01"))
        ]
    );
    // A prior lien above the capped value lends nothing, never less than nothing.
    let third =
        f.v.add_collateral(loan, &property("1000000", "900000"), d(TODAY))
            .unwrap();
    let s = f.v.booked_loan(loan, d("2026-03-01")).unwrap().security;
    assert_eq!(
        s.collateral
            .iter()
            .find(|c| c.id == third)
            .unwrap()
            .lendable,
        dec("0")
    );
    // Archived: kept in the list, out of the capacity.
    f.v.archive_collateral(first, d(TODAY)).unwrap();
    let s = f.v.booked_loan(loan, d("2026-03-01")).unwrap().security;
    assert_eq!(s.capacity, dec("4200000"));
    assert_eq!(s.collateral.len(), 3);
}

#[test]
fn bad_collateral_and_guarantors_are_refused_and_nothing_is_stored() {
    let mut f = fixture();
    let loan = book(&mut f, "HT-1", "1000000", "2026-03-01", None).unwrap();
    let mut bad_cap = property("1000000", "0");
    bad_cap.cap_percent = Some(dec("101"));
    let mut future = property("1000000", "0");
    future.valued_on = d("2026-07-01");
    let mut negative = property("-1", "0");
    negative.prior_lien = dec("0");
    for input in [bad_cap, future, negative] {
        assert!(f.v.add_collateral(loan, &input, d(TODAY)).is_err());
    }
    assert!(f.v.loan_collateral(loan).unwrap().is_empty());
    let id =
        f.v.add_collateral(loan, &property("1000000", "0"), d(TODAY))
            .unwrap();
    // A revaluation dated before the latest one is refused.
    let older = Revaluation {
        value: dec("1"),
        valued_on: d("2026-02-01"),
        source: String::new(),
    };
    assert!(f.v.revalue_collateral(id, &older, d(TODAY)).is_err());
    assert_eq!(f.v.loan_collateral(loan).unwrap()[0].valuations.len(), 1);

    let company = |code: &str| GuarantorInput {
        party: GuarantorParty::Company,
        name: "苏州恒泰控股有限公司".into(),
        credit_code: Some(code.into()),
        kind: GuaranteeKind::default(),
        limit: Some(dec("5000000")),
        from: None,
        to: None,
        relation: "母公司".into(),
    };
    // The check character of 91320500MA1MX8ND5Y is not 5Y's: refused under credit_code.
    let e =
        f.v.add_guarantor(loan, &company("91320500MA1MX8ND5X"))
            .unwrap_err();
    assert!(
        matches!(&e, Error::Validation { field, .. } if field == "credit_code"),
        "{e:?}"
    );
    assert!(f.v.loan_guarantors(loan).unwrap().is_empty());
    let code = valid_code();
    f.v.add_guarantor(loan, &company(&code)).unwrap();
    let g = &f.v.loan_guarantors(loan).unwrap()[0];
    // 《民法典》第686条: silent on the kind, the guarantee is general.
    assert_eq!(g.kind, GuaranteeKind::General);
    assert_eq!(g.limit, Some(dec("5000000")));
}

/// A code whose check character is right, built with the core's own GB 32100 rule.
fn valid_code() -> String {
    let first17 = "91320500MA1MX8ND5";
    let check = loandesk_core::clients::credit_code::check_character(first17.as_bytes()).unwrap();
    format!("{first17}{check}")
}

#[test]
fn today_names_the_shortfall_the_revaluation_the_expiries_and_the_line_ending() {
    let mut f = fixture();
    let line = line(&mut f, "30000000", true);
    let loan = book(&mut f, "HT-1", "10000000", "2026-03-01", Some(line)).unwrap();
    let mut item = property("12000000", "0");
    item.valued_on = d("2025-06-01");
    item.registered_until = Some(d("2026-07-20"));
    item.insured_until = Some(d("2026-09-30"));
    let id = f.v.add_collateral(loan, &item, d(TODAY)).unwrap();
    let on = |v: &Vault, day: &str| v.reminders(d(day), 7).unwrap();
    let kinds = |v: &Vault, day: &str| -> Vec<(ReminderKind, String)> {
        on(v, day)
            .into_iter()
            .filter(|r| r.kind >= ReminderKind::Shortfall)
            .map(|r| (r.kind, r.key))
            .collect()
    };
    // 12,000,000 × 70 % = 8,400,000 against about 10,000,000 outstanding.
    let today = on(&f.v, TODAY);
    let shortfall = today
        .iter()
        .find(|r| r.kind == ReminderKind::Shortfall)
        .unwrap();
    let outstanding =
        f.v.booked_loan(loan, d(TODAY))
            .unwrap()
            .outstanding_principal;
    assert_eq!(shortfall.amount, Some(outstanding - dec("8400000")));
    assert_eq!(shortfall.loan_id, Some(loan));
    // Property is revalued yearly: valued 2025-06-01, due 2026-06-01. The registration ends
    // within 30 days (Settings); the insurance and the line do not yet.
    assert_eq!(
        kinds(&f.v, TODAY),
        [
            (ReminderKind::Shortfall, format!("shortfall:{loan}")),
            (
                ReminderKind::RevaluationDue,
                format!("revaluation:{loan}:{id}:2026-06-01")
            ),
            (
                ReminderKind::RegistrationExpiry,
                format!("registration:{loan}:{id}:2026-07-20")
            ),
        ]
    );
    // On 2026-11-05 the insurance has ended and the line ends within 60 days.
    let later = kinds(&f.v, "2026-11-05");
    assert!(later.contains(&(
        ReminderKind::InsuranceExpiry,
        format!("insurance:{loan}:{id}:2026-09-30")
    )));
    let facility_key = format!("facility:{line}:2026-12-31");
    assert!(
        later.contains(&(ReminderKind::FacilityExpiry, facility_key.clone())),
        "{later:?}"
    );
    let reminder = on(&f.v, "2026-11-05")
        .into_iter()
        .find(|r| r.key == facility_key)
        .unwrap();
    assert_eq!((reminder.loan_id, reminder.facility_id), (None, Some(line)));
    // Marks: the line's renewal done; the shortfall only quieted for the day.
    f.v.mark_reminder(&facility_key, ReminderMark::Done, d("2026-11-05"))
        .unwrap();
    f.v.mark_reminder(
        &format!("shortfall:{loan}"),
        ReminderMark::Done,
        d("2026-11-05"),
    )
    .unwrap();
    let marked = kinds(&f.v, "2026-11-05");
    assert!(!marked
        .iter()
        .any(|(_, k)| *k == facility_key || k.starts_with("shortfall:")));
    assert!(kinds(&f.v, "2026-11-06")
        .iter()
        .any(|(k, _)| *k == ReminderKind::Shortfall));
    // Revalued up: no shortfall, no revaluation due.
    f.v.revalue_collateral(
        id,
        &Revaluation {
            value: dec("20000000"),
            valued_on: d("2026-06-30"),
            source: String::new(),
        },
        d(TODAY),
    )
    .unwrap();
    let after = kinds(&f.v, TODAY);
    assert!(
        !after
            .iter()
            .any(|(k, _)| matches!(k, ReminderKind::Shortfall | ReminderKind::RevaluationDue)),
        "{after:?}"
    );
}

#[test]
fn the_portfolio_splits_by_main_collateral_and_coverage() {
    let mut f = fixture();
    let covered = book(&mut f, "HT-1", "1000000", "2026-03-01", None).unwrap();
    let short = book(&mut f, "HT-2", "1000000", "2026-03-01", None).unwrap();
    book(&mut f, "HT-3", "1000000", "2026-03-01", None).unwrap();
    f.v.add_collateral(covered, &property("2000000", "0"), d(TODAY))
        .unwrap();
    let mut deposit = property("500000", "0");
    deposit.kind = CollateralKind::Deposit;
    f.v.add_collateral(short, &deposit, d(TODAY)).unwrap();
    let p = f.v.portfolio(d("2026-03-01"), "CNY").unwrap();
    let keys = |slices: &[loandesk_core::servicing::Slice]| -> Vec<(String, u32)> {
        slices.iter().map(|s| (s.key.clone(), s.loans)).collect()
    };
    assert_eq!(
        keys(&p.by_collateral),
        [
            ("property".into(), 1),
            ("deposit".into(), 1),
            ("unsecured".into(), 1)
        ]
    );
    // 500,000 × 90 % = 450,000 of 1,000,000: 45 %.
    assert_eq!(
        keys(&p.by_coverage),
        [
            ("unsecured".into(), 1),
            ("below_50".into(), 1),
            ("full".into(), 1)
        ]
    );
}

#[test]
fn a_changed_cap_in_settings_applies_to_items_added_after() {
    let mut f = fixture();
    let loan = book(&mut f, "HT-1", "1000000", "2026-03-01", None).unwrap();
    let mut settings = f.v.security_settings().unwrap();
    let property_terms = settings
        .kinds
        .iter_mut()
        .find(|k| k.kind == CollateralKind::Property)
        .unwrap();
    assert_eq!(
        (property_terms.cap_percent, property_terms.revalue_months),
        (dec("70"), 12)
    );
    property_terms.cap_percent = dec("65");
    f.v.set_security_settings(&settings).unwrap();
    let mut bad = settings.clone();
    bad.kinds.pop();
    assert!(f.v.set_security_settings(&bad).is_err());
    assert_eq!(f.v.security_settings().unwrap(), settings);
    f.v.add_collateral(loan, &property("1000000", "0"), d(TODAY))
        .unwrap();
    assert_eq!(
        f.v.loan_collateral(loan).unwrap()[0].lendable,
        dec("650000")
    );
}

#[test]
fn the_capacity_kept_on_the_loan_follows_every_change_to_its_collateral() {
    let mut f = fixture();
    let loan = book(&mut f, "HT-1", "1000000", "2026-03-01", None).unwrap();
    let today = d("2026-03-01");
    let shortfall = |v: &Vault| {
        v.reminders(today, 7)
            .unwrap()
            .into_iter()
            .find(|r| r.kind == ReminderKind::Shortfall)
            .map(|r| r.amount.unwrap())
    };
    let main_kind = |v: &Vault| {
        let p = v.portfolio(today, "CNY").unwrap();
        p.by_collateral
            .iter()
            .find(|s| s.loans == 1)
            .unwrap()
            .key
            .clone()
    };
    assert_eq!(
        (shortfall(&f.v), main_kind(&f.v)),
        (None, "unsecured".into())
    );
    // 2,000,000 × 70 % = 1,400,000: covered.
    let house =
        f.v.add_collateral(loan, &property("2000000", "0"), d(TODAY))
            .unwrap();
    assert_eq!(
        (shortfall(&f.v), main_kind(&f.v)),
        (None, "property".into())
    );
    // Revalued to 1,000,000: 700,000 lends, 300,000 short.
    let down = Revaluation {
        value: dec("1000000"),
        valued_on: d("2026-06-01"),
        source: "重估".into(),
    };
    f.v.revalue_collateral(house, &down, d(TODAY)).unwrap();
    assert_eq!(shortfall(&f.v), Some(dec("300000")));
    // A refused item changes nothing.
    assert!(f
        .v
        .add_collateral(loan, &property("-1", "0"), d(TODAY))
        .is_err());
    assert_eq!(shortfall(&f.v), Some(dec("300000")));
    // A deposit of 400,000 × 90 % = 360,000: 1,060,000 in all, covered again.
    let mut deposit = property("400000", "0");
    deposit.kind = CollateralKind::Deposit;
    f.v.add_collateral(loan, &deposit, d(TODAY)).unwrap();
    assert_eq!(
        (shortfall(&f.v), main_kind(&f.v)),
        (None, "property".into())
    );
    // The property released: the deposit alone, 640,000 short, and it is the main kind.
    f.v.archive_collateral(house, d(TODAY)).unwrap();
    assert_eq!(
        (shortfall(&f.v), main_kind(&f.v)),
        (Some(dec("640000")), "deposit".into())
    );
    let s = f.v.booked_loan(loan, today).unwrap().security;
    assert_eq!(s.shortfall, dec("640000"));
}
