//! PDF export from the client page: Rust asks where to save (native dialog), writes the file,
//! and opens it in the system viewer when the officer asks. The web view never gets a path
//! it could write to.
use loandesk_core::pdf::{ExportKind, ExportRequest, ExportResult};
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use super::{dialogs, payload, CmdResult};
use crate::state::AppState;

fn suggested_name(kind: ExportKind, client: &str) -> String {
    let what = match kind {
        ExportKind::Schedule => "还款计划表",
        ExportKind::Proposal => "贷款方案建议书",
    };
    // Keep the suggestion a plain file name whatever the client is called.
    let client: String = client
        .chars()
        .filter(|c| !"/\\:*?\"<>|".contains(*c))
        .take(60)
        .collect();
    format!("{client}-{what}.pdf")
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    client_id: i64,
    request: ExportRequest,
    open_after: bool,
) -> CmdResult<ExportResult> {
    let today = chrono::Local::now().date_naive();
    // Render first: a client without a scenario is told so before any dialog appears.
    let (pdf, name) = state
        .with_vault(|v| {
            Ok((
                v.export_pdf(client_id, &request, today)?,
                v.client(client_id)?.fields.name,
            ))
        })
        .map_err(payload)?;
    let Some(path) = dialogs::export_bytes(&app, &suggested_name(request.kind, &name), &pdf.bytes)?
    else {
        return Ok(ExportResult {
            path: None,
            warnings: pdf.warnings,
        });
    };
    if open_after {
        // A missing viewer is not worth failing the export over: the file is saved.
        let _ = app.opener().open_path(path.to_string_lossy(), None::<&str>);
    }
    Ok(ExportResult {
        path: Some(path.display().to_string()),
        warnings: pdf.warnings,
    })
}
