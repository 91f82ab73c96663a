//! The quick integrity check run at every open. SQLCipher refuses a page whose HMAC does not
//! match, and `PRAGMA quick_check(table)` walks every b-tree page of a table and its indexes
//! (without the slower index-to-table cross checks of `integrity_check`), so a tampered or torn
//! page is found at the door and reported as `damaged` instead of surfacing later as a
//! confusing read error. The full check (`cipher_integrity_check` + `integrity_check`) is
//! `Vault::verify`.
//!
//! Document content (`document_chunks`) is left out: it is nearly all of a large vault's bytes
//! (scans of tens of MiB), so checking it would make every unlock pay for every page of every
//! scan (measured: 4.6 s on a 500 MiB vault, `tests/quick_check_cost.rs`). Its pages are still
//! HMAC-checked whenever a document is read, and by `verify`.
use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::key::VaultKey;
use crate::error::{Error, Result};

/// Whether an open runs the quick check (`verify` skips it to report damage page by page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuickCheck {
    Run,
    Skip,
}

/// Document content: see the module comment.
const UNCHECKED_TABLE: &str = "document_chunks";

/// At most this many problems are listed: enough to show the damage, bounded for a wreck.
const MAX_PROBLEMS: u32 = 20;

/// Fails with `Damaged` listing what it found; an error from the walk itself is passed on for
/// [`diagnose`] to tell apart.
pub fn quick_check(conn: &Connection) -> Result<()> {
    let run = || -> rusqlite::Result<Vec<String>> {
        // Ordinary tables only: a virtual table's data lives in its shadow tables, listed too.
        let mut tables = conn.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> ?1
               AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rootpage",
        )?;
        let names = tables
            .query_map([UNCHECKED_TABLE], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        let mut lines = Vec::new();
        for name in names {
            // The name comes from the schema, quoted as an identifier.
            let sql = format!("PRAGMA quick_check(\"{}\")", name.replace('"', "\"\""));
            let mut stmt = conn.prepare(&sql)?;
            for line in stmt.query_map([], |r| r.get::<_, String>(0))? {
                let line = line?;
                if line != "ok" && lines.len() < MAX_PROBLEMS as usize {
                    lines.push(line);
                }
            }
        }
        Ok(lines)
    };
    match run() {
        Ok(lines) if lines.is_empty() => Ok(()),
        Ok(lines) => Err(Error::Damaged(lines)),
        Err(e) => Err(e.into()),
    }
}

/// A database error met while opening, once the key is known to be right: is the file damaged?
/// After a page fails its HMAC, SQLCipher fails that read and every later one on the connection
/// with a generic error ("SQL logic error"), so the error alone cannot tell. A fresh connection
/// runs `cipher_integrity_check` (each page's HMAC, no b-tree walk); any finding makes the
/// error `Damaged` with the damaged pages, otherwise the original error stands.
pub fn diagnose(path: &Path, key: &VaultKey, e: Error) -> Error {
    let Error::Database(ref db) = e else {
        return e;
    };
    if is_damage(db) {
        return Error::Damaged(vec![db.to_string()]);
    }
    let findings = || -> rusqlite::Result<Vec<String>> {
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        conn.pragma_update(None, "cipher_log_level", "NONE")?;
        conn.pragma_update(None, "key", &*key.pragma_value())?;
        let mut stmt = conn.prepare("PRAGMA cipher_integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.take(MAX_PROBLEMS as usize).collect()
    };
    match findings() {
        Ok(found) if !found.is_empty() => Error::Damaged(found),
        _ => e,
    }
}

/// Errors that mean the file's bytes are wrong (not that it is busy or the disk is full).
pub fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}
