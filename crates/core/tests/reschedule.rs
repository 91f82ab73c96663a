//! Prepayment (提前还款), LPR repricing (重定价) and extension (展期) on a real vault, with exact
//! figures: new schedule versions, interest saved, the classification floor.
#![allow(clippy::unwrap_used)]
mod poppler;
use chrono::NaiveDate;
use loandesk_core::clients::ClientInput;
use loandesk_core::loans::{DayCount, LoanTerms, LprTenor, Method, Rate, Rounding};
use loandesk_core::servicing::{
    BookingInput, Classification, DisbursementInput, LprRate, PenaltyTerms, PrepayFee, PrepayMode,
    PrepaymentInput, Reprice,
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
    let mut v = Vault::create(&dir.path().join("v.loandesk"), "reschedule pass 1").unwrap();
    let client = v
        .create_client(&ClientInput::named("安徽皖江机电有限公司"), d("2025-01-01"))
        .unwrap();
    Fixture {
        _dir: dir,
        v,
        client,
    }
}

/// 120,000 over 12 months from 2026-01-15 at 6 % (0.5 % a month).
fn terms(method: Method, rate: Rate, start: &str) -> LoanTerms {
    LoanTerms {
        principal: dec("120000"),
        currency: "CNY".into(),
        term_months: 12,
        rate,
        disbursement_date: d(start),
        repay_day: None,
        method,
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: DayCount::Act360,
        rounding: Rounding::HalfUp,
    }
}

fn six() -> Rate {
    Rate::Fixed {
        annual_percent: dec("6"),
    }
}

fn book(f: &mut Fixture, t: LoanTerms, reprice: Reprice) -> i64 {
    let on = t.disbursement_date;
    let n = f.v.client_loans(f.client, on).unwrap().len();
    f.v.book_loan(
        &BookingInput {
            client_id: f.client,
            contract_no: format!("RS-{n}"),
            signed_on: on,
            disbursements: vec![DisbursementInput {
                on,
                amount: t.principal,
            }],
            terms: Some(t),
            repayment_account: String::new(),
            penalty: PenaltyTerms::default(),
            reprice,
            facility_id: None,
        },
        on,
    )
    .unwrap()
}

fn pay_due(f: &mut Fixture, id: i64, on: &str) {
    let due = f.v.booked_loan(id, d(on)).unwrap().amount_due;
    f.v.record_repayment(id, d(on), due, "", d(on)).unwrap();
}

fn prepay(on: &str, amount: &str, mode: PrepayMode) -> PrepaymentInput {
    PrepaymentInput {
        on: d(on),
        amount: dec(amount),
        mode,
        fee: PrepayFee::None,
    }
}

fn principal_sum(f: &Fixture, id: i64, on: &str) -> Decimal {
    let loan = f.v.booked_loan(id, d(on)).unwrap();
    loan.periods.iter().map(|p| p.principal).sum()
}

#[test]
fn equal_principal_prepaid_on_a_due_date_both_ways() {
    for (mode, rows, saved, maturity, payment) in [
        (PrepayMode::ReducePayment, 13, "1375", "2027-01-15", "5250"),
        (PrepayMode::ShortenTerm, 8, "2000", "2026-08-15", "10250"),
    ] {
        let mut f = fixture();
        let id = book(
            &mut f,
            terms(Method::EqualPrincipal, six(), "2026-01-15"),
            Reprice::None,
        );
        pay_due(&mut f, id, "2026-02-16");
        // 10,550 due on 03-15, then 50,000 off the principal.
        let input = prepay("2026-03-15", "60550", mode);
        let preview = f.v.preview_prepayment(id, &input, d("2026-03-15")).unwrap();
        assert_eq!(f.v.booked_loan(id, d("2026-03-15")).unwrap().version, 1);
        let change = f.v.prepay_loan(id, &input, d("2026-03-15")).unwrap();
        assert_eq!(change, preview, "{mode:?}");
        assert_eq!(change.version, 2);
        assert_eq!(change.prepaid_principal, dec("50000"));
        assert_eq!(change.interest_saved, dec(saved), "{mode:?}");
        assert_eq!(change.new_maturity, d(maturity), "{mode:?}");
        assert_eq!(change.old_payment, dec("10500"));
        assert_eq!(change.new_payment, dec(payment), "{mode:?}");
        let loan = f.v.booked_loan(id, d("2026-03-15")).unwrap();
        assert_eq!(loan.version, 2);
        assert_eq!(loan.periods.len(), rows, "{mode:?}");
        assert_eq!(loan.outstanding_principal, dec("50000"));
        assert_eq!(loan.amount_due, dec("0"));
        assert_eq!(principal_sum(&f, id, "2026-03-15"), dec("120000"));
        // The old version is kept as booked.
        assert_eq!(f.v.version_schedule(id, 1).unwrap().len(), 12);
    }
}

