//! The scheduled backup on real files (settings, due logic, rotation, failure shown), and the
//! unlock screen's restore, which sets the current vault aside instead of overwriting it.
#![allow(clippy::unwrap_used)]
use chrono::{DateTime, Duration, Local, NaiveDate, TimeZone};
use loandesk_core::clients::ClientInput;
use loandesk_core::vault::BackupSettings;
use loandesk_core::{Error, Vault};

const PASSWORD: &str = "schedule pass 2026";

fn local(day: u32, hour: u32) -> DateTime<Local> {
    Local
        .from_local_datetime(
            &NaiveDate::from_ymd_opt(2026, 11, day)
                .unwrap()
                .and_hms_opt(hour, 0, 0)
                .unwrap(),
        )
        .earliest()
        .unwrap()
}

fn files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn daily_backups_beside_the_vault_by_default_keeping_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("vault.loandesk"), PASSWORD).unwrap();
    let s = v.backup_settings().unwrap();
    assert_eq!(s, BackupSettings::default());
    assert!(s.enabled && s.interval_days == 1 && s.keep == 7 && s.folder.is_none());
    let status = v
        .backup_status(local(1, 9).with_timezone(&chrono::Utc))
        .unwrap();
    assert!(status.due && status.last_backup_at.is_none());
    assert_eq!(
        status.folder,
        dir.path().join("backups").display().to_string()
    );

    // First unlock: due. Later the same day: not due. Next day: due again.
    let first = v.run_scheduled_backup(local(1, 9)).unwrap().unwrap();
    assert!(first.starts_with(dir.path().join("backups")));
    assert_eq!(v.run_scheduled_backup(local(1, 18)).unwrap(), None);
    let status = v
        .backup_status(local(1, 18).with_timezone(&chrono::Utc))
        .unwrap();
    assert!(!status.due);
    assert_eq!(
        status.last_backup_at.as_deref(),
        Some(
            local(1, 9)
                .with_timezone(&chrono::Utc)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                .as_str()
        )
    );
    assert_eq!(status.last_backup_file, Some(first.display().to_string()));

    let mut s = s;
    s.keep = 3;
    v.set_backup_settings(&s).unwrap();
    for day in 2..=6 {
        assert!(v.run_scheduled_backup(local(day, 9)).unwrap().is_some());
    }
    let kept = files(&dir.path().join("backups"));
    assert_eq!(kept.len(), 3, "{kept:?}");
    assert!(kept[2].starts_with(&format!("loandesk-{}", local(6, 9).format("%Y%m%d"))));
    // Each kept backup is a whole vault that opens with the vault's password.
    let restored = Vault::restore(
        &dir.path().join("backups").join(&kept[0]),
        &dir.path().join("r.loandesk"),
        PASSWORD,
    )
    .unwrap();
    assert!(restored.verify().unwrap().integrity_ok);
}

#[test]
fn weekly_disabled_and_a_folder_of_the_officers_choice() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("vault.loandesk"), PASSWORD).unwrap();
    let chosen = dir.path().join("usb-stick");
    let weekly = BackupSettings {
        enabled: true,
        folder: Some(chosen.display().to_string()),
        interval_days: 7,
        keep: 4,
    };
    v.set_backup_settings(&weekly).unwrap();
    assert_eq!(v.backup_settings().unwrap(), weekly);
    assert!(v.run_scheduled_backup(local(1, 9)).unwrap().is_some());
    assert_eq!(v.run_scheduled_backup(local(7, 9)).unwrap(), None);
    assert!(v.run_scheduled_backup(local(8, 9)).unwrap().is_some());
    assert_eq!(files(&chosen).len(), 2);

    v.set_backup_settings(&BackupSettings {
        enabled: false,
        ..weekly.clone()
    })
    .unwrap();
    assert_eq!(v.run_scheduled_backup(local(28, 9)).unwrap(), None);

    for bad in [
        BackupSettings {
            keep: 0,
            ..weekly.clone()
        },
        BackupSettings {
            interval_days: 31,
            ..weekly.clone()
        },
        BackupSettings {
            folder: Some("relative/dir".into()),
            ..weekly.clone()
        },
    ] {
        assert!(matches!(
            v.set_backup_settings(&bad),
            Err(Error::Validation { .. })
        ));
    }
}

