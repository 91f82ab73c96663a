//! Reading documents back: lists, the content (for preview or export, checked against its
//! SHA-256), and the few changes after import (archive, kind).
use std::io::Write;
use std::path::Path;

use rusqlite::{params, OptionalExtension, Row};
use sha2::{Digest, Sha256};

use super::sniff::FileType;
use super::{DocumentKind, DocumentSummary};
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

/// Largest document the preview loads; bigger ones are exported and opened outside.
pub const MAX_PREVIEW_BYTES: u64 = 25 * 1024 * 1024;

const COLUMNS: &str = "id, client_id, file_name, kind, file_type, size, sha256, imported_at, \
                       imported_by, archived";

fn from_row(r: &Row) -> rusqlite::Result<DocumentSummary> {
    let text_enum = |i: usize, v: String| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("unknown value {v}").into(),
        )
    };
    let kind: String = r.get(3)?;
    let file_type: String = r.get(4)?;
    let file_type = FileType::parse(&file_type).ok_or_else(|| text_enum(4, file_type))?;
    let size: i64 = r.get(5)?;
    Ok(DocumentSummary {
        id: r.get(0)?,
        client_id: r.get(1)?,
        file_name: r.get(2)?,
        kind: DocumentKind::parse(&kind).ok_or_else(|| text_enum(3, kind))?,
        file_type,
        mime: file_type.mime().to_string(),
        previewable: file_type.previewable() && size as u64 <= MAX_PREVIEW_BYTES,
        size,
        sha256: r.get(6)?,
        imported_at: r.get(7)?,
        imported_by: r.get(8)?,
        archived: r.get(9)?,
    })
}

impl Vault {
    pub fn document(&self, id: i64) -> Result<DocumentSummary> {
        self.conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM documents WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("document {id}")))
    }

    /// A client's documents, newest first; archived ones only when asked for.
    pub fn list_documents(
        &self,
        client_id: i64,
        include_archived: bool,
    ) -> Result<Vec<DocumentSummary>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM documents WHERE client_id = ?1 AND archived <= ?2
             ORDER BY id DESC"
        ))?;
        let rows = stmt.query_map(params![client_id, include_archived], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The client's current (not archived) documents of a kind: what a checklist item that
    /// requires that kind is satisfied by. Newest first.
    pub fn documents_of_kind(
        &self,
        client_id: i64,
        kind: DocumentKind,
    ) -> Result<Vec<DocumentSummary>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM documents WHERE client_id = ?1 AND kind = ?2 AND archived = 0
             ORDER BY id DESC"
        ))?;
        let rows = stmt.query_map(params![client_id, kind.as_str()], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The whole content, for the in-app preview. Checked against its SHA-256.
    pub fn document_bytes(&self, id: i64) -> Result<Vec<u8>> {
        let doc = self.document(id)?;
        let mut out = Vec::with_capacity(doc.size.max(0) as usize);
        self.copy_content(&doc, &mut out)?;
        Ok(out)
    }

    /// The content for the in-app preview: only what [`FileType::previewable`] allows, and
    /// only up to [`MAX_PREVIEW_BYTES`] (it crosses to the web view in one piece).
    pub fn document_preview(&self, id: i64) -> Result<(DocumentSummary, Vec<u8>)> {
        let doc = self.document(id)?;
        // Size first: `previewable` is false for an oversized PDF too, and the officer should
        // hear the real reason.
        if doc.size as u64 > MAX_PREVIEW_BYTES {
            let max = MAX_PREVIEW_BYTES;
            return Err(Error::invalid("file", Rule::FileTooLarge { max }));
        }
        if !doc.previewable {
            return Err(Error::invalid("file_type", Rule::NotAllowed));
        }
        let mut out = Vec::with_capacity(doc.size.max(0) as usize);
        self.copy_content(&doc, &mut out)?;
        Ok((doc, out))
    }

    /// Writes a copy to `out`, replacing a file there (the save dialog asked); returns the
    /// bytes written. A failed export leaves `out` as it was and no partial file.
    pub fn export_document(&self, id: i64, out: &Path) -> Result<u64> {
        let doc = self.document(id)?;
        crate::files::write_atomic_with(out, |w| self.copy_content(&doc, w))
    }

    /// Chunk by chunk into `out`; a content that no longer matches its hash is reported as
    /// damage rather than handed over.
    fn copy_content(&self, doc: &DocumentSummary, out: &mut dyn Write) -> Result<u64> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT data FROM document_chunks WHERE document_id = ?1 ORDER BY seq",
        )?;
        let mut rows = stmt.query([doc.id])?;
        let mut hasher = Sha256::new();
        let mut total = 0u64;
        while let Some(row) = rows.next()? {
            let data = row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?;
            hasher.update(data);
            out.write_all(data)?;
            total += data.len() as u64;
        }
        if total != doc.size as u64 || hex::encode(hasher.finalize()) != doc.sha256 {
            return Err(Error::Damaged(vec![format!("document {} content", doc.id)]));
        }
        Ok(total)
    }

    pub fn archive_document(&mut self, id: i64) -> Result<()> {
        self.set_document_archived(id, true)
    }

    pub fn restore_document(&mut self, id: i64) -> Result<()> {
        self.set_document_archived(id, false)
    }

    fn set_document_archived(&mut self, id: i64, archived: bool) -> Result<()> {
        let doc = self.document(id)?;
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "UPDATE documents SET archived = ?2 WHERE id = ?1",
            params![id, archived],
        )?;
        let action = if archived {
            "document.archive"
        } else {
            "document.restore"
        };
        audit_record(
            &tx,
            action,
            "client",
            Some(doc.client_id),
            &format!("document {id}"),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The officer corrects the suggested kind.
    pub fn set_document_kind(&mut self, id: i64, kind: DocumentKind) -> Result<DocumentSummary> {
        let doc = self.document(id)?;
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "UPDATE documents SET kind = ?2 WHERE id = ?1",
            params![id, kind.as_str()],
        )?;
        audit_record(
            &tx,
            "document.kind",
            "client",
            Some(doc.client_id),
            &format!("document {id}"),
        )?;
        tx.commit()?;
        self.document(id)
    }
}
