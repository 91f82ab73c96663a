//! Settings behind the security: the cap (抵押率/质押率) and revaluation interval of each kind of
//! collateral, and how far ahead an expiry is reminded of.
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{percent_bp, CollateralKind};
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::Vault;

const KEY: &str = "security_settings";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KindTerms {
    pub kind: CollateralKind,
    /// The share of the value a loan may lean on, in percent.
    #[ts(type = "string")]
    pub cap_percent: Decimal,
    /// Months between valuations; 0: never reminded.
    pub revalue_months: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SecuritySettings {
    /// One entry per kind, in the kinds' order.
    pub kinds: Vec<KindTerms>,
    /// A registration (抵押登记) or insurance ending within this many days is a reminder.
    pub expiry_days: u32,
    /// A credit line ending within this many days is a renewal reminder (续授信).
    pub facility_expiry_days: u32,
}

/// The usual caps of Chinese banks' collateral policies, and revaluation at least yearly for
/// real estate, quarterly for financial pledges, half-yearly for the rest (《商业银行押品管理
/// 指引》, 银监发〔2017〕16号, on the frequency of revaluation).
fn default_terms(kind: CollateralKind) -> (i64, u32) {
    use CollateralKind as K;
    match kind {
        K::Property => (70, 12),
        K::Land => (60, 12),
        K::Equipment => (50, 6),
        K::Vehicle => (50, 6),
        K::Inventory => (60, 6),
        K::Receivables => (80, 6),
        K::Deposit => (90, 3),
        K::Equity => (50, 3),
        K::Ip => (30, 6),
    }
}

impl Default for SecuritySettings {
    fn default() -> Self {
        SecuritySettings {
            kinds: CollateralKind::ALL
                .iter()
                .map(|&kind| {
                    let (cap, months) = default_terms(kind);
                    KindTerms {
                        kind,
                        cap_percent: Decimal::from(cap),
                        revalue_months: months,
                    }
                })
                .collect(),
            expiry_days: 30,
            facility_expiry_days: 60,
        }
    }
}

impl SecuritySettings {
    fn terms(&self, kind: CollateralKind) -> KindTerms {
        self.kinds
            .iter()
            .find(|t| t.kind == kind)
            .cloned()
            .unwrap_or_else(|| {
                let (cap, months) = default_terms(kind);
                KindTerms {
                    kind,
                    cap_percent: Decimal::from(cap),
                    revalue_months: months,
                }
            })
    }

    pub fn cap_percent(&self, kind: CollateralKind) -> Decimal {
        self.terms(kind).cap_percent
    }

    pub fn revalue_months(&self, kind: CollateralKind) -> u32 {
        self.terms(kind).revalue_months
    }

    pub fn validate(&self) -> Result<()> {
        let each_once = self.kinds.len() == CollateralKind::ALL.len()
            && CollateralKind::ALL
                .iter()
                .all(|k| self.kinds.iter().filter(|t| t.kind == *k).count() == 1);
        if !each_once {
            return Err(Error::invalid("kinds", Rule::NotAllowed));
        }
        for t in &self.kinds {
            percent_bp("cap_percent", t.cap_percent)?;
            if t.revalue_months > 60 {
                return Err(Error::invalid(
                    "revalue_months",
                    Rule::Range {
                        min: "0".into(),
                        max: "60".into(),
                    },
                ));
            }
        }
        for (field, days) in [
            ("expiry_days", self.expiry_days),
            ("facility_expiry_days", self.facility_expiry_days),
        ] {
            if days > 366 {
                return Err(Error::invalid(
                    field,
                    Rule::Range {
                        min: "0".into(),
                        max: "366".into(),
                    },
                ));
            }
        }
        Ok(())
    }

    /// In the kinds' order, every kind present (a kind added later takes its default).
    fn complete(mut self) -> Self {
        self.kinds = CollateralKind::ALL.iter().map(|&k| self.terms(k)).collect();
        self
    }
}

impl Vault {
    pub fn security_settings(&self) -> Result<SecuritySettings> {
        let stored = self
            .setting(KEY)?
            .and_then(|json| serde_json::from_str::<SecuritySettings>(&json).ok())
            .map(SecuritySettings::complete)
            .filter(|s| s.validate().is_ok());
        Ok(stored.unwrap_or_default())
    }

    /// Nothing is stored when any value is refused.
    pub fn set_security_settings(&mut self, settings: &SecuritySettings) -> Result<()> {
        settings.validate()?;
        let json = serde_json::to_string(settings).map_err(|e| Error::Io(e.into()))?;
        self.set_setting(KEY, &json)
    }
}
