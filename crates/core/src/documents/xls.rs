//! XLS workbooks (BIFF records in an OLE2 compound file), handed to calamine only once they
//! are known to be safe for it to read. calamine 0.38 trusts two things a damaged or hostile
//! file can lie about, and then allocates until the process dies — an allocation failure
//! aborts, it is not a panic the core can catch (the fuzzer found both, see
//! tests/parser_panics.rs):
//! - a chain of the compound file's allocation table that loops back into itself, which it
//!   follows forever: the cfb crate refuses any sector pointed to twice;
//! - a sheet's extent: it reserves room for every cell a DIMENSIONS record declares, then lays
//!   the cells out densely between the first and the last position any cell record names.
//!   Both are measured here, record by record as calamine reads them, and a sheet larger than
//!   MAX_CELLS is refused.
use std::io::{Cursor, Read};

use crate::error::{Error, Result};
use crate::rule::Rule;

/// A sheet's extent in cells. XLS allows 65,536 × 256 (16.8 M); a financial statement has a
/// few hundred, a big ledger export 65,536 rows of 40 columns (2.6 M).
const MAX_CELLS: u64 = 1 << 22;

fn invalid(rule: Rule) -> Error {
    Error::invalid("file", rule)
}

pub(crate) fn compound_file(bytes: &[u8]) -> Result<cfb::CompoundFile<Cursor<&[u8]>>> {
    cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|_| invalid(Rule::Corrupt))
}

/// Opens an XLS workbook with calamine, or refuses it as damaged or unreasonably large.
pub(crate) fn open_xls(bytes: &[u8]) -> Result<calamine::Xls<Cursor<&[u8]>>> {
    let mut compound = compound_file(bytes)?;
    // calamine reads "Workbook", or the BIFF5 "Book" when there is none.
    let name = if compound.is_stream("/Workbook") {
        "/Workbook"
    } else {
        "/Book"
    };
    let mut stream = Vec::new();
    compound
        .open_stream(name)
        .and_then(|mut s| s.read_to_end(&mut stream))
        .map_err(|_| invalid(Rule::Corrupt))?;
    check_sheet_extents(&stream)?;
    calamine::open_workbook_from_rs::<calamine::Xls<_>, _>(Cursor::new(bytes)).map_err(
        |e| match e {
            calamine::XlsError::Password => invalid(Rule::PasswordProtected),
            _ => invalid(Rule::Corrupt),
        },
    )
}

/// Walks the sheets where calamine will (from the offsets in the BOUNDSHEET records of the
/// workbook globals) and refuses a sheet whose cells would not fit in MAX_CELLS. What calamine
/// would then reject anyway (a short record, an offset past the end) is left to it.
fn check_sheet_extents(stream: &[u8]) -> Result<()> {
    let mut offsets = Vec::new();
    for (typ, data) in records(stream) {
        match typ {
            BOUNDSHEET if data.len() >= 4 => offsets.push(u32_at(data, 0) as usize),
            EOF => break,
            _ => {}
        }
    }
    for offset in offsets {
        let Some(sheet) = stream.get(offset..) else {
            continue;
        };
        let mut extent = Extent::default();
        let mut seen_bof = false;
        let mut depth = 0usize;
        for (typ, data) in records(sheet) {
            // Nested substreams (embedded charts) are skipped by calamine too.
            if depth > 0 {
                match typ {
                    BOF => depth += 1,
                    EOF => depth -= 1,
                    _ => {}
                }
                continue;
            }
            match typ {
                BOF if seen_bof => depth += 1,
                BOF => seen_bof = true,
                EOF => break,
                DIMENSIONS => {
                    if let Some(cells) = declared_cells(data) {
                        if cells > MAX_CELLS {
                            return Err(invalid(Rule::ZipBomb));
                        }
                    }
                }
                NUMBER | LABEL | RSTRING | BOOLERR | RK | LABELSST | FORMULA if data.len() >= 4 => {
                    extent.add(u16_at(data, 0), u16_at(data, 2));
                }
                MULRK if data.len() >= 6 => {
                    let (row, first) = (u16_at(data, 0), u16_at(data, 2));
                    // The last column is in the record's last two bytes; calamine also counts
                    // the 6-byte entries, so both bound the extent.
                    let last = u16_at(data, data.len() - 2);
                    let entries = ((data.len() - 6) / 6) as u64;
                    extent.add(row, first);
                    extent.add(row, last);
                    extent.add_wide(row as u64, first as u64 + entries);
                }
                _ => {}
            }
            if extent.cells() > MAX_CELLS {
                return Err(invalid(Rule::ZipBomb));
            }
        }
    }
    Ok(())
}

const FORMULA: u16 = 0x0006;
const EOF: u16 = 0x000A;
const CONTINUE: u16 = 0x003C;
const BOUNDSHEET: u16 = 0x0085;
const MULRK: u16 = 0x00BD;
const RSTRING: u16 = 0x00D6;
const LABELSST: u16 = 0x00FD;
const DIMENSIONS: u16 = 0x0200;
const NUMBER: u16 = 0x0203;
const LABEL: u16 = 0x0204;
const BOOLERR: u16 = 0x0205;
const RK: u16 = 0x027E;
const BOF: u16 = 0x0809;

