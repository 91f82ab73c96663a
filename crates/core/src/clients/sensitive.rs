//! Fields the officer copies to the clipboard (the credit code, a contact's phone). The shell
//! fetches the value here by client and field, so the web view can ask for a copy of a client's
//! field but cannot put arbitrary text on the clipboard.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::Vault;

/// A copied sensitive value is cleared from the clipboard after this long, if still there.
pub const CLIPBOARD_CLEAR_SECONDS: u64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SensitiveField {
    CreditCode,
    /// The phone of the contact at this position in the client's list.
    ContactPhone {
        index: u32,
    },
}

impl Vault {
    pub fn sensitive_text(&self, client_id: i64, field: SensitiveField) -> Result<String> {
        let client = self.client(client_id)?;
        let value = match field {
            SensitiveField::CreditCode => client.fields.credit_code,
            SensitiveField::ContactPhone { index } => client
                .fields
                .contacts
                .get(index as usize)
                .map(|c| c.phone.clone()),
        };
        value
            .filter(|v| !v.is_empty())
            .ok_or_else(|| Error::NotFound("field".into()))
    }
}
