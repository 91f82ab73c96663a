//! The client's voice and the lifecycle loop (issue 16): feedback and its problems closed,
//! lifecycle suggestions confirmed, referrals, new opportunities, the client profile, and their
//! settings. Thin wrappers: the rules are in the core.
use chrono::NaiveDate;
use loandesk_core::clients::{LifecycleStatus, TouchpointInput};
use loandesk_core::feedback::{Feedback, FeedbackIds, FeedbackInput, FeedbackSettings, Problem};
use loandesk_core::journey::{Opportunity, OpportunitySource};
use loandesk_core::lifecycle::{ClientProfile, LifecycleSettings, LifecycleSuggestion, Referral};
use tauri::State;

use super::{payload, CmdResult};
use crate::state::AppState;

/// The shell is where the clock is read; the core takes "today" as input.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn feedback_add(
    state: State<'_, AppState>,
    client_id: i64,
    input: FeedbackInput,
) -> CmdResult<FeedbackIds> {
    state
        .with_vault(|v| v.add_feedback(client_id, &input, today()))
        .map_err(payload)
}

/// Quick entry from the touchpoint form: the touchpoint and the feedback given at it, both or
/// neither. Resolves to the touchpoint's id and what was written.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn touchpoint_add_with_feedback(
    state: State<'_, AppState>,
    client_id: i64,
    touchpoint: TouchpointInput,
    feedback: FeedbackInput,
) -> CmdResult<(i64, FeedbackIds)> {
    state
        .with_vault(|v| v.add_touchpoint_with_feedback(client_id, &touchpoint, &feedback, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn feedback_list(state: State<'_, AppState>, client_id: i64) -> CmdResult<Vec<Feedback>> {
    state
        .with_vault(|v| v.client_feedback(client_id))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn problem_resolve(
    state: State<'_, AppState>,
    id: i64,
    note: String,
    touchpoint_id: Option<i64>,
) -> CmdResult<Problem> {
    state
        .with_vault(|v| {
            v.resolve_problem(id, &note, today(), touchpoint_id)?;
            v.problem(id)
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn feedback_settings_get(state: State<'_, AppState>) -> CmdResult<FeedbackSettings> {
    state.with_vault(|v| v.feedback_settings()).map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn feedback_settings_set(
    state: State<'_, AppState>,
    settings: FeedbackSettings,
) -> CmdResult<FeedbackSettings> {
    state
        .with_vault(|v| {
            v.set_feedback_settings(&settings)?;
            v.feedback_settings()
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn lifecycle_suggestions(state: State<'_, AppState>) -> CmdResult<Vec<LifecycleSuggestion>> {
    state
        .with_vault(|v| v.lifecycle_suggestions(today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn lifecycle_apply(
    state: State<'_, AppState>,
    client_id: i64,
    to: LifecycleStatus,
) -> CmdResult<LifecycleSuggestion> {
    state
        .with_vault(|v| v.apply_lifecycle(client_id, to, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn lifecycle_settings_get(state: State<'_, AppState>) -> CmdResult<LifecycleSettings> {
    state
        .with_vault(|v| v.lifecycle_settings())
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn lifecycle_settings_set(
    state: State<'_, AppState>,
    settings: LifecycleSettings,
) -> CmdResult<LifecycleSettings> {
    state
        .with_vault(|v| {
            v.set_lifecycle_settings(&settings)?;
            v.lifecycle_settings()
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn client_profile(state: State<'_, AppState>, client_id: i64) -> CmdResult<ClientProfile> {
    state
        .with_vault(|v| v.client_profile(client_id, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn referral_add(
    state: State<'_, AppState>,
    client_id: i64,
    referred_id: i64,
) -> CmdResult<Vec<Referral>> {
    state
        .with_vault(|v| {
            v.add_referral(client_id, referred_id, today())?;
            v.client_referrals(client_id)
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn referrals_list(state: State<'_, AppState>, client_id: i64) -> CmdResult<Vec<Referral>> {
    state
        .with_vault(|v| v.client_referrals(client_id))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn opportunity_start(
    state: State<'_, AppState>,
    source: OpportunitySource,
    stage: u8,
) -> CmdResult<Opportunity> {
    state
        .with_vault(|v| v.start_opportunity(source, stage, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn opportunities_list(
    state: State<'_, AppState>,
    client_id: i64,
) -> CmdResult<Vec<Opportunity>> {
    state
        .with_vault(|v| v.client_opportunities(client_id))
        .map_err(payload)
}
