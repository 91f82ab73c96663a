//! Printing results: JSON for scripts, plain lines for people. Everything on stdout goes
//! through [`write_out`] (the `out!` and `outln!` macros), so a reader that went away early
//! (`loandesk … | head`, `| grep -q`) ends the program quietly with 0 instead of a panic.
use std::io::{ErrorKind, IsTerminal, Write};

/// `print!` through the one writer.
macro_rules! out {
    ($($arg:tt)*) => { $crate::output::write_out(format_args!($($arg)*)) };
}

/// `println!` through the one writer.
macro_rules! outln {
    () => { $crate::output::write_out(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::output::write_out(format_args!("{}\n", format_args!($($arg)*))) };
}

/// Writes to stdout and flushes. A closed stdout is the reader saying it has seen enough:
/// nothing is left to do, and it is not a failure. Any other write error is exit 1.
pub fn write_out(text: std::fmt::Arguments) {
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_fmt(text).and_then(|()| stdout.flush()) {
        if e.kind() == ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write the output: {e}");
        std::process::exit(1);
    }
}

use serde::Serialize;

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Table,
}

#[derive(clap::Args, Clone, Copy)]
pub struct FormatArg {
    /// Output format (default: table on a terminal, json otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

impl FormatArg {
    pub fn resolve(self) -> Format {
        self.format.unwrap_or(if std::io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Json
        })
    }
}

pub fn json<T: Serialize>(value: &T) -> loandesk_core::Result<()> {
    let text =
        serde_json::to_string_pretty(value).map_err(|e| loandesk_core::Error::Io(e.into()))?;
    outln!("{text}");
    Ok(())
}

/// Left-aligned columns, widths by character count (Chinese counts as two columns).
pub fn table(header: &[&str], rows: &[Vec<String>]) {
    let width = |s: &str| {
        s.chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum::<usize>()
    };
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: Vec<&str>| {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - width(c))))
            .collect();
        outln!("{}", parts.join("  ").trim_end());
    };
    line(header.to_vec());
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
}
