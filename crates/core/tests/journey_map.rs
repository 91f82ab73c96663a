//! The journey map (issue 16) on a real vault, on a small data set worked out by hand: exact
//! averages, problems by category, open vs closed at the period's end, feedback outside the
//! period ignored, the tier × lifecycle matrix, a refused period, and both exports read back.
#![allow(clippy::unwrap_used)]
use std::collections::BTreeMap;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use loandesk_core::clients::{ClientInput, LifecycleStatus, Tier};
use loandesk_core::feedback::{
    journey_map_csv, journey_map_xlsx, FeedbackInput, JourneyMap, ProblemInput,
};
use loandesk_core::journey::StatusInput;
use loandesk_core::prefs::Language;
use loandesk_core::rule::Rule;
use loandesk_core::{Error, Vault};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn client(v: &mut Vault, name: &str, stage: u8, tier: Tier, on: &str) -> i64 {
    let mut input = ClientInput::named(name);
    input.stage = stage;
    input.tier = tier;
    v.create_client(&input, d(on)).unwrap()
}

fn status(v: &mut Vault, id: i64, status: LifecycleStatus, on: &str) {
    let input = StatusInput {
        status,
        lost_reason: (status == LifecycleStatus::Lost).then(|| "no-response".into()),
        note: String::new(),
    };
    v.set_status(id, &input, d(on)).unwrap();
}

/// Feedback on `date` with problems by category; their ids.
fn feedback(
    v: &mut Vault,
    id: i64,
    stage: Option<u8>,
    score: u8,
    date: &str,
    problems: &[&str],
) -> (i64, Vec<i64>) {
    let input = FeedbackInput {
        score,
        stage,
        mood: None,
        touchpoint_id: None,
        date: Some(d(date)),
        problems: problems
            .iter()
            .map(|c| ProblemInput {
                category: (*c).into(),
                text: String::new(),
            })
            .collect(),
        needs: Vec::new(),
    };
    let ids = v.add_feedback(id, &input, d(date)).unwrap();
    (ids.id, ids.problems)
}

/// Period 2026-01-01..=2026-03-31.
/// c1 (A): stage 1 on 01-05, 2 on 01-15; feedback in stage 1: 4 (materials, slow approval),
///   5 (materials), 5 given on 01-20 after it moved on but about stage 1; 1 on 04-01 (after).
/// c2 (B): created in stage 2 on 01-10; feedback with no stage given (so stage 2): 1 on 02-01
///   (price, resolved 02-15), 2 on 02-20 (price resolved 04-10 after the period; communication
///   open).
/// c3 (C): stage 1 on 02-01, lost on 03-01.
/// c4 (C): created 2025-12-01; feedback 2025-12-15 (before); active 02-10, loyal 03-01.
/// c5 (A): created 01-20; active 01-25, dormant 02-01, active again 02-20; feedback in stage 3
///   whose stage is then cleared (as an old record's would be).
/// c6 (B): created 02-02, archived.
fn data_set() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("m.loandesk"), "journey map pass 1").unwrap();
    let c1 = client(&mut v, "c1", 1, Tier::A, "2026-01-05");
    feedback(
        &mut v,
        c1,
        None,
        4,
        "2026-01-06",
        &["materials", "slow_approval"],
    );
    feedback(&mut v, c1, Some(1), 5, "2026-01-10", &["材料繁琐"]);
    v.advance(c1, d("2026-01-15"), Some("测试数据")).unwrap();
    feedback(&mut v, c1, Some(1), 5, "2026-01-20", &[]);
    feedback(&mut v, c1, Some(1), 1, "2026-04-01", &["materials"]);

    let c2 = client(&mut v, "c2", 2, Tier::B, "2026-01-10");
    let (_, p) = feedback(&mut v, c2, None, 1, "2026-02-01", &["price"]);
    v.resolve_problem(p[0], "降了费率", d("2026-02-15"), None)
        .unwrap();
    let (_, p) = feedback(
        &mut v,
        c2,
        None,
        2,
        "2026-02-20",
        &["price", "communication"],
    );
    v.resolve_problem(p[0], "解释了定价", d("2026-04-10"), None)
        .unwrap();

    let c3 = client(&mut v, "c3", 1, Tier::C, "2026-02-01");
    status(&mut v, c3, LifecycleStatus::Lost, "2026-03-01");

    let c4 = client(&mut v, "c4", 1, Tier::C, "2025-12-01");
    feedback(&mut v, c4, Some(1), 1, "2025-12-15", &["other"]);
    status(&mut v, c4, LifecycleStatus::Active, "2026-02-10");
    status(&mut v, c4, LifecycleStatus::Loyal, "2026-03-01");

    let c5 = client(&mut v, "c5", 1, Tier::A, "2026-01-20");
    status(&mut v, c5, LifecycleStatus::Active, "2026-01-25");
    status(&mut v, c5, LifecycleStatus::Dormant, "2026-02-01");
    status(&mut v, c5, LifecycleStatus::Active, "2026-02-20");
    let (old, _) = feedback(&mut v, c5, Some(3), 3, "2026-02-21", &["amount"]);
    v.conn()
        .execute("UPDATE feedback SET stage = NULL WHERE id = ?1", [old])
        .unwrap();

    let c6 = client(&mut v, "c6", 1, Tier::B, "2026-02-02");
    v.set_archived(c6, true).unwrap();
    (dir, v)
}

