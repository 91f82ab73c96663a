//! Writing the template (rust_xlsxwriter): the keys of [`super::keys`] with their labels, and
//! issue 17's example figures.
use rust_xlsxwriter::{
    DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};

use super::keys::{
    Kind, CONSTRUCTION, CONSTRUCTION_SHEET, EXAMPLE_CFADS, INPUTS, SCALARS, SERIES, SERIES_SHEET,
};
use crate::error::{Error, Result};
use crate::labels::Text;

/// Writes the template: the keys, each with its label in both languages, and issue 17's example.
/// The committed file is this function's output (regenerate with `UPDATE_TEMPLATES=1 cargo test
/// -p loandesk-core --test project_finance_xlsx`).
pub fn generate_template() -> Result<Vec<u8>> {
    build_template().map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

fn build_template() -> std::result::Result<Vec<u8>, XlsxError> {
    let header = Format::new()
        .set_bold()
        .set_background_color(0xDDEBF7)
        .set_border_bottom(FormatBorder::Thin);
    let label = Format::new()
        .set_italic()
        .set_font_color(0x595959)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let amount = Format::new().set_num_format("#,##0.00");
    let whole = Format::new().set_num_format("0");

    let mut wb = Workbook::new();
    // A fixed date: regenerating gives the same bytes (the zip entries' dates are fixed by the
    // writer already).
    let created = ExcelDateTime::from_ymd(2025, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title("项目融资测算模板 Project model template")
            .set_author("LoanDesk")
            .set_creation_datetime(&created),
    );

    let ws = wb.add_worksheet().set_name(INPUTS)?;
    ws.write_string_with_format(0, 0, "key", &header)?;
    ws.write_string_with_format(0, 1, "value", &header)?;
    ws.write_string_with_format(0, 2, "说明 description", &header)?;
    for (i, s) in SCALARS.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, s.key)?;
        let mut text = format!("{} {}", s.label.zh, s.label.en);
        let choices = s.kind.choices();
        if !choices.is_empty() {
            let listed: Vec<String> = choices
                .iter()
                .map(|(k, t)| format!("{k}（{} {}）", t.zh, t.en))
                .collect();
            text.push_str(&format!(" — {}", listed.join(" | ")));
            let words: Vec<&str> = choices.iter().map(|(k, _)| *k).collect();
            ws.add_data_validation(
                row,
                1,
                row,
                1,
                &DataValidation::new().allow_list_strings(&words)?,
            )?;
        }
        ws.write_string_with_format(row, 2, &text, &wrap)?;
        match (s.example, s.kind) {
            (None, _) => {}
            (Some(v), Kind::Decimal | Kind::Whole) => {
                // XLSX keeps numbers as doubles; the reader reads back this text exactly.
                let n: f64 = v.parse().map_err(|_| XlsxError::ParameterError(v.into()))?;
                ws.write_number(row, 1, n)?;
            }
            (Some(v), _) => {
                ws.write_string(row, 1, v)?;
            }
        }
    }
    ws.set_column_width(0, 30)?;
    ws.set_column_width(1, 14)?;
    ws.set_column_width(2, 100)?;
    ws.set_freeze_panes(1, 0)?;

    let ws = wb.add_worksheet().set_name(SERIES_SHEET)?;
    table_header(ws, &SERIES, &header, &label)?;
    for (i, v) in EXAMPLE_CFADS.iter().enumerate() {
        let row = i as u32 + 2;
        ws.write_number_with_format(row, 0, i as f64 + 1.0, &whole)?;
        let n: f64 = v
            .parse()
            .map_err(|_| XlsxError::ParameterError((*v).into()))?;
        ws.write_number_with_format(row, 1, n, &amount)?;
    }
    for c in 1..SERIES.len() as u16 {
        ws.set_column_format(c, &amount)?;
    }

    let ws = wb.add_worksheet().set_name(CONSTRUCTION_SHEET)?;
    table_header(ws, &CONSTRUCTION, &header, &label)?;
    ws.set_column_format(1, &amount)?;
    wb.save_to_buffer()
}

/// Row 1 the keys, row 2 their labels in both languages.
fn table_header(
    ws: &mut Worksheet,
    columns: &[(&str, Text)],
    header: &Format,
    label: &Format,
) -> std::result::Result<(), XlsxError> {
    for (c, (key, text)) in columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, *key, header)?;
        ws.write_string_with_format(1, c, format!("{} {}", text.zh, text.en), label)?;
        ws.set_column_width(c, if c == 0 { 10 } else { 22 })?;
    }
    ws.set_freeze_panes(2, 1)?;
    Ok(())
}
