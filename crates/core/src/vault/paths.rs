//! Where vaults live by default: the OS app-data folder, shared by the app and the CLI
//! (Tauri's app_data_dir is `<data dir>/<identifier>`).
use std::path::{Path, PathBuf};

pub const APP_IDENTIFIER: &str = "com.loandesk.app";
/// The demo vault holds only invented companies, so its password is printed on screen.
pub const DEMO_PASSWORD: &str = "demo-loandesk";

fn app_data_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
}

pub fn default_vault_path() -> PathBuf {
    app_data_dir().join("vault.loandesk")
}

pub fn default_demo_path() -> PathBuf {
    app_data_dir().join("demo.loandesk")
}

/// Scheduled backups and the copy taken before an upgrade go here unless the officer picks a
/// folder: a `backups` folder beside the vault.
pub fn default_backup_dir(vault: &Path) -> PathBuf {
    vault
        .parent()
        .map(|d| d.join("backups"))
        .unwrap_or_else(|| PathBuf::from("backups"))
}
