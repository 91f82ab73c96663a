//! Backups from Settings (now, and the schedule) and restore from the unlock screen. Rust shows
//! the dialogs and keeps the paths; WebDriver cannot click a native dialog, so end-to-end tests
//! answer them through the environment, only when these are set:
//! - `LOANDESK_BACKUP_DIR`: "Back up now" saves there under the suggested name, and "choose
//!   folder" picks it;
//! - `LOANDESK_RESTORE_FILE`: the restore picker answers this backup file.
use std::path::PathBuf;

use chrono::{Local, Utc};
use loandesk_core::prefs::VaultChoice;
use loandesk_core::rule::Rule;
use loandesk_core::vault::{BackupStatus, BACKUP_EXTENSION};
use loandesk_core::{Error, Vault};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;
use zeroize::Zeroizing;

use super::dialogs::{self, SaveKind};
use super::{payload, CmdResult};
use crate::state::AppState;

fn pick_folder(app: &AppHandle) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("LOANDESK_BACKUP_DIR") {
        return Some(PathBuf::from(dir));
    }
    app.dialog()
        .file()
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
}

fn pick_backup_file(app: &AppHandle) -> Option<PathBuf> {
    if let Some(file) = std::env::var_os("LOANDESK_RESTORE_FILE") {
        return Some(PathBuf::from(file));
    }
    app.dialog()
        .file()
        .add_filter("LoanDesk backup", &[BACKUP_EXTENSION])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn backup_status(state: State<'_, AppState>) -> CmdResult<BackupStatus> {
    state
        .with_vault(|v| v.backup_status(Utc::now()))
        .map_err(payload)
}

/// The schedule (the folder is chosen by `backup_folder_pick`, never sent by the web view).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn backup_schedule_set(
    state: State<'_, AppState>,
    enabled: bool,
    interval_days: u32,
    keep: u32,
) -> CmdResult<BackupStatus> {
    state
        .with_vault(|v| {
            let mut s = v.backup_settings()?;
            s.enabled = enabled;
            s.interval_days = interval_days;
            s.keep = keep;
            v.set_backup_settings(&s)?;
            v.backup_status(Utc::now())
        })
        .map_err(payload)
}

/// Shows the folder picker; `default` instead goes back to the folder beside the vault.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn backup_folder_pick(
    app: AppHandle,
    state: State<'_, AppState>,
    default: bool,
) -> CmdResult<BackupStatus> {
    let folder = if default {
        None
    } else {
        match pick_folder(&app) {
            Some(f) => Some(f.display().to_string()),
            None => return backup_status(state),
        }
    };
    state
        .with_vault(|v| {
            let mut s = v.backup_settings()?;
            s.folder = folder;
            v.set_backup_settings(&s)?;
            v.backup_status(Utc::now())
        })
        .map_err(payload)
}

/// "Back up now": asks where (save dialog), then writes the backup without holding the vault.
/// `password`: a separate backup password (already confirmed by the UI), else the vault's.
/// Ok(None) when the dialog was cancelled.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn backup_now(
    app: AppHandle,
    state: State<'_, AppState>,
    password: Option<Zeroizing<String>>,
) -> CmdResult<Option<String>> {
    if let Some(p) = &password {
        loandesk_core::vault::check_new_password(p).map_err(payload)?;
    }
    let source = state
        .with_vault(|v| Ok(v.backup_source()))
        .map_err(payload)?;
    let name = format!(
        "loandesk-backup-{}.{BACKUP_EXTENSION}",
        Local::now().format("%Y%m%d-%H%M%S")
    );
    let Some(out) = dialogs::save_as(&app, &name, SaveKind::Backup) else {
        return Ok(None);
    };
    source
        .write(&out, password.as_deref().map(String::as_str))
        .map_err(payload)?;
    Ok(Some(out.display().to_string()))
}

/// Runs the scheduled backup if one is due: at unlock and from the timer in `lib.rs`. The
/// vault is held only to read the schedule and to record the outcome, not during the write.
pub fn run_scheduled_backup(state: &AppState) {
    // The demo vault holds invented companies only; its backups would crowd out the officer's.
    if state.prefs().last_vault == VaultChoice::Demo {
        return;
    }
    let now = Local::now();
    let Ok(Some(job)) = state.with_vault(|v| v.scheduled_backup(now.with_timezone(&Utc))) else {
        return;
    };
    let outcome = job.run(now);
    // Locked meanwhile: the outcome waits for the next unlock, which checks again.
    let _ = state.with_vault(|v| v.record_backup(now.with_timezone(&Utc), &outcome));
}

/// Shows the file picker for a backup and keeps the path; the UI gets only the file name.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn restore_pick(app: AppHandle, state: State<'_, AppState>) -> Option<String> {
    let path = pick_backup_file(&app)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    state.set_restore_file(Some(path));
    Some(name)
}

/// Restores the picked backup as the officer's vault (only from the unlock screen), checked
/// first; an existing vault is renamed aside, never overwritten. The restored vault is opened.
/// Returns where the vault that was there before now is (None if there was none).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn restore_run(
    state: State<'_, AppState>,
    password: Zeroizing<String>,
) -> CmdResult<Option<String>> {
    if !state.wait_until_locked() {
        return Err(payload(Error::invalid("restore", Rule::NotAllowed)));
    }
    let Some(from) = state.restore_file() else {
        return Err(payload(Error::NotFound("backup file".into())));
    };
    let main = state.vault_path(VaultChoice::Main);
    let (vault, set_aside) =
        Vault::restore_replacing(&from, &main, &password, Local::now().naive_local())
            .map_err(payload)?;
    state.set_restore_file(None);
    state.set_vault(vault);
    state
        .update_prefs(|p| p.last_vault = VaultChoice::Main)
        .map_err(payload)?;
    Ok(set_aside.map(|p| p.display().to_string()))
}

/// Checks the schedule in the background: after an unlock, and every few minutes while the app
/// runs (so a laptop left open for days still backs up daily).
pub fn spawn_scheduled_check(app: AppHandle) {
    std::thread::spawn(move || run_scheduled_backup(&app.state::<AppState>()));
}

pub fn start_timer(app: AppHandle) {
    const EVERY: std::time::Duration = std::time::Duration::from_secs(10 * 60);
    std::thread::spawn(move || loop {
        std::thread::sleep(EVERY);
        run_scheduled_backup(&app.state::<AppState>());
    });
}
