//! Moving the data folder, once, from where LoanDesk 0.1 kept it (`com.loandesk.app` in the
//! roaming app-data folder) to the current one. The vault may exist nowhere else, so nothing
//! is removed: the files are copied to a staging folder inside the new one, each copy is
//! checked against its original (size and SHA-256), only then renamed into place, and the old
//! folder is marked and renamed but kept. Any failure leaves the new folder without a vault,
//! and the caller keeps using the old one.
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::paths::VAULT_EXTENSION;

/// Written into the old folder once its content is verified in the new one.
pub const MOVED_MARKER: &str = "MOVED-TO-NEW-FOLDER.txt";
const STAGING: &str = ".moving-in";

#[derive(Debug, PartialEq, Eq)]
pub enum Relocation {
    /// No old folder, or it was moved before.
    NothingToMove,
    /// The new folder already holds a vault of the same name (written by this version); the
    /// old folder is left exactly as it is.
    NewInUse,
    /// Copied and verified; the old folder is kept under `kept_at`.
    Moved { files: usize, kept_at: PathBuf },
}

/// `old` and `new` are whole data folders (vaults, backups, prefs). Files already in `new`
/// under the same name are replaced, except vaults: one there means this version already
/// wrote it, and nothing moves. On error the new folder holds no vault from the move and the
/// old one is untouched.
pub fn relocate_data_dir(old: &Path, new: &Path) -> io::Result<Relocation> {
    if !old.is_dir() || old.join(MOVED_MARKER).exists() {
        return Ok(Relocation::NothingToMove);
    }
    let mut files = list_files(old)?;
    if files
        .iter()
        .any(|rel| is_vault(rel) && new.join(rel).exists())
    {
        return Ok(Relocation::NewInUse);
    }
    let staging = new.join(STAGING);
    let copied = copy_and_verify(old, &staging, &files);
    if let Err(e) = copied {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    // Vault files last: a vault in the new folder means everything beside it arrived.
    files.sort_by_key(|rel| is_vault(rel));
    for rel in &files {
        let target = new.join(rel);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::rename(staging.join(rel), &target)?;
    }
    let _ = fs::remove_dir_all(&staging);
    fs::write(
        old.join(MOVED_MARKER),
        format!(
            "LoanDesk copied this folder to {} and verified every file.\n\
             LoanDesk 已将此文件夹复制到上述位置并逐一校验。This copy is kept only as a spare.\n",
            new.display()
        ),
    )?;
    Ok(Relocation::Moved {
        files: files.len(),
        kept_at: keep_aside(old),
    })
}

/// Renames the old folder so it is plainly not in use; if that is refused (a file open in
/// another program), the marker inside already stops a second move.
fn keep_aside(old: &Path) -> PathBuf {
    let mut name = old.file_name().unwrap_or_default().to_os_string();
    name.push(".moved");
    let aside = old.with_file_name(name);
    if !aside.exists() && fs::rename(old, &aside).is_ok() {
        aside
    } else {
        old.to_path_buf()
    }
}

fn is_vault(rel: &Path) -> bool {
    rel.extension().is_some_and(|e| e == VAULT_EXTENSION)
}

/// Regular files under `root`, relative to it. Symlinks are not followed (not ours).
fn list_files(root: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut todo = vec![PathBuf::new()];
    while let Some(rel) = todo.pop() {
        for entry in fs::read_dir(root.join(&rel))? {
            let entry = entry?;
            let kind = entry.file_type()?;
            let child = rel.join(entry.file_name());
            if kind.is_dir() {
                todo.push(child);
            } else if kind.is_file() {
                out.push(child);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn copy_and_verify(from: &Path, to: &Path, files: &[PathBuf]) -> io::Result<()> {
    for rel in files {
        let (src, dst) = (from.join(rel), to.join(rel));
        if let Some(parent) = dst.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(&src, &dst)?;
        // Opened for writing: Windows refuses to flush a read-only handle.
        File::options().write(true).open(&dst)?.sync_all()?;
        let (a, b) = (digest(&src)?, digest(&dst)?);
        if a != b {
            return Err(io::Error::other(format!(
                "copy of {} differs from the original",
                rel.display()
            )));
        }
    }
    Ok(())
}

/// Size and SHA-256, read back from disk.
fn digest(path: &Path) -> io::Result<(u64, [u8; 32])> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok((size, hasher.finalize().into()))
}
