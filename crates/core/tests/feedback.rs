//! Feedback and closing the loop (issue 16) on a real vault: a record with problems and needs,
//! a problem open → on Today after N days → resolved → gone, each refusal changing nothing,
//! a category added in Settings.
#![allow(clippy::unwrap_used)]
use chrono::NaiveDate;
use loandesk_core::clients::{Channel, ClientInput, TouchpointInput};
use loandesk_core::feedback::{FeedbackInput, FeedbackSettings, Mood, NeedInput, ProblemInput};
use loandesk_core::rule::Rule;
use loandesk_core::servicing::ReminderKind;
use loandesk_core::{Error, Vault};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn fixture() -> (tempfile::TempDir, Vault, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("v.loandesk"), "feedback pass 1").unwrap();
    let client = v
        .create_client(
            &ClientInput::named("苏州恒泰精密机械有限公司"),
            d("2026-01-01"),
        )
        .unwrap();
    (dir, v, client)
}

fn input(score: u8, problems: &[(&str, &str)]) -> FeedbackInput {
    FeedbackInput {
        score,
        stage: Some(2),
        mood: Some(Mood::Anxious),
        touchpoint_id: None,
        date: Some(d("2026-03-02")),
        problems: problems
            .iter()
            .map(|(c, t)| ProblemInput {
                category: (*c).into(),
                text: (*t).into(),
            })
            .collect(),
        needs: Vec::new(),
    }
}

fn counts(v: &Vault) -> (i64, i64, i64, i64) {
    let n = |table: &str| -> i64 {
        v.conn()
            .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    let resolved: i64 = v
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM feedback_problems WHERE resolved_on IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (
        n("feedback"),
        n("feedback_problems"),
        n("feedback_needs"),
        resolved,
    )
}

fn open_problem_reminders(v: &Vault, today: &str) -> Vec<i64> {
    v.reminders(d(today), 14)
        .unwrap()
        .into_iter()
        .filter(|r| r.kind == ReminderKind::OpenProblem)
        .map(|r| r.problem_id.unwrap())
        .collect()
}

#[test]
fn feedback_with_problems_and_needs_is_listed_the_latest_first() {
    let (_dir, mut v, client) = fixture();
    let tp = v
        .add_touchpoint(
            client,
            &TouchpointInput {
                date: d("2026-03-01"),
                channel: Channel::Visit,
                summary: "首次拜访".into(),
                next_step: String::new(),
                next_contact_date: None,
            },
        )
        .unwrap();
    let mut first = input(
        2,
        &[("materials", "要求提供的材料太多"), ("slow_approval", "")],
    );
    first.touchpoint_id = Some(tp);
    first.needs = vec![NeedInput {
        text: "需要银承开票".into(),
        product_type: Some("working_capital".into()),
    }];
    let ids = v.add_feedback(client, &first, d("2026-03-05")).unwrap();
    assert_eq!(ids.problems.len(), 2);
    assert_eq!(ids.needs.len(), 1);
    let mut second = input(5, &[]);
    second.date = None;
    second.mood = None;
    second.stage = None;
    let later = v.add_feedback(client, &second, d("2026-04-01")).unwrap();

    let list = v.client_feedback(client).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].id, later.id);
    assert_eq!(list[0].date, d("2026-04-01"), "no date: today");
    assert_eq!(
        (list[0].score, list[0].stage, list[0].mood),
        (5, Some(1), None),
        "no stage: the one the client is in"
    );
    let f = &list[1];
    assert_eq!(
        (f.score, f.stage, f.mood),
        (2, Some(2), Some(Mood::Anxious))
    );
    assert_eq!(f.touchpoint_id, Some(tp));
    assert_eq!(f.date, d("2026-03-02"));
    let cats: Vec<&str> = f.problems.iter().map(|p| p.category.as_str()).collect();
    assert_eq!(cats, ["materials", "slow_approval"]);
    assert_eq!(f.problems[0].text, "要求提供的材料太多");
    assert_eq!(f.problems[0].opened_on, d("2026-03-02"));
    assert!(f.problems.iter().all(|p| p.resolved_on.is_none()));
    assert_eq!(f.needs[0].text, "需要银承开票");
    assert_eq!(f.needs[0].product_type.as_deref(), Some("working_capital"));
    assert_eq!(f.needs[0].opportunity_id, None);
    assert_eq!(v.open_problems(client).unwrap().len(), 2);
}

