//! The crate's error type. Each variant maps to a stable `code` the UI switches on to show
//! the officer a message in their language; `message` is the English fallback for logs/CLI.
use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::error_code::ErrorCode;
use crate::rule::Rule;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("wrong password")]
    WrongPassword,
    #[error("no vault at {0}")]
    VaultMissing(String),
    #[error("a vault already exists at {0}")]
    VaultExists(String),
    #[error("this vault was written by a newer LoanDesk (schema {found}, this app knows {known}); update the app")]
    VaultTooNew { found: i64, known: i64 },
    #[error("the file is not a LoanDesk vault or it is damaged")]
    NotAVault,
    #[error("{field}: {rule}")]
    Validation { field: String, rule: Rule },
    #[error("{0} not found")]
    NotFound(String),
    #[error("the vault is locked")]
    Locked,
    #[error("client {0} has no saved loan scenario")]
    NoScenario(i64),
    #[error("too many wrong passwords: try again in {seconds} s")]
    TryLater { seconds: u64 },
    #[error("the vault is damaged: {}", .0.join("; "))]
    Damaged(Vec<String>),
    /// The stage gate: required checklist items (their keys) are still open.
    #[error("cannot advance: required items open: {}", .open.join(", "))]
    GateRefused { open: Vec<String> },
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("PDF export failed: {0}")]
    Pdf(String),
    /// Another program holds the file open (a PDF viewer, Excel, an antivirus) and Windows
    /// refuses to replace it; short retries did not outlast the hold.
    #[error("the file is open in another program: {0}")]
    FileInUse(String),
    /// A bug caught at the shell's boundary (a panic): the vault was locked for safety.
    #[error("internal error: the vault was locked for safety")]
    Internal,
    /// A third-party parser failed on the file's content in a way it does not report (it panicked).
    #[error("the file could not be read: its content is damaged or not what its type promises")]
    DocumentUnreadable,
    /// The OCR models or runtime are not where the installation put them (the path).
    #[error("OCR resources missing: {0}")]
    OcrUnavailable(String),
    /// The OCR engine failed (load, run, or a panic it caught).
    #[error("OCR failed: {0}")]
    OcrFailed(String),
    /// The officer cancelled the work.
    #[error("cancelled")]
    Cancelled,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn invalid(field: &str, rule: Rule) -> Self {
        Error::Validation {
            field: field.to_string(),
            rule,
        }
    }

    /// Stable identifier the UI and scripts rely on.
    pub fn code(&self) -> &'static str {
        self.error_code().as_str()
    }

    pub fn error_code(&self) -> ErrorCode {
        use ErrorCode as C;
        match self {
            Error::WrongPassword => C::WrongPassword,
            Error::VaultMissing(_) => C::VaultMissing,
            Error::VaultExists(_) => C::VaultExists,
            Error::VaultTooNew { .. } => C::VaultTooNew,
            Error::NotAVault => C::NotAVault,
            Error::Validation { .. } => C::Validation,
            Error::NotFound(_) => C::NotFound,
            Error::Locked => C::Locked,
            Error::NoScenario(_) => C::NoScenario,
            Error::TryLater { .. } => C::TryLater,
            Error::Damaged(_) => C::Damaged,
            Error::GateRefused { .. } => C::GateRefused,
            // A page that fails its HMAC or structure check while in use: damage, not a bug.
            Error::Database(e) if crate::vault::is_damage(e) => C::Damaged,
            Error::Database(_) | Error::Migration(_) => C::Database,
            Error::Io(_) => C::Io,
            Error::Pdf(_) => C::Pdf,
            Error::FileInUse(_) => C::FileInUse,
            Error::Internal => C::Internal,
            Error::DocumentUnreadable => C::DocumentUnreadable,
            Error::OcrUnavailable(_) => C::OcrUnavailable,
            Error::OcrFailed(_) => C::OcrFailed,
            Error::Cancelled => C::Cancelled,
        }
    }

    pub fn field(&self) -> Option<String> {
        match self {
            Error::Validation { field, .. } => Some(field.clone()),
            _ => None,
        }
    }

    pub fn to_payload(&self) -> ErrorPayload {
        let (rule, params) = match self {
            Error::Validation { rule, .. } => (Some(rule.key().to_string()), rule.params()),
            Error::TryLater { seconds } => (
                None,
                BTreeMap::from([("seconds".to_string(), seconds.to_string())]),
            ),
            _ => (None, BTreeMap::new()),
        };
        ErrorPayload {
            code: self.code().to_string(),
            message: self.to_string(),
            field: self.field(),
            rule,
            params,
            items: match self {
                Error::GateRefused { open } => open.clone(),
                _ => Vec::new(),
            },
        }
    }
}

/// Runs a third-party parser of a user's file (zip, calamine). Their panics are bugs we cannot
/// fix and must not unwind through a held vault lock: one becomes [`Error::DocumentUnreadable`].
pub(crate) fn guard_parser<T>(parse: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse))
        .unwrap_or(Err(Error::DocumentUnreadable))
}

/// What the UI receives for every failed command.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    /// An [`ErrorCode`]; the UI shows its `error.<code>` text.
    #[ts(type = "ErrorCode")]
    pub code: String,
    pub message: String,
    pub field: Option<String>,
    /// For `validation`: why, a [`crate::rule::RuleCode`] the UI shows as `rule.<code>` with `params`.
    #[ts(type = "RuleCode | null")]
    pub rule: Option<String>,
    pub params: BTreeMap<String, String>,
    /// For `gate_refused`: the keys of the required items still open (empty otherwise).
    pub items: Vec<String>,
}

/// Invalid loan terms are validation errors like any other form field.
impl From<crate::loans::LoanError> for Error {
    fn from(e: crate::loans::LoanError) -> Self {
        match e {
            crate::loans::LoanError::Invalid { field, rule } => Error::invalid(field, rule),
        }
    }
}
