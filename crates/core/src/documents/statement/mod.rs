//! Financial statements in the template layout: parsed into figures per year, stored with the
//! spreadsheet itself (as a financial-statements document) in one transaction.
mod lines;
mod parse;

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;

use rusqlite::params;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

pub use lines::StatementLine;

use super::sniff::{sniff, FileType};
use super::store::{find_by_hash, write_document, Incoming};
use super::{DocumentKind, DocumentSummary};
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

/// Statements are a few sheets of figures; anything bigger is not the template.
pub const MAX_STATEMENT_BYTES: u64 = 10 * 1024 * 1024;

/// The template officers hand to clients (assets/templates/README.md documents the layout).
pub const TEMPLATE_XLSX: &[u8] =
    include_bytes!("../../../assets/templates/financial-statements-template.xlsx");
pub const TEMPLATE_CSV: &[u8] =
    include_bytes!("../../../assets/templates/financial-statements-template.csv");

/// The template's bytes: XLSX, or CSV for any other type. Where it is saved is the caller's
/// business (the app's save dialog has already asked before replacing a file).
pub fn statement_template(file_type: FileType) -> &'static [u8] {
    if file_type == FileType::Xlsx {
        TEMPLATE_XLSX
    } else {
        TEMPLATE_CSV
    }
}

/// One year's figures of a client, in yuan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FinancialYear {
    pub year: i32,
    #[ts(type = "Partial<Record<StatementLine, string>>")]
    pub figures: BTreeMap<StatementLine, Decimal>,
    /// The spreadsheet they were read from.
    pub document_id: Option<i64>,
    pub imported_at: String,
}

/// One year's figures as the officer accepted them in a preview (a scanned page read by OCR,
/// then corrected), in yuan.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct StatementYearInput {
    pub year: i32,
    #[ts(type = "Partial<Record<StatementLine, string>>")]
    pub figures: BTreeMap<StatementLine, Decimal>,
}

impl FinancialYear {
    /// A figure; None for an optional line the statement left out.
    pub fn get(&self, line: StatementLine) -> Option<Decimal> {
        self.figures.get(&line).copied()
    }
}

/// What a statement import stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatementImport {
    /// The spreadsheet as a document; an earlier import of the same file is reused.
    pub document: DocumentSummary,
    /// The years read, in the order of the file's columns.
    pub years: Vec<FinancialYear>,
}

/// Chinese labels of the template lines, to recognise a statement by its content.
pub(crate) fn zh_labels() -> impl Iterator<Item = &'static str> {
    lines::LINES.iter().map(|d| d.zh)
}

/// The years of a page rebuilt from OCR boxes as rows of text cells (label first, a header
/// row of years): the template's reading, lenient about missing lines and unreadable figures.
pub(crate) fn parse_text_rows(rows: &[Vec<String>]) -> Result<Vec<FinancialYear>> {
    Ok(parse::parse_text_rows(rows)?
        .into_iter()
        .map(|(year, figures)| FinancialYear {
            year,
            figures,
            document_id: None,
            imported_at: String::new(),
        })
        .collect())
}

/// The template line a statement label names (the importer's label table and matching).
pub(crate) fn line_of_label(label: &str) -> Option<StatementLine> {
    lines::match_label(label)
}

/// The importer's label normalisation (spaces, punctuation, 其中/减/加, numbering dropped).
pub(crate) fn normalize_label(label: &str) -> String {
    lines::normalize(label)
}

/// Parses a statement without storing anything (for a preview, or a test).
pub fn parse_statement(file_name: &str, bytes: &[u8]) -> Result<Vec<FinancialYear>> {
    let file_type = check_statement_file(file_name, bytes)?;
    Ok(parse::parse(file_type, bytes)?
        .into_iter()
        .map(|(year, figures)| FinancialYear {
            year,
            figures,
            document_id: None,
            imported_at: String::new(),
        })
        .collect())
}

fn check_statement_file(file_name: &str, bytes: &[u8]) -> Result<FileType> {
    if bytes.is_empty() {
        return Err(Error::invalid("file", Rule::EmptyFile));
    }
    if bytes.len() as u64 > MAX_STATEMENT_BYTES {
        let max = MAX_STATEMENT_BYTES;
        return Err(Error::invalid("file", Rule::FileTooLarge { max }));
    }
    // The sniff also decompressed every zip entry within its declared size, so the parser
    // never meets a part larger than declared.
    let sniffed = sniff(file_name, &mut Cursor::new(bytes), bytes.len() as u64)?;
    if !sniffed.file_type.is_spreadsheet() {
        return Err(Error::invalid("file", Rule::NotSpreadsheet));
    }
    Ok(sniffed.file_type)
}

