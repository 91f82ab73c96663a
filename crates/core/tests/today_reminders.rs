//! Today's reminders on the real demo vault: the covenant breaches come as one row per client
//! (issue 19, item 4), and marking that row marks every loan's reminder behind it, or none.
#![allow(clippy::unwrap_used)]
use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;
use loandesk_core::servicing::{ReminderKind, ReminderMark};
use loandesk_core::Error;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn ratio_alerts_are_one_row_per_client_and_marked_together() {
    let dir = tempfile::tempdir().unwrap();
    let today = day("2026-11-27");
    let mut v = loandesk_core::demo::write_demo_vault(
        &dir.path().join("demo.loandesk"),
        "demo-password",
        today,
        loandesk_core::Clock::fixed_on(today),
    )
    .unwrap();
    let all = v.reminders(today, 7).unwrap();
    let covenants: Vec<_> = all
        .iter()
        .filter(|r| r.kind == ReminderKind::Covenant)
        .collect();
    let grouped = v.today_reminders(today, 7).unwrap();

    // The demo has clients with several loans or several breaches: grouping must matter here.
    assert!(
        grouped.ratio_alerts.len() < covenants.len(),
        "{} alerts for {} covenant reminders",
        grouped.ratio_alerts.len(),
        covenants.len()
    );
    let clients: HashSet<i64> = grouped.ratio_alerts.iter().map(|a| a.client_id).collect();
    assert_eq!(
        clients.len(),
        grouped.ratio_alerts.len(),
        "one row per client"
    );
    assert_eq!(
        clients,
        covenants
            .iter()
            .map(|r| r.client_id)
            .collect::<HashSet<_>>()
    );
    // Every covenant reminder stands behind exactly one row, which lists its ratio.
    let keys: BTreeSet<&str> = grouped
        .ratio_alerts
        .iter()
        .flat_map(|a| a.keys.iter().map(String::as_str))
        .collect();
    assert_eq!(
        keys,
        covenants
            .iter()
            .map(|r| r.key.as_str())
            .collect::<BTreeSet<_>>()
    );
    for r in &covenants {
        let alert = grouped
            .ratio_alerts
            .iter()
            .find(|a| a.client_id == r.client_id)
            .unwrap();
        assert!(alert.ratios.contains(&r.ratio.unwrap()));
    }
    // The other reminders are all there, and no covenant one among them.
    assert_eq!(grouped.reminders.len(), all.len() - covenants.len());
    assert!(grouped
        .reminders
        .iter()
        .all(|r| r.kind != ReminderKind::Covenant));

    // A bad key among good ones marks nothing.
    let first = grouped.ratio_alerts[0].clone();
    let mut with_bad = first.keys.clone();
    with_bad.push("covenant:999999:CurrentRatio:2025".into());
    let refused = v.mark_reminders(&with_bad, ReminderMark::Done, today);
    assert!(matches!(refused, Err(Error::NotFound(_))), "{refused:?}");
    let after = v.today_reminders(today, 7).unwrap();
    assert_eq!(after.ratio_alerts, grouped.ratio_alerts);

    // Snoozed as a row: the client's row is gone until the day after, and back then.
    let until = day("2026-11-30");
    v.mark_reminders(&first.keys, ReminderMark::Snooze { until }, today)
        .unwrap();
    let snoozed = v.today_reminders(today, 7).unwrap();
    assert!(snoozed
        .ratio_alerts
        .iter()
        .all(|a| a.client_id != first.client_id));
    assert_eq!(snoozed.ratio_alerts.len(), grouped.ratio_alerts.len() - 1);
    let back = v.today_reminders(until, 7).unwrap();
    assert!(back
        .ratio_alerts
        .iter()
        .any(|a| a.client_id == first.client_id));
}
