//! Changing a booked loan's schedule: prepayment (提前还款), extension (展期) and LPR repricing
//! (重定价), each previewed before it is saved; and the LPR table they read. Thin wrappers: the
//! rules are the core's (`servicing::reschedule`, `servicing::lpr`).
use chrono::NaiveDate;
use loandesk_core::servicing::{
    parse_lpr_csv, LoanView, LprRate, PrepaymentInput, RepricingDue, ScheduleChange,
};
use tauri::{AppHandle, State};

use super::servicing::today;
use super::{dialogs, payload, CmdResult};
use crate::state::AppState;

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn prepay_preview(
    state: State<'_, AppState>,
    loan_id: i64,
    input: PrepaymentInput,
) -> CmdResult<ScheduleChange> {
    state
        .with_vault(|v| v.preview_prepayment(loan_id, &input, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn loan_prepay(
    state: State<'_, AppState>,
    loan_id: i64,
    input: PrepaymentInput,
) -> CmdResult<LoanView> {
    state
        .with_vault(|v| {
            v.prepay_loan(loan_id, &input, today())?;
            v.booked_loan(loan_id, today())
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn extend_preview(
    state: State<'_, AppState>,
    loan_id: i64,
    months: u32,
    reason: String,
) -> CmdResult<ScheduleChange> {
    state
        .with_vault(|v| v.preview_extension(loan_id, months, &reason, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn loan_extend(
    state: State<'_, AppState>,
    loan_id: i64,
    months: u32,
    reason: String,
) -> CmdResult<LoanView> {
    state
        .with_vault(|v| {
            v.extend_loan(loan_id, months, &reason, today())?;
            v.booked_loan(loan_id, today())
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn reprice_preview(
    state: State<'_, AppState>,
    loan_id: i64,
    on: NaiveDate,
) -> CmdResult<ScheduleChange> {
    state
        .with_vault(|v| v.preview_reprice(loan_id, on, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn loan_reprice(
    state: State<'_, AppState>,
    loan_id: i64,
    on: NaiveDate,
) -> CmdResult<LoanView> {
    state
        .with_vault(|v| {
            v.reprice_loan(loan_id, on, today())?;
            v.booked_loan(loan_id, today())
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn repricings_due(state: State<'_, AppState>) -> CmdResult<Vec<RepricingDue>> {
    state
        .with_vault(|v| v.repricings_due(today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn lpr_list(state: State<'_, AppState>) -> CmdResult<Vec<LprRate>> {
    state.with_vault(|v| v.lpr_rates()).map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn lpr_set(state: State<'_, AppState>, rate: LprRate) -> CmdResult<Vec<LprRate>> {
    state
        .with_vault(|v| {
            v.set_lpr(&rate)?;
            v.lpr_rates()
        })
        .map_err(payload)
}

/// Asks for a CSV (`date,1y,5y`), reads it here on the Rust side and enters every figure, all
/// or none: how many figures the file held, and the table after. None when the officer
/// cancelled the dialog.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn lpr_import(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CmdResult<Option<(usize, Vec<LprRate>)>> {
    let Some(path) = dialogs::pick_csv(&app) else {
        return Ok(None);
    };
    let bytes = std::fs::read(path).map_err(|e| payload(e.into()))?;
    let rates = parse_lpr_csv(&bytes).map_err(payload)?;
    state
        .with_vault(|v| {
            let count = v.import_lpr(&rates)?;
            Ok((count, v.lpr_rates()?))
        })
        .map(Some)
        .map_err(payload)
}
