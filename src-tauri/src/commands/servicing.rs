//! Post-disbursement: booked loans, repayments, classification, reminders and the portfolio.
//! The day is the laptop's local date.
use chrono::NaiveDate;
use loandesk_core::prefs::Language;
use loandesk_core::servicing::{
    portfolio_csv, portfolio_xlsx, reminder_text, BookingInput, CalendarDay, CalendarPreview,
    CalendarSummary, Classification, DisbursementInput, LoanSummary, LoanView, Portfolio,
    ReminderMark, TodayReminders, WorkingDays,
};
use rust_decimal::Decimal;
use tauri::{AppHandle, State};

use super::{dialogs, payload, CmdResult};
use crate::state::AppState;

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn loans_of_client(state: State<'_, AppState>, client_id: i64) -> CmdResult<Vec<LoanSummary>> {
    state
        .with_vault(|v| v.client_loans(client_id, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn loan_get(state: State<'_, AppState>, loan_id: i64) -> CmdResult<LoanView> {
    state
        .with_vault(|v| v.booked_loan(loan_id, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn loan_book(state: State<'_, AppState>, input: BookingInput) -> CmdResult<i64> {
    state
        .with_vault(|v| v.book_loan(&input, today()))
        .map_err(payload)
}

/// The disbursement the booking form starts from (its date is the default signing date too).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn loan_default_disbursement(
    state: State<'_, AppState>,
    client_id: i64,
) -> CmdResult<DisbursementInput> {
    state
        .with_vault(|v| v.default_disbursement(client_id, today()))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn loan_repay(
    state: State<'_, AppState>,
    loan_id: i64,
    paid_on: NaiveDate,
    amount: Decimal,
    note: String,
) -> CmdResult<LoanView> {
    state
        .with_vault(|v| {
            v.record_repayment(loan_id, paid_on, amount, &note, today())?;
            v.booked_loan(loan_id, today())
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn repayment_delete(
    state: State<'_, AppState>,
    loan_id: i64,
    repayment_id: i64,
) -> CmdResult<LoanView> {
    state
        .with_vault(|v| {
            v.delete_repayment(loan_id, repayment_id)?;
            v.booked_loan(loan_id, today())
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn loan_classify(
    state: State<'_, AppState>,
    loan_id: i64,
    class: Option<Classification>,
    reason: String,
) -> CmdResult<LoanView> {
    state
        .with_vault(|v| {
            v.set_classification(loan_id, class, &reason, today())?;
            v.booked_loan(loan_id, today())
        })
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn today_reminders(state: State<'_, AppState>, days: u32) -> CmdResult<TodayReminders> {
    state
        .with_vault(|v| v.today_reminders(today(), days))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn reminder_mark(state: State<'_, AppState>, key: String, mark: ReminderMark) -> CmdResult<()> {
    state
        .with_vault(|v| v.mark_reminder(&key, mark, today()))
        .map_err(payload)
}

/// A grouped row of Today (a client's ratio alerts): every reminder it stands for, or none.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn reminders_mark(
    state: State<'_, AppState>,
    keys: Vec<String>,
    mark: ReminderMark,
) -> CmdResult<()> {
    state
        .with_vault(|v| v.mark_reminders(&keys, mark, today()))
        .map_err(payload)
}

fn text_for(
    state: &AppState,
    loan_id: i64,
    lang: Option<Language>,
) -> loandesk_core::Result<Option<String>> {
    // The UI names the language it shows: the saved preference may lag a switch just made.
    let lang = lang.unwrap_or(state.prefs().language);
    state.with_vault(|v| {
        let loan = v.booked_loan(loan_id, today())?;
        Ok(reminder_text(&loan, lang, &v.officer_name()?, today()))
    })
}

/// The repayment reminder for the client, in `lang` (else the app's language); None when
/// nothing is owed.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn reminder_text_get(
    state: State<'_, AppState>,
    loan_id: i64,
    lang: Option<Language>,
) -> CmdResult<Option<String>> {
    text_for(&state, loan_id, lang).map_err(payload)
}

/// Saves the reminder text where the officer chooses; the path, or None when cancelled.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn reminder_text_save(
    app: AppHandle,
    state: State<'_, AppState>,
    loan_id: i64,
    lang: Option<Language>,
) -> CmdResult<Option<String>> {
    let Some(text) = text_for(&state, loan_id, lang).map_err(payload)? else {
        return Ok(None);
    };
    let path = dialogs::export_bytes(&app, &format!("reminder-{loan_id}.txt"), text.as_bytes())?;
    Ok(path.map(|p| p.display().to_string()))
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn portfolio_get(state: State<'_, AppState>, currency: String) -> CmdResult<Portfolio> {
    state
        .with_vault(|v| v.portfolio(today(), &currency))
        .map_err(payload)
}

/// The file types the portfolio exports to.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SheetFormat {
    Csv,
    Xlsx,
}

/// The portfolio as CSV or XLSX where the officer chooses, with its labels in the app's
/// language; the path, or None when cancelled.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn portfolio_export(
    app: AppHandle,
    state: State<'_, AppState>,
    currency: String,
    format: SheetFormat,
) -> CmdResult<Option<String>> {
    let p = state
        .with_vault(|v| v.portfolio(today(), &currency))
        .map_err(payload)?;
    let lang = state.prefs().language;
    let (extension, bytes) = match format {
        SheetFormat::Csv => ("csv", portfolio_csv(&p, lang).into_bytes()),
        SheetFormat::Xlsx => ("xlsx", portfolio_xlsx(&p, lang).map_err(payload)?),
    };
    let name = format!("portfolio-{}.{extension}", today());
    let path = dialogs::export_bytes(&app, &name, &bytes)?;
    Ok(path.map(|p| p.display().to_string()))
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn working_days_get(state: State<'_, AppState>) -> CmdResult<WorkingDays> {
    state.with_vault(|v| v.working_days()).map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn working_days_set(state: State<'_, AppState>, days: WorkingDays) -> CmdResult<()> {
    state
        .with_vault(|v| v.set_working_days(&days))
        .map_err(payload)
}

/// The years the official holiday calendar covers, built in and imported.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn calendar_summary(state: State<'_, AppState>) -> CmdResult<CalendarSummary> {
    state.with_vault(|v| v.calendar_summary()).map_err(payload)
}

/// Asks for a calendar CSV (`date,holiday|workday,name,source`), reads it here and previews
/// what it adds and changes; nothing is stored. None when the officer cancelled.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn calendar_preview_import(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CmdResult<Option<CalendarPreview>> {
    let Some(path) = dialogs::pick_csv(&app) else {
        return Ok(None);
    };
    let bytes = std::fs::read(path).map_err(|e| payload(e.into()))?;
    state
        .with_vault(|v| v.preview_calendar_file(&bytes))
        .map(Some)
        .map_err(payload)
}

/// Stores the previewed days (checked again by the core).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn calendar_import(
    state: State<'_, AppState>,
    days: Vec<CalendarDay>,
) -> CmdResult<CalendarPreview> {
    state
        .with_vault(|v| v.import_calendar(&days))
        .map_err(payload)
}
