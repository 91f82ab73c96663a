//! `loandesk schedule`: a repayment schedule without a vault.
//!
//! Every option is taken as text and parsed here, not by clap: a bad value must give exactly
//! one line on stderr naming the option (and exit code 2), which clap's multi-line usage
//! errors do not.
use std::path::PathBuf;
use std::process::ExitCode;
use std::str::FromStr;

use chrono::NaiveDate;
use loandesk_core::loans::{
    generate, DayCount, LoanTerms, LprTenor, Method, Period, Rate, Rounding, Schedule, Summary,
};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(clap::Args, Debug, Clone, Default)]
pub struct ScheduleArgs {
    /// Amount lent, e.g. 1000000 (at most 2 decimals).
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub principal: Option<String>,
    /// Fixed annual rate in percent, e.g. 4.9 (omit it when --lpr is given).
    #[arg(long, value_name = "PERCENT", allow_hyphen_values = true)]
    pub rate: Option<String>,
    /// Term in months (1-600).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub months: Option<String>,
    /// equal-installment (等额本息), equal-principal (等额本金), interest-only (按月付息到期还本),
    /// quarterly-interest (按季付息), bullet (一次性还本付息).
    #[arg(long, value_name = "METHOD")]
    pub method: Option<String>,
    /// Disbursement date, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// Optional settings; boxed so the `Command` enum in main.rs stays small.
    #[command(flatten)]
    pub options: Box<ScheduleOptions>,
}

#[derive(clap::Args, Debug, Clone, Default)]
pub struct ScheduleOptions {
    /// Day of month payments fall due (default: the start day; short months use their last day).
    #[arg(long, value_name = "DAY", allow_hyphen_values = true)]
    pub repay_day: Option<String>,
    /// Interest-only months before amortisation starts.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub grace_months: Option<String>,
    /// Upfront fee deducted at disbursement; it raises the APR.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub fee: Option<String>,
    /// Loan prime rate in percent; the rate is then LPR + --spread-bp.
    #[arg(long, value_name = "PERCENT", allow_hyphen_values = true)]
    pub lpr: Option<String>,
    /// Spread over the LPR in basis points (加点), may be negative; default 0.
    #[arg(long, value_name = "BP", allow_hyphen_values = true)]
    pub spread_bp: Option<String>,
    /// LPR tenor, 1y or 5y (default: 5y for terms over 60 months).
    #[arg(long, value_name = "TENOR")]
    pub lpr_tenor: Option<String>,
    /// Currency code (default CNY).
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// Day count for a broken first period: act360 (default), act365, 30-360.
    #[arg(long, value_name = "BASIS")]
    pub day_count: Option<String>,
    /// Rounding of each period's interest: half-up (default) or half-even.
    #[arg(long, value_name = "MODE")]
    pub rounding: Option<String>,
    /// Output: json (default), csv or table.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Write the schedule as a PDF (还款计划表) instead of printing it.
    #[arg(long, value_name = "FILE")]
    pub pdf: Option<PathBuf>,
    /// Language of the --pdf file: zh (default) or en.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Officer name printed on the --pdf file.
    #[arg(long, value_name = "NAME")]
    pub officer: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
    Table,
}

