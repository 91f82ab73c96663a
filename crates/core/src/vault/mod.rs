//! The vault: one SQLCipher file holding everything the officer keeps.
//!
//! Every connection setting lives in `configure`, applied once at open. A wrong password is
//! detected on the first read and nothing is written before that read succeeds.
mod attempts;
mod audit;
mod backup;
mod check;
mod key;
mod migrations;
mod paths;
mod relocate;
mod restore;
mod schedule;
mod upgrade;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

pub use backup::BACKUP_EXTENSION;
pub use check::is_damage;
pub use key::{
    check_new_password, password_strength, VaultKey, KDF_ITERATIONS, KDF_LANES, KDF_MEMORY_KIB,
};
pub use migrations::latest_version as schema_version;
pub use paths::{
    app_data_dir, default_backup_dir, default_demo_path, default_vault_path, legacy_app_data_dir,
    APP_IDENTIFIER, DEMO_PASSWORD,
};
pub use relocate::{relocate_data_dir, Relocation, MOVED_MARKER};
pub use schedule::{backup_due, BackupSettings, BackupStatus};

use crate::clock::{self, Clock};
use crate::error::{Error, Result};
use crate::rule::Rule;
use check::QuickCheck;

pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;
const AUTO_LOCK_KEY: &str = "auto_lock_minutes";

pub struct Vault {
    conn: Connection,
    path: PathBuf,
    key: VaultKey,
    clock: Clock,
}

/// Counts printed by `loandesk vault verify` and shown in Settings.
#[derive(Debug, Clone, Serialize, TS)]
pub struct VaultReport {
    pub path: String,
    pub schema_version: i64,
    pub integrity_ok: bool,
    pub problems: Vec<String>,
    pub clients: i64,
    pub archived_clients: i64,
    pub contacts: i64,
    pub touchpoints: i64,
    pub audit_entries: i64,
}

impl Vault {
    /// Create a new, empty vault. Refuses to overwrite an existing file.
    pub fn create(path: &Path, password: &str) -> Result<Vault> {
        Self::create_at(path, password, Clock::system())
    }

    /// Create with `clock` as the vault's clock (see `open_at`).
    pub fn create_at(path: &Path, password: &str, clock: Clock) -> Result<Vault> {
        Self::create_with_schema(path, password, None, clock)
    }

    /// A vault as an older release made it: only the first `version` migrations applied. For
    /// upgrade tests, which must start from the schema a previous release left on disk.
    #[doc(hidden)]
    pub fn create_at_schema_version(path: &Path, password: &str, version: i64) -> Result<Vault> {
        Self::create_with_schema(path, password, Some(version), Clock::system())
    }

