//! What the shell keeps between commands: the open vault (or none: locked) and the prefs.
use std::path::PathBuf;
use std::sync::Mutex;

use loandesk_core::prefs::{Prefs, VaultChoice};
use loandesk_core::{Error, Result, Vault};

pub struct AppState {
    pub data_dir: PathBuf,
    /// `None` is "locked": dropping the Vault closes the connection and zeroizes the key.
    pub vault: Mutex<Option<Vault>>,
    pub prefs: Mutex<Prefs>,
    /// Files dropped on the window, waiting for the officer to import them into a client.
    pub dropped: Mutex<Vec<PathBuf>>,
    /// The backup file picked on the unlock screen, waiting for its password.
    pub restore_file: Mutex<Option<PathBuf>>,
    pub clipboard: crate::clipboard::SensitiveClipboard,
}

impl AppState {
    pub fn new(data_dir: PathBuf) -> AppState {
        let prefs = Prefs::load(&data_dir.join("prefs.json"));
        AppState {
            data_dir,
            vault: Mutex::new(None),
            prefs: Mutex::new(prefs),
            dropped: Mutex::new(Vec::new()),
            restore_file: Mutex::new(None),
            clipboard: Default::default(),
        }
    }

    pub fn vault_path(&self, which: VaultChoice) -> PathBuf {
        match which {
            VaultChoice::Main => self.data_dir.join("vault.loandesk"),
            VaultChoice::Demo => self.data_dir.join("demo.loandesk"),
        }
    }

    pub fn prefs(&self) -> Prefs {
        self.prefs.lock().map(|p| p.clone()).unwrap_or_default()
    }

    pub fn update_prefs(&self, change: impl FnOnce(&mut Prefs)) -> Result<()> {
        let mut prefs = self.prefs.lock().map_err(|_| poisoned())?;
        change(&mut prefs);
        prefs.save(&self.data_dir.join("prefs.json"))
    }

    /// Runs `f` on the open vault, or fails with `locked`.
    pub fn with_vault<T>(&self, f: impl FnOnce(&mut Vault) -> Result<T>) -> Result<T> {
        let mut guard = self.vault.lock().map_err(|_| poisoned())?;
        match guard.as_mut() {
            Some(vault) => f(vault),
            None => Err(Error::Locked),
        }
    }

    pub fn set_vault(&self, vault: Option<Vault>) -> Result<()> {
        *self.vault.lock().map_err(|_| poisoned())? = vault;
        Ok(())
    }

    pub fn set_dropped(&self, paths: Vec<PathBuf>) {
        if let Ok(mut d) = self.dropped.lock() {
            *d = paths;
        }
    }

    pub fn take_dropped(&self) -> Vec<PathBuf> {
        self.dropped
            .lock()
            .map(|mut d| std::mem::take(&mut *d))
            .unwrap_or_default()
    }

    pub fn set_restore_file(&self, path: Option<PathBuf>) {
        if let Ok(mut f) = self.restore_file.lock() {
            *f = path;
        }
    }

    pub fn restore_file(&self) -> Option<PathBuf> {
        self.restore_file.lock().ok().and_then(|f| f.clone())
    }

    pub fn is_unlocked(&self) -> bool {
        self.vault.lock().map(|v| v.is_some()).unwrap_or(false)
    }
}

fn poisoned() -> Error {
    Error::Io(std::io::Error::other("internal state poisoned"))
}