/// A bad option: its flag name (without `--`) and why.
struct BadInput(&'static str, String);

pub fn run(args: &ScheduleArgs) -> ExitCode {
    let result = parse(args).and_then(|(terms, format)| {
        let schedule = generate(&terms)
            .map_err(|e| BadInput(flag_for_field(e.field()), e.reason().to_owned()))?;
        Ok((schedule, format))
    });
    let (schedule, format) = match result {
        Ok(ok) => ok,
        Err(BadInput(flag, reason)) => {
            eprintln!("error: {flag}: {reason}");
            return ExitCode::from(crate::exit::INVALID);
        }
    };
    if let Some(out) = &args.options.pdf {
        let options = &args.options;
        let (lang, officer) = (options.lang.as_deref(), options.officer.as_deref());
        return crate::export_cmd::quick_schedule(&schedule, out, lang, officer);
    }
    let text = match format {
        Format::Json => json(&schedule),
        Format::Csv => Ok(csv(&schedule.periods)),
        Format::Table => Ok(table(&schedule)),
    };
    match text {
        Ok(text) => {
            out!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(crate::exit::ERROR)
        }
    }
}

/// The core names fields as `LoanTerms` does; the user typed options.
fn flag_for_field(field: &'static str) -> &'static str {
    match field {
        "term_months" => "months",
        "disbursement_date" => "start",
        "repay_day" => "repay-day",
        "grace_months" => "grace-months",
        "upfront_fee" => "fee",
        "spread_bp" => "spread-bp",
        "lpr_tenor" => "lpr-tenor",
        "day_count" => "day-count",
        other => other,
    }
}

/// The terms alone, for the commands that take the schedule's term flags (`loans book`,
/// `scenarios save`); a bad flag as "flag: reason".
pub fn terms(args: &ScheduleArgs) -> Result<LoanTerms, String> {
    let terms = parse(args).map_err(|BadInput(flag, reason)| format!("{flag}: {reason}"))?;
    generate(&terms.0).map_err(|e| format!("{}: {}", flag_for_field(e.field()), e.reason()))?;
    Ok(terms.0)
}

fn parse(args: &ScheduleArgs) -> Result<(LoanTerms, Format), BadInput> {
    let principal = required("principal", &args.principal).and_then(|s| decimal("principal", s))?;
    let term_months = required("months", &args.months).and_then(|s| whole("months", s))?;
    let rate = parse_rate(args, term_months)?;
    let method = required("method", &args.method).and_then(|s| choice::<Method>("method", s))?;
    let start = required("start", &args.start)?;
    let disbursement_date = NaiveDate::parse_from_str(start.trim(), "%Y-%m-%d").map_err(|_| {
        BadInput(
            "start",
            format!("not a date (expected YYYY-MM-DD): '{start}'"),
        )
    })?;
    let format = match args.options.format.as_deref().map(str::trim) {
        None | Some("json") => Format::Json,
        Some("csv") => Format::Csv,
        Some("table") => Format::Table,
        Some(other) => {
            return Err(BadInput(
                "format",
                format!("unknown value '{other}' (expected one of: json, csv, table)"),
            ))
        }
    };
    let terms = LoanTerms {
        principal,
        currency: args
            .options
            .currency
            .as_deref()
            .unwrap_or("CNY")
            .trim()
            .to_owned(),
        term_months,
        rate,
        disbursement_date,
        repay_day: optional(&args.options.repay_day, |s| whole("repay-day", s))?,
        method,
        grace_months: optional(&args.options.grace_months, |s| whole("grace-months", s))?
            .unwrap_or(0),
        upfront_fee: optional(&args.options.fee, |s| decimal("fee", s))?.unwrap_or(Decimal::ZERO),
        day_count: optional(&args.options.day_count, |s| {
            choice::<DayCount>("day-count", s)
        })?
        .unwrap_or_default(),
        rounding: optional(&args.options.rounding, |s| {
            choice::<Rounding>("rounding", s)
        })?
        .unwrap_or_default(),
    };
    Ok((terms, format))
}

fn parse_rate(args: &ScheduleArgs, term_months: u32) -> Result<Rate, BadInput> {
    match (&args.rate, &args.options.lpr) {
        (Some(_), Some(_)) => Err(BadInput(
            "rate",
            "give either --rate or --lpr (with --spread-bp), not both".into(),
        )),
        (Some(rate), None) => {
            if args.options.spread_bp.is_some() {
                return Err(BadInput("spread-bp", "only applies with --lpr".into()));
            }
            Ok(Rate::Fixed {
                annual_percent: decimal("rate", rate)?,
            })
        }
        (None, Some(lpr)) => Ok(Rate::Lpr {
            tenor: optional(&args.options.lpr_tenor, |s| {
                choice::<LprTenor>("lpr-tenor", s)
            })?
            .unwrap_or_else(|| LprTenor::for_term(term_months)),
            lpr_percent: decimal("lpr", lpr)?,
            spread_bp: optional(&args.options.spread_bp, |s| decimal("spread-bp", s))?
                .unwrap_or(Decimal::ZERO),
        }),
        (None, None) if args.options.spread_bp.is_some() => {
            Err(BadInput("lpr", "missing (--spread-bp needs --lpr)".into()))
        }
        (None, None) => Err(BadInput(
            "rate",
            "missing (give --rate PERCENT, or --lpr PERCENT --spread-bp BP)".into(),
        )),
    }
}

fn required<'a>(flag: &'static str, value: &'a Option<String>) -> Result<&'a str, BadInput> {
    value
        .as_deref()
        .ok_or_else(|| BadInput(flag, format!("missing (--{flag})")))
}

fn optional<T>(
    value: &Option<String>,
    parse: impl FnOnce(&str) -> Result<T, BadInput>,
) -> Result<Option<T>, BadInput> {
    value.as_deref().map(parse).transpose()
}

fn decimal(flag: &'static str, text: &str) -> Result<Decimal, BadInput> {
    Decimal::from_str(text.trim()).map_err(|_| BadInput(flag, format!("not a number: '{text}'")))
}

fn whole(flag: &'static str, text: &str) -> Result<u32, BadInput> {
    u32::from_str(text.trim())
        .map_err(|_| BadInput(flag, format!("not a whole number of 0 or more: '{text}'")))
}

/// The core's parser knows the accepted names; only the flag name is ours.
fn choice<T: FromStr<Err = loandesk_core::loans::LoanError>>(
    flag: &'static str,
    text: &str,
) -> Result<T, BadInput> {
    T::from_str(text).map_err(|e| BadInput(flag, e.reason().to_owned()))
}

/// The JSON contract scripts rely on: the summary, then the periods; no terms.
#[derive(Serialize)]
struct Output<'a> {
    summary: &'a Summary,
    periods: &'a [Period],
}

fn json(schedule: &Schedule) -> Result<String, serde_json::Error> {
    let output = Output {
        summary: &schedule.summary,
        periods: &schedule.periods,
    };
    serde_json::to_string_pretty(&output).map(|text| text + "\n")
}

fn csv(periods: &[Period]) -> String {
    let mut out = String::from("period,due_date,payment,principal,interest,balance\n");
    for p in periods {
        out.push_str(&format!(
            "{},{},{},{},{},{}\n",
            p.number, p.due_date, p.payment, p.principal, p.interest, p.balance
        ));
    }
    out
}

fn table(schedule: &Schedule) -> String {
    let s = &schedule.summary;
    let principal: Decimal = schedule.periods.iter().map(|p| p.principal).sum();
    let mut rows: Vec<[String; 6]> = vec![[
        "Period".into(),
        "Due date".into(),
        "Payment".into(),
        "Principal".into(),
        "Interest".into(),
        "Balance".into(),
    ]];
    for p in &schedule.periods {
        rows.push([
            p.number.to_string(),
            p.due_date.to_string(),
            p.payment.to_string(),
            p.principal.to_string(),
            p.interest.to_string(),
            p.balance.to_string(),
        ]);
    }
    rows.push([
        "Total".into(),
        String::new(),
        s.total_payment.to_string(),
        principal.to_string(),
        s.total_interest.to_string(),
        String::new(),
    ]);
    let mut widths = [0usize; 6];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in &rows {
        // Dates and labels read left to right; amounts line up on the decimal point.
        let line: Vec<String> = row
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (cell, w))| match i {
                1 => format!("{cell:<w$}"),
                _ => format!("{cell:>w$}"),
            })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out.push_str(&format!(
        "\nPayment: {}  Total interest: {}  APR: {} % (effective {} %)\nPrincipal: {} {} ({})\n",
        s.payment,
        s.total_interest,
        s.apr,
        s.apr_effective,
        principal,
        schedule.terms.currency,
        s.principal_in_words
    ));
    out
}
