//! LoanDesk domain logic. No Tauri here: the desktop shell and the CLI are thin layers over it.
pub mod loans;
