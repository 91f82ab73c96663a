//! Reading the template layout: labels in column A, a header row of years, one column per year,
//! an optional unit line (元 / 千元 / 万元). Pure: bytes in, figures in yuan out, or an error
//! naming the first line that is missing or not a number.
use std::collections::BTreeMap;
use std::io::Cursor;
use std::str::FromStr;

use calamine::{Data, Reader};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::lines::{match_label, normalize, sums_its_rows, StatementLine, LINES};
use crate::documents::sniff::FileType;
use crate::documents::text;
use crate::error::{Error, Result};
use crate::rule::Rule;

/// The header row must be near the top: a title and a unit line may come first.
const HEADER_SEARCH_ROWS: usize = 30;

#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    Number(Decimal),
}

/// One year of a parsed statement, values in yuan.
pub(crate) type Figures = BTreeMap<StatementLine, Decimal>;

fn invalid(rule: Rule) -> Error {
    Error::invalid("statement", rule)
}

/// The figures per year, in the column order of the file.
pub(crate) fn parse(file_type: FileType, bytes: &[u8]) -> Result<Vec<(i32, Figures)>> {
    let grid = match file_type {
        FileType::Csv => csv_grid(bytes)?,
        FileType::Xlsx | FileType::Xls => {
            crate::error::guard_parser(|| workbook_grid(file_type, bytes))?
        }
        _ => return Err(Error::invalid("file", Rule::NotSpreadsheet)),
    };
    read_grid(&grid)
}

fn csv_grid(bytes: &[u8]) -> Result<Vec<Vec<Cell>>> {
    let text = text::decode(bytes, true).ok_or_else(|| Error::invalid("file", Rule::Corrupt))?;
    Ok(text::csv_records(&text)
        .into_iter()
        .map(|r| r.into_iter().map(text_cell).collect())
        .collect())
}

fn text_cell(s: String) -> Cell {
    if s.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

/// Statements fill a corner of a sheet: cells beyond it are ignored, so a sheet whose used
/// range claims a million rows costs nothing.
const MAX_ROWS: u32 = 2000;
const MAX_COLS: u32 = 64;

/// The first sheet with a header row of years (usually the first sheet).
fn workbook_grid(file_type: FileType, bytes: &[u8]) -> Result<Vec<Vec<Cell>>> {
    let refuse = |is_password: bool| {
        let rule = if is_password {
            Rule::PasswordProtected
        } else {
            Rule::Corrupt
        };
        Error::invalid("file", rule)
    };
    let grids = if file_type == FileType::Xlsx {
        let mut wb = calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(Cursor::new(bytes))
            .map_err(|e| refuse(matches!(e, calamine::XlsxError::Password)))?;
        let mut grids = Vec::new();
        // The cell reader streams the sheet XML; worksheet_range would allocate the whole
        // declared used range densely.
        for name in wb.sheet_names() {
            let mut cells = wb
                .worksheet_cells_reader(&name)
                .map_err(|_| refuse(false))?;
            let mut grid = Vec::new();
            while let Some(cell) = cells.next_cell().map_err(|_| refuse(false))? {
                let (r, c) = cell.get_position();
                put(
                    &mut grid,
                    r,
                    c,
                    data_cell(&Data::from(cell.get_value().clone())),
                );
            }
            grids.push(grid);
        }
        grids
    } else {
        // XLS sheets are at most 65,536 x 256 cells by format.
        let mut wb = crate::documents::xls::open_xls(bytes)?;
        let sheets = wb.worksheets();
        sheets
            .iter()
            .map(|(_, range)| {
                let (row0, col0) = range.start().unwrap_or((0, 0));
                let mut grid = Vec::new();
                for (r, c, data) in range.used_cells() {
                    let (r, c) = (row0 + r as u32, col0 + c as u32);
                    put(&mut grid, r, c, data_cell(data));
                }
                grid
            })
            .collect()
    };
    let with_years = grids.iter().position(|g| header_row(g).is_some());
    Ok(grids
        .into_iter()
        .nth(with_years.unwrap_or(0))
        .unwrap_or_default())
}

/// Places a cell at its absolute position (row numbers in errors are the ones Excel shows).
fn put(grid: &mut Vec<Vec<Cell>>, row: u32, col: u32, cell: Cell) {
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

fn data_cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(Decimal::from(*i)),
        // Rust prints the shortest text that reads back as the same f64: 1234567.89, not
        // 1234567.8899999999.
        Data::Float(f) => Decimal::from_str(&format!("{f}"))
            .map(Cell::Number)
            .unwrap_or_else(|_| Cell::Text(f.to_string())),
        Data::String(s) => text_cell(s.clone()),
        other => Cell::Text(other.to_string()),
    }
}

