//! Today's side of the lifecycle: the clients suggested dormant (a condition: it holds until a
//! contact, a loan or the officer's change), and the open loans maturing within the renewal
//! days (Settings, default 90) for which no renewal has been started.
use chrono::{Days, NaiveDate};
use rusqlite::params;

use crate::clients::LifecycleStatus;
use crate::error::Result;
use crate::servicing::{Reminder, ReminderKind};
use crate::vault::Vault;

fn reminder(kind: ReminderKind, key: String, client_id: i64, client_name: String) -> Reminder {
    Reminder {
        key,
        kind,
        loan_id: None,
        facility_id: None,
        collateral_id: None,
        collateral_kind: None,
        problem_id: None,
        client_id,
        client_name,
        contract_no: String::new(),
        due_on: NaiveDate::MIN,
        amount: None,
        overdue_days: 0,
        period_no: None,
        ratio: None,
        statement_year: None,
    }
}

impl Vault {
    pub(crate) fn lifecycle_reminders(&self, today: NaiveDate) -> Result<Vec<Reminder>> {
        let mut out = Vec::new();
        for s in self.dormant_suggestions(today)? {
            let Some(since) = s.dormant_since.filter(|_| s.to == LifecycleStatus::Dormant) else {
                continue;
            };
            let mut r = reminder(
                ReminderKind::Dormant,
                format!("dormant:{}", s.client_id),
                s.client_id,
                s.client_name,
            );
            r.due_on = since;
            r.overdue_days = (today - since).num_days().max(0);
            out.push(r);
        }
        let days = self.lifecycle_settings()?.renewal_days;
        let horizon = today
            .checked_add_days(Days::new(u64::from(days)))
            .unwrap_or(today);
        let mut stmt = self.conn().prepare_cached(
            "SELECT l.id, l.client_id, c.name, l.contract_no, l.maturity_on, l.outstanding_fen
             FROM booked_loans l INDEXED BY booked_loans_open_maturity
             JOIN clients c ON c.id = l.client_id
             WHERE l.closed_on IS NULL AND l.maturity_on BETWEEN ?1 AND ?2 AND c.archived = 0
               AND NOT EXISTS (SELECT 1 FROM opportunities o WHERE o.loan_id = l.id)",
        )?;
        let rows = stmt.query_map(params![today.to_string(), horizon.to_string()], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, NaiveDate>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })?;
        for row in rows {
            let (loan_id, client_id, name, contract_no, maturity, outstanding_fen) = row?;
            let mut r = reminder(
                ReminderKind::RenewalDue,
                format!("renewal:{loan_id}"),
                client_id,
                name,
            );
            r.loan_id = Some(loan_id);
            r.contract_no = contract_no;
            r.due_on = maturity;
            r.amount = Some(rust_decimal::Decimal::new(outstanding_fen, 2));
            out.push(r);
        }
        Ok(out)
    }
}
