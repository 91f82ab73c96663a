//! The project model as a workbook: the XLSX template officers fill in instead of writing JSON,
//! and its reader. The template has the JSON's keys and nothing else (assets/templates/README.md):
//! - sheet `inputs`: rows `key | value | 说明 description` for the scalars, nested keys written
//!   `construction.rate_percent`, `sweep.percent`;
//! - sheet `series`: a header row `period | cfads | ebitda | …`, then one row per operation
//!   period (a row of labels under the header is allowed);
//! - sheet `construction` (optional): `period | draws`.
//!
//! An empty cell is an absent key. The reader builds the same JSON object `--input FILE.json`
//! would hold and reads it with [`ModelInput::from_json`], so both validate identically; what
//! only a workbook can get wrong (a text where a number belongs, a gap in a series, an unknown
//! key) is refused here, naming the key or the cell.
use std::collections::BTreeMap;
use std::io::Cursor;
use std::str::FromStr;

use calamine::{Data, Reader};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet,
    XlsxError,
};
use serde_json::{Map, Value};

use super::capital::CapitalCategory;
use super::input::{DrawTimingKey, DsraFunding, ModelInput, Repayment, MAX_PERIODS};
use crate::documents::{detect_file_type, FileType, MAX_STATEMENT_BYTES};
use crate::error::{guard_parser, Error, Result};
use crate::labels::Text;
use crate::rule::Rule;

/// The template as shipped (made by [`generate_template`]; a test keeps the two equal).
pub const TEMPLATE_XLSX: &[u8] =
    include_bytes!("../../assets/templates/project-model-template.xlsx");

/// The template's bytes, to hand to an officer or save where they choose.
pub fn template() -> &'static [u8] {
    TEMPLATE_XLSX
}

/// What a scalar's cell holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Decimal,
    Whole,
    Repayment,
    DsraFunding,
    DrawTiming,
    Capital,
}

impl Kind {
    /// The accepted words of a choice, with their labels.
    fn choices(self) -> Vec<(&'static str, Text)> {
        match self {
            Kind::Decimal | Kind::Whole => Vec::new(),
            Kind::Repayment => Repayment::ALL
                .iter()
                .map(|c| (c.as_str(), c.text()))
                .collect(),
            Kind::DsraFunding => DsraFunding::ALL
                .iter()
                .map(|c| (c.as_str(), c.text()))
                .collect(),
            Kind::DrawTiming => DrawTimingKey::ALL
                .iter()
                .map(|c| (c.as_str(), c.text()))
                .collect(),
            Kind::Capital => CapitalCategory::ALL
                .iter()
                .map(|c| (c.as_str(), c.text()))
                .collect(),
        }
    }
}

/// One row of the `inputs` sheet: its key, what it holds, its label, the template's example.
struct Scalar {
    key: &'static str,
    kind: Kind,
    label: Text,
    example: Option<&'static str>,
}

const fn scalar(key: &'static str, kind: Kind, zh: &'static str, en: &'static str) -> Scalar {
    Scalar {
        key,
        kind,
        label: Text::new(zh, en),
        example: None,
    }
}

const fn example(s: Scalar, value: &'static str) -> Scalar {
    Scalar {
        example: Some(value),
        ..s
    }
}

