//! The per-month cash-in aggregate (`cash_in_by_month`): every change to a loan's periods runs
//! inside [`tracked`], which takes the loan's per-month totals before and after and applies the
//! difference, in the same transaction.
use std::collections::BTreeMap;

use rusqlite::{params, Connection};

use crate::error::Result;

type Months = BTreeMap<String, (i64, i64)>;

fn loan_months(conn: &Connection, loan_id: i64) -> Result<Months> {
    let mut stmt = conn.prepare_cached(
        "SELECT substr(due_on, 1, 7),
                sum(principal_fen - paid_principal_fen),
                sum(interest_fen - paid_interest_fen - waived_interest_fen)
         FROM loan_periods WHERE loan_id = ?1 AND settled_on IS NULL GROUP BY 1",
    )?;
    let rows = stmt.query_map([loan_id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Runs `change` (which may insert, delete or reallocate the loan's periods) and keeps the
/// aggregate in step with it.
pub(super) fn tracked<T>(
    conn: &Connection,
    loan_id: i64,
    change: impl FnOnce(&Connection) -> Result<T>,
) -> Result<T> {
    let before = loan_months(conn, loan_id)?;
    let out = change(conn)?;
    let after = loan_months(conn, loan_id)?;
    let currency: String = conn.query_row(
        "SELECT currency FROM booked_loans WHERE id = ?1",
        [loan_id],
        |r| r.get(0),
    )?;
    let mut delta: Months = after;
    for (month, (p, i)) in before {
        let e = delta.entry(month).or_default();
        e.0 -= p;
        e.1 -= i;
    }
    let mut upsert = conn.prepare_cached(
        "INSERT INTO cash_in_by_month (currency, month, principal_fen, interest_fen) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(currency, month) DO UPDATE SET
             principal_fen = principal_fen + excluded.principal_fen,
             interest_fen = interest_fen + excluded.interest_fen",
    )?;
    for (month, (p, i)) in delta.into_iter().filter(|(_, d)| *d != (0, 0)) {
        upsert.execute(params![currency, month, p, i])?;
    }
    Ok(out)
}
