//! Settings behind the feedback loop: the bank's own problem categories beside the defaults,
//! and how many days an open problem waits before it is on Today.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ProblemCategory;
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::Vault;

const KEY: &str = "feedback_settings";
const MAX_CUSTOM: usize = 30;
const MAX_CATEGORY_CHARS: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FeedbackSettings {
    /// Categories added to the defaults, each its own key and label (e.g. "抵押登记慢").
    #[serde(default)]
    pub custom_categories: Vec<String>,
    /// An open problem this many days old is on Today.
    pub open_problem_days: u32,
}

impl Default for FeedbackSettings {
    fn default() -> Self {
        FeedbackSettings {
            custom_categories: Vec::new(),
            open_problem_days: 7,
        }
    }
}

impl FeedbackSettings {
    pub fn validate(&self) -> Result<()> {
        if self.custom_categories.len() > MAX_CUSTOM {
            return Err(Error::invalid(
                "custom_categories",
                Rule::TooMany(MAX_CUSTOM),
            ));
        }
        for (i, c) in self.custom_categories.iter().enumerate() {
            let c = c.trim();
            if c.is_empty() {
                return Err(Error::invalid("custom_categories", Rule::Required));
            }
            if c.chars().count() > MAX_CATEGORY_CHARS {
                return Err(Error::invalid(
                    "custom_categories",
                    Rule::MaxChars(MAX_CATEGORY_CHARS),
                ));
            }
            // ':' (or '：') separates the category from the text on the command line.
            let twice = self.custom_categories[..i].iter().any(|o| o.trim() == c);
            let default = FeedbackSettings::default().category(c).is_some();
            if c.contains([':', '：']) || twice || default {
                return Err(Error::invalid("custom_categories", Rule::NotAllowed));
            }
        }
        if self.open_problem_days == 0 || self.open_problem_days > 366 {
            return Err(Error::invalid(
                "open_problem_days",
                Rule::Range {
                    min: "1".into(),
                    max: "366".into(),
                },
            ));
        }
        Ok(())
    }

    /// The stored key of a category given as a default's key or label (`slow_approval`,
    /// `审批慢`, `Slow approval`) or a custom one; None: unknown.
    pub fn category(&self, given: &str) -> Option<String> {
        let given = given.trim();
        ProblemCategory::parse(given)
            .or_else(|| {
                ProblemCategory::ALL.iter().copied().find(|c| {
                    let t = c.text();
                    t.zh == given || t.en.eq_ignore_ascii_case(given)
                })
            })
            .map(|c| c.as_str().to_owned())
            .or_else(|| {
                self.custom_categories
                    .iter()
                    .find(|c| c.trim() == given)
                    .map(|c| c.trim().to_owned())
            })
    }
}

impl Vault {
    pub fn feedback_settings(&self) -> Result<FeedbackSettings> {
        let stored = self
            .setting(KEY)?
            .and_then(|json| serde_json::from_str::<FeedbackSettings>(&json).ok())
            .filter(|s| s.validate().is_ok());
        Ok(stored.unwrap_or_default())
    }

    /// Nothing is stored when any value is refused.
    pub fn set_feedback_settings(&mut self, settings: &FeedbackSettings) -> Result<()> {
        settings.validate()?;
        let mut settings = settings.clone();
        for c in &mut settings.custom_categories {
            *c = c.trim().to_owned();
        }
        let json = serde_json::to_string(&settings).map_err(|e| Error::Io(e.into()))?;
        self.set_setting(KEY, &json)
    }
}
