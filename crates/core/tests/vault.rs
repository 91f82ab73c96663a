//! The vault on real SQLCipher files in a temp dir.
#![allow(clippy::unwrap_used)]
use loandesk_core::clients::ClientInput;
use loandesk_core::{Error, Vault};

const PASSWORD: &str = "correct horse 42";

fn temp_vault() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("officer.loandesk");
    (dir, path)
}

fn dir_listing(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn no_plaintext_of_client_data_on_disk() {
    let (dir, path) = temp_vault();
    let mut vault = Vault::create(&path, PASSWORD).unwrap();
    let mut c = ClientInput::named("苏州恒远精密机械有限公司");
    c.name_en = Some("Suzhou Hengyuan Precision Machinery".into());
    c.notes = "confidential-marker-xyzzy".into();
    vault
        .create_client(&c, chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
        .unwrap();
    drop(vault);
    for (name, bytes) in dir_listing(dir.path()) {
        for needle in [
            "恒远精密".as_bytes(),
            b"Hengyuan",
            b"confidential-marker-xyzzy",
            b"SQLite format 3",
        ] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "plaintext found in {name}"
            );
        }
    }
}

#[test]
fn wrong_password_fails_and_leaves_the_file_byte_identical() {
    let (dir, path) = temp_vault();
    let mut vault = Vault::create(&path, PASSWORD).unwrap();
    vault
        .create_client(
            &ClientInput::named("宁波海润物流有限公司"),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
    drop(vault);
    let before = dir_listing(dir.path());
    let err = Vault::open(&path, "wrong password!").err().unwrap();
    assert!(matches!(err, Error::WrongPassword), "{err:?}");
    assert_eq!(err.code(), "wrong_password");
    // Only the guess counter (see vault/attempts.rs) is new beside the untouched vault file.
    let mut after = dir_listing(dir.path());
    after.retain(|(name, _)| !name.ends_with(".attempts"));
    assert_eq!(after, before);
    // The right password still works afterwards.
    let vault = Vault::open(&path, PASSWORD).unwrap();
    assert_eq!(vault.verify().unwrap().clients, 1);
}

#[test]
fn missing_vault_and_existing_vault_are_clear_errors() {
    let (_dir, path) = temp_vault();
    assert!(matches!(
        Vault::open(&path, PASSWORD),
        Err(Error::VaultMissing(_))
    ));
    Vault::create(&path, PASSWORD).unwrap();
    assert!(matches!(
        Vault::create(&path, PASSWORD),
        Err(Error::VaultExists(_))
    ));
    assert!(matches!(
        Vault::create(&path.with_extension("x"), "short"),
        Err(Error::Validation { .. })
    ));
}

#[test]
fn migrations_run_from_an_empty_file_and_a_newer_vault_is_refused() {
    let (_dir, path) = temp_vault();
    let vault = Vault::create(&path, PASSWORD).unwrap();
    let report = vault.verify().unwrap();
    assert_eq!(
        report.schema_version,
        loandesk_core::vault::schema_version()
    );
    assert!(report.integrity_ok, "{:?}", report.problems);
    vault
        .conn()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    drop(vault);
    match Vault::open(&path, PASSWORD) {
        Err(Error::VaultTooNew { found: 999, .. }) => {}
        other => panic!("expected VaultTooNew, got {:?}", other.err()),
    }
}

#[test]
fn change_password_reencrypts() {
    let (_dir, path) = temp_vault();
    let mut vault = Vault::create(&path, PASSWORD).unwrap();
    vault
        .create_client(
            &ClientInput::named("合肥安泰医药有限公司"),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
    assert!(matches!(
        vault.change_password("not it", "another pass 9"),
        Err(Error::WrongPassword)
    ));
    vault.change_password(PASSWORD, "another pass 9").unwrap();
    drop(vault);
    assert!(matches!(
        Vault::open(&path, PASSWORD),
        Err(Error::WrongPassword)
    ));
    let vault = Vault::open(&path, "another pass 9").unwrap();
    assert_eq!(vault.verify().unwrap().clients, 1);
}

#[test]
fn every_change_is_audited() {
    let (_dir, path) = temp_vault();
    let mut vault = Vault::create(&path, PASSWORD).unwrap();
    let id = vault
        .create_client(
            &ClientInput::named("西安长青农业发展有限公司"),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
    let mut edit = vault.client(id).unwrap().fields;
    edit.tier = loandesk_core::clients::Tier::A;
    vault.update_client(id, &edit).unwrap();
    vault.set_archived(id, true).unwrap();
    let trail = loandesk_core::vault::recent_audit(vault.conn(), "client", id, 10).unwrap();
    let actions: Vec<_> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["client.archive", "client.update", "client.create"]
    );
    assert_eq!(trail[1].detail, "tier");
}
