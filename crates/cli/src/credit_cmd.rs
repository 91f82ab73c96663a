//! `loandesk credit wc-need`: the working-capital loan need (流动资金贷款需求测算, issue 15)
//! from a JSON file of its inputs, or from a client's imported statements and the officer's
//! assumptions. Bad input (a file that cannot be read or is not the expected JSON, a missing
//! or unknown key, days summing to 0 or less, a negative revenue, an unknown client, a client
//! without a statement) exits 2 with one line on stderr.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use loandesk_core::analysis::{wc_need, WcNeed, WcNeedAssumptions, WcNeedInput, WcNeedWarning};
use loandesk_core::prefs::Language;
use loandesk_core::rule::Rule;
use loandesk_core::{Error, Result};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use crate::exit;
use crate::loans_cmd::amount;
use crate::output::{self, Format, FormatArg};
use crate::vault_cmd::open;
use crate::VaultArg;

#[derive(Subcommand)]
pub enum CreditCommand {
    /// The working-capital loan need (流动资金贷款需求测算): from --input FILE.json, or from
    /// the client's latest two statements (--client ID --growth-percent G).
    WcNeed(WcNeedArgs),
}

#[derive(clap::Args)]
pub struct WcNeedArgs {
    #[command(flatten)]
    vault: VaultArg,
    /// A JSON object of decimal strings with every key: revenue, net_margin_percent,
    /// growth_percent, inventory_days, receivable_days, payable_days, prepaid_days,
    /// advance_days, own_funds, existing_wc_loans, other_funds. No vault needed.
    #[arg(long, value_name = "FILE.json")]
    input: Option<PathBuf>,
    /// The client whose statements give the revenue, the margin and the days.
    #[arg(long, value_name = "ID")]
    client: Option<i64>,
    /// 预计销售收入年增长率, in percent (with --client).
    #[arg(long, value_name = "G", allow_negative_numbers = true)]
    growth_percent: Option<String>,
    /// 借款人自有资金 (default: the latest year's current assets − current liabilities).
    #[arg(long, value_name = "A", allow_negative_numbers = true)]
    own_funds: Option<String>,
    /// 现有流动资金贷款 (default 0).
    #[arg(long, value_name = "A", allow_negative_numbers = true)]
    existing_wc_loans: Option<String>,
    /// 其他渠道提供的营运资金 (default 0).
    #[arg(long, value_name = "A", allow_negative_numbers = true)]
    other_funds: Option<String>,
    #[command(flatten)]
    format: FormatArg,
}

/// The keys of the `--input` file, in the order the formula reads them.
const KEYS: [&str; 11] = [
    "revenue",
    "net_margin_percent",
    "growth_percent",
    "inventory_days",
    "receivable_days",
    "payable_days",
    "prepaid_days",
    "advance_days",
    "own_funds",
    "existing_wc_loans",
    "other_funds",
];

/// The sum of days the turnover divides 360 by, as the file and the flags name its parts.
const CYCLE: &str = "inventory_days + receivable_days - payable_days + prepaid_days - advance_days";

pub fn run(cmd: CreditCommand) -> ExitCode {
    match cmd {
        CreditCommand::WcNeed(args) => wc_need_cmd(&args),
    }
}

/// One line on stderr, exit 2.
fn invalid(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(exit::INVALID)
}

fn wc_need_cmd(args: &WcNeedArgs) -> ExitCode {
    let client_flags = [
        ("--growth-percent", args.growth_percent.is_some()),
        ("--own-funds", args.own_funds.is_some()),
        ("--existing-wc-loans", args.existing_wc_loans.is_some()),
        ("--other-funds", args.other_funds.is_some()),
    ];
    let need = match (&args.input, args.client) {
        (Some(_), Some(_)) => {
            return invalid("give either --input FILE.json or --client ID, not both");
        }
        (Some(file), None) => {
            if let Some((flag, _)) = client_flags.iter().find(|(_, given)| *given) {
                return invalid(&format!(
                    "{flag} goes with --client: with --input every figure comes from the file"
                ));
            }
            let input = match read_input(file) {
                Ok(input) => input,
                Err(message) => return invalid(&message),
            };
            wc_need(&input).map_err(name_the_days)
        }
        (None, Some(client)) => {
            let Some(growth) = &args.growth_percent else {
                return invalid("--client needs --growth-percent G");
            };
            let need = assumptions(growth, args)
                .and_then(|a| open(&args.vault).and_then(|v| v.client_wc_need(client, &a)));
            match need {
                Err(Error::Validation {
                    field,
                    rule: Rule::Required,
                }) if field == "statement" => {
                    return invalid(&format!(
                        "client {client} has no financial statement imported \
                         (loandesk statements import)"
                    ));
                }
                other => other.map_err(name_the_days),
            }
        }
        (None, None) => {
            return invalid("give --input FILE.json, or --client ID --growth-percent G");
        }
    };
    let result = need.and_then(|n| print(&n, args.format.resolve()));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // An unknown client is the input being wrong here, like a bad amount.
        Err(e) => exit::fail_as(&e, exit::Unknown::IsInvalid),
    }
}

