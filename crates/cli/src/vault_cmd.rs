//! `loandesk vault ...` and `loandesk demo`.
use clap::Subcommand;
use loandesk_core::{Clock, Error, Result, Vault};
use zeroize::Zeroizing;

use crate::output::{self, Format, FormatArg};
use crate::VaultArg;

#[derive(Subcommand)]
pub enum VaultCommand {
    /// Create a new empty vault (password from $LOANDESK_PASSWORD or asked twice).
    Create {
        #[command(flatten)]
        vault: VaultArg,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Open the vault, run the full integrity check and print counts.
    Verify {
        #[command(flatten)]
        vault: VaultArg,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Write an encrypted backup (documents included). With $LOANDESK_BACKUP_PASSWORD set, the
    /// backup gets that password instead of the vault's.
    Backup {
        #[command(flatten)]
        vault: VaultArg,
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Check a backup and restore it into a new vault. The password is the backup's:
    /// $LOANDESK_BACKUP_PASSWORD, else $LOANDESK_PASSWORD, else a line on stdin, else asked.
    Restore {
        #[command(flatten)]
        vault: VaultArg,
        #[arg(long)]
        from: std::path::PathBuf,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Change the vault password (new one from $LOANDESK_NEW_PASSWORD or asked twice).
    ChangePassword {
        #[command(flatten)]
        vault: VaultArg,
    },
}

#[derive(clap::Args)]
pub struct DemoArgs {
    #[command(flatten)]
    vault: VaultArg,
    /// Password for the demo vault (default: the demo password the app shows).
    #[arg(long, env = "LOANDESK_PASSWORD", hide_env_values = true)]
    password: Option<String>,
    /// The day the demo data is dated up to (default: today).
    #[arg(long)]
    today: Option<chrono::NaiveDate>,
    #[command(flatten)]
    format: FormatArg,
}

/// The password from $LOANDESK_PASSWORD, else piped on stdin, else asked on the terminal.
pub fn password(prompt: &str) -> Result<Zeroizing<String>> {
    password_from(&["LOANDESK_PASSWORD"], prompt)
}

/// The first of the `envs` that is set, else a line piped on stdin, else asked without echo.
fn password_from(envs: &[&str], prompt: &str) -> Result<Zeroizing<String>> {
    for env in envs {
        if let Ok(p) = std::env::var(env) {
            return Ok(Zeroizing::new(p));
        }
    }
    ask(prompt)
}

fn ask(prompt: &str) -> Result<Zeroizing<String>> {
    use std::io::{BufRead, IsTerminal};
    // Scripts pipe the password (`... | loandesk vault restore ...`): one line from stdin, never
    // echoed and never in the process list the way an argument would be.
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        let mut line = Zeroizing::new(String::new());
        stdin.lock().read_line(&mut line).map_err(Error::Io)?;
        let trimmed = line.trim_end_matches(['\n', '\r']);
        if !trimmed.is_empty() {
            return Ok(Zeroizing::new(trimmed.to_string()));
        }
    }
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(Error::Io)
}

fn new_password(env: &str) -> Result<Zeroizing<String>> {
    if let Ok(p) = std::env::var(env) {
        return Ok(Zeroizing::new(p));
    }
    let first = ask("New password: ")?;
    let again = ask("Repeat new password: ")?;
    if first != again {
        return Err(Error::invalid(
            "password",
            loandesk_core::rule::Rule::PasswordsDiffer,
        ));
    }
    Ok(first)
}

pub fn open(vault: &VaultArg) -> Result<Vault> {
    let path = vault.path();
    if !path.exists() {
        return Err(Error::VaultMissing(path.display().to_string()));
    }
    Vault::open(&path, &password("Vault password: ")?)
}

/// For `verify`: no quick check at the door, so a damaged vault is reached and reported.
fn open_for_verify(vault: &VaultArg) -> Result<Vault> {
    let path = vault.path();
    if !path.exists() {
        return Err(Error::VaultMissing(path.display().to_string()));
    }
    Vault::open_for_verify(&path, &password("Vault password: ")?)
}

pub fn run(cmd: VaultCommand) -> Result<()> {
    match cmd {
        VaultCommand::Create { vault, format } => {
            let path = vault.path();
            let v = Vault::create(&path, &new_password("LOANDESK_PASSWORD")?)?;
            report(&v.verify()?, format.resolve())
        }
        VaultCommand::Verify { vault, format } => {
            let report_ = open_for_verify(&vault)?.verify()?;
            report(&report_, format.resolve())?;
            if !report_.integrity_ok {
                return Err(Error::NotAVault);
            }
            Ok(())
        }
        VaultCommand::Backup { vault, out } => {
            let v = open(&vault)?;
            let separate = std::env::var("LOANDESK_BACKUP_PASSWORD")
                .ok()
                .map(Zeroizing::new);
            v.backup_to(&out, separate.as_deref().map(String::as_str))?;
            eprintln!("backup written to {}", out.display());
            Ok(())
        }
        VaultCommand::Restore {
            vault,
            from,
            format,
        } => {
            let password = password_from(
                &["LOANDESK_BACKUP_PASSWORD", "LOANDESK_PASSWORD"],
                "Backup password: ",
            )?;
            let restored = Vault::restore(&from, &vault.path(), &password)?;
            report(&restored.verify()?, format.resolve())
        }
        VaultCommand::ChangePassword { vault } => {
            let mut v = open(&vault)?;
            let old = password("Current password: ")?;
            v.change_password(&old, &new_password("LOANDESK_NEW_PASSWORD")?)?;
            eprintln!("password changed");
            Ok(())
        }
    }
}

fn report(r: &loandesk_core::vault::VaultReport, format: Format) -> Result<()> {
    match format {
        Format::Json => output::json(r),
        Format::Table => {
            outln!("vault:          {}", r.path);
            outln!("schema version: {}", r.schema_version);
            outln!(
                "integrity:      {}",
                if r.integrity_ok {
                    "ok".to_string()
                } else {
                    r.problems.join("; ")
                }
            );
            outln!(
                "clients:        {} (+{} archived)",
                r.clients,
                r.archived_clients
            );
            outln!("contacts:       {}", r.contacts);
            outln!("touchpoints:    {}", r.touchpoints);
            outln!("audit entries:  {}", r.audit_entries);
            Ok(())
        }
    }
}

pub fn demo(args: DemoArgs) -> Result<()> {
    let path = args.vault.path();
    let password = args
        .password
        .unwrap_or_else(|| loandesk_core::vault::DEMO_PASSWORD.to_string());
    // With --today the demo is reproducible to the byte of its timestamps, too.
    let clock = args.today.map_or_else(Clock::system, Clock::fixed_on);
    let today = crate::today_or_local(args.today);
    let v = loandesk_core::demo::write_demo_vault(&path, &password, today, clock)?;
    report(&v.verify()?, args.format.resolve())
}
