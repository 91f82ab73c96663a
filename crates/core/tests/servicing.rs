//! Post-disbursement on a real vault: booking from the proposal, repayments and arrears,
//! classification, reminders by date, new versions of terms, the portfolio.
#![allow(clippy::unwrap_used)]
use chrono::NaiveDate;
use loandesk_core::clients::ClientInput;
use loandesk_core::loans::{DayCount, LoanTerms, Method, Rate, Rounding, ScenarioInput};
use loandesk_core::prefs::Language;
use loandesk_core::servicing::{
    reminder_text, AgeBucket, BookingInput, Classification, DisbursementInput, PeriodStatus,
    ReminderKind, ReminderMark,
};
use loandesk_core::{Error, Vault};
use rust_decimal::Decimal;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// 1,200,000.00 over 12 months at 3.6 %, equal principal: 100,000.00 a month plus interest
/// of balance × 0.3 % (the first period, 01-15 to 02-01, broken: 17 days on ACT/360). The
/// repayment day is the proposal's disbursement day, the 1st.
fn terms() -> LoanTerms {
    LoanTerms {
        principal: dec("1200000"),
        currency: "CNY".into(),
        term_months: 12,
        rate: Rate::Fixed {
            annual_percent: dec("3.6"),
        },
        disbursement_date: d("2026-01-01"),
        repay_day: None,
        method: Method::EqualPrincipal,
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: DayCount::Act360,
        rounding: Rounding::HalfUp,
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    v: Vault,
    client: i64,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("v.loandesk"), "servicing pass 1").unwrap();
    let client = v
        .create_client(
            &ClientInput::named("湖南湘江精密机械有限公司"),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
    v.save_scenario(
        client,
        &ScenarioInput {
            id: None,
            label: "方案一".into(),
            terms: terms(),
            proposed: true,
        },
    )
    .unwrap();
    Fixture {
        _dir: dir,
        v,
        client,
    }
}

fn book(f: &mut Fixture) -> i64 {
    f.v.book_loan(
        &BookingInput {
            client_id: f.client,
            contract_no: "HT-2026-001".into(),
            signed_on: d("2026-01-08"),
            terms: None,
            disbursements: vec![DisbursementInput {
                on: d("2026-01-15"),
                amount: dec("1200000"),
            }],
            repayment_account: "6222 0000 1111 2222".into(),
            penalty: Default::default(),
            reprice: Default::default(),
            facility_id: None,
        },
        d("2026-01-15"),
    )
    .unwrap()
}

#[test]
fn booking_from_the_proposal_keeps_the_schedule_as_booked() {
    let mut f = fixture();
    let id = book(&mut f);
    let loan = f.v.booked_loan(id, d("2026-01-20")).unwrap();
    assert_eq!(loan.contract_no, "HT-2026-001");
    assert_eq!(loan.terms.disbursement_date, d("2026-01-15"));
    assert_eq!(loan.periods.len(), 12);
    assert_eq!(
        loan.periods[0].due_on,
        d("2026-02-01"),
        "the proposal's repayment day (1st) is kept"
    );
    assert_eq!(loan.outstanding_principal, dec("1200000.00"));
    assert!(loan
        .periods
        .iter()
        .all(|p| p.status == PeriodStatus::Upcoming));
    assert_eq!(loan.classification, Classification::Pass);
    // The proposed scenario changing later does not touch the booked loan.
    let again = f.v.booked_loan(id, d("2026-01-20")).unwrap();
    assert_eq!(again.periods, loan.periods);
}

#[test]
fn a_late_payment_is_overdue_then_cured() {
    let mut f = fixture();
    let id = book(&mut f);
    let first = f.v.booked_loan(id, d("2026-01-20")).unwrap().periods[0].clone();
    let owed = first.principal + first.interest;

    // 2026-02-01 is a Sunday: paying on Monday the 2nd is on time.
    let monday = f.v.booked_loan(id, d("2026-02-02")).unwrap();
    assert_eq!(monday.periods[0].status, PeriodStatus::Due);
    assert_eq!(monday.overdue_days, 0);

    let late = f.v.booked_loan(id, d("2026-02-20")).unwrap();
    assert_eq!(late.periods[0].status, PeriodStatus::Overdue);
    assert_eq!(late.overdue_days, 19);
    assert_eq!(late.age_bucket, AgeBucket::Days1To30);
    assert_eq!(
        late.suggested_classification,
        Classification::SpecialMention
    );
    assert_eq!(late.overdue_amount, owed);
    let reminders = f.v.reminders(d("2026-02-20"), 7).unwrap();
    assert!(reminders
        .iter()
        .any(|r| r.kind == ReminderKind::Overdue && r.loan_id == Some(id) && r.overdue_days == 19));
    // "Handled" quiets arrears for the day only.
    let key = format!("overdue:{id}:1");
    f.v.mark_reminder(&key, ReminderMark::Done, d("2026-02-20"))
        .unwrap();
    let overdue_on =
        |v: &Vault, day: &str| v.reminders(d(day), 7).unwrap().iter().any(|r| r.key == key);
    assert!(!overdue_on(&f.v, "2026-02-20"));
    assert!(overdue_on(&f.v, "2026-02-21"));

    // 19 days of penalty on 100,000.00 at 3.6 % × 1.5 (285.00) and compound on the interest.
    assert_eq!(late.periods[0].penalty_interest, dec("285"));
    assert_eq!(
        late.amount_due,
        owed + late.periods[0].penalty_interest + late.periods[0].compound_interest
    );
    // A partial payment goes to compound and penalty interest, then interest: still overdue.
    f.v.record_repayment(
        id,
        d("2026-02-20"),
        dec("5000"),
        "部分还款",
        d("2026-02-20"),
    )
    .unwrap();
    let part = f.v.booked_loan(id, d("2026-02-20")).unwrap();
    let penalties = late.periods[0].penalty_interest + late.periods[0].compound_interest;
    assert_eq!(part.periods[0].paid_penalty, penalties);
    assert_eq!(part.periods[0].paid_interest, first.interest);
    assert_eq!(
        part.periods[0].paid_principal,
        dec("5000") - first.interest - penalties
    );
    assert_eq!(part.periods[0].status, PeriodStatus::Overdue);

    let rest = f.v.booked_loan(id, d("2026-02-21")).unwrap().amount_due;
    f.v.record_repayment(id, d("2026-02-21"), rest, "", d("2026-02-21"))
        .unwrap();
    let cured = f.v.booked_loan(id, d("2026-02-21")).unwrap();
    assert_eq!(cured.periods[0].status, PeriodStatus::Paid);
    assert_eq!(cured.overdue_days, 0);
    assert_eq!(cured.classification, Classification::Pass);
    assert_eq!(
        cured.outstanding_principal,
        dec("1200000") - first.principal
    );
    let reminders = f.v.reminders(d("2026-02-21"), 7).unwrap();
    assert!(!reminders.iter().any(|r| r.kind == ReminderKind::Overdue));
}

#[test]
fn early_full_repayment_closes_the_loan_and_overpayment_is_kept_aside() {
    let mut f = fixture();
    let id = book(&mut f);
    let today = d("2026-03-10");
    let payoff = f.v.booked_loan(id, today).unwrap().payoff_today;
    // Two periods due and unpaid, the rest of the principal, interest to date on the third.
    assert!(payoff > dec("1200000"));
    f.v.record_repayment(id, today, payoff + dec("100"), "提前结清", today)
        .unwrap();
    let loan = f.v.booked_loan(id, today).unwrap();
    assert_eq!(loan.closed_on, Some(today));
    assert_eq!(loan.outstanding_principal, dec("0.00"));
    assert_eq!(loan.overpaid, dec("100.00"));
    assert!(loan.periods.iter().all(|p| p.status == PeriodStatus::Paid));
    assert!(loan.periods[3..]
        .iter()
        .all(|p| p.paid_interest == dec("0.00")));
    assert!(f
        .v
        .reminders(today, 30)
        .unwrap()
        .iter()
        .all(|r| r.loan_id != Some(id)));
}

#[test]
fn bad_repayments_and_bookings_change_nothing() {
    let mut f = fixture();
    let id = book(&mut f);
    let today = d("2026-03-01");
    let before = f.v.booked_loan(id, today).unwrap();
    let bad = [
        (d("2026-01-14"), dec("100")), // before the disbursement
        (d("2026-02-01"), dec("-5")),
        (d("2026-02-01"), dec("0")),
        (d("2026-02-01"), dec("1.001")),
        (d("2026-03-02"), dec("100")), // in the future
    ];
    for (on, amount) in bad {
        let e = f.v.record_repayment(id, on, amount, "", today).unwrap_err();
        assert!(
            matches!(e, Error::Validation { .. }),
            "{on} {amount}: {e:?}"
        );
    }
    assert!(matches!(
        f.v.record_repayment(999, today, dec("1"), "", today),
        Err(Error::NotFound(_))
    ));
    assert_eq!(f.v.booked_loan(id, today).unwrap(), before);

    let dup = BookingInput {
        client_id: f.client,
        contract_no: "HT-2026-001".into(),
        signed_on: d("2026-01-08"),
        terms: Some(terms()),
        disbursements: vec![DisbursementInput {
            on: d("2026-01-10"),
            amount: dec("1000"),
        }],
        repayment_account: String::new(),
        penalty: Default::default(),
        facility_id: None,
        reprice: Default::default(),
    };
    assert!(matches!(
        f.v.book_loan(&dup, today),
        Err(Error::Validation { .. })
    ));
    let too_much = BookingInput {
        contract_no: "HT-2".into(),
        disbursements: vec![DisbursementInput {
            on: d("2026-01-10"),
            amount: dec("1200000.01"),
        }],
        ..dup.clone()
    };
    assert!(matches!(
        f.v.book_loan(&too_much, today),
        Err(Error::Validation { .. })
    ));
    let before_signing = BookingInput {
        contract_no: "HT-3".into(),
        disbursements: vec![DisbursementInput {
            on: d("2026-01-07"),
            amount: dec("1000"),
        }],
        ..dup
    };
    assert!(matches!(
        f.v.book_loan(&before_signing, today),
        Err(Error::Validation { .. })
    ));
    assert_eq!(f.v.client_loans(f.client, today).unwrap().len(), 1);
}

#[test]
fn classification_by_the_officer_keeps_its_history() {
    let mut f = fixture();
    let id = book(&mut f);
    let today = d("2026-06-10"); // five periods unpaid, the oldest 129 days
    let loan = f.v.booked_loan(id, today).unwrap();
    assert_eq!(loan.suggested_classification, Classification::Substandard);
    assert_eq!(loan.age_bucket, AgeBucket::Over90);
    assert!(matches!(
        f.v.set_classification(id, Some(Classification::Doubtful), " ", today),
        Err(Error::Validation { .. })
    ));
    f.v.set_classification(id, Some(Classification::Doubtful), "担保人失联", today)
        .unwrap();
    f.v.set_classification(id, None, "恢复按逾期天数", d("2026-06-11"))
        .unwrap();
    let loan = f.v.booked_loan(id, d("2026-06-11")).unwrap();
    assert_eq!(loan.classification, Classification::Substandard);
    let history: Vec<_> = loan
        .classification_history
        .iter()
        .map(|c| (c.class, c.reason.as_str()))
        .collect();
    assert_eq!(
        history,
        [
            (Classification::Substandard, "恢复按逾期天数"),
            (Classification::Doubtful, "担保人失联")
        ]
    );
}

#[test]
fn reminders_depend_on_the_day_and_obey_snooze_and_done() {
    let mut f = fixture();
    let id = book(&mut f);
    let due = |v: &Vault, day: &str, n: u32| -> Vec<String> {
        v.reminders(d(day), n)
            .unwrap()
            .into_iter()
            .filter(|r| r.kind == ReminderKind::DueSoon)
            .map(|r| r.key)
            .collect()
    };
    assert!(due(&f.v, "2026-01-20", 7).is_empty());
    assert_eq!(due(&f.v, "2026-01-25", 7), [format!("due:{id}:1")]);
    assert_eq!(due(&f.v, "2026-01-20", 14), [format!("due:{id}:1")]);

    f.v.mark_reminder(
        &format!("due:{id}:1"),
        ReminderMark::Snooze {
            until: d("2026-01-28"),
        },
        d("2026-01-25"),
    )
    .unwrap();
    assert!(due(&f.v, "2026-01-27", 7).is_empty());
    assert_eq!(due(&f.v, "2026-01-28", 7), [format!("due:{id}:1")]);
    f.v.mark_reminder(&format!("due:{id}:1"), ReminderMark::Done, d("2026-01-28"))
        .unwrap();
    assert!(due(&f.v, "2026-01-29", 7).is_empty());
    assert!(f
        .v
        .mark_reminder("due:999:1", ReminderMark::Done, d("2026-01-28"))
        .is_err());

    // The quarterly review falls 3 months after signing (2026-01-08).
    let reviews = |v: &Vault, day: &str| -> Vec<NaiveDate> {
        v.reminders(d(day), 7)
            .unwrap()
            .into_iter()
            .filter(|r| r.kind == ReminderKind::QuarterlyReview)
            .map(|r| r.due_on)
            .collect()
    };
    assert!(reviews(&f.v, "2026-03-31").is_empty());
    assert_eq!(reviews(&f.v, "2026-04-02"), [d("2026-04-08")]);
    f.v.mark_reminder(
        &format!("review:{id}:quarterly:2026-04-08"),
        ReminderMark::Done,
        d("2026-04-09"),
    )
    .unwrap();
    assert!(reviews(&f.v, "2026-04-09").is_empty());
    assert_eq!(reviews(&f.v, "2026-07-05"), [d("2026-07-08")]);
}

#[test]
fn a_change_of_terms_makes_a_new_version_and_keeps_the_old() {
    let mut f = fixture();
    let id = book(&mut f);
    let today = d("2026-02-01");
    f.v.record_repayment(id, today, dec("103600"), "", today)
        .unwrap();
    let mut t = f.v.booked_loan(id, today).unwrap().terms;
    t.rate = Rate::Fixed {
        annual_percent: dec("3.0"),
    };
    assert!(f.v.amend_loan_terms(id, &t, "").is_err());
    assert_eq!(
        f.v.amend_loan_terms(id, &t, "LPR 下调，利率重定价")
            .unwrap(),
        2
    );
    let loan = f.v.booked_loan(id, today).unwrap();
    assert_eq!(loan.version, 2);
    assert_eq!(loan.versions.len(), 2);
    assert_eq!(loan.versions[0].reason, "booked");
    assert_eq!(
        loan.periods[1].interest,
        dec("2750.00"),
        "1,100,000 × 3.0 % / 12"
    );
    // Version 1 is kept as booked, at 3.6 %.
    let v1 = f.v.version_schedule(id, 1).unwrap();
    assert_eq!(v1.len(), 12);
    assert_eq!(v1[1].3, dec("3300.00"));
    assert_eq!(f.v.version_schedule(id, 2).unwrap()[1].3, dec("2750.00"));
    // The repayment was allocated again to the new schedule.
    assert_eq!(loan.periods[0].paid_principal, dec("100000.00"));
}

#[test]
fn the_reminder_text_names_the_amount_in_words_and_the_account() {
    let mut f = fixture();
    let id = book(&mut f);
    let loan = f.v.booked_loan(id, d("2026-01-25")).unwrap();
    let zh = reminder_text(&loan, Language::Zh, "王经理", d("2026-01-25")).unwrap();
    assert!(zh.contains("湖南湘江精密机械有限公司"), "{zh}");
    assert!(
        zh.contains("HT-2026-001") && zh.contains("2026-02-01"),
        "{zh}"
    );
    assert!(
        zh.contains("6222 0000 1111 2222") && zh.contains("王经理"),
        "{zh}"
    );
    assert!(zh.contains("大写：壹拾万"), "{zh}");
    let en = reminder_text(&loan, Language::En, "", d("2026-01-25")).unwrap();
    assert!(en.starts_with("Dear 湖南湘江精密机械有限公司"), "{en}");
    let late = f.v.booked_loan(id, d("2026-02-25")).unwrap();
    let zh = reminder_text(&late, Language::Zh, "", d("2026-02-25")).unwrap();
    assert!(zh.contains("已逾期 24 天"), "{zh}");
    // The amount asked for is everything due, penalty and compound interest included.
    let penalty = late.penalty_interest + late.compound_interest;
    assert!(penalty > dec("0"), "{late:?}");
    assert!(late.amount_due > late.overdue_amount);
    assert!(
        zh.contains(&format!("CNY {}", grouped(late.amount_due))),
        "{zh}"
    );
    assert!(
        zh.contains(&format!("其中罚息及复利 CNY {}", grouped(penalty))),
        "{zh}"
    );
    let en = reminder_text(&late, Language::En, "", d("2026-02-25")).unwrap();
    assert!(
        en.contains(&format!("of which CNY {} is penalty", grouped(penalty))),
        "{en}"
    );
}

/// 1234567.8 → "1,234,567.80", as the reminder prints amounts.
fn grouped(d: Decimal) -> String {
    let s = format!("{:.2}", d);
    let (int, frac) = s.split_once('.').unwrap();
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out}.{frac}")
}

