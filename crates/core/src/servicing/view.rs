//! A booked loan as the officer sees it on a given day.
use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use super::allocation::payoff_amount;
use super::lpr::Reprice;
use super::penalty::PenaltyTerms;
use super::status::{period_status, AgeBucket, Classification, PeriodStatus};
use super::store::Ledger;
use crate::error::{Error, Result};
use crate::loans::{from_fen, LoanTerms};
use crate::vault::Vault;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PeriodView {
    pub no: u32,
    #[ts(type = "string")]
    pub due_on: NaiveDate,
    #[ts(type = "string")]
    pub principal: Decimal,
    #[ts(type = "string")]
    pub interest: Decimal,
    #[ts(type = "string")]
    pub paid_principal: Decimal,
    #[ts(type = "string")]
    pub paid_interest: Decimal,
    #[ts(type = "string")]
    pub waived_interest: Decimal,
    /// Still owed on this period.
    #[ts(type = "string")]
    pub remaining: Decimal,
    pub status: PeriodStatus,
    pub overdue_days: i64,
    #[ts(type = "string | null")]
    pub settled_on: Option<NaiveDate>,
    /// Penalty interest (罚息) on the overdue principal, accrued and unpaid as of the day.
    #[ts(type = "string")]
    pub penalty_interest: Decimal,
    /// Compound interest (复利) on the overdue interest, accrued and unpaid as of the day.
    #[ts(type = "string")]
    pub compound_interest: Decimal,
    /// Penalty and compound interest paid, and waived by the officer.
    #[ts(type = "string")]
    pub paid_penalty: Decimal,
    #[ts(type = "string")]
    pub waived_penalty: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LoanDisbursement {
    #[ts(type = "string")]
    pub on: NaiveDate,
    #[ts(type = "string")]
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LoanRepayment {
    pub id: i64,
    #[ts(type = "string")]
    pub paid_on: NaiveDate,
    #[ts(type = "string")]
    pub amount: Decimal,
    pub note: String,
}

/// Penalty or compound interest waived (减免), with the officer's reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PenaltyWaiver {
    pub id: i64,
    #[ts(type = "string")]
    pub on: NaiveDate,
    #[ts(type = "string")]
    pub amount: Decimal,
    pub reason: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LoanVersion {
    pub version: u32,
    pub reason: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ClassificationChange {
    pub class: Classification,
    pub suggested: Classification,
    pub reason: String,
    #[ts(type = "string")]
    pub set_on: NaiveDate,
}

/// One line of a client's (or the portfolio's) loan list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LoanSummary {
    pub id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub contract_no: String,
    pub currency: String,
    #[ts(type = "string")]
    pub outstanding_principal: Decimal,
    pub overdue_days: i64,
    pub classification: Classification,
    #[ts(type = "string | null")]
    pub closed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LoanView {
    pub id: i64,
    /// The credit line it is drawn under.
    pub facility_id: Option<i64>,
    /// Collateral, guarantors and how much of the outstanding principal they cover.
    pub security: crate::security::LoanSecurity,
    pub client_id: i64,
    pub client_name: String,
    pub contract_no: String,
    #[ts(type = "string")]
    pub signed_on: NaiveDate,
    pub currency: String,
    pub repayment_account: String,
    pub version: u32,
    pub terms: LoanTerms,
    pub versions: Vec<LoanVersion>,
    pub disbursements: Vec<LoanDisbursement>,
    pub periods: Vec<PeriodView>,
    pub repayments: Vec<LoanRepayment>,
    #[ts(type = "string")]
    pub outstanding_principal: Decimal,
    /// Days overdue of the oldest unpaid period (0 when none is late).
    pub overdue_days: i64,
    #[ts(type = "string")]
    pub overdue_amount: Decimal,
    /// Everything due as of the day: unpaid principal and interest of the periods due, with
    /// their penalty and compound interest.
    #[ts(type = "string")]
    pub amount_due: Decimal,
    #[ts(type = "string")]
    pub penalty_interest: Decimal,
    #[ts(type = "string")]
    pub compound_interest: Decimal,
    pub penalty: PenaltyTerms,
    pub waivers: Vec<PenaltyWaiver>,
    pub reprice: Reprice,
    #[ts(type = "string | null")]
    pub repriced_on: Option<NaiveDate>,
    /// Extended or restructured (展期): classified at least 关注.
    pub extended: bool,
    /// The officer's ≤ 7-day technical-overdue exception, with its reason.
    pub technical_overdue_reason: Option<String>,
    /// Whether the exception can be recorded today: overdue, and by at most 7 days.
    pub technical_overdue_allowed: bool,
    pub age_bucket: AgeBucket,
    pub suggested_classification: Classification,
    /// The officer's classification if set, else the suggestion.
    pub classification: Classification,
    pub classification_history: Vec<ClassificationChange>,
    /// What repays the loan in full today (0 when closed).
    #[ts(type = "string")]
    pub payoff_today: Decimal,
    #[ts(type = "string")]
    pub overpaid: Decimal,
    #[ts(type = "string | null")]
    pub closed_on: Option<NaiveDate>,
}

impl Vault {
    pub fn booked_loan(&self, loan_id: i64, today: NaiveDate) -> Result<LoanView> {
        let conn = self.conn();
        let head = conn
            .query_row(
                "SELECT l.client_id, c.name, l.contract_no, l.signed_on, l.currency, l.repayment_account,
                        l.version, l.classification, l.extended,
                        l.technical_overdue_reason, l.reprice, l.repriced_on, l.facility_id
                 FROM booked_loans l JOIN clients c ON c.id = l.client_id
                 WHERE l.id = ?1",
                [loan_id],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, NaiveDate>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, u32>(6)?,
                        r.get::<_, Option<String>>(7)?,
                        r.get::<_, bool>(8)?,
                        r.get::<_, Option<String>>(9)?,
                        r.get::<_, String>(10)?,
                        r.get::<_, Option<NaiveDate>>(11)?,
                        r.get::<_, Option<i64>>(12)?,
                    ))
                },
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("loan {loan_id}")))?;
        let (
            client_id,
            client_name,
            contract_no,
            signed_on,
            currency,
            account,
            version,
            class,
            extended,
            technical_overdue_reason,
            reprice,
            repriced_on,
            facility_id,
        ) = head;
        // The ledger reads the current version's terms; they are not parsed twice.
        let ledger = Ledger::load(conn, loan_id)?;
        let allocation = ledger.allocation();
        let days = &ledger.rule.working_days;
        let penalties = allocation.penalties_on(&ledger.schedule, today);
        let periods: Vec<PeriodView> = ledger
            .schedule
            .iter()
            .zip(&allocation.periods)
            .zip(penalties)
            .zip(1u32..)
            .map(|(((d, p), (penalty, compound)), no)| {
                let (status, overdue_days) = period_status(d, p, today, days);
                let remaining =
                    d.principal + d.interest - p.principal - p.interest - p.waived_interest;
                PeriodView {
                    no,
                    due_on: d.due_on,
                    principal: from_fen(d.principal),
                    interest: from_fen(d.interest),
                    paid_principal: from_fen(p.principal),
                    paid_interest: from_fen(p.interest),
                    waived_interest: from_fen(p.waived_interest),
                    remaining: from_fen(remaining),
                    status,
                    overdue_days,
                    settled_on: p.settled_on,
                    penalty_interest: from_fen(penalty),
                    compound_interest: from_fen(compound),
                    paid_penalty: from_fen(p.penalty + p.compound),
                    waived_penalty: from_fen(p.waived_penalty + p.waived_compound),
                }
            })
            .collect();
        let amount_due = periods
            .iter()
            .filter(|p| p.due_on <= today)
            .map(|p| p.remaining + p.penalty_interest + p.compound_interest)
            .sum();
        let penalty_interest = periods.iter().map(|p| p.penalty_interest).sum();
        let compound_interest = periods.iter().map(|p| p.compound_interest).sum();
        let overdue_days = periods.iter().map(|p| p.overdue_days).max().unwrap_or(0);
        let overdue_amount = periods
            .iter()
            .filter(|p| p.status == PeriodStatus::Overdue)
            .map(|p| p.remaining)
            .sum();
        let suggested = Classification::suggested_for(
            overdue_days,
            extended,
            technical_overdue_reason.is_some(),
        );
        let classification = class
            .as_deref()
            .and_then(Classification::parse)
            .unwrap_or(suggested);

        let outstanding_principal = from_fen(allocation.outstanding_principal(&ledger.schedule));
        Ok(LoanView {
            id: loan_id,
            facility_id,
            security: self.loan_security(loan_id, outstanding_principal)?,
            client_id,
            client_name,
            contract_no,
            signed_on,
            currency,
            repayment_account: account,
            version,
            terms: ledger.terms.clone(),
            versions: self.loan_versions(loan_id)?,
            disbursements: self
                .loan_disbursements(loan_id)?
                .into_iter()
                .map(|d| LoanDisbursement {
                    on: d.on,
                    amount: d.amount,
                })
                .collect(),
            repayments: self.loan_repayments(loan_id)?,
            outstanding_principal,
            overdue_days,
            overdue_amount,
            amount_due,
            penalty_interest,
            compound_interest,
            penalty: ledger.penalty.clone(),
            waivers: self.penalty_waivers(loan_id)?,
            reprice: Reprice::parse(&reprice).unwrap_or_default(),
            repriced_on,
            extended,
            technical_overdue_reason,
            technical_overdue_allowed: (1..=super::status::TECHNICAL_OVERDUE_DAYS)
                .contains(&overdue_days),
            age_bucket: AgeBucket::of(overdue_days),
            suggested_classification: suggested,
            classification,
            classification_history: self.classification_history(loan_id)?,
            payoff_today: from_fen(payoff_amount(
                ledger.start,
                &ledger.schedule,
                &allocation,
                today,
            )),
            overpaid: from_fen(allocation.overpaid),
            closed_on: allocation.closed_on,
            periods,
        })
    }

    /// A client's booked loans, newest first.
    pub fn client_loans(&self, client_id: i64, today: NaiveDate) -> Result<Vec<LoanSummary>> {
        self.client(client_id)?;
        let ids: Vec<i64> = self
            .conn()
            .prepare("SELECT id FROM booked_loans WHERE client_id = ?1 ORDER BY id DESC")?
            .query_map([client_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter()
            .map(|id| {
                let v = self.booked_loan(id, today)?;
                Ok(LoanSummary {
                    id,
                    client_id,
                    client_name: v.client_name,
                    contract_no: v.contract_no,
                    currency: v.currency,
                    outstanding_principal: v.outstanding_principal,
                    overdue_days: v.overdue_days,
                    classification: v.classification,
                    closed_on: v.closed_on,
                })
            })
            .collect()
    }

    /// A version's periods as booked: (no, due date, principal, interest).
    pub fn version_schedule(
        &self,
        loan_id: i64,
        version: u32,
    ) -> Result<Vec<(u32, NaiveDate, Decimal, Decimal)>> {
        let archived: Option<Option<String>> = self
            .conn()
            .query_row(
                "SELECT schedule FROM loan_versions WHERE loan_id = ?1 AND version = ?2",
                rusqlite::params![loan_id, version],
                |r| r.get(0),
            )
            .optional()?;
        let rows: Vec<(u32, NaiveDate, i64, i64)> = match archived {
            None => return Err(Error::NotFound(format!("loan {loan_id} version {version}"))),
            Some(Some(json)) => serde_json::from_str(&json)
                .map_err(|_| Error::Damaged(vec![format!("loan {loan_id} version {version}")]))?,
            Some(None) => self
                .conn()
                .prepare("SELECT no, due_on, principal_fen, interest_fen FROM loan_periods WHERE loan_id = ?1 ORDER BY no")?
                .query_map([loan_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<rusqlite::Result<_>>()?,
        };
        Ok(rows
            .into_iter()
            .map(|(no, due, p, i)| (no, due, from_fen(p), from_fen(i)))
            .collect())
    }

    fn loan_versions(&self, loan_id: i64) -> Result<Vec<LoanVersion>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT version, reason, created_at FROM loan_versions WHERE loan_id = ?1 ORDER BY version",
        )?;
        let rows = stmt.query_map([loan_id], |r| {
            Ok(LoanVersion {
                version: r.get(0)?,
                reason: r.get(1)?,
                created_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn penalty_waivers(&self, loan_id: i64) -> Result<Vec<PenaltyWaiver>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, waived_on, amount_fen, reason, created_at FROM loan_penalty_waivers
             WHERE loan_id = ?1 ORDER BY waived_on, id",
        )?;
        let rows = stmt.query_map([loan_id], |r| {
            Ok(PenaltyWaiver {
                id: r.get(0)?,
                on: r.get(1)?,
                amount: from_fen(r.get(2)?),
                reason: r.get(3)?,
                created_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn loan_repayments(&self, loan_id: i64) -> Result<Vec<LoanRepayment>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, paid_on, amount_fen, note FROM loan_repayments WHERE loan_id = ?1 ORDER BY paid_on, id",
        )?;
        let rows = stmt.query_map([loan_id], |r| {
            Ok(LoanRepayment {
                id: r.get(0)?,
                paid_on: r.get(1)?,
                amount: from_fen(r.get(2)?),
                note: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