#[test]
fn equal_installment_prepaid_both_ways_lowers_the_payment_or_the_term() {
    let mut outcomes = Vec::new();
    for mode in [PrepayMode::ReducePayment, PrepayMode::ShortenTerm] {
        let mut f = fixture();
        let id = book(
            &mut f,
            terms(Method::EqualInstallment, six(), "2026-01-15"),
            Reprice::None,
        );
        pay_due(&mut f, id, "2026-02-16");
        let due = f.v.booked_loan(id, d("2026-03-16")).unwrap().amount_due;
        let amount = (due + dec("40000")).to_string();
        let change =
            f.v.prepay_loan(id, &prepay("2026-03-16", &amount, mode), d("2026-03-16"))
                .unwrap();
        assert_eq!(principal_sum(&f, id, "2026-03-16"), dec("120000"));
        let loan = f.v.booked_loan(id, d("2026-03-16")).unwrap();
        let last = loan.periods.last().unwrap();
        assert_eq!(last.due_on, change.new_maturity);
        outcomes.push(change);
    }
    let (reduce, shorten) = (&outcomes[0], &outcomes[1]);
    // 120,000 at 6 % over 12: 10,327.97 a month.
    assert_eq!(reduce.old_payment, dec("10327.97"));
    assert!(reduce.new_payment < reduce.old_payment);
    assert_eq!(reduce.new_maturity, reduce.old_maturity);
    assert_eq!(shorten.new_payment, shorten.old_payment);
    assert!(shorten.new_maturity < shorten.old_maturity);
    assert!(shorten.interest_saved > reduce.interest_saved);
    assert!(reduce.interest_saved > Decimal::ZERO);
}

#[test]
fn a_prepayment_on_a_non_due_date_pays_interest_accrued_to_that_day() {
    let mut f = fixture();
    let id = book(
        &mut f,
        terms(Method::EqualPrincipal, six(), "2026-01-15"),
        Reprice::None,
    );
    pay_due(&mut f, id, "2026-02-16");
    // 03-01 is 14 of 28 days into the period of 550.00 interest: 275.00 accrued.
    let mut input = prepay("2026-03-01", "50275", PrepayMode::ReducePayment);
    let change = f.v.prepay_loan(id, &input, d("2026-03-01")).unwrap();
    assert_eq!(change.prepaid_principal, dec("50000"));
    let own = &change.new[1];
    assert_eq!(
        (own.due_on, own.interest, own.principal),
        (d("2026-03-01"), dec("275"), dec("50000"))
    );
    // The next period runs from 03-01 on 60,000: 14 days at 6 % / 360 = 140.00.
    assert_eq!(change.new[2].due_on, d("2026-03-15"));
    assert_eq!(change.new[2].interest, dec("140"));
    assert_eq!(change.new.len(), 13);
    // More than the payoff is refused; so is a date before the last repayment.
    input.amount = dec("1000000");
    assert!(matches!(
        f.v.prepay_loan(id, &input, d("2026-03-01")),
        Err(Error::Validation { .. })
    ));
    let before = f.v.booked_loan(id, d("2026-03-02")).unwrap();
    let early = prepay("2026-02-20", "1000", PrepayMode::ReducePayment);
    assert!(matches!(
        f.v.prepay_loan(id, &early, d("2026-03-02")),
        Err(Error::Validation { .. })
    ));
    assert_eq!(f.v.booked_loan(id, d("2026-03-02")).unwrap(), before);
}

#[test]
fn a_prepayment_fee_comes_out_of_the_amount() {
    let mut f = fixture();
    let id = book(
        &mut f,
        terms(Method::EqualPrincipal, six(), "2026-01-15"),
        Reprice::None,
    );
    pay_due(&mut f, id, "2026-02-16");
    let mut input = prepay("2026-03-15", "61050", PrepayMode::ReducePayment);
    input.fee = PrepayFee::Percent { percent: dec("1") };
    let change = f.v.prepay_loan(id, &input, d("2026-03-15")).unwrap();
    // 61,050 − 10,550 due = 50,500 = principal 50,000 + 1 % fee 500.
    assert_eq!(
        (change.prepaid_principal, change.fee),
        (dec("50000"), dec("500"))
    );
    assert_eq!(
        f.v.booked_loan(id, d("2026-03-15"))
            .unwrap()
            .outstanding_principal,
        dec("50000")
    );
}

