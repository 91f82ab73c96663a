//! A new opportunity for a client the bank already knows (issue 16): a need the client voiced,
//! or a loan falling due for renewal (续贷/复贷), starts a new journey at stage 1 or 3 — stage 3
//! when the client needs no new acquisition work. The need or loan is linked to it, so the
//! need shows what came of it and the renewal leaves Today.
//!
//! A journey in progress (stages 1–4 while the client is not lost or dormant) is not replaced:
//! the officer finishes or closes it first. The stages the new journey will go through start
//! their checklists afresh (the previous journey's dates stay in the stage history).
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::history::{enter, EntryVia};
use super::stages::change_status;
use super::{client_state, date_at};
use crate::clients::LifecycleStatus;
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OpportunityKind {
    Need,
    Renewal,
}

/// Where the opportunity comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum OpportunitySource {
    /// A need recorded with feedback (`feedback_needs`).
    Need(i64),
    /// A booked loan, renewed.
    Renewal(i64),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Opportunity {
    pub id: i64,
    pub client_id: i64,
    pub kind: OpportunityKind,
    pub need_id: Option<i64>,
    pub loan_id: Option<i64>,
    pub stage: u8,
    #[ts(type = "string")]
    pub started_on: NaiveDate,
}

impl Vault {
    /// Start a new journey for the source's client at `stage` (1 or 3).
    pub fn start_opportunity(
        &mut self,
        source: OpportunitySource,
        stage: u8,
        today: NaiveDate,
    ) -> Result<Opportunity> {
        if stage != 1 && stage != 3 {
            return Err(Error::invalid("stage", Rule::Unknown(stage.to_string())));
        }
        let now = self.clock().stamp();
        let tx = self.conn_mut().transaction()?;
        let (kind, need_id, loan_id, client_id) = match source {
            OpportunitySource::Need(id) => {
                let client: Option<i64> = tx
                    .query_row(
                        "SELECT f.client_id FROM feedback_needs n JOIN feedback f ON f.id = n.feedback_id
                         WHERE n.id = ?1",
                        [id],
                        |r| r.get(0),
                    )
                    .optional()?;
                let client = client.ok_or_else(|| Error::NotFound(format!("need {id}")))?;
                (OpportunityKind::Need, Some(id), None, client)
            }
            OpportunitySource::Renewal(id) => {
                let client: Option<i64> = tx
                    .query_row(
                        "SELECT client_id FROM booked_loans WHERE id = ?1",
                        [id],
                        |r| r.get(0),
                    )
                    .optional()?;
                let client = client.ok_or_else(|| Error::NotFound(format!("loan {id}")))?;
                (OpportunityKind::Renewal, None, Some(id), client)
            }
        };
        let taken: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM opportunities WHERE need_id = ?1 OR loan_id = ?2)",
            params![need_id, loan_id],
            |r| r.get(0),
        )?;
        if taken {
            return Err(Error::invalid("opportunity", Rule::NotAllowed));
        }
        let client = client_state(&tx, client_id)?;
        if client.archived {
            return Err(Error::invalid("archived", Rule::NotAllowed));
        }
        let in_progress = client.stage < 5
            && !matches!(
                client.status,
                LifecycleStatus::Lost | LifecycleStatus::Dormant
            );
        if in_progress {
            return Err(Error::invalid("stage", Rule::NotAllowed));
        }
        // The new journey goes through these stages again: their items start open.
        tx.execute(
            "UPDATE checklist_items SET done_on = NULL, received_on = NULL, note = ''
             WHERE client_id = ?1 AND stage >= ?2",
            params![client_id, stage],
        )?;
        enter(
            &tx,
            client_id,
            stage,
            client.product,
            today,
            EntryVia::Opportunity,
            None,
            &[],
            "",
        )?;
        if client.status == LifecycleStatus::Lost {
            // Back in the pipeline: the funnel counts the client again.
            change_status(
                &tx,
                client_id,
                stage,
                client.status,
                LifecycleStatus::Prospect,
                None,
                "",
                today,
            )?;
        }
        let kind_key = match kind {
            OpportunityKind::Need => "need",
            OpportunityKind::Renewal => "renewal",
        };
        tx.execute(
            "INSERT INTO opportunities (client_id, kind, need_id, loan_id, stage, started_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![client_id, kind_key, need_id, loan_id, stage, today.to_string(), now],
        )?;
        let id = tx.last_insert_rowid();
        if let Some(need) = need_id {
            tx.execute(
                "UPDATE feedback_needs SET opportunity_id = ?2 WHERE id = ?1",
                params![need, id],
            )?;
        }
        audit_record(
            &tx,
            "journey.opportunity",
            "client",
            Some(client_id),
            &format!("{kind_key} at stage {stage}"),
        )?;
        tx.commit()?;
        Ok(Opportunity {
            id,
            client_id,
            kind,
            need_id,
            loan_id,
            stage,
            started_on: today,
        })
    }

    /// The client's opportunities, the latest first.
    pub fn client_opportunities(&self, client_id: i64) -> Result<Vec<Opportunity>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, client_id, kind, need_id, loan_id, stage, started_on FROM opportunities
             WHERE client_id = ?1 ORDER BY started_on DESC, id DESC",
        )?;
        let rows = stmt.query_map([client_id], |r| {
            let kind: String = r.get(2)?;
            Ok(Opportunity {
                id: r.get(0)?,
                client_id: r.get(1)?,
                kind: if kind == "renewal" {
                    OpportunityKind::Renewal
                } else {
                    OpportunityKind::Need
                },
                need_id: r.get(3)?,
                loan_id: r.get(4)?,
                stage: r.get(5)?,
                started_on: date_at(r, 6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
