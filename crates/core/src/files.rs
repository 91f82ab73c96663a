//! Writing the files an officer keeps outside the vault (exported PDFs, spreadsheets, backups).
//!
//! Two platform facts shape this (ARCHITECTURE.md, platform rules):
//! - Windows flushes a file only through a handle opened for writing (`FlushFileBuffers` needs
//!   `GENERIC_WRITE`): `File::open(p)?.sync_all()` fails there with "Access denied".
//! - Windows refuses to replace or rename a file another program holds open without
//!   `FILE_SHARE_DELETE` (Excel, most PDF viewers, an antivirus scanning it). Such a hold is
//!   usually brief or ends when the officer closes the viewer: retry a little, then say so.
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::{Error, Result};

/// Waits between rename attempts, about 1 s in all: long enough for an antivirus scan of a
/// fresh file, short enough that an officer who left the file open in Excel hears it at once.
const RETRY_DELAYS: [Duration; 5] = [
    Duration::from_millis(100),
    Duration::from_millis(150),
    Duration::from_millis(200),
    Duration::from_millis(250),
    Duration::from_millis(300),
];

/// Writes `bytes` to `dest`, replacing what is there: a temporary file in the same folder is
/// written and flushed, then renamed over `dest`, so a reader sees the old content or the new,
/// never half a file, and a failure leaves `dest` as it was. Overwriting is the caller's
/// decision (the save dialog asked). A target held open by another program is retried briefly,
/// then fails with [`Error::FileInUse`] (`file_in_use`).
pub fn write_atomic(dest: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(dest, |out| Ok(out.write_all(bytes)?))
}

/// As [`write_atomic`], for content too large to hold in memory (a document's copy): `fill`
/// writes it; if it fails, `dest` is left as it was.
pub fn write_atomic_with<T>(
    dest: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    let tmp = temp_beside(dest)?;
    let written = (|| -> Result<T> {
        // create_new: never writes through a file (or link) that is already there.
        let file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        let mut out = std::io::BufWriter::new(file);
        let value = fill(&mut out)?;
        let file = out.into_inner().map_err(|e| Error::Io(e.into_error()))?;
        file.sync_all()?;
        drop(file);
        rename_replacing(&tmp, dest)?;
        Ok(value)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    let value = written?;
    sync_parent(dest);
    Ok(value)
}

/// Flushes a file this process wrote to the drive, through a handle opened for writing (a
/// read-only handle cannot be flushed on Windows). Opening for write does not truncate.
pub fn sync_file(path: &Path) -> Result<()> {
    OpenOptions::new().write(true).open(path)?.sync_all()?;
    Ok(())
}

/// `std::fs::rename` that waits briefly for another program to let go of either file, then
/// fails with [`Error::FileInUse`] naming the file that is held.
pub fn rename_replacing(from: &Path, to: &Path) -> Result<()> {
    let mut delays = RETRY_DELAYS.iter();
    loop {
        match std::fs::rename(from, to) {
            Ok(()) => return Ok(()),
            Err(e) if held_open(&e, to) => match delays.next() {
                Some(delay) => std::thread::sleep(*delay),
                None => {
                    let held = if to.exists() { to } else { from };
                    return Err(Error::FileInUse(held.display().to_string()));
                }
            },
            Err(e) => return Err(e.into()),
        }
    }
}

/// `.<name>.<random>.tmp` beside `dest`: the same folder, so the rename stays on one volume
/// and is atomic; random, so two exports to one folder never share a temporary file.
fn temp_beside(dest: &Path) -> Result<PathBuf> {
    let name = dest.file_name().ok_or_else(|| {
        Error::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the destination has no file name",
        ))
    })?;
    let mut random = [0u8; 8];
    getrandom::fill(&mut random).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    let mut tmp = std::ffi::OsString::from(".");
    tmp.push(name);
    tmp.push(format!(".{}.tmp", hex::encode(random)));
    Ok(dest.with_file_name(tmp))
}