fn lpr_loan(f: &mut Fixture) -> i64 {
    let rate = Rate::Lpr {
        tenor: LprTenor::OneYear,
        lpr_percent: dec("3.45"),
        spread_bp: dec("55"),
    };
    book(
        f,
        terms(Method::EqualPrincipal, rate, "2025-07-15"),
        Reprice::Jan1,
    )
}

fn lpr(f: &mut Fixture, on: &str, percent: &str) {
    f.v.set_lpr(&LprRate {
        published_on: d(on),
        tenor: LprTenor::OneYear,
        percent: dec(percent),
    })
    .unwrap();
}

#[test]
fn repricing_up_and_down_on_1_january() {
    for (percent, new_rate, first_interest, rest_interest) in [
        // 4.00 % → 4.50 %: 127.96 at the old rate (17 of 31 days of 233.33) + 122.50.
        ("3.95", "4.50", "250.46", "787.50"),
        // 4.00 % → 3.50 %: 127.96 + 95.28.
        ("2.95", "3.50", "223.24", "612.50"),
    ] {
        let mut f = fixture();
        let id = lpr_loan(&mut f);
        let today = d("2026-01-05");
        let due = f.v.repricings_due(today).unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].reprice_on, d("2026-01-01"));
        assert_eq!(due[0].new_percent, None);
        let e = f.v.reprice_loan(id, d("2026-01-01"), today);
        assert!(matches!(
            e,
            Err(Error::Validation { ref field, .. }) if field == "date"
        ));
        lpr(&mut f, "2025-11-20", "3.00");
        lpr(&mut f, "2025-12-22", percent);
        lpr(&mut f, "2026-01-20", "1.00"); // published after the day: not used
        let due = f.v.repricings_due(today).unwrap();
        assert_eq!(due[0].new_percent, Some(dec(new_rate)));
        assert!(matches!(
            f.v.reprice_loan(id, d("2026-01-02"), today),
            Err(Error::Validation { .. })
        ));
        let change = f.v.reprice_loan(id, d("2026-01-01"), today).unwrap();
        assert_eq!(change.new[5].due_on, d("2026-01-15"));
        assert_eq!(change.new[5].interest, dec(first_interest), "{percent}");
        let rest: Decimal = change.new[6..].iter().map(|r| r.interest).sum();
        assert_eq!(rest, dec(rest_interest), "{percent}");
        let loan = f.v.booked_loan(id, today).unwrap();
        assert_eq!(loan.terms.rate.annual_percent(), dec(new_rate));
        assert_eq!(loan.repriced_on, Some(d("2026-01-01")));
        assert_eq!(principal_sum(&f, id, "2026-01-05"), dec("120000"));
        assert!(f.v.repricings_due(today).unwrap().is_empty());
        // Once only.
        assert!(f.v.reprice_loan(id, d("2026-01-01"), today).is_err());
    }
}

#[test]
fn extending_an_overdue_loan_keeps_the_arrears_and_classifies_it_at_least_special_mention() {
    let mut f = fixture();
    let id = book(
        &mut f,
        terms(Method::EqualPrincipal, six(), "2026-01-15"),
        Reprice::None,
    );
    let today = d("2026-03-01");
    let before = f.v.booked_loan(id, today).unwrap();
    assert_eq!(before.overdue_days, 14);
    assert!(matches!(
        f.v.extend_loan(id, 6, "  ", today),
        Err(Error::Validation { .. })
    ));
    let preview = f.v.preview_extension(id, 6, "经营周转困难", today).unwrap();
    assert_eq!(f.v.booked_loan(id, today).unwrap(), before);
    let change = f.v.extend_loan(id, 6, "经营周转困难", today).unwrap();
    assert_eq!(change, preview);
    assert_eq!(change.new_maturity, d("2027-07-15"));
    // 110,000 not yet due over 17 periods: 6,470.59; the first at 0.5 %: 550.00.
    assert_eq!(change.new[1].principal, dec("6470.59"));
    assert_eq!(change.new[1].interest, dec("550"));
    assert!(change.interest_saved < Decimal::ZERO);
    let loan = f.v.booked_loan(id, today).unwrap();
    assert!(loan.extended);
    assert_eq!(loan.periods.len(), 18);
    assert_eq!(loan.periods[0], before.periods[0], "the arrears stay");
    assert_eq!(principal_sum(&f, id, "2026-03-01"), dec("120000"));
    assert_eq!(loan.versions.last().unwrap().reason, "经营周转困难");
    // Cured: still at least 关注 because it was extended.
    pay_due(&mut f, id, "2026-03-02");
    let cured = f.v.booked_loan(id, d("2026-03-02")).unwrap();
    assert_eq!(cured.overdue_days, 0);
    assert_eq!(
        cured.suggested_classification,
        Classification::SpecialMention
    );
}