#[test]
fn the_portfolio_adds_up_by_tier_classification_and_age() {
    let mut f = fixture();
    let id = book(&mut f);
    let p = f.v.portfolio(d("2026-03-10"), "CNY").unwrap();
    assert_eq!(p.loans, 1);
    assert_eq!(p.outstanding, dec("1200000.00"));
    // The late loan's accrued penalty and compound interest, as its own page shows them.
    let loan = f.v.booked_loan(id, d("2026-03-10")).unwrap();
    assert!(loan.penalty_interest > dec("0"));
    assert_eq!(
        p.penalty_accrued,
        loan.penalty_interest + loan.compound_interest
    );
    assert_eq!(p.by_classification[0].key, "special_mention");
    assert_eq!(p.by_age[0].key, "31-60");
    assert_eq!(p.cash_in.len(), 12);
    assert_eq!(p.cash_in[0].month, "2026-03");
    // From this month on: the late February period is arrears, not cash to come.
    let march: Decimal = p.cash_in[0].principal;
    assert_eq!(march, dec("100000.00"));
    let total: Decimal = p.cash_in.iter().map(|m| m.principal).sum();
    assert_eq!(
        total,
        dec("1100000.00"),
        "2026-03-01 to 2027-01-01: eleven periods"
    );
    let loan = f.v.booked_loan(id, d("2026-03-10")).unwrap();
    assert_eq!(loan.overdue_days, 37);
}

