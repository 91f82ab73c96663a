//! The statement parser on XLSX packages that pass the zip checks: the fuzzed bytes are the
//! sheet, shared strings and workbook XML (split at 0xFF bytes), packed into the template's zip
//! so calamine's XML reading is what gets exercised.
#![no_main]
use std::io::{Read, Write};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
mod names;
use zip::write::SimpleFileOptions;

const FUZZED: [&str; 3] = [
    "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml",
    "xl/workbook.xml",
];

fn template_parts() -> &'static Vec<(String, Vec<u8>)> {
    static PARTS: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    PARTS.get_or_init(|| {
        let bytes = loandesk_core::documents::TEMPLATE_XLSX;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("template zip");
        (0..zip.len())
            .map(|i| {
                let mut entry = zip.by_index(i).expect("template entry");
                let name = entry.name().expect("entry name").to_string();
                let mut data = Vec::new();
                entry.read_to_end(&mut data).expect("template entry bytes");
                (name, data)
            })
            .collect()
    })
}

fn package(data: &[u8]) -> Option<Vec<u8>> {
    let mut pieces = data.splitn(FUZZED.len(), |b| *b == 0xFF);
    let fuzzed: Vec<(&str, &[u8])> = FUZZED
        .iter()
        .map(|n| (*n, pieces.next().unwrap_or(&[])))
        .collect();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, original) in template_parts() {
        let content = fuzzed
            .iter()
            .find(|(n, d)| n == name && !d.is_empty())
            .map_or(&original[..], |(_, d)| d);
        zip.start_file(name.as_str(), SimpleFileOptions::default())
            .ok()?;
        zip.write_all(content).ok()?;
    }
    Some(zip.finish().ok()?.into_inner())
}

fuzz_target!(
    init: names::quiet_caught_panics(),
    |data: &[u8]| {
    if let Some(xlsx) = package(data) {
        let _ = loandesk_core::documents::parse_statement("s.xlsx", &xlsx);
    }
});
