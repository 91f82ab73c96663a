//! PDF exports: the repayment schedule (还款计划表) and the loan proposal (贷款方案建议书).
//!
//! Pure functions of their inputs: no clock (the date is passed in), no vault, no files
//! written. Text is drawn with the CJK font that ships with the app; only the glyphs a
//! document uses are embedded. Untrusted text (client names, notes) is only ever drawn as
//! glyphs, wrapped to its column.
mod blocks;
mod export;
mod fonts;
mod layout;
mod loan_schedule;
pub(crate) mod numbers;
mod project_model;
mod proposal_credit;
mod proposal_doc;
pub mod proposal_number;
mod schedule_doc;
mod table;
mod text;
mod wrap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub use export::{ExportKind, ExportRequest, ExportResult};

use crate::amount::AmountUnit;
use crate::clients::Client;
use crate::loans::Schedule;
use crate::rule::Rule;
use crate::{Error, Result};

/// The language of a document, chosen at export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl std::str::FromStr for Lang {
    type Err = Error;

    fn from_str(s: &str) -> Result<Lang> {
        match s.trim() {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            other => Err(Error::invalid("lang", Rule::Unknown(other.to_owned()))),
        }
    }
}

/// A repayment schedule to print.
#[derive(Debug, Clone)]
pub struct ScheduleDoc<'a> {
    pub schedule: &'a Schedule,
    /// The borrower; `None` for a quick calculation with no client.
    pub client_name: Option<&'a str>,
    pub officer: &'a str,
    pub generated_on: NaiveDate,
    pub lang: Lang,
    /// A booked loan's schedule (its current version) rather than an offer: the contract and
    /// version are printed, the APR lines (which describe an offer) are not.
    pub booked: Option<Booked<'a>>,
    /// The unit the principal is written in (元, 万元, 亿元); `None`: "CNY 1,000,000.00".
    /// Payments are always yuan to the fen.
    pub unit: Option<AmountUnit>,
}

#[derive(Debug, Clone, Copy)]
pub struct Booked<'a> {
    pub contract_no: &'a str,
    pub version: u32,
}

/// A loan proposal to print.
#[derive(Debug, Clone)]
pub struct ProposalDoc<'a> {
    pub client: &'a Client,
    /// One to three scenarios; the first is the proposed one.
    pub scenarios: &'a [Schedule],
    pub purpose: &'a str,
    /// The officer's risk text; `None` prints [`default_risks`].
    pub risks: Option<&'a str>,
    pub officer: &'a str,
    pub date: NaiveDate,
    pub lang: Lang,
    /// The unit the loan amounts are written in (元, 万元, 亿元); `None`: "CNY 1,000,000.00".
    pub unit: Option<AmountUnit>,
}

/// A project financial model to print on its own (`loandesk pf model --pdf`).
#[derive(Debug, Clone)]
pub struct ModelDoc<'a> {
    pub client_name: Option<&'a str>,
    pub input: &'a crate::project_finance::ModelInput,
    pub model: &'a crate::project_finance::ProjectModel,
    pub officer: &'a str,
    pub date: NaiveDate,
    pub lang: Lang,
}

/// A finished PDF and what the officer should know about it (characters no font could
/// draw, shown as □).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfOutput {
    pub bytes: Vec<u8>,
    pub warnings: Vec<String>,
}

/// Most scenarios a proposal compares side by side.
pub const MAX_SCENARIOS: usize = 3;

pub fn schedule_pdf(doc: &ScheduleDoc) -> Result<PdfOutput> {
    schedule_doc::render(doc, true)
}

pub fn proposal_pdf(doc: &ProposalDoc) -> Result<PdfOutput> {
    if doc.scenarios.is_empty() || doc.scenarios.len() > MAX_SCENARIOS {
        let range = Rule::Range {
            min: "1".into(),
            max: MAX_SCENARIOS.to_string(),
        };
        return Err(Error::invalid("scenarios", range));
    }
    proposal_doc::render(doc, true)
}

pub fn model_pdf(doc: &ModelDoc) -> Result<PdfOutput> {
    project_model::render(doc, true)
}

/// The risks and disclosures printed when the officer has written none (includes the APR
/// disclosure).
pub fn default_risks(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => text::RISKS_ZH,
        Lang::En => text::RISKS_EN,
    }
}

/// Document metadata and the warnings for characters drawn as □.
fn finish(
    mut writer: layout::Writer,
    chrome: &layout::Chrome,
    author: &str,
    date: NaiveDate,
    lang: Lang,
) -> Result<PdfOutput> {
    let info = writer.metadata();
    info.document_title = chrome.title.clone();
    info.author = author.to_owned();
    info.creator = "LoanDesk".to_owned();
    let stamp = pdf_date(date);
    info.creation_date = stamp;
    info.modification_date = stamp;
    info.metadata_date = stamp;
    let (bytes, fonts) = writer.finish(chrome)?;
    let warnings = fonts
        .missing()
        .iter()
        .map(|c| {
            let code = u32::from(*c);
            match lang {
                Lang::Zh => format!("字符“{c}”（U+{code:04X}）没有可用字体，已显示为 □"),
                Lang::En => {
                    format!("No font has the character “{c}” (U+{code:04X}); it is shown as □")
                }
            }
        })
        .collect();
    Ok(PdfOutput { bytes, warnings })
}

fn pdf_date(date: NaiveDate) -> printpdf::OffsetDateTime {
    printpdf::OffsetDateTime {
        date: printpdf::Date {
            year: date.year(),
            month: date.month() as u8,
            day: date.day() as u8,
        },
        time: printpdf::Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        offset: printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    }
}
