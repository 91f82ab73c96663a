//! Penalty and compound interest (罚息 and 复利) as the contract and 《中国人民银行关于人民币贷款
//! 利率有关问题的通知》(银发〔2003〕251号) set them: overdue principal bears penalty interest at
//! the contract rate × (1 + markup), markup 30–50 % (misuse of funds, 挪用, 50–100 %); interest
//! not paid when due bears compound interest at the same penalty rate. Both accrue daily on a
//! 360-day basis by convention (365 selectable) from the day after the due date until paid.
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::loans::Percent;
use crate::rule::Rule;

/// What a repayment pays of a period that is due, in the order the contract sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AllocationPart {
    /// 复利
    Compound,
    /// 罚息
    Penalty,
    Interest,
    Principal,
}

impl AllocationPart {
    pub const ALL: [AllocationPart; 4] = [
        AllocationPart::Compound,
        AllocationPart::Penalty,
        AllocationPart::Interest,
        AllocationPart::Principal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AllocationPart::Compound => "compound",
            AllocationPart::Penalty => "penalty",
            AllocationPart::Interest => "interest",
            AllocationPart::Principal => "principal",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s.trim())
    }

    pub fn text(self) -> crate::labels::Text {
        use crate::labels::Text;
        match self {
            AllocationPart::Compound => Text::new("复利", "Compound interest"),
            AllocationPart::Penalty => Text::new("罚息", "Penalty interest"),
            AllocationPart::Interest => Text::new("利息", "Interest"),
            AllocationPart::Principal => Text::new("本金", "Principal"),
        }
    }
}

/// Days a year's penalty rate is spread over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub enum PenaltyBasis {
    #[default]
    #[serde(rename = "360")]
    Days360,
    #[serde(rename = "365")]
    Days365,
}

impl PenaltyBasis {
    pub fn days(self) -> i64 {
        match self {
            PenaltyBasis::Days360 => 360,
            PenaltyBasis::Days365 => 365,
        }
    }

    pub const ALL: [PenaltyBasis; 2] = [PenaltyBasis::Days360, PenaltyBasis::Days365];

    pub fn as_str(self) -> &'static str {
        match self {
            PenaltyBasis::Days360 => "360",
            PenaltyBasis::Days365 => "365",
        }
    }

    pub fn text(self) -> crate::labels::Text {
        use crate::labels::Text;
        match self {
            PenaltyBasis::Days360 => {
                Text::new("按 360 天计（惯例）", "360-day year (the convention)")
            }
            PenaltyBasis::Days365 => Text::new("按 365 天计", "365-day year"),
        }
    }

    pub fn from_days(days: i64) -> Option<Self> {
        match days {
            360 => Some(PenaltyBasis::Days360),
            365 => Some(PenaltyBasis::Days365),
            _ => None,
        }
    }
}

/// A loan's penalty terms, set at booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PenaltyTerms {
    /// Markup over the contract rate, in percent: 50 makes 5 % a 7.5 % penalty rate.
    #[ts(type = "string")]
    pub markup_percent: Decimal,
    /// Funds used for another purpose than agreed (挪用): the markup may be 50–100 %.
    #[serde(default)]
    pub misuse: bool,
    #[serde(default)]
    pub basis: PenaltyBasis,
    /// What a repayment pays first; each part once.
    #[serde(default = "default_order")]
    pub order: Vec<AllocationPart>,
}

fn default_order() -> Vec<AllocationPart> {
    AllocationPart::ALL.to_vec()
}

impl Default for PenaltyTerms {
    fn default() -> Self {
        PenaltyTerms {
            markup_percent: Decimal::from(50),
            misuse: false,
            basis: PenaltyBasis::default(),
            order: default_order(),
        }
    }
}

impl PenaltyTerms {
    pub fn validate(&self) -> Result<()> {
        let (min, max) = if self.misuse { (50, 100) } else { (30, 50) };
        let m = self.markup_percent;
        if m < Decimal::from(min) || m > Decimal::from(max) {
            return Err(Error::invalid(
                "penalty_markup",
                Rule::Range {
                    min: min.to_string(),
                    max: max.to_string(),
                },
            ));
        }
        if m.normalize().scale() > 2 {
            return Err(Error::invalid("penalty_markup", Rule::DecimalPlaces(2)));
        }
        let each_once = self.order.len() == AllocationPart::ALL.len()
            && AllocationPart::ALL.iter().all(|p| self.order.contains(p));
        if !each_once {
            return Err(Error::invalid("allocation_order", Rule::AllocationOrder));
        }
        Ok(())
    }

