//! `loandesk journey ...`: a client's stage checklist, ticking, advancing through the gate, the
//! funnel and the journey map (with its CSV/XLSX export). A refused gate exits with 3 and names the open required items (one per line on
//! stderr, and as JSON on stdout when the output is JSON), so scripts can tell it from errors.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Months, NaiveDate};
use clap::Subcommand;
use loandesk_core::feedback::{
    category_label, journey_map_csv, journey_map_xlsx, ranked_problems, JourneyMap,
};
use loandesk_core::journey::{ChecklistItem, Funnel, JourneyView, StageMove};
use loandesk_core::prefs::Language;
use loandesk_core::rule::Rule;
use loandesk_core::{Error, Result, Vault};
use serde_json::json;

use crate::exit;
use crate::output::{self, Format, FormatArg};
use crate::vault_cmd::open;
use crate::VaultArg;

#[derive(clap::Args)]
pub struct Target {
    #[command(flatten)]
    vault: VaultArg,
    #[arg(long)]
    client: i64,
    /// The day to record and count days in stage to (default: today).
    #[arg(long)]
    today: Option<NaiveDate>,
    #[command(flatten)]
    format: FormatArg,
}

#[derive(Subcommand)]
pub enum JourneyCommand {
    /// A client's stage, days in stage, checklists, history and next contact.
    Show {
        #[command(flatten)]
        target: Target,
    },
    /// Tick a checklist item by key (current stage first); --received also marks its document.
    Tick {
        #[command(flatten)]
        target: Target,
        #[arg(long)]
        item: String,
        /// The document the item asks for has been received.
        #[arg(long)]
        received: bool,
        /// Untick instead.
        #[arg(long, conflicts_with = "received")]
        undo: bool,
    },
    /// Advance to the next stage; refused (exit 3) while required items are open.
    Advance {
        #[command(flatten)]
        target: Target,
        /// Go ahead despite open required items; the reason is kept in the history.
        #[arg(long = "override", value_name = "REASON")]
        override_reason: Option<String>,
    },
    /// Entered, converted, median days and lost reasons per stage (default: the last 12 months).
    Funnel {
        #[command(flatten)]
        vault: VaultArg,
        #[arg(long)]
        from: Option<NaiveDate>,
        #[arg(long)]
        to: Option<NaiveDate>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Per stage: clients entered, average satisfaction, drop-off, problems by category (open and
    /// closed at the period's end); and the tier × lifecycle matrix with 获客/活客/留客
    /// (default period: the 12 months up to --today).
    Map {
        #[command(flatten)]
        vault: VaultArg,
        #[arg(long)]
        from: Option<NaiveDate>,
        #[arg(long)]
        to: Option<NaiveDate>,
        /// The day the default period ends on (default: today).
        #[arg(long)]
        today: Option<NaiveDate>,
        /// Also write the map to this file, CSV or XLSX by its extension (.csv, .xlsx).
        #[arg(long, value_name = "FILE")]
        export: Option<PathBuf>,
        /// The language of the export's headers and names, and of the table: zh or en.
        #[arg(long, default_value = "zh")]
        lang: String,
        #[command(flatten)]
        format: FormatArg,
    },
}

pub fn run(cmd: JourneyCommand) -> ExitCode {
    let result = match cmd {
        JourneyCommand::Show { target } => show(&target),
        JourneyCommand::Tick {
            target,
            item,
            received,
            undo,
        } => tick(&target, &item, received, undo),
        JourneyCommand::Advance {
            target,
            override_reason,
        } => return advance(&target, override_reason.as_deref()),
        JourneyCommand::Funnel {
            vault,
            from,
            to,
            format,
        } => funnel(&vault, from, to, format.resolve()),
        JourneyCommand::Map {
            vault,
            from,
            to,
            today,
            export,
            lang,
            format,
        } => map(
            &vault,
            (from, to.or(today)),
            export.as_deref(),
            &lang,
            format.resolve(),
        ),
    };
    exit::done(result)
}

fn show(t: &Target) -> Result<()> {
    let view = open(&t.vault)?.journey(t.client, crate::today_or_local(t.today))?;
    match t.format.resolve() {
        Format::Json => output::json(&view),
        Format::Table => {
            print_view(&view);
            Ok(())
        }
    }
}

fn tick(t: &Target, key: &str, received: bool, undo: bool) -> Result<()> {
    let mut v = open(&t.vault)?;
    let today = crate::today_or_local(t.today);
    let id = v.checklist_item_id(t.client, key)?;
    let item = if received {
        v.set_document_received(t.client, id, true, today)?
    } else {
        v.set_item_done(t.client, id, !undo, today)?
    };
    match t.format.resolve() {
        Format::Json => output::json(&item),
        Format::Table => {
            outln!("{}", item_line(&item));
            Ok(())
        }
    }
}

fn advance(t: &Target, reason: Option<&str>) -> ExitCode {
    let format = t.format.resolve();
    let mut vault = match open(&t.vault) {
        Ok(v) => v,
        Err(e) => return exit::fail(&e),
    };
    let today = crate::today_or_local(t.today);
    match vault.advance(t.client, today, reason) {
        Ok(moved) => match print_move(&moved, format) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => exit::fail(&e),
        },
        Err(Error::GateRefused { open }) => refused(&vault, t.client, today, &open, format),
        Err(e) => exit::fail(&e),
    }
}

fn refused(
    vault: &Vault,
    client: i64,
    today: NaiveDate,
    open: &[String],
    format: Format,
) -> ExitCode {
    // Labels make the list readable; the keys alone are what scripts match on.
    let items: Vec<ChecklistItem> = vault
        .journey(client, today)
        .map(|j| {
            j.checklists
                .into_iter()
                .filter(|c| c.stage == j.stage)
                .flat_map(|c| c.items)
                .filter(|i| open.contains(&i.key))
                .collect()
        })
        .unwrap_or_default();
    let label = |key: &str| {
        items
            .iter()
            .find(|i| i.key == key)
            .map_or("", |i| i.label_zh.as_str())
    };
    eprintln!("cannot advance client {client}: required items open:");
    for key in open {
        eprintln!("{key}\t{}", label(key));
    }
    if format == Format::Json {
        let open: Vec<_> = items
            .iter()
            .map(|i| json!({ "key": i.key, "label_zh": i.label_zh, "label_en": i.label_en, "state": i.state }))
            .collect();
        if let Err(e) =
            output::json(&json!({ "code": "gate_refused", "client": client, "open": open }))
        {
            return exit::fail(&e);
        }
    }
    ExitCode::from(exit::GATE_REFUSED)
}

fn print_move(m: &StageMove, format: Format) -> Result<()> {
    match format {
        Format::Json => output::json(m),
        Format::Table => {
            outln!(
                "client {} advanced: stage {} → {}",
                m.client_id,
                m.from,
                m.to
            );
            if !m.skipped.is_empty() {
                outln!("overridden: {}", m.skipped.join(", "));
            }
            Ok(())
        }
    }
}

fn funnel(
    vault: &VaultArg,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    format: Format,
) -> Result<()> {
    let (from, to) = period(from, to);
    let f = open(vault)?.funnel(from, to)?;
    match format {
        Format::Json => output::json(&f),
        Format::Table => {
            print_funnel(&f);
            Ok(())
        }
    }
}

/// The period asked for; without `to` it ends today, without `from` it is the 12 months up to
/// `to`.
fn period(from: Option<NaiveDate>, to: Option<NaiveDate>) -> (NaiveDate, NaiveDate) {
    let to = crate::today_or_local(to);
    let from = from.unwrap_or_else(|| {
        to.checked_sub_months(Months::new(12))
            .and_then(|d| d.succ_opt())
            .unwrap_or(to)
    });
    (from, to)
}

#[derive(Clone, Copy)]
enum Sheet {
    Csv,
    Xlsx,
}

/// The export's kind from its extension; anything else is refused before the vault is opened.
fn sheet_kind(path: &Path) -> Result<Sheet> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv") => Ok(Sheet::Csv),
        Some("xlsx") => Ok(Sheet::Xlsx),
        other => Err(Error::invalid(
            "export",
            Rule::Unknown(other.unwrap_or_default().chars().take(20).collect()),
        )),
    }
}

