//! `loandesk loans ...`, `loandesk reminders`, `loandesk portfolio`: booked loans after
//! disbursement. Bad input (a repayment before the disbursement, a negative amount, an
//! unknown loan) exits with 2 and changes nothing.
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;
use loandesk_core::servicing::{
    default_disbursement, portfolio_csv, portfolio_xlsx, BookingInput, Classification,
    DisbursementInput, LoanView, DEFAULT_REMINDER_DAYS,
};
use loandesk_core::{Error, Result};
use rust_decimal::Decimal;

use crate::output::{self, Format, FormatArg};
use crate::vault_cmd::open;
use crate::VaultArg;

#[derive(clap::Args)]
use crate::exit;
pub struct Common {
    #[command(flatten)]
    vault: VaultArg,
    /// The day to work as of (default: today).
    #[arg(long)]
    today: Option<NaiveDate>,
    #[command(flatten)]
    format: FormatArg,
}

impl Common {
    fn today(&self) -> NaiveDate {
        crate::today_or_local(self.today)
    }
}

#[derive(Subcommand)]
pub enum LoansCommand {
    /// Book the client's proposed loan: contract, signing date, disbursement(s).
    Book {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        client: i64,
        #[arg(long)]
        contract: String,
        /// Signing date (default: today).
        #[arg(long)]
        signed: Option<NaiveDate>,
        /// A disbursement as DATE:AMOUNT, repeatable (default: the whole principal on the
        /// signing date).
        #[arg(long = "disbursement", value_name = "DATE:AMOUNT")]
        disbursements: Vec<String>,
        /// The client's repayment account, quoted in reminders.
        #[arg(long, default_value = "")]
        account: String,
    },
    /// Record a repayment; it is allocated to interest, then principal, oldest period first.
    Repay {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        loan: i64,
        #[arg(long)]
        date: NaiveDate,
        #[arg(long, allow_negative_numbers = true)]
        amount: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// A loan with every period's status and overdue days.
    Show {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        loan: i64,
    },
    /// A client's booked loans.
    List {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        client: i64,
    },
    /// Set the five-tier classification (pass, special_mention, substandard, doubtful, loss,
    /// or "suggested" to follow days overdue), with a reason.
    Classify {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        loan: i64,
        #[arg(long)]
        class: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(clap::Args)]
pub struct RemindersArgs {
    #[command(flatten)]
    common: Common,
    /// Repayments falling due within this many days.
    #[arg(long, default_value_t = DEFAULT_REMINDER_DAYS)]
    days: u32,
}

#[derive(clap::Args)]
pub struct PortfolioArgs {
    #[command(flatten)]
    common: Common,
    #[arg(long, default_value = "CNY")]
    currency: String,
    /// Also write the portfolio as CSV to this file.
    #[arg(long)]
    csv: Option<PathBuf>,
    /// Also write the portfolio as an XLSX workbook to this file.
    #[arg(long)]
    xlsx: Option<PathBuf>,
    /// The language of the CSV and XLSX headers and group names: zh or en.
    #[arg(long, default_value = "zh")]
    lang: String,
}

/// Unknown loans and clients are bad input here, like a bad amount: exit 2.
fn finish(result: Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => exit::fail_as(&e, exit::Unknown::IsInvalid),
    }
}

fn amount(field: &str, s: &str) -> Result<Decimal> {
    s.trim()
        .parse()
        .map_err(|_| Error::invalid(field, loandesk_core::rule::Rule::NotANumber))
}

fn disbursement(s: &str) -> Result<DisbursementInput> {
    let bad = || {
        Error::invalid(
            "disbursement",
            loandesk_core::rule::Rule::Format("DATE:AMOUNT"),
        )
    };
    let (date, value) = s.split_once(':').ok_or_else(bad)?;
    Ok(DisbursementInput {
        on: date.trim().parse().map_err(|_| bad())?,
        amount: amount("disbursement", value)?,
    })
}

pub fn run(cmd: LoansCommand) -> ExitCode {
    finish(match cmd {
        LoansCommand::Book {
            common,
            client,
            contract,
            signed,
            disbursements,
            account,
        } => book(&common, client, &contract, signed, &disbursements, &account),
        LoansCommand::Repay {
            common,
            loan,
            date,
            amount: a,
            note,
        } => (|| {
            let mut v = open(&common.vault)?;
            let today = common.today();
            v.record_repayment(loan, date, amount("amount", &a)?, &note, today)?;
            print_loan(&v.booked_loan(loan, today)?, common.format.resolve())
        })(),
        LoansCommand::Show { common, loan } => (|| {
            let v = open(&common.vault)?;
            print_loan(
                &v.booked_loan(loan, common.today())?,
                common.format.resolve(),
            )
        })(),
        LoansCommand::List { common, client } => (|| {
            let loans = open(&common.vault)?.client_loans(client, common.today())?;
            match common.format.resolve() {
                Format::Json => output::json(&loans),
                Format::Table => {
                    let rows: Vec<Vec<String>> = loans
                        .iter()
                        .map(|l| {
                            vec![
                                l.id.to_string(),
                                l.contract_no.clone(),
                                format!("{} {}", l.currency, l.outstanding_principal),
                                l.overdue_days.to_string(),
                                l.classification.as_str().into(),
                            ]
                        })
                        .collect();
                    output::table(
                        &["id", "contract", "outstanding", "days overdue", "class"],
                        &rows,
                    );
                    Ok(())
                }
            }
        })(),
        LoansCommand::Classify {
            common,
            loan,
            class,
            reason,
        } => (|| {
            let class = match class.as_str() {
                "suggested" => None,
                s => Some(Classification::parse(s).ok_or_else(|| {
                    Error::invalid("class", loandesk_core::rule::Rule::Unknown(s.into()))
                })?),
            };
            let mut v = open(&common.vault)?;
            let today = common.today();
            v.set_classification(loan, class, &reason, today)?;
            print_loan(&v.booked_loan(loan, today)?, common.format.resolve())
        })(),
    })
}

fn book(
    common: &Common,
    client: i64,
    contract: &str,
    signed: Option<NaiveDate>,
    disbursements: &[String],
    account: &str,
) -> Result<()> {
    let mut v = open(&common.vault)?;
    let today = common.today();
    let signed_on = signed.unwrap_or(today);
    let disbursements = if disbursements.is_empty() {
        let proposed = v
            .loan_scenarios(client)?
            .into_iter()
            .find(|s| s.proposed)
            .ok_or(Error::NoScenario(client))?;
        vec![default_disbursement(&proposed.terms, signed_on)]
    } else {
        disbursements
            .iter()
            .map(|s| disbursement(s))
            .collect::<Result<_>>()?
    };
    let input = BookingInput {
        client_id: client,
        contract_no: contract.into(),
        signed_on,
        terms: None,
        disbursements,
        repayment_account: account.into(),
    };
    let id = v.book_loan(&input, today)?;
    print_loan(&v.booked_loan(id, today)?, common.format.resolve())
}

fn print_loan(loan: &LoanView, format: Format) -> Result<()> {
    match format {
        Format::Json => output::json(loan),
        Format::Table => {
            println!(
                "loan {} · {} · {} · {} {} outstanding · {} days overdue · {}",
                loan.id,
                loan.contract_no,
                loan.client_name,
                loan.currency,
                loan.outstanding_principal,
                loan.overdue_days,
                loan.classification.as_str()
            );
            let rows: Vec<Vec<String>> = loan
                .periods
                .iter()
                .map(|p| {
                    vec![
                        p.no.to_string(),
                        p.due_on.to_string(),
                        (p.principal + p.interest).to_string(),
                        p.remaining.to_string(),
                        format!("{:?}", p.status).to_lowercase(),
                        p.overdue_days.to_string(),
                    ]
                })
                .collect();
            output::table(
                &[
                    "no",
                    "due",
                    "payment",
                    "remaining",
                    "status",
                    "days overdue",
                ],
                &rows,
            );
            Ok(())
        }
    }
}

pub fn reminders(args: RemindersArgs) -> ExitCode {
    finish((|| {
        let list = open(&args.common.vault)?.reminders(args.common.today(), args.days)?;
        match args.common.format.resolve() {
            Format::Json => output::json(&list),
            Format::Table => {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|r| {
                        vec![
                            format!("{:?}", r.kind),
                            r.due_on.to_string(),
                            r.client_name.clone(),
                            r.contract_no.clone(),
                            r.amount.map(|a| a.to_string()).unwrap_or_default(),
                            r.overdue_days.to_string(),
                        ]
                    })
                    .collect();
                output::table(
                    &[
                        "kind",
                        "due",
                        "client",
                        "contract",
                        "amount",
                        "days overdue",
                    ],
                    &rows,
                );
                Ok(())
            }
        }
    })())
}

