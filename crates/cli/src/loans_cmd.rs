//! `loandesk loans ...`, `loandesk reminders`, `loandesk portfolio`: booked loans after
//! disbursement. Bad input (a repayment before the disbursement, a negative amount, an
//! unknown loan) exits with 2 and changes nothing.
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;
use loandesk_core::loans::LoanTerms;
use loandesk_core::rule::Rule;
use loandesk_core::servicing::{
    default_disbursement, portfolio_csv, portfolio_xlsx, BookingInput, Classification,
    DisbursementInput, LoanView, ReminderKind, DEFAULT_REMINDER_DAYS,
};
use loandesk_core::servicing::{
    PenaltyBasis, PenaltyTerms, PrepayFee, PrepayMode, PrepaymentInput, Reprice, ScheduleChange,
};
use loandesk_core::{Error, Result};
use rust_decimal::Decimal;

use crate::schedule::{ScheduleArgs, ScheduleOptions};

use crate::exit;
use crate::output::{self, Format, FormatArg};
use crate::vault_cmd::open;
use crate::VaultArg;

#[derive(clap::Args)]
pub struct Common {
    #[command(flatten)]
    pub(crate) vault: VaultArg,
    /// The day to work as of (default: today).
    #[arg(long)]
    today: Option<NaiveDate>,
    #[command(flatten)]
    pub(crate) format: FormatArg,
}