/// The per-month cash-in the portfolio reads is kept in step with every change; after a mix of
/// them it equals a full recount over the open periods.
#[test]
fn the_cash_in_aggregate_matches_a_recount_after_every_kind_of_change() {
    let mut f = fixture();
    let a = book(&mut f);
    let b =
        f.v.book_loan(
            &BookingInput {
                client_id: f.client,
                contract_no: "HT-2026-002".into(),
                signed_on: d("2026-02-01"),
                terms: Some(terms()),
                disbursements: vec![
                    DisbursementInput {
                        on: d("2026-02-03"),
                        amount: dec("500000"),
                    },
                    DisbursementInput {
                        on: d("2026-04-20"),
                        amount: dec("300000"),
                    },
                ],
                repayment_account: String::new(),
                facility_id: None,
                penalty: Default::default(),
                reprice: Default::default(),
            },
            d("2026-05-01"),
        )
        .unwrap();
    let today = d("2026-05-01");
    f.v.record_repayment(a, d("2026-02-01"), dec("102040"), "", today)
        .unwrap();
    let r =
        f.v.record_repayment(b, d("2026-03-03"), dec("7000"), "", today)
            .unwrap();
    f.v.delete_repayment(b, r).unwrap();
    let mut t = f.v.booked_loan(a, today).unwrap().terms;
    t.rate = Rate::Fixed {
        annual_percent: dec("3.1"),
    };
    f.v.amend_loan_terms(a, &t, "重定价").unwrap();
    let payoff = f.v.booked_loan(a, today).unwrap().payoff_today;
    f.v.record_repayment(a, today, payoff, "结清", today)
        .unwrap();

    let recount: Vec<(String, i64, i64)> =
        f.v.conn()
            .prepare(
                "SELECT substr(due_on, 1, 7), sum(principal_fen - paid_principal_fen),
                    sum(interest_fen - paid_interest_fen - waived_interest_fen)
             FROM loan_periods WHERE settled_on IS NULL GROUP BY 1 ORDER BY 1",
            )
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(0).unwrap(), r.get(1).unwrap(), r.get(2).unwrap()))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
    let kept: Vec<(String, i64, i64)> =
        f.v.conn()
            .prepare(
                "SELECT month, principal_fen, interest_fen FROM cash_in_by_month
             WHERE principal_fen != 0 OR interest_fen != 0 ORDER BY month",
            )
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(0).unwrap(), r.get(1).unwrap(), r.get(2).unwrap()))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
    assert!(!recount.is_empty());
    assert_eq!(kept, recount);
    assert!(f.v.booked_loan(a, today).unwrap().closed_on.is_some());
}

