//! Project finance (项目融资, 银监发〔2009〕71号: repaid mainly from the project's own cash flow):
//! the feasibility model of issue 17. Exact decimal throughout; amounts are rounded to 2 places
//! (half away from zero) only where shown, ratios to 4.
pub mod capital;
pub mod construction;
pub mod input;
pub mod model;
pub mod repayment;
pub mod sculpt;
pub mod sensitivity;
pub mod store;
pub mod warnings;
mod waterfall;
pub mod xlsx;

pub use capital::{CapitalCategory, CapitalCheck, CapitalTable};
pub use input::{
    ConstructionInput, DrawTimingKey, DsraFunding, LprBasis, ModelInput, Repayment, SweepInput,
};
pub use model::{
    model, ConstructionRow, DsraRow, ModelPeriod, ProjectModel, SourcesUses, SweepRow,
};
pub use sensitivity::{SensitivityCase, SensitivityKind};
pub use warnings::{ModelWarning, PfWarning};

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::rule::Rule;

/// Figures so large they leave Decimal's range are inputs no project has (a rate of 100 % a
/// period compounding for decades): refused, never a panic.
fn out_of_range() -> Error {
    Error::invalid("cfads", Rule::OutOfRange)
}

fn mul(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_mul(b).ok_or_else(out_of_range)
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(out_of_range)
}

fn div(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_div(b).ok_or_else(out_of_range)
}

/// `a / b`, or none when `b` is 0 (no debt service: no cover ratio) or the quotient is beyond
/// any meaning.
fn ratio(a: Decimal, b: Decimal) -> Option<Decimal> {
    if b.is_zero() {
        None
    } else {
        a.checked_div(b)
    }
}

/// The periodic rate of an annual `rate_percent` paid `periods_per_year` times.
fn periodic(rate_percent: Decimal, periods_per_year: u32) -> Decimal {
    rate_percent / Decimal::ONE_HUNDRED / Decimal::from(periods_per_year.max(1))
}
