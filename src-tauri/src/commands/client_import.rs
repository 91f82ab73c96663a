//! Bulk import of the officer's client list: pick a file and preview it (nothing stored), store
//! the rows the officer confirmed (one transaction), and save the template to fill in.
use loandesk_core::clients::{
    import_template_xlsx, ClientInput, ImportPreview, ImportResult, IMPORT_TEMPLATE_CSV,
};
use loandesk_core::documents::FileType;
use tauri::{AppHandle, State};

use super::{dialogs, payload, CmdResult};
use crate::state::AppState;

/// The picked file's rows, each with its problems; None when the officer cancelled.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn clients_import_pick(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CmdResult<Option<ImportPreview>> {
    let Some(path) = dialogs::pick_client_list(&app) else {
        return Ok(None);
    };
    state
        .with_vault(|v| v.preview_import_file(&path))
        .map(Some)
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn clients_import_commit(
    state: State<'_, AppState>,
    rows: Vec<ClientInput>,
) -> CmdResult<ImportResult> {
    state
        .with_vault(|v| v.import_clients(&rows, chrono::Local::now().date_naive()))
        .map_err(payload)
}

/// Saves the template where the officer chooses; the path, or None when cancelled.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn clients_import_template_save(
    app: AppHandle,
    file_type: FileType,
) -> CmdResult<Option<String>> {
    let (ext, bytes) = if file_type == FileType::Xlsx {
        ("xlsx", import_template_xlsx().map_err(payload)?)
    } else {
        ("csv", IMPORT_TEMPLATE_CSV.as_bytes().to_vec())
    };
    let name = format!("客户名单模板 Client list template.{ext}");
    let path = dialogs::export_bytes(&app, &name, &bytes)?;
    Ok(path.map(|p| p.display().to_string()))
}
