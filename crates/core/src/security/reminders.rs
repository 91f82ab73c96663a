//! What the security asks of the officer on a day: a shortfall of collateral, a valuation due
//! again, a registration or insurance ending, a credit line ending (续授信).
use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::params;

use super::collateral::revalue_on;
use super::{lendable_fen, CollateralKind};
use crate::error::Result;
use crate::loans::from_fen;
use crate::servicing::reminders::{loan_reminder, ActiveLoan};
use crate::servicing::{Reminder, ReminderKind};
use crate::vault::Vault;

impl Vault {
    /// `horizon`: the last day a valuation falling due is reminded of; expiries look as far
    /// ahead as Settings say.
    pub(crate) fn security_reminders(
        &self,
        today: NaiveDate,
        horizon: NaiveDate,
        loans: &HashMap<i64, ActiveLoan>,
    ) -> Result<Vec<Reminder>> {
        let settings = self.security_settings()?;
        let ahead = |days: u32| {
            today
                .checked_add_days(Days::new(u64::from(days)))
                .unwrap_or(today)
        };
        let expiry_horizon = ahead(settings.expiry_days);
        let mut out = Vec::new();
        let mut capacity: HashMap<i64, i64> = HashMap::new();
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, loan_id, kind, value_fen, valued_on, cap_bp, prior_lien_fen,
                    registered_until, insured_until
             FROM collateral WHERE archived_on IS NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, NaiveDate>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, i64>(6)?,
                r.get::<_, Option<NaiveDate>>(7)?,
                r.get::<_, Option<NaiveDate>>(8)?,
            ))
        })?;
        for row in rows {
            let (id, loan_id, kind, value, valued_on, cap_bp, prior, registered, insured) = row?;
            let Some(loan) = loans.get(&loan_id) else {
                continue;
            };
            *capacity.entry(loan_id).or_default() += lendable_fen(value, cap_bp, prior);
            let kind = CollateralKind::parse(&kind).unwrap_or(CollateralKind::Property);
            let mut remind = |tag: &str, reminder_kind, on: NaiveDate| {
                let mut r = loan_reminder(
                    loan,
                    format!("{tag}:{loan_id}:{id}:{on}"),
                    reminder_kind,
                    on,
                );
                r.collateral_id = Some(id);
                r.collateral_kind = Some(kind);
                r.overdue_days = (today - on).num_days().max(0);
                out.push(r);
            };
            if let Some(due) = revalue_on(valued_on, settings.revalue_months(kind)) {
                if due <= horizon {
                    remind("revaluation", ReminderKind::RevaluationDue, due);
                }
            }
            if let Some(until) = registered.filter(|d| *d <= expiry_horizon) {
                remind("registration", ReminderKind::RegistrationExpiry, until);
            }
            if let Some(until) = insured.filter(|d| *d <= expiry_horizon) {
                remind("insurance", ReminderKind::InsuranceExpiry, until);
            }
        }
        for (loan_id, cap) in capacity {
            let Some(loan) = loans.get(&loan_id) else {
                continue;
            };
            if cap < loan.outstanding_fen {
                let mut r = loan_reminder(
                    loan,
                    format!("shortfall:{loan_id}"),
                    ReminderKind::Shortfall,
                    today,
                );
                r.amount = Some(from_fen(loan.outstanding_fen - cap));
                out.push(r);
            }
        }
        out.extend(self.facility_reminders(
            today,
            ahead(settings.facility_expiry_days),
            settings.facility_expiry_days,
        )?);
        Ok(out)
    }

    /// Lines ending by `until`, or ended within the last `days`: the renewal (续授信) is due.
    fn facility_reminders(
        &self,
        today: NaiveDate,
        until: NaiveDate,
        days: u32,
    ) -> Result<Vec<Reminder>> {
        let since = today
            .checked_sub_days(Days::new(u64::from(days)))
            .unwrap_or(today);
        let mut stmt = self.conn().prepare_cached(
            "SELECT f.id, f.client_id, c.name, f.ends_on, f.amount_fen
             FROM facilities f JOIN clients c ON c.id = f.client_id
             WHERE f.ends_on <= ?1 AND f.ends_on >= ?2",
        )?;
        let rows = stmt.query_map(params![until.to_string(), since.to_string()], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, NaiveDate>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, client_id, client_name, ends_on, amount) = row?;
            out.push(Reminder {
                key: format!("facility:{id}:{ends_on}"),
                kind: ReminderKind::FacilityExpiry,
                loan_id: None,
                facility_id: Some(id),
                collateral_id: None,
                collateral_kind: None,
                client_id,
                client_name,
                contract_no: String::new(),
                due_on: ends_on,
                amount: Some(from_fen(amount)),
                overdue_days: (today - ends_on).num_days().max(0),
                period_no: None,
                ratio: None,
                statement_year: None,
            });
        }
        Ok(out)
    }
}
