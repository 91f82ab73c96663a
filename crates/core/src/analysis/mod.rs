//! Credit analysis (PRODUCT.md §2, issue 15): every ratio of every imported year side by side
//! (the spread), DSCR against the proposed loan's schedule, each flagged against a threshold
//! the bank sets, and the working-capital loan need (wc_need.rs).
mod ratios;
mod thresholds;
mod wc_need;

use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

pub(crate) use ratios::typescript;
pub use ratios::{
    annual_debt_service, ratios, set_changes, BalanceBasis, Bound, Ratio, RatioGroup, RatioKind,
    RatioStatus, RatioUnit, DEBT_LINES,
};
pub use thresholds::Thresholds;
pub use wc_need::{
    wc_need, WcNeed, WcNeedAssumptions, WcNeedFromStatements, WcNeedInput, WcNeedWarning,
};

use crate::error::{Error, Result};
use crate::Vault;

const THRESHOLDS_KEY: &str = "credit_thresholds";

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
        let stored = self.financial_years(client_id)?;
        // Latest first; each year reads the one after it in the list as its prior year.
        let mut years: Vec<YearRatios> = stored
            .iter()
            .enumerate()
            .map(|(i, y)| YearRatios {
                year: y.year,
                ratios: ratios(y, stored.get(i + 1), &thresholds, annual),
            })
            .collect();
        for i in 0..years.len() {
            let (now, earlier) = years.split_at_mut(i + 1);
            if let Some(prior) = earlier.first().filter(|p| p.year == now[i].year - 1) {
                set_changes(&mut now[i].ratios, &prior.ratios);
            }
        }
        Ok(CreditAnalysis {
            client_id,
            thresholds,
            debt_service,
            years,
        })
    }
}
