//! The stage gate: a client advances one stage at a time, and not while required items of its
//! current stage are open, unless the officer overrides with a written reason (kept in the
//! history with the items skipped). Moving back is always allowed and recorded.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::checklist::open_required;
use super::history::{enter, EntryVia};
use super::stages::change_status;
use super::{check_stage, clean_text, client_state, ClientState};
use crate::clients::LifecycleStatus;
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StageMove {
    pub client_id: i64,
    pub from: u8,
    pub to: u8,
    /// The client's status afterwards (entering stage 5 makes a prospect active).
    pub status: LifecycleStatus,
    /// Required items that were open and overridden.
    pub skipped: Vec<String>,
}

const MAX_REASON: usize = 2_000;

fn movable(client: &ClientState) -> Result<()> {
    if client.archived {
        return Err(Error::invalid("archived", Rule::NotAllowed));
    }
    Ok(())
}

impl Vault {
    /// Advance to the next stage. Refused with [`Error::GateRefused`] (the open required items)
    /// unless they are all done or `override_reason` says why the officer goes ahead anyway.
    pub fn advance(
        &mut self,
        client_id: i64,
        today: NaiveDate,
        override_reason: Option<&str>,
    ) -> Result<StageMove> {
        let reason = match override_reason {
            Some(text) => Some(
                clean_text("override_reason", text, MAX_REASON)?
                    .ok_or_else(|| Error::invalid("override_reason", Rule::Required))?,
            ),
            None => None,
        };
        let tx = self.conn_mut().transaction()?;
        let client = client_state(&tx, client_id)?;
        movable(&client)?;
        // A lost client is reactivated first (status), so the funnel does not count ghosts.
        if client.status == LifecycleStatus::Lost {
            return Err(Error::invalid("status", Rule::NotAllowed));
        }
        if client.stage >= 5 {
            return Err(Error::invalid("stage", Rule::AtMost("5".into())));
        }
        let open = open_required(&tx, client_id, client.stage)?;
        if !open.is_empty() && reason.is_none() {
            return Err(Error::GateRefused { open });
        }
        let to = client.stage + 1;
        // A reason given with nothing open overrides nothing: it is not recorded as an override.
        let used_reason = reason.as_deref().filter(|_| !open.is_empty());
        enter(
            &tx,
            client_id,
            to,
            client.product,
            today,
            EntryVia::Advance,
            used_reason,
            &open,
            "",
        )?;
        let mut status = client.status;
        if to == 5 && status == LifecycleStatus::Prospect {
            // Contract signed: the relationship's lifecycle starts.
            change_status(
                &tx,
                client_id,
                to,
                status,
                LifecycleStatus::Active,
                None,
                "",
                today,
            )?;
            status = LifecycleStatus::Active;
        }
        let detail = format!(
            "{}>{to}{}",
            client.stage,
            if used_reason.is_some() {
                " override"
            } else {
                ""
            }
        );
        audit_record(&tx, "journey.advance", "client", Some(client_id), &detail)?;
        tx.commit()?;
        Ok(StageMove {
            client_id,
            from: client.stage,
            to,
            status,
            skipped: open,
        })
    }

    /// Move back to an earlier stage (any earlier one: a board card can be dragged back several
    /// columns). The stages in between keep their checklists.
    pub fn move_back(
        &mut self,
        client_id: i64,
        to_stage: u8,
        today: NaiveDate,
        note: Option<&str>,
    ) -> Result<StageMove> {
        let to = check_stage("to_stage", to_stage)?;
        let note = clean_text("note", note.unwrap_or(""), MAX_REASON)?.unwrap_or_default();
        let tx = self.conn_mut().transaction()?;
        let client = client_state(&tx, client_id)?;
        movable(&client)?;
        if to >= client.stage {
            return Err(Error::invalid("to_stage", Rule::LessThan("stage")));
        }
        enter(
            &tx,
            client_id,
            to,
            client.product,
            today,
            EntryVia::Back,
            None,
            &[],
            &note,
        )?;
        audit_record(
            &tx,
            "journey.back",
            "client",
            Some(client_id),
            &format!("{}>{to}", client.stage),
        )?;
        tx.commit()?;
        Ok(StageMove {
            client_id,
            from: client.stage,
            to,
            status: client.status,
            skipped: Vec::new(),
        })
    }
}
