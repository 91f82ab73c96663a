//! Booking a loan from its terms or the client's proposed scenario, and new versions of terms.
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::lpr::Reprice;
use super::penalty::PenaltyTerms;
use super::tranches::{booked_schedule, Disbursement};
use crate::error::{Error, Result};
use crate::loans::{LoanTerms, Period};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DisbursementInput {
    #[ts(type = "string")]
    pub on: NaiveDate,
    #[ts(type = "string")]
    pub amount: Decimal,
}

/// What the officer enters to book a loan. `terms` None books the client's proposed scenario;
/// either way the terms' disbursement date becomes the first disbursement's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BookingInput {
    pub client_id: i64,
    pub contract_no: String,
    #[ts(type = "string")]
    pub signed_on: NaiveDate,
    #[serde(default)]
    pub terms: Option<LoanTerms>,
    pub disbursements: Vec<DisbursementInput>,
    #[serde(default)]
    pub repayment_account: String,
    /// 罚息 and 复利 terms; the contract template's defaults when not given.
    #[serde(default)]
    pub penalty: PenaltyTerms,
    #[serde(default)]
    pub reprice: Reprice,
    /// The credit line (授信) it is drawn under; the drawing must fit what is available.
    #[serde(default)]
    pub facility_id: Option<i64>,
}

pub(super) fn to_fen(amount: Decimal) -> Result<i64> {
    crate::loans::to_fen(amount).ok_or_else(|| Error::invalid("amount", Rule::OutOfRange))
}

pub(super) fn json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Io(e.into()))
}