impl Common {
    pub(crate) fn today(&self) -> NaiveDate {
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
        /// A credit line (综合授信) the loan draws on.
        #[arg(long, value_name = "ID")]
        facility: Option<i64>,
        #[command(flatten)]
        servicing: Box<ContractArgs>,
        /// The loan's terms, as `loandesk schedule` takes them; without them the client's
        /// proposed scenario is booked.
        #[command(flatten)]
        terms: Box<TermArgs>,
    },
    /// Prepay (提前还款): the amount settles what is due, the interest accrued to the date and
    /// the fee, the rest reduces principal; the schedule re-amortises as a new version.
    Prepay {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        loan: i64,
        #[arg(long)]
        date: NaiveDate,
        #[arg(long, allow_negative_numbers = true)]
        amount: String,
        /// reduce-payment (减少月供: same maturity) or shorten-term (缩短期限: same instalment).
        #[arg(long)]
        mode: String,
        /// A fixed prepayment fee (违约金).
        #[arg(long, allow_negative_numbers = true, conflicts_with = "fee_percent")]
        fee: Option<String>,
        /// A prepayment fee in percent of the principal prepaid.
        #[arg(long, allow_negative_numbers = true)]
        fee_percent: Option<String>,
    },
    /// Reprice a floating loan on a repricing day: latest LPR of its tenor + its spread.
    Reprice {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        loan: i64,
        #[arg(long)]
        date: NaiveDate,
    },
    /// Extend maturity by N months (展期); the principal not yet due re-amortises.
    Extend {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        loan: i64,
        #[arg(long, allow_negative_numbers = true)]
        months: i64,
        #[arg(long)]
        reason: String,
        /// Print old and new schedule side by side; save nothing.
        #[arg(long)]
        preview: bool,
    },
    /// Waive (减免) penalty and compound interest owed on a day, with a reason.
    Waive {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        loan: i64,
        #[arg(long)]
        date: NaiveDate,
        #[arg(long, allow_negative_numbers = true)]
        amount: String,
        #[arg(long)]
        reason: String,
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

/// Penalty and repricing terms of a booking (the contract's defaults when not given).
#[derive(clap::Args)]
pub struct ContractArgs {
    /// Penalty markup over the contract rate in percent, 30-50 (with --misuse 50-100); default:
    /// the vault's template from Settings (50 until changed).
    #[arg(long, value_name = "PCT", allow_negative_numbers = true)]
    penalty_markup: Option<String>,
    /// The funds were misused (挪用): the markup may be 50-100 %.
    #[arg(long)]
    misuse: bool,
    /// Days in a year for penalty accrual: 360 or 365; default: the vault's template (360).
    #[arg(long, value_name = "DAYS")]
    penalty_basis: Option<String>,
    /// Repricing of a floating (LPR) loan: jan1, anniversary or none (default).
    #[arg(long, value_name = "WHEN")]
    reprice: Option<String>,
}

impl ContractArgs {
    /// `template`: the terms the vault's Settings give a booking that says nothing.
    fn parse(&self, template: PenaltyTerms) -> Result<(PenaltyTerms, Reprice)> {
        let mut penalty = PenaltyTerms {
            misuse: self.misuse,
            ..template
        };
        if let Some(m) = &self.penalty_markup {
            penalty.markup_percent = amount("penalty_markup", m)?;
        }
        if let Some(b) = &self.penalty_basis {
            penalty.basis = b
                .trim()
                .parse()
                .ok()
                .and_then(PenaltyBasis::from_days)
                .ok_or_else(|| Error::invalid("penalty_basis", Rule::Unknown(b.clone())))?;
        }
        let reprice = match &self.reprice {
            None => Reprice::None,
            Some(r) => Reprice::parse(r)
                .ok_or_else(|| Error::invalid("reprice", Rule::Unknown(r.clone())))?,
        };
        penalty.validate()?;
        Ok((penalty, reprice))
    }
}

/// The term flags of `loandesk schedule`.
#[derive(clap::Args, Clone, Default)]
pub struct TermArgs {
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    principal: Option<String>,
    /// Fixed annual rate in percent (or --lpr with --spread-bp).
    #[arg(long, value_name = "PERCENT", allow_hyphen_values = true)]
    rate: Option<String>,
    #[arg(long, value_name = "PERCENT", allow_hyphen_values = true)]
    lpr: Option<String>,
    #[arg(long, value_name = "BP", allow_hyphen_values = true)]
    spread_bp: Option<String>,
    #[arg(long, value_name = "TENOR")]
    lpr_tenor: Option<String>,
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    months: Option<String>,
    #[arg(long, value_name = "METHOD")]
    method: Option<String>,
    /// Disbursement date, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    start: Option<String>,
    #[arg(long, value_name = "DAY", allow_hyphen_values = true)]
    repay_day: Option<String>,
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    grace_months: Option<String>,
    /// Upfront fee.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    fee: Option<String>,
    #[arg(long, value_name = "BASIS")]
    day_count: Option<String>,
    #[arg(long, value_name = "CODE")]
    currency: Option<String>,
}

impl TermArgs {
    /// The terms when any term flag is given; a bad flag as one line.
    pub fn terms(&self) -> std::result::Result<Option<LoanTerms>, String> {
        let t = self.clone();
        let given = [
            &t.principal,
            &t.rate,
            &t.lpr,
            &t.spread_bp,
            &t.lpr_tenor,
            &t.months,
            &t.method,
            &t.start,
            &t.repay_day,
            &t.grace_months,
            &t.fee,
            &t.day_count,
            &t.currency,
        ]
        .iter()
        .any(|o| o.is_some());
        if !given {
            return Ok(None);
        }
        let args = ScheduleArgs {
            principal: t.principal,
            rate: t.rate,
            months: t.months,
            method: t.method,
            start: t.start,
            options: Box::new(ScheduleOptions {
                repay_day: t.repay_day,
                grace_months: t.grace_months,
                fee: t.fee,
                lpr: t.lpr,
                spread_bp: t.spread_bp,
                lpr_tenor: t.lpr_tenor,
                currency: t.currency,
                day_count: t.day_count,
                ..ScheduleOptions::default()
            }),
        };
        crate::schedule::terms(&args).map(Some)
    }
}

/// Bad term flags: one line, exit 2, nothing changed.
pub fn bad_terms(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(exit::INVALID)
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
pub(crate) fn finish(result: Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => exit::fail_as(&e, exit::Unknown::IsInvalid),
    }
}

pub(crate) fn amount(field: &str, s: &str) -> Result<Decimal> {
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
            facility,
            servicing,
            terms,
        } => {
            let terms = match terms.terms() {
                Ok(t) => t,
                Err(message) => return bad_terms(&message),
            };
            let booking = Booking {
                client,
                contract: &contract,
                signed,
                disbursements: &disbursements,
                account: &account,
                facility,
                terms,
            };
            return book(&common, &booking, &servicing);
        }
        LoansCommand::Prepay {
            common,
            loan,
            date,
            amount: a,
            mode,
            fee,
            fee_percent,
        } => (|| {
            let mode = PrepayMode::parse(&mode)
                .ok_or_else(|| Error::invalid("mode", Rule::Unknown(mode.clone())))?;
            let fee = match (fee, fee_percent) {
                (Some(f), _) => PrepayFee::Fixed {
                    amount: amount("fee", &f)?,
                },
                (None, Some(p)) => PrepayFee::Percent {
                    percent: amount("fee_percent", &p)?,
                },
                (None, None) => PrepayFee::None,
            };
            let input = PrepaymentInput {
                on: date,
                amount: amount("amount", &a)?,
                mode,
                fee,
            };
            let mut v = open(&common.vault)?;
            let today = common.today();
            v.prepay_loan(loan, &input, today)?;
            print_loan(&v.booked_loan(loan, today)?, common.format.resolve())
        })(),
        LoansCommand::Reprice { common, loan, date } => (|| {
            let mut v = open(&common.vault)?;
            let today = common.today();
            v.reprice_loan(loan, date, today)?;
            print_loan(&v.booked_loan(loan, today)?, common.format.resolve())
        })(),
        LoansCommand::Extend {
            common,
            loan,
            months,
            reason,
            preview,
        } => (|| {
            let months = u32::try_from(months).map_err(|_| {
                Error::invalid(
                    "months",
                    Rule::Range {
                        min: "1".into(),
                        max: loandesk_core::loans::MAX_MONTHS.to_string(),
                    },
                )
            })?;
            let today = common.today();
            if preview {
                let v = open(&common.vault)?;
                let change = v.preview_extension(loan, months, &reason, today)?;
                return print_change(&change, common.format.resolve());
            }
            let mut v = open(&common.vault)?;
            v.extend_loan(loan, months, &reason, today)?;
            print_loan(&v.booked_loan(loan, today)?, common.format.resolve())
        })(),
        LoansCommand::Waive {
            common,
            loan,
            date,
            amount: a,
            reason,
        } => (|| {
            let mut v = open(&common.vault)?;
            let today = common.today();
            v.waive_penalty(loan, date, amount("amount", &a)?, &reason, today)?;
            print_loan(&v.booked_loan(loan, today)?, common.format.resolve())
        })(),
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

struct Booking<'a> {
    client: i64,
    contract: &'a str,
    signed: Option<NaiveDate>,
    disbursements: &'a [String],
    account: &'a str,
    facility: Option<i64>,
    terms: Option<LoanTerms>,
}

fn book(common: &Common, b: &Booking, contract_terms: &ContractArgs) -> ExitCode {
    finish((|| {
        let mut v = open(&common.vault)?;
        let (penalty, reprice) = contract_terms.parse(v.penalty_terms_default()?)?;
        let today = common.today();
        let input = booking_input(&v, b, today, penalty, reprice)?;
        let id = v.book_loan(&input, today)?;
        print_loan(&v.booked_loan(id, today)?, common.format.resolve())
    })())
}

fn booking_input(
    v: &loandesk_core::Vault,
    b: &Booking,
    today: NaiveDate,
    penalty: PenaltyTerms,
    reprice: Reprice,
) -> Result<BookingInput> {
    let (client, disbursements) = (b.client, b.disbursements);
    if let Some(terms) = &b.terms {
        // From terms: signed on the disbursement date unless told, the whole principal paid
        // out that day unless disbursements are given.
        let signed_on = b.signed.unwrap_or(terms.disbursement_date);
        let parts = if disbursements.is_empty() {
            vec![DisbursementInput {
                on: terms.disbursement_date,
                amount: terms.principal,
            }]
        } else {
            disbursements
                .iter()
                .map(|s| disbursement(s))
                .collect::<Result<_>>()?
        };
        return Ok(BookingInput {
            client_id: client,
            contract_no: b.contract.into(),
            signed_on,
            terms: Some(terms.clone()),
            disbursements: parts,
            repayment_account: b.account.into(),
            penalty,
            reprice,
            facility_id: b.facility,
        });
    }
    let signed_on = b.signed.unwrap_or(today);
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
    Ok(BookingInput {
        client_id: client,
        contract_no: b.contract.into(),
        signed_on,
        terms: None,
        disbursements,
        repayment_account: b.account.into(),
        penalty,
        reprice,
        facility_id: b.facility,
    })
}

fn print_change(change: &ScheduleChange, format: Format) -> Result<()> {
    match format {
        Format::Json => output::json(change),
        Format::Table => {
            outln!(
                "interest {} → {} (saved {}) · instalment {} → {} · maturity {} → {}",
                change.old_interest,
                change.new_interest,
                change.interest_saved,
                change.old_payment,
                change.new_payment,
                change.old_maturity,
                change.new_maturity
            );
            let n = change.old.len().max(change.new.len());
            let cell = |rows: &[loandesk_core::servicing::ScheduleRow], i: usize| {
                rows.get(i).map_or((String::new(), String::new()), |r| {
                    (r.due_on.to_string(), r.payment.to_string())
                })
            };
            let rows: Vec<Vec<String>> = (0..n)
                .map(|i| {
                    let (od, op) = cell(&change.old, i);
                    let (nd, np) = cell(&change.new, i);
                    vec![(i + 1).to_string(), od, op, nd, np]
                })
                .collect();
            output::table(
                &["no", "old due", "old payment", "new due", "new payment"],
                &rows,
            );
            Ok(())
        }
    }
}

fn print_loan(loan: &LoanView, format: Format) -> Result<()> {
    match format {
        Format::Json => output::json(loan),
        Format::Table => {
            outln!(
                "loan {} · {} · {} · {} {} outstanding · {} due · {} days overdue · {}",
                loan.id,
                loan.contract_no,
                loan.client_name,
                loan.currency,
                loan.outstanding_principal,
                loan.amount_due,
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
                        (p.penalty_interest + p.compound_interest).to_string(),
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
                    "penalty",
                    "status",
                    "days overdue",
                ],
                &rows,
            );
            Ok(())
        }
    }
}

/// The kind as JSON names it (`open_problem`), so the table and scripts say the same.
fn kind_name(kind: ReminderKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
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
                            kind_name(r.kind),
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
                outln!(
                    "{} loans · {} {} outstanding · {} {} penalty and compound interest accrued",
                    p.loans,
                    p.currency,
                    p.outstanding,
                    p.currency,
                    p.penalty_accrued
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
                    outln!();
                    output::table(&[name, "loans", "outstanding"], &rows);
                }
                Ok(())
            }
        }
    })())
}
