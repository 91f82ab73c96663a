//! The portfolio as a file for the officer's own spreadsheets: CSV or XLSX, with its headers
//! and group names in the language asked for.
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::labels::sheet as label;
use super::portfolio::{Headline, Portfolio, PortfolioLoan, Slice};
use super::status::{AgeBucket, Classification};
use crate::clients::industry;
use crate::error::{Error, Result};
use crate::labels::Text;
use crate::prefs::Language;
use crate::security::{CollateralKind, CoverageBand};

#[derive(Clone, Copy)]
enum Section {
    Tier,
    Industry,
    Classification,
    Age,
    Collateral,
    Coverage,
}

fn sections(p: &Portfolio) -> [(Section, &Vec<Slice>); 6] {
    [
        (Section::Tier, &p.by_tier),
        (Section::Industry, &p.by_industry),
        (Section::Classification, &p.by_classification),
        (Section::Age, &p.by_age),
        (Section::Collateral, &p.by_collateral),
        (Section::Coverage, &p.by_coverage),
    ]
}

impl Section {
    fn text(self) -> Text {
        match self {
            Section::Tier => label::BY_TIER,
            Section::Industry => label::BY_INDUSTRY,
            Section::Classification => label::BY_CLASSIFICATION,
            Section::Age => label::BY_AGE,
            Section::Collateral => label::BY_COLLATERAL,
            Section::Coverage => label::BY_COVERAGE,
        }
    }

    /// A slice's group as the officer reads it (tiers and industries are the client's own words).
    fn group(self, key: &str, lang: Language) -> String {
        let known = match self {
            Section::Industry if key.is_empty() => Some(label::NOT_GIVEN),
            Section::Industry => industry::find(key).map(|i| i.text),
            Section::Classification => Classification::parse(key).map(Classification::text),
            Section::Age => AgeBucket::parse(key).map(AgeBucket::text),
            Section::Collateral => CollateralKind::parse(key)
                .map(CollateralKind::text)
                .or_else(|| CoverageBand::parse(key).map(CoverageBand::text)),
            Section::Coverage => CoverageBand::parse(key).map(CoverageBand::text),
            _ => None,
        };
        known.map_or_else(|| key.to_owned(), |t| t.get(lang).to_owned())
    }
}

/// The portfolio as CSV (UTF-8 with a BOM so Excel opens Chinese text correctly).
pub fn portfolio_csv(p: &Portfolio, lang: Language) -> String {
    let l = |t: Text| t.get(lang);
    let mut out = String::from("\u{feff}");
    out.push_str(&format!(
        "{},{},{},{}\n",
        l(label::SECTION),
        l(label::GROUP),
        l(label::LOANS),
        l(label::OUTSTANDING)
    ));
    for (section, slices) in sections(p) {
        for s in slices {
            out.push_str(&format!(
                "{},{},{},{}\n",
                l(section.text()),
                csv_field(&section.group(&s.key, lang)),
                s.loans,
                s.outstanding
            ));
        }
    }
    out.push_str(&format!(
        "\n{},{}\n",
        l(label::PENALTY_ACCRUED),
        p.penalty_accrued
    ));
    out.push_str(&format!(
        "\n{},{},{},{}\n",
        l(label::SECTION),
        l(label::LOANS),
        l(label::OUTSTANDING),
        l(label::RATIO)
    ));
    for (text, h) in headlines(p) {
        out.push_str(&format!(
            "{},{},{},{}\n",
            csv_field(l(text)),
            h.loans,
            h.outstanding,
            h.percent.map(|d| d.to_string()).unwrap_or_default()
        ));
    }
    out.push_str(&format!(
        "\n{},{},{}\n",
        l(label::MONTH),
        l(label::PRINCIPAL),
        l(label::INTEREST)
    ));
    for m in &p.cash_in {
        out.push_str(&format!("{},{},{}\n", m.month, m.principal, m.interest));
    }
    out.push_str(&format!("\n{}\n", l(label::LOAN_LIST)));
    let headers: Vec<&str> = LOAN_COLUMNS.iter().map(|t| l(*t)).collect();
    out.push_str(&headers.join(","));
    out.push('\n');
    for loan in &p.loan_list {
        let cells: Vec<String> = loan_cells(loan, lang)
            .iter()
            .map(|c| csv_field(&c.text()))
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn headlines(p: &Portfolio) -> [(Text, &Headline); 2] {
    [
        (label::OVERDUE, &p.overdue),
        (label::NON_PERFORMING, &p.non_performing),
    ]
}

/// The loan list's columns, in the order the screen shows them.
const LOAN_COLUMNS: [Text; 11] = [
    label::CLIENT,
    label::CONTRACT,
    label::OUTSTANDING,
    label::NEXT_DUE,
    label::DAYS_OVERDUE,
    label::BY_CLASSIFICATION,
    label::BY_TIER,
    label::BY_INDUSTRY,
    label::BY_AGE,
    label::BY_COLLATERAL,
    label::COVERAGE_PERCENT,
];

enum Cell {
    Text(String),
    Amount(rust_decimal::Decimal),
    Number(i64),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Amount(d) => d.to_string(),
            Cell::Number(n) => n.to_string(),
        }
    }
}

