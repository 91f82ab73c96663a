//! The client book: list/search, detail, add, edit, archive, touchpoints.
use loandesk_core::clients::{ClientDetail, ClientInput, ClientPage, ClientQuery, TouchpointInput};
use tauri::State;

use super::{payload, CmdResult};
use crate::state::AppState;

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn clients_list(state: State<'_, AppState>, query: ClientQuery) -> CmdResult<ClientPage> {
    state
        .with_vault(|v| v.list_clients(&query))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn client_get(state: State<'_, AppState>, id: i64) -> CmdResult<ClientDetail> {
    state.with_vault(|v| v.client_detail(id)).map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn client_create(state: State<'_, AppState>, input: ClientInput) -> CmdResult<i64> {
    state
        .with_vault(|v| v.create_client(&input, chrono::Local::now().date_naive()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn client_update(state: State<'_, AppState>, id: i64, input: ClientInput) -> CmdResult<()> {
    state
        .with_vault(|v| v.update_client(id, &input))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn client_archive(state: State<'_, AppState>, id: i64, archived: bool) -> CmdResult<()> {
    state
        .with_vault(|v| v.set_archived(id, archived))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn touchpoint_add(
    state: State<'_, AppState>,
    client_id: i64,
    input: TouchpointInput,
) -> CmdResult<i64> {
    state
        .with_vault(|v| v.add_touchpoint(client_id, &input))
        .map_err(payload)
}