#[test]
fn a_closed_loan_cannot_be_extended_repriced_or_prepaid() {
    let mut f = fixture();
    let id = book(
        &mut f,
        terms(Method::EqualPrincipal, six(), "2026-01-15"),
        Reprice::None,
    );
    let payoff = f.v.booked_loan(id, d("2026-01-20")).unwrap().payoff_today;
    f.v.record_repayment(id, d("2026-01-20"), payoff, "结清", d("2026-01-20"))
        .unwrap();
    let e = f.v.extend_loan(id, 3, "展期", d("2026-01-21"));
    assert!(matches!(e, Err(Error::Validation { ref rule, .. }) if rule.key() == "loan_closed"));
    let e = f.v.prepay_loan(
        id,
        &prepay("2026-01-21", "10", PrepayMode::ReducePayment),
        d("2026-01-21"),
    );
    assert!(matches!(e, Err(Error::Validation { .. })));
}

#[test]
fn the_technical_overdue_exception_keeps_a_few_days_late_loan_pass() {
    let mut f = fixture();
    let id = book(
        &mut f,
        terms(Method::EqualPrincipal, six(), "2026-03-15"),
        Reprice::None,
    );
    // Due Wednesday 04-15: 2026-02-15 would be in 春节, on time until 02-24.
    let today = d("2026-04-20");
    assert_eq!(
        f.v.booked_loan(id, today).unwrap().suggested_classification,
        Classification::SpecialMention
    );
    f.v.set_technical_overdue(id, Some("代扣系统故障"), today)
        .unwrap();
    let loan = f.v.booked_loan(id, today).unwrap();
    assert_eq!(loan.suggested_classification, Classification::Pass);
    assert_eq!(
        loan.technical_overdue_reason.as_deref(),
        Some("代扣系统故障")
    );
    // Past 7 days the exception no longer applies, and cannot be set.
    let late = f.v.booked_loan(id, d("2026-04-25")).unwrap();
    assert_eq!(
        late.suggested_classification,
        Classification::SpecialMention
    );
    let mut g = fixture();
    let other = book(
        &mut g,
        terms(Method::EqualPrincipal, six(), "2026-03-15"),
        Reprice::None,
    );
    assert!(g
        .v
        .set_technical_overdue(other, Some("代扣系统故障"), d("2026-04-25"))
        .is_err());
}

/// After a prepayment the client gets the new schedule: the PDF of the loan's current version,
/// read back, names the contract and version 2 and lists exactly the new periods and totals.
#[test]
fn the_schedule_pdf_after_a_prepayment_is_the_new_version() {
    let mut f = fixture();
    let id = book(
        &mut f,
        terms(Method::EqualPrincipal, six(), "2026-01-15"),
        Reprice::None,
    );
    pay_due(&mut f, id, "2026-02-16");
    let input = prepay("2026-03-15", "60550", PrepayMode::ShortenTerm);
    f.v.prepay_loan(id, &input, d("2026-03-15")).unwrap();
    let loan = f.v.booked_loan(id, d("2026-03-15")).unwrap();
    use loandesk_core::amount::{format_amount, AmountUnit};
    let wan = format!(
        "{} 万元",
        format_amount(loan.terms.principal, AmountUnit::Wan)
    );
    for (lang, unit, version, principal) in [
        (
            loandesk_core::pdf::Lang::Zh,
            Some(AmountUnit::Wan),
            "（第 2 版）",
            wan.as_str(),
        ),
        (loandesk_core::pdf::Lang::En, None, " (version 2)", "CNY "),
    ] {
        let pdf =
            f.v.loan_schedule_pdf(id, lang, unit, d("2026-03-15"))
                .unwrap();
        let path = f._dir.path().join("schedule.pdf");
        std::fs::write(&path, &pdf.bytes).unwrap();
        let text = poppler::text(&path);
        let squeezed: String = text.split_whitespace().collect();
        let expected: String = format!("{}{version}", loan.contract_no)
            .split_whitespace()
            .collect();
        assert!(squeezed.contains(&expected), "{text}");
        // The new maturity, and no period beyond it.
        assert_eq!(loan.periods.len(), 8);
        assert!(text.contains("2026-08-15"), "{text}");
        assert!(!text.contains("2026-09-15"), "{text}");
        // No APR for a serviced schedule: it describes an offer.
        assert!(!text.contains("APR") && !text.contains("年化"), "{text}");
        let interest: Decimal = loan.periods.iter().map(|p| p.interest).sum();
        let shown = format!("{:.2}", interest);
        assert!(
            text.replace(',', "").contains(&shown),
            "total interest {shown}: {text}"
        );
        // The principal in the officer's unit for PDFs (issue 19, item 1).
        assert!(text.contains(principal), "{principal}: {text}");
    }
}
