//! Today's side of the loop: a problem still open N days (Settings) after it was raised.
use chrono::{Days, NaiveDate};
use rusqlite::params;

use crate::error::Result;
use crate::servicing::{Reminder, ReminderKind};
use crate::vault::Vault;

impl Vault {
    /// Read through the partial index of open problems: the closed history is never scanned.
    pub(crate) fn open_problem_reminders(&self, today: NaiveDate) -> Result<Vec<Reminder>> {
        let days = self.feedback_settings()?.open_problem_days;
        let Some(opened_by) = today.checked_sub_days(Days::new(u64::from(days))) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn().prepare_cached(
            "SELECT p.id, p.opened_on, f.client_id, c.name
             FROM feedback_problems p INDEXED BY feedback_problems_open
             JOIN feedback f ON f.id = p.feedback_id JOIN clients c ON c.id = f.client_id
             WHERE p.resolved_on IS NULL AND p.opened_on <= ?1 AND c.archived = 0",
        )?;
        let rows = stmt.query_map(params![opened_by.to_string()], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, NaiveDate>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, opened_on, client_id, client_name) = row?;
            let due_on = opened_on
                .checked_add_days(Days::new(u64::from(days)))
                .unwrap_or(opened_on);
            out.push(Reminder {
                key: format!("problem:{id}"),
                kind: ReminderKind::OpenProblem,
                loan_id: None,
                facility_id: None,
                collateral_id: None,
                collateral_kind: None,
                problem_id: Some(id),
                client_id,
                client_name,
                contract_no: String::new(),
                due_on,
                amount: None,
                overdue_days: (today - due_on).num_days().max(0),
                period_no: None,
                ratio: None,
                statement_year: None,
            });
        }
        Ok(out)
    }
}
