//! Documents into the vault: sniff, hash and write in 1 MiB chunks, all in one transaction, so
//! a refused or failed import leaves nothing. The content never touches the disk outside the vault.
use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::ops::ControlFlow;
use std::path::Path;

use rusqlite::{params, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

use super::sniff::{sniff, FileType};
use super::{suggest, DocumentKind, DocumentSummary};
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 50 * 1024 * 1024;
/// The setting may go this high: an import holds up to one chunk plus SQLite's page cache.
pub const MAX_DOCUMENT_BYTES_CEILING: u64 = 500 * 1024 * 1024;
const MIN_DOCUMENT_BYTES: u64 = 1024;
const MAX_BYTES_KEY: &str = "document_max_bytes";
const CHUNK: usize = 1 << 20;
const MAX_NAME_CHARS: usize = 255;

/// Told (bytes stored, total) after each chunk; `Break` stops the import, which then stores
/// nothing and fails with `locked` (the app stops imports when the officer locks the vault).
pub type Progress<'a> = dyn FnMut(u64, u64) -> ControlFlow<()> + 'a;

/// What is known about a file before its bytes go into the vault.
pub(crate) struct Incoming<'a> {
    pub client_id: i64,
    pub file_name: &'a str,
    pub file_type: FileType,
    pub kind: DocumentKind,
    pub size: u64,
}

fn check_name(name: &str) -> Result<()> {
    let rule = if name.trim().is_empty() {
        Rule::Required
    } else if name.chars().count() > MAX_NAME_CHARS {
        Rule::MaxChars(MAX_NAME_CHARS)
    } else if name
        .chars()
        .any(|c| c.is_control() || c == '/' || c == '\\')
    {
        Rule::NotAllowed
    } else {
        return Ok(());
    };
    Err(Error::invalid("file_name", rule))
}

/// Streams `reader` into new chunks of a new document; returns its id and SHA-256. The caller
/// owns the transaction, so any error (or a duplicate found afterwards) leaves nothing behind.
pub(crate) fn write_document(
    tx: &Transaction,
    doc: &Incoming,
    reader: &mut dyn Read,
    progress: &mut Progress,
) -> Result<(i64, String)> {
    // imported_by: the officer name from Settings (the loans module's `officer_name` key), read
    // in the statement so it is the name in force when the import commits.
    tx.execute(
        "INSERT INTO documents (client_id, file_name, kind, file_type, size, sha256, imported_at, imported_by)
         VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6,
                 COALESCE((SELECT value FROM settings WHERE key = 'officer_name'), ''))",
        params![
            doc.client_id,
            doc.file_name,
            doc.kind.as_str(),
            doc.file_type.as_str(),
            doc.size as i64,
            crate::clock::stamp(tx)?
        ],
    )?;
    let id = tx.last_insert_rowid();
    let mut insert = tx.prepare_cached(
        "INSERT INTO document_chunks (document_id, seq, data) VALUES (?1, ?2, ?3)",
    )?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let (mut seq, mut done) = (0i64, 0u64);
    loop {
        let n = fill(reader, &mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        insert.execute(params![id, seq, &buf[..n]])?;
        seq += 1;
        done += n as u64;
        if progress(done, doc.size).is_break() {
            return Err(Error::Locked);
        }
    }
    if done != doc.size {
        return Err(Error::Io(std::io::Error::other(
            "the file changed while it was being imported",
        )));
    }
    let sha = hex::encode(hasher.finalize());
    Ok((id, sha))
}

/// Reads until `buf` is full or the input ends.
fn fill(reader: &mut dyn Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match reader.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// The document of this client with this hash, if any (archived ones included).
pub(crate) fn find_by_hash(tx: &Transaction, client_id: i64, sha: &str) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT id FROM documents WHERE client_id = ?1 AND sha256 = ?2",
            params![client_id, sha],
            |r| r.get(0),
        )
        .optional()?)
}