    /// The markup in basis points (validated terms have at most two decimals).
    pub(super) fn markup_bp(&self) -> i64 {
        let mut bp = self.markup_percent * Decimal::ONE_HUNDRED;
        bp.rescale(0);
        i64::try_from(bp.mantissa()).unwrap_or(0)
    }

    pub(super) fn order_text(&self) -> String {
        let parts: Vec<&str> = self.order.iter().map(|p| p.as_str()).collect();
        parts.join(",")
    }

    /// Read back from the columns; anything unreadable falls back to the default it replaces.
    pub(super) fn from_columns(markup_bp: i64, misuse: bool, basis: i64, order: &str) -> Self {
        let parsed: Option<Vec<AllocationPart>> =
            order.split(',').map(AllocationPart::parse).collect();
        PenaltyTerms {
            markup_percent: Decimal::new(markup_bp, 2).normalize(),
            misuse,
            basis: PenaltyBasis::from_days(basis).unwrap_or_default(),
            order: parsed
                .filter(|o| o.len() == AllocationPart::ALL.len())
                .unwrap_or_else(default_order),
        }
    }
}

/// The penalty rate per fen and day as one exact fraction: contract percent × (1 + markup) /
/// (100 × basis). Accrual is kept in fen-days and multiplied once, so each period's penalty is
/// rounded once, half up, to the fen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PenaltyRate {
    numerator: i128,
    denominator: i128,
}

impl PenaltyRate {
    /// No penalty at all (a zero rate): what the plain allocation uses.
    pub const ZERO: PenaltyRate = PenaltyRate {
        numerator: 0,
        denominator: 1,
    };

    pub fn new(contract_percent: Decimal, terms: &PenaltyTerms) -> Self {
        let Some(rate) = Percent::new(contract_percent) else {
            return Self::ZERO;
        };
        PenaltyRate {
            numerator: rate.numerator * i128::from(10_000 + terms.markup_bp()),
            denominator: rate.denominator * 100 * 10_000 * i128::from(terms.basis.days()),
        }
    }

    pub fn is_zero(&self) -> bool {
        self.numerator == 0
    }

    /// Interest in fen on `fen_days` (a balance in fen × days), rounded half up.
    pub fn on(&self, fen_days: i128) -> i64 {
        if fen_days <= 0 || self.numerator == 0 {
            return 0;
        }
        let n = fen_days.saturating_mul(self.numerator);
        i64::try_from((2 * n + self.denominator) / (2 * self.denominator)).unwrap_or(i64::MAX)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_circular_example_one_million_ten_days_at_five_percent() {
        // 1,000,000 overdue 10 days at 5 % → 7.5 % penalty rate → 2,083.33.
        let rate = PenaltyRate::new(Decimal::from(5), &PenaltyTerms::default());
        assert_eq!(rate.on(100_000_000 * 10), 208_333);
        let terms = PenaltyTerms {
            basis: PenaltyBasis::Days365,
            ..PenaltyTerms::default()
        };
        // 1,000,000 × 7.5 % × 10 / 365 = 2,054.794… → 2,054.79.
        assert_eq!(
            PenaltyRate::new(Decimal::from(5), &terms).on(100_000_000 * 10),
            205_479
        );
    }

    #[test]
    fn markup_ranges_follow_the_purpose() {
        let with = |m: i64, misuse: bool| PenaltyTerms {
            markup_percent: Decimal::from(m),
            misuse,
            ..PenaltyTerms::default()
        };
        assert!(with(30, false).validate().is_ok());
        assert!(with(50, false).validate().is_ok());
        assert!(with(29, false).validate().is_err());
        assert!(with(60, false).validate().is_err());
        assert!(with(100, true).validate().is_ok());
        assert!(with(40, true).validate().is_err());
        let twice = PenaltyTerms {
            order: vec![AllocationPart::Principal; 4],
            ..PenaltyTerms::default()
        };
        assert!(twice.validate().is_err());
    }

    #[test]
    fn columns_round_trip() {
        let t = PenaltyTerms {
            markup_percent: Decimal::new(3750, 2),
            misuse: false,
            basis: PenaltyBasis::Days365,
            order: vec![
                AllocationPart::Principal,
                AllocationPart::Interest,
                AllocationPart::Penalty,
                AllocationPart::Compound,
            ],
        };
        let back = PenaltyTerms::from_columns(t.markup_bp(), t.misuse, 365, &t.order_text());
        assert_eq!(back, t);
    }
}
