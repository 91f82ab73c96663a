//! Follow-up cadence (陪伴式): each tier is contacted every so many days. A client's next contact
//! is the date set by hand on its latest touchpoint, else that touchpoint's date plus the
//! cadence (the creation date when there is no touchpoint yet). The rule is the schema's
//! `followups_rule` view; triggers keep the `followups` table true whatever writes touchpoints
//! or tiers, so this module only starts a client's row, reads and configures.
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{date_at, opt_date_at};
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

/// Days between contacts per tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Cadence {
    pub a: u32,
    pub b: u32,
    pub c: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FollowUp {
    #[ts(type = "string | null")]
    pub last_contact_on: Option<NaiveDate>,
    #[ts(type = "string")]
    pub next_on: NaiveDate,
    /// Set by hand on the latest touchpoint rather than from the cadence.
    pub manual: bool,
    /// Days past `next_on` (negative: days still to go).
    pub days_overdue: i64,
}

/// Clients longer than this in one stage show as stuck on Today (editable in Settings).
pub const DEFAULT_STUCK_DAYS: u32 = 30;
const STUCK_KEY: &str = "journey_stuck_days";
const MAX_DAYS: u32 = 365;

fn check_days(field: &str, days: u32) -> Result<u32> {
    if (1..=MAX_DAYS).contains(&days) {
        Ok(days)
    } else {
        Err(Error::invalid(
            field,
            Rule::Range {
                min: "1".into(),
                max: MAX_DAYS.to_string(),
            },
        ))
    }
}

/// A new client's follow-up row: the cadence counts from `today` until the first touchpoint.
pub(crate) fn start(tx: &Transaction, client_id: i64, today: NaiveDate) -> Result<()> {
    tx.prepare_cached(
        "INSERT OR REPLACE INTO followups (client_id, since_on, next_on, manual) VALUES (?1, ?2, ?2, 0)",
    )?
    .execute(params![client_id, today.to_string()])?;
    tx.prepare_cached(
        "UPDATE followups SET (last_contact_on, next_on, manual) = (
           SELECT last_contact_on, next_on, manual FROM followups_rule WHERE client_id = ?1)
         WHERE client_id = ?1",
    )?
    .execute([client_id])?;
    Ok(())
}

impl Vault {
    pub fn followup_cadence(&self) -> Result<Cadence> {
        let get = |tier: &str| -> Result<u32> {
            Ok(self
                .conn()
                .query_row(
                    "SELECT days FROM followup_cadence WHERE tier = ?1",
                    [tier],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or(30))
        };
        Ok(Cadence {
            a: get("A")?,
            b: get("B")?,
            c: get("C")?,
        })
    }

    /// Clients whose next date came from the cadence are moved to the new one at once; dates
    /// set by hand stay.
    pub fn set_followup_cadence(&mut self, cadence: &Cadence) -> Result<()> {
        let days = [
            ("A", check_days("a", cadence.a)?),
            ("B", check_days("b", cadence.b)?),
            ("C", check_days("c", cadence.c)?),
        ];
        let tx = self.conn_mut().transaction()?;
        for (tier, days) in days {
            tx.execute(
                "UPDATE followup_cadence SET days = ?2 WHERE tier = ?1 AND days <> ?2",
                params![tier, days],
            )?;
        }
        audit_record(&tx, "settings.set", "settings", None, "followup_cadence")?;
        tx.commit()?;
        Ok(())
    }

    pub fn follow_up(&self, client_id: i64, today: NaiveDate) -> Result<FollowUp> {
        self.conn()
            .query_row(
                "SELECT last_contact_on, next_on, manual FROM followups WHERE client_id = ?1",
                [client_id],
                |r| {
                    let next_on = date_at(r, 1)?;
                    Ok(FollowUp {
                        last_contact_on: opt_date_at(r, 0)?,
                        next_on,
                        manual: r.get(2)?,
                        days_overdue: (today - next_on).num_days(),
                    })
                },
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("client {client_id}")))
    }

    pub fn stuck_after_days(&self) -> Result<u32> {
        Ok(self
            .setting(STUCK_KEY)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_STUCK_DAYS))
    }

    pub fn set_stuck_after_days(&mut self, days: u32) -> Result<()> {
        let days = check_days("stuck_after_days", days)?;
        self.set_setting(STUCK_KEY, &days.to_string())
    }
}
