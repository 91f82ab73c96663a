//! App preferences that must be readable before unlock (language, which vault was last used).
//! Plain JSON beside the vault: nothing in here is client data.
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Prefs {
    pub language: Language,
    pub last_vault: VaultChoice,
    /// Absent from files written before it: the defaults.
    #[serde(default)]
    pub layout: Layout,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            language: Language::Zh,
            last_vault: VaultChoice::Main,
            layout: Layout::default(),
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
}