    fn create_with_schema(
        path: &Path,
        password: &str,
        schema: Option<i64>,
        clock: Clock,
    ) -> Result<Vault> {
        check_new_password(password)?;
        if path.exists() {
            return Err(Error::VaultExists(path.display().to_string()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let key = VaultKey::derive(password, VaultKey::random_salt()?)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
        let made = Connection::open_with_flags(path, flags)
            .map_err(Error::from)
            .and_then(|mut conn| {
                configure(&mut conn, Some(&key))?;
                match schema {
                    Some(version) => migrations::migrate_to(&mut conn, version)?,
                    None => migrations::migrate(&mut conn)?,
                }
                Ok(conn)
            });
        let conn = made.inspect_err(|_| {
            let _ = std::fs::remove_file(path);
        })?;
        let mut vault = Vault::assemble(conn, path, key)?;
        vault.set_clock(clock)?;
        vault.audit("vault.create", "vault", None, "")?;
        Ok(vault)
    }

    /// Open an existing vault. A wrong password leaves the vault file byte-identical; after
    /// a few wrong passwords each new try must wait longer (see `attempts`). A quick integrity
    /// check runs before anything is read (a damaged vault fails with `damaged`), and a vault
    /// from an older release is backed up before its schema is upgraded.
    pub fn open(path: &Path, password: &str) -> Result<Vault> {
        Self::open_at(path, password, Clock::system())
    }

    /// Open with `clock` as the vault's clock: it times the wrong-password delay and stamps
    /// what this session writes.
    pub fn open_at(path: &Path, password: &str, clock: Clock) -> Result<Vault> {
        Self::open_guarded(path, password, clock, QuickCheck::Run)
    }

    /// Open without the quick check: for `verify`, which must reach a damaged vault to report
    /// its damaged pages one by one instead of refusing it at the door.
    pub fn open_for_verify(path: &Path, password: &str) -> Result<Vault> {
        Self::open_guarded(path, password, Clock::system(), QuickCheck::Skip)
    }

    fn open_guarded(path: &Path, password: &str, clock: Clock, quick: QuickCheck) -> Result<Vault> {
        let now = clock.now();
        let salt = read_salt(path)?;
        attempts::check(path, now)?;
        let key = VaultKey::derive(password, salt)?;
        let mut conn = match connect(path, &key) {
            Err(Error::WrongPassword) => {
                attempts::record_failure(path, now)?;
                return Err(Error::WrongPassword);
            }
            other => other?,
        };
        attempts::clear(path);
        if quick == QuickCheck::Run {
            check::quick_check(&conn).map_err(|e| check::diagnose(path, &key, e))?;
        }
        if let Some(found) = migrations::pending(&conn)? {
            upgrade::backup_before_upgrade(&conn, path, found, now.with_timezone(&chrono::Local))?;
        }
        migrations::migrate(&mut conn)?;
        let mut vault = Vault::assemble(conn, path, key)?;
        vault.set_clock(clock)?;
        Ok(vault)
    }

    /// A second connection to a vault that is already open (and so already checked).
    pub(crate) fn open_with_key(path: &Path, key: VaultKey) -> Result<Vault> {
        let mut conn = connect(path, &key)?;
        migrations::migrate(&mut conn)?;
        Vault::assemble(conn, path, key)
    }

    /// The system clock until the caller sets another (`set_clock`).
    fn assemble(conn: Connection, path: &Path, key: VaultKey) -> Result<Vault> {
        let clock = Clock::system();
        clock::install(&conn, &clock)?;
        Ok(Vault {
            conn,
            path: path.to_path_buf(),
            key,
            clock,
        })
    }

    /// From now on this vault's records are stamped by `clock`.
    pub fn set_clock(&mut self, clock: Clock) -> Result<()> {
        clock::install(&self.conn, &clock)?;
        self.clock = clock;
        Ok(())
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// The same schema WITHOUT encryption, only so benchmarks can measure what encryption costs.
    #[cfg(feature = "bench-plain")]
    pub fn open_unencrypted_for_benchmark(path: &Path) -> Result<Vault> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
        let mut conn = Connection::open_with_flags(path, flags)?;
        configure(&mut conn, None)?;
        migrations::migrate(&mut conn)?;
        Vault::assemble(conn, path, VaultKey::derive("unused", [0; key::SALT_LEN])?)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Re-encrypt under a new password. The old one must be given again.
    pub fn change_password(&mut self, old: &str, new: &str) -> Result<()> {
        let old_key = VaultKey::derive(old, self.key.salt())?;
        if old_key.pragma_value() != self.key.pragma_value() {
            return Err(Error::WrongPassword);
        }
        check_new_password(new)?;
        let new_key = VaultKey::derive(new, self.key.salt())?;
        self.conn
            .pragma_update(None, "rekey", &*new_key.pragma_value())?;
        self.key = new_key;
        self.audit("vault.change_password", "vault", None, "")?;
        Ok(())
    }

    /// Full integrity check: SQLCipher verifies the HMAC of every page, SQLite the structure.
    pub fn verify(&self) -> Result<VaultReport> {
        // A damaged page makes the checks themselves fail part-way: that is a finding, not an
        // error of the tool, so it goes into the report.
        let mut problems = Vec::new();
        for pragma in ["PRAGMA cipher_integrity_check", "PRAGMA integrity_check"] {
            if let Err(e) = self.collect_problems(pragma, &mut problems) {
                problems.push(e.to_string());
            }
        }
        let count = |sql: &str| -> i64 { self.conn.query_row(sql, [], |r| r.get(0)).unwrap_or(-1) };
        Ok(VaultReport {
            path: self.path.display().to_string(),
            schema_version: count("PRAGMA user_version"),
            integrity_ok: problems.is_empty(),
            problems,
            clients: count("SELECT count(*) FROM clients WHERE archived = 0"),
            archived_clients: count("SELECT count(*) FROM clients WHERE archived = 1"),
            contacts: count("SELECT count(*) FROM contacts"),
            touchpoints: count("SELECT count(*) FROM touchpoints"),
            audit_entries: count("SELECT count(*) FROM audit_log"),
        })
    }

    fn collect_problems(&self, pragma: &str, problems: &mut Vec<String>) -> rusqlite::Result<()> {
        let mut stmt = self.conn.prepare(pragma)?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let line = row?;
            if line != "ok" {
                problems.push(line);
            }
        }
        Ok(())
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.write_settings(&[(key, value)], ("settings.set", "settings", key))
    }

    /// The settings one user action saves, all or none, with its one audit row
    /// (`(action, entity, detail)`) in the same transaction.
    pub(crate) fn write_settings(
        &mut self,
        pairs: &[(&str, &str)],
        (action, entity, detail): (&str, &str, &str),
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        for (key, value) in pairs {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
        }
        audit::record(&tx, action, entity, None, detail)?;
        tx.commit()?;
        Ok(())
    }

    /// Idle minutes before the app locks itself (default 10, 1..=240).
    pub fn auto_lock_minutes(&self) -> Result<u32> {
        Ok(self
            .setting(AUTO_LOCK_KEY)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES))
    }

    pub fn set_auto_lock_minutes(&mut self, minutes: u32) -> Result<()> {
        if !(1..=240).contains(&minutes) {
            return Err(Error::invalid(
                "auto_lock_minutes",
                Rule::Range {
                    min: "1".into(),
                    max: "240".into(),
                },
            ));
        }
        self.set_setting(AUTO_LOCK_KEY, &minutes.to_string())
    }

    /// Record a change in the audit trail (outside any other transaction).
    pub fn audit(
        &mut self,
        action: &str,
        entity: &str,
        id: Option<i64>,
        detail: &str,
    ) -> Result<()> {
        audit::record(&self.conn, action, entity, id, detail)
    }
}

pub(crate) use audit::record as audit_record;
pub use audit::{recent as recent_audit, AuditEntry};

fn read_salt(path: &Path) -> Result<[u8; key::SALT_LEN]> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::VaultMissing(path.display().to_string()))
        }
        Err(e) => return Err(e.into()),
    };
    let mut salt = [0u8; key::SALT_LEN];
    file.read_exact(&mut salt).map_err(|_| Error::NotAVault)?;
    Ok(salt)
}

