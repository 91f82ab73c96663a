//! Vault safety on real files: backups, restore, tamper detection, password-guessing delay.
#![allow(clippy::unwrap_used)]
use chrono::{Duration, NaiveDate, Utc};
use loandesk_core::clients::ClientQuery;
use loandesk_core::{Clock, Error, Vault};

const PASSWORD: &str = "safety pass 2026";

fn vault_with_clients(dir: &std::path::Path, n: usize) -> Vault {
    let mut v = Vault::create(&dir.join("v.loandesk"), PASSWORD).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    v.create_clients(&loandesk_core::demo::clients(n, 7, today), today)
        .unwrap();
    v
}

fn names(v: &Vault) -> Vec<String> {
    let q = ClientQuery {
        limit: Some(500),
        ..Default::default()
    };
    v.list_clients(&q)
        .unwrap()
        .items
        .into_iter()
        .map(|c| c.name)
        .collect()
}

#[test]
fn backup_and_restore_with_the_same_or_a_separate_password() {
    let dir = tempfile::tempdir().unwrap();
    let v = vault_with_clients(dir.path(), 30);
    let same = dir.path().join("same.ldbackup");
    let separate = dir.path().join("separate.ldbackup");
    v.backup_to(&same, None).unwrap();
    v.backup_to(&separate, Some("backup only pass")).unwrap();
    assert!(matches!(
        v.backup_to(&same, None),
        Err(Error::VaultExists(_))
    ));

    let restored = Vault::restore(&same, &dir.path().join("r1.loandesk"), PASSWORD).unwrap();
    assert_eq!(names(&restored), names(&v));
    assert!(matches!(
        Vault::restore(&separate, &dir.path().join("r2.loandesk"), PASSWORD),
        Err(Error::WrongPassword)
    ));
    assert!(!dir.path().join("r2.loandesk").exists());
    let restored = Vault::restore(
        &separate,
        &dir.path().join("r3.loandesk"),
        "backup only pass",
    )
    .unwrap();
    assert_eq!(names(&restored), names(&v));
    // The backup itself is encrypted: no client name in its bytes.
    let bytes = std::fs::read(&separate).unwrap();
    let name = names(&v)[0].clone();
    assert!(!bytes.windows(name.len()).any(|w| w == name.as_bytes()));
}

#[test]
fn automatic_backups_keep_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let v = vault_with_clients(dir.path(), 3);
    let backups = dir.path().join("backups");
    let t0 = NaiveDate::from_ymd_opt(2026, 11, 1)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    for day in 0..5 {
        v.auto_backup(&backups, 3, t0 + Duration::days(day))
            .unwrap();
    }
    let mut kept: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    kept.sort();
    assert_eq!(
        kept,
        [
            "loandesk-20261103-090000.ldbackup",
            "loandesk-20261104-090000.ldbackup",
            "loandesk-20261105-090000.ldbackup"
        ]
    );
}

#[test]
fn a_tampered_byte_is_detected_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.loandesk");
    drop(vault_with_clients(dir.path(), 300));
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(
        bytes.len() > 40 * 4096,
        "vault smaller than expected: {}",
        bytes.len()
    );
    let offset = 20 * 4096 + 1000;
    bytes[offset] ^= 0x5a;
    std::fs::write(&path, &bytes).unwrap();

    // The everyday open refuses it at the door with `damaged`, before anything is read...
    match Vault::open(&path, PASSWORD) {
        Err(e @ Error::Damaged(_)) => assert_eq!(e.code(), "damaged"),
        other => panic!("expected Damaged, got {:?}", other.err()),
    }
    // ...and `verify` reaches it to say which page.
    let v = Vault::open_for_verify(&path, PASSWORD).unwrap();
    let report = v.verify().unwrap();
    assert!(!report.integrity_ok);
    assert!(
        report.problems.iter().any(|p| p.contains("21")),
        "{:?}",
        report.problems
    );
}

#[test]
fn wrong_passwords_make_the_next_try_wait_even_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.loandesk");
    drop(Vault::create(&path, PASSWORD).unwrap());
    let t = Utc::now();
    for i in 0..3 {
        let r = Vault::open_at(&path, "guess", Clock::fixed(t + Duration::seconds(i)));
        assert!(matches!(r, Err(Error::WrongPassword)));
    }
    // After three, each try waits: 1 s before the fourth, then 2 s. The count is on disk, so a
    // new process (a fresh call here) sees it too.
    assert!(matches!(
        Vault::open_at(&path, "guess", Clock::fixed(t + Duration::seconds(3))),
        Err(Error::WrongPassword)
    ));
    match Vault::open_at(&path, PASSWORD, Clock::fixed(t + Duration::seconds(3))) {
        Err(Error::TryLater { seconds }) => assert_eq!(seconds, 2),
        other => panic!("expected TryLater, got {:?}", other.err()),
    }
    // After waiting, the right password opens and resets the count.
    Vault::open_at(&path, PASSWORD, Clock::fixed(t + Duration::seconds(5))).unwrap();
    assert!(matches!(
        Vault::open_at(&path, "guess", Clock::fixed(t + Duration::seconds(5))),
        Err(Error::WrongPassword)
    ));
    Vault::open_at(&path, PASSWORD, Clock::fixed(t + Duration::seconds(5))).unwrap();
}

#[test]
fn damage_in_the_schema_pages_is_reported_as_damaged_too() {
    // In a restored vault (laid out by sqlcipher_export) page 2 holds part of the schema, so the
    // first read after the key fails, with SQLCipher's generic error rather than "corrupt".
    let dir = tempfile::tempdir().unwrap();
    let v = vault_with_clients(dir.path(), 3);
    let backup = dir.path().join("b.ldbackup");
    v.backup_to(&backup, None).unwrap();
    let restored = dir.path().join("r.loandesk");
    drop(Vault::restore(&backup, &restored, PASSWORD).unwrap());
    for page in [2usize, 3] {
        let copy = dir.path().join(format!("tampered-{page}.loandesk"));
        let mut bytes = std::fs::read(&restored).unwrap();
        bytes[(page - 1) * 4096 + 2000] ^= 0x5a;
        std::fs::write(&copy, &bytes).unwrap();
        match Vault::open(&copy, PASSWORD) {
            Err(Error::Damaged(found)) => assert!(
                found.iter().any(|f| f.contains(&format!("page {page}"))),
                "{found:?}"
            ),
            other => panic!("page {page}: expected Damaged, got {:?}", other.err()),
        }
    }
}
