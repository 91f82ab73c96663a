//! The quick integrity check run at every open. SQLCipher refuses a page whose HMAC does not
//! match, and `PRAGMA quick_check` walks every b-tree page of the schema and data (without the
//! slower index-to-table cross checks of `integrity_check`), so a tampered or torn page is found
//! at the door and reported as `damaged` instead of surfacing later as a confusing read error.
//! The full check (`cipher_integrity_check` + `integrity_check`) is `Vault::verify`.
use rusqlite::{Connection, ErrorCode};

use crate::error::{Error, Result};

/// Whether an open runs the quick check (`verify` skips it to report damage page by page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuickCheck {
    Run,
    Skip,
}

/// At most this many problems are listed: enough to show the damage, bounded for a wreck.
const MAX_PROBLEMS: u32 = 20;

pub fn quick_check(conn: &Connection) -> Result<()> {
    let run = || -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare(&format!("PRAGMA quick_check({MAX_PROBLEMS})"))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect()
    };
    match run() {
        Ok(lines) if lines.iter().all(|l| l == "ok") => Ok(()),
        Ok(lines) => Err(Error::Damaged(lines)),
        // A page that fails its HMAC stops the walk with an error rather than a row.
        Err(e) if is_damage(&e) => Err(Error::Damaged(vec![e.to_string()])),
        Err(e) => Err(e.into()),
    }
}

/// A database error that means damage becomes `Damaged`; anything else is kept as it is.
pub fn as_damage(e: Error) -> Error {
    match e {
        Error::Database(ref d) if is_damage(d) => Error::Damaged(vec![d.to_string()]),
        other => other,
    }
}

/// Errors that mean the file's bytes are wrong (not that it is busy or the disk is full).
pub fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}
