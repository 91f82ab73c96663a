//! Waiving penalty and compound interest (罚息/复利减免): a judgement the officer answers for,
//! so it needs a reason and is kept, like a repayment, in the loan's history.
use chrono::NaiveDate;
use rusqlite::params;
use rust_decimal::Decimal;

use super::allocation::allocate_with;
use super::book::to_fen;
use super::store::{reallocate, Ledger};
use crate::error::{Error, Result};
use crate::loans::from_fen;
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

const REASON_MAX: usize = 500;

impl Vault {
    /// Penalty and compound interest still owed on `on` (before that day's repayments).
    pub fn penalty_owed_on(&self, loan_id: i64, on: NaiveDate) -> Result<Decimal> {
        let ledger = Ledger::load(self.conn(), loan_id)?;
        let repayments: Vec<_> = ledger
            .repayments
            .iter()
            .filter(|r| r.paid_on < on)
            .cloned()
            .collect();
        let waivers: Vec<_> = ledger
            .waivers
            .iter()
            .filter(|w| w.on <= on)
            .cloned()
            .collect();
        let a = allocate_with(
            ledger.start,
            &ledger.schedule,
            &repayments,
            &waivers,
            &ledger.rule,
        );
        let owed: i64 = a
            .penalties_on(&ledger.schedule, on)
            .iter()
            .map(|(p, c)| p + c)
            .sum();
        Ok(from_fen(owed))
    }

    /// Waives `amount` of the penalty and compound interest owed on `on` (compound first,
    /// oldest period first, as the contract's order has them). Refused, storing nothing: no
    /// reason, a date after `today`, an amount that is not positive or above what is owed.
    pub fn waive_penalty(
        &mut self,
        loan_id: i64,
        on: NaiveDate,
        amount: Decimal,
        reason: &str,
        today: NaiveDate,
    ) -> Result<i64> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Error::invalid("reason", Rule::Required));
        }
        if reason.chars().count() > REASON_MAX {
            return Err(Error::invalid("reason", Rule::MaxChars(REASON_MAX)));
        }
        if on > today {
            return Err(Error::invalid("date", Rule::NotInFuture));
        }
        if amount <= Decimal::ZERO {
            return Err(Error::invalid("amount", Rule::Positive));
        }
        if amount.normalize().scale() > 2 {
            return Err(Error::invalid("amount", Rule::DecimalPlaces(2)));
        }
        let owed = self.penalty_owed_on(loan_id, on)?;
        if amount > owed {
            return Err(Error::invalid("amount", Rule::AtMost(owed.to_string())));
        }
        let fen = to_fen(amount)?;
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "INSERT INTO loan_penalty_waivers (loan_id, waived_on, amount_fen, reason, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![loan_id, on, fen, reason, crate::clock::stamp(&tx)?],
        )?;
        let id = tx.last_insert_rowid();
        super::cash_in::tracked(&tx, loan_id, |c| reallocate(c, loan_id))?;
        audit_record(
            &tx,
            "loan.penalty_waive",
            "loan",
            Some(loan_id),
            &format!("waiver {id}"),
        )?;
        tx.commit()?;
        Ok(id)
    }
}
