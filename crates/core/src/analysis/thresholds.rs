//! Where each ratio turns from ok to breach (Settings). The first five are the original panel's;
//! the spread's others (issue 15) are optional: a ratio without a threshold is shown, not judged.
use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{RatioKind, RatioUnit};
use crate::error::{Error, Result};
use crate::rule::Rule;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Thresholds {
    /// At least.
    #[ts(type = "string")]
    pub current_ratio: Decimal,
    /// At least.
    #[ts(type = "string")]
    pub quick_ratio: Decimal,
    /// At most, in percent (70 = 70 %).
    #[ts(type = "string")]
    pub debt_to_asset_percent: Decimal,
    /// At least.
    #[ts(type = "string")]
    pub interest_coverage: Decimal,
    /// At least; for both DSCRs.
    #[ts(type = "string")]
    pub dscr: Decimal,
    /// The other ratios' thresholds, in each ratio's unit, judged in its direction
    /// ([`RatioKind::bound`]). Settings saved before issue 15 read the defaults.
    #[serde(default = "default_others")]
    #[ts(type = "Partial<Record<RatioKind, string>>")]
    pub others: BTreeMap<RatioKind, Decimal>,
}

/// Leverage against EBITDA is what approvers flag first; the turnovers and margins depend on
/// the industry, so the officer sets them.
fn default_others() -> BTreeMap<RatioKind, Decimal> {
    BTreeMap::from([
        (RatioKind::DebtToEbitda, Decimal::from(5)),
        (RatioKind::NetDebtToEbitda, Decimal::from(4)),
    ])
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            current_ratio: Decimal::new(120, 2),
            quick_ratio: Decimal::new(80, 2),
            debt_to_asset_percent: Decimal::from(70),
            interest_coverage: Decimal::from(2),
            dscr: Decimal::new(125, 2),
            others: default_others(),
        }
    }
}

impl Thresholds {
    /// The threshold of `kind`; None when the officer set none.
    pub fn of(&self, kind: RatioKind) -> Option<Decimal> {
        use RatioKind::*;
        match kind {
            CurrentRatio => Some(self.current_ratio),
            QuickRatio => Some(self.quick_ratio),
            DebtToAsset => Some(self.debt_to_asset_percent),
            InterestCoverage => Some(self.interest_coverage),
            Dscr | DscrCashFlow => Some(self.dscr),
            other => self.others.get(&other).copied(),
        }
    }

    pub(super) fn validate(&self) -> Result<()> {
        let hundred = Decimal::ONE_HUNDRED;
        let fields = [
            ("current_ratio", self.current_ratio),
            ("quick_ratio", self.quick_ratio),
            ("debt_to_asset_percent", self.debt_to_asset_percent),
            ("interest_coverage", self.interest_coverage),
            ("dscr", self.dscr),
        ];
        for (field, value) in fields {
            check(field, value, Decimal::new(1, 2), hundred)?;
        }
        for (&kind, &value) in &self.others {
            if kind.has_named_threshold() {
                return Err(Error::invalid("others", Rule::NotAllowed));
            }
            let (min, max) = match kind.unit() {
                RatioUnit::Times => (Decimal::new(-1000, 0), Decimal::from(1000)),
                RatioUnit::Percent => (Decimal::from(-1000), Decimal::from(1000)),
                RatioUnit::Days => (Decimal::ZERO, Decimal::from(3650)),
                RatioUnit::Yuan => (
                    Decimal::from(-1_000_000_000_000i64),
                    Decimal::from(1_000_000_000_000i64),
                ),
            };
            check(kind.as_str(), value, min, max)?;
        }
        Ok(())
    }
}

fn check(field: &'static str, value: Decimal, min: Decimal, max: Decimal) -> Result<()> {
    if value.normalize().scale() > 2 {
        return Err(Error::invalid(field, Rule::DecimalPlaces(2)));
    }
    if value < min || value > max {
        let range = Rule::Range {
            min: min.to_string(),
            max: max.to_string(),
        };
        return Err(Error::invalid(field, range));
    }
    Ok(())
}
