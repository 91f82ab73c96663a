//! What the shell keeps between commands: the open vault (or none: locked) and the prefs.
//!
//! Locking must win over long work: an import or a PDF render holds the vault for seconds, and
//! Ctrl+L or the idle timer may not wait for it. So a lock is a request (`lock_requested`) the
//! UI sees at once (`is_unlocked` is false from that moment); the vault itself is dropped, and
//! its key zeroized, by whoever holds it next — the long work checks the request between chunks
//! and stops within a chunk's time.
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Mutex, MutexGuard};

use loandesk_core::prefs::{Prefs, VaultChoice};
use loandesk_core::vault::DEFAULT_AUTO_LOCK_MINUTES;
use loandesk_core::{Error, Result, Vault};

pub struct AppState {
    pub data_dir: PathBuf,
    /// `None` is "locked": dropping the Vault closes the connection and zeroizes the key.
    vault: Mutex<Option<Vault>>,
    /// Set by a lock while the vault may be busy; cleared when the vault is dropped or replaced.
    lock_requested: AtomicBool,
    /// Mirrors `vault.is_some()` so status questions never wait for long work.
    unlocked: AtomicBool,
    /// The open vault's auto-lock setting, for the same reason.
    auto_lock_minutes: AtomicU32,
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
            lock_requested: AtomicBool::new(false),
            unlocked: AtomicBool::new(false),
            auto_lock_minutes: AtomicU32::new(DEFAULT_AUTO_LOCK_MINUTES),
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
        let mut prefs = self.prefs.lock().unwrap_or_else(|p| p.into_inner());
        change(&mut prefs);
        prefs.save(&self.data_dir.join("prefs.json"))
    }

    /// The vault's slot. A panic that escaped while it was held (it should not: `with_vault`
    /// catches them) must not leave the app wedged with the key in memory, so a poisoned slot
    /// is emptied: the vault is dropped and its key zeroized, and the officer unlocks again.
    fn slot(&self) -> MutexGuard<'_, Option<Vault>> {
        match self.vault.lock() {
            Ok(guard) => guard,
            Err(poisoned) => {
                let mut guard = poisoned.into_inner();
                *guard = None;
                self.unlocked.store(false, Ordering::SeqCst);
                self.vault.clear_poison();
                tracing::error!("vault slot was poisoned by a panic: vault dropped");
                guard
            }
        }
    }

    /// Drops the vault in `guard` if a lock was asked for meanwhile; true if it did.
    fn honour_lock_request(&self, guard: &mut Option<Vault>) -> bool {
        if self.lock_requested.swap(false, Ordering::SeqCst) {
            *guard = None;
            self.unlocked.store(false, Ordering::SeqCst);
            tracing::info!("vault locked after the work that held it");
            return true;
        }
        false
    }

    /// Runs `f` on the open vault, or fails with `locked`. A panic inside `f` (a bug, or a
    /// third-party parser the core did not fence) locks the vault — its state is unknown, and
    /// the key is not left in memory behind an unusable app — and is reported as `internal`.
    pub fn with_vault<T>(&self, f: impl FnOnce(&mut Vault) -> Result<T>) -> Result<T> {
        let mut guard = self.slot();
        if self.honour_lock_request(&mut guard) {
            return Err(Error::Locked);
        }
        let Some(vault) = guard.as_mut() else {
            return Err(Error::Locked);
        };
        let outcome = catch_unwind(AssertUnwindSafe(|| f(vault)));
        match outcome {
            Ok(result) => {
                self.honour_lock_request(&mut guard);
                result
            }
            Err(_) => {
                *guard = None;
                self.unlocked.store(false, Ordering::SeqCst);
                self.lock_requested.store(false, Ordering::SeqCst);
                tracing::error!("a command panicked while holding the vault: vault locked");
                Err(Error::Internal)
            }
        }
    }

    /// Puts an opened vault in place (a new unlock supersedes any pending lock request).
    pub fn set_vault(&self, vault: Vault) {
        let minutes = vault
            .auto_lock_minutes()
            .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES);
        let mut guard = self.slot();
        *guard = Some(vault);
        self.auto_lock_minutes.store(minutes, Ordering::SeqCst);
        self.lock_requested.store(false, Ordering::SeqCst);
        self.unlocked.store(true, Ordering::SeqCst);
    }

    /// Locks now if the vault is free, else asks the work holding it to stop; either way the
    /// app is locked from the officer's point of view when this returns.
    pub fn lock(&self) {
        self.clipboard.clear_now();
        self.lock_requested.store(true, Ordering::SeqCst);
        self.unlocked.store(false, Ordering::SeqCst);
        match self.vault.try_lock() {
            Ok(mut guard) => {
                self.honour_lock_request(&mut guard);
            }
            Err(std::sync::TryLockError::Poisoned(_)) => drop(self.slot()),
            // Busy: the holder sees the request at its next check and drops the vault.
            Err(std::sync::TryLockError::WouldBlock) => {}
        }
    }

    /// Waits for work still holding a vault that was asked to lock (a restore must not rename
    /// a file in use); false if a vault is open and no lock was asked for.
    pub fn wait_until_locked(&self) -> bool {
        let mut guard = self.slot();
        self.honour_lock_request(&mut guard);
        guard.is_none()
    }

    /// True once a lock was asked for, for long work to check between chunks.
    pub fn lock_requested(&self) -> bool {
        self.lock_requested.load(Ordering::SeqCst)
    }

    pub fn is_unlocked(&self) -> bool {
        self.unlocked.load(Ordering::SeqCst)
    }

    pub fn auto_lock_minutes(&self) -> u32 {
        self.auto_lock_minutes.load(Ordering::SeqCst)
    }

    pub fn set_auto_lock_minutes(&self, minutes: u32) -> Result<()> {
        self.with_vault(|v| v.set_auto_lock_minutes(minutes))?;
        self.auto_lock_minutes.store(minutes, Ordering::SeqCst);
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
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use super::*;

    fn unlocked_state(dir: &std::path::Path) -> AppState {
        let state = AppState::new(dir.to_path_buf());
        let vault = Vault::create(&state.vault_path(VaultChoice::Main), "correct horse 42")
            .expect("create vault");
        state.set_vault(vault);
        state
    }

    #[test]
    fn a_panic_while_the_vault_is_held_locks_it_and_the_app_keeps_working() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = unlocked_state(dir.path());
        let err = state
            .with_vault(|_| -> Result<()> { panic!("a parser bug") })
            .expect_err("the panic is an error");
        assert_eq!(err.code(), "internal");
        assert!(!state.is_unlocked(), "the vault was dropped");
        // Not wedged: the next command hears `locked`, and the officer can unlock again.
        let again = state
            .with_vault(|v| v.auto_lock_minutes())
            .expect_err("locked");
        assert_eq!(again.code(), "locked");
        let vault =
            Vault::open(&state.vault_path(VaultChoice::Main), "correct horse 42").expect("reopen");
        state.set_vault(vault);
        assert!(state.with_vault(|v| v.auto_lock_minutes()).is_ok());
    }

    #[test]
    fn a_poisoned_slot_is_emptied_not_fatal() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = std::sync::Arc::new(unlocked_state(dir.path()));
        let poisoner = state.clone();
        let _ = std::thread::spawn(move || {
            let _guard = poisoner.vault.lock();
            panic!("poison the slot");
        })
        .join();
        assert!(state.vault.is_poisoned());
        let err = state
            .with_vault(|v| v.auto_lock_minutes())
            .expect_err("locked");
        assert_eq!(err.code(), "locked");
        assert!(!state.vault.is_poisoned());
        assert!(!state.is_unlocked());
    }

    #[test]
    fn a_lock_during_long_work_stops_it_and_drops_the_vault() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = std::sync::Arc::new(unlocked_state(dir.path()));
        let (started_tx, started_rx) = std::sync::mpsc::channel();
        let worker = {
            let state = state.clone();
            std::thread::spawn(move || {
                state.with_vault(|_| {
                    started_tx.send(()).expect("signal");
                    // Long work that checks the request between chunks, as imports do.
                    while !state.lock_requested() {
                        std::thread::yield_now();
                    }
                    Err::<(), _>(Error::Locked)
                })
            })
        };
        started_rx.recv().expect("work started");
        state.lock();
        assert!(!state.is_unlocked(), "locked at once for the officer");
        let result = worker.join().expect("worker");
        assert_eq!(result.expect_err("stopped").code(), "locked");
        assert!(state.vault.lock().expect("slot").is_none(), "vault dropped");
        assert!(!state.lock_requested());
    }
}
