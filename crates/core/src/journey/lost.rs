//! The editable list of reasons a client was lost (Settings). Reasons are referred to by key,
//! so renaming one relabels past records; removing one retires it (hidden from the choice,
//! still labelling the clients lost for it).
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::clean_text;
use super::templates::MAX_LABEL;
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LostReason {
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
    pub retired: bool,
}

/// One line of the list editor; `key` None adds a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LostReasonInput {
    #[serde(default)]
    pub key: Option<String>,
    #[serde(default)]
    pub label_zh: String,
    #[serde(default)]
    pub label_en: String,
}

const MAX_REASONS: usize = 50;

pub(crate) fn read_reasons(conn: &Connection, include_retired: bool) -> Result<Vec<LostReason>> {
    let mut stmt = conn.prepare_cached(
        "SELECT key, label_zh, label_en, retired FROM lost_reasons
         WHERE retired = 0 OR ?1 ORDER BY retired, position, key",
    )?;
    let rows = stmt.query_map([include_retired], |r| {
        Ok(LostReason {
            key: r.get(0)?,
            label_zh: r.get(1)?,
            label_en: r.get(2)?,
            retired: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Vault {
    /// The reasons to choose from, in the officer's order; with `include_retired` also the
    /// removed ones (to label old records).
    pub fn lost_reasons(&self, include_retired: bool) -> Result<Vec<LostReason>> {
        read_reasons(self.conn(), include_retired)
    }

    /// Replace the list: the order given, new lines added, missing keys retired.
    pub fn save_lost_reasons(&mut self, reasons: &[LostReasonInput]) -> Result<Vec<LostReason>> {
        if reasons.len() > MAX_REASONS {
            return Err(Error::invalid("reasons", Rule::TooMany(MAX_REASONS)));
        }
        let tx = self.conn_mut().transaction()?;
        let known = read_reasons(&tx, true)?;
        tx.execute("UPDATE lost_reasons SET retired = 1", [])?;
        let mut seen: Vec<String> = Vec::new();
        let mut next_new = known.len() + 1;
        for (i, reason) in reasons.iter().enumerate() {
            let zh = clean_text(
                &format!("reasons.{i}.label_zh"),
                &reason.label_zh,
                MAX_LABEL,
            )?;
            let en = clean_text(
                &format!("reasons.{i}.label_en"),
                &reason.label_en,
                MAX_LABEL,
            )?;
            let (zh, en) = match (zh, en) {
                (Some(zh), Some(en)) => (zh, en),
                (Some(one), None) | (None, Some(one)) => (one.clone(), one),
                (None, None) => {
                    return Err(Error::invalid(
                        &format!("reasons.{i}.label_zh"),
                        Rule::Required,
                    ))
                }
            };
            let key = match reason.key.as_deref() {
                Some(key) if known.iter().any(|k| k.key == key) => key.to_string(),
                Some(key) => {
                    return Err(Error::invalid(
                        &format!("reasons.{i}.key"),
                        Rule::Unknown(key.to_string()),
                    ))
                }
                None => loop {
                    let candidate = format!("reason-{next_new}");
                    next_new += 1;
                    if !known.iter().any(|k| k.key == candidate) {
                        break candidate;
                    }
                },
            };
            if seen.contains(&key) {
                return Err(Error::invalid(
                    &format!("reasons.{i}.key"),
                    Rule::NotAllowed,
                ));
            }
            tx.execute(
                "INSERT INTO lost_reasons (key, position, label_zh, label_en, retired) VALUES (?1, ?2, ?3, ?4, 0)
                 ON CONFLICT (key) DO UPDATE SET position = excluded.position, label_zh = excluded.label_zh,
                     label_en = excluded.label_en, retired = 0",
                params![key, i as i64, zh, en],
            )?;
            seen.push(key);
        }
        audit_record(&tx, "settings.set", "settings", None, "lost_reasons")?;
        let saved = read_reasons(&tx, false)?;
        tx.commit()?;
        Ok(saved)
    }
}