fn q1(v: &Vault) -> JourneyMap {
    v.journey_map(d("2026-01-01"), d("2026-03-31")).unwrap()
}

fn problems(pairs: &[(&str, u32)]) -> BTreeMap<String, u32> {
    pairs.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect()
}

#[test]
fn stages_have_exact_averages_problems_by_category_and_open_at_the_period_end() {
    let (_dir, v) = data_set();
    let m = q1(&v);
    assert_eq!((m.from, m.to), (d("2026-01-01"), d("2026-03-31")));
    let s: Vec<_> = m.stages.iter().map(|s| s.stage).collect();
    assert_eq!(s, [1, 2, 3, 4, 5]);

    let s1 = &m.stages[0];
    // 4, 5, 5: 14/3 = 4.666… → 4.67; the 04-01 record is after the period.
    assert_eq!((s1.feedback, s1.avg_score), (3, Some(4.67)));
    assert_eq!(
        s1.problems,
        problems(&[("materials", 2), ("slow_approval", 1)])
    );
    assert_eq!((s1.open_problems, s1.closed_problems), (3, 0));
    // c1, c3, c5 and the archived c6 entered stage 1 (the funnel counts them all); c3 was lost.
    assert_eq!((s1.clients, s1.drop_off), (4, 1));

    let s2 = &m.stages[1];
    // 1, 2 → 1.5; the feedback given with no stage is about the stage c2 was in.
    assert_eq!((s2.feedback, s2.avg_score), (2, Some(1.5)));
    assert_eq!(s2.problems, problems(&[("communication", 1), ("price", 2)]));
    // The price problem resolved on 04-10 was still open on 03-31.
    assert_eq!((s2.open_problems, s2.closed_problems), (2, 1));
    assert_eq!((s2.clients, s2.drop_off), (2, 0));

    // The record whose stage is unknown counts nowhere.
    for s in &m.stages[2..] {
        assert_eq!((s.feedback, s.avg_score), (0, None), "{s:?}");
        assert!(s.problems.is_empty());
        assert_eq!((s.open_problems, s.closed_problems, s.drop_off), (0, 0, 0));
    }

    // Clients and drop-off are the funnel's own figures.
    let f = v.funnel(m.from, m.to).unwrap();
    for (a, b) in m.stages.iter().zip(&f.stages) {
        assert_eq!((a.clients, a.drop_off), (b.entered, b.lost));
    }

    // By the end of April the price problem is closed and the April feedback is in.
    let april = v.journey_map(d("2026-01-01"), d("2026-04-30")).unwrap();
    assert_eq!(
        (
            april.stages[1].open_problems,
            april.stages[1].closed_problems
        ),
        (1, 2)
    );
    // 4, 5, 5, 1: 15/4 = 3.75.
    assert_eq!(april.stages[0].avg_score, Some(3.75));
    assert_eq!(april.stages[0].problems["materials"], 3);
}

#[test]
fn a_period_with_no_feedback_has_no_average_and_before_it_nothing_counts() {
    let (_dir, v) = data_set();
    let m = v.journey_map(d("2025-12-10"), d("2025-12-20")).unwrap();
    // c4's 2025-12-15 feedback is the only one.
    assert_eq!(
        (m.stages[0].feedback, m.stages[0].avg_score),
        (1, Some(1.0))
    );
    assert_eq!(m.stages[0].problems, problems(&[("other", 1)]));
    assert_eq!(m.stages[0].open_problems, 1);
    let none = v.journey_map(d("2027-01-01"), d("2027-01-31")).unwrap();
    assert!(none.stages.iter().all(|s| s.avg_score.is_none()
        && s.feedback == 0
        && s.clients == 0
        && s.problems.is_empty()));
}