/// The records of a BIFF stream from its start, as (type, data); CONTINUE records, which
/// calamine appends to the record before them, are skipped. Stops at a record cut short.
fn records(mut stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || loop {
        if stream.len() < 4 {
            return None;
        }
        let typ = u16_at(stream, 0);
        let len = u16_at(stream, 2) as usize;
        let data = stream.get(4..4 + len)?;
        stream = &stream[4 + len..];
        if typ != CONTINUE {
            return Some((typ, data));
        }
    })
}

/// The cells a DIMENSIONS record makes calamine reserve room for, computed as it does: in
/// 32-bit arithmetic that wraps when the first row is past the last (a release build does
/// not check), so a record cut that way asks for billions.
fn declared_cells(data: &[u8]) -> Option<u64> {
    let (first_row, last_row, mut first_col, last_col) = match data.len() {
        10 => (
            u16_at(data, 0) as u32,
            u16_at(data, 2) as u32,
            u16_at(data, 4) as u32,
            u16_at(data, 6) as u32,
        ),
        14 | 16 => (
            u32_at(data, 0),
            u32_at(data, 4),
            u16_at(data, 8) as u32,
            u16_at(data, 10) as u32,
        ),
        _ => return None,
    };
    if first_col > 0xFF || last_col < first_col {
        first_col = 0;
    }
    if last_row == 0 || last_col == 0 {
        return None;
    }
    let rows = (last_row - 1).wrapping_sub(first_row).wrapping_add(1) as u64;
    let cols = (last_col - 1).wrapping_sub(first_col).wrapping_add(1) as u64;
    Some(rows.saturating_mul(cols))
}

/// The smallest rectangle holding every cell position seen.
#[derive(Default)]
struct Extent(Option<(u64, u64, u64, u64)>);

impl Extent {
    fn add(&mut self, row: u16, col: u16) {
        self.add_wide(row as u64, col as u64);
    }

    fn add_wide(&mut self, row: u64, col: u64) {
        self.0 = Some(match self.0 {
            None => (row, row, col, col),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(col), c1.max(col)),
        });
    }

    fn cells(&self) -> u64 {
        self.0.map_or(0, |(r0, r1, c0, c1)| {
            (r1 - r0 + 1).saturating_mul(c1 - c0 + 1)
        })
    }
}

fn u16_at(data: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([data[at], data[at + 1]])
}

fn u32_at(data: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dimensions(first_row: u32, last_row: u32, first_col: u16, last_col: u16) -> Vec<u8> {
        let mut d = Vec::new();
        d.extend(first_row.to_le_bytes());
        d.extend(last_row.to_le_bytes());
        d.extend(first_col.to_le_bytes());
        d.extend(last_col.to_le_bytes());
        d.extend([0, 0]);
        d
    }

    #[test]
    fn dimensions_are_counted_as_calamine_reserves_them() {
        // Rows 0..100 (exclusive end), columns 0..10: a normal sheet.
        assert_eq!(declared_cells(&dimensions(0, 100, 0, 10)), Some(1000));
        // The first row past the last wraps in calamine's 32-bit arithmetic.
        let wrapped = declared_cells(&dimensions(200, 100, 0, 10));
        assert!(wrapped > Some(MAX_CELLS), "{wrapped:?}");
        // No rows: calamine reserves nothing.
        assert_eq!(declared_cells(&dimensions(0, 0, 0, 10)), None);
    }

    #[test]
    fn a_sheet_is_refused_by_the_extent_its_cells_name() {
        let record = |typ: u16, data: &[u8]| {
            let mut r = typ.to_le_bytes().to_vec();
            r.extend((data.len() as u16).to_le_bytes());
            r.extend(data);
            r
        };
        let number = |row: u16, col: u16| {
            let mut d = row.to_le_bytes().to_vec();
            d.extend(col.to_le_bytes());
            d.extend([0u8; 10]);
            record(NUMBER, &d)
        };
        let sheet_at = |cells: Vec<Vec<u8>>| {
            // Globals: BOF, one BOUNDSHEET pointing just past the globals' EOF, EOF.
            let globals_len = 4 + 4 + (4 + 8) + 4;
            let mut s = record(BOF, &[0; 4]);
            let mut bound = (globals_len as u32).to_le_bytes().to_vec();
            bound.extend([0, 0, 1, 0]);
            s.extend(record(BOUNDSHEET, &bound));
            s.extend(record(EOF, &[]));
            assert_eq!(s.len(), globals_len);
            s.extend(record(BOF, &[0; 4]));
            cells.into_iter().for_each(|c| s.extend(c));
            s.extend(record(EOF, &[]));
            s
        };
        assert!(check_sheet_extents(&sheet_at(vec![number(0, 0), number(40, 20)])).is_ok());
        let wide = sheet_at(vec![number(0, 0), number(65_535, 255)]);
        assert!(matches!(
            check_sheet_extents(&wide),
            Err(Error::Validation {
                rule: Rule::ZipBomb,
                ..
            })
        ));
    }
}
