//! The credit committee's downside cases: the base case's debt and scheduled principal under
//! less cash or a higher rate.
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use crate::labels::labelled;

labelled! {
    pub enum SensitivityKind {
        CfadsMinus10 = "cfads-10" => ("CFADS 下降 10%", "CFADS −10 %"),
        CfadsMinus20 = "cfads-20" => ("CFADS 下降 20%", "CFADS −20 %"),
        RatePlus100bp = "rate+100bp" => ("利率上升 100 个基点", "Rate +100 bp"),
    }
}

impl SensitivityKind {
    /// The CFADS factor and the added annual rate in percent.
    pub fn shock(self) -> (Decimal, Decimal) {
        match self {
            SensitivityKind::CfadsMinus10 => (Decimal::new(90, 2), Decimal::ZERO),
            SensitivityKind::CfadsMinus20 => (Decimal::new(80, 2), Decimal::ZERO),
            SensitivityKind::RatePlus100bp => (Decimal::ONE, Decimal::ONE),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SensitivityCase {
    pub case: SensitivityKind,
    #[ts(type = "string | null")]
    pub min_dscr: Option<Decimal>,
    #[ts(type = "string | null")]
    pub min_llcr: Option<Decimal>,
    /// Every period's cash, with the DSRA's help, pays its debt service.
    pub repays: bool,
}
