//! Copy a client's sensitive field (credit code, a contact's phone) to the clipboard. The value
//! is read from the vault here, so the web view can only ask for a copy of a client's field.
use loandesk_core::clients::SensitiveField;
use loandesk_core::Error;
use tauri::State;
use zeroize::Zeroizing;

use super::{payload, CmdResult};
use crate::state::AppState;

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn copy_sensitive(
    state: State<'_, AppState>,
    client_id: i64,
    field: SensitiveField,
) -> CmdResult<()> {
    let text = state
        .with_vault(|v| v.sensitive_text(client_id, field))
        .map(Zeroizing::new)
        .map_err(payload)?;
    state
        .clipboard
        .copy(text)
        .map_err(|e| payload(Error::Io(std::io::Error::other(e))))
}