impl Vault {
    pub fn import_statement_file(
        &mut self,
        client_id: i64,
        path: &Path,
    ) -> Result<StatementImport> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let len = std::fs::metadata(path)?.len();
        if len > MAX_STATEMENT_BYTES {
            let max = MAX_STATEMENT_BYTES;
            return Err(Error::invalid("file", Rule::FileTooLarge { max }));
        }
        let bytes = std::fs::read(path)?;
        self.import_statement(client_id, &name, &bytes)
    }

    /// Reads the figures and stores them with the file, or stores nothing. Years already on
    /// the client are replaced by the new file's.
    pub fn import_statement(
        &mut self,
        client_id: i64,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<StatementImport> {
        self.client(client_id)?;
        self.check_size(bytes.len() as u64, self.document_size_limit()?)?;
        let file_type = check_statement_file(file_name, bytes)?;
        let years = parse::parse(file_type, bytes)?;
        let sha = hex::encode(Sha256::digest(bytes));
        let now = self.clock().stamp();
        let tx = self.conn_mut().transaction()?;
        let doc_id = match find_by_hash(&tx, client_id, &sha)? {
            Some(id) => id,
            None => {
                let incoming = Incoming {
                    client_id,
                    file_name,
                    file_type,
                    kind: DocumentKind::FinancialStatements,
                    size: bytes.len() as u64,
                };
                let (id, sha) = write_document(&tx, &incoming, &mut &bytes[..], &mut |_, _| {
                    std::ops::ControlFlow::Continue(())
                })?;
                tx.execute(
                    "UPDATE documents SET sha256 = ?2 WHERE id = ?1",
                    params![id, sha],
                )?;
                id
            }
        };
        store_years(&tx, client_id, Some(doc_id), &years, &now)?;
        let listed: Vec<String> = years.iter().map(|(y, _)| y.to_string()).collect();
        let detail = format!("document {doc_id}; years {}", listed.join(","));
        audit_record(&tx, "statement.import", "client", Some(client_id), &detail)?;
        tx.commit()?;
        let stored = self.financial_years(client_id)?;
        Ok(StatementImport {
            document: self.document(doc_id)?,
            years: years
                .iter()
                .filter_map(|(y, _)| stored.iter().find(|s| s.year == *y).cloned())
                .collect(),
        })
    }

    /// Stores figures the officer accepted from a preview (a scanned statement read by OCR and
    /// corrected), like an import's: years already on the client are replaced. `document_id`
    /// is the scanned page in the vault the figures came from, if any. The years stored.
    pub fn store_statement_years(
        &mut self,
        client_id: i64,
        document_id: Option<i64>,
        years: &[StatementYearInput],
    ) -> Result<Vec<FinancialYear>> {
        self.client(client_id)?;
        if let Some(id) = document_id {
            if self.document(id)?.client_id != client_id {
                return Err(Error::NotFound(format!("document {id}")));
            }
        }
        let mut seen = Vec::new();
        for y in years {
            if seen.contains(&y.year) {
                return Err(Error::invalid(
                    "years",
                    Rule::StatementYearTwice { year: y.year },
                ));
            }
            seen.push(y.year);
        }
        let rows: Vec<(i32, BTreeMap<StatementLine, Decimal>)> = years
            .iter()
            .filter(|y| !y.figures.is_empty())
            .map(|y| (y.year, y.figures.clone()))
            .collect();
        if rows.is_empty() {
            return Err(Error::invalid("years", Rule::StatementNoYears));
        }
        let now = self.clock().stamp();
        let tx = self.conn_mut().transaction()?;
        store_years(&tx, client_id, document_id, &rows, &now)?;
        let listed: Vec<String> = rows.iter().map(|(y, _)| y.to_string()).collect();
        let source = document_id.map_or("scan".to_string(), |d| format!("document {d}"));
        let detail = format!("{source}; years {}; from OCR", listed.join(","));
        audit_record(&tx, "statement.import", "client", Some(client_id), &detail)?;
        tx.commit()?;
        let stored = self.financial_years(client_id)?;
        Ok(rows
            .iter()
            .filter_map(|(y, _)| stored.iter().find(|s| s.year == *y).cloned())
            .collect())
    }

    /// The client's stored figures, latest year first.
    pub fn financial_years(&self, client_id: i64) -> Result<Vec<FinancialYear>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT year, line, value, document_id, imported_at FROM statement_figures
             WHERE client_id = ?1 ORDER BY year DESC",
        )?;
        let mut rows = stmt.query([client_id])?;
        let mut years: Vec<FinancialYear> = Vec::new();
        while let Some(r) = rows.next()? {
            let year: i32 = r.get(0)?;
            let line: String = r.get(1)?;
            let value: String = r.get(2)?;
            let (Some(line), Ok(value)) = (StatementLine::parse(&line), value.parse::<Decimal>())
            else {
                return Err(Error::Damaged(vec![format!(
                    "statement figure {year} {line}"
                )]));
            };
            if years.last().map(|y| y.year) != Some(year) {
                years.push(FinancialYear {
                    year,
                    figures: BTreeMap::new(),
                    document_id: r.get(3)?,
                    imported_at: r.get(4)?,
                });
            }
            if let Some(y) = years.last_mut() {
                y.figures.insert(line, value);
            }
        }
        Ok(years)
    }
}

/// Replaces the client's figures of each year given (inside the caller's transaction).
fn store_years(
    tx: &rusqlite::Transaction<'_>,
    client_id: i64,
    doc_id: Option<i64>,
    years: &[(i32, BTreeMap<StatementLine, Decimal>)],
    now: &str,
) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO statement_figures (client_id, year, line, value, document_id, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (year, figures) in years {
        tx.execute(
            "DELETE FROM statement_figures WHERE client_id = ?1 AND year = ?2",
            params![client_id, year],
        )?;
        for (line, value) in figures {
            let value = value.normalize().to_string();
            insert.execute(params![client_id, year, line.as_str(), value, doc_id, now])?;
        }
    }
    Ok(())
}
