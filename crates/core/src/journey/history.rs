//! Stage history: every entry into a stage with its date, which gives days in stage, and the
//! lifecycle changes beside it.
use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::templates::copy_to_client;
use super::{date_at, days_between, enum_at, opt_date_at};
use crate::clients::{LifecycleStatus, ProductType};
use crate::error::Result;

/// How a client came into a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EntryVia {
    /// The stage the client was created in.
    Created,
    Advance,
    Back,
    /// Already in the vault before stage history existed: entered on its creation date.
    Migrated,
    /// A new journey for the same client: from a need it voiced or a loan due for renewal.
    Opportunity,
}

impl EntryVia {
    pub fn as_str(self) -> &'static str {
        match self {
            EntryVia::Created => "created",
            EntryVia::Advance => "advance",
            EntryVia::Back => "back",
            EntryVia::Migrated => "migrated",
            EntryVia::Opportunity => "opportunity",
        }
    }
    pub fn parse(s: &str) -> Option<EntryVia> {
        [
            EntryVia::Created,
            EntryVia::Advance,
            EntryVia::Back,
            EntryVia::Migrated,
            EntryVia::Opportunity,
        ]
        .into_iter()
        .find(|v| v.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StageEntry {
    pub stage: u8,
    #[ts(type = "string")]
    pub entered_on: NaiveDate,
    /// None while the client is still in this stage.
    #[ts(type = "string | null")]
    pub left_on: Option<NaiveDate>,
    /// Until `left_on`, or until today for the current stage.
    pub days: i64,
    pub via: EntryVia,
    /// Why the officer advanced past open required items (the gate override), kept for good.
    pub override_reason: Option<String>,
    /// The required items that were open when the gate was overridden.
    pub skipped: Vec<String>,
    /// Why the client was moved back, if the officer said.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusChange {
    #[ts(type = "string")]
    pub changed_on: NaiveDate,
    /// The stage the client was in at the time.
    pub stage: u8,
    pub from: LifecycleStatus,
    pub to: LifecycleStatus,
    pub lost_reason: Option<String>,
    pub note: String,
}

/// A new client starts its history in the stage it was created in, with that stage's checklist
/// and its follow-up date.
pub(crate) fn on_client_created(
    tx: &Transaction,
    client_id: i64,
    stage: u8,
    product: Option<ProductType>,
    today: NaiveDate,
) -> Result<()> {
    insert_entry(
        tx,
        client_id,
        stage,
        today,
        EntryVia::Created,
        None,
        &[],
        "",
    )?;
    super::followups::start(tx, client_id, today)?;
    copy_to_client(tx, client_id, product, stage)
}

/// Close the current entry and open one for `stage`; the client's stage follows.
#[allow(clippy::too_many_arguments)]
pub(crate) fn enter(
    tx: &Transaction,
    client_id: i64,
    stage: u8,
    product: Option<ProductType>,
    today: NaiveDate,
    via: EntryVia,
    override_reason: Option<&str>,
    skipped: &[String],
    note: &str,
) -> Result<()> {
    tx.prepare_cached(
        "UPDATE stage_entries SET left_on = ?2 WHERE client_id = ?1 AND left_on IS NULL",
    )?
    .execute(params![client_id, today.to_string()])?;
    insert_entry(
        tx,
        client_id,
        stage,
        today,
        via,
        override_reason,
        skipped,
        note,
    )?;
    tx.prepare_cached("UPDATE clients SET stage = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![client_id, stage, crate::clock::stamp(tx)?])?;
    copy_to_client(tx, client_id, product, stage)
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_entry(
    tx: &Transaction,
    client_id: i64,
    stage: u8,
    on: NaiveDate,
    via: EntryVia,
    override_reason: Option<&str>,
    skipped: &[String],
    note: &str,
) -> Result<()> {
    let skipped = serde_json::to_string(skipped).map_err(|e| crate::Error::Io(e.into()))?;
    tx.prepare_cached(
        "INSERT INTO stage_entries (client_id, stage, entered_on, via, override_reason, skipped, note, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        client_id,
        stage,
        on.to_string(),
        via.as_str(),
        override_reason,
        skipped,
        note,
        crate::clock::stamp(tx)?
    ])?;
    Ok(())
}

/// Oldest first.
pub(crate) fn stage_entries(
    conn: &Connection,
    client_id: i64,
    today: NaiveDate,
) -> Result<Vec<StageEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT stage, entered_on, left_on, via, override_reason, skipped, note
         FROM stage_entries WHERE client_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([client_id], |r| {
        let entered_on = date_at(r, 1)?;
        let left_on = opt_date_at(r, 2)?;
        let skipped: String = r.get(5)?;
        Ok(StageEntry {
            stage: r.get(0)?,
            entered_on,
            left_on,
            days: days_between(entered_on, left_on.unwrap_or(today)),
            via: enum_at(r, 3, EntryVia::parse)?,
            override_reason: r.get(4)?,
            // Written by us as a JSON list; an unreadable one is shown as nothing skipped.
            skipped: serde_json::from_str(&skipped).unwrap_or_default(),
            note: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Oldest first.
pub(crate) fn status_changes(conn: &Connection, client_id: i64) -> Result<Vec<StatusChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT changed_on, stage, from_status, to_status, lost_reason, note
         FROM status_changes WHERE client_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([client_id], |r| {
        Ok(StatusChange {
            changed_on: date_at(r, 0)?,
            stage: r.get(1)?,
            from: enum_at(r, 2, LifecycleStatus::parse)?,
            to: enum_at(r, 3, LifecycleStatus::parse)?,
            lost_reason: r.get(4)?,
            note: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