#[test]
fn an_unreachable_folder_is_reported_and_tried_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("vault.loandesk"), PASSWORD).unwrap();
    // A file where the folder should be: the stick was replaced by something else.
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, b"x").unwrap();
    v.set_backup_settings(&BackupSettings {
        folder: Some(blocked.display().to_string()),
        ..BackupSettings::default()
    })
    .unwrap();
    assert!(matches!(
        v.run_scheduled_backup(local(1, 9)),
        Err(Error::Io(_))
    ));
    let status = v
        .backup_status(local(1, 10).with_timezone(&chrono::Utc))
        .unwrap();
    assert_eq!(status.last_error.as_deref(), Some("io"));
    assert!(status.due, "a failed backup leaves the next one due");
}

#[test]
fn restore_sets_the_current_vault_aside_and_never_touches_it_on_a_bad_backup() {
    let dir = tempfile::tempdir().unwrap();
    let main = dir.path().join("vault.loandesk");
    let mut v = Vault::create(&main, PASSWORD).unwrap();
    v.create_client(
        &ClientInput::named("杭州云帆科技有限公司"),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    )
    .unwrap();
    let backup = dir.path().join("friday.ldbackup");
    v.backup_to(&backup, Some("backup own pass")).unwrap();
    // Work done after the backup: lives on in the set-aside vault.
    v.create_client(
        &ClientInput::named("合肥安泰医药有限公司"),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    )
    .unwrap();
    drop(v);
    let before = std::fs::read(&main).unwrap();

    let now = NaiveDate::from_ymd_opt(2026, 11, 27)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    // A wrong password, or a damaged backup: the current vault is left exactly as it was.
    assert!(matches!(
        Vault::restore_replacing(&backup, &main, PASSWORD, now),
        Err(Error::WrongPassword)
    ));
    let mut damaged = std::fs::read(&backup).unwrap();
    let at = damaged.len() - 100;
    damaged[at] ^= 0x40;
    let damaged_path = dir.path().join("damaged.ldbackup");
    std::fs::write(&damaged_path, &damaged).unwrap();
    match Vault::restore_replacing(&damaged_path, &main, "backup own pass", now) {
        Err(Error::Damaged(_)) => {}
        other => panic!("expected Damaged, got {:?}", other.err()),
    }
    assert_eq!(std::fs::read(&main).unwrap(), before);
    assert_eq!(
        files(dir.path()),
        [
            "damaged.ldbackup",
            "friday.ldbackup",
            "vault.loandesk",
            "vault.loandesk.attempts"
        ]
        .iter()
        .filter(|n| dir.path().join(n).exists())
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
    );

    let (restored, aside) =
        Vault::restore_replacing(&backup, &main, "backup own pass", now).unwrap();
    assert_eq!(restored.verify().unwrap().clients, 1);
    assert_eq!(restored.path(), main.as_path());
    drop(restored);
    let aside = aside.unwrap();
    assert_eq!(
        aside.file_name().unwrap(),
        "vault-before-restore-20261127-100000.loandesk"
    );
    // The restored vault opens with the backup's password; the old one with its own, complete.
    Vault::open(&main, "backup own pass").unwrap();
    assert_eq!(
        Vault::open(&aside, PASSWORD)
            .unwrap()
            .verify()
            .unwrap()
            .clients,
        2
    );
    // The backup file itself was only read.
    assert!(Vault::restore(
        &backup,
        &dir.path().join("again.loandesk"),
        "backup own pass"
    )
    .is_ok());
}

#[test]
fn restore_with_no_current_vault_just_creates_it() {
    let dir = tempfile::tempdir().unwrap();
    let other = Vault::create(&dir.path().join("laptop-old.loandesk"), PASSWORD).unwrap();
    let backup = dir.path().join("b.ldbackup");
    other.backup_to(&backup, None).unwrap();
    let main = dir.path().join("new").join("vault.loandesk");
    let now = Local::now().naive_local() + Duration::zero();
    let (v, aside) = Vault::restore_replacing(&backup, &main, PASSWORD, now).unwrap();
    assert!(aside.is_none());
    assert!(v.verify().unwrap().integrity_ok);
}
