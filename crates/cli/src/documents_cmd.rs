//! `loandesk documents ...`, `loandesk statements import` and `loandesk ratios`.
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use loandesk_core::analysis::{BalanceBasis, Bound, CreditAnalysis, RatioStatus, RatioUnit};
use loandesk_core::documents::{DocumentKind, DocumentSummary};
use loandesk_core::rule::Rule;
use loandesk_core::{Error, Result};
use rust_decimal::Decimal;
use serde_json::json;

use crate::exit;
use crate::output::{self, Format, FormatArg};
use crate::vault_cmd::open;
use crate::VaultArg;

fn kind(s: &str) -> std::result::Result<DocumentKind, String> {
    DocumentKind::parse(s).ok_or_else(|| {
        let all: Vec<&str> = DocumentKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind '{s}' (one of: {})", all.join(", "))
    })
}

#[derive(Subcommand)]
pub enum DocumentsCommand {
    /// Import files into a client's documents, each on its own: a refused file stores nothing
    /// and the others are still imported. Prints the imported documents; each refused file
    /// gets one line on stderr ("FILE: reason") and the exit code is then 2.
    Import {
        #[command(flatten)]
        vault: VaultArg,
        #[arg(long)]
        client: i64,
        /// Document kind for all files (default: suggested from each file's content and name).
        #[arg(long, value_parser = kind)]
        kind: Option<DocumentKind>,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// List a client's documents, newest first.
    List {
        #[command(flatten)]
        vault: VaultArg,
        #[arg(long)]
        client: i64,
        /// Include archived documents.
        #[arg(long)]
        archived: bool,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Write a copy of a document to a new file (never overwrites).
    Export {
        #[command(flatten)]
        vault: VaultArg,
        #[arg(long)]
        id: i64,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum StatementsCommand {
    /// Read a financial statement (XLSX, XLS or CSV in the template layout) into the client's
    /// figures; the file is kept as a financial-statements document.
    Import {
        #[command(flatten)]
        vault: VaultArg,
        #[arg(long)]
        client: i64,
        file: PathBuf,
        #[command(flatten)]
        format: FormatArg,
    },
}

#[derive(clap::Args)]
pub struct RatiosArgs {
    #[command(flatten)]
    vault: VaultArg,
    #[arg(long)]
    client: i64,
    #[command(flatten)]
    format: FormatArg,
}

pub fn run(cmd: DocumentsCommand) -> ExitCode {
    let result = match cmd {
        DocumentsCommand::Import {
            vault,
            client,
            kind,
            files,
            format,
        } => return import(&vault, client, kind, &files, format),
        DocumentsCommand::List {
            vault,
            client,
            archived,
            format,
        } => open(&vault)
            .and_then(|v| v.list_documents(client, archived))
            .and_then(|docs| list(&docs, format.resolve())),
        // A script never replaces a file by accident (the app's save dialog asks instead).
        DocumentsCommand::Export { out, .. } if out.exists() => {
            Err(Error::invalid("out", Rule::FileExists))
        }
        DocumentsCommand::Export { vault, id, out } => open(&vault)
            .and_then(|v| v.export_document(id, &out))
            .and_then(|bytes| {
                let path = out.display().to_string();
                output::json(&json!({ "id": id, "path": path, "bytes": bytes }))
            }),
    };
    exit::done(result)
}

fn import(
    vault: &VaultArg,
    client: i64,
    kind: Option<DocumentKind>,
    files: &[PathBuf],
    format: FormatArg,
) -> ExitCode {
    let mut v = match open(vault) {
        Ok(v) => v,
        Err(e) => return exit::fail(&e),
    };
    let mut imported = Vec::new();
    let mut refused = 0;
    for file in files {
        match v.import_document_file(client, file, kind) {
            Ok(doc) => imported.push(doc),
            // An unknown client is not about the file: stop before saying it of every file.
            Err(e @ Error::NotFound(_)) => return exit::fail(&e),
            Err(e) => {
                refused += 1;
                eprintln!("{}: {}", file.display(), reason(&e));
            }
        }
    }
    if let Err(e) = list(&imported, format.resolve()) {
        return exit::fail(&e);
    }
    if refused > 0 {
        ExitCode::from(exit::REJECTED_FILES)
    } else {
        ExitCode::SUCCESS
    }
}

/// The rule alone reads best after the file name ("a.pdf: the file is empty").
fn reason(e: &Error) -> String {
    match e {
        Error::Validation { rule, .. } => rule.to_string(),
        other => other.to_string(),
    }
}

fn list(docs: &[DocumentSummary], format: Format) -> Result<()> {
    match format {
        Format::Json => output::json(&docs),
        Format::Table => {
            let rows: Vec<Vec<String>> = docs
                .iter()
                .map(|d| {
                    vec![
                        d.id.to_string(),
                        d.file_name.clone(),
                        d.kind.label_zh().to_string(),
                        d.file_type.as_str().to_string(),
                        d.size.to_string(),
                        d.imported_at.clone(),
                        if d.archived {
                            "archived".into()
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect();
            output::table(
                &["id", "name", "kind", "type", "bytes", "imported", ""],
                &rows,
            );
            Ok(())
        }
    }
}

pub fn statements(cmd: StatementsCommand) -> ExitCode {
    let StatementsCommand::Import {
        vault,
        client,
        file,
        format,
    } = cmd;
    let result = open(&vault).and_then(|mut v| v.import_statement_file(client, &file));
    exit::done(result.and_then(|imported| match format.resolve() {
        Format::Json => output::json(&imported),
        Format::Table => {
            let years: Vec<String> = imported.years.iter().map(|y| y.year.to_string()).collect();
            outln!(
                "read {} into document {} (years {})",
                file.display(),
                imported.document.id,
                years.join(", ")
            );
            Ok(())
        }
    }))
}

pub fn ratios(args: RatiosArgs) -> ExitCode {
    let result = open(&args.vault).and_then(|v| v.credit_analysis(args.client));
    exit::done(result.and_then(|a| match args.format.resolve() {
        Format::Json => output::json(&a),
        Format::Table => {
            ratio_table(&a);
            Ok(())
        }
    }))
}

/// One row per year and ratio, latest year first: the value in its unit, the change on the
/// year before, the threshold with its direction, the status, and the balances a turnover or
/// a return was taken on ("closing": the year before is not imported).
fn ratio_table(a: &CreditAnalysis) {
    if let Some(ds) = &a.debt_service {
        outln!(
            "annual debt service {} (loan year {}, scenario {})",
            ds.annual,
            ds.loan_year,
            ds.scenario_label
        );
    }
    let dash = || "-".to_string();
    let mut closing = false;
    let mut rows = Vec::new();
    for y in &a.years {
        for r in &y.ratios {
            let status = match r.status {
                RatioStatus::Ok => "ok",
                RatioStatus::Breach => "BREACH",
                RatioStatus::NotAvailable => "n/a",
                RatioStatus::NoThreshold => "no-threshold",
            };
            let bound = match r.bound {
                Bound::AtLeast => ">=",
                Bound::AtMost => "<=",
            };
            closing |= r.basis == Some(BalanceBasis::Closing);
            rows.push(vec![
                y.year.to_string(),
                r.kind.as_str().to_string(),
                r.value.map(two_places).unwrap_or_else(dash),
                unit(r.unit).to_string(),
                r.change.map(signed).unwrap_or_else(dash),
                r.threshold
                    .map(|t| format!("{bound} {}", two_places(t)))
                    .unwrap_or_else(dash),
                status.to_string(),
                r.basis.map(|b| b.as_str().to_string()).unwrap_or_default(),
            ]);
        }
    }
    output::table(
        &[
            "year",
            "ratio",
            "value",
            "unit",
            "change",
            "threshold",
            "status",
            "basis",
        ],
        &rows,
    );
    if closing {
        outln!("basis closing: the year before is not imported, closing balances used");
    }
}

/// The unit as the table shows it after the value.
fn unit(u: RatioUnit) -> &'static str {
    match u {
        RatioUnit::Times => "x",
        RatioUnit::Percent => "%",
        RatioUnit::Days => "days",
        RatioUnit::Yuan => "yuan",
    }
}

/// Ratios are rounded to two places; shown with both (60 days as "60.00"), so a column reads
/// evenly. More places (a threshold set finer) are kept.
fn two_places(d: Decimal) -> String {
    let mut shown = d;
    if shown.scale() < 2 {
        shown.rescale(2);
    }
    shown.to_string()
}

/// A change with its sign: "+0.10", "-3.25", "0.00".
fn signed(d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{}", two_places(d))
    } else {
        two_places(d)
    }
}