#[test]
fn the_portfolio_exports_as_csv_and_xlsx_with_the_same_figures() {
    use calamine::{Data, Reader, Xlsx};
    let mut f = fixture();
    book(&mut f);
    let p = f.v.portfolio(d("2026-03-10"), "CNY").unwrap();
    use loandesk_core::prefs::Language;
    let csv = loandesk_core::servicing::portfolio_csv(&p, Language::Zh);
    assert!(
        csv.starts_with("\u{feff}维度,分组,笔数,贷款余额\n"),
        "{csv}"
    );
    assert!(csv.contains("\n五级分类,关注,1,1200000.00\n"), "{csv}");
    // The fixture's loan is 37 days overdue on 2026-03-10: its ageing bucket, in Chinese.
    assert!(csv.contains("\n逾期账龄,31–60 天,1,1200000.00\n"), "{csv}");
    let en = loandesk_core::servicing::portfolio_csv(&p, Language::En);
    assert!(
        en.contains("\nClassification,Special mention,1,1200000.00\n"),
        "{en}"
    );
    assert!(en.contains("\nMonth,Principal due,Interest due\n"), "{en}");

    let bytes = loandesk_core::servicing::portfolio_xlsx(&p, Language::Zh).unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("贷款余额").unwrap();
    let row = sheet
        .rows()
        .find(|r| r.get(1) == Some(&Data::String("关注".into())))
        .unwrap();
    assert_eq!(row[3], Data::Float(1_200_000.0));
    let cash = book.worksheet_range("未来12个月应收").unwrap();
    assert_eq!(cash.get((1, 0)), Some(&Data::String("2026-03".into())));
    assert_eq!(cash.get((1, 1)), Some(&Data::Float(100_000.0)));
    assert_eq!(cash.rows().count(), 13);
}

