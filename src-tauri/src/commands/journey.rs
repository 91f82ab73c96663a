//! The client journey: checklist, stage gate, lifecycle, pipeline board, Today, funnel, the
//! journey map and its export, and the journey settings (templates, cadence, lost reasons).
use chrono::NaiveDate;
use loandesk_core::clients::ProductType;
use loandesk_core::feedback::{journey_map_csv, journey_map_xlsx, JourneyMap};
use loandesk_core::journey::{
    Board, BoardColumn, BoardQuery, Cadence, ChecklistItem, ChecklistTemplate, Funnel, JourneyView,
    LostReason, LostReasonInput, OneOffItemInput, StageMove, StatusInput, TemplateItemInput, Today,
    TodayQuery,
};
use tauri::{AppHandle, State};

use super::servicing::SheetFormat;
use super::{dialogs, payload, CmdResult};
use crate::state::AppState;

/// The shell is where the clock is read; the core takes "today" as input.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn journey_get(state: State<'_, AppState>, client_id: i64) -> CmdResult<JourneyView> {
    state
        .with_vault(|v| v.journey(client_id, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn checklist_set_done(
    state: State<'_, AppState>,
    client_id: i64,
    item_id: i64,
    done: bool,
) -> CmdResult<ChecklistItem> {
    state
        .with_vault(|v| v.set_item_done(client_id, item_id, done, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn checklist_set_note(
    state: State<'_, AppState>,
    client_id: i64,
    item_id: i64,
    note: String,
) -> CmdResult<ChecklistItem> {
    state
        .with_vault(|v| v.set_item_note(client_id, item_id, &note))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn checklist_set_received(
    state: State<'_, AppState>,
    client_id: i64,
    item_id: i64,
    received: bool,
) -> CmdResult<ChecklistItem> {
    state
        .with_vault(|v| v.set_document_received(client_id, item_id, received, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn checklist_add_item(
    state: State<'_, AppState>,
    client_id: i64,
    input: OneOffItemInput,
) -> CmdResult<ChecklistItem> {
    state
        .with_vault(|v| v.add_checklist_item(client_id, &input))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn checklist_remove_item(
    state: State<'_, AppState>,
    client_id: i64,
    item_id: i64,
) -> CmdResult<()> {
    state
        .with_vault(|v| v.remove_checklist_item(client_id, item_id))
        .map_err(payload)
}

/// Refused with `gate_refused` (and the open required items) unless `override_reason` is given.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn journey_advance(
    state: State<'_, AppState>,
    client_id: i64,
    override_reason: Option<String>,
) -> CmdResult<StageMove> {
    state
        .with_vault(|v| v.advance(client_id, today(), override_reason.as_deref()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn journey_move_back(
    state: State<'_, AppState>,
    client_id: i64,
    to_stage: u8,
    note: Option<String>,
) -> CmdResult<StageMove> {
    state
        .with_vault(|v| v.move_back(client_id, to_stage, today(), note.as_deref()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn client_set_status(
    state: State<'_, AppState>,
    client_id: i64,
    input: StatusInput,
) -> CmdResult<()> {
    state
        .with_vault(|v| v.set_status(client_id, &input, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn board_get(state: State<'_, AppState>, query: BoardQuery) -> CmdResult<Board> {
    state
        .with_vault(|v| v.board(&query, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn board_column(
    state: State<'_, AppState>,
    query: BoardQuery,
    stage: u8,
    offset: u32,
) -> CmdResult<BoardColumn> {
    state
        .with_vault(|v| v.board_column(&query, stage, offset, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn today_get(
    state: State<'_, AppState>,
    due_within_days: Option<u32>,
    limit: Option<u32>,
) -> CmdResult<Today> {
    let query = TodayQuery {
        today: today(),
        due_within_days,
        limit,
    };
    state
        .with_vault(|v| v.today_dashboard(&query))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn funnel_get(state: State<'_, AppState>, from: NaiveDate, to: NaiveDate) -> CmdResult<Funnel> {
    state.with_vault(|v| v.funnel(from, to)).map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn journey_map(
    state: State<'_, AppState>,
    from: NaiveDate,
    to: NaiveDate,
) -> CmdResult<JourneyMap> {
    state
        .with_vault(|v| v.journey_map(from, to))
        .map_err(payload)
}

/// The journey map as CSV or XLSX where the officer chooses (written here, not by the web view),
/// with its labels in the app's language; the path, or None when cancelled.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn journey_map_export(
    app: AppHandle,
    state: State<'_, AppState>,
    from: NaiveDate,
    to: NaiveDate,
    format: SheetFormat,
) -> CmdResult<Option<String>> {
    let m = state
        .with_vault(|v| v.journey_map(from, to))
        .map_err(payload)?;
    let lang = state.prefs().language;
    let (extension, bytes) = match format {
        SheetFormat::Csv => ("csv", journey_map_csv(&m, lang).into_bytes()),
        SheetFormat::Xlsx => ("xlsx", journey_map_xlsx(&m, lang).map_err(payload)?),
    };
    let name = format!("journey-map-{from}-{to}.{extension}");
    let path = dialogs::export_bytes(&app, &name, &bytes)?;
    Ok(path.map(|p| p.display().to_string()))
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn template_get(
    state: State<'_, AppState>,
    product: Option<ProductType>,
    stage: u8,
) -> CmdResult<ChecklistTemplate> {
    state
        .with_vault(|v| v.checklist_template(product, stage))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn template_save(
    state: State<'_, AppState>,
    product: Option<ProductType>,
    stage: u8,
    items: Vec<TemplateItemInput>,
) -> CmdResult<ChecklistTemplate> {
    state
        .with_vault(|v| v.save_checklist_template(product, stage, &items))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn lost_reasons_get(
    state: State<'_, AppState>,
    include_retired: bool,
) -> CmdResult<Vec<LostReason>> {
    state
        .with_vault(|v| v.lost_reasons(include_retired))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn lost_reasons_save(
    state: State<'_, AppState>,
    reasons: Vec<LostReasonInput>,
) -> CmdResult<Vec<LostReason>> {
    state
        .with_vault(|v| v.save_lost_reasons(&reasons))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn cadence_get(state: State<'_, AppState>) -> CmdResult<Cadence> {
    state.with_vault(|v| v.followup_cadence()).map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn cadence_set(state: State<'_, AppState>, cadence: Cadence) -> CmdResult<()> {
    state
        .with_vault(|v| v.set_followup_cadence(&cadence))
        .map_err(payload)
}

/// Days in one stage after which Today lists a client as stuck.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn stuck_days_get(state: State<'_, AppState>) -> CmdResult<u32> {
    state.with_vault(|v| v.stuck_after_days()).map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn stuck_days_set(state: State<'_, AppState>, days: u32) -> CmdResult<()> {
    state
        .with_vault(|v| v.set_stuck_after_days(days))
        .map_err(payload)
}
