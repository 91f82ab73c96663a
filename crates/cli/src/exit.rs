//! The exit codes, in one place (README, "Command line"): 0 success, 1 error (wrong password,
//! missing vault, …), 2 invalid input (clap's usage errors are 2 as well), 3 a refused stage
//! gate, 4 rejected document files.
use std::process::ExitCode;

use loandesk_core::{Error, Result};

pub const ERROR: u8 = 1;
pub const INVALID: u8 = 2;
pub const GATE_REFUSED: u8 = 3;
pub const REJECTED_FILES: u8 = 4;

/// Whether an unknown record is invalid input. It is where the command names the loan or
/// client to act on and nothing else could be missing (`loans`, `reminders`, `portfolio`);
/// elsewhere it stays an error, as those commands have always said.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    IsError,
    IsInvalid,
}

pub fn code(e: &Error, unknown: Unknown) -> u8 {
    match e {
        Error::Validation { .. } => INVALID,
        Error::GateRefused { .. } => GATE_REFUSED,
        Error::NotFound(_) | Error::NoScenario(_) if unknown == Unknown::IsInvalid => INVALID,
        _ => ERROR,
    }
}

/// Says what went wrong on stderr and gives its exit code.
pub fn fail(e: &Error) -> ExitCode {
    fail_as(e, Unknown::IsError)
}

pub fn fail_as(e: &Error, unknown: Unknown) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::from(code(e, unknown))
}

pub fn done(result: Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}
