//! Period rows for each repayment method, in whole fen. Interest is one exact fraction,
//! balance × rate × units / denominator, rounded once, so a true half-fen rounds as the
//! mode says.
use crate::rule::Rule;
use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::MathematicalOps;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::dates::{basis_days, days_in_year, due_date};
use super::error::LoanError;
use super::money::{from_fen, round_div, to_fen, Percent};
use super::terms::{LoanTerms, Method, Rounding};

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
    /// Per period: month offset of its due date from disbursement, and the payment in fen.
    /// A broken first period still counts as one month for the APR.
    pub flows: Vec<(u32, i64)>,
    pub total_interest_fen: i64,
    /// Index of the first regular period: neither broken nor in grace.
    pub first_full: Option<usize>,
}

/// The closed-form level payment P·i·(1+i)^n / ((1+i)^n − 1), in Decimal, rounded to fen.
pub(crate) fn level_payment(
    principal: Decimal,
    annual_percent: Decimal,
    months: u32,
    rounding: Rounding,
) -> Result<i64, LoanError> {
    let too_high = || LoanError::invalid("rate", Rule::OutOfRange);
    let n = Decimal::from(months.max(1));
    let i = annual_percent / Decimal::from(1200);
    let exact = if i.is_zero() {
        principal / n
    } else {
        let growth = (Decimal::ONE + i)
            .checked_powu(u64::from(months))
            .ok_or_else(too_high)?;
        // The factor first: P·(1+i)^n alone could leave Decimal's range for a large loan.
        principal * (i * growth / (growth - Decimal::ONE))
    };
    to_fen(exact.round_dp_with_strategy(2, rounding.strategy())).ok_or_else(too_high)
}

struct Builder<'a> {
    terms: &'a LoanTerms,
    rate: Percent,
    repay_day: u32,
    /// Days of the first month on the basis when it is not a whole month.
    broken_days: Option<i64>,
    balance: i64,
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
        let rate = Percent::new(terms.rate.annual_percent())
            .ok_or_else(|| LoanError::invalid("rate", Rule::DecimalPlaces(6)))?;
        let balance = to_fen(terms.principal)
            .ok_or_else(|| LoanError::invalid("principal", Rule::OutOfRange))?;
        let capacity = terms.term_months as usize;
        Ok(Builder {
            terms,
            rate,
            repay_day,
            broken_days,
            balance,
            rows: Rows {
                periods: Vec::with_capacity(capacity),
                flows: Vec::with_capacity(capacity),
                total_interest_fen: 0,
                first_full: None,
            },
        })
    }

    /// Interest in fen on `balance` for the months (from, to] after disbursement; the first
    /// month accrues by days on the basis when it is broken. Rate in percent, so / 1200.
    fn interest(&self, balance: i64, from: u32, to: u32) -> i64 {
        let months = i128::from(to.saturating_sub(from));
        let (units, denominator) = match self.broken_days {
            Some(days) if from == 0 => {
                let basis = i128::from(days_in_year(self.terms.day_count));
                (12 * i128::from(days) + basis * (months - 1), 1200 * basis)
            }
            _ => (months, 1200),
        };
        let numerator = i128::from(balance) * self.rate.numerator * units.max(0);
        let fen = round_div(
            numerator,
            denominator * self.rate.denominator,
            self.terms.rounding,
        );
        i64::try_from(fen).unwrap_or(i64::MAX)
    }

    /// Appends the row due `month` months after disbursement. Principal is capped at the
    /// balance so that rounding drift never drives a figure below zero.
    fn push(
        &mut self,
        from: u32,
        month: u32,
        principal: i64,
        interest: i64,
        regular: bool,
    ) -> Result<(), LoanError> {
        let principal = principal.clamp(0, self.balance);
        self.balance -= principal;
        let broken = from == 0 && self.broken_days.is_some();
        if regular && !broken && self.rows.first_full.is_none() {
            self.rows.first_full = Some(self.rows.periods.len());
        }
        let payment = principal + interest;
        self.rows.periods.push(Period {
            number: u32::try_from(self.rows.periods.len() + 1).unwrap_or(u32::MAX),
            due_date: due_date(self.terms.disbursement_date, month, self.repay_day)?,
            payment: from_fen(payment),
            principal: from_fen(principal),
            interest: from_fen(interest),
            balance: from_fen(self.balance),
        });
        self.rows.flows.push((month, payment));
        self.rows.total_interest_fen += interest;
        Ok(())
    }

    fn amortize(mut self) -> Result<Rows, LoanError> {
        let term = self.terms.term_months;
        let grace = self.terms.grace_months;
        for month in 1..=grace {
            let interest = self.interest(self.balance, month - 1, month);
            self.push(month - 1, month, 0, interest, false)?;
        }
        let amortizing = term - grace;
        let level = match self.terms.method {
            Method::EqualInstallment => Some(level_payment(
                from_fen(self.balance),
                self.terms.rate.annual_percent(),
                amortizing,
                self.terms.rounding,
            )?),
            _ => None,
        };
        let equal_part = round_div(
            i128::from(self.balance),
            i128::from(amortizing),
            self.terms.rounding,
        ) as i64;
        for month in grace + 1..=term {
            let interest = self.interest(self.balance, month - 1, month);
            let principal = match level {
                _ if month == term => self.balance,
                // A broken first period changes its interest, not the principal: the loan
                // stays on the closed-form track and later payments stay level.
                Some(payment) if month == 1 => payment - self.interest(self.balance, 1, 2),
                Some(payment) => payment - interest,
                None => equal_part,
            };
            self.push(month - 1, month, principal, interest, true)?;
        }
        Ok(self.rows)
    }

    fn interest_then_principal(mut self, every: u32) -> Result<Rows, LoanError> {
        let term = self.terms.term_months;
        let mut from = 0;
        while from < term {
            let to = (from + every).min(term);
            let interest = self.interest(self.balance, from, to);
            let principal = if to == term { self.balance } else { 0 };
            self.push(from, to, principal, interest, true)?;
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