fn map(
    vault: &VaultArg,
    (from, to): (Option<NaiveDate>, Option<NaiveDate>),
    export: Option<&Path>,
    lang: &str,
    format: Format,
) -> Result<()> {
    let lang: Language = lang.parse::<loandesk_core::pdf::Lang>()?.into();
    let kind = export.map(sheet_kind).transpose()?;
    let (from, to) = period(from, to);
    let m = open(vault)?.journey_map(from, to)?;
    if let (Some(path), Some(kind)) = (export, kind) {
        match kind {
            Sheet::Csv => std::fs::write(path, journey_map_csv(&m, lang))?,
            Sheet::Xlsx => std::fs::write(path, journey_map_xlsx(&m, lang)?)?,
        }
    }
    match format {
        Format::Json => output::json(&m),
        Format::Table => {
            print_map(&m, lang);
            Ok(())
        }
    }
}

fn print_map(m: &JourneyMap, lang: Language) {
    outln!("{} – {}", m.from, m.to);
    let rows: Vec<Vec<String>> = m
        .stages
        .iter()
        .map(|s| {
            let top: Vec<String> = ranked_problems(s)
                .iter()
                .take(3)
                .map(|(k, n)| format!("{} {n}", category_label(k, lang)))
                .collect();
            vec![
                format!(
                    "{} {}",
                    s.stage,
                    loandesk_core::journey::stage_name(s.stage, lang)
                ),
                s.clients.to_string(),
                s.feedback.to_string(),
                s.avg_score.map_or("-".into(), |a| format!("{a:.2}")),
                s.drop_off.to_string(),
                s.open_problems.to_string(),
                s.closed_problems.to_string(),
                top.join(", "),
            ]
        })
        .collect();
    output::table(
        &[
            "stage",
            "clients",
            "feedback",
            "avg score",
            "drop-off",
            "open",
            "closed",
            "top problems",
        ],
        &rows,
    );
    outln!("");
    let rows: Vec<Vec<String>> = m
        .matrix
        .iter()
        .map(|t| {
            let counts = [
                t.prospect,
                t.active,
                t.loyal,
                t.dormant,
                t.lost,
                t.acquisition,
                t.activation,
                t.retention,
            ];
            std::iter::once(t.tier.as_str().to_owned())
                .chain(counts.iter().map(u32::to_string))
                .collect()
        })
        .collect();
    output::table(
        &[
            "tier",
            "prospect",
            "active",
            "loyal",
            "dormant",
            "lost",
            "acquisition 获客",
            "activation 活客",
            "retention 留客",
        ],
        &rows,
    );
}

