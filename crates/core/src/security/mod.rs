//! What secures a loan and the line it is drawn under (issue 14): credit facilities (综合授信)
//! with their other uses (银承, 保函, 信用证), collateral (押品) with its lendable value and
//! valuation history, guarantors (保证人), the loan's coverage, the Settings behind them and
//! the reminders they raise.
mod collateral;
mod coverage;
mod facility;
mod guarantor;
mod kinds;
pub(crate) mod reminders;
mod settings;

pub use collateral::{Collateral, CollateralInput, Revaluation, Valuation};
pub(crate) use coverage::store_loan_security;
pub use coverage::{coverage, lendable_fen, LoanSecurity};
pub(crate) use facility::check_drawing;
pub use facility::{
    exposure_fen, Facility, FacilityInput, FacilityLoan, FacilityUse, FacilityUseInput,
};
pub use guarantor::{Guarantor, GuarantorInput};
pub use kinds::{CollateralKind, CoverageBand, FacilityUseKind, GuaranteeKind, GuarantorParty};
pub use settings::{KindTerms, SecuritySettings};

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::rule::Rule;

/// A percentage of at most two decimals within 0–100, as basis points.
pub(crate) fn percent_bp(field: &'static str, percent: Decimal) -> Result<i64> {
    if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
        return Err(Error::invalid(
            field,
            Rule::Range {
                min: "0".into(),
                max: "100".into(),
            },
        ));
    }
    if percent.normalize().scale() > 2 {
        return Err(Error::invalid(field, Rule::DecimalPlaces(2)));
    }
    use rust_decimal::prelude::ToPrimitive;
    (percent * Decimal::ONE_HUNDRED)
        .trunc()
        .to_i64()
        .ok_or_else(|| Error::invalid(field, Rule::OutOfRange))
}

pub(crate) fn bp_percent(bp: i64) -> Decimal {
    Decimal::new(bp, 2).normalize()
}

/// A positive amount of at most two decimals, in fen.
pub(crate) fn positive_fen(field: &'static str, amount: Decimal) -> Result<i64> {
    let fen = money_fen(field, amount)?;
    if fen <= 0 {
        return Err(Error::invalid(field, Rule::Positive));
    }
    Ok(fen)
}

/// An amount of at most two decimals, not negative, in fen.
pub(crate) fn money_fen(field: &'static str, amount: Decimal) -> Result<i64> {
    if amount < Decimal::ZERO {
        return Err(Error::invalid(field, Rule::NotNegative));
    }
    if amount.normalize().scale() > 2 {
        return Err(Error::invalid(field, Rule::DecimalPlaces(2)));
    }
    crate::loans::to_fen(amount).ok_or_else(|| Error::invalid(field, Rule::OutOfRange))
}

/// Trimmed text of at most `max` characters.
pub(crate) fn short_text(field: &'static str, text: &str, max: usize) -> Result<String> {
    let t = text.trim();
    if t.chars().count() > max {
        return Err(Error::invalid(field, Rule::MaxChars(max)));
    }
    Ok(t.to_owned())
}

/// `part × bp / 10000`, half-up to the fen (for the non-negative amounts used here).
pub(crate) fn apply_bp(fen: i64, bp: i64) -> i64 {
    let n = i128::from(fen) * i128::from(bp);
    i64::try_from((n + 5000).div_euclid(10000)).unwrap_or(i64::MAX)
}
