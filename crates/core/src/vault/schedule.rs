//! The scheduled backup: whether one is due (a pure function of the last backup, the interval
//! and the time), and its settings, kept inside the vault like every other setting.
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Local, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::backup::BackupSource;
use super::paths::default_backup_dir;
use super::Vault;
use crate::error::{Error, Result};
use crate::rule::Rule;

pub const DEFAULT_INTERVAL_DAYS: u32 = 1;
pub const DEFAULT_KEEP: u32 = 7;
const MAX_INTERVAL_DAYS: u32 = 30;
const MAX_KEEP: u32 = 100;

const ENABLED: &str = "backup.enabled";
const FOLDER: &str = "backup.folder";
const INTERVAL: &str = "backup.interval_days";
const KEEP: &str = "backup.keep";
const LAST_AT: &str = "backup.last_at";
const LAST_FILE: &str = "backup.last_file";
const LAST_ERROR: &str = "backup.last_error";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupSettings {
    pub enabled: bool,
    /// None: the `backups` folder beside the vault.
    pub folder: Option<String>,
    pub interval_days: u32,
    pub keep: u32,
}

impl Default for BackupSettings {
    fn default() -> Self {
        BackupSettings {
            enabled: true,
            folder: None,
            interval_days: DEFAULT_INTERVAL_DAYS,
            keep: DEFAULT_KEEP,
        }
    }
}

/// What Settings shows about the scheduled backup.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BackupStatus {
    pub settings: BackupSettings,
    /// The folder in use (the chosen one, or the default).
    pub folder: String,
    /// RFC 3339 UTC.
    pub last_backup_at: Option<String>,
    pub last_backup_file: Option<String>,
    /// The error code of the last scheduled run if it failed (e.g. `io`: folder unreachable).
    pub last_error: Option<String>,
    pub due: bool,
}

/// A scheduled backup that is due: run it without holding the vault, then `record_backup`.
pub struct ScheduledBackup {
    pub source: BackupSource,
    pub folder: PathBuf,
    pub keep: usize,
}

/// Is a scheduled backup due at `now`? Yes when enabled and the last one is missing, at least
/// `interval_days` old, or in the future (a clock that was set back must not stop backups).
pub fn backup_due(
    enabled: bool,
    last: Option<DateTime<Utc>>,
    interval_days: u32,
    now: DateTime<Utc>,
) -> bool {
    if !enabled {
        return false;
    }
    match last {
        None => true,
        Some(last) if last > now => true,
        Some(last) => now - last >= Duration::days(i64::from(interval_days.max(1))),
    }
}

fn range(field: &str, value: u32, max: u32) -> Result<()> {
    if (1..=max).contains(&value) {
        return Ok(());
    }
    Err(Error::invalid(
        field,
        Rule::Range {
            min: "1".into(),
            max: max.to_string(),
        },
    ))
}

impl Vault {
    pub fn backup_settings(&self) -> Result<BackupSettings> {
        let d = BackupSettings::default();
        let num = |key: &str, default: u32| -> Result<u32> {
            Ok(self
                .setting(key)?
                .and_then(|v| v.parse().ok())
                .unwrap_or(default))
        };
        Ok(BackupSettings {
            enabled: self.setting(ENABLED)?.map_or(d.enabled, |v| v == "1"),
            folder: self.setting(FOLDER)?.filter(|f| !f.is_empty()),
            interval_days: num(INTERVAL, d.interval_days)?,
            keep: num(KEEP, d.keep)?,
        })
    }

    pub fn set_backup_settings(&mut self, s: &BackupSettings) -> Result<()> {
        range("interval_days", s.interval_days, MAX_INTERVAL_DAYS)?;
        range("keep", s.keep, MAX_KEEP)?;
        if let Some(folder) = &s.folder {
            if !Path::new(folder).is_absolute() {
                return Err(Error::invalid("folder", Rule::NotAllowed));
            }
        }
        let (interval, keep) = (s.interval_days.to_string(), s.keep.to_string());
        let pairs = [
            (ENABLED, if s.enabled { "1" } else { "0" }),
            (FOLDER, s.folder.as_deref().unwrap_or("")),
            (INTERVAL, interval.as_str()),
            (KEEP, keep.as_str()),
        ];
        let keys = [ENABLED, FOLDER, INTERVAL, KEEP].join(",");
        self.write_settings(&pairs, ("settings.set", "settings", &keys))
    }