impl Vault {
    /// Imports a file from disk (file picker, drag and drop, CLI). The name is the file's own.
    pub fn import_document_file(
        &mut self,
        client_id: i64,
        path: &Path,
        kind: Option<DocumentKind>,
    ) -> Result<DocumentSummary> {
        self.import_document_file_with_progress(client_id, path, kind, &mut |_, _| {
            ControlFlow::Continue(())
        })
    }

    /// As [`Vault::import_document_file`], reporting (bytes stored, total) after each MiB; the
    /// callback may stop the import (see [`Progress`]).
    pub fn import_document_file_with_progress(
        &mut self,
        client_id: i64,
        path: &Path,
        kind: Option<DocumentKind>,
        progress: &mut Progress,
    ) -> Result<DocumentSummary> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file = File::open(path)?;
        let len = file.metadata()?.len();
        self.import_from(client_id, &name, BufReader::new(file), len, kind, progress)
    }

    /// Imports bytes the UI already holds, under the file name the officer sees.
    pub fn import_document(
        &mut self,
        client_id: i64,
        file_name: &str,
        bytes: &[u8],
        kind: Option<DocumentKind>,
    ) -> Result<DocumentSummary> {
        let cursor = std::io::Cursor::new(bytes);
        self.import_from(
            client_id,
            file_name,
            cursor,
            bytes.len() as u64,
            kind,
            &mut |_, _| ControlFlow::Continue(()),
        )
    }

    fn import_from<R: Read + Seek>(
        &mut self,
        client_id: i64,
        file_name: &str,
        mut reader: R,
        len: u64,
        kind: Option<DocumentKind>,
        progress: &mut Progress,
    ) -> Result<DocumentSummary> {
        check_name(file_name)?;
        self.client(client_id)?;
        self.check_size(len, self.document_size_limit()?)?;
        let sniffed = sniff(file_name, &mut reader, len)?;
        let kind = kind
            .unwrap_or_else(|| suggest::suggest_kind(file_name, sniffed.file_type, &sniffed.text));
        let incoming = Incoming {
            client_id,
            file_name,
            file_type: sniffed.file_type,
            kind,
            size: len,
        };
        reader.rewind()?;
        let tx = self.conn_mut().transaction()?;
        let (id, sha) = write_document(&tx, &incoming, &mut reader, progress)?;
        if let Some(existing) = find_by_hash(&tx, client_id, &sha)? {
            return Err(Error::invalid("file", Rule::DuplicateDocument(existing)));
        }
        tx.execute(
            "UPDATE documents SET sha256 = ?2 WHERE id = ?1",
            params![id, sha],
        )?;
        audit_record(
            &tx,
            "document.import",
            "client",
            Some(client_id),
            &format!("document {id}"),
        )?;
        tx.commit()?;
        self.document(id)
    }

    pub(crate) fn check_size(&self, len: u64, max: u64) -> Result<()> {
        if len == 0 {
            return Err(Error::invalid("file", Rule::EmptyFile));
        }
        if len > max {
            return Err(Error::invalid("file", Rule::FileTooLarge { max }));
        }
        Ok(())
    }

    /// Largest file an import accepts, in bytes (Settings; default 50 MB).
    pub fn document_size_limit(&self) -> Result<u64> {
        Ok(self
            .setting(MAX_BYTES_KEY)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_MAX_DOCUMENT_BYTES))
    }

    pub fn set_document_size_limit(&mut self, bytes: u64) -> Result<()> {
        if !(MIN_DOCUMENT_BYTES..=MAX_DOCUMENT_BYTES_CEILING).contains(&bytes) {
            return Err(Error::invalid(
                "document_max_bytes",
                Rule::Range {
                    min: MIN_DOCUMENT_BYTES.to_string(),
                    max: MAX_DOCUMENT_BYTES_CEILING.to_string(),
                },
            ));
        }
        self.set_setting(MAX_BYTES_KEY, &bytes.to_string())
    }
}
