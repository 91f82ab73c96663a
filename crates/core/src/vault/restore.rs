//! Restoring a backup: always into a new vault file, after checking it. The backup file itself
//! is only read (it may sit on a read-only stick): the check runs on a copy.
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::key::VaultKey;
use super::{connect, read_salt, Vault};
use crate::error::{Error, Result};
use crate::files::{rename_replacing, sync_file};

impl Vault {
    /// Checks a backup (password, every page's HMAC, structure) and copies it to a new vault at
    /// `to`, which must not exist. The restored vault opens with the backup's password.
    pub fn restore(from: &Path, to: &Path, password: &str) -> Result<Vault> {
        if to.exists() {
            return Err(Error::VaultExists(to.display().to_string()));
        }
        let key = VaultKey::derive(password, read_salt(from)?)?;
        if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let staged = staging_path(to);
        let checked =
            stage_checked(from, &staged, &key).and_then(|()| rename_replacing(&staged, to));
        if let Err(e) = checked {
            let _ = std::fs::remove_file(&staged);
            return Err(e);
        }
        // A backup from an older release is migrated here; the backup file keeps the old form.
        let mut vault = Vault::open_with_key(to, key)?;
        vault.audit("vault.restore", "vault", None, "")?;
        Ok(vault)
    }

    /// The unlock screen's restore: the backup becomes the vault at `vault`. An existing vault
    /// there is never overwritten nor deleted: it is renamed to
    /// `<name>-before-restore-<time>.loandesk` beside it, and that path is returned.
    pub fn restore_replacing(
        from: &Path,
        vault: &Path,
        password: &str,
        now: NaiveDateTime,
    ) -> Result<(Vault, Option<PathBuf>)> {
        let incoming = staging_path(vault).with_extension("restored");
        let _ = std::fs::remove_file(&incoming);
        // Fully checked before the current vault is touched: a bad backup changes nothing.
        let restored = Vault::restore(from, &incoming, password)?;
        let key = restored.key.clone();
        drop(restored);
        let set_aside = if vault.exists() {
            let aside = set_aside_path(vault, now);
            for suffix in ["", "-wal", "-shm"] {
                let from = with_suffix(vault, suffix);
                if from.exists() {
                    rename_replacing(&from, &with_suffix(&aside, suffix))?;
                }
            }
            Some(aside)
        } else {
            None
        };
        rename_replacing(&incoming, vault)?;
        Ok((Vault::open_with_key(vault, key)?, set_aside))
    }
}

/// Copies `from` to `staged` and checks the copy: the key opens it and every page is sound.
fn stage_checked(from: &Path, staged: &Path, key: &VaultKey) -> Result<()> {
    let _ = std::fs::remove_file(staged);
    std::fs::copy(from, staged)?;
    let copy = Vault::assemble(connect(staged, key)?, staged, key.clone())?;
    let report = copy.verify()?;
    if !report.integrity_ok {
        return Err(Error::Damaged(report.problems));
    }
    // Closing the only connection folds the WAL back into the file, which is then complete.
    drop(copy);
    sync_file(staged)?;
    Ok(())
}

fn staging_path(to: &Path) -> PathBuf {
    with_suffix(to, ".partial")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn set_aside_path(vault: &Path, now: NaiveDateTime) -> PathBuf {
    let stem = vault
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "vault".into());
    let ext = vault
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_else(|| "loandesk".into());
    vault.with_file_name(format!(
        "{stem}-before-restore-{}.{ext}",
        now.format("%Y%m%d-%H%M%S")
    ))
}
