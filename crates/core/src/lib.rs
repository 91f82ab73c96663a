//! LoanDesk domain logic. No Tauri here: the desktop shell and the CLI are thin layers over it.
pub mod amount;
pub mod analysis;
pub mod bank_profile;
pub mod bindings;
pub mod clients;
pub mod clock;
pub mod demo;
pub mod documents;
pub mod error;
pub mod error_code;
pub mod feedback;
pub mod files;
pub mod journey;
pub mod labels;
pub mod lifecycle;
pub mod loans;
pub mod ocr;
pub mod pdf;
pub mod prefs;
pub mod project_finance;
pub mod rule;
pub mod security;
pub mod servicing;
pub mod vault;

pub use clock::Clock;
pub use error::{Error, ErrorPayload, Result};
pub use vault::Vault;
