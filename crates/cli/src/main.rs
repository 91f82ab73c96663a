//! `loandesk`: the command line over the core, for support, scripting and batch work.
//!
//! Output is JSON when `--format json` is given or stdout is not a terminal (scripts), a readable
//! table otherwise. Exit codes: see `exit.rs`.
// First, so its `out!`/`outln!` macros are in scope in every module below.
#[macro_use]
mod output;
mod clients_cmd;
mod collateral_cmd;
mod credit_cmd;
mod documents_cmd;
mod exit;
mod export_cmd;
mod facilities_cmd;
mod feedback_cmd;
mod guarantors_cmd;
mod journey_cmd;
mod lifecycle_cmd;
mod loans_cmd;
mod lpr_cmd;
mod ocr_cmd;
mod pf_cmd;
mod schedule;
mod vault_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "loandesk",
    version,
    about = "LoanDesk command line: vault, clients, schedules"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the vault is: `--vault`, else $LOANDESK_VAULT, else the app-data folder.
#[derive(clap::Args, Clone)]
pub struct VaultArg {
    #[arg(long, env = "LOANDESK_VAULT", global = true)]
    pub vault: Option<PathBuf>,
}

impl VaultArg {
    pub fn path(&self) -> PathBuf {
        self.vault
            .clone()
            .unwrap_or_else(loandesk_core::vault::default_vault_path)
    }
}

#[derive(Subcommand)]
enum Command {
    /// Create, check or re-key a vault.
    #[command(subcommand)]
    Vault(vault_cmd::VaultCommand),
    /// Add, list, search and archive clients.
    #[command(subcommand)]
    Clients(clients_cmd::ClientsCommand),
    /// Write the demo vault (50 invented companies across all stages).
    Demo(vault_cmd::DemoArgs),
    /// Print a repayment schedule for loan terms (no vault needed).
    Schedule(schedule::ScheduleArgs),
    /// Write a client's repayment schedule or loan proposal as a PDF.
    #[command(subcommand)]
    Export(export_cmd::ExportCommand),
    /// A client's stage checklist, ticking, advancing through the stage gate, the funnel.
    #[command(subcommand)]
    Journey(journey_cmd::JourneyCommand),
    /// Import, list and export a client's documents (kept inside the encrypted vault).
    #[command(subcommand)]
    Documents(documents_cmd::DocumentsCommand),
    /// Read a financial statement spreadsheet into a client's figures.
    #[command(subcommand)]
    Statements(documents_cmd::StatementsCommand),
    /// A client's credit ratios from its statements, flagged against the thresholds.
    Ratios(documents_cmd::RatiosArgs),
    /// Credit calculations: the working-capital loan need (流动资金贷款需求测算).
    #[command(subcommand)]
    Credit(credit_cmd::CreditCommand),
    /// Booked loans: book, record repayments, show arrears, classify.
    #[command(subcommand)]
    Loans(loans_cmd::LoansCommand),
    /// Repayments due soon, overdue repayments, reviews and covenant breaches.
    Reminders(loans_cmd::RemindersArgs),
    /// Outstanding principal by tier, industry, classification and age; cash-in by month.
    Portfolio(loans_cmd::PortfolioArgs),
    /// The LPR table floating loans reprice on: set, list, import a CSV.
    #[command(subcommand)]
    Lpr(lpr_cmd::LprCommand),
    /// A client's loan scenarios: save one from the schedule's term flags.
    #[command(subcommand)]
    Scenarios(lpr_cmd::ScenariosCommand),
    /// Credit lines (综合授信): add, record acceptances, guarantees and L/Cs under them, show.
    #[command(subcommand)]
    Facilities(facilities_cmd::FacilitiesCommand),
    /// A loan's collateral (押品): pledge, revalue, archive, list.
    #[command(subcommand)]
    Collateral(collateral_cmd::CollateralCommand),
    /// A loan's guarantors (保证人): add, list, archive.
    #[command(subcommand)]
    Guarantors(guarantors_cmd::GuarantorsCommand),
    /// The client's feedback: satisfaction, problems raised and resolved (闭环), new needs.
    #[command(subcommand)]
    Feedback(feedback_cmd::FeedbackCommand),
    /// The status each client's facts suggest (dormant, active, loyal), and confirming one.
    #[command(subcommand)]
    Lifecycle(lifecycle_cmd::LifecycleCommand),
    /// Read a business licence or a scanned statement page (OCR, offline; nothing is saved).
    #[command(subcommand)]
    Ocr(ocr_cmd::OcrCommand),
    /// Project finance (项目融资): the model of debt, repayment and cover ratios (no vault).
    #[command(subcommand)]
    Pf(pf_cmd::PfCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Vault(cmd) => vault_cmd::run(cmd),
        Command::Clients(cmd) => clients_cmd::run(cmd),
        Command::Demo(args) => vault_cmd::demo(args),
        Command::Schedule(args) => return schedule::run(&args),
        Command::Export(cmd) => return export_cmd::run(cmd),
        Command::Journey(cmd) => return journey_cmd::run(cmd),
        Command::Documents(cmd) => return documents_cmd::run(cmd),
        Command::Statements(cmd) => return documents_cmd::statements(cmd),
        Command::Ratios(args) => return documents_cmd::ratios(args),
        Command::Credit(cmd) => return credit_cmd::run(cmd),
        Command::Loans(cmd) => return loans_cmd::run(cmd),
        Command::Reminders(args) => return loans_cmd::reminders(args),
        Command::Portfolio(args) => return loans_cmd::portfolio(args),
        Command::Lpr(cmd) => return lpr_cmd::run(cmd),
        Command::Scenarios(cmd) => return lpr_cmd::scenarios(cmd),
        Command::Facilities(cmd) => return facilities_cmd::run(cmd),
        Command::Collateral(cmd) => return collateral_cmd::run(cmd),
        Command::Guarantors(cmd) => return guarantors_cmd::run(cmd),
        Command::Feedback(cmd) => return feedback_cmd::run(cmd),
        Command::Ocr(cmd) => return ocr_cmd::run(cmd),
        Command::Lifecycle(cmd) => return lifecycle_cmd::run(cmd),
        Command::Pf(cmd) => return pf_cmd::run(cmd),
    };
    exit::done(result)
}

/// The day given with `--today`, else the local date: the CLI is the edge where the clock is
/// read; the core takes the date as input.
pub fn today_or_local(given: Option<NaiveDate>) -> NaiveDate {
    given.unwrap_or_else(|| chrono::Local::now().date_naive())
}
