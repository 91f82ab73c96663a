//! `loandesk clients ...`.
use clap::Subcommand;
use loandesk_core::clients::{
    ClientInput, ClientQuery, ClientSummary, LifecycleStatus, ProductType, Tier,
};
use loandesk_core::Result;
use serde_json::json;

use crate::output::{self, Format, FormatArg};
use crate::vault_cmd::open;
use crate::VaultArg;

fn parse_with<T>(
    parse: fn(&str) -> Option<T>,
    what: &'static str,
) -> impl Fn(&str) -> std::result::Result<T, String> + Clone {
    move |s| parse(s).ok_or_else(|| format!("unknown {what} '{s}'"))
}

#[derive(Subcommand)]
pub enum ClientsCommand {
    /// Add a client; prints {"id": ...}.
    Add {
        #[command(flatten)]
        vault: VaultArg,
        #[arg(long)]
        name: String,
        #[arg(long)]
        name_en: Option<String>,
        /// Unified social credit code (统一社会信用代码), checked per GB 32100-2015.
        #[arg(long)]
        credit_code: Option<String>,
        #[arg(long)]
        industry: Option<String>,
        #[arg(long, value_parser = parse_with(Tier::parse, "tier"), default_value = "C")]
        tier: Tier,
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5), default_value_t = 1)]
        stage: u8,
        #[arg(long, value_parser = parse_with(ProductType::parse, "product"))]
        product: Option<ProductType>,
        /// The day the client is added (its follow-up counts from it; default: today).
        #[arg(long, value_name = "D")]
        today: Option<chrono::NaiveDate>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// List clients, newest first, with optional filters.
    List {
        #[command(flatten)]
        vault: VaultArg,
        #[command(flatten)]
        filters: Filters,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Search names (zh/en), contacts, credit code and notes; one character is enough.
    Search {
        #[command(flatten)]
        vault: VaultArg,
        query: String,
        #[command(flatten)]
        filters: Filters,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Show one client with contacts and touchpoints.
    Show {
        #[command(flatten)]
        vault: VaultArg,
        id: i64,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Import clients from an XLSX/XLS/CSV list (name, credit code, contact, phone, industry,
    /// tier, stage): every row is checked first; nothing is stored while a row has a problem
    /// unless --skip-bad; all the good rows in one transaction. Prints {"preview", "imported"}.
    Import {
        #[command(flatten)]
        vault: VaultArg,
        #[arg(long, value_name = "F")]
        file: std::path::PathBuf,
        /// Check and print the preview only; store nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the good rows when some rows have problems (they are skipped).
        #[arg(long)]
        skip_bad: bool,
        #[arg(long, value_name = "D")]
        today: Option<chrono::NaiveDate>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Archive a client (kept, hidden from lists); --restore brings it back.
    Archive {
        #[command(flatten)]
        vault: VaultArg,
        id: i64,
        #[arg(long)]
        restore: bool,
    },
}

#[derive(clap::Args)]
pub struct Filters {
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5))]
    stage: Option<u8>,
    #[arg(long, value_parser = parse_with(Tier::parse, "tier"))]
    tier: Option<Tier>,
    #[arg(long, value_parser = parse_with(LifecycleStatus::parse, "status"))]
    status: Option<LifecycleStatus>,
    /// List archived clients instead.
    #[arg(long)]
    archived: bool,
    #[arg(long, default_value_t = 50)]
    limit: u32,
}

impl Filters {
    fn query(&self, text: String) -> ClientQuery {
        ClientQuery {
            text,
            stage: self.stage,
            tier: self.tier,
            status: self.status,
            archived: self.archived,
            limit: Some(self.limit),
            ..Default::default()
        }
    }
}

pub fn run(cmd: ClientsCommand) -> Result<()> {
    match cmd {
        ClientsCommand::Add {
            vault,
            name,
            name_en,
            credit_code,
            industry,
            tier,
            stage,
            product,
            today,
            format,
        } => {
            let mut v = open(&vault)?;
            let mut input = ClientInput::named(&name);
            input.name_en = name_en;
            input.credit_code = credit_code;
            input.industry = industry;
            input.tier = tier;
            input.stage = stage;
            input.product = product;
            let id = v.create_client(&input, crate::today_or_local(today))?;
            match format.resolve() {
                Format::Json => output::json(&json!({ "id": id })),
                Format::Table => {
                    outln!("added client {id}");
                    Ok(())
                }
            }
        }
        ClientsCommand::List {
            vault,
            filters,
            format,
        } => list(&vault, filters.query(String::new()), format),
        ClientsCommand::Search {
            vault,
            query,
            filters,
            format,
        } => list(&vault, filters.query(query), format),
        ClientsCommand::Show { vault, id, format } => {
            let detail = open(&vault)?.client_detail(id)?;
            match format.resolve() {
                Format::Json => output::json(&detail),
                Format::Table => {
                    let c = &detail.client;
                    outln!("{} {}", c.id, c.fields.name);
                    outln!(
                        "stage {}  tier {}  status {}",
                        c.fields.stage,
                        c.fields.tier.as_str(),
                        c.fields.status.as_str()
                    );
                    for p in &c.fields.contacts {
                        outln!("contact: {} {} {} {}", p.name, p.role, p.phone, p.email);
                    }
                    for t in &detail.touchpoints {
                        outln!(
                            "{} {}: {}",
                            t.fields.date,
                            t.fields.channel.as_str(),
                            t.fields.summary
                        );
                    }
                    Ok(())
                }
            }
        }
        ClientsCommand::Import {
            vault,
            file,
            dry_run,
            skip_bad,
            today,
            format,
        } => import(&vault, &file, dry_run, skip_bad, today, format),
        ClientsCommand::Archive { vault, id, restore } => {
            open(&vault)?.set_archived(id, !restore)?;
            eprintln!(
                "client {id} {}",
                if restore { "restored" } else { "archived" }
            );
            Ok(())
        }
    }
}

fn import(
    vault: &VaultArg,
    file: &std::path::Path,
    dry_run: bool,
    skip_bad: bool,
    today: Option<chrono::NaiveDate>,
    format: FormatArg,
) -> Result<()> {
    let mut v = open(vault)?;
    let preview = v.preview_import_file(file)?;
    let good: Vec<ClientInput> = preview
        .rows
        .iter()
        .filter(|r| r.problems.is_empty())
        .map(|r| r.client.clone())
        .collect();
    let bad = preview.rows.len() - good.len();
    // Rows with problems stop the import unless the officer said to skip them.
    let refused = bad > 0 && !skip_bad;
    let imported = if dry_run || refused || good.is_empty() {
        Vec::new()
    } else {
        v.import_clients(&good, crate::today_or_local(today))?.ids
    };
    match format.resolve() {
        Format::Json => output::json(&json!({ "preview": preview, "imported": imported }))?,
        Format::Table => {
            let rows: Vec<Vec<String>> = preview
                .rows
                .iter()
                .map(|r| {
                    let problems: Vec<String> = r
                        .problems
                        .iter()
                        .map(|p| format!("{}: {}", p.column.as_str(), p.rule.as_str()))
                        .collect();
                    vec![
                        r.row.to_string(),
                        r.client.name.clone(),
                        problems.join("; "),
                    ]
                })
                .collect();
            output::table(&["row", "name", "problems"], &rows);
            outln!(
                "{} ready, {} duplicates, {} invalid; {} imported",
                preview.ready,
                preview.duplicates,
                preview.invalid,
                imported.len()
            );
        }
    }
    if refused && !dry_run {
        return Err(loandesk_core::Error::invalid(
            "file",
            loandesk_core::rule::Rule::RowsWithProblems(bad),
        ));
    }
    Ok(())
}

fn list(vault: &VaultArg, query: ClientQuery, format: FormatArg) -> Result<()> {
    let page = open(vault)?.list_clients(&query)?;
    match format.resolve() {
        Format::Json => output::json(&page.items),
        Format::Table => {
            let rows: Vec<Vec<String>> = page.items.iter().map(row).collect();
            output::table(
                &["id", "name", "credit code", "stage", "tier", "status"],
                &rows,
            );
            Ok(())
        }
    }
}

fn row(c: &ClientSummary) -> Vec<String> {
    vec![
        c.id.to_string(),
        c.name.clone(),
        c.credit_code.clone().unwrap_or_default(),
        c.stage.to_string(),
        c.tier.as_str().to_string(),
        c.status.as_str().to_string(),
    ]
}
