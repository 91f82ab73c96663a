//! Slowing down password guessing: after repeated wrong passwords each try must wait longer.
//! The count lives in a small file beside the vault so an app restart does not reset it; it
//! holds no secret (a count and a time).
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Wrong passwords allowed before any delay.
pub const FREE_ATTEMPTS: u32 = 3;
const MAX_DELAY_SECONDS: i64 = 300;

#[derive(Debug, Default, Serialize, Deserialize)]
struct Attempts {
    failures: u32,
    last_failure: Option<DateTime<Utc>>,
}

fn file_for(vault: &Path) -> PathBuf {
    let mut name = vault.as_os_str().to_owned();
    name.push(".attempts");
    PathBuf::from(name)
}

fn load(vault: &Path) -> Attempts {
    std::fs::read(file_for(vault))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// Seconds to wait after `failures` wrong passwords: none for the first few, then doubling.
pub fn delay_seconds(failures: u32) -> i64 {
    if failures < FREE_ATTEMPTS {
        return 0;
    }
    let doublings = (failures - FREE_ATTEMPTS).min(16);
    (1i64 << doublings).min(MAX_DELAY_SECONDS)
}

/// Refuses a try that comes before the delay has passed.
pub fn check(vault: &Path, now: DateTime<Utc>) -> Result<()> {
    let a = load(vault);
    if let Some(last) = a.last_failure {
        let wait = delay_seconds(a.failures) - (now - last).num_seconds();
        if wait > 0 {
            return Err(Error::TryLater {
                seconds: wait as u64,
            });
        }
    }
    Ok(())
}

pub fn record_failure(vault: &Path, now: DateTime<Utc>) -> Result<()> {
    let mut a = load(vault);
    a.failures = a.failures.saturating_add(1);
    a.last_failure = Some(now);
    let bytes = serde_json::to_vec(&a).map_err(|e| Error::Io(e.into()))?;
    std::fs::write(file_for(vault), bytes)?;
    Ok(())
}

pub fn clear(vault: &Path) {
    let _ = std::fs::remove_file(file_for(vault));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delay_doubles_after_the_free_attempts_and_is_capped() {
        let d: Vec<i64> = (0..12).map(delay_seconds).collect();
        assert_eq!(d, [0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256]);
        assert_eq!(delay_seconds(40), MAX_DELAY_SECONDS);
    }
}
