//! Period rows for each repayment method. Interest is accrued as an exact fraction
//! (balance × rate × units / denominator) and rounded once, so a true half-fen rounds as the
//! mode says instead of by the accident of a repeating rate / 12.
use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::MathematicalOps;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::dates::{basis_days, days_in_year, due_date};
use super::error::LoanError;
use super::terms::{LoanTerms, Method};

/// One row of the repayment schedule (还款计划表).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Period {
    #[serde(rename = "period")]
    pub number: u32,
    #[ts(type = "string")]
    pub due_date: NaiveDate,
    #[ts(type = "string")]
    pub payment: Decimal,
    #[ts(type = "string")]
    pub principal: Decimal,
    #[ts(type = "string")]
    pub interest: Decimal,
    /// Principal still owed after this payment.
    #[ts(type = "string")]
    pub balance: Decimal,
}

/// The rows plus what the summary needs to know about them.
pub(crate) struct Rows {
    pub periods: Vec<Period>,
    /// Month offset from disbursement of each period's due date, for the APR.
    pub months: Vec<u32>,
    /// Index of the first regular period: neither broken nor in grace.
    pub first_full: Option<usize>,
}

/// Rounds to whole fen and always shows two decimals ("1000000.00", not "1000000").
pub(crate) fn money(amount: Decimal, strategy: RoundingStrategy) -> Decimal {
    let mut rounded = amount.round_dp_with_strategy(2, strategy);
    rounded.rescale(2);
    rounded
}

/// The closed-form level payment P·i·(1+i)^n / ((1+i)^n − 1), rounded to fen.
pub(crate) fn level_payment(
    principal: Decimal,
    annual_percent: Decimal,
    months: u32,
    strategy: RoundingStrategy,
) -> Result<Decimal, LoanError> {
    let n = Decimal::from(months.max(1));
    let i = annual_percent / Decimal::from(1200);
    if i.is_zero() {
        return Ok(money(principal / n, strategy));
    }
    let growth = (Decimal::ONE + i)
        .checked_powu(u64::from(months))
        .ok_or_else(|| LoanError::invalid("rate", "too high for this term"))?;
    // The factor first: P·(1+i)^n alone could leave Decimal's range for a large loan.
    let factor = i * growth / (growth - Decimal::ONE);
    Ok(money(principal * factor, strategy))
}

struct Builder<'a> {
    terms: &'a LoanTerms,
    annual_percent: Decimal,
    strategy: RoundingStrategy,
    repay_day: u32,
    /// Days of the first month on the basis when it is not a whole month.
    broken_days: Option<i64>,
    balance: Decimal,
    rows: Rows,
}

impl<'a> Builder<'a> {
    fn new(terms: &'a LoanTerms) -> Result<Self, LoanError> {
        let start = terms.disbursement_date;
        let repay_day = terms.effective_repay_day();
        let broken_days = if repay_day == start.day() {
            None
        } else {
            Some(basis_days(
                terms.day_count,
                start,
                due_date(start, 1, repay_day)?,
            ))
        };
        let strategy = terms.rounding.strategy();
        Ok(Builder {
            terms,
            annual_percent: terms.rate.annual_percent(),
            strategy,
            repay_day,
            broken_days,
            balance: money(terms.principal, strategy),
            rows: Rows {
                periods: Vec::with_capacity(terms.term_months as usize),
                months: Vec::with_capacity(terms.term_months as usize),
                first_full: None,
            },
        })
    }

    /// Interest on `balance` for the months (from, to] after disbursement; the first month
    /// accrues by days on the basis when it is broken.
    fn interest(&self, balance: Decimal, from: u32, to: u32) -> Decimal {
        let months = i64::from(to.saturating_sub(from));
        let (units, denominator) = match self.broken_days {
            Some(days) if from == 0 => {
                let basis = i64::from(days_in_year(self.terms.day_count));
                (12 * days + basis * (months - 1), 1200 * basis)
            }
            _ => (months, 1200),
        };
        let accrued = balance * self.annual_percent * Decimal::from(units.max(0));
        money(accrued / Decimal::from(denominator), self.strategy)
    }

    /// A whole month's interest, ignoring a broken first period: keeps equal-installment
    /// principal on the closed-form track.
    fn full_month_interest(&self, balance: Decimal) -> Decimal {
        money(
            balance * self.annual_percent / Decimal::from(1200),
            self.strategy,
        )
    }

    /// Appends the row due `month` months after disbursement. Principal is capped at the
    /// balance so that rounding never drives a figure below zero.
    fn push(
        &mut self,
        from: u32,
        month: u32,
        principal: Decimal,
        regular: bool,
    ) -> Result<(), LoanError> {
        let interest = self.interest(self.balance, from, month);
        let principal = money(
            principal.max(Decimal::ZERO).min(self.balance),
            self.strategy,
        );
        self.balance -= principal;
        let due = due_date(self.terms.disbursement_date, month, self.repay_day)?;
        let broken = from == 0 && self.broken_days.is_some();
        if regular && !broken && self.rows.first_full.is_none() {
            self.rows.first_full = Some(self.rows.periods.len());
        }
        self.rows.periods.push(Period {
            number: u32::try_from(self.rows.periods.len() + 1).unwrap_or(u32::MAX),
            due_date: due,
            payment: principal + interest,
            principal,
            interest,
            balance: self.balance,
        });
        self.rows.months.push(month);
        Ok(())
    }

    fn amortize(mut self) -> Result<Rows, LoanError> {
        let term = self.terms.term_months;
        let grace = self.terms.grace_months;
        for month in 1..=grace {
            self.push(month - 1, month, Decimal::ZERO, false)?;
        }
        let amortizing = term - grace;
        let level = match self.terms.method {
            Method::EqualInstallment => Some(level_payment(
                self.balance,
                self.annual_percent,
                amortizing,
                self.strategy,
            )?),
            _ => None,
        };
        let equal_part = money(self.balance / Decimal::from(amortizing), self.strategy);
        for month in grace + 1..=term {
            let principal = match level {
                _ if month == term => self.balance,
                Some(payment) => payment - self.full_month_interest(self.balance),
                None => equal_part,
            };
            self.push(month - 1, month, principal, true)?;
        }
        Ok(self.rows)
    }

    fn interest_then_principal(mut self, every: u32) -> Result<Rows, LoanError> {
        let term = self.terms.term_months;
        let mut from = 0;
        while from < term {
            let to = (from + every).min(term);
            let principal = if to == term {
                self.balance
            } else {
                Decimal::ZERO
            };
            self.push(from, to, principal, true)?;
            from = to;
        }
        Ok(self.rows)
    }
}

/// Builds the rows for valid terms (the caller has validated them).
pub(crate) fn build(terms: &LoanTerms) -> Result<Rows, LoanError> {
    let builder = Builder::new(terms)?;
    match terms.method {
        Method::EqualInstallment | Method::EqualPrincipal => builder.amortize(),
        Method::InterestOnly => builder.interest_then_principal(1),
        Method::QuarterlyInterest => builder.interest_then_principal(3),
        Method::Bullet => builder.interest_then_principal(terms.term_months),
    }
}
