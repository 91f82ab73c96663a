//! The officer's five-tier classification of a loan, with its reason; every change is kept.
use chrono::NaiveDate;
use rusqlite::params;

use super::status::Classification;
use super::view::ClassificationChange;
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

const REASON_MAX: usize = 500;

impl Vault {
    /// Sets the classification (`None` returns to following the suggestion). A reason is
    /// required: a classification is a judgement the officer answers for.
    pub fn set_classification(
        &mut self,
        loan_id: i64,
        class: Option<Classification>,
        reason: &str,
        today: NaiveDate,
    ) -> Result<()> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Error::invalid("reason", Rule::Required));
        }
        if reason.chars().count() > REASON_MAX {
            return Err(Error::invalid("reason", Rule::MaxChars(REASON_MAX)));
        }
        let suggested = self.booked_loan(loan_id, today)?.suggested_classification;
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "UPDATE booked_loans SET classification = ?2 WHERE id = ?1",
            params![loan_id, class.map(Classification::as_str)],
        )?;
        tx.execute(
            "INSERT INTO loan_classifications (loan_id, class, suggested, reason, set_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                loan_id,
                class.unwrap_or(suggested).as_str(),
                suggested.as_str(),
                reason,
                today,
                crate::clock::stamp(&tx)?
            ],
        )?;
        audit_record(
            &tx,
            "loan.classify",
            "loan",
            Some(loan_id),
            class.map_or("suggested", Classification::as_str),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records (or with `None` withdraws) the technical-overdue exception: a loan at most 7
    /// days overdue for a reason outside the client's control may be suggested 正常.
    pub fn set_technical_overdue(
        &mut self,
        loan_id: i64,
        reason: Option<&str>,
        today: NaiveDate,
    ) -> Result<()> {
        let reason = match reason.map(str::trim) {
            Some("") => return Err(Error::invalid("reason", Rule::Required)),
            Some(r) if r.chars().count() > REASON_MAX => {
                return Err(Error::invalid("reason", Rule::MaxChars(REASON_MAX)))
            }
            other => other,
        };
        let loan = self.booked_loan(loan_id, today)?;
        if reason.is_some() && loan.overdue_days > super::status::TECHNICAL_OVERDUE_DAYS {
            return Err(Error::invalid(
                "overdue_days",
                Rule::AtMost(super::status::TECHNICAL_OVERDUE_DAYS.to_string()),
            ));
        }
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "UPDATE booked_loans SET technical_overdue_reason = ?2 WHERE id = ?1",
            params![loan_id, reason],
        )?;
        audit_record(
            &tx,
            "loan.technical_overdue",
            "loan",
            Some(loan_id),
            if reason.is_some() { "set" } else { "cleared" },
        )?;
        tx.commit()?;
        Ok(())
    }

    pub(super) fn classification_history(&self, loan_id: i64) -> Result<Vec<ClassificationChange>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT class, suggested, reason, set_on FROM loan_classifications WHERE loan_id = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([loan_id], |r| {
            let class: String = r.get(0)?;
            let suggested: String = r.get(1)?;
            Ok(ClassificationChange {
                class: Classification::parse(&class).unwrap_or(Classification::Pass),
                suggested: Classification::parse(&suggested).unwrap_or(Classification::Pass),
                reason: r.get(2)?,
                set_on: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
