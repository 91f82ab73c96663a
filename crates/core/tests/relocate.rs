//! Moving LoanDesk 0.1's data folder to the new one, on real folders and a real vault.
#![allow(clippy::unwrap_used)]
use std::fs;
use std::path::Path;

use loandesk_core::clients::ClientInput;
use loandesk_core::vault::{relocate_data_dir, Relocation, APP_IDENTIFIER, MOVED_MARKER};
use loandesk_core::Vault;

const PASSWORD: &str = "correct horse 42";

/// Every file under `dir` with its bytes, by relative path.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// An old data folder as LoanDesk 0.1 left it: a vault with a client, prefs, a backup.
fn old_folder(root: &Path) -> std::path::PathBuf {
    let old = root.join("roaming").join("com.loandesk.app");
    fs::create_dir_all(old.join("backups")).unwrap();
    let mut vault = Vault::create(&old.join("vault.loandesk"), PASSWORD).unwrap();
    vault
        .create_client(
            &ClientInput::named("苏州恒远精密机械有限公司"),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
    drop(vault);
    fs::write(old.join("prefs.json"), br#"{"language":"zh-CN"}"#).unwrap();
    fs::write(
        old.join("backups").join("2026-11-30.ldbackup"),
        vec![7u8; 300_000],
    )
    .unwrap();
    old
}

#[test]
fn moves_every_file_verified_and_keeps_the_old_folder() {
    let root = tempfile::tempdir().unwrap();
    let old = old_folder(root.path());
    let new = root.path().join("local").join(APP_IDENTIFIER);
    let before = tree(&old);

    let moved = relocate_data_dir(&old, &new).unwrap();

    let kept = old.with_file_name("com.loandesk.app.moved");
    assert_eq!(
        moved,
        Relocation::Moved {
            files: before.len(),
            kept_at: kept.clone()
        }
    );
    assert_eq!(
        tree(&new),
        before,
        "the new folder holds exactly the old files"
    );
    let mut kept_tree = tree(&kept);
    kept_tree.retain(|(name, _)| name != MOVED_MARKER);
    assert_eq!(kept_tree, before, "the old files are kept, unchanged");
    assert!(kept.join(MOVED_MARKER).exists());
    let vault = Vault::open(&new.join("vault.loandesk"), PASSWORD).unwrap();
    assert_eq!(vault.list_clients(&Default::default()).unwrap().total, 1);
}

#[test]
fn runs_once() {
    let root = tempfile::tempdir().unwrap();
    let old = old_folder(root.path());
    let new = root.path().join("local").join(APP_IDENTIFIER);
    relocate_data_dir(&old, &new).unwrap();
    fs::write(new.join("prefs.json"), b"{}").unwrap();
    assert_eq!(
        relocate_data_dir(&old, &new).unwrap(),
        Relocation::NothingToMove
    );
    assert_eq!(fs::read(new.join("prefs.json")).unwrap(), b"{}");
}

#[test]
fn a_marked_old_folder_is_not_moved_again() {
    let root = tempfile::tempdir().unwrap();
    let old = old_folder(root.path());
    fs::write(old.join(MOVED_MARKER), b"moved").unwrap();
    let new = root.path().join("local").join(APP_IDENTIFIER);
    assert_eq!(
        relocate_data_dir(&old, &new).unwrap(),
        Relocation::NothingToMove
    );
    assert!(!new.exists());
}

#[test]
fn a_vault_already_in_the_new_folder_is_never_overwritten() {
    let root = tempfile::tempdir().unwrap();
    let old = old_folder(root.path());
    let new = root.path().join("local").join(APP_IDENTIFIER);
    fs::create_dir_all(&new).unwrap();
    fs::write(new.join("vault.loandesk"), b"the officer's newer vault").unwrap();
    let before = tree(&old);

    assert_eq!(relocate_data_dir(&old, &new).unwrap(), Relocation::NewInUse);
    assert_eq!(
        fs::read(new.join("vault.loandesk")).unwrap(),
        b"the officer's newer vault"
    );
    assert_eq!(
        tree(&old),
        before,
        "the old folder is left exactly as it was"
    );
}

#[test]
fn files_the_new_version_wrote_first_do_not_stop_the_move() {
    let root = tempfile::tempdir().unwrap();
    let old = old_folder(root.path());
    let new = root.path().join("local").join(APP_IDENTIFIER);
    // The web view's cache and a demo vault, written before the first move.
    fs::create_dir_all(new.join("EBWebView")).unwrap();
    fs::write(new.join("demo.loandesk"), b"demo").unwrap();

    assert!(matches!(
        relocate_data_dir(&old, &new).unwrap(),
        Relocation::Moved { .. }
    ));
    assert!(Vault::open(&new.join("vault.loandesk"), PASSWORD).is_ok());
    assert_eq!(fs::read(new.join("demo.loandesk")).unwrap(), b"demo");
}

#[test]
fn a_failed_copy_leaves_no_vault_in_the_new_folder_and_the_old_one_untouched() {
    let root = tempfile::tempdir().unwrap();
    let old = old_folder(root.path());
    let new = root.path().join("local").join(APP_IDENTIFIER);
    // A file where the staging folder must go: the copy cannot start.
    fs::create_dir_all(&new).unwrap();
    fs::write(new.join(".moving-in"), b"in the way").unwrap();
    let before = tree(&old);

    assert!(relocate_data_dir(&old, &new).is_err());
    assert!(!new.join("vault.loandesk").exists());
    assert_eq!(
        tree(&old),
        before,
        "no marker, nothing renamed: the app keeps using it"
    );
}

#[test]
fn no_old_folder_is_nothing_to_move() {
    let root = tempfile::tempdir().unwrap();
    let new = root.path().join(APP_IDENTIFIER);
    assert_eq!(
        relocate_data_dir(&root.path().join("absent"), &new).unwrap(),
        Relocation::NothingToMove
    );
    assert!(!new.exists());
}

#[test]
fn the_identifier_is_the_apps() {
    let conf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src-tauri/tauri.conf.json");
    let conf: serde_json::Value = serde_json::from_str(&fs::read_to_string(conf).unwrap()).unwrap();
    assert_eq!(conf["identifier"], APP_IDENTIFIER);
    assert!(!APP_IDENTIFIER.ends_with(".app"));
}
