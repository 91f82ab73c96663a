//! A project-finance client's model (issue 17): computed as the officer types, saved with the
//! client, imported from the XLSX template (the path stays in Rust: Rust shows the dialog and
//! reads the file), the template saved; the 资本金 table of Settings. Thin wrappers: the model
//! and its rules are in the core.
use loandesk_core::prefs::Language;
use loandesk_core::project_finance::store::{self, CapitalMinimum};
use loandesk_core::project_finance::{self, xlsx, CapitalTable, ModelInput, ProjectModel};
use tauri::{AppHandle, State};

use super::dialogs;
use super::{payload, CmdResult};
use crate::state::AppState;

/// The UI names the language it shows: the saved preference may lag a switch just made.
fn lang_of(state: &AppState, lang: Option<Language>) -> Language {
    lang.unwrap_or(state.prefs().language)
}

/// The model of `input` against the vault's 资本金 table, nothing saved (the live preview).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn project_model_preview(
    state: State<'_, AppState>,
    input: ModelInput,
    lang: Option<Language>,
) -> CmdResult<ProjectModel> {
    let lang = lang_of(&state, lang);
    state
        .with_vault(|v| project_finance::model(&input, &v.capital_table()?, lang))
        .map_err(payload)
}

/// The client's saved inputs and the model they give today; None when none is saved.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn project_model_get(
    state: State<'_, AppState>,
    client_id: i64,
    lang: Option<Language>,
) -> CmdResult<Option<(ModelInput, ProjectModel)>> {
    let lang = lang_of(&state, lang);
    state
        .with_vault(|v| v.client_project_model(client_id, lang))
        .map_err(payload)
}

/// Saves the inputs once they compute (refused ones store nothing); the model they give.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn project_model_save(
    state: State<'_, AppState>,
    client_id: i64,
    input: ModelInput,
    lang: Option<Language>,
) -> CmdResult<ProjectModel> {
    let lang = lang_of(&state, lang);
    state
        .with_vault(|v| v.save_project_model(client_id, &input, lang))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn project_model_delete(state: State<'_, AppState>, client_id: i64) -> CmdResult<()> {
    state
        .with_vault(|v| v.delete_project_model(client_id))
        .map_err(payload)
}

/// The inputs of a filled-in template the officer picks (nothing saved: the form shows them
/// to check first); None when cancelled.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn project_model_import_pick(app: AppHandle) -> CmdResult<Option<ModelInput>> {
    let Some(path) = dialogs::pick_model(&app) else {
        return Ok(None);
    };
    store::read_input_file(&path).map(Some).map_err(payload)
}

/// Saves the XLSX template where the officer chooses; the path, or None when cancelled.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn project_model_template_save(app: AppHandle) -> CmdResult<Option<String>> {
    let name = "项目财务模型模板 Project model template.xlsx";
    let path = dialogs::export_bytes(&app, name, xlsx::template())?;
    Ok(path.map(|p| p.display().to_string()))
}

/// Every industry's minimum 资本金 share: 国发〔2015〕51号's and the one the bank applies.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn capital_table_get(state: State<'_, AppState>) -> CmdResult<Vec<CapitalMinimum>> {
    state
        .with_vault(|v| Ok(v.capital_table()?.minimums()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn capital_table_set(state: State<'_, AppState>, table: CapitalTable) -> CmdResult<()> {
    state
        .with_vault(|v| v.set_capital_table(&table))
        .map_err(payload)
}
