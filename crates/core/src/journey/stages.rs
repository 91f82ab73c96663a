//! The five stages and the lifecycle status beside them (active, loyal, dormant, lost).
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{clean_text, client_state};
use crate::clients::LifecycleStatus;
use crate::error::{Error, Result};
use crate::prefs::Language;
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

/// Stage number, Chinese name, English name (PRODUCT.md §1).
pub const STAGES: [(u8, &str, &str); 5] = [
    (1, "发现与识别", "Awareness"),
    (2, "初步接触与评估", "Initial engagement & assessment"),
    (3, "深入与需求分析", "Needs assessment"),
    (4, "方案制定与决策支持", "Proposal & decision support"),
    (5, "合作确立与贷后管理", "Onboarding & post-disbursement"),
];

/// The same stages in a word or two, where the full name does not fit: a board column's head
/// at 1024 pixels, a badge in a list row. The number is always shown beside it.
pub const STAGES_SHORT: [(u8, &str, &str); 5] = [
    (1, "发现识别", "Awareness"),
    (2, "初步评估", "Assessment"),
    (3, "需求分析", "Needs"),
    (4, "方案决策", "Proposal"),
    (5, "贷后管理", "Post-loan"),
];

pub fn stage_name(stage: u8, lang: Language) -> &'static str {
    STAGES
        .iter()
        .find(|(n, _, _)| *n == stage)
        .map_or("", |(_, zh, en)| match lang {
            Language::Zh => zh,
            Language::En => en,
        })
}

/// A lifecycle change from the status dialog. `lost_reason` (a key of the editable list) is
/// required for `lost` and ignored otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StatusInput {
    pub status: LifecycleStatus,
    #[serde(default)]
    pub lost_reason: Option<String>,
    #[serde(default)]
    pub note: String,
}

const MAX_NOTE: usize = 2_000;

impl Vault {
    /// Change a client's lifecycle status; the change is kept with the stage it happened in,
    /// which is what the funnel's lost reasons by stage are made of.
    pub fn set_status(
        &mut self,
        client_id: i64,
        input: &StatusInput,
        today: NaiveDate,
    ) -> Result<()> {
        let note = clean_text("note", &input.note, MAX_NOTE)?.unwrap_or_default();
        let tx = self.conn_mut().transaction()?;
        let client = client_state(&tx, client_id)?;
        if client.status == input.status {
            return Ok(());
        }
        let reason = match input.status {
            LifecycleStatus::Lost => Some(check_lost_reason(&tx, input.lost_reason.as_deref())?),
            _ => None,
        };
        change_status(
            &tx,
            client_id,
            client.stage,
            client.status,
            input.status,
            reason.as_deref(),
            &note,
            today,
        )?;
        tx.commit()?;
        Ok(())
    }
}

fn check_lost_reason(tx: &Transaction, key: Option<&str>) -> Result<String> {
    let key = key.map(str::trim).filter(|k| !k.is_empty());
    let Some(key) = key else {
        return Err(Error::invalid("lost_reason", Rule::Required));
    };
    let retired: Option<bool> = tx
        .query_row(
            "SELECT retired FROM lost_reasons WHERE key = ?1",
            [key],
            |r| r.get(0),
        )
        .optional()?;
    match retired {
        Some(false) => Ok(key.to_string()),
        _ => Err(Error::invalid(
            "lost_reason",
            Rule::Unknown(key.to_string()),
        )),
    }
}

/// Record a status change (and set it on the client) inside the caller's transaction.
#[allow(clippy::too_many_arguments)]
pub(crate) fn change_status(
    tx: &Transaction,
    client_id: i64,
    stage: u8,
    from: LifecycleStatus,
    to: LifecycleStatus,
    lost_reason: Option<&str>,
    note: &str,
    today: NaiveDate,
) -> Result<()> {
    let now = crate::clock::stamp(tx)?;
    tx.execute(
        "UPDATE clients SET status = ?2, updated_at = ?3 WHERE id = ?1",
        params![client_id, to.as_str(), now],
    )?;
    tx.execute(
        "INSERT INTO status_changes (client_id, changed_on, stage, from_status, to_status, lost_reason, note, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![client_id, today.to_string(), stage, from.as_str(), to.as_str(), lost_reason, note, now],
    )?;
    audit_record(
        tx,
        "journey.status",
        "client",
        Some(client_id),
        &format!("{}>{}", from.as_str(), to.as_str()),
    )
}
