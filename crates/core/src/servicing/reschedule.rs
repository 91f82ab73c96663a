//! New versions of a booked schedule from a prepayment (提前还款), a repricing (重定价) or an
//! extension (展期): the periods already due stay as booked, what is left re-amortises, and
//! the officer sees old and new side by side with the interest saved before anything is saved.
use chrono::NaiveDate;
use rusqlite::params;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::allocation::{Allocation, DuePeriod};
use super::book::{archive_periods, insert_version, to_fen};
use super::reamortize::{pro_rata, Plan, Row};
use super::store::{reallocate, Ledger};
use crate::error::{Error, Result};
use crate::loans::{due_date, from_fen, LoanTerms, Method, Period};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

const REASON_MAX: usize = 500;
/// Longest extension accepted at once: as long as the longest term.
const MAX_EXTENSION_MONTHS: u32 = crate::loans::MAX_MONTHS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum PrepayMode {
    /// 减少月供: same maturity, a lower instalment.
    ReducePayment,
    /// 缩短期限: same instalment, fewer periods.
    ShortenTerm,
}

impl PrepayMode {
    pub const ALL: [PrepayMode; 2] = [PrepayMode::ReducePayment, PrepayMode::ShortenTerm];

    pub fn text(self) -> crate::labels::Text {
        match self {
            PrepayMode::ReducePayment => crate::labels::Text::new(
                "减少月供（到期日不变）",
                "Lower instalment, same maturity",
            ),
            PrepayMode::ShortenTerm => crate::labels::Text::new(
                "缩短期限（月供不变）",
                "Same instalment, earlier maturity",
            ),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PrepayMode::ReducePayment => "reduce-payment",
            PrepayMode::ShortenTerm => "shorten-term",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == s.trim())
    }
}

/// The prepayment fee (违约金) the contract sets, paid out of the prepayment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PrepayFee {
    #[default]
    None,
    Fixed {
        #[ts(type = "string")]
        amount: Decimal,
    },
    /// Percent of the principal prepaid.
    Percent {
        #[ts(type = "string")]
        percent: Decimal,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PrepaymentInput {
    #[ts(type = "string")]
    pub on: NaiveDate,
    /// What the client pays: it settles what is due, the interest accrued to the day, the fee,
    /// and the rest reduces principal.
    #[ts(type = "string")]
    pub amount: Decimal,
    pub mode: PrepayMode,
    #[serde(default)]
    pub fee: PrepayFee,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScheduleRow {
    pub no: u32,
    #[ts(type = "string")]
    pub due_on: NaiveDate,
    #[ts(type = "string")]
    pub payment: Decimal,
    #[ts(type = "string")]
    pub principal: Decimal,
    #[ts(type = "string")]
    pub interest: Decimal,
}

/// Old and new schedule side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScheduleChange {
    pub old: Vec<ScheduleRow>,
    pub new: Vec<ScheduleRow>,
    #[ts(type = "string")]
    pub old_interest: Decimal,
    #[ts(type = "string")]
    pub new_interest: Decimal,
    /// Old total interest less new (negative when the change costs interest, as an extension).
    #[ts(type = "string")]
    pub interest_saved: Decimal,
    /// The regular instalment of the first period after the change, before and after.
    #[ts(type = "string")]
    pub old_payment: Decimal,
    #[ts(type = "string")]
    pub new_payment: Decimal,
    #[ts(type = "string")]
    pub old_maturity: NaiveDate,
    #[ts(type = "string")]
    pub new_maturity: NaiveDate,
    /// Prepayment only: principal prepaid and the fee charged.
    #[ts(type = "string")]
    pub prepaid_principal: Decimal,
    #[ts(type = "string")]
    pub fee: Decimal,
    /// The version the change makes (when saved) or would make (preview).
    pub version: u32,
}

/// A computed change, ready to be shown or saved.
pub(super) struct Change {
    pub rows: Vec<Row>,
    /// Index of the first row that differs from the schedule before.
    pub from: usize,
    pub terms: LoanTerms,
    pub reason: String,
    pub repayment: Option<(NaiveDate, i64)>,
    pub fee: i64,
    pub prepaid: i64,
    /// SQL to run on the loan's row with the loan id as ?1 (flags the change sets).
    pub mark: Option<&'static str>,
}

fn to_rows(schedule: &[DuePeriod]) -> Vec<Row> {
    schedule
        .iter()
        .map(|d| Row {
            due_on: d.due_on,
            principal: d.principal,
            interest: d.interest,
        })
        .collect()
}

fn view_rows(rows: &[Row]) -> Vec<ScheduleRow> {
    rows.iter()
        .zip(1u32..)
        .map(|(r, no)| ScheduleRow {
            no,
            due_on: r.due_on,
            payment: from_fen(r.principal + r.interest),
            principal: from_fen(r.principal),
            interest: from_fen(r.interest),
        })
        .collect()
}

fn check_reason(reason: &str) -> Result<String> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid("reason", Rule::Required));
    }
    if reason.chars().count() > REASON_MAX {
        return Err(Error::invalid("reason", Rule::MaxChars(REASON_MAX)));
    }
    Ok(reason.to_owned())
}