/// The `inputs` sheet's keys, in the template's order (the JSON's keys, nested ones dotted).
/// The example is issue 17's: CFADS 100…140 a year at 6 %, sized to a DSCR of 1.30.
const SCALARS: [Scalar; 16] = [
    example(
        scalar(
            "periods_per_year",
            Kind::Whole,
            "每年运营期数：1（按年）、2（半年）或 4（按季）",
            "Operation periods a year: 1 (annual), 2 (half-yearly) or 4 (quarterly)",
        ),
        "1",
    ),
    example(
        scalar(
            "rate_percent",
            Kind::Decimal,
            "优先级贷款年利率（%）",
            "Senior debt annual interest rate (%)",
        ),
        "6",
    ),
    example(
        scalar(
            "target_dscr",
            Kind::Decimal,
            "目标偿债覆盖率（DSCR）：按此测算贷款额并塑形还款",
            "Target DSCR: the debt is sized and its repayments sculpted to it",
        ),
        "1.30",
    ),
    example(
        scalar(
            "repayment",
            Kind::Repayment,
            "还款方式（留空为 sculpted）",
            "Repayment (empty: sculpted)",
        ),
        "sculpted",
    ),
    scalar(
        "tenor_periods",
        Kind::Whole,
        "还款期数（留空为全部运营期）",
        "Repayment periods (empty: every operation period)",
    ),
    scalar(
        "debt",
        Kind::Decimal,
        "给定贷款金额（留空则按现金流测算）",
        "A given debt amount (empty: sized to the CFADS)",
    ),
    scalar(
        "total_uses",
        Kind::Decimal,
        "总投资：最高贷款比例与资本金比例的基数",
        "Total investment: the base of the gearing cap and of the equity share",
    ),
    scalar(
        "max_gearing_percent",
        Kind::Decimal,
        "最高贷款比例（%，需填写总投资）",
        "Maximum gearing (%; needs total_uses)",
    ),
    scalar(
        "capital_category",
        Kind::Capital,
        "资本金类别（国发〔2015〕51号，需填写总投资）",
        "Project category for the minimum equity (国发〔2015〕51号; needs total_uses)",
    ),
    scalar(
        "dsra_months",
        Kind::Whole,
        "偿债储备账户覆盖月数（0–36，留空为不设）",
        "Debt service reserve: months of debt service (0–36; empty: none)",
    ),
    scalar(
        "dsra_funding",
        Kind::DsraFunding,
        "偿债储备账户资金来源（留空为 cod）",
        "Where the reserve is funded from (empty: cod)",
    ),
    scalar(
        "sweep.percent",
        Kind::Decimal,
        "现金扫款比例（%）：偿债后余额中用于提前还款的部分",
        "Cash sweep (%): the share of the cash left after debt service that prepays the debt",
    ),
    scalar(
        "sweep.lockup_dscr",
        Kind::Decimal,
        "锁定 DSCR：当期 DSCR 低于此值时现金留存，不扫款也不分配",
        "Lock-up DSCR: below it the period's cash is trapped, neither swept nor distributed",
    ),
    scalar(
        "construction.periods_per_year",
        Kind::Whole,
        "建设期每年期数：12（按月）或 4（按季），亦可 1、2",
        "Construction periods a year: 12 (monthly) or 4 (quarterly); 1 and 2 too",
    ),
    scalar(
        "construction.rate_percent",
        Kind::Decimal,
        "建设期贷款年利率（%）",
        "Construction loan annual interest rate (%)",
    ),
    scalar(
        "construction.draw_timing",
        Kind::DrawTiming,
        "提款时点",
        "When each period's draw is made",
    ),
];

/// The `series` sheet's columns: the period, then the JSON's lists (one figure per period).
const SERIES: [(&str, Text); 9] = [
    ("period", Text::new("期数", "Period")),
    (
        "cfads",
        Text::new(
            "可用于偿债的现金流",
            "Cash flow available for debt service (CFADS)",
        ),
    ),
    (
        "ebitda",
        Text::new(
            "息税折旧摊销前利润（偿债备付率）",
            "EBITDA (for 偿债备付率)",
        ),
    ),
    ("tax", Text::new("所得税", "Tax")),
    (
        "ebit",
        Text::new("息税前利润（利息备付率）", "EBIT (for 利息备付率)"),
    ),
    (
        "revenue",
        Text::new(
            "营业收入（cfads 为空时据此计算现金流）",
            "Revenue (builds the CFADS when cfads is empty)",
        ),
    ),
    ("opex", Text::new("经营成本", "Operating costs")),
    (
        "working_capital_change",
        Text::new("营运资金增加", "Increase in working capital"),
    ),
    (
        "maintenance_capex",
        Text::new("维持性资本开支", "Maintenance capital expenditure"),
    ),
];

const CONSTRUCTION: [(&str, Text); 2] = [
    ("period", Text::new("期数", "Period")),
    ("draws", Text::new("建设期提款额", "Drawn in the period")),
];

/// The template's example CFADS.
const EXAMPLE_CFADS: [&str; 5] = ["100", "110", "120", "130", "140"];

const INPUTS: &str = "inputs";
const SERIES_SHEET: &str = "series";
const CONSTRUCTION_SHEET: &str = "construction";

/// The model's series need at most MAX_PERIODS rows and a header; cells far beyond are not
/// the template's (and a used range claiming a million rows costs nothing).
const MAX_ROWS: u32 = 4 * MAX_PERIODS as u32;
const MAX_COLS: u32 = 32;

#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    Number(Decimal),
    /// A boolean, an error value (#N/A), a date: never a figure.
    Other(String),
}

/// A sheet's cells at their positions (row, column from 0).
type Grid = Vec<Vec<Cell>>;

