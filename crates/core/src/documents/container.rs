//! Zip (XLSX, DOCX) and OLE2 (XLS, encrypted Office) containers: what is inside, whether it is
//! damaged, locked with a password, or a zip bomb. Sizes are judged from the zip's central
//! directory BEFORE anything is decompressed, and every later read is bounded as well, because
//! declared sizes can lie.
use std::io::{Read, Seek, SeekFrom};

use zip::result::ZipError;
use zip::ZipArchive;

use super::sniff::{FileType, Sniffed};
use super::xls;
use crate::error::{Error, Result};
use crate::rule::Rule;

pub(crate) const OLE2_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Real workbooks have a few hundred parts at most.
const MAX_ENTRIES: usize = 10_000;
/// Sum of declared uncompressed sizes. A 50 MB XLSX of dense sheets expands to a few hundred MB.
const MAX_EXPANDED: u64 = 1 << 30;
/// Spreadsheet XML compresses 10-30x; zip bombs 1000x. Small entries may compress as they like.
const MAX_RATIO: u64 = 200;
const RATIO_FLOOR: u64 = 1 << 20;
/// Text read from an entry for suggesting the kind.
const SAMPLE: u64 = 1 << 20;

fn invalid(rule: Rule) -> Error {
    Error::invalid("file", rule)
}

fn zip_error(e: ZipError) -> Error {
    match e {
        ZipError::Io(e) if e.kind() != std::io::ErrorKind::InvalidData => Error::Io(e),
        ZipError::UnsupportedArchive(m) if m.contains("assword") => {
            invalid(Rule::PasswordProtected)
        }
        _ => invalid(Rule::Corrupt),
    }
}

/// Judges a zip by its central directory, then decompresses every entry to nowhere (bounded
/// by its declared size) so a damaged part is found now, not when the officer opens it.
pub(crate) fn inspect_zip<R: Read + Seek>(reader: &mut R) -> Result<Sniffed> {
    reader.seek(SeekFrom::Start(0))?;
    let mut zip = ZipArchive::new(reader).map_err(zip_error)?;
    check_sizes(&mut zip)?;
    let has = |zip: &ZipArchive<&mut R>, name: &str| zip.index_for_name(name).is_some();
    let (file_type, text_parts): (_, &[&str]) = if has(&zip, "xl/workbook.xml") {
        (
            FileType::Xlsx,
            &["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"],
        )
    } else if has(&zip, "word/document.xml") {
        (FileType::Docx, &["word/document.xml"])
    } else {
        return Err(invalid(Rule::UnknownFileType));
    };
    verify_entries(&mut zip)?;
    let mut text = String::new();
    for part in text_parts {
        if !has(&zip, part) {
            continue;
        }
        let bytes = read_entry(&mut zip, part, SAMPLE)?;
        text.push_str(&String::from_utf8_lossy(&bytes));
    }
    Ok(Sniffed { file_type, text })
}

/// Declared sizes and ratios, from the central directory only.
pub(crate) fn check_sizes<R: Read + Seek>(zip: &mut ZipArchive<R>) -> Result<()> {
    if zip.len() > MAX_ENTRIES {
        return Err(invalid(Rule::ZipBomb));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(zip_error)?;
        if entry.encrypted() {
            return Err(invalid(Rule::PasswordProtected));
        }
        let size = entry.size();
        total = total.saturating_add(size);
        let ratio_ok = size <= RATIO_FLOOR || size / entry.compressed_size().max(1) <= MAX_RATIO;
        if total > MAX_EXPANDED || !ratio_ok {
            return Err(invalid(Rule::ZipBomb));
        }
    }
    Ok(())
}

/// Up to `limit` bytes of an entry (already verified, so no larger than it declared).
fn read_entry<R: Read + Seek>(zip: &mut ZipArchive<R>, name: &str, limit: u64) -> Result<Vec<u8>> {
    let entry = zip.by_name(name).map_err(zip_error)?;
    let mut out = Vec::new();
    entry
        .take(limit)
        .read_to_end(&mut out)
        .map_err(|_| invalid(Rule::Corrupt))?;
    Ok(out)
}

/// Decompresses every entry to nowhere, each bounded by its declared size; reaching the end
/// of an entry checks its CRC.
fn verify_entries<R: Read + Seek>(zip: &mut ZipArchive<R>) -> Result<()> {
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(zip_error)?;
        let declared = entry.size();
        let copied = std::io::copy(&mut entry.by_ref().take(declared), &mut std::io::sink())
            .map_err(|_| invalid(Rule::Corrupt))?;
        let mut extra = [0u8; 1];
        match entry.read(&mut extra) {
            Ok(0) if copied == declared => {}
            Ok(0) => return Err(invalid(Rule::Corrupt)),
            Ok(_) => return Err(invalid(Rule::ZipBomb)),
            Err(_) => return Err(invalid(Rule::Corrupt)),
        }
    }
    Ok(())
}

/// OLE2 compound file: an XLS workbook, an encrypted XLSX/DOCX ("EncryptedPackage"), or
/// something we do not take (DOC, PPT, MSG).
pub(crate) fn inspect_ole2<R: Read + Seek>(reader: &mut R, len: u64) -> Result<Sniffed> {
    reader.seek(SeekFrom::Start(0))?;
    let mut bytes = Vec::with_capacity(len.min(1 << 26) as usize);
    reader.read_to_end(&mut bytes)?;
    let compound = xls::compound_file(&bytes)?;
    if compound.is_stream("/EncryptedPackage") {
        return Err(invalid(Rule::PasswordProtected));
    }
    if !compound.is_stream("/Workbook") && !compound.is_stream("/Book") {
        return Err(invalid(Rule::UnknownFileType));
    }
    // calamine reads the workbook globals, where an XLS password (FilePass) shows.
    xls::open_xls(&bytes)?;
    Ok(Sniffed {
        file_type: FileType::Xls,
        text: utf16_sample(&bytes),
    })
}

/// Chinese strings in an XLS are UTF-16LE at either byte alignment: decode the first MiB both
/// ways; the garbage in between does not matter to a keyword search.
fn utf16_sample(bytes: &[u8]) -> String {
    let window = &bytes[..bytes.len().min(1 << 20)];
    let mut text = String::new();
    for start in 0..2 {
        let units = window[start..]
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]));
        text.extend(
            char::decode_utf16(units).map(|c| c.ok().filter(|c| !c.is_control()).unwrap_or('\n')),
        );
    }
    text
}
