//! `loandesk collateral ...`: items pledged for a loan (押品), their valuations and lendable
//! value (value × cap − prior liens). Bad input (an unknown kind, a negative value, a cap
//! above 100 %, a valuation in the future) exits 2 and changes nothing.
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;
use loandesk_core::security::{Collateral, CollateralInput, CollateralKind, Revaluation};
use loandesk_core::Result;

use crate::facilities_cmd::print_id;
use crate::loans_cmd::{amount, bad_terms, finish, Common};
use crate::output::{self, Format};
use crate::vault_cmd::open;

#[derive(Subcommand)]
pub enum CollateralCommand {
    /// Pledge an item for an open loan with its first valuation.
    Add {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        loan: i64,
        /// property, land, equipment, vehicle, inventory, receivables, deposit, equity or ip.
        #[arg(long)]
        kind: String,
        #[arg(long, allow_negative_numbers = true)]
        value: String,
        #[arg(long)]
        valued_on: NaiveDate,
        /// The share of the value the loan may lean on (抵押率/质押率), in percent; default:
        /// the kind's cap in Settings.
        #[arg(long, value_name = "P", allow_negative_numbers = true)]
        cap_percent: Option<String>,
        /// Debt ranking before this pledge (在先抵押), deducted from the lendable value.
        #[arg(long, value_name = "A", allow_negative_numbers = true)]
        prior_lien: Option<String>,
        #[arg(long, default_value = "")]
        owner: String,
        /// The mortgage registration (抵押登记) number.
        #[arg(long, value_name = "N", requires = "registered_until")]
        registration_no: Option<String>,
        #[arg(long, value_name = "D")]
        registered_until: Option<NaiveDate>,
        #[arg(long, value_name = "D")]
        insured_until: Option<NaiveDate>,
        #[arg(long, default_value = "")]
        description: String,
        /// Who valued it (an appraiser, the bank's own estimate).
        #[arg(long, default_value = "")]
        source: String,
    },
    /// A new valuation; the earlier ones stay in the item's history. Prints the item.
    Revalue {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        id: i64,
        #[arg(long, allow_negative_numbers = true)]
        value: String,
        #[arg(long)]
        valued_on: NaiveDate,
        #[arg(long, default_value = "")]
        source: String,
    },
    /// Release an item: kept for the record, no longer part of the loan's capacity.
    Archive {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        id: i64,
    },
    /// A loan's or a client's collateral, the pledged items first, then the archived.
    #[command(group(clap::ArgGroup::new("of").required(true).args(["loan", "client"])))]
    List {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        loan: Option<i64>,
        #[arg(long)]
        client: Option<i64>,
    },
}

/// The kind, or the line that names the kinds.
fn kind(s: &str) -> std::result::Result<CollateralKind, String> {
    CollateralKind::parse(s).ok_or_else(|| {
        let all: Vec<&str> = CollateralKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("kind: unknown value '{s}' (one of: {})", all.join(", "))
    })
}

fn item(v: &loandesk_core::Vault, id: i64) -> Result<Collateral> {
    v.collateral(id)
}

fn print_list(items: &[Collateral], format: Format) -> Result<()> {
    match format {
        Format::Json => output::json(&items),
        Format::Table => {
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|c| {
                    vec![
                        c.id.to_string(),
                        c.loan_id.to_string(),
                        c.kind.as_str().into(),
                        format!("{} ({})", c.value, c.valued_on),
                        format!("{} %", c.cap_percent),
                        c.prior_lien.to_string(),
                        c.lendable.to_string(),
                        c.revalue_on.map(|d| d.to_string()).unwrap_or_default(),
                        c.archived_on.map(|d| d.to_string()).unwrap_or_default(),
                    ]
                })
                .collect();
            output::table(
                &[
                    "id", "loan", "kind", "value", "cap", "prior", "lendable", "revalue",
                    "archived",
                ],
                &rows,
            );
            Ok(())
        }
    }
}

pub fn run(cmd: CollateralCommand) -> ExitCode {
    finish(match cmd {
        CollateralCommand::Add {
            common,
            loan,
            kind: k,
            value,
            valued_on,
            cap_percent,
            prior_lien,
            owner,
            registration_no,
            registered_until,
            insured_until,
            description,
            source,
        } => {
            let kind = match kind(&k) {
                Ok(k) => k,
                Err(message) => return bad_terms(&message),
            };
            (|| {
                let input = CollateralInput {
                    kind,
                    owner,
                    description,
                    value: amount("value", &value)?,
                    valued_on,
                    source,
                    cap_percent: cap_percent
                        .as_deref()
                        .map(|p| amount("cap_percent", p))
                        .transpose()?,
                    prior_lien: prior_lien
                        .as_deref()
                        .map(|a| amount("prior_lien", a))
                        .transpose()?
                        .unwrap_or_default(),
                    registration_no: registration_no.unwrap_or_default(),
                    registered_until,
                    insured_until,
                };
                let id = open(&common.vault)?.add_collateral(loan, &input, common.today())?;
                print_id("collateral", id, common.format.resolve())
            })()
        }
        CollateralCommand::Revalue {
            common,
            id,
            value,
            valued_on,
            source,
        } => (|| {
            let revaluation = Revaluation {
                value: amount("value", &value)?,
                valued_on,
                source,
            };
            let mut v = open(&common.vault)?;
            let today = common.today();
            v.revalue_collateral(id, &revaluation, today)?;
            print_item(&item(&v, id)?, common.format.resolve())
        })(),
        CollateralCommand::Archive { common, id } => (|| {
            let mut v = open(&common.vault)?;
            let today = common.today();
            v.archive_collateral(id, today)?;
            print_item(&item(&v, id)?, common.format.resolve())
        })(),
        CollateralCommand::List {
            common,
            loan,
            client,
        } => (|| {
            let v = open(&common.vault)?;
            let items = match (loan, client) {
                (Some(loan), _) => {
                    // An unknown loan is bad input, not an empty list.
                    v.booked_loan(loan, common.today())?;
                    v.loan_collateral(loan)?
                }
                (None, Some(client)) => v.client_collateral(client)?,
                (None, None) => Vec::new(),
            };
            print_list(&items, common.format.resolve())
        })(),
    })
}

fn print_item(c: &Collateral, format: Format) -> Result<()> {
    match format {
        Format::Json => output::json(c),
        Format::Table => print_list(std::slice::from_ref(c), format),
    }
}
