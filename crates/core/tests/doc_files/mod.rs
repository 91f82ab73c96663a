//! Small real files for the document tests, made here rather than kept as binaries; the two
//! that Rust cannot easily write (XLS, encrypted XLSX) are fixtures (fixtures/make_fixtures.py).
#![allow(dead_code, clippy::unwrap_used)]
use std::io::Write;
use std::path::PathBuf;

use loandesk_core::clients::ClientInput;
use loandesk_core::Vault;
use zip::write::SimpleFileOptions;

pub fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::create(&dir.path().join("v.loandesk"), "document pass 1").unwrap();
    (dir, vault)
}

pub fn client(v: &mut Vault) -> i64 {
    v.create_client(
        &ClientInput::named("苏州恒远精密机械有限公司"),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    )
    .unwrap()
}

pub fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(path).unwrap()
}

/// A minimal, valid one-page PDF whose content stream holds `text`, padded to `len` bytes with
/// a comment so large documents can be made.
pub fn pdf(text: &str, len: usize) -> Vec<u8> {
    let stream = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    let mut out = format!(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n\
         2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
         3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n\
         4 0 obj<</Length {}>>stream\n{stream}\nendstream endobj\n",
        stream.len()
    )
    .into_bytes();
    let mut i: u32 = 0;
    while out.len() + 8 < len {
        // Varied bytes, so the content does not compress to nothing anywhere.
        i = i.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        out.extend_from_slice(format!("%{:08x}\n", i).as_bytes());
    }
    out.extend_from_slice(b"trailer<</Root 1 0 R>>\n%%EOF\n");
    out
}

pub fn png() -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0".to_vec();
    out.extend_from_slice(b"\x1f\x15\xc4\x89\0\0\0\nIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4");
    out.extend_from_slice(b"\0\0\0\0IEND\xaeB`\x82");
    out
}

pub fn jpeg() -> Vec<u8> {
    let mut out = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0".to_vec();
    out.extend_from_slice(&[0x11; 64]);
    out.extend_from_slice(b"\xff\xd9");
    out
}

pub fn tiff() -> Vec<u8> {
    let mut out = b"II*\0\x08\0\0\0\x01\0\x00\x01\x03\0\x01\0\0\0\x01\0\0\0".to_vec();
    out.extend_from_slice(&[0; 16]);
    out
}

pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#;

/// An XLSX-shaped package: workbook part plus shared strings holding `strings`.
pub fn xlsx(strings: &str) -> Vec<u8> {
    let sst = format!("<sst><si><t>{strings}</t></si></sst>");
    zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("xl/workbook.xml", b"<workbook><sheets/></workbook>"),
        ("xl/sharedStrings.xml", sst.as_bytes()),
    ])
}

pub fn docx(text: &str) -> Vec<u8> {
    let doc = format!(
        "<w:document><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    );
    zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/document.xml", doc.as_bytes()),
    ])
}

pub fn template_xlsx() -> Vec<u8> {
    loandesk_core::documents::TEMPLATE_XLSX.to_vec()
}

pub fn template_csv() -> Vec<u8> {
    loandesk_core::documents::TEMPLATE_CSV.to_vec()
}

/// The XLSX template with `edit` applied to its sheet XML (other parts copied as they are).
pub fn template_xlsx_with(edit: impl Fn(&str) -> String) -> Vec<u8> {
    use std::io::Read;
    let bytes = template_xlsx();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            data = edit(&String::from_utf8(data).unwrap()).into_bytes();
        }
        parts.push((name, data));
    }
    let refs: Vec<(&str, &[u8])> = parts.iter().map(|(n, d)| (n.as_str(), &d[..])).collect();
    zip_of(&refs)
}
