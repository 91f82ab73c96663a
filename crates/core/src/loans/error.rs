use thiserror::Error;

/// Why a schedule could not be produced. Every variant names the input field at fault so the
/// UI can put the message next to it and the CLI can print one line.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoanError {
    #[error("{field}: {reason}")]
    Invalid { field: &'static str, reason: String },
}

impl LoanError {
    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        LoanError::Invalid {
            field,
            reason: reason.into(),
        }
    }

    /// The field the error is about, in the snake_case spelling of [`super::LoanTerms`].
    pub fn field(&self) -> &'static str {
        match self {
            LoanError::Invalid { field, .. } => field,
        }
    }

    /// The reason without the field name, for callers that label the field themselves.
    pub fn reason(&self) -> &str {
        match self {
            LoanError::Invalid { reason, .. } => reason,
        }
    }

    /// Stable code the UI switches on.
    pub fn code(&self) -> &'static str {
        "validation"
    }
}
