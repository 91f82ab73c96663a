//! The funnel for a period, per stage:
//! - `entered`: clients who entered the stage in the period (created in it or advanced into it;
//!   coming back to it after a move back is not a new entry);
//! - `advanced`: of those, how many went on to the next stage by the end of the period, so
//!   `conversion` = advanced / entered is a cohort rate and never above 1;
//! - `median_days`: over stays in the stage that ended in the period (however they ended);
//! - `lost`: clients marked lost in the period while in the stage, by reason.
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::lost::read_reasons;
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::Vault;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LostCount {
    /// Key in the lost-reason list ("" when none was recorded).
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FunnelStage {
    pub stage: u8,
    pub entered: u32,
    pub advanced: u32,
    /// advanced / entered; None when nobody entered (and for stage 5, which has no next stage).
    pub conversion: Option<f64>,
    pub median_days: Option<f64>,
    pub lost: u32,
    pub lost_reasons: Vec<LostCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Funnel {
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
    pub stages: Vec<FunnelStage>,
}

impl Vault {
    /// The funnel for `from..=to` (both days included).
    pub fn funnel(&self, from: NaiveDate, to: NaiveDate) -> Result<Funnel> {
        if to < from {
            return Err(Error::invalid("to", Rule::NotBefore("from")));
        }
        let conn = self.conn();
        let (from_s, to_s) = (from.to_string(), to.to_string());
        let labels = read_reasons(conn, true)?;
        let mut stages = Vec::with_capacity(5);
        for stage in 1..=5u8 {
            let (entered, advanced) = cohort(conn, stage, &from_s, &to_s)?;
            let lost_reasons: Vec<LostCount> = lost_by_reason(conn, stage, &from_s, &to_s)?
                .into_iter()
                .map(|(key, count)| {
                    let label = labels.iter().find(|l| l.key == key);
                    LostCount {
                        label_zh: label.map_or_else(|| key.clone(), |l| l.label_zh.clone()),
                        label_en: label.map_or_else(|| key.clone(), |l| l.label_en.clone()),
                        key,
                        count,
                    }
                })
                .collect();
            stages.push(FunnelStage {
                stage,
                entered,
                advanced,
                conversion: (stage < 5 && entered > 0)
                    .then(|| f64::from(advanced) / f64::from(entered)),
                median_days: median(stays(conn, stage, &from_s, &to_s)?),
                lost: lost_reasons.iter().map(|l| l.count).sum(),
                lost_reasons,
            });
        }
        Ok(Funnel { from, to, stages })
    }
}

fn cohort(conn: &Connection, stage: u8, from: &str, to: &str) -> Result<(u32, u32)> {
    Ok(conn
        .prepare_cached(
            "WITH cohort AS (
           SELECT client_id, min(entered_on) AS first_on FROM stage_entries
           WHERE stage = ?1 AND via <> 'back' AND entered_on BETWEEN ?2 AND ?3
           GROUP BY client_id)
         SELECT count(*),
                count(CASE WHEN EXISTS (
                  SELECT 1 FROM stage_entries n
                  WHERE n.client_id = cohort.client_id AND n.stage = ?1 + 1 AND n.via = 'advance'
                    AND n.entered_on BETWEEN cohort.first_on AND ?3) THEN 1 END)
         FROM cohort",
        )?
        .query_row(params![stage, from, to], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

fn stays(conn: &Connection, stage: u8, from: &str, to: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT CAST(julianday(left_on) - julianday(entered_on) AS INTEGER) FROM stage_entries
         WHERE stage = ?1 AND left_on BETWEEN ?2 AND ?3",
    )?;
    let rows = stmt.query_map(params![stage, from, to], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn lost_by_reason(
    conn: &Connection,
    stage: u8,
    from: &str,
    to: &str,
) -> Result<Vec<(String, u32)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT COALESCE(lost_reason, ''), count(*) FROM status_changes
         WHERE to_status = 'lost' AND stage = ?1 AND changed_on BETWEEN ?2 AND ?3
         GROUP BY 1 ORDER BY 2 DESC, 1",
    )?;
    let rows = stmt.query_map(params![stage, from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn median(mut days: Vec<i64>) -> Option<f64> {
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    let mid = days.len() / 2;
    Some(if days.len() % 2 == 1 {
        days[mid] as f64
    } else {
        (days[mid - 1] + days[mid]) as f64 / 2.0
    })
}
