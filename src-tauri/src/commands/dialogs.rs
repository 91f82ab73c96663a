//! Native file dialogs, shown by Rust (the web view never gets a path), and the one way an
//! export reaches the disk. WebDriver cannot click a native dialog, so end-to-end tests answer
//! them through the environment, and only when these variables are set:
//! - `LOANDESK_EXPORT_DIR`: a save dialog answers `<dir>/<suggested name>`;
//! - `LOANDESK_BACKUP_DIR`: the same for backups (see `backup.rs`);
//! - `LOANDESK_IMPORT_FILES`: the documents picker answers these paths, separated as in `PATH`
//!   (`:` on Linux and macOS, `;` on Windows);
//! - `LOANDESK_STATEMENT_FILE`: the statement picker answers this path;
//! - `LOANDESK_MODEL_FILE`: the project model's XLSX picker answers this path;
//! - `LOANDESK_SCAN_FILE`: the OCR picker (licence photo, scanned statement) answers this path.
//! - `LOANDESK_CLIENT_LIST_FILE`: the client-list import picker answers this path.
use std::path::{Path, PathBuf};

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use super::{payload, CmdResult};

/// Several files to import; empty when the officer cancelled.
pub fn pick_files(app: &AppHandle) -> Vec<PathBuf> {
    if let Some(list) = std::env::var_os("LOANDESK_IMPORT_FILES") {
        return std::env::split_paths(&list).collect();
    }
    app.dialog()
        .file()
        .blocking_pick_files()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .collect()
}

/// One spreadsheet (the statement template's types).
pub fn pick_statement(app: &AppHandle) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("LOANDESK_STATEMENT_FILE") {
        return Some(PathBuf::from(path));
    }
    app.dialog()
        .file()
        .add_filter("XLSX / XLS / CSV", &["xlsx", "xls", "csv"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// The officer's client list to import (XLSX, XLS or CSV).
pub fn pick_client_list(app: &AppHandle) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("LOANDESK_CLIENT_LIST_FILE") {
        return Some(PathBuf::from(path));
    }
    app.dialog()
        .file()
        .add_filter("XLSX / XLS / CSV", &["xlsx", "xls", "csv"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// One XLSX workbook (the project model's template, filled in).
pub fn pick_model(app: &AppHandle) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("LOANDESK_MODEL_FILE") {
        return Some(PathBuf::from(path));
    }
    app.dialog()
        .file()
        .add_filter("XLSX", &["xlsx"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// One photo or scan to read by OCR: PNG, JPEG, TIFF or a scanned PDF.
pub fn pick_scan(app: &AppHandle) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("LOANDESK_SCAN_FILE") {
        return Some(PathBuf::from(path));
    }
    app.dialog()
        .file()
        .add_filter(
            "PNG / JPEG / TIFF / PDF",
            &["png", "jpg", "jpeg", "tif", "tiff", "pdf"],
        )
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// One CSV file (the LPR table). `LOANDESK_CSV_FILE` answers it in the end-to-end tests.
pub fn pick_csv(app: &AppHandle) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("LOANDESK_CSV_FILE") {
        return Some(PathBuf::from(path));
    }
    app.dialog()
        .file()
        .add_filter("CSV", &["csv"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// What a save dialog is for: which test variable answers it.
#[derive(Clone, Copy)]
pub enum SaveKind {
    Export,
    Backup,
}

/// Where to save a file suggested as `name` (filtered by its extension); None when the officer
/// cancelled. The OS dialog has already asked "replace?" when the officer picked an existing
/// file, so whatever writes there next replaces it.
pub fn save_as(app: &AppHandle, name: &str, kind: SaveKind) -> Option<PathBuf> {
    let env = match kind {
        SaveKind::Export => "LOANDESK_EXPORT_DIR",
        SaveKind::Backup => "LOANDESK_BACKUP_DIR",
    };
    if let Some(dir) = std::env::var_os(env) {
        return Some(PathBuf::from(dir).join(name));
    }
    let mut dialog = app.dialog().file().set_file_name(name);
    if let Some(ext) = Path::new(name).extension().and_then(|e| e.to_str()) {
        dialog = dialog.add_filter(ext.to_uppercase(), &[ext]);
    }
    dialog.blocking_save_file().and_then(|p| p.into_path().ok())
}

/// Asks where, then writes `bytes` there atomically (a reader never sees half a file; a file
/// another program holds open is a clear `file_in_use`). The path, or None when cancelled.
pub fn export_bytes(app: &AppHandle, name: &str, bytes: &[u8]) -> CmdResult<Option<PathBuf>> {
    let Some(path) = save_as(app, name, SaveKind::Export) else {
        return Ok(None);
    };
    loandesk_core::files::write_atomic(&path, bytes).map_err(payload)?;
    Ok(Some(path))
}