fn at(grid: &Grid, row: usize, col: usize) -> &Cell {
    grid.get(row)
        .and_then(|r| r.get(col))
        .unwrap_or(&Cell::Empty)
}

/// "B7": the cell as Excel shows it, for the officer to find.
fn cell_name(sheet: &str, row: usize, col: usize) -> String {
    let mut letters = String::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.insert(0, char::from(b'A' + rem as u8));
        c = (c - 1) / 26;
    }
    format!("{sheet}!{letters}{}", row + 1)
}

/// Reads a filled-in template into the model's input. Refused like a statement import: an
/// empty or oversized file, one that is not an XLSX workbook, a damaged or password-protected
/// one, a zip bomb.
pub fn read_input(bytes: &[u8]) -> Result<ModelInput> {
    check_file(bytes)?;
    let sheets = guard_parser(|| read_sheets(bytes))?;
    let value = to_json(sheets)?;
    // Every key, type and enum was checked above, so serde has nothing left to refuse; were it
    // to, the workbook is not one the reader understood.
    ModelInput::from_json(&value.to_string()).map_err(|_| Error::invalid("file", Rule::Corrupt))
}

fn check_file(bytes: &[u8]) -> Result<()> {
    if bytes.is_empty() {
        return Err(Error::invalid("file", Rule::EmptyFile));
    }
    if bytes.len() as u64 > MAX_STATEMENT_BYTES {
        let max = MAX_STATEMENT_BYTES;
        return Err(Error::invalid("file", Rule::FileTooLarge { max }));
    }
    // The statement importer's sniff: it judges a zip by its directory (zip bombs, passwords)
    // and decompresses every part within its declared size before calamine sees it. No name
    // is given, so only the content decides.
    match detect_file_type("", bytes) {
        Ok(FileType::Xlsx) => Ok(()),
        // A spreadsheet, but not the template's format.
        Ok(FileType::Xls | FileType::Csv) => Err(Error::invalid("file", Rule::Format("XLSX"))),
        Ok(_)
        | Err(Error::Validation {
            rule: Rule::UnknownFileType,
            ..
        }) => Err(Error::invalid("file", Rule::NotSpreadsheet)),
        Err(e) => Err(e),
    }
}

/// The three sheets by name (trimmed, any case); other sheets are the officer's notes.
/// Each with its name as the workbook spells it, for naming a cell.
#[derive(Default)]
struct Sheets {
    inputs: Option<(String, Grid)>,
    series: Option<(String, Grid)>,
    construction: Option<(String, Grid)>,
}

fn read_sheets(bytes: &[u8]) -> Result<Sheets> {
    let corrupt = || Error::invalid("file", Rule::Corrupt);
    let mut wb = calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(Cursor::new(bytes))
        .map_err(|e| match e {
            calamine::XlsxError::Password => Error::invalid("file", Rule::PasswordProtected),
            _ => corrupt(),
        })?;
    let mut sheets = Sheets::default();
    for name in wb.sheet_names() {
        let slot = match name.trim().to_lowercase().as_str() {
            INPUTS => &mut sheets.inputs,
            SERIES_SHEET => &mut sheets.series,
            CONSTRUCTION_SHEET => &mut sheets.construction,
            _ => continue,
        };
        // The cell reader streams the sheet's XML; a range would allocate the declared used
        // range densely.
        let mut cells = wb.worksheet_cells_reader(&name).map_err(|_| corrupt())?;
        let mut grid = Grid::new();
        while let Some(cell) = cells.next_cell().map_err(|_| corrupt())? {
            let (row, col) = cell.get_position();
            put(
                &mut grid,
                row,
                col,
                cell_of(&Data::from(cell.get_value().clone())),
            );
        }
        *slot = Some((name.clone(), grid));
    }
    Ok(sheets)
}

fn put(grid: &mut Grid, row: u32, col: u32, cell: Cell) {
    if row >= MAX_ROWS || col >= MAX_COLS || cell == Cell::Empty {
        return;
    }
    let (r, c) = (row as usize, col as usize);
    if grid.len() <= r {
        grid.resize(r + 1, Vec::new());
    }
    if grid[r].len() <= c {
        grid[r].resize(c + 1, Cell::Empty);
    }
    grid[r][c] = cell;
}

fn cell_of(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(Decimal::from(*i)),
        // XLSX stores numbers as doubles; Rust prints the shortest text that reads back as the
        // same double (1.3, not 1.3000000000000000444), which is what the officer typed.
        Data::Float(f) => Decimal::from_str(&format!("{f}"))
            .map(Cell::Number)
            .unwrap_or_else(|_| Cell::Other(f.to_string())),
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.trim().to_owned()),
        other => Cell::Other(other.to_string()),
    }
}

