//! Guarantors (保证人) of a loan: a person or a company, joint (连带责任保证) or general
//! (一般保证, the default when the contract is silent: 《民法典》第六百八十六条).
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{positive_fen, short_text, GuaranteeKind, GuarantorParty};
use crate::error::{Error, Result};
use crate::loans::from_fen;
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GuarantorInput {
    pub party: GuarantorParty,
    pub name: String,
    /// A company's 统一社会信用代码 (GB 32100), checked when given.
    #[serde(default)]
    pub credit_code: Option<String>,
    #[serde(default)]
    pub kind: GuaranteeKind,
    /// The most the guarantee covers; None: the whole debt.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub limit: Option<Decimal>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub to: Option<NaiveDate>,
    /// To the borrower: shareholder, parent company, legal representative...
    #[serde(default)]
    pub relation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Guarantor {
    pub id: i64,
    pub loan_id: i64,
    pub party: GuarantorParty,
    pub name: String,
    pub credit_code: Option<String>,
    pub kind: GuaranteeKind,
    #[ts(type = "string | null")]
    pub limit: Option<Decimal>,
    #[ts(type = "string | null")]
    pub from: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub to: Option<NaiveDate>,
    pub relation: String,
    #[ts(type = "string | null")]
    pub archived_on: Option<NaiveDate>,
}

impl Vault {
    pub fn add_guarantor(&mut self, loan_id: i64, input: &GuarantorInput) -> Result<i64> {
        let name = short_text("name", &input.name, 100)?;
        if name.is_empty() {
            return Err(Error::invalid("name", Rule::Required));
        }
        let code = match input.credit_code.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(_) if input.party == GuarantorParty::Person => {
                return Err(Error::invalid("credit_code", Rule::NotAllowed));
            }
            Some(c) => Some(
                crate::clients::credit_code::validate(c)
                    .map_err(|rule| Error::invalid("credit_code", rule))?,
            ),
        };
        let limit = input.limit.map(|l| positive_fen("limit", l)).transpose()?;
        if let (Some(from), Some(to)) = (input.from, input.to) {
            if to < from {
                return Err(Error::invalid("to", Rule::NotBefore("from")));
            }
        }
        let relation = short_text("relation", &input.relation, 100)?;
        let now = self.clock().stamp();
        let tx = self.conn_mut().transaction()?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM booked_loans WHERE id = ?1)",
            [loan_id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::NotFound(format!("loan {loan_id}")));
        }
        tx.execute(
            "INSERT INTO guarantors (loan_id, party, name, credit_code, kind, limit_fen, starts_on,
                                     ends_on, relation, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                loan_id,
                input.party.as_str(),
                name,
                code,
                input.kind.as_str(),
                limit,
                input.from.map(|d| d.to_string()),
                input.to.map(|d| d.to_string()),
                relation,
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        audit_record(
            &tx,
            "guarantor.add",
            "loan",
            Some(loan_id),
            &format!("guarantor {id}"),
        )?;
        tx.commit()?;
        Ok(id)
    }

    pub fn archive_guarantor(&mut self, id: i64, today: NaiveDate) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        let found: Option<(i64, bool)> = tx
            .query_row(
                "SELECT loan_id, archived_on IS NOT NULL FROM guarantors WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (loan_id, archived) =
            found.ok_or_else(|| Error::NotFound(format!("guarantor {id}")))?;
        if archived {
            return Err(Error::invalid("guarantor", Rule::NotAllowed));
        }
        tx.execute(
            "UPDATE guarantors SET archived_on = ?2 WHERE id = ?1",
            params![id, today.to_string()],
        )?;
        audit_record(
            &tx,
            "guarantor.archive",
            "loan",
            Some(loan_id),
            &format!("guarantor {id}"),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The loan's guarantors, the current ones first.
    pub fn loan_guarantors(&self, loan_id: i64) -> Result<Vec<Guarantor>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, loan_id, party, name, credit_code, kind, limit_fen, starts_on, ends_on,
                    relation, archived_on
             FROM guarantors WHERE loan_id = ?1 ORDER BY archived_on IS NOT NULL, id",
        )?;
        let rows = stmt.query_map([loan_id], |r| {
            let party: String = r.get(2)?;
            let kind: String = r.get(5)?;
            Ok(Guarantor {
                id: r.get(0)?,
                loan_id: r.get(1)?,
                party: GuarantorParty::parse(&party).unwrap_or(GuarantorParty::Company),
                name: r.get(3)?,
                credit_code: r.get(4)?,
                kind: GuaranteeKind::parse(&kind).unwrap_or_default(),
                limit: r.get::<_, Option<i64>>(6)?.map(from_fen),
                from: r.get(7)?,
                to: r.get(8)?,
                relation: r.get(9)?,
                archived_on: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
