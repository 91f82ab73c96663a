//! `loandesk pf model`: the project-finance model (项目融资测算, issue 17) from a JSON file of
//! its inputs or the XLSX template filled in, without a vault. JSON (`serde_json` of the core's
//! `ProjectModel`, every amount and ratio a decimal string) or a table; `--pdf` writes the
//! model's PDF instead. Bad input (a file that cannot be read or is neither the JSON nor the
//! template, a key the model refuses) exits 2 with one line on stderr naming the key.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use loandesk_core::pdf::{model_pdf, Lang, ModelDoc};
use loandesk_core::prefs::Language;
use loandesk_core::project_finance::{self, xlsx, CapitalTable, ModelInput, ProjectModel};
use loandesk_core::rule::Rule;
use loandesk_core::{Error, Result};
use rust_decimal::Decimal;

use crate::exit;
use crate::output::{self, Format, FormatArg};

#[derive(Subcommand)]
pub enum PfCommand {
    /// The project model: debt sized to the CFADS at the target DSCR (or given), its
    /// repayment, DSCR, LLCR and PLCR, from --input FILE.json or FILE.xlsx.
    Model(ModelArgs),
}

#[derive(clap::Args)]
pub struct ModelArgs {
    /// The inputs: a JSON object of decimal strings (periods_per_year, rate_percent, cfads,
    /// target_dscr, …) or the XLSX template with the same keys; told apart by content.
    #[arg(long, value_name = "FILE.json|FILE.xlsx")]
    input: Option<PathBuf>,
    #[command(flatten)]
    format: FormatArg,
    /// Write the model as a PDF (项目财务模型) instead of printing it.
    #[arg(long, value_name = "FILE")]
    pdf: Option<PathBuf>,
    /// Language of the --pdf file: zh (default) or en.
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Officer name printed on the --pdf file.
    #[arg(long, value_name = "NAME")]
    officer: Option<String>,
}

pub fn run(cmd: PfCommand) -> ExitCode {
    match cmd {
        PfCommand::Model(args) => model_cmd(&args),
    }
}

/// One line on stderr, exit 2.
fn invalid(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(exit::INVALID)
}

fn model_cmd(args: &ModelArgs) -> ExitCode {
    let Some(file) = &args.input else {
        return invalid("give --input FILE.json or --input FILE.xlsx");
    };
    if args.pdf.is_none() {
        if args.lang.is_some() {
            return invalid("--lang goes with --pdf FILE: it is the PDF's language");
        }
        if args.officer.is_some() {
            return invalid("--officer goes with --pdf FILE: it is printed on the PDF");
        }
    } else if args.format.format.is_some() {
        return invalid("--format does not go with --pdf: the PDF is written instead of printing");
    }
    // Checked before any work, so a typo does not cost the model first.
    let lang = match args
        .lang
        .as_deref()
        .map_or(Ok(Lang::Zh), str::parse::<Lang>)
    {
        Ok(lang) => lang,
        Err(Error::Validation { rule, .. }) => return invalid(&format!("--lang: {rule}")),
        Err(e) => return exit::fail(&e),
    };
    let input = match read_input(file) {
        Ok(input) => input,
        Err(message) => return invalid(&message),
    };
    // No vault: the 资本金 minimums are 国发〔2015〕51号's, not a bank's own from Settings.
    let model = match project_finance::model(&input, &CapitalTable::default(), Language::En) {
        Ok(model) => model,
        Err(e) => return exit::fail(&e),
    };
    let result = match &args.pdf {
        Some(out) => write_pdf(&input, &model, out, lang, args.officer.as_deref()),
        None => print(&model, args.format.resolve()),
    };
    exit::done(result)
}

