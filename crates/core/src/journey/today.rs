//! The "Today" dashboard: follow-ups overdue and due soon, clients stuck in a stage, and recent
//! activity from the audit trail. Each list reads one index from its most urgent end, and counts
//! stop at COUNT_CAP, so the dashboard costs the same with 100 or 100,000 clients.
use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{date_at, days_between, enum_at, opt_date_at};
use crate::clients::{LifecycleStatus, Tier, COUNT_CAP};
use crate::error::Result;
use crate::vault::Vault;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TodayQuery {
    #[ts(type = "string")]
    pub today: NaiveDate,
    /// "Due" covers today and this many days ahead (default 7).
    #[serde(default)]
    pub due_within_days: Option<u32>,
    /// Rows per list (default 20, at most 200).
    #[serde(default)]
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FollowUpCard {
    pub client_id: i64,
    pub name: String,
    pub tier: Tier,
    pub stage: u8,
    pub status: LifecycleStatus,
    #[ts(type = "string")]
    pub next_on: NaiveDate,
    #[ts(type = "string | null")]
    pub last_contact_on: Option<NaiveDate>,
    pub manual: bool,
    /// Days past the date (0 today, negative when still ahead).
    pub days_overdue: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StuckCard {
    pub client_id: i64,
    pub name: String,
    pub tier: Tier,
    pub stage: u8,
    #[ts(type = "string")]
    pub entered_on: NaiveDate,
    pub days_in_stage: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Activity {
    pub at: String,
    pub action: String,
    pub client_id: Option<i64>,
    pub client_name: Option<String>,
    pub detail: String,
    /// For checklist actions (whose detail is an item key): the item's labels, so the officer
    /// reads "Business licence verified" rather than "s2-licence". None when the item is gone.
    pub item_label_zh: Option<String>,
    pub item_label_en: Option<String>,
}

/// Totals are counted up to COUNT_CAP; `*_capped` says there are more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Today {
    #[ts(type = "string")]
    pub today: NaiveDate,
    pub overdue: Vec<FollowUpCard>,
    pub overdue_total: u32,
    pub overdue_capped: bool,
    pub due: Vec<FollowUpCard>,
    pub due_total: u32,
    pub due_capped: bool,
    pub stuck: Vec<StuckCard>,
    pub stuck_total: u32,
    pub stuck_capped: bool,
    pub stuck_after_days: u32,
    pub recent: Vec<Activity>,
}

const DEFAULT_DUE_DAYS: u32 = 7;
const DEFAULT_ROWS: u32 = 20;
const RECENT_ROWS: u32 = 20;

// Lost clients are no longer followed up; archived ones are out of sight everywhere.
const FOLLOWUPS: &str = "followups f CROSS JOIN clients c ON c.id = f.client_id
     WHERE f.next_on >= ?1 AND f.next_on <= ?2 AND c.archived = 0 AND c.status <> 'lost'";
// Stage 5 is where a client stays for the life of the loan, and dormant clients are known to be
// quiet: neither is "stuck".
const STUCK: &str = "stage_entries e CROSS JOIN clients c ON c.id = e.client_id
     WHERE e.left_on IS NULL AND e.entered_on < ?1 AND e.stage < 5
       AND c.archived = 0 AND c.status NOT IN ('lost', 'dormant')";

impl Vault {
    pub fn today_dashboard(&self, q: &TodayQuery) -> Result<Today> {
        let today = q.today;
        let limit = q.limit.unwrap_or(DEFAULT_ROWS).clamp(1, 200);
        let due_days = i64::from(q.due_within_days.unwrap_or(DEFAULT_DUE_DAYS).min(366));
        let stuck_after_days = self.stuck_after_days()?;
        let conn = self.conn();
        let yesterday = (today - Duration::days(1)).to_string();
        let horizon = (today + Duration::days(due_days)).to_string();
        let (overdue, overdue_total) = followups(conn, "0000-00-00", &yesterday, today, limit)?;
        let (due, due_total) = followups(conn, &today.to_string(), &horizon, today, limit)?;
        let cutoff = (today - Duration::days(i64::from(stuck_after_days))).to_string();
        let stuck = conn
            .prepare_cached(&format!(
                "SELECT c.id, c.name, c.tier, e.stage, e.entered_on FROM {STUCK}
                 ORDER BY e.entered_on, e.client_id LIMIT {limit}"
            ))?
            .query_map([&cutoff], |r| {
                let entered_on = date_at(r, 4)?;
                Ok(StuckCard {
                    client_id: r.get(0)?,
                    name: r.get(1)?,
                    tier: enum_at(r, 2, Tier::parse)?,
                    stage: r.get(3)?,
                    entered_on,
                    days_in_stage: days_between(entered_on, today),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let stuck_total = capped_count(conn, STUCK, params![cutoff])?;
        Ok(Today {
            today,
            overdue,
            overdue_total: overdue_total.min(COUNT_CAP),
            overdue_capped: overdue_total > COUNT_CAP,
            due,
            due_total: due_total.min(COUNT_CAP),
            due_capped: due_total > COUNT_CAP,
            stuck,
            stuck_total: stuck_total.min(COUNT_CAP),
            stuck_capped: stuck_total > COUNT_CAP,
            stuck_after_days,
            recent: recent(conn)?,
        })
    }
}

fn capped_count(conn: &Connection, from: &str, args: impl rusqlite::Params) -> Result<u32> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM (SELECT 1 FROM {from} LIMIT {})",
            COUNT_CAP + 1
        ))?
        .query_row(args, |r| r.get(0))?)
}

/// Follow-ups with next_on in [from, to], earliest first, and how many there are (capped).
fn followups(
    conn: &Connection,
    from: &str,
    to: &str,
    today: NaiveDate,
    limit: u32,
) -> Result<(Vec<FollowUpCard>, u32)> {
    let card = |r: &Row| -> rusqlite::Result<FollowUpCard> {
        let next_on = date_at(r, 5)?;
        Ok(FollowUpCard {
            client_id: r.get(0)?,
            name: r.get(1)?,
            tier: enum_at(r, 2, Tier::parse)?,
            stage: r.get(3)?,
            status: enum_at(r, 4, LifecycleStatus::parse)?,
            next_on,
            last_contact_on: opt_date_at(r, 6)?,
            manual: r.get(7)?,
            days_overdue: (today - next_on).num_days(),
        })
    };
    let cards = conn
        .prepare_cached(&format!(
            "SELECT c.id, c.name, c.tier, c.stage, c.status, f.next_on, f.last_contact_on, f.manual
             FROM {FOLLOWUPS} ORDER BY f.next_on, f.client_id LIMIT {limit}"
        ))?
        .query_map(params![from, to], card)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let total = capped_count(conn, FOLLOWUPS, params![from, to])?;
    Ok((cards, total))
}

fn recent(conn: &Connection) -> Result<Vec<Activity>> {
    // The latest rows first, then a label lookup for each of those few (a key names one item per
    // stage; the latest stage's is the one the action most likely touched).
    let rows = conn
        .prepare_cached(&format!(
            "SELECT a.at, a.action, a.entity_id, c.name, a.detail, i.label_zh, i.label_en
             FROM (SELECT id, at, action, entity_id, detail FROM audit_log
                   WHERE entity = 'client' ORDER BY id DESC LIMIT {RECENT_ROWS}) a
             LEFT JOIN clients c ON c.id = a.entity_id
             LEFT JOIN checklist_items i ON a.action LIKE 'journey.%' AND i.id = (
               SELECT id FROM checklist_items WHERE client_id = a.entity_id AND key = a.detail
               ORDER BY stage DESC LIMIT 1)
             ORDER BY a.id DESC"
        ))?
        .query_map([], |r| {
            Ok(Activity {
                at: r.get(0)?,
                action: r.get(1)?,
                client_id: r.get(2)?,
                client_name: r.get(3)?,
                detail: r.get(4)?,
                item_label_zh: r.get(5)?,
                item_label_en: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
