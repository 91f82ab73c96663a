//! Which folder the app keeps its vaults in, decided once before the window opens.
use std::path::PathBuf;

use loandesk_core::vault::{app_data_dir, legacy_app_data_dir, relocate_data_dir, Relocation};

pub struct DataDir {
    pub path: PathBuf,
    /// What happened to LoanDesk 0.1's folder, for the log (and the officer, if it failed).
    pub moved: Result<Relocation, String>,
}

/// `LOANDESK_DATA_DIR` points the app at another folder (tests, support) and moves nothing.
/// Otherwise the local app-data folder the CLI uses too, after moving 0.1's folder there once;
/// if that move fails the app keeps working in the old folder, whose vault is intact.
pub fn resolve() -> DataDir {
    if let Some(dir) = std::env::var_os("LOANDESK_DATA_DIR") {
        return DataDir {
            path: PathBuf::from(dir),
            moved: Ok(Relocation::NothingToMove),
        };
    }
    let new = app_data_dir();
    let Some(old) = legacy_app_data_dir() else {
        return DataDir {
            path: new,
            moved: Ok(Relocation::NothingToMove),
        };
    };
    match relocate_data_dir(&old, &new) {
        Ok(outcome) => DataDir {
            path: new,
            moved: Ok(outcome),
        },
        Err(e) => DataDir {
            path: old,
            moved: Err(e.to_string()),
        },
    }
}

impl DataDir {
    /// Logged after the log is open (it lives in the folder decided here). Paths are the
    /// officer's own app-data folders, not client data.
    pub fn log(&self) {
        match &self.moved {
            Ok(Relocation::Moved { files, kept_at }) => tracing::info!(
                files,
                kept_at = %kept_at.display(),
                "data folder moved from LoanDesk 0.1's location and verified"
            ),
            Ok(Relocation::NewInUse) => {
                tracing::warn!("LoanDesk 0.1's data folder still exists beside the current one")
            }
            Ok(Relocation::NothingToMove) => {}
            Err(e) => tracing::error!(error = %e, "data folder move failed: using the old folder"),
        }
    }
}