fn loan_cells(loan: &PortfolioLoan, lang: Language) -> [Cell; 11] {
    let opt = |v: Option<String>| Cell::Text(v.unwrap_or_default());
    [
        Cell::Text(loan.client_name.clone()),
        Cell::Text(loan.contract_no.clone()),
        Cell::Amount(loan.outstanding),
        opt(loan.next_due_on.map(|d| d.to_string())),
        Cell::Number(loan.days_overdue),
        Cell::Text(loan.classification.text().get(lang).to_owned()),
        Cell::Text(loan.tier.clone()),
        Cell::Text(match loan.industry_code.as_deref() {
            Some(code) => industry::label(Some(code), loan.industry_text.as_deref(), lang),
            None => label::NOT_GIVEN.get(lang).to_owned(),
        }),
        Cell::Text(Section::Age.group(&loan.age, lang)),
        Cell::Text(Section::Collateral.group(&loan.collateral, lang)),
        loan.coverage_percent
            .map_or(Cell::Text(String::new()), Cell::Amount),
    ]
}

/// Quotes a field when it needs it, and defuses a leading formula character (CSV injection).
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The portfolio as an XLSX workbook: one sheet of outstanding by dimension, one of cash-in.
pub fn portfolio_xlsx(p: &Portfolio, lang: Language) -> Result<Vec<u8>> {
    build_xlsx(p, lang).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

fn build_xlsx(p: &Portfolio, lang: Language) -> std::result::Result<Vec<u8>, XlsxError> {
    let l = |t: Text| t.get(lang);
    // A spreadsheet cell holds an IEEE double; amounts here have two decimals and stay far
    // below 2^53 fen, so each shows exactly as computed. Sums are the core's, not Excel's.
    let money = |d: rust_decimal::Decimal| d.to_f64().unwrap_or_default();
    let bold = Format::new().set_bold();
    let amount = Format::new().set_num_format("#,##0.00");
    let ratio = Format::new().set_num_format("0.00");
    let mut book = Workbook::new();

    let sheet = book.add_worksheet();
    sheet.set_name(l(label::OUTSTANDING))?;
    let headers = [
        label::SECTION,
        label::GROUP,
        label::LOANS,
        label::OUTSTANDING,
    ];
    for (col, header) in headers.into_iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, l(header), &bold)?;
    }
    let mut row = 1;
    for (section, slices) in sections(p) {
        for s in slices {
            sheet.write_string(row, 0, l(section.text()))?;
            sheet.write_string(row, 1, section.group(&s.key, lang))?;
            sheet.write_number(row, 2, s.loans)?;
            sheet.write_number_with_format(row, 3, money(s.outstanding), &amount)?;
            row += 1;
        }
    }
    row += 1;
    sheet.write_string_with_format(row, 0, l(label::PENALTY_ACCRUED), &bold)?;
    sheet.write_number_with_format(row, 3, money(p.penalty_accrued), &amount)?;
    row += 2;
    sheet.write_string_with_format(row, 4, l(label::RATIO), &bold)?;
    for (text, h) in headlines(p) {
        row += 1;
        sheet.write_string_with_format(row, 0, l(text), &bold)?;
        sheet.write_number(row, 2, h.loans)?;
        sheet.write_number_with_format(row, 3, money(h.outstanding), &amount)?;
        if let Some(percent) = h.percent {
            sheet.write_number_with_format(row, 4, money(percent), &ratio)?;
        }
    }
    sheet.autofit();

    let sheet = book.add_worksheet();
    sheet.set_name(l(label::CASH_IN))?;
    for (col, header) in [label::MONTH, label::PRINCIPAL, label::INTEREST]
        .into_iter()
        .enumerate()
    {
        sheet.write_string_with_format(0, col as u16, l(header), &bold)?;
    }
    for (i, m) in p.cash_in.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string(row, 0, &m.month)?;
        sheet.write_number_with_format(row, 1, money(m.principal), &amount)?;
        sheet.write_number_with_format(row, 2, money(m.interest), &amount)?;
    }
    sheet.autofit();

    let sheet = book.add_worksheet();
    sheet.set_name(l(label::LOAN_LIST))?;
    for (col, header) in LOAN_COLUMNS.into_iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, l(header), &bold)?;
    }
    for (i, loan) in p.loan_list.iter().enumerate() {
        let row = i as u32 + 1;
        for (col, cell) in loan_cells(loan, lang).into_iter().enumerate() {
            let col = col as u16;
            match cell {
                Cell::Text(s) => sheet.write_string(row, col, s)?,
                Cell::Amount(d) => sheet.write_number_with_format(row, col, money(d), &amount)?,
                Cell::Number(n) => sheet.write_number(row, col, n as f64)?,
            };
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();
    book.save_to_buffer()
}
