//! How long a quiet client waits before it is suggested dormant, per tier (陪伴式: the closer
//! the relationship, the sooner silence matters), and how early a maturing loan is on Today.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clients::Tier;
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::Vault;

const KEY: &str = "lifecycle_settings";
const MAX_DAYS: u32 = 3_650;

/// Days without a touchpoint after which a client with no active loan is suggested dormant;
/// contact within them is "recent" (a dormant client becomes active again).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DormantDays {
    #[serde(rename = "A")]
    pub a: u32,
    #[serde(rename = "B")]
    pub b: u32,
    #[serde(rename = "C")]
    pub c: u32,
}

impl DormantDays {
    pub fn of(self, tier: Tier) -> u32 {
        match tier {
            Tier::A => self.a,
            Tier::B => self.b,
            Tier::C => self.c,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LifecycleSettings {
    pub dormant_days: DormantDays,
    /// A loan maturing within this many days is on Today as due for renewal (续贷).
    pub renewal_days: u32,
}

impl Default for LifecycleSettings {
    /// About four times each tier's follow-up cadence (14 / 30 / 90 days), and a quarter's
    /// notice before maturity, the time a renewal's approval takes.
    fn default() -> Self {
        LifecycleSettings {
            dormant_days: DormantDays {
                a: 60,
                b: 120,
                c: 365,
            },
            renewal_days: 90,
        }
    }
}

impl LifecycleSettings {
    pub fn validate(&self) -> Result<()> {
        let range = || Rule::Range {
            min: "1".into(),
            max: MAX_DAYS.to_string(),
        };
        for tier in Tier::ALL {
            if !(1..=MAX_DAYS).contains(&self.dormant_days.of(*tier)) {
                return Err(Error::invalid("dormant_days", range()));
            }
        }
        if !(1..=MAX_DAYS).contains(&self.renewal_days) {
            return Err(Error::invalid("renewal_days", range()));
        }
        Ok(())
    }

    /// The longest quiet spell that still counts as recent, whatever the tier.
    pub(super) fn shortest_dormant_days(&self) -> u32 {
        Tier::ALL
            .iter()
            .map(|t| self.dormant_days.of(*t))
            .min()
            .unwrap_or(self.dormant_days.a)
    }
}

impl Vault {
    pub fn lifecycle_settings(&self) -> Result<LifecycleSettings> {
        let stored = self
            .setting(KEY)?
            .and_then(|json| serde_json::from_str::<LifecycleSettings>(&json).ok())
            .filter(|s| s.validate().is_ok());
        Ok(stored.unwrap_or_default())
    }

    /// Nothing is stored when any value is refused.
    pub fn set_lifecycle_settings(&mut self, settings: &LifecycleSettings) -> Result<()> {
        settings.validate()?;
        let json = serde_json::to_string(settings).map_err(|e| Error::Io(e.into()))?;
        self.set_setting(KEY, &json)
    }
}
