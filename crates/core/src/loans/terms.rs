use crate::rule::Rule;
use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::LoanError;

/// Longest term accepted: 50 years, the longest mortgage a Chinese bank writes.
pub const MAX_MONTHS: u32 = 600;
/// Largest principal accepted (1 万亿): keeps every intermediate product far inside Decimal.
pub const MAX_PRINCIPAL: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);
const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2199;

/// What the officer types into the calculator. Pure data: [`super::generate`] validates it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LoanTerms {
    #[ts(type = "string")]
    pub principal: Decimal,
    #[serde(default = "default_currency")]
    pub currency: String,
    pub term_months: u32,
    pub rate: Rate,
    #[ts(type = "string")]
    pub disbursement_date: NaiveDate,
    /// Day of month payments fall due; `None` means the disbursement day.
    #[serde(default)]
    pub repay_day: Option<u32>,
    pub method: Method,
    /// Interest-only months before amortisation starts (amortising methods only).
    #[serde(default)]
    pub grace_months: u32,
    #[serde(default)]
    #[ts(type = "string")]
    pub upfront_fee: Decimal,
    #[serde(default)]
    pub day_count: DayCount,
    #[serde(default)]
    pub rounding: Rounding,
}

fn default_currency() -> String {
    "CNY".to_owned()
}

/// The annual rate: fixed, or the LPR plus a spread (加点) in basis points, which may be negative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rate {
    Fixed {
        #[ts(type = "string")]
        annual_percent: Decimal,
    },
    Lpr {
        tenor: LprTenor,
        #[ts(type = "string")]
        lpr_percent: Decimal,
        #[ts(type = "string")]
        spread_bp: Decimal,
    },
}

impl Rate {
    /// The annual rate in percent that accrues interest.
    pub fn annual_percent(&self) -> Decimal {
        match self {
            Rate::Fixed { annual_percent } => *annual_percent,
            Rate::Lpr {
                lpr_percent,
                spread_bp,
                ..
            } => *lpr_percent + *spread_bp / Decimal::ONE_HUNDRED,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum LprTenor {
    #[serde(rename = "1y")]
    OneYear,
    #[serde(rename = "5y")]
    FiveYear,
}

impl LprTenor {
    /// The PBoC's names of the two quotes.
    pub fn text(self) -> crate::labels::Text {
        match self {
            LprTenor::OneYear => crate::labels::Text::new("1年期", "1-year"),
            LprTenor::FiveYear => crate::labels::Text::new("5年期以上", "Over 5 years"),
        }
    }

    /// Chinese pricing convention: loans over five years reference the 5-year LPR.
    pub fn for_term(term_months: u32) -> Self {
        if term_months > 60 {
            LprTenor::FiveYear
        } else {
            LprTenor::OneYear
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// 等额本息
    EqualInstallment,
    /// 等额本金
    EqualPrincipal,
    /// 按月付息，到期还本
    InterestOnly,
    /// 按季付息，到期还本
    QuarterlyInterest,
    /// 一次性还本付息
    Bullet,
}

impl Method {
    /// Methods that repay principal over the term, so a grace period means something.
    pub fn amortizes(self) -> bool {
        matches!(self, Method::EqualInstallment | Method::EqualPrincipal)
    }
}

/// Day-count basis for the broken first period; full months always accrue rate / 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub enum DayCount {
    #[default]
    #[serde(rename = "act360")]
    Act360,
    #[serde(rename = "act365")]
    Act365,
    #[serde(rename = "30-360")]
    Thirty360,
}

/// How each period's interest (and the level payment) is rounded to 0.01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Rounding {
    #[default]
    HalfUp,
    HalfEven,
}

impl Rounding {
    pub(crate) fn strategy(self) -> RoundingStrategy {
        match self {
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
        }
    }
}

/// Gives an enum its wire names once, for parsing (CLI, forms) and printing; a unit test
/// keeps them equal to the serde names.
macro_rules! wire_names {
    ($ty:ident, $field:literal, { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $name),+ }
            }
        }

        impl std::str::FromStr for $ty {
            type Err = LoanError;

            fn from_str(s: &str) -> Result<Self, LoanError> {
                match s.trim() {
                    $($name => Ok($ty::$variant),)+
                    other => Err(LoanError::invalid($field, Rule::Unknown(other.to_string()))),
                }
            }
        }
    };
}

