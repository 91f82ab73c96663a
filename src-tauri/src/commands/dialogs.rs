//! Native file dialogs for the document commands, shown by Rust (the web view never gets a
//! path). WebDriver cannot click a native dialog, so end-to-end tests answer them through the
//! environment, and only when these variables are set:
//! - `LOANDESK_EXPORT_DIR`: a save dialog answers `<dir>/<suggested name>` (as `pdf.rs` does);
//! - `LOANDESK_IMPORT_FILES`: the documents picker answers these paths, separated as in `PATH`
//!   (`:` on Linux and macOS, `;` on Windows);
//! - `LOANDESK_STATEMENT_FILE`: the statement picker answers this path.
use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

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

/// Where to save a file suggested as `name`; None when the officer cancelled.
pub fn save_as(app: &AppHandle, name: &str) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("LOANDESK_EXPORT_DIR") {
        return Some(PathBuf::from(dir).join(name));
    }
    let mut dialog = app.dialog().file().set_file_name(name);
    if let Some(ext) = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
    {
        dialog = dialog.add_filter(ext.to_uppercase(), &[ext]);
    }
    dialog.blocking_save_file().and_then(|p| p.into_path().ok())
}
