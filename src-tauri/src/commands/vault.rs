//! Unlock screen and settings: create, open, lock, re-key, preferences.
use loandesk_core::amount::AmountUnit;
use loandesk_core::prefs::{AmountScreen, AppStatus, Language, Layout, VaultChoice};
use loandesk_core::rule::Rule;
use loandesk_core::vault::DEMO_PASSWORD;
use loandesk_core::{Clock, Error, Vault};
use tauri::{AppHandle, State};
use zeroize::Zeroizing;

use super::{payload, CmdResult};
use crate::state::AppState;

/// Never waits for the vault (an import may hold it): everything here is kept beside it.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn app_status(state: State<'_, AppState>) -> CmdResult<AppStatus> {
    let prefs = state.prefs();
    let auto_lock_minutes = state.auto_lock_minutes();
    Ok(AppStatus {
        unlocked: state.is_unlocked(),
        current: prefs.last_vault,
        vault_exists: state.vault_path(VaultChoice::Main).exists(),
        demo_exists: state.vault_path(VaultChoice::Demo).exists(),
        vault_path: state.vault_path(VaultChoice::Main).display().to_string(),
        demo_password: DEMO_PASSWORD.to_string(),
        language: prefs.language,
        auto_lock_minutes,
        layout: prefs.layout,
        amount_units: prefs.amount_units,
    })
}

#[tauri::command]
#[tracing::instrument(skip_all)]
pub fn password_strength(password: Zeroizing<String>) -> u8 {
    loandesk_core::vault::password_strength(&password)
}

fn opened(state: &AppState, which: VaultChoice, vault: Vault) -> CmdResult<()> {
    state.set_vault(vault);
    state
        .update_prefs(|p| p.last_vault = which)
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn vault_create(state: State<'_, AppState>, password: Zeroizing<String>) -> CmdResult<()> {
    let vault = Vault::create(&state.vault_path(VaultChoice::Main), &password).map_err(payload)?;
    opened(&state, VaultChoice::Main, vault)
}

/// Opens the demo vault, writing it first if this machine has none yet. A demo vault that no
/// longer opens with the demo password (written by an older build) is set aside and rewritten:
/// it only ever holds invented companies.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn vault_open_demo(state: State<'_, AppState>) -> CmdResult<()> {
    let path = state.vault_path(VaultChoice::Demo);
    let today = chrono::Local::now().date_naive();
    let vault = match Vault::open(&path, DEMO_PASSWORD) {
        Err(Error::VaultMissing(_)) => {
            loandesk_core::demo::write_demo_vault(&path, DEMO_PASSWORD, today, Clock::system())
        }
        Err(Error::WrongPassword | Error::NotAVault) => {
            std::fs::rename(&path, path.with_extension("loandesk.old"))
                .map_err(|e| payload(e.into()))?;
            loandesk_core::demo::write_demo_vault(&path, DEMO_PASSWORD, today, Clock::system())
        }
        other => other,
    }
    .map_err(payload)?;
    opened(&state, VaultChoice::Demo, vault)
}

/// Opening runs the quick integrity check (`damaged` if it fails); a scheduled backup that is
/// due then runs in the background.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn vault_unlock(
    app: AppHandle,
    state: State<'_, AppState>,
    which: VaultChoice,
    password: Zeroizing<String>,
) -> CmdResult<()> {
    let vault = Vault::open(&state.vault_path(which), &password).map_err(payload)?;
    opened(&state, which, vault)?;
    super::backup::spawn_scheduled_check(app);
    Ok(())
}

/// Drops the vault (closing it and zeroizing the key) and clears a copied sensitive value. Work
/// holding the vault at that moment stops at its next check, and drops it then (`AppState::lock`).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn vault_lock(
    state: State<'_, AppState>,
    ocr: State<'_, crate::ocr::OcrState>,
) -> CmdResult<()> {
    state.lock();
    // The page last read and a licence photo waiting for its client go with the vault.
    ocr.cancel();
    ocr.forget();
    Ok(())
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn vault_change_password(
    state: State<'_, AppState>,
    old_password: Zeroizing<String>,
    new_password: Zeroizing<String>,
) -> CmdResult<()> {
    // The demo vault's password is printed on the unlock screen; changing it would strand it.
    if state.prefs().last_vault == VaultChoice::Demo {
        return Err(payload(Error::invalid("new_password", Rule::NotAllowed)));
    }
    state
        .with_vault(|v| v.change_password(&old_password, &new_password))
        .map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn vault_verify(state: State<'_, AppState>) -> CmdResult<loandesk_core::vault::VaultReport> {
    state.with_vault(|v| v.verify()).map_err(payload)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn set_language(state: State<'_, AppState>, language: Language) -> CmdResult<()> {
    state
        .update_prefs(|p| p.language = language)
        .map_err(payload)
}

/// The sidebar's fold and Today's opened sections, remembered for the next start.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn set_layout(state: State<'_, AppState>, layout: Layout) -> CmdResult<()> {
    state
        .update_prefs(|p| p.layout = layout.cleaned())
        .map_err(payload)
}

/// The unit a screen shows amounts in, remembered for the next start (beside the language).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn set_amount_unit(
    state: State<'_, AppState>,
    screen: AmountScreen,
    unit: AmountUnit,
) -> CmdResult<()> {
    state
        .update_prefs(|p| p.amount_units.set(screen, unit))
        .map_err(payload)
}

/// 大写金额 of an amount, for the echo under an amount input (the core's rules, not a copy).
#[tauri::command]
#[tracing::instrument(skip_all)]
pub fn amount_in_words(amount: rust_decimal::Decimal) -> String {
    loandesk_core::loans::amount_in_words(amount)
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn set_auto_lock_minutes(state: State<'_, AppState>, minutes: u32) -> CmdResult<()> {
    state.set_auto_lock_minutes(minutes).map_err(payload)
}
