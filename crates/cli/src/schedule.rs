//! `loandesk schedule`: a repayment schedule without a vault.