wire_names!(Method, "method", {
    EqualInstallment => "equal-installment",
    EqualPrincipal => "equal-principal",
    InterestOnly => "interest-only",
    QuarterlyInterest => "quarterly-interest",
    Bullet => "bullet",
});
wire_names!(DayCount, "day_count", { Act360 => "act360", Act365 => "act365", Thirty360 => "30-360" });
wire_names!(Rounding, "rounding", { HalfUp => "half-up", HalfEven => "half-even" });
wire_names!(LprTenor, "lpr_tenor", { OneYear => "1y", FiveYear => "5y" });

impl LoanTerms {
    /// The repayment day actually used.
    pub fn effective_repay_day(&self) -> u32 {
        self.repay_day.unwrap_or(self.disbursement_date.day())
    }

    /// Checks every field; the first problem found is returned, named by field.
    pub fn validate(&self) -> Result<(), LoanError> {
        check_places("principal", self.principal, 2)?;
        if self.principal <= Decimal::ZERO {
            return Err(LoanError::invalid("principal", Rule::Positive));
        }
        if self.principal > MAX_PRINCIPAL {
            return Err(LoanError::invalid(
                "principal",
                Rule::AtMost(MAX_PRINCIPAL.to_string()),
            ));
        }
        let currency_ok =
            self.currency.len() == 3 && self.currency.bytes().all(|b| b.is_ascii_uppercase());
        if !currency_ok {
            return Err(LoanError::invalid("currency", Rule::Currency));
        }
        if self.term_months == 0 || self.term_months > MAX_MONTHS {
            return Err(LoanError::invalid(
                "term_months",
                Rule::Range {
                    min: "1".into(),
                    max: MAX_MONTHS.to_string(),
                },
            ));
        }
        self.validate_rate()?;
        let year = self.disbursement_date.year();
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(LoanError::invalid(
                "disbursement_date",
                Rule::Range {
                    min: format!("{MIN_YEAR}-01-01"),
                    max: format!("{MAX_YEAR}-12-31"),
                },
            ));
        }
        if let Some(day) = self.repay_day {
            if !(1..=31).contains(&day) {
                return Err(LoanError::invalid(
                    "repay_day",
                    Rule::Range {
                        min: "1".into(),
                        max: "31".into(),
                    },
                ));
            }
        }
        if self.grace_months >= self.term_months {
            return Err(LoanError::invalid(
                "grace_months",
                Rule::LessThan("term_months"),
            ));
        }
        check_places("upfront_fee", self.upfront_fee, 2)?;
        if self.upfront_fee < Decimal::ZERO {
            return Err(LoanError::invalid("upfront_fee", Rule::NotNegative));
        }
        if self.upfront_fee >= self.principal {
            return Err(LoanError::invalid(
                "upfront_fee",
                Rule::LessThan("principal"),
            ));
        }
        Ok(())
    }

    fn validate_rate(&self) -> Result<(), LoanError> {
        let in_range = |p: Decimal| p >= Decimal::ZERO && p <= Decimal::ONE_HUNDRED;
        match &self.rate {
            Rate::Fixed { annual_percent } if !in_range(*annual_percent) => {
                Err(LoanError::invalid(
                    "rate",
                    Rule::Range {
                        min: "0".into(),
                        max: "100".into(),
                    },
                ))
            }
            Rate::Fixed { annual_percent } => check_places("rate", *annual_percent, 6),
            Rate::Lpr {
                lpr_percent,
                spread_bp,
                ..
            } => {
                if !in_range(*lpr_percent) {
                    return Err(LoanError::invalid(
                        "lpr",
                        Rule::Range {
                            min: "0".into(),
                            max: "100".into(),
                        },
                    ));
                }
                if spread_bp.abs() > Decimal::from(10_000) {
                    return Err(LoanError::invalid(
                        "spread_bp",
                        Rule::Range {
                            min: "-10000".into(),
                            max: "10000".into(),
                        },
                    ));
                }
                if !in_range(self.rate.annual_percent()) {
                    return Err(LoanError::invalid("spread_bp", Rule::OutOfRange));
                }
                Ok(())
            }
        }
    }
}

/// Money is whole fen, and rates are exact fractions in integer arithmetic: a decimal beyond
/// these would be silently lost, or overflow.
fn check_places(field: &'static str, value: Decimal, places: u32) -> Result<(), LoanError> {
    if value.normalize().scale() > places {
        return Err(LoanError::invalid(field, Rule::DecimalPlaces(places)));
    }
    Ok(())
}
