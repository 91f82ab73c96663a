//! Collateral (押品) pledged for a loan: its value with each valuation kept, the cap a loan may
//! lean on (抵押率/质押率), prior liens, the registration (抵押登记) and insurance.
use chrono::{Months, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    bp_percent, lendable_fen, money_fen, percent_bp, short_text, store_loan_security,
    CollateralKind, SecuritySettings,
};
use crate::error::{Error, Result};
use crate::loans::from_fen;
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CollateralInput {
    pub kind: CollateralKind,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub description: String,
    #[ts(type = "string")]
    pub value: Decimal,
    #[ts(type = "string")]
    pub valued_on: NaiveDate,
    /// Who valued it (an appraiser, the bank's own estimate).
    #[serde(default)]
    pub source: String,
    /// None: the kind's cap from Settings.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub cap_percent: Option<Decimal>,
    #[serde(default)]
    #[ts(type = "string")]
    pub prior_lien: Decimal,
    #[serde(default)]
    pub registration_no: String,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub registered_until: Option<NaiveDate>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub insured_until: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Revaluation {
    #[ts(type = "string")]
    pub value: Decimal,
    #[ts(type = "string")]
    pub valued_on: NaiveDate,
    #[serde(default)]
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Valuation {
    #[ts(type = "string")]
    pub value: Decimal,
    #[ts(type = "string")]
    pub valued_on: NaiveDate,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Collateral {
    pub id: i64,
    pub loan_id: i64,
    pub kind: CollateralKind,
    pub owner: String,
    pub description: String,
    /// The latest valuation.
    #[ts(type = "string")]
    pub value: Decimal,
    #[ts(type = "string")]
    pub valued_on: NaiveDate,
    pub source: String,
    #[ts(type = "string")]
    pub cap_percent: Decimal,
    #[ts(type = "string")]
    pub prior_lien: Decimal,
    /// value × cap − prior liens, not below 0.
    #[ts(type = "string")]
    pub lendable: Decimal,
    pub registration_no: String,
    #[ts(type = "string | null")]
    pub registered_until: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub insured_until: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub archived_on: Option<NaiveDate>,
    /// When the kind's interval in Settings asks for the next valuation (None: never).
    #[ts(type = "string | null")]
    pub revalue_on: Option<NaiveDate>,
    /// Every valuation, the oldest first.
    pub valuations: Vec<Valuation>,
}

/// The day a valuation of `valued_on` is due again, `months` later (0: never).
pub(crate) fn revalue_on(valued_on: NaiveDate, months: u32) -> Option<NaiveDate> {
    (months > 0)
        .then(|| valued_on.checked_add_months(Months::new(months)))
        .flatten()
}

struct Checked {
    owner: String,
    description: String,
    value: i64,
    source: String,
    cap_bp: i64,
    prior_lien: i64,
    registration_no: String,
}

fn check(
    input: &CollateralInput,
    settings: &SecuritySettings,
    today: NaiveDate,
) -> Result<Checked> {
    if input.valued_on > today {
        return Err(Error::invalid("valued_on", Rule::NotInFuture));
    }
    let cap = input
        .cap_percent
        .unwrap_or_else(|| settings.cap_percent(input.kind));
    Ok(Checked {
        owner: short_text("owner", &input.owner, 100)?,
        description: short_text("description", &input.description, 200)?,
        value: money_fen("value", input.value)?,
        source: short_text("source", &input.source, 100)?,
        cap_bp: percent_bp("cap_percent", cap)?,
        prior_lien: money_fen("prior_lien", input.prior_lien)?,
        registration_no: short_text("registration_no", &input.registration_no, 60)?,
    })
}

/// The loan must exist and still be open: collateral of a repaid loan is released.
fn open_loan(conn: &Connection, loan_id: i64) -> Result<()> {
    let closed: Option<Option<String>> = conn
        .query_row(
            "SELECT closed_on FROM booked_loans WHERE id = ?1",
            [loan_id],
            |r| r.get(0),
        )
        .optional()?;
    match closed {
        None => Err(Error::NotFound(format!("loan {loan_id}"))),
        Some(Some(_)) => Err(Error::invalid("loan", Rule::LoanClosed)),
        Some(None) => Ok(()),
    }
}

const COLUMNS: &str = "id, loan_id, kind, owner, description, value_fen, valued_on, value_source,
     cap_bp, prior_lien_fen, registration_no, registered_until, insured_until, archived_on";

fn read_rows(
    conn: &Connection,
    filter: &str,
    id: i64,
    settings: &SecuritySettings,
) -> Result<Vec<Collateral>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM collateral WHERE {filter} ORDER BY archived_on IS NOT NULL, id"
    ))?;
    let rows = stmt.query_map([id], |r| {
        let kind: String = r.get(2)?;
        let value: i64 = r.get(5)?;
        let cap_bp: i64 = r.get(8)?;
        let prior: i64 = r.get(9)?;
        let valued_on: NaiveDate = r.get(6)?;
        let kind = CollateralKind::parse(&kind).unwrap_or(CollateralKind::Property);
        Ok(Collateral {
            id: r.get(0)?,
            loan_id: r.get(1)?,
            kind,
            owner: r.get(3)?,
            description: r.get(4)?,
            value: from_fen(value),
            valued_on,
            source: r.get(7)?,
            cap_percent: bp_percent(cap_bp),
            prior_lien: from_fen(prior),
            lendable: from_fen(lendable_fen(value, cap_bp, prior)),
            registration_no: r.get(10)?,
            registered_until: r.get(11)?,
            insured_until: r.get(12)?,
            archived_on: r.get(13)?,
            revalue_on: revalue_on(valued_on, settings.revalue_months(kind)),
            valuations: Vec::new(),
        })
    })?;
    let mut out: Vec<Collateral> = rows.collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT value_fen, valued_on, source FROM collateral_valuations
         WHERE collateral_id = ?1 ORDER BY id",
    )?;
    for c in &mut out {
        c.valuations = stmt
            .query_map([c.id], |r| {
                Ok(Valuation {
                    value: from_fen(r.get(0)?),
                    valued_on: r.get(1)?,
                    source: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(out)
}

impl Vault {
    /// Pledges an item for an open loan with its first valuation.
    pub fn add_collateral(
        &mut self,
        loan_id: i64,
        input: &CollateralInput,
        today: NaiveDate,
    ) -> Result<i64> {
        let c = check(input, &self.security_settings()?, today)?;
        let now = self.clock().stamp();
        let tx = self.conn_mut().transaction()?;
        open_loan(&tx, loan_id)?;
        tx.execute(
            "INSERT INTO collateral (loan_id, kind, owner, description, cap_bp, value_fen, valued_on,
                                     value_source, prior_lien_fen, registration_no, registered_until,
                                     insured_until, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                loan_id,
                input.kind.as_str(),
                c.owner,
                c.description,
                c.cap_bp,
                c.value,
                input.valued_on.to_string(),
                c.source,
                c.prior_lien,
                c.registration_no,
                input.registered_until.map(|d| d.to_string()),
                input.insured_until.map(|d| d.to_string()),
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO collateral_valuations (collateral_id, value_fen, valued_on, source, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, c.value, input.valued_on.to_string(), c.source, now],
        )?;
        store_loan_security(&tx, loan_id)?;
        audit_record(
            &tx,
            "collateral.add",
            "loan",
            Some(loan_id),
            &format!("collateral {id}"),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// A new valuation; the earlier ones stay in the history. Not dated before the latest.
    pub fn revalue_collateral(
        &mut self,
        id: i64,
        revaluation: &Revaluation,
        today: NaiveDate,
    ) -> Result<()> {
        if revaluation.valued_on > today {
            return Err(Error::invalid("valued_on", Rule::NotInFuture));
        }
        let value = money_fen("value", revaluation.value)?;
        let source = short_text("source", &revaluation.source, 100)?;
        let now = self.clock().stamp();
        let tx = self.conn_mut().transaction()?;
        let (loan_id, latest, archived) = item(&tx, id)?;
        if archived {
            return Err(Error::invalid("collateral", Rule::NotAllowed));
        }
        if revaluation.valued_on < latest {
            return Err(Error::invalid("valued_on", Rule::NotBefore("valued_on")));
        }
        tx.execute(
            "UPDATE collateral SET value_fen = ?2, valued_on = ?3, value_source = ?4 WHERE id = ?1",
            params![id, value, revaluation.valued_on.to_string(), source],
        )?;
        tx.execute(
            "INSERT INTO collateral_valuations (collateral_id, value_fen, valued_on, source, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, value, revaluation.valued_on.to_string(), source, now],
        )?;
        store_loan_security(&tx, loan_id)?;
        audit_record(
            &tx,
            "collateral.revalue",
            "loan",
            Some(loan_id),
            &format!("collateral {id}"),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Released or replaced: kept for the record, no longer part of the loan's capacity.
    pub fn archive_collateral(&mut self, id: i64, today: NaiveDate) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        let (loan_id, _, archived) = item(&tx, id)?;
        if archived {
            return Err(Error::invalid("collateral", Rule::NotAllowed));
        }
        tx.execute(
            "UPDATE collateral SET archived_on = ?2 WHERE id = ?1",
            params![id, today.to_string()],
        )?;
        store_loan_security(&tx, loan_id)?;
        audit_record(
            &tx,
            "collateral.archive",
            "loan",
            Some(loan_id),
            &format!("collateral {id}"),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The loan's collateral, the pledged items first, then the archived.
    pub fn loan_collateral(&self, loan_id: i64) -> Result<Vec<Collateral>> {
        read_rows(
            self.conn(),
            "loan_id = ?1",
            loan_id,
            &self.security_settings()?,
        )
    }

    pub fn collateral(&self, id: i64) -> Result<Collateral> {
        read_rows(self.conn(), "id = ?1", id, &self.security_settings()?)?
            .pop()
            .ok_or_else(|| Error::NotFound(format!("collateral {id}")))
    }

    /// Everything pledged for any of the client's loans.
    pub fn client_collateral(&self, client_id: i64) -> Result<Vec<Collateral>> {
        self.client(client_id)?;
        read_rows(
            self.conn(),
            "loan_id IN (SELECT id FROM booked_loans WHERE client_id = ?1)",
            client_id,
            &self.security_settings()?,
        )
    }
}

/// (loan, latest valuation date, archived) of an item.
fn item(conn: &Connection, id: i64) -> Result<(i64, NaiveDate, bool)> {
    conn.query_row(
        "SELECT loan_id, valued_on, archived_on IS NOT NULL FROM collateral WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("collateral {id}")))
}