pub fn portfolio(args: PortfolioArgs) -> ExitCode {
    finish((|| {
        let lang = args.lang.parse::<loandesk_core::pdf::Lang>()?.into();
        let p = open(&args.common.vault)?.portfolio(args.common.today(), &args.currency)?;
        if let Some(path) = &args.csv {
            std::fs::write(path, portfolio_csv(&p, lang))?;
        }
        if let Some(path) = &args.xlsx {
            std::fs::write(path, portfolio_xlsx(&p, lang)?)?;
        }
        match args.common.format.resolve() {
            Format::Json => output::json(&p),
            Format::Table => {
                println!(
                    "{} loans · {} {} outstanding",
                    p.loans, p.currency, p.outstanding
                );
                for (name, slices) in [
                    ("tier", &p.by_tier),
                    ("industry", &p.by_industry),
                    ("classification", &p.by_classification),
                    ("age", &p.by_age),
                ] {
                    let rows: Vec<Vec<String>> = slices
                        .iter()
                        .map(|s| {
                            vec![
                                s.key.clone(),
                                s.loans.to_string(),
                                s.outstanding.to_string(),
                            ]
                        })
                        .collect();
                    println!();
                    output::table(&[name, "loans", "outstanding"], &rows);
                }
                Ok(())
            }
        }
    })())
}
