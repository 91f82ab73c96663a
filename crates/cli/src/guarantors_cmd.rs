//! `loandesk guarantors ...`: a loan's guarantors (保证人), a company (its 统一社会信用代码
//! checked) or a person, joint (连带责任保证) or general (一般保证). Bad input exits 2 and changes
//! nothing.
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;
use loandesk_core::security::{GuaranteeKind, Guarantor, GuarantorInput, GuarantorParty};
use loandesk_core::Result;

use crate::facilities_cmd::print_id;
use crate::loans_cmd::{amount, bad_terms, finish, Common};
use crate::output::{self, Format};
use crate::vault_cmd::open;

#[derive(Subcommand)]
pub enum GuarantorsCommand {
    /// Add a guarantor to a loan (a company unless --person).
    Add {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        loan: i64,
        #[arg(long)]
        name: String,
        /// A company's unified social credit code (统一社会信用代码), checked.
        #[arg(long, value_name = "C")]
        credit_code: Option<String>,
        /// joint (连带责任保证) or general (一般保证).
        #[arg(long)]
        kind: String,
        /// The most the guarantee covers (default: the whole debt).
        #[arg(long, value_name = "A", allow_negative_numbers = true)]
        limit: Option<String>,
        /// The guarantor is a person (自然人), not a company.
        #[arg(long)]
        person: bool,
        /// The guarantee's period.
        #[arg(long, value_name = "D")]
        from: Option<NaiveDate>,
        #[arg(long, value_name = "D")]
        to: Option<NaiveDate>,
        /// To the borrower: shareholder, parent company, legal representative...
        #[arg(long, default_value = "")]
        relation: String,
    },
    /// A loan's guarantors, the current ones first.
    List {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        loan: i64,
    },
    /// The guarantee ended or was released: kept for the record.
    Archive {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        id: i64,
    },
}

/// The kind, or the line that names the kinds.
fn kind(s: &str) -> std::result::Result<GuaranteeKind, String> {
    GuaranteeKind::parse(s).ok_or_else(|| {
        let all: Vec<&str> = GuaranteeKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("kind: unknown value '{s}' (one of: {})", all.join(", "))
    })
}

fn print_list(list: &[Guarantor], format: Format) -> Result<()> {
    match format {
        Format::Json => output::json(&list),
        Format::Table => {
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|g| {
                    vec![
                        g.id.to_string(),
                        g.name.clone(),
                        g.party.as_str().into(),
                        g.credit_code.clone().unwrap_or_default(),
                        g.kind.as_str().into(),
                        g.limit.map(|l| l.to_string()).unwrap_or_default(),
                        match (g.from, g.to) {
                            (None, None) => String::new(),
                            (f, t) => format!(
                                "{} – {}",
                                f.map(|d| d.to_string()).unwrap_or_default(),
                                t.map(|d| d.to_string()).unwrap_or_default()
                            ),
                        },
                        g.relation.clone(),
                        g.archived_on.map(|d| d.to_string()).unwrap_or_default(),
                    ]
                })
                .collect();
            output::table(
                &[
                    "id",
                    "name",
                    "party",
                    "credit code",
                    "kind",
                    "limit",
                    "period",
                    "relation",
                    "archived",
                ],
                &rows,
            );
            Ok(())
        }
    }
}

pub fn run(cmd: GuarantorsCommand) -> ExitCode {
    finish(match cmd {
        GuarantorsCommand::Add {
            common,
            loan,
            name,
            credit_code,
            kind: k,
            limit,
            person,
            from,
            to,
            relation,
        } => {
            let kind = match kind(&k) {
                Ok(k) => k,
                Err(message) => return bad_terms(&message),
            };
            (|| {
                let input = GuarantorInput {
                    party: if person {
                        GuarantorParty::Person
                    } else {
                        GuarantorParty::Company
                    },
                    name,
                    credit_code,
                    kind,
                    limit: limit.as_deref().map(|l| amount("limit", l)).transpose()?,
                    from,
                    to,
                    relation,
                };
                let id = open(&common.vault)?.add_guarantor(loan, &input)?;
                print_id("guarantor", id, common.format.resolve())
            })()
        }
        GuarantorsCommand::List { common, loan } => (|| {
            let v = open(&common.vault)?;
            // An unknown loan is bad input, not an empty list.
            v.booked_loan(loan, common.today())?;
            print_list(&v.loan_guarantors(loan)?, common.format.resolve())
        })(),
        GuarantorsCommand::Archive { common, id } => (|| {
            let mut v = open(&common.vault)?;
            v.archive_guarantor(id, common.today())?;
            match common.format.resolve() {
                Format::Json => output::json(&serde_json::json!({ "id": id, "archived": true })),
                Format::Table => {
                    outln!("archived guarantor {id}");
                    Ok(())
                }
            }
        })(),
    })
}