/// The inputs from a JSON file or the XLSX template; the message names the file, or the key
/// or cell that is wrong.
fn read_input(file: &Path) -> std::result::Result<ModelInput, String> {
    let name = file.display();
    let bytes = std::fs::read(file).map_err(|e| format!("{name}: cannot read the file: {e}"))?;
    if is_json(file, &bytes) {
        let text = std::str::from_utf8(&bytes)
            .map_err(|_| format!("{name}: not valid JSON: the file is not UTF-8 text"))?;
        return ModelInput::from_json(text.trim_start_matches('\u{feff}'))
            .map_err(|e| format!("{name}: {e}"));
    }
    xlsx::read_input(&bytes).map_err(|e| match e {
        Error::Validation { field, rule } if field == "file" => match rule {
            // Text that is not JSON, a PDF, an XLS: neither of the two inputs.
            Rule::NotSpreadsheet | Rule::Format(_) => format!(
                "{name}: neither a JSON object of the model's keys nor an XLSX workbook \
                 (the template)"
            ),
            // Damaged, password-protected, a zip bomb, too large: the file as a whole.
            rule => format!("{name}: {rule}"),
        },
        other => other.to_string(),
    })
}

/// JSON by its name or by its first character; anything else is judged as a workbook (which
/// refuses what is not the template).
fn is_json(file: &Path, bytes: &[u8]) -> bool {
    let by_name = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    by_name || matches!(first, Some(b'{') | Some(b'['))
}

fn write_pdf(
    input: &ModelInput,
    model: &ProjectModel,
    out: &Path,
    lang: Lang,
    officer: Option<&str>,
) -> Result<()> {
    let doc = ModelDoc {
        client_name: None,
        input,
        model,
        officer: officer.unwrap_or_default(),
        date: crate::today_or_local(None),
        lang,
    };
    crate::export_cmd::write(out, &model_pdf(&doc)?)
}

/// A ratio as printed: "—" when there is none (no debt service in the period).
fn ratio(r: Option<Decimal>) -> String {
    r.map_or_else(|| "—".to_owned(), |d| d.to_string())
}

fn print(m: &ProjectModel, format: Format) -> Result<()> {
    match format {
        Format::Json => output::json(m),
        Format::Table => {
            let rows: Vec<Vec<String>> = m
                .periods
                .iter()
                .map(|p| {
                    vec![
                        p.period.to_string(),
                        p.cfads.to_string(),
                        p.opening.to_string(),
                        p.interest.to_string(),
                        p.principal.to_string(),
                        p.debt_service.to_string(),
                        p.closing.to_string(),
                        ratio(p.dscr),
                        ratio(p.llcr),
                    ]
                })
                .collect();
            output::table(
                &[
                    "期 period",
                    "现金流 CFADS",
                    "期初 opening",
                    "利息 interest",
                    "本金 principal",
                    "本息 debt service",
                    "期末 closing",
                    "DSCR",
                    "LLCR",
                ],
                &rows,
            );
            outln!();
            let money = |d: Decimal| d.to_string();
            let summary = vec![
                row("debt", money(m.debt), "贷款金额"),
                row("idc", money(m.idc), "建设期利息"),
                row("debt_at_cod", money(m.debt_at_cod), "商业运营日债务余额"),
                row("min_dscr", ratio(m.min_dscr), "最低偿债覆盖率"),
                row(
                    "avg_dscr_mean",
                    ratio(m.avg_dscr_mean),
                    "平均偿债覆盖率（均值）",
                ),
                row(
                    "avg_dscr_ratio",
                    ratio(m.avg_dscr_ratio),
                    "平均偿债覆盖率（总额比）",
                ),
                row("min_llcr", ratio(m.min_llcr), "最低贷款期覆盖率"),
                row("llcr", ratio(m.llcr), "贷款期覆盖率（期初）"),
                row("plcr", ratio(m.plcr), "项目期覆盖率"),
            ];
            output::table(&["item", "value", ""], &summary);
            for w in &m.warnings {
                outln!("warning: {}: {}", w.code.as_str(), w.message);
            }
            Ok(())
        }
    }
}

fn row(key: &str, value: String, zh: &str) -> Vec<String> {
    vec![key.to_owned(), value, zh.to_owned()]
}
