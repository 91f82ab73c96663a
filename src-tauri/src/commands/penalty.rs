//! Penalty relief on a booked loan: waiving penalty and compound interest (减免, with a reason,
//! kept in the loan's history) and the technical-overdue exception (≤ 7 days, with a reason).
use chrono::NaiveDate;
use loandesk_core::servicing::{LoanView, PenaltyTerms};
use rust_decimal::Decimal;
use tauri::State;

use super::servicing::today;
use super::{payload, CmdResult};
use crate::state::AppState;

/// Penalty and compound interest owed on a day: the most a waiver on that day can take.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn penalty_owed(state: State<'_, AppState>, loan_id: i64, on: NaiveDate) -> CmdResult<Decimal> {
    state
        .with_vault(|v| v.penalty_owed_on(loan_id, on))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn penalty_waive(
    state: State<'_, AppState>,
    loan_id: i64,
    on: NaiveDate,
    amount: Decimal,
    reason: String,
) -> CmdResult<LoanView> {
    let today = today();
    state
        .with_vault(|v| {
            v.waive_penalty(loan_id, on, amount, &reason, today)?;
            v.booked_loan(loan_id, today)
        })
        .map_err(payload)
}

/// Records the exception with its reason, or withdraws it with `None`.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn technical_overdue_set(
    state: State<'_, AppState>,
    loan_id: i64,
    reason: Option<String>,
) -> CmdResult<LoanView> {
    let today = today();
    state
        .with_vault(|v| {
            v.set_technical_overdue(loan_id, reason.as_deref(), today)?;
            v.booked_loan(loan_id, today)
        })
        .map_err(payload)
}

/// The terms a booking starts from: the bank's template from Settings.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn penalty_terms_default(state: State<'_, AppState>) -> CmdResult<PenaltyTerms> {
    state
        .with_vault(|v| v.penalty_terms_default())
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn penalty_terms_default_set(
    state: State<'_, AppState>,
    terms: PenaltyTerms,
) -> CmdResult<PenaltyTerms> {
    state
        .with_vault(|v| {
            v.set_penalty_terms_default(&terms)?;
            v.penalty_terms_default()
        })
        .map_err(payload)
}