/// A figure from a cell: a number, or a text of one ("1,234.5"); None when empty.
fn figure(cell: &Cell, field: impl Fn() -> String) -> Result<Option<Decimal>> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) => Ok(Some(*n)),
        Cell::Text(t) => Decimal::from_str(&t.replace(',', ""))
            .map(Some)
            .map_err(|_| Error::invalid(&field(), Rule::NotANumber)),
        Cell::Other(_) => Err(Error::invalid(&field(), Rule::NotANumber)),
    }
}

/// The JSON object `--input FILE.json` would hold for this workbook.
fn to_json(sheets: Sheets) -> Result<Value> {
    let (name, inputs) = sheets
        .inputs
        .ok_or_else(|| Error::invalid(INPUTS, Rule::Required))?;
    let mut top = read_scalars(&inputs, &name)?;
    let (name, series) = sheets
        .series
        .ok_or_else(|| Error::invalid(SERIES_SHEET, Rule::Required))?;
    for (key, list) in read_table(&series, &name, &SERIES, |k, i| format!("{k}[{i}]"))? {
        top.insert(key.to_owned(), list);
    }
    let draws = match sheets.construction {
        Some((name, grid)) => read_table(&grid, &name, &CONSTRUCTION, |_, i| {
            format!("construction.draws[{i}]")
        })?
        .into_iter()
        .next()
        .map(|(_, list)| list),
        None => None,
    };

    nest(&mut top, "sweep", &["percent", "lockup_dscr"], Map::new())?;
    let mut drawn = Map::new();
    if let Some(list) = draws {
        drawn.insert("draws".to_owned(), list);
    }
    nest(
        &mut top,
        "construction",
        &["periods_per_year", "rate_percent", "draw_timing", "draws"],
        drawn,
    )?;
    for key in ["periods_per_year", "rate_percent", "target_dscr"] {
        if !top.contains_key(key) {
            return Err(Error::invalid(key, Rule::Required));
        }
    }
    Ok(Value::Object(top))
}

/// Moves the dotted keys `prefix.key` into one object `prefix` (with `given`, from another
/// sheet). Once any of its keys is given, every one is needed: a half-described construction
/// or sweep is a mistake, not a default.
fn nest(
    top: &mut Map<String, Value>,
    prefix: &str,
    keys: &[&str],
    mut object: Map<String, Value>,
) -> Result<()> {
    for key in keys {
        if let Some(v) = top.remove(&format!("{prefix}.{key}")) {
            object.insert((*key).to_owned(), v);
        }
    }
    if object.is_empty() {
        return Ok(());
    }
    if let Some(key) = keys.iter().find(|k| !object.contains_key(**k)) {
        return Err(Error::invalid(&format!("{prefix}.{key}"), Rule::Required));
    }
    top.insert(prefix.to_owned(), Value::Object(object));
    Ok(())
}

/// `key | value | description` rows; the first row may be that header.
fn read_scalars(grid: &Grid, sheet: &str) -> Result<Map<String, Value>> {
    let mut out = Map::new();
    let mut rows_of: BTreeMap<&str, usize> = BTreeMap::new();
    for r in 0..grid.len() {
        let key_cell = at(grid, r, 0);
        let value_cell = at(grid, r, 1);
        let key = match key_cell {
            Cell::Empty if *value_cell == Cell::Empty => continue,
            Cell::Empty => return Err(Error::invalid(&cell_name(sheet, r, 0), Rule::Required)),
            Cell::Text(t) => t.to_lowercase(),
            Cell::Number(n) => n.to_string(),
            Cell::Other(o) => o.clone(),
        };
        // The header row.
        if key == "key" && rows_of.is_empty() {
            continue;
        }
        let Some(scalar) = SCALARS.iter().find(|s| s.key == key) else {
            return Err(Error::invalid(&cell_name(sheet, r, 0), Rule::Unknown(key)));
        };
        if rows_of.insert(scalar.key, r).is_some() {
            // Which of two rows is meant cannot be guessed.
            return Err(Error::invalid(&cell_name(sheet, r, 0), Rule::NotAllowed));
        }
        if let Some(v) = scalar_value(scalar, value_cell)? {
            out.insert(scalar.key.to_owned(), Value::String(v));
        }
    }
    Ok(out)
}

