//! A vault written by a previous release (its schema made by only the migrations that release
//! had) opens with the current code: every record survives, and a copy of the vault as it was
//! is written to the backups folder before the upgrade.
#![allow(clippy::unwrap_used)]
use std::path::{Path, PathBuf};

use loandesk_core::vault::{schema_version, VaultKey};
use loandesk_core::Vault;

const PASSWORD: &str = "release-1 password";

/// What the first release's tables hold, written with that release's SQL (not today's code).
fn fill_like_an_old_release(v: &Vault) {
    v.conn()
        .execute_batch(
            "INSERT INTO clients (id, name, name_en, credit_code, tier, stage, notes, created_at, updated_at)
               VALUES (1, '苏州恒远精密机械有限公司', 'Suzhou Hengyuan', '91320500MA1MXXXX0X', 'A', 3,
                       '老客户，复贷意向', '2025-01-02T03:04:05.000Z', '2025-01-02T03:04:05.000Z'),
                      (2, '宁波海润物流有限公司', NULL, NULL, 'B', 1, '',
                       '2025-02-03T04:05:06.000Z', '2025-02-03T04:05:06.000Z');
             INSERT INTO contacts (client_id, position, name, role, phone, email)
               VALUES (1, 0, '张伟', '财务总监', '13800138000', 'zw@example.cn');
             INSERT INTO touchpoints (client_id, date, channel, summary, next_step, created_at)
               VALUES (1, '2025-03-01', 'visit', '实地走访，了解扩产计划', '提交申请材料',
                       '2025-03-01T08:00:00.000Z');
             INSERT INTO settings (key, value) VALUES ('auto_lock_minutes', '25');",
        )
        .unwrap();
}

fn backups_in(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir.join("backups"))
        .map(|rd| rd.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

/// The schema version recorded in a vault file, read without migrating it.
fn version_on_disk(path: &Path, password: &str) -> i64 {
    let bytes = std::fs::read(path).unwrap();
    let salt: [u8; 16] = bytes[..16].try_into().unwrap();
    let key = VaultKey::derive(password, salt).unwrap();
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "key", &*key.pragma_value())
        .unwrap();
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_vault_from_each_earlier_schema_upgrades_with_all_data_and_a_backup_first() {
    for old in 1..schema_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vault.loandesk");
        let v = Vault::create_at_schema_version(&path, PASSWORD, old).unwrap();
        fill_like_an_old_release(&v);
        drop(v);
        assert_eq!(version_on_disk(&path, PASSWORD), old);
        assert!(backups_in(dir.path()).is_empty());

        let v = Vault::open(&path, PASSWORD).unwrap();
        let report = v.verify().unwrap();
        assert_eq!(report.schema_version, schema_version(), "from v{old}");
        assert!(report.integrity_ok, "{:?}", report.problems);
        assert_eq!(
            (report.clients, report.contacts, report.touchpoints),
            (2, 1, 1)
        );

        let d = v.client_detail(1).unwrap();
        assert_eq!(d.client.fields.name, "苏州恒远精密机械有限公司");
        assert_eq!(d.client.fields.name_en.as_deref(), Some("Suzhou Hengyuan"));
        assert_eq!(d.client.fields.notes, "老客户，复贷意向");
        assert_eq!(d.client.fields.stage, 3);
        assert_eq!(d.client.fields.contacts[0].phone, "13800138000");
        assert_eq!(d.touchpoints[0].fields.summary, "实地走访，了解扩产计划");
        assert_eq!(v.auto_lock_minutes().unwrap(), 25);
        assert_eq!(v.client(2).unwrap().fields.name, "宁波海润物流有限公司");
        drop(v);

        // The copy from before the upgrade: named apart, still at the old schema, restorable.
        let backups = backups_in(dir.path());
        assert_eq!(backups.len(), 1, "from v{old}: {backups:?}");
        let name = backups[0]
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        assert!(
            name.starts_with(&format!("vault-before-upgrade-v{old}-"))
                && name.ends_with(".ldbackup"),
            "{name}"
        );
        assert_eq!(version_on_disk(&backups[0], PASSWORD), old);
        let restored =
            Vault::restore(&backups[0], &dir.path().join("restored.loandesk"), PASSWORD).unwrap();
        assert_eq!(restored.verify().unwrap().clients, 2);

        // Opening again upgrades nothing and copies nothing.
        drop(Vault::open(&path, PASSWORD).unwrap());
        assert_eq!(backups_in(dir.path()).len(), 1);
    }
}

#[test]
fn a_new_or_current_vault_is_not_copied_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault.loandesk");
    drop(Vault::create(&path, PASSWORD).unwrap());
    drop(Vault::open(&path, PASSWORD).unwrap());
    assert!(backups_in(dir.path()).is_empty());
}

#[test]
fn reminder_marks_survive_the_upgrade_that_lets_them_name_credit_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault.loandesk");
    // Schema 7: the release before credit lines, whose marks had to name a loan.
    let v = Vault::create_at_schema_version(&path, PASSWORD, 7).unwrap();
    fill_like_an_old_release(&v);
    v.conn()
        .execute_batch(
            "INSERT INTO booked_loans (id, client_id, contract_no, signed_on, currency, outstanding_fen, created_at)
               VALUES (1, 1, 'HT-2025-001', '2025-03-01', 'CNY', 100000000, '2025-03-01T08:00:00.000Z');
             INSERT INTO reminder_marks (key, loan_id, snoozed_until, done_on)
               VALUES ('review:1:quarterly:2025-06-01', 1, NULL, '2025-06-02'),
                      ('due:1:4', 1, '2025-07-05', NULL);",
        )
        .unwrap();
    drop(v);
    let v = Vault::open(&path, PASSWORD).unwrap();
    let marks: Vec<(String, Option<String>, Option<String>)> = v
        .conn()
        .prepare("SELECT key, snoozed_until, done_on FROM reminder_marks ORDER BY key")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        marks,
        [
            ("due:1:4".into(), Some("2025-07-05".into()), None),
            (
                "review:1:quarterly:2025-06-01".into(),
                None,
                Some("2025-06-02".into())
            ),
        ]
    );
    let facility: Option<i64> = v
        .conn()
        .query_row(
            "SELECT facility_id FROM booked_loans WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(facility, None);
}

