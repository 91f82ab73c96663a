//! The loan calculator: schedules for terms as the officer types, and scenarios saved on a client.
use loandesk_core::loans::{self, LoanScenario, LoanTerms, ScenarioInput, Schedule};
use tauri::State;

use super::{payload, CmdResult};
use crate::state::AppState;

/// Pure computation, but still refused while locked: the calculator lives inside the vault.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn schedule_preview(state: State<'_, AppState>, terms: LoanTerms) -> CmdResult<Schedule> {
    state
        .with_vault(|_| Ok(loans::generate(&terms)?))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn scenarios_list(state: State<'_, AppState>, client_id: i64) -> CmdResult<Vec<LoanScenario>> {
    state
        .with_vault(|v| v.loan_scenarios(client_id))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn scenario_save(
    state: State<'_, AppState>,
    client_id: i64,
    input: ScenarioInput,
) -> CmdResult<i64> {
    state
        .with_vault(|v| v.save_scenario(client_id, &input))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn scenario_delete(state: State<'_, AppState>, client_id: i64, id: i64) -> CmdResult<()> {
    state
        .with_vault(|v| v.delete_scenario(client_id, id))
        .map_err(payload)
}
