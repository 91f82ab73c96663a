//! Application documents the client hands over (PRODUCT.md §3): imported into the encrypted
//! vault, typed from their bytes, linked to the client, and, for financial statements in the
//! template layout, read into figures for the credit analysis.
//!
//! Every user action is one call taking plain inputs: a path, or bytes with a file name.
mod access;
mod container;
mod kind;
pub(crate) mod sheet;
mod sniff;
pub(crate) mod statement;
mod store;
mod suggest;
mod text;
mod xls;

use serde::Serialize;
use ts_rs::TS;

pub use access::MAX_PREVIEW_BYTES;
pub use kind::DocumentKind;
pub use sniff::{detect_file_type, FileType};
pub use statement::{
    parse_statement, statement_template, FinancialYear, StatementImport, StatementLine,
    StatementYearInput, MAX_STATEMENT_BYTES, TEMPLATE_CSV, TEMPLATE_XLSX,
};
pub use store::{DEFAULT_MAX_DOCUMENT_BYTES, MAX_DOCUMENT_BYTES_CEILING};

/// A document as lists show it; the content is fetched separately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DocumentSummary {
    pub id: i64,
    pub client_id: i64,
    /// The original file name, exactly as imported.
    pub file_name: String,
    pub kind: DocumentKind,
    pub file_type: FileType,
    /// For the preview (e.g. `application/pdf`).
    pub mime: String,
    /// The app can show it (PDF, JPEG, PNG up to the preview cap); others are exported to open.
    pub previewable: bool,
    pub size: i64,
    pub sha256: String,
    pub imported_at: String,
    /// The officer name set at the time of the import (empty if none was set).
    pub imported_by: String,
    pub archived: bool,
}

/// One import batch as the app reports it: what went in, and each file that did not, with why.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportReport {
    pub imported: Vec<DocumentSummary>,
    pub failed: Vec<FailedImport>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct FailedImport {
    pub name: String,
    pub error: crate::ErrorPayload,
}
