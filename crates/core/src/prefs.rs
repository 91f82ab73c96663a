//! App preferences that must be readable before unlock (language, which vault was last used).
//! Plain JSON beside the vault: nothing in here is client data.
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::amount::AmountUnit;
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum Language {
    #[serde(rename = "zh-CN")]
    Zh,
    #[serde(rename = "en")]
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum VaultChoice {
    Main,
    Demo,
}

/// The screens that show amounts in a unit of the officer's choosing (元, 万元, 亿元).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum AmountScreen {
    Board,
    Clients,
    Portfolio,
    Statements,
    Loans,
    /// The proposal and schedule PDFs.
    Pdf,
}

/// The unit each screen shows amounts in. Kept here, beside the language, rather than in the
/// vault: it is how this officer likes to read, not client data, and the same for every vault
/// on the laptop. Every screen starts in 元 until changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AmountUnits {
    pub board: AmountUnit,
    pub clients: AmountUnit,
    pub portfolio: AmountUnit,
    pub statements: AmountUnit,
    pub loans: AmountUnit,
    pub pdf: AmountUnit,
}

impl AmountUnits {
    pub fn get(&self, screen: AmountScreen) -> AmountUnit {
        match screen {
            AmountScreen::Board => self.board,
            AmountScreen::Clients => self.clients,
            AmountScreen::Portfolio => self.portfolio,
            AmountScreen::Statements => self.statements,
            AmountScreen::Loans => self.loans,
            AmountScreen::Pdf => self.pdf,
        }
    }

    pub fn set(&mut self, screen: AmountScreen, unit: AmountUnit) {
        let slot = match screen {
            AmountScreen::Board => &mut self.board,
            AmountScreen::Clients => &mut self.clients,
            AmountScreen::Portfolio => &mut self.portfolio,
            AmountScreen::Statements => &mut self.statements,
            AmountScreen::Loans => &mut self.loans,
            AmountScreen::Pdf => &mut self.pdf,
        };
        *slot = unit;
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Prefs {
    pub language: Language,
    pub last_vault: VaultChoice,
    /// Absent from files written before it: the defaults.
    #[serde(default)]
    pub layout: Layout,
    /// Absent from prefs written before units existed: every screen in 元 then.
    #[serde(default)]
    pub amount_units: AmountUnits,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            language: Language::Zh,
            last_vault: VaultChoice::Main,
            layout: Layout::default(),
            amount_units: AmountUnits::default(),
        }
    }
}

/// How the officer left the window (issue 19): the sidebar folded or open (None: as the
/// window's width suggests) and the sections of Today they opened or closed against their
/// default. Names of UI parts only, never client data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Layout {
    #[serde(default)]
    pub sidebar_collapsed: Option<bool>,
    #[serde(default)]
    pub today_toggled: Vec<String>,
}

impl Layout {
    const MAX_NAMES: usize = 64;
    const MAX_NAME_LEN: usize = 40;

    /// At most a few dozen short names, each once: what a UI sends is kept within bounds.
    pub fn cleaned(mut self) -> Layout {
        let mut seen = std::collections::HashSet::new();
        self.today_toggled.retain(|n| {
            !n.is_empty()
                && n.len() <= Self::MAX_NAME_LEN
                && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && seen.insert(n.clone())
        });
        self.today_toggled.truncate(Self::MAX_NAMES);
        self
    }
}

impl Prefs {
    /// Missing or unreadable prefs fall back to defaults: they are a convenience, not data.
    pub fn load(path: &Path) -> Prefs {
        std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, path: &Path) -> Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("tmp");
        std::fs::write(
            &tmp,
            serde_json::to_vec_pretty(self).map_err(|e| crate::Error::Io(e.into()))?,
        )?;
        std::fs::rename(tmp, path)?;
        Ok(())
    }
}

/// What the UI needs at start and after every lock/unlock.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppStatus {
    pub unlocked: bool,
    /// Which vault is open, or would be unlocked next.
    pub current: VaultChoice,
    pub vault_exists: bool,
    pub demo_exists: bool,
    pub vault_path: String,
    /// The demo vault holds invented companies only, so its password is shown on screen.
    pub demo_password: String,
    pub language: Language,
    pub auto_lock_minutes: u32,
    pub layout: Layout,
    pub amount_units: AmountUnits,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn prefs_written_before_the_layout_read_with_its_defaults() {
        let old = br#"{"language":"en","last_vault":"demo"}"#;
        let p: Prefs = serde_json::from_slice(old).unwrap();
        assert_eq!(p.language, Language::En);
        assert_eq!(p.layout, Layout::default());
    }

    #[test]
    fn a_layout_keeps_only_short_plain_names_once() {
        let layout = Layout {
            sidebar_collapsed: Some(true),
            today_toggled: vec![
                "recent".into(),
                "recent".into(),
                "".into(),
                "<script>".into(),
                "x".repeat(41),
                "ratio_alerts".into(),
            ],
        }
        .cleaned();
        assert_eq!(layout.today_toggled, ["recent", "ratio_alerts"]);
        assert_eq!(layout.sidebar_collapsed, Some(true));
        let many = Layout {
            sidebar_collapsed: None,
            today_toggled: (0..100).map(|i| format!("s{i}")).collect(),
        };
        assert_eq!(many.cleaned().today_toggled.len(), 64);
    }

    #[test]
    fn prefs_written_before_units_load_with_every_screen_in_yuan() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("prefs.json");
        std::fs::write(&path, r#"{"language":"en","last_vault":"demo"}"#).unwrap();
        let prefs = Prefs::load(&path);
        assert_eq!(prefs.language, Language::En);
        assert_eq!(prefs.amount_units, AmountUnits::default());
        assert_eq!(
            prefs.amount_units.get(AmountScreen::Portfolio),
            AmountUnit::Yuan
        );
    }

    #[test]
    fn a_chosen_unit_is_saved_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("prefs.json");
        let mut prefs = Prefs::default();
        prefs
            .amount_units
            .set(AmountScreen::Portfolio, AmountUnit::Yi);
        prefs.amount_units.set(AmountScreen::Pdf, AmountUnit::Wan);
        prefs.save(&path).unwrap();
        let back = Prefs::load(&path);
        assert_eq!(
            back.amount_units.get(AmountScreen::Portfolio),
            AmountUnit::Yi
        );
        assert_eq!(back.amount_units.get(AmountScreen::Pdf), AmountUnit::Wan);
        assert_eq!(back.amount_units.get(AmountScreen::Board), AmountUnit::Yuan);
        assert!(std::fs::read_to_string(&path)
            .unwrap()
            .contains("\"portfolio\": \"yi\""));
    }
}