/// The portfolio reads a late loan's ledger only up to today when that provably allocates the
/// same (Ledger::penalty_owed); paying ahead, partial payments and a late catch-up must all
/// give the figure the loan's own page gives, on any day.
#[test]
fn the_portfolio_penalty_is_the_loans_own_whatever_was_paid_before() {
    let patterns: [&[(&str, &str)]; 4] = [
        // Paid well ahead, then nothing.
        &[("2026-01-20", "350000")],
        // Less than each instalment.
        &[
            ("2026-02-01", "60000"),
            ("2026-03-03", "60000"),
            ("2026-04-20", "90000"),
        ],
        // On time twice, then a late catch-up of more than was due.
        &[
            ("2026-02-01", "104000"),
            ("2026-03-01", "104000"),
            ("2026-05-15", "320000"),
        ],
        // Nothing at all.
        &[],
    ];
    for payments in patterns {
        let mut f = fixture();
        let id = book(&mut f);
        let rows: Vec<(NaiveDate, Decimal, &str)> = payments
            .iter()
            .map(|(on, amount)| (d(on), dec(amount), ""))
            .collect();
        if !rows.is_empty() {
            f.v.record_repayments(id, &rows, d("2026-05-31")).unwrap();
        }
        for today in ["2026-03-10", "2026-05-20", "2026-06-10", "2026-09-02"] {
            let p = f.v.portfolio(d(today), "CNY").unwrap();
            let loan = f.v.booked_loan(id, d(today)).unwrap();
            assert_eq!(
                p.penalty_accrued,
                loan.penalty_interest + loan.compound_interest,
                "{payments:?} on {today}"
            );
        }
    }
}

/// Repaid early enough to cover every instalment due by today but the last few thousand:
/// on the whole schedule that pays ahead and leaves the fifth period short (late, bearing
/// penalty); read only up to today it must not look like repaying the loan early.
#[test]
fn a_large_early_repayment_is_not_mistaken_for_repaying_the_loan() {
    let mut f = fixture();
    let id = book(&mut f);
    let today = d("2026-06-10");
    let loan = f.v.booked_loan(id, today).unwrap();
    let due: Vec<_> = loan.periods.iter().filter(|p| p.due_on <= today).collect();
    assert_eq!(due.len(), 5);
    let owed: Decimal = due.iter().map(|p| p.principal + p.interest).sum();
    f.v.record_repayments(id, &[(d("2026-03-10"), owed - dec("5000"), "")], today)
        .unwrap();
    let loan = f.v.booked_loan(id, today).unwrap();
    assert!(loan.closed_on.is_none());
    assert!(loan.penalty_interest + loan.compound_interest > dec("0"));
    let p = f.v.portfolio(today, "CNY").unwrap();
    assert_eq!(
        p.penalty_accrued,
        loan.penalty_interest + loan.compound_interest
    );
}