fn print_funnel(f: &Funnel) {
    outln!("{} – {}", f.from, f.to);
    let rows: Vec<Vec<String>> = f
        .stages
        .iter()
        .map(|s| {
            let reasons: Vec<String> = s
                .lost_reasons
                .iter()
                .map(|l| format!("{} {}", l.label_zh, l.count))
                .collect();
            vec![
                format!(
                    "{} {}",
                    s.stage,
                    loandesk_core::journey::stage_name(s.stage, Language::Zh)
                ),
                s.entered.to_string(),
                s.advanced.to_string(),
                s.conversion
                    .map_or("-".into(), |c| format!("{:.0}%", c * 100.0)),
                s.median_days.map_or("-".into(), |d| format!("{d:.1}")),
                s.lost.to_string(),
                reasons.join(", "),
            ]
        })
        .collect();
    output::table(
        &[
            "stage",
            "entered",
            "advanced",
            "conversion",
            "median days",
            "lost",
            "lost reasons",
        ],
        &rows,
    );
}

fn item_line(i: &ChecklistItem) -> String {
    let mark = match i.state {
        loandesk_core::journey::ItemState::Done => "[x]",
        loandesk_core::journey::ItemState::AwaitingDocument => "[d]",
        loandesk_core::journey::ItemState::Open => "[ ]",
    };
    let required = if i.required { "*" } else { " " };
    format!("{mark}{required} {:<24} {}", i.key, i.label_zh)
}

fn print_view(j: &JourneyView) {
    outln!("{} {}", j.client_id, j.name);
    outln!(
        "stage {} {} · {} days · status {} · tier {}",
        j.stage,
        loandesk_core::journey::stage_name(j.stage, Language::Zh),
        j.days_in_stage,
        j.status.as_str(),
        j.tier.as_str()
    );
    if let Some(f) = &j.follow_up {
        outln!(
            "next contact {} ({} days overdue)",
            f.next_on,
            f.days_overdue.max(0)
        );
    }
    for list in &j.checklists {
        outln!(
            "\nstage {} checklist ([x] done, [d] awaiting document, * required):",
            list.stage
        );
        for item in &list.items {
            outln!("  {}", item_line(item));
        }
    }
    outln!("\nhistory:");
    for e in &j.history {
        let reason = e
            .override_reason
            .as_deref()
            .map(|r| format!(" override: {r}"));
        outln!(
            "  {} stage {} ({}, {} days){}",
            e.entered_on,
            e.stage,
            e.via.as_str(),
            e.days,
            reason.unwrap_or_default()
        );
    }
}
