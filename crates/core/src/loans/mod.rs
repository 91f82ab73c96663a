//! Loan terms, repayment schedules, APR, amounts in Chinese capital numerals.
//!
//! [`generate`] is pure: the same terms always give the same schedule, with exact decimal
//! money (no binary floating point anywhere in this module).
mod apr;
mod dates;
mod error;
mod money;
mod scenarios;
mod schedule;
mod terms;
mod words;

#[cfg(test)]
mod tests;

use crate::rule::Rule;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use apr::{annualize, monthly_irr, monthly_irr_near};
pub(crate) use dates::{basis_days, days_in_year};
pub use dates::{due_date, last_day_of_month};
pub use error::LoanError;
pub(crate) use money::{from_fen, round_div, to_fen, Percent};
pub use scenarios::{LoanScenario, ScenarioInput, MAX_SCENARIOS_PER_CLIENT};
pub(crate) use schedule::level_payment;
pub use schedule::Period;
pub use terms::{DayCount, LoanTerms, LprTenor, Method, Rate, Rounding, MAX_MONTHS, MAX_PRINCIPAL};
pub use words::amount_in_words;

/// A complete repayment schedule (还款计划表) with the terms it was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Schedule {
    pub terms: LoanTerms,
    pub periods: Vec<Period>,
    pub summary: Summary,
}

/// The figures an officer quotes; all amounts and rates with exactly two decimals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Summary {
    /// The regular payment (月供): the first period that is neither a broken first period
    /// nor in grace; the only payment of a one-period loan.
    #[ts(type = "string")]
    pub payment: Decimal,
    #[ts(type = "string")]
    pub total_interest: Decimal,
    /// Principal plus interest; the upfront fee is not included.
    #[ts(type = "string")]
    pub total_payment: Decimal,
    /// The annual rate in percent that accrues interest: the fixed rate, or LPR + spread
    /// (worked out here so the UI never does the sum itself).
    #[ts(type = "string")]
    pub annual_rate: Decimal,
    /// Nominal APR in percent: monthly IRR × 12, fee included.
    #[ts(type = "string")]
    pub apr: Decimal,
    /// Effective annual rate in percent: (1 + monthly IRR)^12 − 1.
    #[ts(type = "string")]
    pub apr_effective: Decimal,
    pub principal_in_words: String,
}

/// Validates the terms and produces the schedule.
pub fn generate(terms: &LoanTerms) -> Result<Schedule, LoanError> {
    terms.validate()?;
    let rows = schedule::build(terms)?;
    let principal_fen = money::to_fen(terms.principal)
        .ok_or_else(|| LoanError::invalid("principal", Rule::OutOfRange))?;
    let fee_fen = money::to_fen(terms.upfront_fee)
        .ok_or_else(|| LoanError::invalid("upfront_fee", Rule::OutOfRange))?;
    let payment = rows
        .first_full
        .or(rows.periods.len().checked_sub(1))
        .and_then(|i| rows.periods.get(i))
        .map_or(Decimal::ZERO, |p| p.payment);

    let guess = terms.rate.annual_percent() / Decimal::from(1200);
    let (apr, apr_effective) = apr::irr_fen(principal_fen - fee_fen, &rows.flows, guess)
        .and_then(annualize)
        .ok_or_else(|| LoanError::invalid("upfront_fee", Rule::OutOfRange))?;

    Ok(Schedule {
        terms: terms.clone(),
        summary: Summary {
            payment,
            total_interest: money::from_fen(rows.total_interest_fen),
            total_payment: money::from_fen(rows.total_interest_fen + principal_fen),
            annual_rate: terms.rate.annual_percent(),
            apr,
            apr_effective,
            principal_in_words: amount_in_words(terms.principal),
        },
        periods: rows.periods,
    })
}
