//! Everything the client journey screen (and `loandesk journey show`) shows, in one read.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::checklist::{client_items, ChecklistItem, ItemState};
use super::followups::FollowUp;
use super::history::{stage_entries, status_changes, StageEntry, StatusChange};
use super::lost::{read_reasons, LostReason};
use super::{client_state, days_between};
use crate::clients::{LifecycleStatus, ProductType, Tier};
use crate::error::{Error, Result};
use crate::vault::Vault;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StageChecklist {
    pub stage: u8,
    pub items: Vec<ChecklistItem>,
    /// Keys of required items not done (for the current stage: why "Advance" would be refused).
    pub open_required: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct JourneyView {
    pub client_id: i64,
    pub name: String,
    pub stage: u8,
    pub status: LifecycleStatus,
    pub tier: Tier,
    pub product: Option<ProductType>,
    pub archived: bool,
    #[ts(type = "string | null")]
    pub entered_on: Option<NaiveDate>,
    pub days_in_stage: i64,
    /// Every stage the client has a checklist for, in stage order (the current one included).
    pub checklists: Vec<StageChecklist>,
    /// Stage entries, oldest first.
    pub history: Vec<StageEntry>,
    pub status_changes: Vec<StatusChange>,
    /// The reasons named in `status_changes`, with retired ones, so old records keep labels.
    pub lost_reasons: Vec<LostReason>,
    pub follow_up: Option<FollowUp>,
}

impl Vault {
    pub fn journey(&self, client_id: i64, today: NaiveDate) -> Result<JourneyView> {
        let conn = self.conn();
        let client = client_state(conn, client_id)?;
        let history = stage_entries(conn, client_id, today)?;
        let current = history.iter().rev().find(|e| e.left_on.is_none());
        let mut checklists: Vec<StageChecklist> = Vec::new();
        for item in client_items(conn, client_id)? {
            if checklists.last().map(|c| c.stage) != Some(item.stage) {
                checklists.push(StageChecklist {
                    stage: item.stage,
                    items: Vec::new(),
                    open_required: Vec::new(),
                });
            }
            if let Some(list) = checklists.last_mut() {
                if item.required && item.state != ItemState::Done {
                    list.open_required.push(item.key.clone());
                }
                list.items.push(item);
            }
        }
        let changes = status_changes(conn, client_id)?;
        let lost_reasons = read_reasons(conn, true)?
            .into_iter()
            .filter(|r| {
                changes
                    .iter()
                    .any(|c| c.lost_reason.as_deref() == Some(&r.key))
            })
            .collect();
        Ok(JourneyView {
            client_id,
            name: client.name,
            stage: client.stage,
            status: client.status,
            tier: client.tier,
            product: client.product,
            archived: client.archived,
            entered_on: current.map(|e| e.entered_on),
            days_in_stage: current.map_or(0, |e| days_between(e.entered_on, today)),
            checklists,
            history,
            status_changes: changes,
            lost_reasons,
            follow_up: match self.follow_up(client_id, today) {
                Ok(f) => Some(f),
                Err(Error::NotFound(_)) => None,
                Err(e) => return Err(e),
            },
        })
    }
}