/// The day interest started accruing for row `k`.
fn period_start(ledger: &Ledger, k: usize) -> NaiveDate {
    k.checked_sub(1)
        .and_then(|i| ledger.schedule.get(i))
        .map_or(ledger.start, |d| d.due_on)
}

/// Whether a new schedule starting on `from` before row `k` starts on a due date (a whole
/// first period) rather than inside one.
fn on_due_date(ledger: &Ledger, k: usize, from: NaiveDate) -> bool {
    if k == 0 {
        from == ledger.start && chrono::Datelike::day(&from) == ledger.terms.effective_repay_day()
    } else {
        from == period_start(ledger, k)
    }
}

fn plan<'a>(
    ledger: &Ledger,
    balance: i64,
    from: NaiveDate,
    on_due: bool,
    dates: &'a [NaiveDate],
) -> Plan<'a> {
    Plan {
        balance,
        from,
        from_is_due_date: on_due,
        dates,
        method: ledger.terms.method,
        annual_percent: ledger.terms.rate.annual_percent(),
        day_count: ledger.terms.day_count,
        rounding: ledger.terms.rounding,
        carried_interest: 0,
        keep: None,
    }
}

fn ensure_open(a: &Allocation) -> Result<()> {
    if a.closed_on.is_some() {
        return Err(Error::invalid("loan", Rule::LoanClosed));
    }
    Ok(())
}

/// Rows from `k` on must not have been paid ahead: a new schedule would move those payments.
fn ensure_not_paid_ahead(a: &Allocation, k: usize) -> Result<()> {
    if a.periods[k..]
        .iter()
        .any(|p| p.principal + p.interest > 0 || p.settled_on.is_some())
    {
        return Err(Error::invalid("date", Rule::NotAllowed));
    }
    Ok(())
}

fn principal_from(ledger: &Ledger, k: usize) -> i64 {
    ledger.schedule[k..].iter().map(|d| d.principal).sum()
}