#[test]
fn the_upgrade_to_schema_9_keeps_each_loans_collateral_capacity_on_the_loan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault.loandesk");
    let v = Vault::create_at_schema_version(&path, PASSWORD, 8).unwrap();
    fill_like_an_old_release(&v);
    // Loan 1: land and equipment lending the same (a tie: the first pledged is the main
    // kind), an archived property, and a lien above its capped value that lends nothing.
    // Loan 2: nothing pledged.
    v.conn()
        .execute_batch(
            "INSERT INTO booked_loans (id, client_id, contract_no, signed_on, currency, outstanding_fen, created_at)
               VALUES (1, 1, 'HT-2026-001', '2026-03-01', 'CNY', 100000000, '2026-03-01T08:00:00.000Z'),
                      (2, 2, 'HT-2026-002', '2026-03-01', 'CNY', 50000000, '2026-03-01T08:00:00.000Z');
             INSERT INTO collateral (id, loan_id, kind, cap_bp, value_fen, valued_on, prior_lien_fen, archived_on, created_at)
               VALUES (1, 1, 'property', 7000, 900000000, '2026-03-01', 0, '2026-04-01', '2026-03-01T08:00:00.000Z'),
                      (2, 1, 'land', 6000, 50000001, '2026-03-01', 0, NULL, '2026-03-01T08:00:00.000Z'),
                      (3, 1, 'equipment', 5000, 60000001, '2026-03-01', 0, NULL, '2026-03-01T08:00:00.000Z'),
                      (4, 1, 'vehicle', 5000, 1000000, '2026-03-01', 800000, NULL, '2026-03-01T08:00:00.000Z');",
        )
        .unwrap();
    drop(v);
    let v = Vault::open(&path, PASSWORD).unwrap();
    let kept = |id: i64| -> (i64, Option<String>) {
        v.conn()
            .query_row(
                "SELECT collateral_capacity_fen, collateral_main_kind FROM booked_loans WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    // 50,000,001 × 60 % = 30,000,000.6 → 30,000,001 fen; 60,000,001 × 50 % = 30,000,000.5 →
    // 30,000,001 (half-up); the vehicle: 500,000 − 800,000 → 0.
    assert_eq!(kept(1), (60_000_002, Some("land".into())));
    assert_eq!(kept(2), (0, None));
    let capacity = v
        .loan_security(1, rust_decimal::Decimal::new(100000000, 2))
        .unwrap()
        .capacity;
    assert_eq!(capacity, rust_decimal::Decimal::new(60_000_002, 2));
}

#[test]
fn the_upgrade_to_schema_12_keeps_each_loans_maturity_on_the_loan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault.loandesk");
    let v = Vault::create_at_schema_version(&path, PASSWORD, 11).unwrap();
    fill_like_an_old_release(&v);
    // Loan 1's periods out of order (the last due date is not the last row); loan 2 has none.
    v.conn()
        .execute_batch(
            "INSERT INTO booked_loans (id, client_id, contract_no, signed_on, currency, outstanding_fen, created_at)
               VALUES (1, 1, 'HT-2026-001', '2026-03-01', 'CNY', 100000000, '2026-03-01T08:00:00.000Z'),
                      (2, 2, 'HT-2026-002', '2026-03-01', 'CNY', 50000000, '2026-03-01T08:00:00.000Z');
             INSERT INTO loan_periods (loan_id, no, due_on, principal_fen, interest_fen)
               VALUES (1, 1, '2026-04-01', 0, 100), (1, 3, '2027-03-01', 100000000, 100),
                      (1, 2, '2026-09-01', 0, 100);",
        )
        .unwrap();
    drop(v);
    let v = Vault::open(&path, PASSWORD).unwrap();
    let maturity = |id: i64| -> Option<String> {
        v.conn()
            .query_row(
                "SELECT maturity_on FROM booked_loans WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(maturity(1).as_deref(), Some("2027-03-01"));
    assert_eq!(maturity(2), None);
}

#[test]
fn the_upgrade_to_schema_14_indexes_every_client_with_pinyin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault.loandesk");
    let v = Vault::create_at_schema_version(&path, PASSWORD, 13).unwrap();
    fill_like_an_old_release(&v);
    drop(v);
    let v = Vault::open(&path, PASSWORD).unwrap();
    let find = |text: &str| -> Vec<i64> {
        v.list_clients(&loandesk_core::clients::ClientQuery {
            text: text.into(),
            ..Default::default()
        })
        .unwrap()
        .items
        .into_iter()
        .map(|c| c.id)
        .collect()
    };
    // The old release's rows were written without the index; now both are found, by name,
    // pinyin, initials and the contact's pinyin.
    assert_eq!(find("恒远"), vec![1]);
    assert_eq!(find("hengyuan jingmi"), vec![1]);
    assert_eq!(find("nbhrwl"), vec![2]);
    assert_eq!(find("zhangwei"), vec![1]);
    let key: String = v
        .conn()
        .query_row("SELECT name_key FROM clients WHERE id = 2", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(key.starts_with("ningbohairunwuliu"), "{key}");
}
