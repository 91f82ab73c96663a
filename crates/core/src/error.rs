//! The crate's error type. Each variant maps to a stable `code` the UI switches on to show
//! the officer a message in their language; `message` is the English fallback for logs/CLI.
use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

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
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// A free-text reason the UI cannot translate; prefer [`Error::invalid`] with a [`Rule`].
    pub fn validation(field: &str, reason: impl Into<String>) -> Self {
        Error::invalid(field, Rule::Other(reason.into()))
    }

    pub fn invalid(field: &str, rule: Rule) -> Self {
        Error::Validation {
            field: field.to_string(),
            rule,
        }
    }

    /// Stable identifier the UI and scripts rely on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::WrongPassword => "wrong_password",
            Error::VaultMissing(_) => "vault_missing",
            Error::VaultExists(_) => "vault_exists",
            Error::VaultTooNew { .. } => "vault_too_new",
            Error::NotAVault => "not_a_vault",
            Error::Validation { .. } => "validation",
            Error::NotFound(_) => "not_found",
            Error::Locked => "locked",
            Error::NoScenario(_) => "no_scenario",
            Error::TryLater { .. } => "try_later",
            Error::Damaged(_) => "damaged",
            Error::GateRefused { .. } => "gate_refused",
            // A page that fails its HMAC or structure check while in use: damage, not a bug.
            Error::Database(e) if crate::vault::is_damage(e) => "damaged",
            Error::Database(_) | Error::Migration(_) => "database",
            Error::Io(_) => "io",
            Error::Pdf(_) => "pdf",
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

/// What the UI receives for every failed command.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
    /// For `validation`: why, as a key the UI translates (`validation.<rule>`) with `params`.
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