#[test]
fn an_open_problem_is_on_today_after_n_days_until_resolved() {
    let (_dir, mut v, client) = fixture();
    let ids = v
        .add_feedback(client, &input(3, &[("price", "利率偏高")]), d("2026-03-02"))
        .unwrap();
    let p = ids.problems[0];
    // Default N = 7: raised 2026-03-02, on Today from 2026-03-09.
    assert_eq!(v.feedback_settings().unwrap().open_problem_days, 7);
    assert!(open_problem_reminders(&v, "2026-03-08").is_empty());
    assert_eq!(open_problem_reminders(&v, "2026-03-09"), [p]);
    let r = v
        .reminders(d("2026-03-12"), 14)
        .unwrap()
        .into_iter()
        .find(|r| r.kind == ReminderKind::OpenProblem)
        .unwrap();
    assert_eq!(r.key, format!("problem:{p}"));
    assert_eq!((r.loan_id, r.client_id), (None, client));
    assert_eq!(r.client_name, "苏州恒泰精密机械有限公司");
    assert_eq!((r.due_on, r.overdue_days), (d("2026-03-09"), 3));

    // N from Settings.
    v.set_feedback_settings(&FeedbackSettings {
        custom_categories: Vec::new(),
        open_problem_days: 10,
    })
    .unwrap();
    assert!(open_problem_reminders(&v, "2026-03-11").is_empty());
    assert_eq!(open_problem_reminders(&v, "2026-03-12"), [p]);

    v.resolve_problem(p, "已申请利率优惠，告知客户", d("2026-03-12"), None)
        .unwrap();
    assert!(open_problem_reminders(&v, "2026-03-12").is_empty());
    assert!(open_problem_reminders(&v, "2027-01-01").is_empty());
    let solved = v.problem(p).unwrap();
    assert_eq!(solved.resolved_on, Some(d("2026-03-12")));
    assert_eq!(
        solved.resolution_note.as_deref(),
        Some("已申请利率优惠，告知客户")
    );
    assert!(v.open_problems(client).unwrap().is_empty());
}

#[test]
fn today_reads_open_problems_through_the_partial_index() {
    let (_dir, v, _client) = fixture();
    let plan: Vec<String> = v
        .conn()
        .prepare(
            "EXPLAIN QUERY PLAN SELECT p.id FROM feedback_problems p
             INDEXED BY feedback_problems_open WHERE p.resolved_on IS NULL AND p.opened_on <= '2026-01-01'",
        )
        .unwrap()
        .query_map([], |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        plan.iter().any(|l| l.contains("feedback_problems_open")),
        "{plan:?}"
    );
}

fn assert_invalid(e: Error, field: &str) -> Rule {
    match e {
        Error::Validation { field: f, rule } => {
            assert_eq!(f, field);
            rule
        }
        other => panic!("expected a validation error on {field}, got {other:?}"),
    }
}

#[test]
fn each_refusal_changes_nothing() {
    let (_dir, mut v, client) = fixture();
    let ids = v
        .add_feedback(
            client,
            &input(4, &[("amount", "额度不够")]),
            d("2026-03-02"),
        )
        .unwrap();
    let before = counts(&v);
    let today = d("2026-03-05");

    for score in [0, 6] {
        let e = v
            .add_feedback(client, &input(score, &[("price", "")]), today)
            .unwrap_err();
        assert!(matches!(assert_invalid(e, "score"), Rule::Range { .. }));
    }
    let mut bad_stage = input(3, &[]);
    bad_stage.stage = Some(6);
    assert_invalid(
        v.add_feedback(client, &bad_stage, today).unwrap_err(),
        "stage",
    );
    let e = v
        .add_feedback(
            client,
            &input(3, &[("price", "ok"), ("weather", "下雨")]),
            today,
        )
        .unwrap_err();
    assert_eq!(
        assert_invalid(e, "category"),
        Rule::Unknown("weather".into())
    );
    let mut empty_need = input(3, &[]);
    empty_need.needs = vec![NeedInput {
        text: "  ".into(),
        product_type: None,
    }];
    assert_invalid(
        v.add_feedback(client, &empty_need, today).unwrap_err(),
        "need",
    );
    assert!(matches!(
        v.add_feedback(client + 99, &input(3, &[]), today),
        Err(Error::NotFound(_))
    ));
    let mut other_tp = input(3, &[]);
    other_tp.touchpoint_id = Some(12345);
    assert!(matches!(
        v.add_feedback(client, &other_tp, today),
        Err(Error::NotFound(_))
    ));
    assert_eq!(counts(&v), before);

    let p = ids.problems[0];
    assert_invalid(v.resolve_problem(p, " ", today, None).unwrap_err(), "note");
    assert_invalid(
        v.resolve_problem(p, "done", d("2026-03-01"), None)
            .unwrap_err(),
        "date",
    );
    assert!(matches!(
        v.resolve_problem(p + 99, "done", today, None),
        Err(Error::NotFound(_))
    ));
    assert_eq!(counts(&v), before);

    v.resolve_problem(p, "已提高额度", today, None).unwrap();
    let resolved = counts(&v);
    let e = v
        .resolve_problem(p, "again", d("2026-03-06"), None)
        .unwrap_err();
    assert_eq!(assert_invalid(e, "problem"), Rule::NotAllowed);
    assert_eq!(counts(&v), resolved);
    let kept = v.problem(p).unwrap();
    assert_eq!(kept.resolution_note.as_deref(), Some("已提高额度"));
    assert_eq!(kept.resolved_on, Some(today));
}

