use thiserror::Error;

use crate::rule::Rule;

/// Why a schedule could not be produced. Every variant names the input field at fault so the
/// UI can put the message next to it and the CLI can print one line.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoanError {
    #[error("{field}: {rule}")]
    Invalid { field: &'static str, rule: Rule },
}

impl LoanError {
    pub(crate) fn invalid(field: &'static str, rule: Rule) -> Self {
        LoanError::Invalid { field, rule }
    }

    /// The field the error is about, in the snake_case spelling of [`super::LoanTerms`].
    pub fn field(&self) -> &'static str {
        match self {
            LoanError::Invalid { field, .. } => field,
        }
    }

    /// The reason without the field name, for callers that label the field themselves.
    pub fn reason(&self) -> String {
        match self {
            LoanError::Invalid { rule, .. } => rule.to_string(),
        }
    }

    /// Stable code the UI switches on.
    pub fn code(&self) -> &'static str {
        "validation"
    }
}
