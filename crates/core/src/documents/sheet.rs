//! A list an officer keeps in Excel, as rows of text: the first sheet of an XLSX or XLS, or a
//! CSV (UTF-8 or GBK). Type from the bytes, never the extension; cells beyond the limits are
//! ignored, so a sheet whose used range claims a million rows costs nothing.
use std::io::Cursor;

use calamine::{Data, Reader};

use super::sniff::{sniff, FileType};
use super::text;
use crate::error::{Error, Result};
use crate::rule::Rule;

const MAX_COLS: u32 = 64;

/// Up to `max_rows` rows (blank ones included, so a row's index + 1 is the number Excel shows).
pub(crate) fn text_rows(
    file_name: &str,
    bytes: &[u8],
    max_bytes: u64,
    max_rows: u32,
) -> Result<Vec<Vec<String>>> {
    if bytes.is_empty() {
        return Err(Error::invalid("file", Rule::EmptyFile));
    }
    if bytes.len() as u64 > max_bytes {
        let max = max_bytes;
        return Err(Error::invalid("file", Rule::FileTooLarge { max }));
    }
    let sniffed = sniff(file_name, &mut Cursor::new(bytes), bytes.len() as u64)?;
    match sniffed.file_type {
        FileType::Csv => {
            let text =
                text::decode(bytes, true).ok_or_else(|| Error::invalid("file", Rule::Corrupt))?;
            let mut rows = text::csv_records(&text);
            rows.truncate(max_rows as usize);
            Ok(rows)
        }
        t @ (FileType::Xlsx | FileType::Xls) => {
            crate::error::guard_parser(|| first_sheet(t, bytes, max_rows))
        }
        _ => Err(Error::invalid("file", Rule::NotSpreadsheet)),
    }
}

fn first_sheet(file_type: FileType, bytes: &[u8], max_rows: u32) -> Result<Vec<Vec<String>>> {
    let refuse = |is_password: bool| {
        let rule = if is_password {
            Rule::PasswordProtected
        } else {
            Rule::Corrupt
        };
        Error::invalid("file", rule)
    };
    let mut grid = Vec::new();
    if file_type == FileType::Xlsx {
        let mut wb = calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(Cursor::new(bytes))
            .map_err(|e| refuse(matches!(e, calamine::XlsxError::Password)))?;
        let Some(name) = wb.sheet_names().first().cloned() else {
            return Ok(grid);
        };
        // Streamed: worksheet_range would allocate the whole declared used range densely.
        let mut cells = wb
            .worksheet_cells_reader(&name)
            .map_err(|_| refuse(false))?;
        while let Some(cell) = cells.next_cell().map_err(|_| refuse(false))? {
            let (r, c) = cell.get_position();
            put(
                &mut grid,
                r,
                c,
                max_rows,
                &Data::from(cell.get_value().clone()),
            );
        }
    } else {
        // XLS sheets are at most 65,536 x 256 cells by format.
        let mut wb = super::xls::open_xls(bytes)?;
        if let Some((_, range)) = wb.worksheets().into_iter().next() {
            let (row0, col0) = range.start().unwrap_or((0, 0));
            for (r, c, data) in range.used_cells() {
                put(&mut grid, row0 + r as u32, col0 + c as u32, max_rows, data);
            }
        }
    }
    Ok(grid)
}

fn put(grid: &mut Vec<Vec<String>>, row: u32, col: u32, max_rows: u32, data: &Data) {
    let text = cell_text(data);
    if row >= max_rows || col >= MAX_COLS || text.is_empty() {
        return;
    }
    let (r, c) = (row as usize, col as usize);
    if grid.len() <= r {
        grid.resize(r + 1, Vec::new());
    }
    if grid[r].len() <= c {
        grid[r].resize(c + 1, String::new());
    }
    grid[r][c] = text;
}

/// A cell as the officer typed it: a phone number or a stage stored as a number reads back
/// without ".0" (Rust prints the shortest text that reads back as the same f64).
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => format!("{f}"),
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}