#[test]
fn a_category_added_in_settings_is_accepted() {
    let (_dir, mut v, client) = fixture();
    assert!(v
        .add_feedback(client, &input(3, &[("抵押登记慢", "")]), d("2026-03-02"))
        .is_err());
    // Refused settings store nothing.
    for bad in [
        vec!["materials".to_string()],
        vec!["a:b".to_string()],
        vec!["重复".to_string(), "重复".to_string()],
        vec![" ".to_string()],
    ] {
        let s = FeedbackSettings {
            custom_categories: bad,
            open_problem_days: 7,
        };
        assert!(v.set_feedback_settings(&s).is_err());
    }
    assert!(v
        .set_feedback_settings(&FeedbackSettings {
            custom_categories: Vec::new(),
            open_problem_days: 0,
        })
        .is_err());
    assert_eq!(v.feedback_settings().unwrap(), FeedbackSettings::default());

    v.set_feedback_settings(&FeedbackSettings {
        custom_categories: vec![" 抵押登记慢 ".into()],
        open_problem_days: 5,
    })
    .unwrap();
    let s = v.feedback_settings().unwrap();
    assert_eq!(s.custom_categories, ["抵押登记慢"]);
    let ids = v
        .add_feedback(
            client,
            &input(3, &[("抵押登记慢", "等了两周")]),
            d("2026-03-02"),
        )
        .unwrap();
    let p = v.problem(ids.problems[0]).unwrap();
    assert_eq!(p.category, "抵押登记慢");
}

#[test]
fn the_demo_vault_has_feedback_at_every_stage_and_a_few_open_problems_on_today() {
    let dir = tempfile::tempdir().unwrap();
    let today = d("2026-11-27");
    let v = loandesk_core::demo::write_demo_vault(
        &dir.path().join("demo.loandesk"),
        "demo-password",
        today,
        loandesk_core::Clock::fixed_on(today),
    )
    .unwrap();
    let per_stage: Vec<(u8, i64, i64)> = v
        .conn()
        .prepare("SELECT stage, COUNT(*), COUNT(DISTINCT score) FROM feedback GROUP BY stage")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        per_stage.iter().map(|s| s.0).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    assert!(
        per_stage
            .iter()
            .all(|(_, n, scores)| *n >= 5 && *scores >= 2),
        "{per_stage:?}"
    );
    let open = v
        .reminders(today, 7)
        .unwrap()
        .into_iter()
        .filter(|r| r.kind == ReminderKind::OpenProblem)
        .count();
    assert!((1..=6).contains(&open), "a few, not a flood: {open}");
}

#[test]
fn a_touchpoint_and_its_feedback_are_written_together_or_not_at_all() {
    let (_dir, mut v, client) = fixture();
    let tp = TouchpointInput {
        date: d("2026-03-04"),
        channel: Channel::Visit,
        summary: "上门沟通授信方案".into(),
        next_step: String::new(),
        next_contact_date: None,
    };
    let before = counts(&v);
    let touchpoints = |v: &Vault| v.client_detail(client).unwrap().touchpoints.len();
    let bad = input(3, &[("天气", "下雨")]);
    let err = v
        .add_touchpoint_with_feedback(client, &tp, &bad, d("2026-03-05"))
        .unwrap_err();
    assert!(matches!(err, Error::Validation { .. }), "{err:?}");
    assert_eq!(
        (counts(&v), touchpoints(&v)),
        (before, 0),
        "neither is written"
    );

    let mut good = input(4, &[("materials", "流水要逐月盖章")]);
    good.date = None;
    let (tp_id, ids) = v
        .add_touchpoint_with_feedback(client, &tp, &good, d("2026-03-05"))
        .unwrap();
    assert_eq!(touchpoints(&v), 1);
    let f = &v.client_feedback(client).unwrap()[0];
    assert_eq!(
        (f.id, f.touchpoint_id, f.date),
        (ids.id, Some(tp_id), d("2026-03-04"))
    );
    assert_eq!(
        f.problems[0].opened_on,
        d("2026-03-04"),
        "the touchpoint's day"
    );
}
