//! PDF export from the client page: Rust asks where to save (native dialog), writes the file,
//! and opens it in the system viewer when the officer asks. The web view never gets a path
//! it could write to.
use loandesk_core::amount::AmountUnit;
use loandesk_core::bank_profile::BankProfile;
use loandesk_core::pdf::{ExportKind, ExportRequest, ExportResult, Lang, PdfOutput};
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use super::{dialogs, payload, CmdResult};
use crate::state::AppState;

/// `<client>-贷款方案建议书-zh.pdf` / `<client>-loan-proposal-en.pdf`: the two languages of
/// one document never overwrite each other.
fn suggested_name(kind: ExportKind, client: &str, lang: Lang) -> String {
    let (what, suffix) = match (kind, lang) {
        (ExportKind::Schedule, Lang::Zh) => ("还款计划表", "zh"),
        (ExportKind::Proposal, Lang::Zh) => ("贷款方案建议书", "zh"),
        (ExportKind::Schedule, Lang::En) => ("repayment-schedule", "en"),
        (ExportKind::Proposal, Lang::En) => ("loan-proposal", "en"),
    };
    // Keep the suggestion a plain file name whatever the client is called.
    let client: String = client
        .chars()
        .filter(|c| !"/\\:*?\"<>|".contains(*c))
        .take(60)
        .collect();
    format!("{client}-{what}-{suffix}.pdf")
}

/// The bank, branch and officer printed on exports (Settings).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn bank_profile(state: State<'_, AppState>) -> CmdResult<BankProfile> {
    state.with_vault(|v| v.bank_profile()).map_err(payload)
}

/// Saves all four fields and returns them as stored (trimmed).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn set_bank_profile(
    state: State<'_, AppState>,
    profile: BankProfile,
) -> CmdResult<BankProfile> {
    state
        .with_vault(|v| v.set_bank_profile(&profile))
        .map_err(payload)
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
    save(
        &app,
        &suggested_name(request.kind, &name, request.lang),
        pdf,
        open_after,
    )
}

/// The booked loan's schedule as it stands (its current version) as a PDF for the client.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn export_loan_schedule(
    app: AppHandle,
    state: State<'_, AppState>,
    loan_id: i64,
    lang: loandesk_core::pdf::Lang,
    unit: Option<AmountUnit>,
    open_after: bool,
) -> CmdResult<ExportResult> {
    let today = chrono::Local::now().date_naive();
    let (pdf, name) = state
        .with_vault(|v| {
            let pdf = v.loan_schedule_pdf(loan_id, lang, unit, today)?;
            Ok((pdf, v.booked_loan(loan_id, today)?.client_name))
        })
        .map_err(payload)?;
    save(
        &app,
        &suggested_name(ExportKind::Schedule, &name, lang),
        pdf,
        open_after,
    )
}

/// Asks where to save, writes the PDF and opens it when the officer asked.
fn save(app: &AppHandle, name: &str, pdf: PdfOutput, open_after: bool) -> CmdResult<ExportResult> {
    let path = dialogs::export_bytes(app, name, &pdf.bytes)?;
    if let (Some(path), true) = (&path, open_after) {
        // A missing viewer is not worth failing the export over: the file is saved.
        let _ = app.opener().open_path(path.to_string_lossy(), None::<&str>);
    }
    Ok(ExportResult {
        path: path.map(|p| p.display().to_string()),
        warnings: pdf.warnings,
    })
}
