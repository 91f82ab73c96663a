//! The official holiday calendar on a real encrypted vault: a due date in the 2026 春节 is on
//! time until the first working day after it, the officer's exceptions win, and a CSV for later
//! years is previewed, refused with its line number when a row is bad, then stored.
#![allow(clippy::unwrap_used)]
use chrono::NaiveDate;
use loandesk_core::clients::ClientInput;
use loandesk_core::loans::{DayCount, LoanTerms, Method, Rate, Rounding, ScenarioInput};
use loandesk_core::rule::Rule;
use loandesk_core::servicing::{
    BookingInput, DayKind, DisbursementInput, PeriodStatus, ReminderKind, WorkingDays,
};
use loandesk_core::{Error, Vault};
use rust_decimal::Decimal;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// 1,200,000.00 over 12 months, due on the 16th: the first on Monday 2026-02-16, in 春节.
fn terms() -> LoanTerms {
    LoanTerms {
        principal: Decimal::from(1_200_000),
        currency: "CNY".into(),
        term_months: 12,
        rate: Rate::Fixed {
            annual_percent: "3.6".parse().unwrap(),
        },
        disbursement_date: d("2026-01-16"),
        repay_day: None,
        method: Method::EqualPrincipal,
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: DayCount::Act360,
        rounding: Rounding::HalfUp,
    }
}

fn booked() -> (tempfile::TempDir, Vault, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("v.loandesk"), "calendar pass 1").unwrap();
    let client = v
        .create_client(&ClientInput::named("长沙星城纺织有限公司"), d("2026-01-05"))
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
    let loan = v
        .book_loan(
            &BookingInput {
                client_id: client,
                contract_no: "HT-2026-016".into(),
                signed_on: d("2026-01-10"),
                terms: None,
                disbursements: vec![DisbursementInput {
                    on: d("2026-01-16"),
                    amount: Decimal::from(1_200_000),
                }],
                repayment_account: "6222 0000 1111 2222".into(),
                penalty: Default::default(),
                reprice: Default::default(),
                facility_id: None,
            },
            d("2026-01-16"),
        )
        .unwrap();
    (dir, v, loan)
}

#[test]
fn a_spring_festival_due_date_is_on_time_until_2026_02_24() {
    let (_dir, v, loan) = booked();
    let first = |on: &str| v.booked_loan(loan, d(on)).unwrap();
    assert_eq!(first("2026-02-16").periods[0].due_on, d("2026-02-16"));
    // Weekends alone would make Tuesday the 17th late; the notice gives 02-15 to 02-23 off.
    assert_eq!(first("2026-02-23").periods[0].status, PeriodStatus::Due);
    assert_eq!(first("2026-02-24").periods[0].status, PeriodStatus::Due);
    assert_eq!(first("2026-02-24").overdue_days, 0);
    let late = first("2026-02-25");
    assert_eq!(late.periods[0].status, PeriodStatus::Overdue);
    assert_eq!(late.overdue_days, 9);
    // Reminders and the portfolio read the same calendar.
    let overdue = |on: &str| {
        v.reminders(d(on), 7)
            .unwrap()
            .iter()
            .any(|r| r.kind == ReminderKind::Overdue)
    };
    assert!(!overdue("2026-02-24"));
    assert!(overdue("2026-02-25"));
    let ages = |on: &str| {
        v.portfolio(d(on), "CNY")
            .unwrap()
            .by_age
            .into_iter()
            .map(|s| s.key)
            .collect::<Vec<_>>()
    };
    assert_eq!(ages("2026-02-24"), ["current"]);
    assert_eq!(ages("2026-02-25"), ["1-30"]);
}

#[test]
fn the_officers_exceptions_win_over_the_notice() {
    let (_dir, mut v, loan) = booked();
    // The branch opens on Monday 02-23 although the notice gives it off.
    v.set_working_days(&WorkingDays {
        holidays: vec![d("2026-02-28")],
        extra_working_days: vec![d("2026-02-23")],
    })
    .unwrap();
    let view = v.booked_loan(loan, d("2026-02-24")).unwrap();
    assert_eq!(view.periods[0].status, PeriodStatus::Overdue);
    // What Settings edits stays the officer's own list.
    assert_eq!(
        v.working_days().unwrap().extra_working_days,
        [d("2026-02-23")]
    );
    let days = v.effective_working_days().unwrap();
    assert!(days.is_working_day(d("2026-02-23")));
    assert!(
        !days.is_working_day(d("2026-02-28")),
        "a worked Saturday the officer closes"
    );
    assert!(
        days.is_working_day(d("2026-02-14")),
        "the notice's worked Saturday"
    );
}

#[test]
fn a_later_year_is_previewed_refused_on_a_bad_row_then_imported() {
    let (_dir, mut v, loan) = booked();
    let summary = v.calendar_summary().unwrap();
    assert!(summary.built_in_years.starts_with(&[2020, 2021]));
    assert!(summary.built_in_years.contains(&2026));
    assert!(summary.imported_years.is_empty());
    assert!(summary
        .sources
        .iter()
        .all(|s| s.starts_with("国务院办公厅关于")));

    // A test file, not a notice: one bad date on line 4, nothing stored.
    let bad = "date,kind,name,source\n2030-02-04,holiday,测试假日,测试\n\n2030-02-31,holiday,测试假日,测试\n";
    let err = v.preview_calendar(bad).unwrap_err();
    let Error::Validation { rule, .. } = err else {
        panic!("{err:?}")
    };
    assert!(
        matches!(rule, Rule::CalendarRow { line: 4, .. }),
        "{rule:?}"
    );
    assert_eq!(
        err_code(&v.preview_calendar("x\n").unwrap_err()),
        "validation"
    );
    assert!(v.calendar_summary().unwrap().imported_years.is_empty());

    let file = "date,kind,name,source\n\
                2030-02-04,holiday,测试假日,测试通知\n\
                2030-02-09,workday,测试调休,测试通知\n\
                2026-02-24,holiday,测试延长,测试通知\n\
                2026-02-23,holiday,春节,国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）\n";
    let preview = v.preview_calendar(file).unwrap();
    assert_eq!(preview.years, [2026, 2030]);
    assert_eq!(preview.added.len(), 3);
    assert_eq!(preview.unchanged, 1);
    assert!(preview.changed.is_empty());
    assert_eq!(
        v.booked_loan(loan, d("2026-02-25")).unwrap().periods[0].status,
        PeriodStatus::Overdue,
        "a preview stores nothing"
    );

    let done = v.import_calendar(&preview.days).unwrap();
    assert_eq!(done.added.len(), 3);
    let summary = v.calendar_summary().unwrap();
    assert_eq!(summary.imported_years, [2026, 2030]);
    assert_eq!(summary.imported_days, 4);
    assert_eq!(
        v.booked_loan(loan, d("2026-02-25")).unwrap().periods[0].status,
        PeriodStatus::Due,
        "the imported day off moves the grace to the 25th"
    );
    assert!(v
        .effective_working_days()
        .unwrap()
        .is_working_day(d("2030-02-09")));

    // Importing again over an imported day is a change, shown before and after.
    let again = v
        .preview_calendar("2030-02-04,workday,测试调休,测试通知二\n")
        .unwrap();
    assert_eq!(again.changed.len(), 1);
    assert_eq!(again.changed[0].before.kind, DayKind::Holiday);
    assert_eq!(again.changed[0].after.kind, DayKind::Workday);
}

fn err_code(e: &Error) -> &'static str {
    e.code()
}
