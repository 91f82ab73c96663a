//! `loandesk lpr ...`: the LPR table that floating loans reprice on; `loandesk scenarios save`:
//! a loan scenario from the schedule's term flags. Bad input exits 2 and changes nothing.
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;
use loandesk_core::loans::{LprTenor, ScenarioInput};
use loandesk_core::servicing::{parse_lpr_csv, LprRate};
use loandesk_core::{Error, Result};

use crate::loans_cmd::{amount, bad_terms, finish, Common, TermArgs};
use crate::output::{self, Format};
use crate::vault_cmd::open;

#[derive(Subcommand)]
pub enum LprCommand {
    /// Enter (or correct) the LPR published on a day.
    Set {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        date: NaiveDate,
        /// 1y or 5y.
        #[arg(long)]
        tenor: String,
        #[arg(long, allow_negative_numbers = true)]
        percent: String,
    },
    /// The LPR table, newest first.
    List {
        #[command(flatten)]
        common: Common,
    },
    /// Import a CSV of `date,1y,5y` (or `date,tenor,percent`) rows; all or none.
    Import {
        #[command(flatten)]
        common: Common,
        file: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum ScenariosCommand {
    /// Save a loan scenario for a client from the schedule's term flags.
    Save {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        client: i64,
        #[arg(long)]
        label: String,
        /// Make it the client's proposed scenario.
        #[arg(long)]
        proposed: bool,
        #[command(flatten)]
        terms: Box<TermArgs>,
    },
}

fn print_table(rates: &[LprRate], format: Format) -> Result<()> {
    match format {
        Format::Json => output::json(&rates),
        Format::Table => {
            let rows: Vec<Vec<String>> = rates
                .iter()
                .map(|r| {
                    vec![
                        r.published_on.to_string(),
                        r.tenor.as_str().into(),
                        r.percent.to_string(),
                    ]
                })
                .collect();
            output::table(&["published", "tenor", "percent"], &rows);
            Ok(())
        }
    }
}

pub fn run(cmd: LprCommand) -> ExitCode {
    finish(match cmd {
        LprCommand::Set {
            common,
            date,
            tenor,
            percent,
        } => (|| {
            let tenor: LprTenor = tenor.parse()?;
            let rate = LprRate {
                published_on: date,
                tenor,
                percent: amount("percent", &percent)?,
            };
            let mut v = open(&common.vault)?;
            v.set_lpr(&rate)?;
            print_table(&v.lpr_rates()?, common.format.resolve())
        })(),
        LprCommand::List { common } => (|| {
            let v = open(&common.vault)?;
            print_table(&v.lpr_rates()?, common.format.resolve())
        })(),
        LprCommand::Import { common, file } => (|| {
            let rates = parse_lpr_csv(&std::fs::read(&file)?)?;
            let mut v = open(&common.vault)?;
            v.import_lpr(&rates)?;
            print_table(&v.lpr_rates()?, common.format.resolve())
        })(),
    })
}

pub fn scenarios(cmd: ScenariosCommand) -> ExitCode {
    let ScenariosCommand::Save {
        common,
        client,
        label,
        proposed,
        terms,
    } = cmd;
    let terms = match terms.terms() {
        Ok(Some(t)) => t,
        Ok(None) => {
            return bad_terms("principal: missing (give the term flags of `loandesk schedule`)")
        }
        Err(message) => return bad_terms(&message),
    };
    finish((|| {
        let mut v = open(&common.vault)?;
        let input = ScenarioInput {
            id: None,
            label,
            terms,
            proposed,
        };
        let id = v.save_scenario(client, &input)?;
        let saved = v
            .loan_scenarios(client)?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::NotFound(format!("scenario {id}")))?;
        match common.format.resolve() {
            Format::Json => output::json(&saved),
            Format::Table => {
                outln!(
                    "scenario {} · {} · {}",
                    saved.id,
                    saved.label,
                    saved.terms.principal
                );
                Ok(())
            }
        }
    })())
}
