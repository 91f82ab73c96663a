//! `loandesk export schedule|proposal`: PDFs of a client's saved loan scenarios, and the
//! `--pdf` file of `loandesk schedule`.
//!
//! The PDF's path goes to stdout; warnings (characters no font could draw) to stderr. Exit 1
//! when there is nothing to export, 2 for bad input.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use loandesk_core::amount::AmountUnit;
use loandesk_core::loans::Schedule;
use loandesk_core::pdf::{schedule_pdf, ExportKind, ExportRequest, Lang, PdfOutput, ScheduleDoc};
use loandesk_core::rule::Rule;
use loandesk_core::Error;

use crate::{exit, vault_cmd, VaultArg};

#[derive(Subcommand)]
pub enum ExportCommand {
    /// The repayment schedule (还款计划表) of the client's proposed loan scenario.
    Schedule(ExportArgs),
    /// The loan proposal (贷款方案建议书) of the proposed scenario, numbered (方案编号 YYYY-NNNN).
    Proposal {
        #[command(flatten)]
        args: ExportArgs,
        /// What the loan is for (贷款用途).
        #[arg(long, value_name = "TEXT")]
        purpose: Option<String>,
        /// Risks and disclosures (default: the standard text, APR disclosure included).
        #[arg(long, value_name = "TEXT")]
        risks: Option<String>,
        /// A saved scenario (id) to compare beside it; twice for two. None by default.
        #[arg(long, value_name = "SCENARIO")]
        compare: Vec<i64>,
    },
}

#[derive(clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    vault: VaultArg,
    /// The client's id (see `loandesk clients list`).
    #[arg(long, value_name = "ID")]
    client: i64,
    /// Where to write the PDF.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Language of the document: zh (default) or en.
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// The unit the loan amount is written in: yuan, wan (万元) or yi (亿元); payments stay in
    /// yuan. Without it: "CNY 1,000,000.00".
    #[arg(long, value_name = "UNIT")]
    unit: Option<String>,
}

pub fn run(cmd: ExportCommand) -> ExitCode {
    let result = match cmd {
        ExportCommand::Schedule(args) => export(&args, ExportKind::Schedule, None, None, vec![]),
        ExportCommand::Proposal {
            args,
            purpose,
            risks,
            compare,
        } => export(
            &args,
            ExportKind::Proposal,
            purpose.as_deref(),
            risks.as_deref(),
            compare,
        ),
    };
    exit::done(result)
}

/// `loandesk schedule ... --pdf FILE`: no vault, so no client; the officer if given.
pub fn quick_schedule(
    schedule: &Schedule,
    out: &Path,
    lang: Option<&str>,
    officer: Option<&str>,
) -> ExitCode {
    let result = parse_lang(lang).and_then(|lang| {
        let doc = ScheduleDoc {
            schedule,
            client_name: None,
            officer: officer.unwrap_or_default(),
            generated_on: crate::today_or_local(None),
            lang,
            booked: None,
            unit: None,
        };
        write(out, &schedule_pdf(&doc)?)
    });
    exit::done(result)
}

fn export(
    args: &ExportArgs,
    kind: ExportKind,
    purpose: Option<&str>,
    risks: Option<&str>,
    compare: Vec<i64>,
) -> Result<(), Error> {
    let lang = parse_lang(args.lang.as_deref())?;
    let unit = args
        .unit
        .as_deref()
        .map(|u| {
            AmountUnit::parse(u).ok_or_else(|| Error::invalid("unit", Rule::Unknown(u.into())))
        })
        .transpose()?;
    let mut vault = vault_cmd::open(&args.vault)?;
    let req = ExportRequest {
        kind,
        lang,
        purpose: purpose.map(str::to_owned),
        risks: risks.map(str::to_owned),
        terms: None,
        compare,
        unit,
    };
    write(
        &args.out,
        &vault.export_pdf(args.client, &req, crate::today_or_local(None))?,
    )
}

fn parse_lang(lang: Option<&str>) -> Result<Lang, Error> {
    lang.map_or(Ok(Lang::Zh), str::parse)
}

/// Writes beside the target and renames, so a viewer never opens a half-written file (also
/// `loandesk pf model --pdf`).
pub(crate) fn write(out: &Path, pdf: &PdfOutput) -> Result<(), Error> {
    for warning in &pdf.warnings {
        eprintln!("warning: {warning}");
    }
    let mut partial = out.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    std::fs::write(&partial, &pdf.bytes)?;
    if let Err(e) = std::fs::rename(&partial, out) {
        let _ = std::fs::remove_file(&partial);
        return Err(e.into());
    }
    outln!("{}", out.display());
    Ok(())
}
