//! Credit lines (授信) and the security of a loan: collateral (押品), guarantors (保证人), and
//! the Settings behind them. Each change returns what the screen shows next.
use chrono::NaiveDate;
use loandesk_core::security::{
    CollateralInput, Facility, FacilityInput, FacilityUseInput, GuarantorInput, Revaluation,
    SecuritySettings,
};
use loandesk_core::servicing::LoanView;
use tauri::State;

use super::servicing::today;
use super::{payload, CmdResult};
use crate::state::AppState;

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn facilities_list(state: State<'_, AppState>, client_id: i64) -> CmdResult<Vec<Facility>> {
    state
        .with_vault(|v| v.client_facilities(client_id))
        .map_err(payload)
}

/// Adds a line and returns the client's lines.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn facility_add(state: State<'_, AppState>, input: FacilityInput) -> CmdResult<Vec<Facility>> {
    state
        .with_vault(|v| {
            v.add_facility(&input)?;
            v.client_facilities(input.client_id)
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn facility_use_add(
    state: State<'_, AppState>,
    input: FacilityUseInput,
) -> CmdResult<Facility> {
    state
        .with_vault(|v| {
            v.add_facility_use(&input, today())?;
            v.facility(input.facility_id)
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn facility_use_close(
    state: State<'_, AppState>,
    facility_id: i64,
    use_id: i64,
    on: NaiveDate,
) -> CmdResult<Facility> {
    state
        .with_vault(|v| {
            v.close_facility_use(use_id, on, today())?;
            v.facility(facility_id)
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn collateral_add(
    state: State<'_, AppState>,
    loan_id: i64,
    input: CollateralInput,
) -> CmdResult<LoanView> {
    let today = today();
    state
        .with_vault(|v| {
            v.add_collateral(loan_id, &input, today)?;
            v.booked_loan(loan_id, today)
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn collateral_revalue(
    state: State<'_, AppState>,
    loan_id: i64,
    collateral_id: i64,
    revaluation: Revaluation,
) -> CmdResult<LoanView> {
    let today = today();
    state
        .with_vault(|v| {
            v.revalue_collateral(collateral_id, &revaluation, today)?;
            v.booked_loan(loan_id, today)
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn collateral_archive(
    state: State<'_, AppState>,
    loan_id: i64,
    collateral_id: i64,
) -> CmdResult<LoanView> {
    let today = today();
    state
        .with_vault(|v| {
            v.archive_collateral(collateral_id, today)?;
            v.booked_loan(loan_id, today)
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn guarantor_add(
    state: State<'_, AppState>,
    loan_id: i64,
    input: GuarantorInput,
) -> CmdResult<LoanView> {
    let today = today();
    state
        .with_vault(|v| {
            v.add_guarantor(loan_id, &input)?;
            v.booked_loan(loan_id, today)
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn guarantor_archive(
    state: State<'_, AppState>,
    loan_id: i64,
    guarantor_id: i64,
) -> CmdResult<LoanView> {
    let today = today();
    state
        .with_vault(|v| {
            v.archive_guarantor(guarantor_id, today)?;
            v.booked_loan(loan_id, today)
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn security_settings_get(state: State<'_, AppState>) -> CmdResult<SecuritySettings> {
    state.with_vault(|v| v.security_settings()).map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn security_settings_set(
    state: State<'_, AppState>,
    settings: SecuritySettings,
) -> CmdResult<SecuritySettings> {
    state
        .with_vault(|v| {
            v.set_security_settings(&settings)?;
            v.security_settings()
        })
        .map_err(payload)
}
