//! The file's type from its bytes. The name only has a say when it contradicts the content:
//! a `.pdf` that is not a PDF is refused, because the officer (or a client) would be misled
//! about what was stored.
use std::io::{Read, Seek, SeekFrom};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{container, text};
use crate::error::{Error, Result};
use crate::rule::Rule;

/// The accepted types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum FileType {
    Pdf,
    Jpeg,
    Png,
    Tiff,
    Xlsx,
    Xls,
    Csv,
    Docx,
}

const TYPES: [(FileType, &str, &str); 8] = [
    (FileType::Pdf, "pdf", "application/pdf"),
    (FileType::Jpeg, "jpeg", "image/jpeg"),
    (FileType::Png, "png", "image/png"),
    (FileType::Tiff, "tiff", "image/tiff"),
    (
        FileType::Xlsx,
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    (FileType::Xls, "xls", "application/vnd.ms-excel"),
    (FileType::Csv, "csv", "text/csv"),
    (
        FileType::Docx,
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
];

impl FileType {
    pub fn as_str(self) -> &'static str {
        TYPES.iter().find(|t| t.0 == self).map_or("pdf", |t| t.1)
    }

    pub fn parse(s: &str) -> Option<FileType> {
        TYPES.iter().find(|t| t.1 == s).map(|t| t.0)
    }

    /// For the in-app preview (a Blob of the document's bytes needs its type).
    pub fn mime(self) -> &'static str {
        TYPES.iter().find(|t| t.0 == self).map_or("", |t| t.2)
    }

    /// Shown inside the app: PDFs (first page) and the image types every web view draws.
    /// TIFF is not (WebKitGTK and WebView2 cannot show it); it is exported instead.
    pub fn previewable(self) -> bool {
        matches!(self, FileType::Pdf | FileType::Jpeg | FileType::Png)
    }

    pub fn is_spreadsheet(self) -> bool {
        matches!(self, FileType::Xlsx | FileType::Xls | FileType::Csv)
    }

    /// The type a file extension promises, if it is one we know.
    fn from_extension(ext: &str) -> Option<FileType> {
        Some(match ext {
            "pdf" => FileType::Pdf,
            "jpg" | "jpeg" | "jpe" => FileType::Jpeg,
            "png" => FileType::Png,
            "tif" | "tiff" => FileType::Tiff,
            "xlsx" => FileType::Xlsx,
            "xls" => FileType::Xls,
            "csv" => FileType::Csv,
            "docx" => FileType::Docx,
            _ => return None,
        })
    }

    /// Mislabels that are everyday and harmless: Excel opens .xls/.xlsx either way, and
    /// messaging apps save PNG screenshots as .jpg. Anything else must match.
    fn same_family(self, other: FileType) -> bool {
        use FileType::*;
        self == other
            || matches!(
                (self, other),
                (Xls, Xlsx) | (Xlsx, Xls) | (Jpeg, Png) | (Png, Jpeg)
            )
    }
}

/// What the content told us.
pub(crate) struct Sniffed {
    pub file_type: FileType,
    /// Readable text from the content (a bounded sample) for suggesting the kind.
    pub text: String,
}

/// How much of the start of a file is read for magic numbers and the CSV test.
const HEAD: usize = 64 * 1024;

/// Reads as little as needed: the head, and for zip/OLE2 containers their directories.
pub(crate) fn sniff<R: Read + Seek>(name: &str, reader: &mut R, len: u64) -> Result<Sniffed> {
    reader.seek(SeekFrom::Start(0))?;
    let mut head = Vec::with_capacity(HEAD.min(len as usize));
    reader.by_ref().take(HEAD as u64).read_to_end(&mut head)?;
    // The zip and OLE2 readers are third-party code on untrusted bytes.
    let detected = crate::error::guard_parser(|| detect(&head, reader, len))?;
    let promised = extension(name).and_then(|e| FileType::from_extension(&e).map(|t| (e, t)));
    match (detected, promised) {
        (Some(found), Some((ext, want))) if !want.same_family(found.file_type) => {
            Err(mismatch(ext, found.file_type.as_str()))
        }
        (None, Some((ext, _))) => Err(mismatch(ext, "unknown")),
        (Some(found), _) => Ok(found),
        (None, None) => Err(Error::invalid("file", Rule::UnknownFileType)),
    }
}

/// The type of a file from its bytes, judged as an import would judge it (for a check before
/// import, and the fuzzer).
pub fn detect_file_type(name: &str, bytes: &[u8]) -> Result<FileType> {
    let mut reader = std::io::Cursor::new(bytes);
    sniff(name, &mut reader, bytes.len() as u64).map(|s| s.file_type)
}

fn mismatch(extension: String, detected: &str) -> Error {
    Error::invalid(
        "file",
        Rule::ExtensionMismatch {
            extension,
            detected: detected.to_uppercase(),
        },
    )
}

fn detect<R: Read + Seek>(head: &[u8], reader: &mut R, len: u64) -> Result<Option<Sniffed>> {
    let simple = |file_type, text: String| Ok(Some(Sniffed { file_type, text }));
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return simple(FileType::Jpeg, String::new());
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return simple(FileType::Png, String::new());
    }
    if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") || head.starts_with(b"II+\0") {
        return simple(FileType::Tiff, String::new());
    }
    if head.starts_with(b"PK\x03\x04") {
        return container::inspect_zip(reader).map(Some);
    }
    if head.starts_with(&container::OLE2_MAGIC) {
        return container::inspect_ole2(reader, len).map(Some);
    }
    // The PDF spec lets the header sit anywhere in the first 1024 bytes; checked after the
    // exact-prefix types so a zip that stores a PDF first is still judged as a zip.
    if find(&head[..head.len().min(1024)], b"%PDF-").is_some() {
        return simple(FileType::Pdf, String::from_utf8_lossy(head).into_owned());
    }
    let complete = head.len() as u64 == len;
    Ok(text::decode(head, complete)
        .filter(|t| text::looks_like_csv(t))
        .map(|text| Sniffed {
            file_type: FileType::Csv,
            text,
        }))
}

/// Lower-case extension of a file name, if any.
pub(crate) fn extension(name: &str) -> Option<String> {
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_lowercase())
}

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn kind(name: &str, bytes: &[u8]) -> Result<FileType> {
        let mut c = Cursor::new(bytes);
        sniff(name, &mut c, bytes.len() as u64).map(|s| s.file_type)
    }

    #[test]
    fn magic_numbers_decide_and_the_name_only_vetoes() {
        assert_eq!(kind("a", b"%PDF-1.7\n").ok(), Some(FileType::Pdf));
        assert_eq!(
            kind("a.jpg", b"\x89PNG\r\n\x1a\n").ok(),
            Some(FileType::Png)
        );
        assert_eq!(
            kind("x.csv", "年份,2023\n存货,1\n".as_bytes()).ok(),
            Some(FileType::Csv)
        );
        assert!(matches!(
            kind("a.pdf", b"\x89PNG\r\n\x1a\n"),
            Err(Error::Validation {
                rule: Rule::ExtensionMismatch { .. },
                ..
            })
        ));
        assert!(matches!(
            kind("a.bin", &[0, 1, 2, 3]),
            Err(Error::Validation {
                rule: Rule::UnknownFileType,
                ..
            })
        ));
    }

    #[test]
    fn extension_ignores_dotfiles_and_case() {
        assert_eq!(extension("报表.XLSX").as_deref(), Some("xlsx"));
        assert_eq!(extension(".pdf"), None);
        assert_eq!(extension("noext"), None);
    }
}
