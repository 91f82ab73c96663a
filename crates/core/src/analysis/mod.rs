//! Credit analysis (PRODUCT.md §2): ratios from the client's imported financial statements,
//! DSCR against the proposed loan's schedule, each flagged against a threshold the bank sets.
mod ratios;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use ratios::{annual_debt_service, ratios, Bound, Ratio, RatioKind, RatioStatus};

use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::Vault;

const THRESHOLDS_KEY: &str = "credit_thresholds";

/// Where each ratio turns from ok to breach (Settings).
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
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            current_ratio: Decimal::new(120, 2),
            quick_ratio: Decimal::new(80, 2),
            debt_to_asset_percent: Decimal::from(70),
            interest_coverage: Decimal::from(2),
            dscr: Decimal::new(125, 2),
        }
    }
}

impl Thresholds {
    fn validate(&self) -> Result<()> {
        let hundred = Decimal::ONE_HUNDRED;
        let fields = [
            ("current_ratio", self.current_ratio, hundred),
            ("quick_ratio", self.quick_ratio, hundred),
            ("debt_to_asset_percent", self.debt_to_asset_percent, hundred),
            ("interest_coverage", self.interest_coverage, hundred),
            ("dscr", self.dscr, hundred),
        ];
        for (field, value, max) in fields {
            if value.normalize().scale() > 2 {
                return Err(Error::invalid(field, Rule::DecimalPlaces(2)));
            }
            if value <= Decimal::ZERO || value > max {
                let range = Rule::Range {
                    min: "0.01".into(),
                    max: max.to_string(),
                };
                return Err(Error::invalid(field, range));
            }
        }
        Ok(())
    }
}

/// The proposed loan's annual debt service used for the DSCRs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DebtService {
    pub scenario_id: i64,
    pub scenario_label: String,
    /// Principal + interest due in the heaviest loan year.
    #[ts(type = "string")]
    pub annual: Decimal,
    /// Which loan year that is (1 = the first twelve months after disbursement).
    pub loan_year: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct YearRatios {
    pub year: i32,
    pub ratios: Vec<Ratio>,
}

/// What the client's credit-analysis panel shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CreditAnalysis {
    pub client_id: i64,
    pub thresholds: Thresholds,
    /// None when the client has no proposed loan scenario: the DSCRs are then not available.
    pub debt_service: Option<DebtService>,
    /// Latest year first; empty until a statement is imported.
    pub years: Vec<YearRatios>,
}

impl Vault {
    pub fn credit_thresholds(&self) -> Result<Thresholds> {
        Ok(self
            .setting(THRESHOLDS_KEY)?
            .and_then(|v| serde_json::from_str(&v).ok())
            .unwrap_or_default())
    }

    pub fn set_credit_thresholds(&mut self, thresholds: &Thresholds) -> Result<()> {
        thresholds.validate()?;
        let json = serde_json::to_string(thresholds).map_err(|e| Error::Io(e.into()))?;
        self.set_setting(THRESHOLDS_KEY, &json)
    }

    pub fn credit_analysis(&self, client_id: i64) -> Result<CreditAnalysis> {
        self.client(client_id)?;
        let thresholds = self.credit_thresholds()?;
        let proposed = self
            .loan_scenarios(client_id)?
            .into_iter()
            .find(|s| s.proposed);
        let debt_service = match proposed {
            Some(s) => {
                let schedule = crate::loans::generate(&s.terms)?;
                annual_debt_service(&schedule).map(|(annual, loan_year)| DebtService {
                    scenario_id: s.id,
                    scenario_label: s.label,
                    annual,
                    loan_year,
                })
            }
            None => None,
        };
        let annual = debt_service.as_ref().map(|d| d.annual);
        let years = self
            .financial_years(client_id)?
            .iter()
            .map(|y| YearRatios {
                year: y.year,
                ratios: ratios(y, &thresholds, annual),
            })
            .collect();
        Ok(CreditAnalysis {
            client_id,
            thresholds,
            debt_service,
            years,
        })
    }
}
