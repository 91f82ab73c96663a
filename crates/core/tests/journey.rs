//! The client journey on a real SQLCipher vault: gates, overrides, history, templates,
//! follow-ups, the board, Today, the funnel and lost reasons. Every date is passed in.
#![allow(clippy::unwrap_used)]
use chrono::NaiveDate;
use loandesk_core::clients::{ClientInput, LifecycleStatus, ProductType, Tier};
use loandesk_core::journey::ItemState;
use loandesk_core::{Error, Vault};

#[path = "journey/board.rs"]
mod board;
#[path = "journey/checklist.rs"]
mod checklist;
#[path = "journey/followups.rs"]
mod followups;
#[path = "journey/funnel.rs"]
mod funnel;
#[path = "journey/gate.rs"]
mod gate;
#[path = "journey/lost.rs"]
mod lost;
#[path = "journey/templates.rs"]
mod templates;

pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::create(&dir.path().join("j.loandesk"), "journey password 1").unwrap();
    (dir, vault)
}

pub fn new_client(
    v: &mut Vault,
    name: &str,
    stage: u8,
    product: Option<ProductType>,
    tier: Tier,
    on: &str,
) -> i64 {
    let mut input = ClientInput::named(name);
    input.stage = stage;
    input.product = product;
    input.tier = tier;
    v.create_client(&input, day(on)).unwrap()
}

/// Tick every open required item of the client's current stage, documents received too.
pub fn complete_stage(v: &mut Vault, id: i64, on: &str) {
    let j = v.journey(id, day(on)).unwrap();
    let items = j
        .checklists
        .iter()
        .find(|c| c.stage == j.stage)
        .map(|c| c.items.clone())
        .unwrap_or_default();
    for item in items
        .iter()
        .filter(|i| i.required && i.state != ItemState::Done)
    {
        if item.document_kind.is_some() {
            v.set_document_received(id, item.id, true, day(on)).unwrap();
        } else {
            v.set_item_done(id, item.id, true, day(on)).unwrap();
        }
    }
}

pub fn open_keys(v: &Vault, id: i64) -> Vec<String> {
    let j = v.journey(id, day("2030-01-01")).unwrap();
    j.checklists
        .into_iter()
        .find(|c| c.stage == j.stage)
        .map(|c| c.open_required)
        .unwrap_or_default()
}

pub fn validation_field(e: Error) -> String {
    match e {
        Error::Validation { field, .. } => field,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn update_client_keeps_stage_and_status_for_the_journey_to_change() {
    let (_d, mut v) = vault();
    let id = new_client(
        &mut v,
        "合肥安泰电子有限公司",
        2,
        None,
        Tier::B,
        "2026-02-01",
    );
    let mut edit = v.client(id).unwrap().fields;
    edit.stage = 5;
    edit.status = LifecycleStatus::Lost;
    edit.notes = "改了备注".into();
    v.update_client(id, &edit).unwrap();
    let after = v.client(id).unwrap().fields;
    assert_eq!((after.stage, after.status), (2, LifecycleStatus::Prospect));
    assert_eq!(after.notes, "改了备注");
    let trail = loandesk_core::vault::recent_audit(v.conn(), "client", id, 1).unwrap();
    assert_eq!(trail[0].detail, "notes");
    assert_eq!(v.journey(id, day("2026-02-03")).unwrap().history.len(), 1);
}

/// A vault from before the journey existed gets a history, a checklist and a follow-up date for
/// each client when migration 003 runs.
#[test]
fn migration_gives_existing_clients_a_history_checklist_and_follow_up() {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch(include_str!("../src/vault/sql/001_clients.sql"))
        .unwrap();
    conn.execute_batch(include_str!("../src/vault/sql/002_loan_scenarios.sql"))
        .unwrap();
    conn.execute_batch(
        "INSERT INTO clients (id, name, tier, stage, product, created_at, updated_at)
           VALUES (1, '旧客户', 'A', 3, 'sme', '2025-06-01T02:00:00.000Z', '2025-07-01T02:00:00.000Z'),
                  (2, '无产品', 'C', 1, NULL, '2025-06-02T02:00:00.000Z', '2025-06-02T02:00:00.000Z');
         INSERT INTO touchpoints (client_id, date, channel, summary, created_at)
           VALUES (1, '2025-06-10', 'visit', '拜访', '2025-06-10T02:00:00.000Z');",
    )
    .unwrap();
    conn.execute_batch(include_str!("../src/vault/sql/003_journey.sql"))
        .unwrap();
    let entry: (i64, String, String) = conn
        .query_row(
            "SELECT stage, entered_on, via FROM stage_entries WHERE client_id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(entry, (3, "2025-06-01".into(), "migrated".into()));
    let items: Vec<String> = conn
        .prepare("SELECT key FROM checklist_items WHERE client_id = 1 ORDER BY position")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(items.contains(&"s3-site-check".to_string()), "{items:?}");
    let general: i64 = conn
        .query_row(
            "SELECT count(*) FROM checklist_items WHERE client_id = 2 AND stage = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(general, 4);
    let next: Vec<String> = conn
        .prepare("SELECT next_on FROM followups ORDER BY client_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // A: last touchpoint + 14 days; C without touchpoints: created + 90 days.
    assert_eq!(next, ["2025-06-24", "2025-08-31"]);
}

#[test]
fn demo_vault_has_a_consistent_past() {
    let dir = tempfile::tempdir().unwrap();
    let today = day("2026-11-27");
    let v = loandesk_core::demo::write_demo_vault(
        &dir.path().join("demo.loandesk"),
        "demo-password",
        today,
        loandesk_core::Clock::fixed_on(today),
    )
    .unwrap();
    let mut lost_with_reason = 0;
    let mut overrides = 0;
    for id in 1..=50 {
        let j = v.journey(id, today).unwrap();
        let stages: Vec<u8> = j.history.iter().map(|e| e.stage).collect();
        assert_eq!(stages, (1..=j.stage).collect::<Vec<_>>(), "client {id}");
        assert!(j
            .history
            .windows(2)
            .all(|w| w[0].left_on == Some(w[1].entered_on)));
        assert_eq!(j.history.last().unwrap().left_on, None);
        assert!(j.checklists.iter().all(|c| c.stage <= j.stage));
        overrides += j
            .history
            .iter()
            .filter(|e| e.override_reason.is_some())
            .count();
        if j.status == LifecycleStatus::Lost {
            assert!(j.status_changes.last().unwrap().lost_reason.is_some());
            lost_with_reason += 1;
        }
    }
    assert!(lost_with_reason > 0 && overrides > 0);
    let funnel = v.funnel(day("2025-11-28"), today).unwrap();
    assert!(funnel.stages.iter().all(|s| s.entered > 0), "{funnel:?}");
    assert!(funnel.stages.iter().any(|s| !s.lost_reasons.is_empty()));
    let board = v.board(&Default::default(), today).unwrap();
    let on_board: u32 = board.columns.iter().map(|c| c.total).sum();
    assert_eq!(on_board as usize, 50 - lost_with_reason);
    assert!(board.columns[4].cards.iter().any(|c| c.amount.is_some()));
    let q = loandesk_core::journey::TodayQuery {
        today,
        due_within_days: None,
        limit: None,
    };
    assert!(v.today_dashboard(&q).unwrap().overdue_total > 0);
}
