//! Follow-up cadence and the Today dashboard.
use super::*;
use loandesk_core::clients::{Channel, TouchpointInput};
use loandesk_core::journey::{Cadence, StatusInput, TodayQuery};

fn touch(v: &mut Vault, id: i64, date: &str, next: Option<&str>) {
    let t = TouchpointInput {
        date: day(date),
        channel: Channel::Call,
        summary: "电话回访".into(),
        next_step: String::new(),
        next_contact_date: next.map(day),
    };
    v.add_touchpoint(id, &t).unwrap();
}

fn next_on(v: &Vault, id: i64) -> String {
    v.follow_up(id, day("2026-03-01"))
        .unwrap()
        .next_on
        .to_string()
}

#[test]
fn next_contact_comes_from_the_latest_touchpoint_and_the_tier_cadence() {
    let (_d, mut v) = vault();
    let a = new_client(
        &mut v,
        "东莞鼎盛电子有限公司",
        1,
        None,
        Tier::A,
        "2026-03-01",
    );
    let c = new_client(
        &mut v,
        "长沙瑞丰农业发展有限公司",
        1,
        None,
        Tier::C,
        "2026-03-01",
    );
    let f = v.follow_up(a, day("2026-03-01")).unwrap();
    assert_eq!(
        (f.next_on, f.last_contact_on, f.manual),
        (day("2026-03-15"), None, false)
    );
    assert_eq!(next_on(&v, c), "2026-05-30");

    touch(&mut v, a, "2026-03-04", None);
    assert_eq!(next_on(&v, a), "2026-03-18");
    touch(&mut v, a, "2026-03-10", Some("2026-03-12"));
    let f = v.follow_up(a, day("2026-03-14")).unwrap();
    assert_eq!(
        (f.next_on, f.manual, f.days_overdue),
        (day("2026-03-12"), true, 2)
    );
    // An older touchpoint entered late does not replace the latest one.
    touch(&mut v, a, "2026-03-02", Some("2026-04-30"));
    assert_eq!(next_on(&v, a), "2026-03-12");
    touch(&mut v, a, "2026-03-20", None);
    let f = v.follow_up(a, day("2026-04-05")).unwrap();
    assert_eq!(
        (f.next_on, f.manual, f.days_overdue),
        (day("2026-04-03"), false, 2)
    );
    assert_eq!(f.last_contact_on, Some(day("2026-03-20")));

    // A new tier brings its cadence.
    let mut edit = v.client(a).unwrap().fields;
    edit.tier = Tier::B;
    v.update_client(a, &edit).unwrap();
    assert_eq!(next_on(&v, a), "2026-04-19");

    // A cadence change moves computed dates at once and leaves dates set by hand alone.
    let m = new_client(
        &mut v,
        "西安中联医药有限公司",
        1,
        None,
        Tier::B,
        "2026-03-01",
    );
    touch(&mut v, m, "2026-03-05", Some("2026-05-01"));
    v.set_followup_cadence(&Cadence { a: 10, b: 7, c: 90 })
        .unwrap();
    assert_eq!(
        v.followup_cadence().unwrap(),
        Cadence { a: 10, b: 7, c: 90 }
    );
    assert_eq!(next_on(&v, a), "2026-03-27");
    assert_eq!(next_on(&v, m), "2026-05-01");
    assert_eq!(next_on(&v, c), "2026-05-30");

    let e = v
        .set_followup_cadence(&Cadence { a: 0, b: 7, c: 90 })
        .unwrap_err();
    assert_eq!(validation_field(e), "a");
    let e = v
        .set_followup_cadence(&Cadence { a: 1, b: 7, c: 366 })
        .unwrap_err();
    assert_eq!(validation_field(e), "c");
    assert_eq!(v.followup_cadence().unwrap().b, 7);
}

