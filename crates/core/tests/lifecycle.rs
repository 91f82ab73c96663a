//! The lifecycle loop (issue 16) on a real vault: each suggestion rule with exact dates, applied
//! only when suggested, Today's dormant clients and loans due for renewal, and new
//! opportunities from a need or a renewal.
#![allow(clippy::unwrap_used)]
use chrono::NaiveDate;
use loandesk_core::clients::{Channel, ClientInput, LifecycleStatus, Tier, TouchpointInput};
use loandesk_core::feedback::{FeedbackInput, NeedInput};
use loandesk_core::journey::{EntryVia, OpportunitySource, StatusInput};
use loandesk_core::lifecycle::{DormantDays, LifecycleSettings, SuggestionReason};
use loandesk_core::loans::{DayCount, LoanTerms, Method, Rate, Rounding};
use loandesk_core::servicing::{BookingInput, DisbursementInput, Reminder, ReminderKind};
use loandesk_core::{Error, Vault};
use rust_decimal::Decimal;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::create(&dir.path().join("v.loandesk"), "lifecycle pass 1").unwrap();
    (dir, v)
}

fn client(v: &mut Vault, name: &str, tier: Tier, status: LifecycleStatus, stage: u8) -> i64 {
    let mut input = ClientInput::named(name);
    input.tier = tier;
    input.status = status;
    input.stage = stage;
    v.create_client(&input, d("2026-01-01")).unwrap()
}

fn contact(v: &mut Vault, client: i64, on: &str) {
    v.add_touchpoint(
        client,
        &TouchpointInput {
            date: d(on),
            channel: Channel::Visit,
            summary: "拜访".into(),
            next_step: String::new(),
            next_contact_date: None,
        },
    )
    .unwrap();
}

/// A twelve-month loan of 1,000,000 from `start`, maturing a year later.
fn book(v: &mut Vault, client: i64, contract: &str, start: &str) -> i64 {
    let terms = LoanTerms {
        principal: Decimal::new(1_000_000, 0),
        currency: "CNY".into(),
        term_months: 12,
        rate: Rate::Fixed {
            annual_percent: Decimal::new(435, 2),
        },
        disbursement_date: d(start),
        repay_day: None,
        method: Method::Bullet,
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: DayCount::Act360,
        rounding: Rounding::HalfUp,
    };
    v.book_loan(
        &BookingInput {
            client_id: client,
            contract_no: contract.into(),
            signed_on: d(start),
            disbursements: vec![DisbursementInput {
                on: d(start),
                amount: terms.principal,
            }],
            terms: Some(terms),
            repayment_account: String::new(),
            penalty: Default::default(),
            reprice: Default::default(),
            facility_id: None,
        },
        d(start),
    )
    .unwrap()
}

fn suggested(
    v: &Vault,
    today: &str,
) -> Vec<(i64, LifecycleStatus, LifecycleStatus, SuggestionReason)> {
    v.lifecycle_suggestions(d(today))
        .unwrap()
        .into_iter()
        .map(|s| (s.client_id, s.from, s.to, s.reason))
        .collect()
}

fn status(v: &Vault, client: i64) -> LifecycleStatus {
    v.client(client).unwrap().fields.status
}

fn of_kind(v: &Vault, today: &str, kind: ReminderKind) -> Vec<Reminder> {
    v.reminders(d(today), 7)
        .unwrap()
        .into_iter()
        .filter(|r| r.kind == kind)
        .collect()
}

