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
use serde_json::{Map, Value};

mod keys;
mod template;

pub use template::generate_template;

use super::input::{ModelInput, MAX_PERIODS};
use crate::documents::{detect_file_type, FileType, MAX_STATEMENT_BYTES};
use crate::error::{guard_parser, Error, Result};
use crate::labels::Text;
use crate::rule::Rule;
use keys::{Kind, Scalar, CONSTRUCTION, CONSTRUCTION_SHEET, INPUTS, SCALARS, SERIES, SERIES_SHEET};

/// The template as shipped (made by [`generate_template`]; a test keeps the two equal).
pub const TEMPLATE_XLSX: &[u8] =
    include_bytes!("../../assets/templates/project-model-template.xlsx");

/// The template's bytes, to hand to an officer or save where they choose.
pub fn template() -> &'static [u8] {
    TEMPLATE_XLSX
}

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

/// Moves the dotted keys `prefix.key` into one object `prefix`, beside what `object` already
/// holds from another sheet. Once any of its keys is given, every one is needed: a half-described construction
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