#[test]
fn today_lists_overdue_due_and_stuck_clients_and_recent_activity() {
    let (_d, mut v) = vault();
    let d = "2026-03-01";
    let c1 = new_client(&mut v, "一号客户", 1, None, Tier::A, d);
    let c2 = new_client(&mut v, "二号客户", 1, None, Tier::C, d);
    touch(&mut v, c2, "2026-03-02", Some("2026-03-05"));
    let c3 = new_client(&mut v, "三号客户", 1, None, Tier::B, d);
    let c4 = new_client(&mut v, "四号客户", 1, None, Tier::A, d);
    touch(&mut v, c4, "2026-03-20", Some("2026-03-21"));
    let c5 = new_client(&mut v, "五号客户", 1, None, Tier::A, d);
    touch(&mut v, c5, "2026-03-10", Some("2026-03-26"));
    v.advance(c5, day("2026-03-10"), Some("推进")).unwrap();
    let lost = new_client(&mut v, "六号客户", 1, None, Tier::A, d);
    let status = |s, reason: Option<&str>| StatusInput {
        status: s,
        lost_reason: reason.map(str::to_string),
        note: String::new(),
    };
    v.set_status(
        lost,
        &status(LifecycleStatus::Lost, Some("pricing")),
        day("2026-03-03"),
    )
    .unwrap();
    let archived = new_client(&mut v, "七号客户", 1, None, Tier::A, d);
    v.set_archived(archived, true).unwrap();
    let c8 = new_client(&mut v, "八号客户", 5, None, Tier::A, d);
    let dormant = new_client(&mut v, "九号客户", 2, None, Tier::C, d);
    v.set_status(
        dormant,
        &status(LifecycleStatus::Dormant, None),
        day("2026-03-04"),
    )
    .unwrap();

    let q = TodayQuery {
        today: day("2026-03-21"),
        due_within_days: None,
        limit: None,
    };
    let t = v.today_dashboard(&q).unwrap();
    let ids = |cards: &[loandesk_core::journey::FollowUpCard]| -> Vec<i64> {
        cards.iter().map(|c| c.client_id).collect()
    };
    assert_eq!(ids(&t.overdue), [c2, c1, c8]);
    assert_eq!((t.overdue_total, t.overdue_capped), (3, false));
    assert_eq!(t.overdue[0].days_overdue, 16);
    assert_eq!(ids(&t.due), [c4, c5]);
    assert_eq!(t.due[0].days_overdue, 0);
    assert!(t.stuck.is_empty(), "20 days is within the default 30");
    assert_eq!(t.stuck_after_days, 30);
    assert_eq!(t.recent[0].action, "journey.status");
    assert_eq!(t.recent[0].client_name.as_deref(), Some("九号客户"));

    v.set_stuck_after_days(15).unwrap();
    assert_eq!(
        validation_field(v.set_stuck_after_days(0).unwrap_err()),
        "stuck_after_days"
    );
    let t = v
        .today_dashboard(&TodayQuery {
            limit: Some(2),
            due_within_days: Some(0),
            ..q
        })
        .unwrap();
    let stuck: Vec<(i64, i64)> = t
        .stuck
        .iter()
        .map(|s| (s.client_id, s.days_in_stage))
        .collect();
    assert_eq!(stuck, [(c1, 20), (c2, 20)]);
    assert_eq!(
        t.stuck_total, 4,
        "c1-c4; not advanced, lost, archived, stage 5 or dormant"
    );
    assert_eq!((t.overdue.len(), t.overdue_total), (2, 3));
    assert_eq!(ids(&t.due), [c4]);
    let _ = c3;
}

#[test]
fn recent_activity_names_checklist_items_by_label() {
    let (_d, mut v) = vault();
    let id = new_client(&mut v, "十号客户", 1, None, Tier::B, "2026-03-01");
    let item = v.checklist_item_id(id, "s1-source").unwrap();
    v.set_item_done(id, item, true, day("2026-03-02")).unwrap();
    v.advance(id, day("2026-03-03"), Some("先推进")).unwrap();
    let t = v
        .today_dashboard(&TodayQuery {
            today: day("2026-03-03"),
            due_within_days: None,
            limit: None,
        })
        .unwrap();
    let [advance, tick, ..] = t.recent.as_slice() else {
        panic!("two recent actions expected, got {:?}", t.recent);
    };
    assert_eq!(advance.action, "journey.advance");
    assert_eq!(advance.item_label_zh, None, "not a checklist action");
    assert_eq!(tick.action, "journey.tick");
    assert_eq!(tick.detail, "s1-source");
    assert_eq!(tick.item_label_zh.as_deref(), Some("记录客户来源渠道"));
    assert_eq!(
        tick.item_label_en.as_deref(),
        Some("Source channel recorded")
    );
}