/// An existing vault's connection, keyed and configured (not yet migrated).
fn connect(path: &Path, key: &VaultKey) -> Result<Connection> {
    let mut conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    configure(&mut conn, Some(key)).map_err(|e| check::diagnose(path, key, e))?;
    Ok(conn)
}

/// `key` is None only for the unencrypted benchmark baseline. Migrations are the caller's
/// next step: the quick check and the backup before an upgrade come first.
fn configure(conn: &mut Connection, key: Option<&VaultKey>) -> Result<()> {
    // SQLCipher logs "hmac check failed" to stderr on a wrong key unless told not to.
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    // Plain SQLite ignores PRAGMA key and would write plaintext: insist on SQLCipher.
    let cipher: Option<String> = conn
        .query_row("PRAGMA cipher_version", [], |r| r.get(0))
        .ok();
    if cipher.is_none() {
        return Err(Error::NotAVault);
    }
    if let Some(key) = key {
        conn.pragma_update(None, "key", &*key.pragma_value())?;
    }
    // The first real read is where a wrong key shows. Nothing has been written yet.
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => {}
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            return Err(Error::WrongPassword)
        }
        Err(e) => return Err(e.into()),
    }
    // Temp tables and sorts stay in memory: no plaintext spills into temp files.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // WAL + FULL: a commit reported as saved survives a killed process or a power cut.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    // On macOS fsync() leaves the data in the drive's cache, so FULL alone does not survive a
    // power cut; these make SQLite use F_FULLFSYNC for commits and for WAL checkpoints
    // (https://www.sqlite.org/pragma.html#pragma_fullfsync and #pragma_checkpoint_fullfsync).
    // Set on every OS, not only macOS: elsewhere SQLite stores and ignores them ("Only Mac
    // OS-X supports F_FULLFSYNC"), so there is one code path and its test runs everywhere.
    conn.pragma_update(None, "fullfsync", "ON")?;
    conn.pragma_update(None, "checkpoint_fullfsync", "ON")?;
    conn.pragma_update(None, "cache_size", -65536)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The macOS flush settings are on for every connection, the first and any later one.
    #[test]
    fn every_connection_asks_for_full_fsync() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.loandesk");
        let created = Vault::create(&path, "correct horse battery").unwrap();
        let second = Vault::open_with_key(&path, created.key.clone()).unwrap();
        for vault in [&created, &second] {
            for pragma in ["fullfsync", "checkpoint_fullfsync"] {
                let on: i64 = vault
                    .conn
                    .query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0))
                    .unwrap();
                assert_eq!(on, 1, "{pragma}");
            }
        }
    }
}
