//! Sensitive fields (credit code, a contact's phone) copied to the system clipboard from Rust:
//! the web view has no clipboard permission. Each copy is cleared after
//! `CLIPBOARD_CLEAR_SECONDS`, or at once when the vault locks, but only if the clipboard still
//! holds what we put there (the officer may have copied something else since).
//!
//! Each copy owns its clipboard handle on a thread of its own until it is cleared: on X11 the
//! program that copied serves the content, so the handle must live that long, and no handle is
//! shared between threads (arboard's is not `Send` on every platform).
//!
//! Copies are marked for the OS to leave out of clipboard history: Windows' history and cloud
//! clipboard, macOS clipboard managers (nspasteboard.org's concealed type), and Linux ones
//! (KDE's password-manager hint, which the common managers honour).
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::thread::JoinHandle;
use std::time::Duration;

use loandesk_core::clients::CLIPBOARD_CLEAR_SECONDS;
use zeroize::Zeroizing;

#[derive(Default)]
pub struct SensitiveClipboard {
    /// Wakes the newest copy's thread to clear now (on lock or exit), and that thread, to wait
    /// for: at exit the process must not end before the clipboard is cleared.
    clear_now: Mutex<Option<(Sender<()>, JoinHandle<()>)>>,
}

/// `LOANDESK_CLIPBOARD_CLEAR_SECONDS` shortens the wait for end-to-end tests.
fn clear_after() -> Duration {
    let secs = std::env::var("LOANDESK_CLIPBOARD_CLEAR_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(CLIPBOARD_CLEAR_SECONDS);
    Duration::from_secs(secs)
}

impl SensitiveClipboard {
    pub fn copy(&self, text: Zeroizing<String>) -> Result<(), String> {
        let (done_tx, done_rx) = channel::<Result<(), String>>();
        let (wake_tx, wake_rx) = channel::<()>();
        let thread = std::thread::spawn(move || {
            let mut board = match arboard::Clipboard::new() {
                Ok(b) => b,
                Err(e) => {
                    let _ = done_tx.send(Err(e.to_string()));
                    return;
                }
            };
            if let Err(e) = set_sensitive(&mut board, text.as_str()) {
                let _ = done_tx.send(Err(e.to_string()));
                return;
            }
            let _ = done_tx.send(Ok(()));
            // Woken early by a lock, else after the delay. Disconnected means a newer copy took
            // over (its own thread clears it; the same value copied twice must not vanish now).
            if let Err(RecvTimeoutError::Disconnected) = wake_rx.recv_timeout(clear_after()) {
                return;
            }
            let still_ours = board
                .get_text()
                .map(Zeroizing::new)
                .is_ok_and(|now| now.as_str() == text.as_str());
            if still_ours {
                let _ = board.clear();
            }
        });
        done_rx.recv().map_err(|e| e.to_string()).and_then(|r| r)?;
        if let Ok(mut slot) = self.clear_now.lock() {
            *slot = Some((wake_tx, thread));
        }
        Ok(())
    }

    /// On lock and at exit: the last copied value leaves the clipboard before this returns, if
    /// it is still there (the thread only reads and clears once woken).
    pub fn clear_now(&self) {
        if let Some((wake, thread)) = self.clear_now.lock().ok().and_then(|mut s| s.take()) {
            let _ = wake.send(());
            let _ = thread.join();
        }
    }
}

fn set_sensitive(board: &mut arboard::Clipboard, text: &str) -> Result<(), arboard::Error> {
    let set = board.set();
    #[cfg(windows)]
    let set = {
        use arboard::SetExtWindows;
        set.exclude_from_history().exclude_from_cloud()
    };
    #[cfg(target_os = "macos")]
    let set = {
        use arboard::SetExtApple;
        set.exclude_from_history()
    };
    #[cfg(all(unix, not(target_os = "macos")))]
    let set = {
        use arboard::SetExtLinux;
        set.exclude_from_history()
    };
    set.text(text)
}
