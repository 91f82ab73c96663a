//! `loandesk facilities ...`: credit lines (综合授信) and what is drawn under them other than
//! loans (银承, 保函, 信用证; a loan draws with `loans book --facility`). Bad input (above what
//! is available, outside the line's dates, an unknown line) exits 2 and changes nothing.
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;
use loandesk_core::rule::Rule;
use loandesk_core::security::{Facility, FacilityInput, FacilityUseInput, FacilityUseKind};
use loandesk_core::{Error, Result};
use rust_decimal::Decimal;
use serde_json::json;

use crate::loans_cmd::{amount, bad_terms, finish, Common};
use crate::output::{self, Format};
use crate::vault_cmd::open;

#[derive(Subcommand)]
pub enum FacilitiesCommand {
    /// Grant a client a credit line over a period.
    Add {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        client: i64,
        #[arg(long, allow_negative_numbers = true)]
        amount: String,
        #[arg(long)]
        from: NaiveDate,
        #[arg(long)]
        to: NaiveDate,
        /// What is repaid can be drawn again (循环); otherwise every drawing counts for good.
        #[arg(long)]
        revolving: bool,
        #[arg(long, default_value = "CNY")]
        currency: String,
    },
    /// Record a bank acceptance, letter of guarantee or L/C under a line; it counts at its
    /// exposure, amount × (1 − cash margin).
    Use {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        facility: i64,
        /// acceptance (银承), guarantee (保函) or lc (信用证).
        #[arg(long)]
        kind: String,
        #[arg(long, allow_negative_numbers = true)]
        amount: String,
        /// Cash margin (保证金) in percent of the amount (default 0).
        #[arg(long, value_name = "P", allow_negative_numbers = true)]
        margin_percent: Option<String>,
        #[arg(long)]
        on: NaiveDate,
    },
    /// Close a use (the acceptance paid, the guarantee or L/C expired); prints the line.
    CloseUse {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        facility: i64,
        #[arg(long = "use", value_name = "ID")]
        use_id: i64,
        #[arg(long)]
        on: NaiveDate,
    },
    /// A line with what counts against it: used, exposure, available, its loans and uses.
    Show {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        facility: i64,
    },
    /// A client's lines, the latest first.
    List {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        client: i64,
    },
}

/// The kind of a use, or the line that names the kinds.
fn use_kind(s: &str) -> std::result::Result<FacilityUseKind, String> {
    FacilityUseKind::parse(s).ok_or_else(|| {
        let all: Vec<&str> = FacilityUseKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("kind: unknown value '{s}' (one of: {})", all.join(", "))
    })
}

pub(crate) fn print_id(what: &str, id: i64, format: Format) -> Result<()> {
    match format {
        Format::Json => output::json(&json!({ "id": id })),
        Format::Table => {
            outln!("added {what} {id}");
            Ok(())
        }
    }
}

fn headline(f: &Facility) -> String {
    format!(
        "facility {} · client {} · {} {} · {} – {} · {} · used {} (loans {}, exposure {}) · available {}",
        f.id,
        f.client_id,
        f.currency,
        f.amount,
        f.from,
        f.to,
        if f.revolving {
            "revolving"
        } else {
            "non-revolving"
        },
        f.used,
        f.loans_used,
        f.exposure,
        f.available
    )
}

fn print_facility(f: &Facility, format: Format) -> Result<()> {
    match format {
        Format::Json => output::json(f),
        Format::Table => {
            outln!("{}", headline(f));
            let mut rows: Vec<Vec<String>> = f
                .loans
                .iter()
                .map(|l| {
                    vec![
                        "loan".into(),
                        l.id.to_string(),
                        l.contract_no.clone(),
                        l.drawn.to_string(),
                        l.outstanding.to_string(),
                        l.closed_on.map(|d| d.to_string()).unwrap_or_default(),
                    ]
                })
                .collect();
            rows.extend(f.uses.iter().map(|u| {
                vec![
                    u.kind.as_str().into(),
                    u.id.to_string(),
                    format!("{} ({} % margin)", u.on, u.margin_percent),
                    u.amount.to_string(),
                    u.exposure.to_string(),
                    u.closed_on.map(|d| d.to_string()).unwrap_or_default(),
                ]
            }));
            if !rows.is_empty() {
                outln!();
                output::table(
                    &[
                        "drawing",
                        "id",
                        "contract / on",
                        "amount",
                        "counts",
                        "closed",
                    ],
                    &rows,
                );
            }
            Ok(())
        }
    }
}

pub fn run(cmd: FacilitiesCommand) -> ExitCode {
    finish(match cmd {
        FacilitiesCommand::Add {
            common,
            client,
            amount: a,
            from,
            to,
            revolving,
            currency,
        } => (|| {
            let input = FacilityInput {
                client_id: client,
                amount: amount("amount", &a)?,
                currency,
                from,
                to,
                revolving,
            };
            let id = open(&common.vault)?.add_facility(&input)?;
            print_id("facility", id, common.format.resolve())
        })(),
        FacilitiesCommand::Use {
            common,
            facility,
            kind,
            amount: a,
            margin_percent,
            on,
        } => {
            let kind = match use_kind(&kind) {
                Ok(k) => k,
                Err(message) => return bad_terms(&message),
            };
            (|| {
                let input = FacilityUseInput {
                    facility_id: facility,
                    kind,
                    amount: amount("amount", &a)?,
                    margin_percent: margin_percent
                        .as_deref()
                        .map(|p| amount("margin_percent", p))
                        .transpose()?
                        .unwrap_or(Decimal::ZERO),
                    on,
                };
                let id = open(&common.vault)?.add_facility_use(&input, common.today())?;
                print_id("use", id, common.format.resolve())
            })()
        }
        FacilitiesCommand::CloseUse {
            common,
            facility,
            use_id,
            on,
        } => (|| {
            let mut v = open(&common.vault)?;
            if !v.facility(facility)?.uses.iter().any(|u| u.id == use_id) {
                return Err(Error::invalid(
                    "use",
                    Rule::Unknown(format!("use {use_id} of facility {facility}")),
                ));
            }
            v.close_facility_use(use_id, on, common.today())?;
            print_facility(&v.facility(facility)?, common.format.resolve())
        })(),
        FacilitiesCommand::Show { common, facility } => (|| {
            let v = open(&common.vault)?;
            print_facility(&v.facility(facility)?, common.format.resolve())
        })(),
        FacilitiesCommand::List { common, client } => (|| {
            let lines = open(&common.vault)?.client_facilities(client)?;
            match common.format.resolve() {
                Format::Json => output::json(&lines),
                Format::Table => {
                    let rows: Vec<Vec<String>> = lines
                        .iter()
                        .map(|f| {
                            vec![
                                f.id.to_string(),
                                format!("{} {}", f.currency, f.amount),
                                format!("{} – {}", f.from, f.to),
                                if f.revolving { "yes" } else { "no" }.into(),
                                f.used.to_string(),
                                f.available.to_string(),
                            ]
                        })
                        .collect();
                    output::table(
                        &["id", "amount", "period", "revolving", "used", "available"],
                        &rows,
                    );
                    Ok(())
                }
            }
        })(),
    })
}