fn assumptions(growth: &str, args: &WcNeedArgs) -> Result<WcNeedAssumptions> {
    let optional = |field: &str, s: &Option<String>| s.as_deref().map(|s| amount(field, s));
    Ok(WcNeedAssumptions {
        growth_percent: amount("growth_percent", growth)?,
        own_funds: optional("own_funds", &args.own_funds).transpose()?,
        existing_wc_loans: optional("existing_wc_loans", &args.existing_wc_loans)
            .transpose()?
            .unwrap_or_default(),
        other_funds: optional("other_funds", &args.other_funds)
            .transpose()?
            .unwrap_or_default(),
        ..WcNeedAssumptions::default()
    })
}

/// The core names the sum of the days "days"; the command line names its parts.
fn name_the_days(e: Error) -> Error {
    match e {
        Error::Validation { field, rule } if field == "days" => Error::invalid(CYCLE, rule),
        other => other,
    }
}

/// The `--input` file as the formula's inputs; the message names the file or the key.
fn read_input(file: &Path) -> std::result::Result<WcNeedInput, String> {
    let name = file.display();
    let bytes = std::fs::read(file).map_err(|e| format!("{name}: cannot read the file: {e}"))?;
    let value: Value =
        serde_json::from_slice(&bytes).map_err(|e| format!("{name}: not valid JSON: {e}"))?;
    let Value::Object(map) = &value else {
        return Err(format!(
            "{name}: expected a JSON object with the keys {}",
            KEYS.join(", ")
        ));
    };
    if let Some(unknown) = map.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(format!(
            "{name}: unknown key \"{unknown}\" (the keys are {})",
            KEYS.join(", ")
        ));
    }
    let missing: Vec<&str> = KEYS
        .iter()
        .copied()
        .filter(|k| !map.contains_key(*k))
        .collect();
    if !missing.is_empty() {
        return Err(format!("{name}: missing key(s): {}", missing.join(", ")));
    }
    for key in KEYS {
        // Decimal strings, as the contract says and as the core reads them (a JSON number
        // would have gone through a binary float on its way here).
        let v = &map[key];
        match v {
            Value::String(s) => {
                if serde_json::from_value::<Decimal>(v.clone()).is_err() {
                    return Err(format!("{key}: not a decimal number: \"{s}\""));
                }
            }
            Value::Number(n) => {
                return Err(format!(
                    "{key}: expected a decimal string (\"{n}\"), not a JSON number"
                ));
            }
            other => {
                return Err(format!(
                    "{key}: expected a decimal string, found {}",
                    json_kind(other)
                ));
            }
        }
    }
    serde_json::from_value(value).map_err(|e| format!("{name}: {e}"))
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// What the command prints: the turnover to 4 places and the amounts to the fen, always with
/// their places ("4.0000", "0.00"), then the inputs the figures came from.
#[derive(Serialize)]
struct Printed<'a> {
    turnover: Decimal,
    working_capital: Decimal,
    new_need: Decimal,
    warnings: &'a [WcNeedWarning],
    input: &'a WcNeedInput,
}

fn places(mut d: Decimal, dp: u32) -> Decimal {
    // The core has rounded already: this only writes out the trailing zeros.
    d.rescale(dp);
    d
}

fn print(need: &WcNeed, format: Format) -> Result<()> {
    let printed = Printed {
        turnover: places(need.turnover, 4),
        working_capital: places(need.working_capital, 2),
        new_need: places(need.new_need, 2),
        warnings: &need.warnings,
        input: &need.input,
    };
    match format {
        Format::Json => output::json(&printed),
        Format::Table => {
            let i = &need.input;
            let row = |key: &str, value: Decimal, zh: &str| {
                vec![key.to_string(), value.to_string(), zh.to_string()]
            };
            let rows = vec![
                row("revenue", i.revenue, "上年度销售收入"),
                row(
                    "net_margin_percent",
                    i.net_margin_percent,
                    "上年度销售利润率 %",
                ),
                row("growth_percent", i.growth_percent, "预计销售收入年增长率 %"),
                row("inventory_days", i.inventory_days, "存货周转天数"),
                row("receivable_days", i.receivable_days, "应收账款周转天数"),
                row("payable_days", i.payable_days, "应付账款周转天数"),
                row("prepaid_days", i.prepaid_days, "预付账款周转天数"),
                row("advance_days", i.advance_days, "预收账款周转天数"),
                row("turnover", printed.turnover, "营运资金周转次数"),
                row("working_capital", printed.working_capital, "营运资金量"),
                row("own_funds", i.own_funds, "借款人自有资金"),
                row("existing_wc_loans", i.existing_wc_loans, "现有流动资金贷款"),
                row("other_funds", i.other_funds, "其他渠道提供的营运资金"),
                row("new_need", printed.new_need, "新增流动资金贷款额度"),
            ];
            output::table(&["item", "value", ""], &rows);
            for w in &need.warnings {
                outln!("warning: {}: {}", w.as_str(), w.text().get(Language::En));
            }
            Ok(())
        }
    }
}