pub(super) fn prepayment(
    ledger: &Ledger,
    input: &PrepaymentInput,
    today: NaiveDate,
) -> Result<Change> {
    let on = input.on;
    if on > today {
        return Err(Error::invalid("date", Rule::NotInFuture));
    }
    if on < ledger.start {
        return Err(Error::invalid("date", Rule::NotBefore("disbursement")));
    }
    if ledger.repayments.iter().any(|r| r.paid_on > on) {
        return Err(Error::invalid("date", Rule::NotBefore("last_repayment")));
    }
    if input.amount <= Decimal::ZERO {
        return Err(Error::invalid("amount", Rule::Positive));
    }
    if input.amount.normalize().scale() > 2 {
        return Err(Error::invalid("amount", Rule::DecimalPlaces(2)));
    }
    let amount = to_fen(input.amount)?;
    let a = ledger.allocation();
    ensure_open(&a)?;
    let k = ledger
        .schedule
        .iter()
        .take_while(|d| d.due_on <= on)
        .count();
    if k == ledger.schedule.len() {
        return Err(Error::invalid("date", Rule::NoPeriodsLeft));
    }
    ensure_not_paid_ahead(&a, k)?;
    let due_owed: i64 = (0..k)
        .map(|i| {
            let (d, p) = (&ledger.schedule[i], &a.periods[i]);
            let (penalty, compound) = a.penalty_owed(&ledger.schedule, i, on);
            d.principal + d.interest - p.principal - p.interest - p.waived_interest
                + penalty
                + compound
        })
        .sum();
    let prev = period_start(ledger, k);
    let running = &ledger.schedule[k];
    let accrued = pro_rata(running.interest, prev, on, running.due_on);
    let balance = principal_from(ledger, k);
    let fee_on = |principal: i64| -> Result<i64> {
        Ok(match &input.fee {
            PrepayFee::None => 0,
            PrepayFee::Fixed { amount } => {
                if *amount < Decimal::ZERO {
                    return Err(Error::invalid("fee", Rule::NotNegative));
                }
                to_fen(*amount)?
            }
            PrepayFee::Percent { percent } => {
                if *percent < Decimal::ZERO || *percent > Decimal::ONE_HUNDRED {
                    return Err(Error::invalid(
                        "fee_percent",
                        Rule::Range {
                            min: "0".into(),
                            max: "100".into(),
                        },
                    ));
                }
                let p = (Decimal::from(principal) * *percent / Decimal::ONE_HUNDRED)
                    .round_dp_with_strategy(
                        0,
                        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                    );
                i64::try_from(p.mantissa()).unwrap_or(i64::MAX)
            }
        })
    };
    let most = due_owed + accrued + balance + fee_on(balance)?;
    if amount > most {
        return Err(Error::invalid(
            "amount",
            Rule::AtMost(from_fen(most).to_string()),
        ));
    }
    let rest = amount - due_owed - accrued;
    // The principal part: what is left after the fee (for a percent fee, the rest shared so
    // that principal + fee = rest).
    let principal = match &input.fee {
        PrepayFee::Percent { percent } => {
            let share =
                Decimal::from(rest) * Decimal::ONE_HUNDRED / (Decimal::ONE_HUNDRED + *percent);
            let p = share
                .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            i64::try_from(p.mantissa()).unwrap_or(0)
        }
        _ => rest - fee_on(0)?,
    };
    if rest <= 0 || principal <= 0 {
        return Err(Error::invalid(
            "amount",
            Rule::Range {
                min: from_fen(due_owed + accrued + fee_on(1)? + 1).to_string(),
                max: from_fen(most).to_string(),
            },
        ));
    }
    let principal = principal.min(balance);
    let fee = rest - principal;

    let dates: Vec<NaiveDate> = ledger.schedule[k..].iter().map(|d| d.due_on).collect();
    let on_due = on_due_date(ledger, k, on);
    let left = balance - principal;
    let mut p = plan(ledger, left, on, on_due, &dates);
    if input.mode == PrepayMode::ShortenTerm {
        if !ledger.terms.method.amortizes() {
            return Err(Error::invalid("mode", Rule::NotAllowed));
        }
        // The instalment (or principal part) as booked: the running row's, or the next one's
        // when the running row is a broken first period.
        let j = if k == 0 {
            1.min(ledger.schedule.len() - 1)
        } else {
            k
        };
        let row = &ledger.schedule[j];
        p.keep = Some(match ledger.terms.method {
            Method::EqualInstallment => row.principal + row.interest,
            _ => row.principal,
        });
    }
    let mut rows = to_rows(&ledger.schedule[..k]);
    rows.push(Row {
        due_on: on,
        principal,
        interest: accrued,
    });
    rows.extend(p.rows()?);
    Ok(Change {
        rows,
        from: k,
        terms: ledger.terms.clone(),
        reason: format!("prepayment {}", input.mode.as_str()),
        repayment: Some((on, amount - fee)),
        fee,
        prepaid: principal,
        mark: None,
    })
}

