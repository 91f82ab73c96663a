//! `loandesk lifecycle ...`: the status each client's facts suggest (dormant, active, loyal),
//! and the officer's confirmation of one. Applying a status the rules do not suggest exits 2
//! and changes nothing (any other change is the app's status dialog).
use std::process::ExitCode;

use clap::Subcommand;
use loandesk_core::clients::LifecycleStatus;
use loandesk_core::lifecycle::LifecycleSuggestion;
use loandesk_core::Result;

use crate::loans_cmd::{bad_terms, finish, Common};
use crate::output::{self, Format};
use crate::vault_cmd::open;

#[derive(Subcommand)]
pub enum LifecycleCommand {
    /// Every client whose status the rules would change, with the reason.
    Suggest {
        #[command(flatten)]
        common: Common,
    },
    /// Confirm a suggestion: the client's status becomes STATUS.
    Apply {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        client: i64,
        /// dormant, active or loyal, as suggested.
        #[arg(long, value_name = "STATUS")]
        to: String,
    },
}

fn status(s: &str) -> std::result::Result<LifecycleStatus, String> {
    LifecycleStatus::parse(s.trim()).ok_or_else(|| {
        let all: Vec<&str> = LifecycleStatus::ALL.iter().map(|k| k.as_str()).collect();
        format!("to: unknown value '{s}' (one of: {})", all.join(", "))
    })
}

fn row(s: &LifecycleSuggestion) -> Vec<String> {
    vec![
        s.client_id.to_string(),
        s.client_name.clone(),
        s.tier.as_str().into(),
        s.from.as_str().into(),
        s.to.as_str().into(),
        s.reason.as_str().into(),
    ]
}

fn print<T: serde::Serialize>(
    value: &T,
    rows: Vec<Vec<String>>,
    header: &[&str],
    format: Format,
) -> Result<()> {
    match format {
        Format::Json => output::json(value),
        Format::Table => {
            output::table(header, &rows);
            Ok(())
        }
    }
}

pub fn run(cmd: LifecycleCommand) -> ExitCode {
    const HEADER: [&str; 6] = ["client", "name", "tier", "from", "to", "reason"];
    finish(match cmd {
        LifecycleCommand::Suggest { common } => (|| {
            let list = open(&common.vault)?.lifecycle_suggestions(common.today())?;
            let rows = list.iter().map(row).collect();
            print(&list, rows, &HEADER, common.format.resolve())
        })(),
        LifecycleCommand::Apply { common, client, to } => {
            let to = match status(&to) {
                Ok(s) => s,
                Err(message) => return bad_terms(&message),
            };
            (|| {
                let s = open(&common.vault)?.apply_lifecycle(client, to, common.today())?;
                print(&s, vec![row(&s)], &HEADER, common.format.resolve())
            })()
        }
    })
}
