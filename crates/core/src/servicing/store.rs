//! Repayments and the allocation cache: after every change the loan's repayments are applied
//! again from the start ([`super::allocation`]) and what each period received is written back,
//! so lists, reminders and the portfolio read sums instead of replaying.
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;

use super::allocation::{allocate_with, Allocation, DuePeriod, PenaltyRule, Repayment, Waiver};
use super::book::to_fen;
use super::penalty::{PenaltyRate, PenaltyTerms};
use super::status::WorkingDays;
use crate::error::{Error, Result};
use crate::loans::LoanTerms;
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

const WORKING_DAYS_KEY: &str = "working_days";
const NOTE_MAX: usize = 500;

/// The loan's current schedule in fen, its first disbursement date, its repayments and
/// waivers, and how penalty interest accrues on it.
pub(super) struct Ledger {
    pub start: NaiveDate,
    pub schedule: Vec<DuePeriod>,
    pub repayments: Vec<Repayment>,
    pub waivers: Vec<Waiver>,
    pub terms: LoanTerms,
    pub penalty: PenaltyTerms,
    pub rule: PenaltyRule,
}

/// The current version's terms and the loan's penalty terms.
fn contract(conn: &Connection, loan_id: i64) -> Result<(LoanTerms, PenaltyTerms)> {
    let row: Option<(String, i64, bool, i64, String)> = conn
        .prepare_cached(
            "SELECT v.terms, l.penalty_markup_bp, l.penalty_misuse, l.penalty_basis, l.allocation_order
             FROM booked_loans l JOIN loan_versions v ON v.loan_id = l.id AND v.version = l.version
             WHERE l.id = ?1",
        )?
        .query_row([loan_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?;
    let (terms, bp, misuse, basis, order) =
        row.ok_or_else(|| Error::NotFound(format!("loan {loan_id}")))?;
    let terms: LoanTerms = serde_json::from_str(&terms)
        .map_err(|_| Error::Damaged(vec![format!("loan {loan_id} terms")]))?;
    Ok((terms, PenaltyTerms::from_columns(bp, misuse, basis, &order)))
}

/// The working days in force: the official calendar with the officer's exceptions on top.
pub(super) fn working_days(conn: &Connection) -> Result<WorkingDays> {
    super::calendar::effective(conn, &officer_working_days(conn)?)
}

/// The officer's own holidays and extra working days, as edited in Settings.
fn officer_working_days(conn: &Connection) -> Result<WorkingDays> {
    let value: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([WORKING_DAYS_KEY], |r| r.get(0))
        .optional()?;
    Ok(value
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

impl Ledger {
    pub fn load(conn: &Connection, loan_id: i64) -> Result<Ledger> {
        Self::load_periods(conn, loan_id, None)
    }

    /// Penalty and compound interest owed on `today` on the whole loan, reading only the
    /// periods due by then when that provably allocates the same. It does while no repayment
    /// left money over after what was due on its day: only that money goes to periods not yet
    /// due (paid ahead) or repays the loan early (decided on every later period's principal);
    /// everything else, and the penalty itself, concerns periods due by the repayment's day.
    /// Otherwise the whole schedule is read and allocated.
    pub fn penalty_owed(conn: &Connection, loan_id: i64, today: NaiveDate) -> Result<i64> {
        let due = Self::load_periods(conn, loan_id, Some(today))?;
        let mut allocation = due.allocation();
        let mut ledger = due;
        if allocation.paid_beyond_due {
            ledger = Self::load(conn, loan_id)?;
            allocation = ledger.allocation();
        }
        Ok(allocation
            .penalties_on(&ledger.schedule, today)
            .iter()
            .map(|(penalty, compound)| penalty + compound)
            .sum())
    }

    fn load_periods(conn: &Connection, loan_id: i64, until: Option<NaiveDate>) -> Result<Ledger> {
        let start: Option<NaiveDate> = conn
            .prepare_cached("SELECT min(disbursed_on) FROM loan_disbursements WHERE loan_id = ?1")?
            .query_row([loan_id], |r| r.get(0))
            .optional()?
            .flatten();
        let start = start.ok_or_else(|| Error::NotFound(format!("loan {loan_id}")))?;
        // Periods come in the key's order, which is due-date order: reading stops at the
        // first one after `until`, so SQLite never visits the rest (a 30-year loan has 360).
        let mut stmt = conn.prepare_cached(
            "SELECT due_on, principal_fen, interest_fen FROM loan_periods
             WHERE loan_id = ?1 ORDER BY no",
        )?;
        let mut rows = stmt.query([loan_id])?;
        let mut schedule = Vec::new();
        while let Some(r) = rows.next()? {
            let period = DuePeriod {
                due_on: r.get(0)?,
                principal: r.get(1)?,
                interest: r.get(2)?,
            };
            if until.is_some_and(|u| period.due_on > u) {
                break;
            }
            schedule.push(period);
        }
        drop(rows);
        let mut stmt = conn.prepare_cached(
            "SELECT paid_on, amount_fen FROM loan_repayments WHERE loan_id = ?1 ORDER BY paid_on, id",
        )?;
        let repayments = stmt
            .query_map([loan_id], |r| {
                Ok(Repayment {
                    paid_on: r.get(0)?,
                    amount: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = conn.prepare_cached(
            "SELECT waived_on, amount_fen FROM loan_penalty_waivers WHERE loan_id = ?1 ORDER BY waived_on, id",
        )?;
        let waivers = stmt
            .query_map([loan_id], |r| {
                Ok(Waiver {
                    on: r.get(0)?,
                    amount: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let (terms, penalty) = contract(conn, loan_id)?;
        let rule = PenaltyRule::new(
            PenaltyRate::new(terms.rate.annual_percent(), &penalty),
            &penalty.order,
            working_days(conn)?,
        );
        Ok(Ledger {
            start,
            schedule,
            repayments,
            waivers,
            terms,
            penalty,
            rule,
        })
    }

    pub fn allocation(&self) -> Allocation {
        allocate_with(
            self.start,
            &self.schedule,
            &self.repayments,
            &self.waivers,
            &self.rule,
        )
    }
}

/// Applies every repayment again and stores the result on the periods and the loan.
pub(super) fn reallocate(conn: &Connection, loan_id: i64) -> Result<()> {
    let ledger = Ledger::load(conn, loan_id)?;
    let a = ledger.allocation();
    let mut update = conn.prepare_cached(
        "UPDATE loan_periods SET paid_principal_fen = ?3, paid_interest_fen = ?4,
                waived_interest_fen = ?5, settled_on = ?6
         WHERE loan_id = ?1 AND no = ?2",
    )?;
    for (no, p) in (1i64..).zip(&a.periods) {
        update.execute(params![
            loan_id,
            no,
            p.principal,
            p.interest,
            p.waived_interest,
            p.settled_on
        ])?;
    }
    let oldest_unpaid = ledger
        .schedule
        .iter()
        .zip(&a.periods)
        .find(|(_, p)| p.settled_on.is_none())
        .map(|(d, _)| d.due_on);
    conn.execute(
        "UPDATE booked_loans SET outstanding_fen = ?2, oldest_unpaid_due = ?3, closed_on = ?4 WHERE id = ?1",
        params![loan_id, a.outstanding_principal(&ledger.schedule), oldest_unpaid, a.closed_on],
    )?;
    Ok(())
}

impl Vault {
    /// Records a repayment and allocates it. Refused, storing nothing: an amount that is not
    /// positive or has more than two decimals, a date before the first disbursement or after
    /// `today`, an unknown loan, a note over 500 characters.
    pub fn record_repayment(
        &mut self,
        loan_id: i64,
        paid_on: NaiveDate,
        amount: Decimal,
        note: &str,
        today: NaiveDate,
    ) -> Result<i64> {
        let ids = self.record_repayments(loan_id, &[(paid_on, amount, note)], today)?;
        ids.first()
            .copied()
            .ok_or_else(|| Error::invalid("amount", Rule::Required))
    }

    /// Several repayments of one loan at once (a bank's repayment file), allocated once; all
    /// or none are stored, with the same checks as [`Vault::record_repayment`].
    pub fn record_repayments(
        &mut self,
        loan_id: i64,
        items: &[(NaiveDate, Decimal, &str)],
        today: NaiveDate,
    ) -> Result<Vec<i64>> {
        let mut checked = Vec::with_capacity(items.len());
        for &(paid_on, amount, note) in items {
            if amount <= Decimal::ZERO {
                return Err(Error::invalid("amount", Rule::Positive));
            }
            if amount.normalize().scale() > 2 {
                return Err(Error::invalid("amount", Rule::DecimalPlaces(2)));
            }
            let note = note.trim();
            if note.chars().count() > NOTE_MAX {
                return Err(Error::invalid("note", Rule::MaxChars(NOTE_MAX)));
            }
            if paid_on > today {
                return Err(Error::invalid("date", Rule::NotInFuture));
            }
            checked.push((paid_on, to_fen(amount)?, note));
        }
        let tx = self.conn_mut().transaction()?;
        let first: Option<NaiveDate> = tx.query_row(
            "SELECT min(disbursed_on) FROM loan_disbursements WHERE loan_id = ?1",
            [loan_id],
            |r| r.get(0),
        )?;
        let first = first.ok_or_else(|| Error::NotFound(format!("loan {loan_id}")))?;
        let now = crate::clock::stamp(&tx)?;
        let mut ids = Vec::with_capacity(checked.len());
        for (paid_on, amount, note) in checked {
            if paid_on < first {
                return Err(Error::invalid("date", Rule::NotBefore("disbursement")));
            }
            tx.execute(
                "INSERT INTO loan_repayments (loan_id, paid_on, amount_fen, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![loan_id, paid_on, amount, note, now],
            )?;
            ids.push(tx.last_insert_rowid());
        }
        super::cash_in::tracked(&tx, loan_id, |c| reallocate(c, loan_id))?;
        audit_record(
            &tx,
            "loan.repay",
            "loan",
            Some(loan_id),
            &format!("{} repayment(s)", ids.len()),
        )?;
        tx.commit()?;
        Ok(ids)
    }

    /// Removes a repayment entered by mistake; the allocation is redone without it.
    pub fn delete_repayment(&mut self, loan_id: i64, repayment_id: i64) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        let n = tx.execute(
            "DELETE FROM loan_repayments WHERE id = ?1 AND loan_id = ?2",
            [repayment_id, loan_id],
        )?;
        if n == 0 {
            return Err(Error::NotFound(format!("repayment {repayment_id}")));
        }
        super::cash_in::tracked(&tx, loan_id, |c| reallocate(c, loan_id))?;
        audit_record(
            &tx,
            "loan.repayment_delete",
            "loan",
            Some(loan_id),
            &format!("repayment {repayment_id}"),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The officer's own holidays and make-up working days, which win over the official
    /// calendar (see [`Vault::effective_working_days`] for the days in force).
    pub fn working_days(&self) -> Result<WorkingDays> {
        officer_working_days(self.conn())
    }

    pub fn set_working_days(&mut self, days: &WorkingDays) -> Result<()> {
        if days.holidays.len() + days.extra_working_days.len() > 2000 {
            return Err(Error::invalid("holidays", Rule::TooMany(2000)));
        }
        let json = super::book::json(days)?;
        self.set_setting(WORKING_DAYS_KEY, &json)
    }
}
