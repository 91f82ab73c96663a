//! A vault written by an older release is copied to the backups folder before its schema is
//! upgraded: if a migration ever went wrong, the officer's data as it was is still there.
use std::path::Path;

use chrono::{DateTime, Local};
use rusqlite::Connection;

use super::paths::default_backup_dir;
use super::BACKUP_EXTENSION;
use crate::error::Result;
use crate::files::{rename_replacing, sync_file};

/// Copies the (checkpointed) vault file as it is: same key, same schema, a valid backup that
/// `restore` takes like any other. Named apart from the scheduled backups so their rotation
/// never deletes it.
pub fn backup_before_upgrade(
    conn: &Connection,
    vault: &Path,
    found_version: i64,
    now: DateTime<Local>,
) -> Result<()> {
    // Everything committed moves from the WAL into the main file, so the file alone is complete.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let dir = default_backup_dir(vault);
    std::fs::create_dir_all(&dir)?;
    let stem = vault
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "vault".into());
    let out = dir.join(format!(
        "{stem}-before-upgrade-v{found_version}-{}.{BACKUP_EXTENSION}",
        now.format("%Y%m%d-%H%M%S")
    ));
    let tmp = out.with_extension("partial");
    let copied = std::fs::copy(vault, &tmp)
        .map_err(crate::error::Error::from)
        .and_then(|_| sync_file(&tmp))
        .and_then(|()| rename_replacing(&tmp, &out));
    if copied.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    copied
}