pub(super) fn extension(
    ledger: &Ledger,
    months: u32,
    reason: &str,
    today: NaiveDate,
) -> Result<Change> {
    let reason = check_reason(reason)?;
    if months == 0 || months > MAX_EXTENSION_MONTHS {
        return Err(Error::invalid(
            "months",
            Rule::Range {
                min: "1".into(),
                max: MAX_EXTENSION_MONTHS.to_string(),
            },
        ));
    }
    let a = ledger.allocation();
    ensure_open(&a)?;
    let k = ledger
        .schedule
        .iter()
        .take_while(|d| d.due_on <= today)
        .count();
    if k == ledger.schedule.len() {
        return Err(Error::invalid("loan", Rule::NoPeriodsLeft));
    }
    ensure_not_paid_ahead(&a, k)?;
    let last = ledger.schedule[ledger.schedule.len() - 1].due_on;
    let day = ledger.terms.effective_repay_day();
    let step = match ledger.terms.method {
        Method::QuarterlyInterest => 3,
        Method::Bullet => months,
        _ => 1,
    };
    let mut dates: Vec<NaiveDate> = ledger.schedule[k..].iter().map(|d| d.due_on).collect();
    if ledger.terms.method == Method::Bullet {
        dates.pop();
    }
    let mut m = step.min(months);
    loop {
        dates.push(due_date(last, m, day).map_err(Error::from)?);
        if m == months {
            break;
        }
        m = (m + step).min(months);
    }
    let prev = period_start(ledger, k);
    let p = plan(
        ledger,
        principal_from(ledger, k),
        prev,
        on_due_date(ledger, k, prev),
        &dates,
    );
    let mut rows = to_rows(&ledger.schedule[..k]);
    rows.extend(p.rows()?);
    let mut terms = ledger.terms.clone();
    terms.term_months += months;
    Ok(Change {
        rows,
        from: k,
        terms,
        reason,
        repayment: None,
        fee: 0,
        prepaid: 0,
        mark: Some("UPDATE booked_loans SET extended = 1 WHERE id = ?1"),
    })
}

/// The new schedule from repricing on `on` at `annual_percent` (the caller checks the day).
pub(super) fn repricing(ledger: &Ledger, on: NaiveDate, terms: LoanTerms) -> Result<Change> {
    let a = ledger.allocation();
    ensure_open(&a)?;
    let k = ledger
        .schedule
        .iter()
        .take_while(|d| d.due_on <= on)
        .count();
    if k == ledger.schedule.len() {
        return Err(Error::invalid("date", Rule::NoPeriodsLeft));
    }
    let prev = period_start(ledger, k);
    let running = &ledger.schedule[k];
    let on_due = on == prev;
    let carried = if on_due {
        0
    } else {
        pro_rata(running.interest, prev, on, running.due_on)
    };
    let dates: Vec<NaiveDate> = ledger.schedule[k..].iter().map(|d| d.due_on).collect();
    let mut p = plan(
        ledger,
        principal_from(ledger, k),
        on,
        on_due || on_due_date(ledger, k, on),
        &dates,
    );
    p.annual_percent = terms.rate.annual_percent();
    p.carried_interest = carried;
    let mut rows = to_rows(&ledger.schedule[..k]);
    rows.extend(p.rows()?);
    Ok(Change {
        rows,
        from: k,
        reason: format!("reprice {on} {}%", terms.rate.annual_percent().normalize()),
        terms,
        repayment: None,
        fee: 0,
        prepaid: 0,
        mark: None,
    })
}

/// The instalment of row `k`, the first after the change.
fn payment_from(rows: &[Row], k: usize) -> i64 {
    rows.get(k).map_or(0, |r| r.principal + r.interest)
}

impl Change {
    pub fn compare(&self, ledger: &Ledger, version: u32) -> ScheduleChange {
        let old = to_rows(&ledger.schedule);
        let interest = |rows: &[Row]| rows.iter().map(|r| r.interest).sum::<i64>();
        let (old_interest, new_interest) = (interest(&old), interest(&self.rows));
        // A prepayment's own row comes first among the new rows: the instalment is the next.
        let new_from = self.from + usize::from(self.repayment.is_some());
        let maturity = |rows: &[Row]| rows.last().map_or(ledger.start, |r| r.due_on);
        ScheduleChange {
            old_payment: from_fen(payment_from(&old, self.from)),
            new_payment: from_fen(payment_from(&self.rows, new_from)),
            old_maturity: maturity(&old),
            new_maturity: maturity(&self.rows),
            old: view_rows(&old),
            new: view_rows(&self.rows),
            old_interest: from_fen(old_interest),
            new_interest: from_fen(new_interest),
            interest_saved: from_fen(old_interest - new_interest),
            prepaid_principal: from_fen(self.prepaid),
            fee: from_fen(self.fee),
            version,
        }
    }
}

impl Vault {
    fn current_version(&self, loan_id: i64) -> Result<u32> {
        Ok(self.conn().query_row(
            "SELECT version FROM booked_loans WHERE id = ?1",
            [loan_id],
            |r| r.get(0),
        )?)
    }

    pub(super) fn preview_change(
        &self,
        loan_id: i64,
        make: impl FnOnce(&Ledger) -> Result<Change>,
    ) -> Result<ScheduleChange> {
        let ledger = Ledger::load(self.conn(), loan_id)?;
        let change = make(&ledger)?;
        Ok(change.compare(&ledger, self.current_version(loan_id)? + 1))
    }

