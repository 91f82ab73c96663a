//! Documents on a client: import by file picker or by dropping files on the window, list,
//! export a copy, archive; financial statements and credit ratios. Paths never travel through
//! the web view: Rust shows the dialogs, and dropped files are held in state until imported.
use std::path::PathBuf;

use loandesk_core::analysis::CreditAnalysis;
use loandesk_core::documents::{
    DocumentKind, DocumentSummary, FailedImport, ImportReport, StatementImport,
};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_dialog::DialogExt;

use super::{payload, CmdResult};
use crate::state::AppState;

#[derive(Clone, Serialize)]
struct Progress {
    file: String,
    done: u64,
    total: u64,
}

fn import_paths(
    app: &AppHandle,
    state: &AppState,
    client_id: i64,
    paths: Vec<PathBuf>,
    kind: Option<DocumentKind>,
) -> CmdResult<ImportReport> {
    let mut report = ImportReport {
        imported: Vec::new(),
        failed: Vec::new(),
    };
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Each file is its own transaction: one bad file does not undo the good ones.
        let result = state.with_vault(|v| {
            v.import_document_file_with_progress(client_id, &path, kind, &mut |done, total| {
                let _ = app.emit(
                    "import-progress",
                    Progress {
                        file: name.clone(),
                        done,
                        total,
                    },
                );
            })
        });
        match result {
            Ok(doc) => report.imported.push(doc),
            Err(loandesk_core::Error::Locked) => return Err(payload(loandesk_core::Error::Locked)),
            Err(e) => report.failed.push(FailedImport {
                name,
                error: e.to_payload(),
            }),
        }
    }
    Ok(report)
}

#[tauri::command(async)]
pub fn documents_list(
    state: State<'_, AppState>,
    client_id: i64,
    include_archived: bool,
) -> CmdResult<Vec<DocumentSummary>> {
    state
        .with_vault(|v| v.list_documents(client_id, include_archived))
        .map_err(payload)
}

/// Opens the file picker (several files at once) and imports what the officer chose.
#[tauri::command(async)]
pub fn documents_import_pick(
    app: AppHandle,
    state: State<'_, AppState>,
    client_id: i64,
    kind: Option<DocumentKind>,
) -> CmdResult<ImportReport> {
    let picked = app
        .dialog()
        .file()
        .blocking_pick_files()
        .unwrap_or_default();
    let paths = picked
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .collect();
    import_paths(&app, &state, client_id, paths, kind)
}

/// Imports the files last dropped on the window (announced by the `files-dropped` event).
#[tauri::command(async)]
pub fn documents_import_dropped(
    app: AppHandle,
    state: State<'_, AppState>,
    client_id: i64,
    kind: Option<DocumentKind>,
) -> CmdResult<ImportReport> {
    let paths = state.take_dropped();
    import_paths(&app, &state, client_id, paths, kind)
}

/// Saves a copy where the officer chooses; Ok(None) when the dialog was cancelled.
#[tauri::command(async)]
pub fn document_export_pick(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> CmdResult<Option<String>> {
    let doc = state.with_vault(|v| v.document(id)).map_err(payload)?;
    let Some(path) = app
        .dialog()
        .file()
        .set_file_name(&doc.file_name)
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let path = path
        .into_path()
        .map_err(|e| payload(std::io::Error::other(e.to_string()).into()))?;
    state
        .with_vault(|v| v.export_document(id, &path))
        .map_err(payload)?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command(async)]
pub fn document_archive(state: State<'_, AppState>, id: i64, archived: bool) -> CmdResult<()> {
    state
        .with_vault(|v| {
            if archived {
                v.archive_document(id)
            } else {
                v.restore_document(id)
            }
        })
        .map_err(payload)
}

/// Picks a financial statement spreadsheet (XLSX/CSV template) and stores its figures.
#[tauri::command(async)]
pub fn statement_import_pick(
    app: AppHandle,
    state: State<'_, AppState>,
    client_id: i64,
) -> CmdResult<Option<StatementImport>> {
    let Some(path) = app
        .dialog()
        .file()
        .add_filter("XLSX / CSV", &["xlsx", "csv"])
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let path = path
        .into_path()
        .map_err(|e| payload(std::io::Error::other(e.to_string()).into()))?;
    state
        .with_vault(|v| v.import_statement_file(client_id, &path))
        .map(Some)
        .map_err(payload)
}

#[tauri::command(async)]
pub fn credit_analysis(state: State<'_, AppState>, client_id: i64) -> CmdResult<CreditAnalysis> {
    state
        .with_vault(|v| v.credit_analysis(client_id))
        .map_err(payload)
}
