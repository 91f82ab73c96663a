//! Printing results: JSON for scripts, plain lines for people.
use std::io::IsTerminal;

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
    println!("{text}");
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
        println!("{}", parts.join("  ").trim_end());
    };
    line(header.to_vec());
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
}