#[test]
fn a_quiet_client_is_suggested_dormant_on_the_tiers_day_and_active_again_after_contact() {
    use LifecycleStatus::*;
    let (_dir, mut v) = vault();
    let a = client(&mut v, "长沙湘江纺织有限公司", Tier::A, Active, 5);
    let b = client(&mut v, "株洲精工机械有限公司", Tier::B, Active, 5);
    contact(&mut v, a, "2026-02-01");
    contact(&mut v, b, "2026-02-01");
    // Tier A: 60 days after 2026-02-01 is 2026-04-02; tier B: 120 days, 2026-06-01.
    assert_eq!(suggested(&v, "2026-04-01"), []);
    assert_eq!(
        suggested(&v, "2026-04-02"),
        [(a, Active, Dormant, SuggestionReason::NoContact)]
    );
    assert_eq!(suggested(&v, "2026-05-31").len(), 1);
    assert_eq!(
        suggested(&v, "2026-06-01"),
        [
            (a, Active, Dormant, SuggestionReason::NoContact),
            (b, Active, Dormant, SuggestionReason::NoContact)
        ]
    );
    let today = of_kind(&v, "2026-06-01", ReminderKind::Dormant);
    let due: Vec<(i64, NaiveDate, i64)> = today
        .iter()
        .map(|r| (r.client_id, r.due_on, r.overdue_days))
        .collect();
    assert_eq!(
        due,
        [(a, d("2026-04-02"), 60), (b, d("2026-06-01"), 0)],
        "on Today from the day the quiet spell reached N"
    );

    // Settings change N per tier.
    v.set_lifecycle_settings(&LifecycleSettings {
        dormant_days: DormantDays {
            a: 200,
            b: 120,
            c: 365,
        },
        renewal_days: 90,
    })
    .unwrap();
    assert_eq!(
        suggested(&v, "2026-06-01"),
        [(b, Active, Dormant, SuggestionReason::NoContact)]
    );

    // Nothing changes until the officer confirms.
    assert_eq!(status(&v, b), Active);
    let refused = v.apply_lifecycle(b, Loyal, d("2026-06-01")).unwrap_err();
    assert!(matches!(refused, Error::Validation { .. }), "{refused:?}");
    assert_eq!(status(&v, b), Active);
    let applied = v.apply_lifecycle(b, Dormant, d("2026-06-01")).unwrap();
    assert_eq!(applied.reason, SuggestionReason::NoContact);
    assert_eq!(status(&v, b), Dormant);
    let note: String = v
        .conn()
        .query_row(
            "SELECT note FROM status_changes WHERE client_id = ?1 AND to_status = 'dormant'",
            [b],
            |r| r.get(0),
        )
        .unwrap();
    assert!(note.contains("长期未联系"), "{note}");
    assert!(of_kind(&v, "2026-06-01", ReminderKind::Dormant).is_empty());

    // A contact makes it recent: the dormant client is suggested active.
    contact(&mut v, b, "2026-06-10");
    assert_eq!(
        suggested(&v, "2026-06-10"),
        [(b, Dormant, Active, SuggestionReason::RecentContact)]
    );
    v.apply_lifecycle(b, Active, d("2026-06-10")).unwrap();
    assert_eq!(suggested(&v, "2026-06-10"), []);
}

#[test]
fn loans_and_referrals_make_active_and_loyal_suggestions() {
    use LifecycleStatus::*;
    let (_dir, mut v) = vault();
    let p = client(&mut v, "湘潭电机配件有限公司", Tier::C, Prospect, 5);
    let r = client(&mut v, "岳阳港务物流有限公司", Tier::C, Active, 5);
    let referred = client(&mut v, "衡阳新材料有限公司", Tier::C, Prospect, 1);
    let t = "2026-03-01";
    assert_eq!(
        suggested(&v, t),
        [],
        "a prospect in contact stays a prospect"
    );
    book(&mut v, p, "HT-1", "2026-02-01");
    assert_eq!(
        suggested(&v, t),
        [(p, Prospect, Active, SuggestionReason::ActiveLoan)]
    );
    v.apply_lifecycle(p, Active, d(t)).unwrap();
    book(&mut v, p, "HT-2", "2026-02-15");
    v.add_referral(r, referred, d("2026-02-20")).unwrap();
    assert_eq!(
        suggested(&v, t),
        [
            (p, Active, Loyal, SuggestionReason::SecondLoan),
            (r, Active, Loyal, SuggestionReason::Referral)
        ]
    );
    assert_eq!(
        v.client_referrals(r).unwrap()[0].referred_name,
        "衡阳新材料有限公司"
    );
    // A company is referred once, and never by itself.
    assert!(v.add_referral(p, referred, d(t)).is_err());
    assert!(v.add_referral(r, r, d(t)).is_err());
    // A client with an active loan is never dormant, however quiet.
    assert_eq!(
        suggested(&v, "2027-06-01"),
        [
            (p, Active, Loyal, SuggestionReason::SecondLoan),
            (r, Active, Dormant, SuggestionReason::NoContact),
            (referred, Prospect, Dormant, SuggestionReason::NoContact)
        ]
    );
    // Lost keeps its reason: no suggestion.
    v.set_status(
        r,
        &StatusInput {
            status: Lost,
            lost_reason: Some("pricing".into()),
            note: String::new(),
        },
        d(t),
    )
    .unwrap();
    assert!(suggested(&v, "2027-06-01").iter().all(|s| s.0 != r));
}