/// Whether a failed rename means another program holds one of the files open.
#[cfg(windows)]
fn held_open(e: &std::io::Error, to: &Path) -> bool {
    const ERROR_ACCESS_DENIED: i32 = 5;
    const ERROR_SHARING_VIOLATION: i32 = 32;
    const ERROR_LOCK_VIOLATION: i32 = 33;
    match e.raw_os_error() {
        Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION) => true,
        // Replacing a file that is open without FILE_SHARE_DELETE is reported as access
        // denied, as are a read-only target and a folder, which waiting will not change.
        Some(ERROR_ACCESS_DENIED) => match std::fs::metadata(to) {
            Ok(m) => m.is_file() && !m.permissions().readonly(),
            Err(_) => true,
        },
        _ => false,
    }
}

/// Unix renames over open files freely (readers keep the old inode): nothing to wait for.
#[cfg(not(windows))]
fn held_open(_: &std::io::Error, _: &Path) -> bool {
    false
}

/// On Unix a rename is durable only once its folder is flushed. Best effort: the file is
/// already complete and in place, and some file systems refuse to flush a folder.
#[cfg(unix)]
fn sync_parent(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
}

/// Windows and NTFS make the rename durable with the file's own metadata.
#[cfg(not(unix))]
fn sync_parent(_: &Path) {}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn writes_a_new_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("还款计划表.pdf");
        write_atomic(&dest, b"%PDF-1.7 new").unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), b"%PDF-1.7 new");
        assert!(leftovers(dir.path()).is_empty());
    }

    /// The new content arrives as a new file renamed into place: a reader that opened the old
    /// file before still reads all of the old content, not a truncated or mixed one.
    #[test]
    fn replaces_the_content_as_a_whole() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("portfolio.csv");
        let old = "old,".repeat(10_000);
        std::fs::write(&dest, &old).unwrap();
        let mut reader = std::fs::File::open(&dest).unwrap();
        if cfg!(windows) {
            // Windows refuses to replace a file another handle holds open (std opens without
            // FILE_SHARE_DELETE): the officer is told it is in use, and the old file is whole.
            assert!(matches!(
                write_atomic(&dest, b"new"),
                Err(Error::FileInUse(_))
            ));
            assert_eq!(std::fs::read_to_string(&dest).unwrap(), old);
            assert!(leftovers(dir.path()).is_empty());
            return;
        }
        write_atomic(&dest, b"new").unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), b"new");
        let mut seen = String::new();
        std::io::Read::read_to_string(&mut reader, &mut seen).unwrap();
        assert_eq!(seen, old);
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_failed_write_leaves_the_target_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the file should go: the rename fails on every OS.
        let dest = dir.path().join("taken");
        std::fs::create_dir(&dest).unwrap();
        std::fs::write(dest.join("inside"), b"kept").unwrap();
        let err = write_atomic(&dest, b"new").unwrap_err();
        assert_eq!(err.code(), "io");
        assert_eq!(std::fs::read(dest.join("inside")).unwrap(), b"kept");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn sync_file_flushes_a_file_without_changing_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("backup.ldbackup");
        std::fs::write(&path, b"sealed").unwrap();
        sync_file(&path).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"sealed");
    }

    /// As Excel or a PDF viewer holds a file: open, sharing nothing.
    #[cfg(windows)]
    fn hold_exclusively(path: &Path) -> std::fs::File {
        use std::os::windows::fs::OpenOptionsExt;
        OpenOptions::new()
            .read(true)
            .share_mode(0)
            .open(path)
            .unwrap()
    }

    #[cfg(windows)]
    #[test]
    fn a_target_open_in_another_program_is_file_in_use() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("schedule.pdf");
        std::fs::write(&dest, b"old").unwrap();
        let held = hold_exclusively(&dest);
        let err = write_atomic(&dest, b"new").unwrap_err();
        assert_eq!(err.code(), "file_in_use");
        assert!(leftovers(dir.path()).is_empty());
        drop(held);
        assert_eq!(std::fs::read(&dest).unwrap(), b"old");
        // Once the other program lets go, the same write goes through.
        write_atomic(&dest, b"new").unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), b"new");
    }

    /// A short hold (an antivirus scan) is waited out, not reported.
    #[cfg(windows)]
    #[test]
    fn a_brief_hold_is_waited_out() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("reminders.txt");
        std::fs::write(&dest, b"old").unwrap();
        let held = hold_exclusively(&dest);
        // Released well inside the ~1 s of retries.
        let releaser = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            drop(held);
        });
        write_atomic(&dest, b"new").unwrap();
        releaser.join().unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), b"new");
    }
}
