//! Every domain label and message the core owns, in Chinese and English, as one catalogue.
//!
//! The core prints them (PDFs, CLI exports, error messages) and the UI imports the very same
//! catalogue from `ui/src/bindings.ts` (generated, see `bindings.rs`) into its i18next
//! messages, so a label is written once and the UI has no copy that could drift from it.
//! Each text stays beside the type it names (document kinds in `documents/kind.rs`, stages in
//! `journey/stages.rs`, ...); this module only gathers them.
use std::collections::BTreeMap;

use crate::amount::AmountUnit;
use crate::analysis::{BalanceBasis, RatioGroup, RatioKind, RatioUnit, WcNeedWarning};
use crate::documents::{DocumentKind, StatementLine};
use crate::error_code::ErrorCode;
use crate::feedback::{Mood, ProblemCategory};
use crate::journey::{STAGES, STAGES_SHORT};
use crate::lifecycle::SuggestionReason;
use crate::loans::LprTenor;
use crate::prefs::Language;
use crate::project_finance::{
    CapitalCategory, DrawTimingKey, DsraFunding, ModelWarning, Repayment, SensitivityKind,
};
use crate::rule::RuleCode;
use crate::security::{
    CollateralKind, CoverageBand, FacilityUseKind, GuaranteeKind, GuarantorParty,
};
use crate::servicing::{
    AgeBucket, AllocationPart, Classification, PenaltyBasis, PrepayMode, Reprice,
};

/// One label in both languages. Placeholders are written `{{name}}`, the UI's i18next syntax,
/// so the same template serves the UI and the core ([`fill`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(zh: &'static str, en: &'static str) -> Self {
        Text { zh, en }
    }

    pub fn get(self, lang: Language) -> &'static str {
        match lang {
            Language::Zh => self.zh,
            Language::En => self.en,
        }
    }
}

impl From<crate::pdf::Lang> for Language {
    fn from(lang: crate::pdf::Lang) -> Self {
        match lang {
            crate::pdf::Lang::Zh => Language::Zh,
            crate::pdf::Lang::En => Language::En,
        }
    }
}

/// `template` with each `{{name}}` replaced by `params[name]`; an unknown name stays as written.
pub fn fill(template: &str, params: &BTreeMap<String, String>) -> String {
    params.iter().fold(template.to_owned(), |text, (k, v)| {
        text.replace(&format!("{{{{{k}}}}}"), v)
    })
}

/// The names of the `{{placeholders}}` in a template, sorted.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split("{{")
        .skip(1)
        .filter_map(|rest| rest.split_once("}}").map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// One namespace of the catalogue (`docKind`, `stage`, ...), its entries in display order.
pub struct Section {
    pub name: &'static str,
    pub entries: Vec<(String, Text)>,
}

fn section<K: ToString>(name: &'static str, entries: impl Iterator<Item = (K, Text)>) -> Section {
    Section {
        name,
        entries: entries.map(|(k, t)| (k.to_string(), t)).collect(),
    }
}

/// Everything the UI shows that the core defines. The UI looks a label up as
/// `<section>.<key>` (e.g. `docKind.business-licence`, `error.wrong_password`, `rule.range`).
pub fn catalogue() -> Vec<Section> {
    vec![
        section(
            "stage",
            STAGES.iter().map(|&(n, zh, en)| (n, Text::new(zh, en))),
        ),
        section("industry", crate::clients::industry::catalogue()),
        section(
            "importColumn",
            crate::clients::ImportColumn::ALL
                .iter()
                .map(|c| (c.as_str(), c.text())),
        ),
        section(
            "stageShort",
            STAGES_SHORT
                .iter()
                .map(|&(n, zh, en)| (n, Text::new(zh, en))),
        ),
        section(
            "docKind",
            DocumentKind::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "statementLine",
            StatementLine::all().map(|l| (l.as_str(), l.text())),
        ),
        section(
            "classification",
            Classification::ALL.iter().map(|c| (c.as_str(), c.text())),
        ),
        section(
            "ageBucket",
            AgeBucket::ALL.iter().map(|b| (b.as_str(), b.text())),
        ),
        section(
            "lprTenor",
            LprTenor::ALL.iter().map(|t| (t.as_str(), t.text())),
        ),
        section(
            "prepayMode",
            PrepayMode::ALL.iter().map(|m| (m.as_str(), m.text())),
        ),
        section(
            "allocationPart",
            AllocationPart::ALL.iter().map(|p| (p.as_str(), p.text())),
        ),
        section(
            "penaltyBasis",
            PenaltyBasis::ALL.iter().map(|b| (b.as_str(), b.text())),
        ),
        section(
            "reprice",
            Reprice::ALL.iter().map(|r| (r.as_str(), r.text())),
        ),
        section(
            "collateralKind",
            CollateralKind::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "facilityUse",
            FacilityUseKind::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "guaranteeKind",
            GuaranteeKind::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "guarantorParty",
            GuarantorParty::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "coverageBand",
            CoverageBand::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "ratioKind",
            RatioKind::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "ratioGroup",
            RatioGroup::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "ratioUnit",
            RatioUnit::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "balanceBasis",
            BalanceBasis::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "wcNeedWarning",
            WcNeedWarning::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "repayment",
            Repayment::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "dsraFunding",
            DsraFunding::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "drawTiming",
            DrawTimingKey::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "capitalCategory",
            CapitalCategory::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "sensitivityKind",
            SensitivityKind::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "modelWarning",
            ModelWarning::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "licenceField",
            crate::ocr::review::LicenceField::ALL
                .iter()
                .map(|k| (k.as_str(), k.text())),
        ),
        section(
            "amountUnit",
            AmountUnit::ALL.iter().map(|u| (u.as_str(), u.text())),
        ),
        section(
            "amountScale",
            AmountUnit::ALL
                .iter()
                .filter_map(|u| u.scale_text().map(|t| (u.as_str(), t))),
        ),
        section("mood", Mood::ALL.iter().map(|k| (k.as_str(), k.text()))),
        section(
            "problemCategory",
            ProblemCategory::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "suggestionReason",
            SuggestionReason::ALL.iter().map(|k| (k.as_str(), k.text())),
        ),
        section(
            "error",
            ErrorCode::ALL.iter().map(|c| (c.as_str(), c.text())),
        ),
        section("rule", RuleCode::ALL.iter().map(|r| (r.as_str(), r.text()))),
    ]
}

/// The catalogue as a TypeScript constant, `{ "zh-CN": { section: { key: text } }, en: ... }`,
/// in the catalogue's order (JSON maps would sort it).
pub(crate) fn typescript() -> String {
    let sections = catalogue();
    let json = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut out = String::from(
        "/** Every label and message the core defines (crates/core/src/labels.rs), by language. */\n\
         export const CATALOGUE = {\n",
    );
    for (lang, name) in [(Language::Zh, "zh-CN"), (Language::En, "en")] {
        out.push_str(&format!("  {}: {{\n", json(name)));
        for s in &sections {
            out.push_str(&format!("    {}: {{\n", json(s.name)));
            for (key, text) in &s.entries {
                out.push_str(&format!("      {}: {},\n", json(key), json(text.get(lang))));
            }
            out.push_str("    },\n");
        }
        out.push_str("  },\n");
    }
    out.push_str("};\n");
    out
}

/// A fieldless enum of stable snake_case codes with its `ALL` list and `as_str`, from one list,
/// so a code cannot be added without being listed (and, by `text`'s match, translated).
macro_rules! codes {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, ts_rs::TS)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)*
                }
            }

            pub fn parse(s: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|c| c.as_str() == s)
            }
        }
    };
}
pub(crate) use codes;

