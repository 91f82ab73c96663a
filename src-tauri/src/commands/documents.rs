//! Documents on a client: import by file picker or by dropping files on the window, list,
//! preview, export a copy, archive, change kind; financial statements, the template, credit
//! ratios and their thresholds, the working-capital loan need. Paths never travel through the web view: Rust shows the dialogs
//! (`dialogs.rs`), and dropped files are held in state until imported.
use std::ops::ControlFlow;
use std::path::PathBuf;

use loandesk_core::analysis::{
    CreditAnalysis, Thresholds, WcNeed, WcNeedAssumptions, WcNeedFromStatements,
};
use loandesk_core::documents::{
    statement_template, DocumentKind, DocumentSummary, FailedImport, FileType, FinancialYear,
    ImportReport, StatementImport,
};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use super::dialogs;
use super::{payload, CmdResult};
use crate::state::AppState;

/// `import-progress`: file `index` (0-based) of `count`, `done` of `total` bytes stored.
#[derive(Clone, Serialize)]
struct Progress {
    file: String,
    index: usize,
    count: usize,
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
    let count = paths.len();
    for (index, path) in paths.into_iter().enumerate() {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Each file is its own transaction: one bad file does not undo the good ones.
        // A lock asked for meanwhile stops the import at the next chunk (1 MiB): the vault is
        // dropped then, so Ctrl+L never waits for a large file.
        let result = state.with_vault(|v| {
            v.import_document_file_with_progress(client_id, &path, kind, &mut |done, total| {
                let _ = app.emit(
                    "import-progress",
                    Progress {
                        file: name.clone(),
                        index,
                        count,
                        done,
                        total,
                    },
                );
                if state.lock_requested() {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
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
#[tracing::instrument(skip_all)]
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
#[tracing::instrument(skip_all)]
pub fn documents_import_pick(
    app: AppHandle,
    state: State<'_, AppState>,
    client_id: i64,
    kind: Option<DocumentKind>,
) -> CmdResult<ImportReport> {
    let paths = dialogs::pick_files(&app);
    import_paths(&app, &state, client_id, paths, kind)
}

/// Imports the files last dropped on the window (announced by the `files-dropped` event).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
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
#[tracing::instrument(skip_all)]
pub fn document_export_pick(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> CmdResult<Option<String>> {
    let doc = state.with_vault(|v| v.document(id)).map_err(payload)?;
    let Some(path) = dialogs::save_as(&app, &doc.file_name, dialogs::SaveKind::Export) else {
        return Ok(None);
    };
    state
        .with_vault(|v| v.export_document(id, &path))
        .map_err(payload)?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
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
#[tracing::instrument(skip_all)]
pub fn statement_import_pick(
    app: AppHandle,
    state: State<'_, AppState>,
    client_id: i64,
) -> CmdResult<Option<StatementImport>> {
    let Some(path) = dialogs::pick_statement(&app) else {
        return Ok(None);
    };
    state
        .with_vault(|v| v.import_statement_file(client_id, &path))
        .map(Some)
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn credit_analysis(state: State<'_, AppState>, client_id: i64) -> CmdResult<CreditAnalysis> {
    state
        .with_vault(|v| v.credit_analysis(client_id))
        .map_err(payload)
}

/// What the client's latest statements give the working-capital need (revenue, margin, the
/// five turnover days, own funds), to prefill the form; None without a statement.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn wc_need_from_statements(
    state: State<'_, AppState>,
    client_id: i64,
) -> CmdResult<Option<WcNeedFromStatements>> {
    state
        .with_vault(|v| v.wc_need_from_statements(client_id))
        .map_err(payload)
}

/// The need on the client's statements and the assumptions as typed; nothing is stored.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn wc_need_preview(
    state: State<'_, AppState>,
    client_id: i64,
    assumptions: WcNeedAssumptions,
) -> CmdResult<WcNeed> {
    state
        .with_vault(|v| v.client_wc_need(client_id, &assumptions))
        .map_err(payload)
}

/// Stores the assumptions (the proposal PDF computes from them); refused ones store nothing.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn wc_need_save(
    state: State<'_, AppState>,
    client_id: i64,
    assumptions: WcNeedAssumptions,
) -> CmdResult<WcNeed> {
    state
        .with_vault(|v| v.save_wc_need_assumptions(client_id, &assumptions))
        .map_err(payload)
}

/// The assumptions last saved for the client; None when never saved.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn wc_need_saved(
    state: State<'_, AppState>,
    client_id: i64,
) -> CmdResult<Option<WcNeedAssumptions>> {
    state
        .with_vault(|v| v.wc_need_assumptions(client_id))
        .map_err(payload)
}

/// The bytes of a PDF or image for the in-app preview, as a raw binary response (no JSON array
/// of numbers). The core refuses other types and anything over its preview size cap.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn document_preview(state: State<'_, AppState>, id: i64) -> CmdResult<tauri::ipc::Response> {
    let (_, bytes) = state
        .with_vault(|v| v.document_preview(id))
        .map_err(payload)?;
    Ok(tauri::ipc::Response::new(bytes))
}

/// The officer corrects the kind the import suggested.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn document_set_kind(
    state: State<'_, AppState>,
    id: i64,
    kind: DocumentKind,
) -> CmdResult<DocumentSummary> {
    state
        .with_vault(|v| v.set_document_kind(id, kind))
        .map_err(payload)
}

/// Saves the statement template (XLSX or CSV, Chinese and English labels) where the officer
/// chooses, to hand to a client; Ok(None) when the dialog was cancelled.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn statement_template_save(app: AppHandle, file_type: FileType) -> CmdResult<Option<String>> {
    let ext = if file_type == FileType::Xlsx {
        "xlsx"
    } else {
        "csv"
    };
    let name = format!("财务报表模板 Financial statements template.{ext}");
    let path = dialogs::export_bytes(&app, &name, statement_template(file_type))?;
    Ok(path.map(|p| p.display().to_string()))
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn credit_thresholds_get(state: State<'_, AppState>) -> CmdResult<Thresholds> {
    state.with_vault(|v| v.credit_thresholds()).map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn credit_thresholds_set(state: State<'_, AppState>, thresholds: Thresholds) -> CmdResult<()> {
    state
        .with_vault(|v| v.set_credit_thresholds(&thresholds))
        .map_err(payload)
}

/// The client's stored statement figures, latest year first.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn financial_years(
    state: State<'_, AppState>,
    client_id: i64,
) -> CmdResult<Vec<FinancialYear>> {
    state
        .with_vault(|v| v.financial_years(client_id))
        .map_err(payload)
}

/// Largest file an import accepts, in bytes (default 50 MB).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn document_size_limit_get(state: State<'_, AppState>) -> CmdResult<u64> {
    state
        .with_vault(|v| v.document_size_limit())
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn document_size_limit_set(state: State<'_, AppState>, bytes: u64) -> CmdResult<()> {
    state
        .with_vault(|v| v.set_document_size_limit(bytes))
        .map_err(payload)
}
