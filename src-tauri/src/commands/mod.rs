//! Tauri commands: each takes typed input, calls the core off the UI thread, and returns typed
//! output or an `ErrorPayload` the UI turns into a message in the officer's language.
pub mod backup;
pub mod client_import;
pub mod clients;
pub mod clipboard;
mod dialogs;
pub mod documents;
pub mod feedback;
pub mod journey;
pub mod loans;
pub mod ocr;
pub mod pdf;
pub mod penalty;
pub mod project_model;
pub mod reschedule;
pub mod security;
pub mod servicing;
pub mod vault;

use loandesk_core::ErrorPayload;

pub type CmdResult<T> = Result<T, ErrorPayload>;

/// Every failed command passes here: the log gets the code, never the message (it may name a
/// file or a client).
pub fn payload(e: loandesk_core::Error) -> ErrorPayload {
    tracing::warn!(code = e.code(), "command failed");
    e.to_payload()
}