/// A domain enum whose every value has a stable key and a label in both languages, written
/// once: `Variant = "key" => ("中文", "English")`.
macro_rules! labelled {
    ($(#[$meta:meta])* pub enum $name:ident {
        $($(#[$vmeta:meta])* $variant:ident = $key:literal => ($zh:literal, $en:literal),)*
    }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, ts_rs::TS,
        )]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $key)] $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)*
                }
            }

            pub fn parse(s: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|c| c.as_str() == s.trim())
            }

            pub fn text(self) -> $crate::labels::Text {
                match self {
                    $($name::$variant => $crate::labels::Text::new($zh, $en),)*
                }
            }
        }
    };
}
pub(crate) use labelled;

#[cfg(test)]
mod tests {
    use super::*;

    fn has_han(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_label_has_both_languages_with_the_same_placeholders() {
        let mut missing = Vec::new();
        for s in catalogue() {
            assert!(!s.entries.is_empty(), "{}", s.name);
            let mut keys: Vec<&str> = s.entries.iter().map(|(k, _)| k.as_str()).collect();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), s.entries.len(), "{}: a key twice", s.name);
            for (key, t) in &s.entries {
                let name = format!("{}.{key}", s.name);
                if t.zh.trim().is_empty() || !has_han(t.zh) {
                    missing.push(format!("{name} (zh)"));
                }
                if t.en.trim().is_empty() || has_han(t.en) {
                    missing.push(format!("{name} (en)"));
                }
                assert_eq!(placeholders(t.zh), placeholders(t.en), "{name}");
            }
        }
        assert_eq!(missing, Vec::<String>::new());
    }

    #[test]
    fn fill_replaces_known_placeholders_only() {
        let params = BTreeMap::from([("n".to_string(), "7".to_string())]);
        assert_eq!(fill("至少 {{n}} 个，{{m}}", &params), "至少 7 个，{{m}}");
        assert_eq!(placeholders("{{b}} {{a}} {{b}}"), vec!["a", "b"]);
    }

    #[test]
    fn the_typescript_constant_lists_both_languages_in_order() {
        let ts = typescript();
        let zh = ts.find("\"zh-CN\": {").unwrap_or(usize::MAX);
        let en = ts.find("\"en\": {").unwrap_or(0);
        assert!(zh < en, "{ts}");
        let first = ts.find("\"application-form\"").unwrap_or(usize::MAX);
        let last = ts.find("\"other\": \"其他\"").unwrap_or(0);
        assert!(first < last);
    }
}
