//! A problem the client raised, open until the officer records what was done (闭环), and the
//! new needs heard.
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::record::check_touchpoint;
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::security::short_text;
use crate::vault::{audit_record, Vault};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Problem {
    pub id: i64,
    pub feedback_id: i64,
    pub client_id: i64,
    /// A default category's key or one added in Settings.
    pub category: String,
    pub text: String,
    #[ts(type = "string")]
    pub opened_on: NaiveDate,
    #[ts(type = "string | null")]
    pub resolved_on: Option<NaiveDate>,
    pub resolution_note: Option<String>,
    /// The touchpoint that told the client.
    pub resolution_touchpoint_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Need {
    pub id: i64,
    pub feedback_id: i64,
    pub text: String,
    pub product_type: Option<String>,
    /// The opportunity the need started, once there is one.
    pub opportunity_id: Option<i64>,
}

const PROBLEM_COLUMNS: &str = "p.id, p.feedback_id, f.client_id, p.category, p.text, p.opened_on,
     p.resolved_on, p.resolution_note, p.resolution_touchpoint_id";

fn problem(r: &rusqlite::Row) -> rusqlite::Result<Problem> {
    Ok(Problem {
        id: r.get(0)?,
        feedback_id: r.get(1)?,
        client_id: r.get(2)?,
        category: r.get(3)?,
        text: r.get(4)?,
        opened_on: r.get(5)?,
        resolved_on: r.get(6)?,
        resolution_note: r.get(7)?,
        resolution_touchpoint_id: r.get(8)?,
    })
}

impl Vault {
    /// The client's problems, oldest first; `open_only`: those not resolved yet.
    pub(super) fn client_problems(&self, client_id: i64, open_only: bool) -> Result<Vec<Problem>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {PROBLEM_COLUMNS} FROM feedback_problems p JOIN feedback f ON f.id = p.feedback_id
             WHERE f.client_id = ?1 AND (?2 = 0 OR p.resolved_on IS NULL)
             ORDER BY p.opened_on, p.id"
        ))?;
        let rows = stmt.query_map(params![client_id, open_only], problem)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(super) fn client_needs(&self, client_id: i64) -> Result<Vec<Need>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT n.id, n.feedback_id, n.text, n.product_type, n.opportunity_id
             FROM feedback_needs n JOIN feedback f ON f.id = n.feedback_id
             WHERE f.client_id = ?1 ORDER BY n.id",
        )?;
        let rows = stmt.query_map([client_id], |r| {
            Ok(Need {
                id: r.get(0)?,
                feedback_id: r.get(1)?,
                text: r.get(2)?,
                product_type: r.get(3)?,
                opportunity_id: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The client's problems not resolved yet, oldest first.
    pub fn open_problems(&self, client_id: i64) -> Result<Vec<Problem>> {
        self.client_problems(client_id, true)
    }

    pub fn problem(&self, id: i64) -> Result<Problem> {
        self.conn()
            .query_row(
                &format!(
                    "SELECT {PROBLEM_COLUMNS} FROM feedback_problems p
                     JOIN feedback f ON f.id = p.feedback_id WHERE p.id = ?1"
                ),
                [id],
                problem,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("problem {id}")))
    }

    /// Closes the loop: what was done, on `date`, optionally the touchpoint that told the
    /// client. A problem already resolved is refused and keeps its resolution.
    pub fn resolve_problem(
        &mut self,
        id: i64,
        note: &str,
        date: NaiveDate,
        touchpoint_id: Option<i64>,
    ) -> Result<()> {
        let note = short_text("note", note, 500)?;
        if note.is_empty() {
            return Err(Error::invalid("note", Rule::Required));
        }
        let tx = self.conn_mut().transaction()?;
        let found: Option<(i64, NaiveDate, bool)> = tx
            .query_row(
                "SELECT f.client_id, p.opened_on, p.resolved_on IS NOT NULL
                 FROM feedback_problems p JOIN feedback f ON f.id = p.feedback_id WHERE p.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (client_id, opened_on, resolved) =
            found.ok_or_else(|| Error::NotFound(format!("problem {id}")))?;
        if resolved {
            return Err(Error::invalid("problem", Rule::NotAllowed));
        }
        if date < opened_on {
            return Err(Error::invalid("date", Rule::NotBefore("opened_on")));
        }
        if let Some(t) = touchpoint_id {
            check_touchpoint(&tx, client_id, t)?;
        }
        tx.execute(
            "UPDATE feedback_problems
             SET resolved_on = ?2, resolution_note = ?3, resolution_touchpoint_id = ?4
             WHERE id = ?1 AND resolved_on IS NULL",
            params![id, date.to_string(), note, touchpoint_id],
        )?;
        audit_record(
            &tx,
            "feedback.resolve",
            "client",
            Some(client_id),
            &format!("problem {id}"),
        )?;
        tx.commit()?;
        Ok(())
    }
}
