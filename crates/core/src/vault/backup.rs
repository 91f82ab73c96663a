//! Encrypted backups: a complete copy of the vault (documents included, they live inside it) in
//! one SQLCipher file, under the vault's key or a separate backup password.
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::key::VaultKey;
use super::{check_new_password, Vault};
use crate::error::{Error, Result};
use crate::files::{rename_replacing, sync_file};

/// Extension of backup files, so the officer can tell them from a live vault.
pub const BACKUP_EXTENSION: &str = "ldbackup";

/// What a backup needs from an open vault: where it is and its key (wiped on drop). A backup
/// reads through its own connection, so the app can write one without holding the vault and
/// every other command waits for nothing.
pub struct BackupSource {
    path: PathBuf,
    key: VaultKey,
}

impl Vault {
    pub fn backup_source(&self) -> BackupSource {
        BackupSource {
            path: self.path.clone(),
            key: self.key.clone(),
        }
    }

    /// Writes a backup to `out` (refusing to overwrite). With `password`, the backup gets its own
    /// key and salt; without, it opens with the vault's password.
    pub fn backup_to(&self, out: &Path, password: Option<&str>) -> Result<()> {
        self.backup_source().write(out, password)
    }

    /// The scheduled backup: one file per run in `dir`, keeping the newest `keep`.
    pub fn auto_backup(&self, dir: &Path, keep: usize, now: NaiveDateTime) -> Result<PathBuf> {
        self.backup_source().write_rotating(dir, keep, now)
    }
}

impl BackupSource {
    pub fn write(&self, out: &Path, password: Option<&str>) -> Result<()> {
        if out.exists() {
            return Err(Error::VaultExists(out.display().to_string()));
        }
        let key = match password {
            Some(p) => {
                check_new_password(p)?;
                VaultKey::derive(p, VaultKey::random_salt()?)?
            }
            None => self.key.clone(),
        };
        // Written under a temporary name and renamed: a half-written backup never looks complete.
        let tmp = out.with_extension("partial");
        let _ = std::fs::remove_file(&tmp);
        let result = (|| -> Result<()> {
            // The vault connection is opened without SQLITE_OPEN_CREATE (a mistyped path must
            // not make a new vault), so ATTACH needs the (empty) file to exist already.
            std::fs::File::create(&tmp)?;
            // A fresh connection: SQLCipher registers sqlcipher_export as an auto-extension
            // during library initialisation, and a connection opened by another thread while
            // that was still running (seen in parallel tests) lacks the function for good.
            let source = Vault::open_with_key(&self.path, self.key.clone())?;
            let conn = source.conn();
            conn.execute(
                "ATTACH DATABASE ?1 AS backup KEY ?2",
                rusqlite::params![tmp.to_string_lossy(), &*key.pragma_value()],
            )?;
            // sqlcipher_export copies tables, not the schema version; without it the restored
            // vault would try to migrate from scratch.
            let exported = conn
                .query_row("SELECT sqlcipher_export('backup')", [], |_| Ok(()))
                .and_then(|_| {
                    let version: i64 =
                        conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
                    conn.pragma_update(Some("backup"), "user_version", version)
                });
            conn.execute("DETACH DATABASE backup", [])?;
            exported?;
            sync_file(&tmp)?;
            rename_replacing(&tmp, out)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }

    /// One file per run in `dir` named by its time, keeping the newest `keep` of them. Only
    /// files named like ours are ever deleted (not the copies taken before an upgrade).
    pub fn write_rotating(&self, dir: &Path, keep: usize, now: NaiveDateTime) -> Result<PathBuf> {
        std::fs::create_dir_all(dir)?;
        let out = dir.join(format!(
            "loandesk-{}.{BACKUP_EXTENSION}",
            now.format("%Y%m%d-%H%M%S")
        ));
        self.write(&out, None)?;
        let mut backups: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|e| e == BACKUP_EXTENSION)
                    && p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with("loandesk-"))
            })
            .collect();
        // Names sort by time: the timestamp is zero-padded.
        backups.sort();
        let excess = backups.len().saturating_sub(keep.max(1));
        for old in &backups[..excess] {
            std::fs::remove_file(old)?;
        }
        Ok(out)
    }
}
