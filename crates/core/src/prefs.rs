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
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            language: Language::Zh,
            last_vault: VaultChoice::Main,
        }
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
}