#[test]
fn a_maturing_loan_is_due_for_renewal_until_its_renewal_starts() {
    let (_dir, mut v) = vault();
    let c = client(
        &mut v,
        "长沙湘江纺织有限公司",
        Tier::A,
        LifecycleStatus::Active,
        5,
    );
    let loan = book(&mut v, c, "HT-2026-001", "2026-01-15");
    let maturity: String = v
        .conn()
        .query_row(
            "SELECT maturity_on FROM booked_loans WHERE id = ?1",
            [loan],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(maturity, "2027-01-15");
    // 90 days (the default) before 2027-01-15 is 2026-10-17.
    assert!(of_kind(&v, "2026-10-16", ReminderKind::RenewalDue).is_empty());
    let due = of_kind(&v, "2026-10-17", ReminderKind::RenewalDue);
    assert_eq!(due.len(), 1);
    assert_eq!(
        (due[0].loan_id, due[0].due_on, due[0].contract_no.as_str()),
        (Some(loan), d("2027-01-15"), "HT-2026-001")
    );
    assert_eq!(due[0].amount, Some(Decimal::new(1_000_000, 0)));

    let o = v
        .start_opportunity(OpportunitySource::Renewal(loan), 3, d("2026-10-20"))
        .unwrap();
    assert_eq!((o.client_id, o.stage, o.loan_id), (c, 3, Some(loan)));
    assert!(of_kind(&v, "2026-10-20", ReminderKind::RenewalDue).is_empty());
    let again = v.start_opportunity(OpportunitySource::Renewal(loan), 3, d("2026-10-21"));
    assert!(matches!(again, Err(Error::Validation { .. })));
    // The renewed loan, once booked, makes the client loyal.
    book(&mut v, c, "HT-2027-001", "2026-12-01");
    let s = v.lifecycle_suggestion(c, d("2026-12-02")).unwrap().unwrap();
    assert_eq!(
        (s.to, s.reason),
        (LifecycleStatus::Loyal, SuggestionReason::Renewal)
    );
}

#[test]
fn a_need_starts_a_new_journey_linked_to_it_with_fresh_checklists() {
    let (_dir, mut v) = vault();
    let c = client(
        &mut v,
        "长沙湘江纺织有限公司",
        Tier::A,
        LifecycleStatus::Active,
        5,
    );
    let busy = client(
        &mut v,
        "株洲精工机械有限公司",
        Tier::B,
        LifecycleStatus::Prospect,
        2,
    );
    let feedback = |v: &mut Vault, client: i64| {
        v.add_feedback(
            client,
            &FeedbackInput {
                score: 4,
                stage: None,
                mood: None,
                touchpoint_id: None,
                date: None,
                problems: Vec::new(),
                needs: vec![NeedInput {
                    text: "新厂房建设需要固定资产贷款".into(),
                    product_type: Some("fixed-asset".into()),
                }],
            },
            d("2026-05-01"),
        )
        .unwrap()
        .needs[0]
    };
    let need = feedback(&mut v, c);
    let busy_need = feedback(&mut v, busy);
    // Stage 3's items were ticked in the earlier journey.
    v.conn()
        .execute(
            "UPDATE checklist_items SET done_on = '2026-01-10' WHERE client_id = ?1",
            [c],
        )
        .unwrap();
    let stage2_done_before: i64 = v
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM checklist_items WHERE client_id = ?1 AND stage = 2 AND done_on IS NOT NULL",
            [c],
            |r| r.get(0),
        )
        .unwrap();

    let bad_stage = v.start_opportunity(OpportunitySource::Need(need), 2, d("2026-05-02"));
    assert!(matches!(bad_stage, Err(Error::Validation { .. })));
    let in_progress = v.start_opportunity(OpportunitySource::Need(busy_need), 1, d("2026-05-02"));
    assert!(
        matches!(in_progress, Err(Error::Validation { .. })),
        "a journey in progress"
    );
    assert_eq!(v.client(busy).unwrap().fields.stage, 2);

    let o = v
        .start_opportunity(OpportunitySource::Need(need), 3, d("2026-05-02"))
        .unwrap();
    assert_eq!((o.client_id, o.stage, o.need_id), (c, 3, Some(need)));
    assert_eq!(v.client(c).unwrap().fields.stage, 3);
    let view = v.journey(c, d("2026-05-02")).unwrap();
    let last = view.history.last().unwrap();
    assert_eq!((last.stage, last.via), (3, EntryVia::Opportunity));
    let open_from_3: i64 = v
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM checklist_items WHERE client_id = ?1 AND stage >= 3 AND done_on IS NOT NULL",
            [c],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(open_from_3, 0, "stages 3–5 start afresh");
    let stage2_done: i64 = v
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM checklist_items WHERE client_id = ?1 AND stage = 2 AND done_on IS NOT NULL",
            [c],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        stage2_done, stage2_done_before,
        "earlier stages keep theirs"
    );
    let needs = &v.client_feedback(c).unwrap()[0].needs;
    assert_eq!(needs[0].opportunity_id, Some(o.id));
    assert_eq!(v.client_opportunities(c).unwrap(), [o]);
    let twice = v.start_opportunity(OpportunitySource::Need(need), 3, d("2026-05-03"));
    assert!(matches!(twice, Err(Error::Validation { .. })));
}

