//! The portfolio as a file for the officer's own spreadsheets: CSV or XLSX, labels in the
//! officer's language (the caller passes them; keys are the portfolio's own).
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::portfolio::{Portfolio, Slice};
use crate::error::{Error, Result};

fn sections(p: &Portfolio) -> [(&'static str, &Vec<Slice>); 4] {
    [
        ("by_tier", &p.by_tier),
        ("by_industry", &p.by_industry),
        ("by_classification", &p.by_classification),
        ("by_age", &p.by_age),
    ]
}

/// The portfolio as CSV (UTF-8 with a BOM so Excel opens Chinese text correctly).
pub fn portfolio_csv(p: &Portfolio, labels: &dyn Fn(&str) -> String) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&format!(
        "{},{},{},{}\n",
        labels("section"),
        labels("key"),
        labels("loans"),
        labels("outstanding")
    ));
    for (name, slices) in sections(p) {
        for s in slices {
            out.push_str(&format!(
                "{},{},{},{}\n",
                labels(name),
                csv_field(&labels(&s.key)),
                s.loans,
                s.outstanding
            ));
        }
    }
    out.push_str(&format!(
        "\n{},{},{}\n",
        labels("month"),
        labels("principal"),
        labels("interest")
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
pub fn portfolio_xlsx(p: &Portfolio, labels: &dyn Fn(&str) -> String) -> Result<Vec<u8>> {
    build_xlsx(p, labels).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

fn build_xlsx(
    p: &Portfolio,
    labels: &dyn Fn(&str) -> String,
) -> std::result::Result<Vec<u8>, XlsxError> {
    // A spreadsheet cell holds an IEEE double; amounts here have two decimals and stay far
    // below 2^53 fen, so each shows exactly as computed. Sums are the core's, not Excel's.
    let money = |d: rust_decimal::Decimal| d.to_f64().unwrap_or_default();
    let bold = Format::new().set_bold();
    let amount = Format::new().set_num_format("#,##0.00");
    let mut book = Workbook::new();

    let sheet = book.add_worksheet();
    sheet.set_name(labels("outstanding"))?;
    for (col, key) in ["section", "key", "loans", "outstanding"]
        .iter()
        .enumerate()
    {
        sheet.write_string_with_format(0, col as u16, labels(key), &bold)?;
    }
    let mut row = 1;
    for (name, slices) in sections(p) {
        for s in slices {
            sheet.write_string(row, 0, labels(name))?;
            sheet.write_string(row, 1, labels(&s.key))?;
            sheet.write_number(row, 2, s.loans)?;
            sheet.write_number_with_format(row, 3, money(s.outstanding), &amount)?;
            row += 1;
        }
    }
    sheet.autofit();

    let sheet = book.add_worksheet();
    sheet.set_name(labels("cash_in"))?;
    for (col, key) in ["month", "principal", "interest"].iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, labels(key), &bold)?;
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