#[test]
fn the_matrix_counts_tiers_by_status_and_acquisition_activation_retention() {
    let (_dir, v) = data_set();
    let m = q1(&v);
    let rows: Vec<_> = m
        .matrix
        .iter()
        .map(|t| {
            (
                t.tier,
                [t.prospect, t.active, t.loyal, t.dormant, t.lost],
                [t.acquisition, t.activation, t.retention],
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            // c1 prospect, c5 active (activated twice in the period: counted once).
            (Tier::A, [1, 1, 0, 0, 0], [2, 1, 0]),
            // c2; the archived c6 counts nowhere.
            (Tier::B, [1, 0, 0, 0, 0], [1, 0, 0]),
            // c3 lost, c4 loyal (created before the period, activated in it).
            (Tier::C, [0, 0, 1, 0, 1], [1, 1, 1]),
        ]
    );
    let december = v.journey_map(d("2025-12-01"), d("2025-12-31")).unwrap();
    let c = &december.matrix[2];
    assert_eq!((c.acquisition, c.activation, c.retention), (1, 0, 1));
}

#[test]
fn to_before_from_is_refused() {
    let (_dir, v) = data_set();
    let err = v.journey_map(d("2026-03-31"), d("2026-01-01")).unwrap_err();
    assert!(
        matches!(&err, Error::Validation { field, rule: Rule::NotBefore("from") } if field == "to"),
        "{err:?}"
    );
    // One day is a period.
    v.journey_map(d("2026-01-05"), d("2026-01-05")).unwrap();
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap();
    text.lines()
        .map(|l| {
            // The fields here hold no quotes or commas except the quoted ones split below.
            let mut out = Vec::new();
            let mut field = String::new();
            let mut quoted = false;
            for ch in l.chars() {
                match ch {
                    '"' => quoted = !quoted,
                    ',' if !quoted => out.push(std::mem::take(&mut field)),
                    c => field.push(c),
                }
            }
            out.push(field);
            out
        })
        .collect()
}

#[test]
fn the_csv_export_reads_back_in_both_languages() {
    let (_dir, v) = data_set();
    let m = q1(&v);
    let rows = csv_rows(&journey_map_csv(&m, Language::Zh));
    assert_eq!(rows[0], ["期间", "2026-01-01", "2026-03-31"]);
    assert_eq!(rows[2][0], "阶段");
    assert_eq!(rows[2][3], "平均满意度");
    assert_eq!(
        rows[3],
        [
            "1 发现与识别",
            "4",
            "3",
            "4.67",
            "1",
            "3",
            "0",
            "材料繁琐 2；审批慢 1"
        ]
    );
    assert_eq!(rows[4][3], "1.50");
    assert_eq!(rows[4][7], "利率/费用 2；沟通 1");
    assert_eq!(rows[5][3], "");
    let problems_at = rows
        .iter()
        .position(|r| r[0] == "阶段" && r[1] == "问题分类");
    let p = problems_at.unwrap();
    assert_eq!(rows[p + 1], ["1 发现与识别", "材料繁琐", "2"]);
    let matrix_at = rows.iter().position(|r| r[0] == "客户分层").unwrap();
    assert_eq!(
        rows[matrix_at][6..],
        ["获客".to_owned(), "活客".into(), "留客".into()]
    );
    assert_eq!(
        rows[matrix_at + 3],
        ["C", "0", "0", "1", "0", "1", "1", "1", "1"]
    );

    let en = csv_rows(&journey_map_csv(&m, Language::En));
    assert_eq!(en[0][0], "Period");
    assert_eq!(en[3][0], "1 Awareness");
    assert_eq!(en[3][7], "Too many documents 2; Slow approval 1");
    assert!(en.iter().any(|r| r[0] == "Tier" && r[6] == "Acquisition"));
}

#[test]
fn the_xlsx_export_reads_back_with_numbers_as_numbers() {
    let (_dir, v) = data_set();
    let m = q1(&v);
    let bytes = journey_map_xlsx(&m, Language::Zh).unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let stages = book.worksheet_range("各阶段").unwrap();
    assert_eq!(stages.get((2, 3)), Some(&Data::String("平均满意度".into())));
    assert_eq!(
        stages.get((3, 0)),
        Some(&Data::String("1 发现与识别".into()))
    );
    assert_eq!(stages.get((3, 1)), Some(&Data::Float(4.0)));
    assert_eq!(stages.get((3, 3)), Some(&Data::Float(4.67)));
    assert_eq!(stages.get((4, 3)), Some(&Data::Float(1.5)));
    assert_eq!(stages.get((4, 5)), Some(&Data::Float(2.0)));
    assert!(matches!(stages.get((5, 3)), None | Some(Data::Empty)));
    let cats = book.worksheet_range("问题分类").unwrap();
    assert_eq!(cats.get((1, 1)), Some(&Data::String("材料繁琐".into())));
    assert_eq!(cats.get((1, 2)), Some(&Data::Float(2.0)));
    assert_eq!(cats.rows().count(), 5);
    let matrix = book.worksheet_range("分层与生命周期").unwrap();
    assert_eq!(matrix.get((0, 6)), Some(&Data::String("获客".into())));
    assert_eq!(matrix.get((1, 0)), Some(&Data::String("A".into())));
    assert_eq!(matrix.get((1, 6)), Some(&Data::Float(2.0)));

    let en = journey_map_xlsx(&m, Language::En).unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(en)).unwrap();
    assert_eq!(
        book.worksheet_range("Tier and lifecycle")
            .unwrap()
            .get((0, 8)),
        Some(&Data::String("Retention".into()))
    );
}
