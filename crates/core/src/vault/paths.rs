//! Where vaults live by default: the OS's local (not roaming) app-data folder, shared by the
//! app and the CLI. `dirs::data_local_dir()` is what Tauri's `app_local_data_dir` is built on:
//! `%LOCALAPPDATA%` on Windows, `~/Library/Application Support` on macOS, `~/.local/share`
//! (or `$XDG_DATA_HOME`) on Linux.
use std::path::{Path, PathBuf};

/// Must equal `identifier` in src-tauri/tauri.conf.json (a test checks). Not ending in `.app`:
/// macOS would show a folder of that name as an application bundle.
pub const APP_IDENTIFIER: &str = "com.loandesk.desktop";
/// LoanDesk 0.1's identifier; its folder was in the roaming app-data folder on Windows, where
/// roaming profiles and folder redirection copy files behind a WAL database's back.
pub const LEGACY_IDENTIFIER: &str = "com.loandesk.app";
pub const VAULT_EXTENSION: &str = "loandesk";
/// The demo vault holds only invented companies, so its password is printed on screen.
pub const DEMO_PASSWORD: &str = "demo-loandesk";

pub fn app_data_dir() -> PathBuf {
    dirs::data_local_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
}

/// Where LoanDesk 0.1 kept its data (see `relocate`), if the OS has such a folder.
pub fn legacy_app_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(LEGACY_IDENTIFIER))
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