/// The value's JSON text, or None for an empty cell (the key is absent).
fn scalar_value(scalar: &Scalar, cell: &Cell) -> Result<Option<String>> {
    let field = || scalar.key.to_owned();
    match scalar.kind {
        Kind::Decimal => Ok(figure(cell, field)?.map(|d| d.to_string())),
        Kind::Whole => match figure(cell, field)? {
            None => Ok(None),
            Some(d) if d.fract().is_zero() && d.to_u32().is_some() => {
                Ok(d.to_u32().map(|n| n.to_string()))
            }
            Some(_) => Err(Error::invalid(scalar.key, Rule::WholeNumber)),
        },
        _ => {
            let text = match cell {
                Cell::Empty => return Ok(None),
                Cell::Text(t) => t.clone(),
                Cell::Number(n) => n.to_string(),
                Cell::Other(o) => o.clone(),
            };
            if scalar.kind.choices().iter().any(|(k, _)| *k == text) {
                Ok(Some(text))
            } else {
                Err(Error::invalid(scalar.key, Rule::Unknown(text)))
            }
        }
    }
}

/// A `period | key | …` sheet as its lists, one figure per period. Periods are numbered 1, 2,
/// 3, … down the rows; text rows between the header and period 1 are labels. Trailing periods
/// with no figure are not periods; within the others a list has every figure or none.
fn read_table(
    grid: &Grid,
    sheet: &str,
    columns: &[(&'static str, Text)],
    field: impl Fn(&str, usize) -> String,
) -> Result<Vec<(&'static str, Value)>> {
    let Some(header) = grid
        .iter()
        .position(|row| row.iter().any(|c| *c != Cell::Empty))
    else {
        return Ok(Vec::new());
    };
    let mut keys: Vec<(usize, &'static str)> = Vec::new();
    for (c, cell) in grid[header].iter().enumerate() {
        let text = match cell {
            Cell::Empty => continue,
            Cell::Text(t) => t.to_lowercase(),
            Cell::Number(n) => n.to_string(),
            Cell::Other(o) => o.clone(),
        };
        let name = cell_name(sheet, header, c);
        let Some((key, _)) = columns.iter().find(|(k, _)| *k == text) else {
            return Err(Error::invalid(&name, Rule::Unknown(text)));
        };
        if keys.iter().any(|(_, k)| k == key) {
            return Err(Error::invalid(&name, Rule::NotAllowed));
        }
        keys.push((c, key));
    }
    let Some(&(period_col, _)) = keys.iter().find(|(_, k)| *k == "period") else {
        return Err(Error::invalid(&format!("{sheet}.period"), Rule::Required));
    };
    let figures: Vec<(usize, &'static str)> = keys
        .iter()
        .copied()
        .filter(|(_, k)| *k != "period")
        .collect();

    // rows[i]: period i + 1's figures, in the order of `figures`.
    let mut rows: Vec<Vec<Option<Decimal>>> = Vec::new();
    for r in header + 1..grid.len() {
        let period_name = || cell_name(sheet, r, period_col);
        let period = match at(grid, r, period_col) {
            Cell::Empty => {
                if figures.iter().any(|(c, _)| *at(grid, r, *c) != Cell::Empty) {
                    return Err(Error::invalid(&period_name(), Rule::Required));
                }
                continue;
            }
            Cell::Text(_) if rows.is_empty() => {
                match figure(at(grid, r, period_col), period_name) {
                    Ok(p) => p,
                    // The template's labels under the header.
                    Err(_) => continue,
                }
            }
            cell => figure(cell, period_name)?,
        };
        let expected = Decimal::from(rows.len() + 1);
        if period != Some(expected) {
            return Err(Error::invalid(&period_name(), Rule::Format("1, 2, 3, …")));
        }
        let mut values = Vec::with_capacity(figures.len());
        for (c, key) in &figures {
            values.push(figure(at(grid, r, *c), || field(key, rows.len() + 1))?);
        }
        rows.push(values);
    }
    let used = rows
        .iter()
        .rposition(|v| v.iter().any(Option::is_some))
        .map_or(0, |i| i + 1);
    let mut out = Vec::new();
    for (j, (_, key)) in figures.iter().enumerate() {
        if rows[..used].iter().all(|v| v[j].is_none()) {
            continue;
        }
        let mut list = Vec::with_capacity(used);
        for (i, v) in rows[..used].iter().enumerate() {
            let Some(d) = v[j] else {
                return Err(Error::invalid(&field(key, i + 1), Rule::Required));
            };
            list.push(Value::String(d.to_string()));
        }
        out.push((*key, Value::Array(list)));
    }
    Ok(out)
}

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
        .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin);
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