    fn backup_folder(&self, s: &BackupSettings) -> PathBuf {
        s.folder
            .as_ref()
            .map(PathBuf::from)
            .unwrap_or_else(|| default_backup_dir(&self.path))
    }

    fn last_backup_at(&self) -> Result<Option<DateTime<Utc>>> {
        Ok(self
            .setting(LAST_AT)?
            .and_then(|v| DateTime::parse_from_rfc3339(&v).ok())
            .map(|t| t.with_timezone(&Utc)))
    }

    pub fn backup_status(&self, now: DateTime<Utc>) -> Result<BackupStatus> {
        let settings = self.backup_settings()?;
        let last = self.last_backup_at()?;
        Ok(BackupStatus {
            folder: self.backup_folder(&settings).display().to_string(),
            last_backup_at: self.setting(LAST_AT)?,
            last_backup_file: self.setting(LAST_FILE)?.filter(|f| !f.is_empty()),
            last_error: self.setting(LAST_ERROR)?.filter(|e| !e.is_empty()),
            due: backup_due(settings.enabled, last, settings.interval_days, now),
            settings,
        })
    }

    /// The scheduled backup to run now, if one is due.
    pub fn scheduled_backup(&self, now: DateTime<Utc>) -> Result<Option<ScheduledBackup>> {
        let s = self.backup_settings()?;
        if !backup_due(s.enabled, self.last_backup_at()?, s.interval_days, now) {
            return Ok(None);
        }
        Ok(Some(ScheduledBackup {
            source: self.backup_source(),
            folder: self.backup_folder(&s),
            keep: s.keep as usize,
        }))
    }

    /// Remembers how a backup went: a success moves the schedule on, a failure is shown in
    /// Settings and the next check tries again.
    pub fn record_backup(&mut self, at: DateTime<Utc>, outcome: &Result<PathBuf>) -> Result<()> {
        match outcome {
            Ok(file) => {
                let at = at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
                let file = file.display().to_string();
                let pairs = [(LAST_AT, at.as_str()), (LAST_FILE, &file), (LAST_ERROR, "")];
                self.write_settings(&pairs, ("vault.backup", "vault", ""))
            }
            Err(e) => self.set_setting(LAST_ERROR, e.code()),
        }
    }

    /// Checks the schedule and, when due, writes the backup and records it (all in one, for the
    /// CLI and tests; the app runs the write without holding the vault).
    pub fn run_scheduled_backup(&mut self, now: DateTime<Local>) -> Result<Option<PathBuf>> {
        let utc = now.with_timezone(&Utc);
        let Some(job) = self.scheduled_backup(utc)? else {
            return Ok(None);
        };
        let outcome = job.run(now);
        self.record_backup(utc, &outcome)?;
        outcome.map(Some)
    }
}

impl ScheduledBackup {
    pub fn run(&self, now: DateTime<Local>) -> Result<PathBuf> {
        self.source
            .write_rotating(&self.folder, self.keep, now.naive_local())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn due_when_never_backed_up_or_the_interval_has_passed() {
        assert!(backup_due(true, None, 1, at(27, 9)));
        assert!(!backup_due(true, Some(at(27, 9)), 1, at(27, 20)));
        assert!(backup_due(true, Some(at(26, 9)), 1, at(27, 9)));
        assert!(!backup_due(true, Some(at(26, 9)), 7, at(27, 9)));
        assert!(backup_due(true, Some(at(20, 9)), 7, at(27, 9)));
    }

    #[test]
    fn never_due_when_disabled_and_due_after_the_clock_went_back() {
        assert!(!backup_due(false, None, 1, at(27, 9)));
        assert!(backup_due(true, Some(at(28, 9)), 1, at(27, 9)));
        // An interval of 0 from a hand-edited setting counts as one day.
        assert!(!backup_due(true, Some(at(27, 9)), 0, at(27, 10)));
    }
}