#[test]
fn the_profile_shows_the_trend_open_problems_loans_and_the_suggestion() {
    let (_dir, mut v) = vault();
    let c = client(
        &mut v,
        "长沙湘江纺织有限公司",
        Tier::B,
        LifecycleStatus::Prospect,
        5,
    );
    for (i, score) in [2u8, 3, 5, 4, 4, 5, 5].into_iter().enumerate() {
        v.add_feedback(
            c,
            &FeedbackInput {
                score,
                stage: None,
                mood: None,
                touchpoint_id: None,
                date: Some(d("2026-02-01") + chrono::Days::new(i as u64)),
                problems: if i == 0 {
                    vec![loandesk_core::feedback::ProblemInput {
                        category: "price".into(),
                        text: String::new(),
                    }]
                } else {
                    Vec::new()
                },
                needs: Vec::new(),
            },
            d("2026-03-01"),
        )
        .unwrap();
    }
    book(&mut v, c, "HT-1", "2026-02-01");
    let p = v.client_profile(c, d("2026-03-01")).unwrap();
    let trend: Vec<u8> = p.scores.iter().map(|s| s.score).collect();
    assert_eq!(trend, [3, 5, 4, 4, 5, 5], "the latest six, oldest first");
    // (2+3+5+4+4+5+5) / 7 = 4.0 exactly; 28/7.
    assert_eq!(p.avg_score, Some(Decimal::new(400, 2)));
    assert_eq!((p.open_problems, p.active_loans), (1, 1));
    assert_eq!(p.outstanding, Decimal::new(1_000_000, 0));
    let s = p.suggestion.unwrap();
    assert_eq!(
        (s.to, s.reason),
        (LifecycleStatus::Active, SuggestionReason::ActiveLoan)
    );
}
