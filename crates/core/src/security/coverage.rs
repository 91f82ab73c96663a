//! How much of a loan its collateral covers: lendable value = value × cap − prior liens (not
//! below 0); capacity = Σ lendable of the pledged items; shortfall = outstanding − capacity
//! (not below 0); coverage = capacity / outstanding.
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use ts_rs::TS;

use rusqlite::{params, Connection};

use super::{apply_bp, Collateral, CollateralKind, Guarantor};
use crate::error::Result;
use crate::loans::{from_fen, to_fen};
use crate::vault::Vault;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LoanSecurity {
    #[ts(type = "string")]
    pub capacity: Decimal,
    #[ts(type = "string")]
    pub outstanding: Decimal,
    #[ts(type = "string")]
    pub shortfall: Decimal,
    /// capacity / outstanding in percent, two decimals half-up; None when nothing is outstanding.
    #[ts(type = "string | null")]
    pub coverage_percent: Option<Decimal>,
    pub collateral: Vec<Collateral>,
    pub guarantors: Vec<Guarantor>,
}

/// value × cap (half-up to the fen) − prior liens, not below 0.
pub fn lendable_fen(value_fen: i64, cap_bp: i64, prior_lien_fen: i64) -> i64 {
    (apply_bp(value_fen, cap_bp) - prior_lien_fen).max(0)
}

/// (shortfall, coverage percent) of `outstanding` by `capacity`, both in fen.
pub fn coverage(outstanding_fen: i64, capacity_fen: i64) -> (i64, Option<Decimal>) {
    let shortfall = (outstanding_fen - capacity_fen).max(0);
    let percent = (outstanding_fen > 0).then(|| {
        (Decimal::from(capacity_fen) * Decimal::ONE_HUNDRED / Decimal::from(outstanding_fen))
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    });
    (shortfall, percent)
}

/// Writes the loan's capacity and main kind (the item lending the most; on a tie, the first
/// pledged) on the loan, in the transaction that changed its collateral: Today and the
/// portfolio read them from there (schema 9).
pub(crate) fn store_loan_security(conn: &Connection, loan_id: i64) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, value_fen, cap_bp, prior_lien_fen FROM collateral
         WHERE loan_id = ?1 AND archived_on IS NULL ORDER BY id",
    )?;
    let mut rows = stmt.query([loan_id])?;
    let (mut capacity, mut main): (i64, Option<(CollateralKind, i64)>) = (0, None);
    while let Some(r) = rows.next()? {
        let kind: String = r.get(0)?;
        let kind = CollateralKind::parse(&kind).unwrap_or(CollateralKind::Property);
        let lendable = lendable_fen(r.get(1)?, r.get(2)?, r.get(3)?);
        capacity += lendable;
        if main.is_none_or(|(_, most)| lendable > most) {
            main = Some((kind, lendable));
        }
    }
    drop(rows);
    conn.execute(
        "UPDATE booked_loans SET collateral_capacity_fen = ?2, collateral_main_kind = ?3
         WHERE id = ?1",
        params![loan_id, capacity, main.map(|(kind, _)| kind.as_str())],
    )?;
    Ok(())
}

impl Vault {
    /// The loan's security against `outstanding`, its outstanding principal.
    pub fn loan_security(&self, loan_id: i64, outstanding: Decimal) -> Result<LoanSecurity> {
        let collateral = self.loan_collateral(loan_id)?;
        let guarantors = self.loan_guarantors(loan_id)?;
        let capacity: i64 = collateral
            .iter()
            .filter(|c| c.archived_on.is_none())
            .filter_map(|c| to_fen(c.lendable))
            .sum();
        let outstanding_fen = to_fen(outstanding).unwrap_or(0);
        let (shortfall, coverage_percent) = coverage(outstanding_fen, capacity);
        Ok(LoanSecurity {
            capacity: from_fen(capacity),
            outstanding: from_fen(outstanding_fen),
            shortfall: from_fen(shortfall),
            coverage_percent,
            collateral,
            guarantors,
        })
    }
}
