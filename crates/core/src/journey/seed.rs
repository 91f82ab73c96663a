//! Writing an invented past for demo and benchmark clients: stage entries spread over past
//! months, checklists ticked as far as each client got, lifecycle changes, a proposed loan.
//! Only `demo` uses this; real clients get their history one change at a time.
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};

use super::checklist::OPEN;
use super::history::{insert_entry, EntryVia};
use super::templates::copy_to_client;
use crate::clients::{LifecycleStatus, ProductType};
use crate::error::{Error, Result};
use crate::loans::LoanTerms;
use crate::vault::{audit_record, Vault};

pub(crate) struct StatusEvent {
    pub on: NaiveDate,
    pub from: LifecycleStatus,
    pub to: LifecycleStatus,
    pub lost_reason: Option<&'static str>,
    pub note: &'static str,
}

pub(crate) struct DemoJourney {
    pub client_id: i64,
    pub product: Option<ProductType>,
    /// The day each stage from 1 to the current one was entered, oldest first.
    pub entered: Vec<NaiveDate>,
    /// The gate out of this stage was overridden, leaving its last required item open.
    pub overridden: Option<u8>,
    /// Items done in the current stage, from the top of the list.
    pub done_in_current: u32,
    pub status: Vec<StatusEvent>,
    pub proposed: Option<LoanTerms>,
}

const OVERRIDE_REASON: &str = "客户资金需求紧急，经支行长同意，材料在下一阶段补齐。";

impl Vault {
    pub(crate) fn seed_journeys(&mut self, journeys: &[DemoJourney]) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        for j in journeys {
            write(&tx, j)?;
        }
        audit_record(
            &tx,
            "demo.seed",
            "vault",
            None,
            &format!("{} journeys", journeys.len()),
        )?;
        tx.commit()?;
        Ok(())
    }
}

fn write(tx: &Transaction, j: &DemoJourney) -> Result<()> {
    let id = j.client_id;
    tx.prepare_cached("DELETE FROM stage_entries WHERE client_id = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM checklist_items WHERE client_id = ?1")?
        .execute([id])?;
    let last = j.entered.len();
    // Keys an overridden gate left open, carried into the next stage's entry.
    let mut skipped: Vec<String> = Vec::new();
    for (i, on) in j.entered.iter().enumerate() {
        let stage = i as u8 + 1;
        if i > 0 {
            tx.prepare_cached(
                "UPDATE stage_entries SET left_on = ?2 WHERE client_id = ?1 AND left_on IS NULL",
            )?
            .execute(params![id, on.to_string()])?;
        }
        let (via, reason) = match (i, skipped.is_empty()) {
            (0, _) => (EntryVia::Created, None),
            (_, true) => (EntryVia::Advance, None),
            (_, false) => (EntryVia::Advance, Some(OVERRIDE_REASON)),
        };
        insert_entry(tx, id, stage, *on, via, reason, &skipped, "")?;
        copy_to_client(tx, id, j.product, stage)?;
        let left = j.entered.get(i + 1);
        skipped = match left {
            Some(_) if j.overridden == Some(stage) => last_required(tx, id, stage)?,
            _ => Vec::new(),
        };
        // A passed stage is done up to the day it was left; the current one partly.
        let (done_on, limit) = match left {
            Some(left) => (*left, i64::MAX),
            None => (*on, i64::from(j.done_in_current)),
        };
        tx.prepare_cached(
            "UPDATE checklist_items SET done_on = ?3,
                    received_on = CASE WHEN document_kind IS NULL THEN NULL ELSE ?3 END
             WHERE id IN (SELECT id FROM checklist_items WHERE client_id = ?1 AND stage = ?2
                          ORDER BY position LIMIT ?4)
               AND key NOT IN (SELECT value FROM json_each(?5))",
        )?
        .execute(params![
            id,
            stage,
            done_on.to_string(),
            limit,
            serde_json::to_string(&skipped).map_err(|e| Error::Io(e.into()))?
        ])?;
    }
    if last > 0 {
        tx.prepare_cached("UPDATE clients SET stage = ?2 WHERE id = ?1")?
            .execute(params![id, last as i64])?;
    }
    for e in &j.status {
        tx.prepare_cached(
            "INSERT INTO status_changes (client_id, changed_on, stage, from_status, to_status, lost_reason, note, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            id,
            e.on.to_string(),
            last as i64,
            e.from.as_str(),
            e.to.as_str(),
            e.lost_reason,
            e.note,
            crate::clock::stamp(tx)?
        ])?;
    }
    if let Some(terms) = &j.proposed {
        let json = serde_json::to_string(terms).map_err(|e| Error::Io(e.into()))?;
        tx.prepare_cached(
            "INSERT INTO loan_scenarios (client_id, label, terms, proposed, created_at, updated_at)
             VALUES (?1, '方案一', ?2, 1, ?3, ?3)",
        )?
        .execute(params![id, json, crate::clock::stamp(tx)?])?;
    }
    Ok(())
}

/// The last required item of a stage: the one an overridden gate left open.
fn last_required(tx: &Transaction, client_id: i64, stage: u8) -> Result<Vec<String>> {
    let key: Option<String> = tx
        .prepare_cached(&format!(
            "SELECT key FROM checklist_items WHERE client_id = ?1 AND stage = ?2 AND required = 1
               AND {OPEN} ORDER BY position DESC LIMIT 1"
        ))?
        .query_row(params![client_id, stage], |r| r.get(0))
        .optional()?;
    Ok(key.into_iter().collect())
}
