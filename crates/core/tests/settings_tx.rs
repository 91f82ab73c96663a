//! One user action, one transaction: a settings save that fails half-way leaves every setting
//! and the audit trail as they were (issue 11 item 6). The failure is a trigger on a real vault
//! that refuses the last key written, so the earlier keys of the same save were already sent.
#![allow(clippy::unwrap_used)]
use std::path::PathBuf;

use loandesk_core::vault::BackupSettings;
use loandesk_core::Vault;

fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::create(&dir.path().join("v.loandesk"), "settings tx pass").unwrap();
    (dir, v)
}

fn audit_rows(v: &Vault) -> i64 {
    v.conn()
        .query_row("SELECT COUNT(*) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

/// Refuses any write of `key` (insert or the upsert's update).
fn refuse_key(v: &Vault, key: &str) {
    for event in ["INSERT", "UPDATE"] {
        v.conn()
            .execute_batch(&format!(
                "CREATE TRIGGER refuse_{event} BEFORE {event} ON settings WHEN NEW.key = '{key}'
                 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"
            ))
            .unwrap();
    }
}

#[test]
fn a_backup_settings_save_failing_on_its_last_key_changes_nothing() {
    let (dir, mut v) = vault();
    let before = v.backup_settings().unwrap();
    let audits = audit_rows(&v);
    refuse_key(&v, "backup.keep");
    let wanted = BackupSettings {
        enabled: false,
        folder: Some(dir.path().join("elsewhere").display().to_string()),
        interval_days: 3,
        keep: 9,
    };
    assert!(v.set_backup_settings(&wanted).is_err());
    assert_eq!(v.backup_settings().unwrap(), before);
    assert_eq!(audit_rows(&v), audits);
}

#[test]
fn a_backup_settings_save_is_one_audit_row() {
    let (_dir, mut v) = vault();
    let audits = audit_rows(&v);
    let wanted = BackupSettings {
        interval_days: 2,
        ..BackupSettings::default()
    };
    v.set_backup_settings(&wanted).unwrap();
    assert_eq!(v.backup_settings().unwrap(), wanted);
    assert_eq!(audit_rows(&v), audits + 1);
}

#[test]
fn recording_a_backup_failing_half_way_keeps_the_previous_record() {
    let (dir, mut v) = vault();
    let now = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 27, 9, 0, 0).unwrap();
    let first: loandesk_core::Result<PathBuf> = Ok(dir.path().join("first.ldbackup"));
    v.record_backup(now, &first).unwrap();
    let before = v.backup_status(now).unwrap();
    let audits = audit_rows(&v);
    refuse_key(&v, "backup.last_error");
    let later = now + chrono::Duration::days(2);
    let second: loandesk_core::Result<PathBuf> = Ok(dir.path().join("second.ldbackup"));
    assert!(v.record_backup(later, &second).is_err());
    let after = v.backup_status(now).unwrap();
    assert_eq!(after.last_backup_at, before.last_backup_at);
    assert_eq!(after.last_backup_file, before.last_backup_file);
    assert_eq!(audit_rows(&v), audits);
}