impl Vault {
    /// Books the loan with its schedule as version 1. Nothing is stored when anything is wrong.
    pub fn book_loan(&mut self, input: &BookingInput, today: NaiveDate) -> Result<i64> {
        let contract_no = input.contract_no.trim();
        if contract_no.is_empty() || contract_no.chars().count() > 60 {
            let rule = if contract_no.is_empty() {
                Rule::Required
            } else {
                Rule::MaxChars(60)
            };
            return Err(Error::invalid("contract_no", rule));
        }
        let account = input.repayment_account.trim();
        if account.chars().count() > 60 {
            return Err(Error::invalid("repayment_account", Rule::MaxChars(60)));
        }
        if input.signed_on > today {
            return Err(Error::invalid("signed_on", Rule::NotInFuture));
        }
        input.penalty.validate()?;
        self.client(input.client_id)?;
        let mut terms = match &input.terms {
            Some(t) => t.clone(),
            None => self
                .loan_scenarios(input.client_id)?
                .into_iter()
                .find(|s| s.proposed)
                .map(|s| s.terms)
                .ok_or(Error::NoScenario(input.client_id))?,
        };
        let parts: Vec<Disbursement> = input
            .disbursements
            .iter()
            .map(|d| Disbursement {
                on: d.on,
                amount: d.amount,
            })
            .collect();
        let first = parts
            .iter()
            .map(|d| d.on)
            .min()
            .ok_or_else(|| Error::invalid("disbursements", Rule::Required))?;
        if first < input.signed_on {
            return Err(Error::invalid(
                "disbursements",
                Rule::NotBefore("signed_on"),
            ));
        }
        if terms.repay_day.is_none() {
            // The repayment day agreed is the proposal's: a later payout day must not move it.
            terms.repay_day = Some(chrono::Datelike::day(&terms.disbursement_date));
        }
        terms.disbursement_date = first;
        if input.reprice != Reprice::None && !matches!(terms.rate, crate::loans::Rate::Lpr { .. }) {
            return Err(Error::invalid("reprice", Rule::NotAllowed));
        }
        let periods = booked_schedule(&terms, &parts)?;

        let now = self.clock().stamp();
        let tx = self.conn_mut().transaction()?;
        let duplicate: Option<i64> = tx
            .query_row(
                "SELECT id FROM booked_loans WHERE contract_no = ?1",
                [contract_no],
                |r| r.get(0),
            )
            .ok();
        if let Some(id) = duplicate {
            return Err(Error::invalid("contract_no", Rule::Duplicate(id)));
        }
        let outstanding: i64 = parts
            .iter()
            .map(|d| to_fen(d.amount))
            .sum::<Result<i64>>()?;
        if let Some(facility) = input.facility_id {
            let days: Vec<NaiveDate> = parts.iter().map(|d| d.on).collect();
            crate::security::check_drawing(
                &tx,
                facility,
                input.client_id,
                &terms.currency,
                outstanding,
                &days,
            )?;
        }
        tx.execute(
            "INSERT INTO booked_loans (client_id, contract_no, signed_on, currency, repayment_account,
                                       version, outstanding_fen, oldest_unpaid_due, created_at,
                                       penalty_markup_bp, penalty_misuse, penalty_basis,
                                       allocation_order, reprice, facility_id)
             VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                input.client_id,
                contract_no,
                input.signed_on.to_string(),
                terms.currency,
                account,
                outstanding,
                periods.first().map(|p| p.due_date.to_string()),
                now,
                input.penalty.markup_bp(),
                input.penalty.misuse,
                input.penalty.basis.days(),
                input.penalty.order_text(),
                input.reprice.as_str(),
                input.facility_id
            ],
        )?;
        let id = tx.last_insert_rowid();
        for d in &parts {
            tx.execute(
                "INSERT INTO loan_disbursements (loan_id, disbursed_on, amount_fen) VALUES (?1, ?2, ?3)",
                params![id, d.on.to_string(), to_fen(d.amount)?],
            )?;
        }
        super::cash_in::tracked(&tx, id, |c| {
            insert_version(c, id, 1, &terms, &periods, "booked", &now)
        })?;
        audit_record(
            &tx,
            "loan.book",
            "loan",
            Some(id),
            &format!("client {}", input.client_id),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// A change of terms: a new version of the schedule from `terms` (the disbursements stay),
    /// the old one kept as booked; repayments are allocated again to the new one.
    pub fn amend_loan_terms(
        &mut self,
        loan_id: i64,
        terms: &LoanTerms,
        reason: &str,
    ) -> Result<u32> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Error::invalid("reason", Rule::Required));
        }
        let parts = self.loan_disbursements(loan_id)?;
        let first = parts
            .iter()
            .map(|d| d.on)
            .min()
            .ok_or_else(|| Error::NotFound(format!("loan {loan_id}")))?;
        let mut terms = terms.clone();
        terms.disbursement_date = first;
        let periods = booked_schedule(&terms, &parts)?;
        let now = self.clock().stamp();
        let tx = self.conn_mut().transaction()?;
        let version: u32 = tx.query_row(
            "UPDATE booked_loans SET version = version + 1 WHERE id = ?1 RETURNING version",
            [loan_id],
            |r| r.get(0),
        )?;
        super::cash_in::tracked(&tx, loan_id, |c| {
            archive_periods(c, loan_id, version - 1)?;
            insert_version(c, loan_id, version, &terms, &periods, reason, &now)?;
            super::store::reallocate(c, loan_id)
        })?;
        audit_record(
            &tx,
            "loan.amend",
            "loan",
            Some(loan_id),
            &format!("version {version}"),
        )?;
        tx.commit()?;
        Ok(version)
    }

    pub(super) fn loan_disbursements(&self, loan_id: i64) -> Result<Vec<Disbursement>> {
        let mut stmt = self.conn().prepare(
            "SELECT disbursed_on, amount_fen FROM loan_disbursements WHERE loan_id = ?1 ORDER BY disbursed_on, id",
        )?;
        let rows = stmt.query_map([loan_id], |r| {
            Ok(Disbursement {
                on: r.get(0)?,
                amount: crate::loans::from_fen(r.get(1)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Moves the superseded version's periods, as booked, into its row.
pub(super) fn archive_periods(tx: &Connection, loan_id: i64, version: u32) -> Result<()> {
    let rows: Vec<(u32, String, i64, i64)> = tx
        .prepare("SELECT no, due_on, principal_fen, interest_fen FROM loan_periods WHERE loan_id = ?1 ORDER BY no")?
        .query_map([loan_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute(
        "UPDATE loan_versions SET schedule = ?3 WHERE loan_id = ?1 AND version = ?2",
        params![loan_id, version, json(&rows)?],
    )?;
    tx.execute("DELETE FROM loan_periods WHERE loan_id = ?1", [loan_id])?;
    Ok(())
}

pub(super) fn insert_version(
    tx: &Connection,
    loan_id: i64,
    version: u32,
    terms: &LoanTerms,
    periods: &[Period],
    reason: &str,
    now: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO loan_versions (loan_id, version, terms, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![loan_id, version, json(terms)?, reason, now],
    )?;
    let mut insert = tx.prepare(
        "INSERT INTO loan_periods (loan_id, no, due_on, principal_fen, interest_fen) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for p in periods {
        insert.execute(params![
            loan_id,
            p.number,
            p.due_date.to_string(),
            to_fen(p.principal)?,
            to_fen(p.interest)?
        ])?;
    }
    // Kept on the loan so Today finds the loans maturing soon in one index range (renewal).
    let maturity = periods.iter().map(|p| p.due_date).max();
    tx.execute(
        "UPDATE booked_loans SET maturity_on = ?2 WHERE id = ?1",
        params![loan_id, maturity.map(|d| d.to_string())],
    )?;
    Ok(())
}
