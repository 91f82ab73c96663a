//! The portfolio as a file for the officer's own spreadsheets: CSV or XLSX, with its headers
//! and group names in the language asked for.
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::labels::sheet as label;
use super::portfolio::{Portfolio, Slice};
use super::status::{AgeBucket, Classification};
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
        "\n{},{},{}\n",
        l(label::MONTH),
        l(label::PRINCIPAL),
        l(label::INTEREST)
    ));
    for m in &p.cash_in {
        out.push_str(&format!("{},{},{}\n", m.month, m.principal, m.interest));
    }
    out
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
    book.save_to_buffer()
}