/// A year from a header cell: 2023, "2023", "2023年", "FY2023", "2023-12-31", "2023年度".
fn year_of(cell: &Cell) -> Option<i32> {
    let year = match cell {
        Cell::Number(n) if n.fract().is_zero() => n.to_i32()?,
        Cell::Text(t) => {
            let t = t.trim();
            let t = t
                .strip_prefix("FY")
                .or_else(|| t.strip_prefix("fy"))
                .unwrap_or(t);
            let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
            if digits.len() != 4 {
                return None;
            }
            digits.parse().ok()?
        }
        _ => return None,
    };
    (1900..=2100).contains(&year).then_some(year)
}

/// (row index, [(column, year)]) of the first row with years right of column A.
fn header_row(grid: &[Vec<Cell>]) -> Option<(usize, Vec<(usize, i32)>)> {
    grid.iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(r, row)| {
            let years: Vec<(usize, i32)> = row
                .iter()
                .enumerate()
                .skip(1)
                .filter_map(|(c, cell)| year_of(cell).map(|y| (c, y)))
                .collect();
            (!years.is_empty()).then_some((r, years))
        })
}

fn cell_text(cell: Option<&Cell>) -> String {
    match cell {
        Some(Cell::Text(t)) => t.trim().to_string(),
        Some(Cell::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// "1,234,567.89", "(1,234.00)" (negative), "¥ 12", "−5"; None for anything else.
fn number(cell: Option<&Cell>) -> Option<Decimal> {
    let text = match cell {
        Some(Cell::Number(n)) => return Some(*n),
        Some(Cell::Text(t)) => t,
        _ => return None,
    };
    let mut s: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{a0}' | '¥' | '￥'))
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    if let Some(inner) = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        s = format!("-{inner}");
    }
    Decimal::from_str(&s)
        .or_else(|_| Decimal::from_scientific(&s))
        .ok()
}

/// 元 1, 千元 1 000, 万元 10 000, from a "单位 Unit" line or a "单位：万元" cell in column A.
fn unit(grid: &[Vec<Cell>], value_col: usize) -> Result<Decimal> {
    for row in grid {
        let label = normalize(&cell_text(row.first()));
        let Some(rest) = label
            .strip_prefix("单位")
            .or_else(|| label.strip_prefix("unit"))
        else {
            continue;
        };
        let rest = rest.strip_prefix("unit").unwrap_or(rest);
        let raw = if rest.is_empty() {
            cell_text(row.get(value_col).or_else(|| row.get(1)))
        } else {
            rest.to_string()
        };
        return match normalize(&raw).as_str() {
            "" | "元" | "yuan" | "cny" | "rmb" => Ok(Decimal::ONE),
            "千元" | "thousandyuan" | "cnythousand" | "thousand" => Ok(Decimal::from(1000)),
            "万元" | "10kyuan" | "tenthousandyuan" | "cny10k" => Ok(Decimal::from(10_000)),
            _ => Err(Error::invalid("unit", Rule::Unknown(raw))),
        };
    }
    Ok(Decimal::ONE)
}

/// Rows of text cells rebuilt from a scanned page (OCR): read as the template is, except that a
/// line missing (a balance sheet has no revenue) or a figure that does not read as a number is
/// left out instead of refusing the page: the officer corrects the preview.
pub(crate) fn parse_text_rows(rows: &[Vec<String>]) -> Result<Vec<(i32, Figures)>> {
    let grid: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| r.iter().cloned().map(text_cell).collect())
        .collect();
    read_grid_with(&grid, false)
}

fn read_grid(grid: &[Vec<Cell>]) -> Result<Vec<(i32, Figures)>> {
    read_grid_with(grid, true)
}

fn read_grid_with(grid: &[Vec<Cell>], strict: bool) -> Result<Vec<(i32, Figures)>> {
    let (header, years) = header_row(grid).ok_or_else(|| invalid(Rule::StatementNoYears))?;
    let mut seen = Vec::new();
    for (_, y) in &years {
        if seen.contains(y) {
            return Err(invalid(Rule::StatementYearTwice { year: *y }));
        }
        seen.push(*y);
    }
    let scale = unit(grid, years[0].0)?;
    // The first row naming each line, below the header (every one, for a line summing them).
    let mut rows: BTreeMap<StatementLine, Vec<usize>> = BTreeMap::new();
    for (r, row) in grid.iter().enumerate().skip(header + 1) {
        if let Some(line) = match_label(&cell_text(row.first())) {
            let found = rows.entry(line).or_default();
            if found.is_empty() || sums_its_rows(line) {
                found.push(r);
            }
        }
    }
    let mut out: Vec<(i32, Figures)> = years.iter().map(|(_, y)| (*y, Figures::new())).collect();
    for def in &LINES {
        let Some(found) = rows.get(&def.line) else {
            if def.required && strict {
                return Err(invalid(Rule::StatementLineMissing { line: def.line }));
            }
            continue;
        };
        for ((col, year), (_, figures)) in years.iter().zip(out.iter_mut()) {
            let mut total: Option<Decimal> = None;
            for &r in found {
                let cell = grid[r].get(*col);
                let raw = cell_text(cell);
                // An optional line's empty cell is a figure not given; a summed line's rows
                // add what is given.
                if raw.is_empty() && (!def.required || found.len() > 1) {
                    continue;
                }
                let value = number(cell).and_then(|v| v.checked_mul(scale));
                let sum = value.and_then(|v| total.unwrap_or(Decimal::ZERO).checked_add(v));
                let Some(sum) = sum else {
                    if !strict {
                        continue;
                    }
                    return Err(invalid(Rule::StatementValue {
                        line: def.line,
                        row: (r + 1) as u32,
                        year: *year,
                        value: raw,
                    }));
                };
                total = Some(sum);
            }
            if let Some(total) = total {
                figures.insert(def.line, total);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str) -> Result<Vec<(i32, Figures)>> {
        parse(FileType::Csv, text.as_bytes())
    }

    const GOOD: &str = "项目 Item,2023,2024\n单位 Unit,万元,\n流动资产合计,\"1,200\",1300\n存货,200,(10)\n资产总计,5000,5200\n流动负债合计,1000,1000\n负债合计,3000,3100\n营业收入,8000,9000\n利润总额,600,700\n利息支出,100,100\n折旧与摊销,150,160\n经营活动现金流量净额,500,650\n";

    #[test]
    fn values_scale_by_unit_and_keep_accounting_negatives() {
        let years = csv(GOOD).unwrap_or_default();
        assert_eq!(years.len(), 2);
        assert_eq!(years[0].0, 2023);
        assert_eq!(
            years[0].1[&StatementLine::CurrentAssets],
            Decimal::from(12_000_000)
        );
        assert_eq!(
            years[1].1[&StatementLine::Inventory],
            Decimal::from(-100_000)
        );
        assert!(!years[0].1.contains_key(&StatementLine::Cash));
    }

    #[test]
    fn errors_name_the_line_and_row() {
        let missing = GOOD.replace("存货,200,(10)\n", "");
        match csv(&missing) {
            Err(Error::Validation {
                rule: Rule::StatementLineMissing { line },
                ..
            }) => assert_eq!(line, StatementLine::Inventory),
            other => panic!("{other:?}"),
        }
        let bad = GOOD.replace("利润总额,600,700", "利润总额,600,n/a");
        match csv(&bad) {
            Err(Error::Validation {
                rule:
                    Rule::StatementValue {
                        row, year, value, ..
                    },
                ..
            }) => assert_eq!((row, year, value.as_str()), (9, 2024, "n/a")),
            other => panic!("{other:?}"),
        }
        assert!(csv("a,b\nc,d\n").is_err());
    }

    #[test]
    fn advances_and_contract_liabilities_are_added_up() {
        // CAS 14 balance sheets list both 预收款项 and 合同负债; an empty row adds nothing.
        let both = format!("{GOOD}预收款项,1,\n合同负债 Contract liabilities,60,90\n");
        let years = csv(&both).unwrap_or_default();
        let line = StatementLine::AdvancesFromCustomers;
        assert_eq!(years[0].1.get(&line), Some(&Decimal::from(610_000)));
        assert_eq!(years[1].1.get(&line), Some(&Decimal::from(900_000)));
        // Only the first row of any other line is read.
        let twice = format!("{GOOD}营业总收入,1,1\n");
        let years = csv(&twice).unwrap_or_default();
        assert_eq!(
            years[0].1.get(&StatementLine::Revenue),
            Some(&Decimal::from(80_000_000))
        );
    }
}