    /// Saves a change as the loan's next version, in one transaction.
    pub(super) fn save_change(
        &mut self,
        loan_id: i64,
        make: impl FnOnce(&Ledger) -> Result<Change>,
        extra: impl FnOnce(&rusqlite::Connection) -> Result<()>,
    ) -> Result<ScheduleChange> {
        let ledger = Ledger::load(self.conn(), loan_id)?;
        let change = make(&ledger)?;
        let mut balance: i64 = change.rows.iter().map(|r| r.principal).sum();
        let periods: Vec<Period> = change
            .rows
            .iter()
            .zip(1u32..)
            .map(|(r, number)| {
                balance -= r.principal;
                Period {
                    number,
                    due_date: r.due_on,
                    payment: from_fen(r.principal + r.interest),
                    principal: from_fen(r.principal),
                    interest: from_fen(r.interest),
                    balance: from_fen(balance),
                }
            })
            .collect();
        let now = self.clock().stamp();
        let tx = self.conn_mut().transaction()?;
        let version: u32 = tx.query_row(
            "UPDATE booked_loans SET version = version + 1 WHERE id = ?1 RETURNING version",
            [loan_id],
            |r| r.get(0),
        )?;
        super::cash_in::tracked(&tx, loan_id, |c| {
            archive_periods(c, loan_id, version - 1)?;
            insert_version(
                c,
                loan_id,
                version,
                &change.terms,
                &periods,
                &change.reason,
                &now,
            )?;
            if let Some((on, amount)) = change.repayment {
                c.execute(
                    "INSERT INTO loan_repayments (loan_id, paid_on, amount_fen, note, created_at)
                     VALUES (?1, ?2, ?3, '提前还款', ?4)",
                    params![loan_id, on, amount, now],
                )?;
            }
            if change.fee > 0 {
                let on = change.repayment.map_or(change.rows[0].due_on, |r| r.0);
                c.execute(
                    "INSERT INTO loan_fees (loan_id, charged_on, kind, amount_fen, version, created_at)
                     VALUES (?1, ?2, 'prepayment', ?3, ?4, ?5)",
                    params![loan_id, on, change.fee, version, now],
                )?;
            }
            if let Some(sql) = change.mark {
                c.execute(sql, [loan_id])?;
            }
            extra(c)?;
            reallocate(c, loan_id)
        })?;
        audit_record(
            &tx,
            "loan.reschedule",
            "loan",
            Some(loan_id),
            &format!("version {version}"),
        )?;
        tx.commit()?;
        Ok(change.compare(&ledger, version))
    }

    /// Old and new schedule for a prepayment, nothing saved.
    pub fn preview_prepayment(
        &self,
        loan_id: i64,
        input: &PrepaymentInput,
        today: NaiveDate,
    ) -> Result<ScheduleChange> {
        self.preview_change(loan_id, |l| prepayment(l, input, today))
    }

    /// Records the prepayment (and its fee) and makes the re-amortised schedule the loan's
    /// next version. Refused, storing nothing: an amount above the payoff amount (plus fee) or
    /// not above what is due, a date after today or before a recorded repayment, a closed loan,
    /// 缩短期限 on a loan that repays principal only at maturity.
    pub fn prepay_loan(
        &mut self,
        loan_id: i64,
        input: &PrepaymentInput,
        today: NaiveDate,
    ) -> Result<ScheduleChange> {
        self.save_change(loan_id, |l| prepayment(l, input, today), |_| Ok(()))
    }

    pub fn preview_extension(
        &self,
        loan_id: i64,
        months: u32,
        reason: &str,
        today: NaiveDate,
    ) -> Result<ScheduleChange> {
        self.preview_change(loan_id, |l| extension(l, months, reason, today))
    }

    /// Extends maturity by `months` (展期): the periods due by `today` stay (arrears stay
    /// arrears), the principal not yet due re-amortises to the new maturity. The loan is then
    /// classified at least 关注.
    pub fn extend_loan(
        &mut self,
        loan_id: i64,
        months: u32,
        reason: &str,
        today: NaiveDate,
    ) -> Result<ScheduleChange> {
        self.save_change(loan_id, |l| extension(l, months, reason, today), |_| Ok(()))
    }
}
