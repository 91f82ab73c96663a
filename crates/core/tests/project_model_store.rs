//! A client's project model in a real encrypted vault (issue 17, schema 13): saved and read
//! back, refusals storing nothing, the 资本金 table from Settings applied to the model read,
//! and the model kept by a backup and its restore.
#![allow(clippy::unwrap_used)]
use chrono::NaiveDate;
use loandesk_core::clients::ClientInput;
use loandesk_core::prefs::Language;
use loandesk_core::project_finance::{CapitalCategory, CapitalTable, ModelInput, ModelWarning};
use loandesk_core::rule::Rule;
use loandesk_core::{Error, Vault};
use rust_decimal::Decimal;

const PASSWORD: &str = "project model pass 1";

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn fixture() -> (tempfile::TempDir, Vault, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("v.loandesk"), PASSWORD).unwrap();
    let client = v
        .create_client(
            &ClientInput::named("青海格尔木光伏发电有限公司"),
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        )
        .unwrap();
    (dir, v, client)
}

/// The issue's sculpting vector (debt 385.06 at DSCR 1.30), with a total investment of 500 in
/// power: 资本金 (500 − 385.06) ÷ 500 = 22.99 %, above power's default minimum of 20 %.
fn input() -> ModelInput {
    ModelInput::from_json(
        r#"{"periods_per_year": 1, "rate_percent": "6", "cfads": ["100", "110", "120", "130", "140"],
            "target_dscr": "1.30", "total_uses": "500", "capital_category": "power-and-other"}"#,
    )
    .unwrap()
}

fn stored_rows(v: &Vault) -> i64 {
    v.conn()
        .query_row("SELECT COUNT(*) FROM project_models", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_saved_model_reads_back_with_the_same_inputs_and_figures() {
    let (_dir, mut v, client) = fixture();
    assert_eq!(v.project_model_input(client).unwrap(), None);
    assert!(v
        .client_project_model(client, Language::Zh)
        .unwrap()
        .is_none());

    let saved = v
        .save_project_model(client, &input(), Language::Zh)
        .unwrap();
    assert_eq!(saved.debt, dec("385.06"));
    assert_eq!(v.project_model_input(client).unwrap(), Some(input()));

    let (read, m) = v
        .client_project_model(client, Language::En)
        .unwrap()
        .unwrap();
    assert_eq!(read, input());
    assert_eq!(m.debt, dec("385.06"));
    assert_eq!(m.min_dscr, Some(dec("1.3000")));
    let check = m.capital_check.unwrap();
    assert_eq!(check.equity_percent, dec("22.99"));
    assert!(!check.short);

    // A second save replaces the first: one model per client.
    let mut changed = input();
    changed.target_dscr = dec("1.50");
    v.save_project_model(client, &changed, Language::Zh)
        .unwrap();
    assert_eq!(stored_rows(&v), 1);
    assert_eq!(v.project_model_input(client).unwrap(), Some(changed));

    // Kept across a lock and unlock of the file.
    let path = v.path().to_path_buf();
    drop(v);
    let v = Vault::open(&path, PASSWORD).unwrap();
    assert_eq!(
        v.project_model_input(client).unwrap().unwrap().target_dscr,
        dec("1.50")
    );
}

#[test]
fn bad_inputs_are_refused_and_change_nothing() {
    let (_dir, mut v, client) = fixture();
    let mut bad = input();
    bad.cfads[2] = dec("-5");
    let e = v
        .save_project_model(client, &bad, Language::Zh)
        .unwrap_err();
    assert!(
        matches!(&e, Error::Validation { field, rule: Rule::NotNegative } if field == "cfads[3]"),
        "{e:?}"
    );
    assert_eq!(stored_rows(&v), 0);

    v.save_project_model(client, &input(), Language::Zh)
        .unwrap();
    let mut bad = input();
    bad.periods_per_year = 3;
    assert!(v.save_project_model(client, &bad, Language::Zh).is_err());
    assert_eq!(v.project_model_input(client).unwrap(), Some(input()));
}

#[test]
fn a_client_that_does_not_exist_is_refused() {
    let (_dir, mut v, _client) = fixture();
    let e = v
        .save_project_model(9999, &input(), Language::Zh)
        .unwrap_err();
    assert!(matches!(e, Error::NotFound(_)), "{e:?}");
    assert_eq!(stored_rows(&v), 0);
    assert!(matches!(
        v.project_model_input(9999),
        Err(Error::NotFound(_))
    ));
    assert!(matches!(
        v.delete_project_model(9999),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn a_deleted_model_is_gone_and_deleting_none_is_fine() {
    let (_dir, mut v, client) = fixture();
    v.delete_project_model(client).unwrap();
    v.save_project_model(client, &input(), Language::Zh)
        .unwrap();
    v.delete_project_model(client).unwrap();
    assert_eq!(v.project_model_input(client).unwrap(), None);
    assert_eq!(stored_rows(&v), 0);
}

#[test]
fn the_capital_table_round_trips_and_the_model_read_applies_it() {
    let (_dir, mut v, client) = fixture();
    assert_eq!(v.capital_table().unwrap(), CapitalTable::default());
    v.save_project_model(client, &input(), Language::Zh)
        .unwrap();

    // The bank holds power projects to 25 %: 22.99 % is now short.
    let mut table = CapitalTable::default();
    table
        .overrides
        .insert(CapitalCategory::PowerAndOther, dec("25"));
    table.overrides.insert(CapitalCategory::Cement, dec("35"));
    v.set_capital_table(&table).unwrap();
    let read = v.capital_table().unwrap();
    assert_eq!(
        read.minimum_percent(CapitalCategory::PowerAndOther),
        dec("25")
    );
    // Cement's 35 is its default: not kept as an override.
    assert_eq!(read.overrides.len(), 1);
    let rows = read.minimums();
    assert_eq!(rows.len(), CapitalCategory::ALL.len());
    let power = rows
        .iter()
        .find(|r| r.category == CapitalCategory::PowerAndOther)
        .unwrap();
    assert_eq!(
        (power.default_percent, power.percent),
        (dec("20"), dec("25"))
    );

    let (_, m) = v
        .client_project_model(client, Language::Zh)
        .unwrap()
        .unwrap();
    let check = m.capital_check.unwrap();
    assert_eq!(check.required_percent, dec("25"));
    assert!(check.short);
    let w = m
        .warnings
        .iter()
        .find(|w| w.code == ModelWarning::EquityShort)
        .unwrap();
    assert_eq!(w.message, "资本金比例 22.99% 低于该行业最低要求 25%");

    // Refused: a share above 100; the table stays as it was.
    let mut bad = read.clone();
    bad.overrides
        .insert(CapitalCategory::RailRoad, dec("100.5"));
    let e = v.set_capital_table(&bad).unwrap_err();
    assert!(
        matches!(&e, Error::Validation { field, .. } if field == "overrides.rail-road"),
        "{e:?}"
    );
    bad.overrides.insert(CapitalCategory::RailRoad, dec("-1"));
    assert!(v.set_capital_table(&bad).is_err());
    assert_eq!(v.capital_table().unwrap(), read);

    // Back to the defaults.
    v.set_capital_table(&CapitalTable::default()).unwrap();
    let (_, m) = v
        .client_project_model(client, Language::Zh)
        .unwrap()
        .unwrap();
    assert!(!m.capital_check.unwrap().short);
}

#[test]
fn a_backup_and_its_restore_keep_the_model_and_the_capital_table() {
    let (dir, mut v, client) = fixture();
    v.save_project_model(client, &input(), Language::Zh)
        .unwrap();
    let mut table = CapitalTable::default();
    table
        .overrides
        .insert(CapitalCategory::PowerAndOther, dec("30"));
    v.set_capital_table(&table).unwrap();
    let backup = dir.path().join("backup.loandesk");
    v.backup_to(&backup, None).unwrap();
    drop(v);

    let restored =
        Vault::restore(&backup, &dir.path().join("restored.loandesk"), PASSWORD).unwrap();
    assert_eq!(restored.project_model_input(client).unwrap(), Some(input()));
    let (_, m) = restored
        .client_project_model(client, Language::En)
        .unwrap()
        .unwrap();
    assert_eq!(m.debt, dec("385.06"));
    assert_eq!(m.capital_check.unwrap().required_percent, dec("30"));
}

#[test]
fn the_demo_vault_has_a_model_for_a_project_finance_client() {
    let dir = tempfile::tempdir().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let v = loandesk_core::demo::write_demo_vault(
        &dir.path().join("demo.loandesk"),
        "demo-password",
        today,
        loandesk_core::Clock::fixed_on(today),
    )
    .unwrap();
    let client: i64 = v
        .conn()
        .query_row("SELECT client_id FROM project_models", [], |r| r.get(0))
        .unwrap();
    let c = v.client(client).unwrap().fields;
    assert_eq!(
        c.product,
        Some(loandesk_core::clients::ProductType::ProjectFinance)
    );
    assert!(c.stage >= 3);
    let (input, m) = v
        .client_project_model(client, Language::Zh)
        .unwrap()
        .unwrap();
    assert_eq!(input.cfads.len(), 20);
    // Debt drawn in construction with its interest, sculpted: every year's cover the same.
    assert!(m.idc > Decimal::ZERO && m.debt == m.debt_at_cod);
    assert!(m.min_dscr.unwrap() > dec("1.30"));
    assert!(!m.capital_check.unwrap().short);
    assert!(m.warnings.is_empty(), "{:?}", m.warnings);
}

#[test]
fn the_shipped_template_read_from_its_file_saves_as_the_issues_example() {
    let (dir, mut v, client) = fixture();
    let path = dir.path().join("model.xlsx");
    std::fs::write(&path, loandesk_core::project_finance::xlsx::template()).unwrap();
    let input = loandesk_core::project_finance::store::read_input_file(&path).unwrap();
    let m = v.save_project_model(client, &input, Language::En).unwrap();
    assert_eq!(m.debt, dec("385.06"));
    assert_eq!(v.project_model_input(client).unwrap(), Some(input));

    let missing =
        loandesk_core::project_finance::store::read_input_file(&dir.path().join("gone.xlsx"));
    assert!(matches!(missing, Err(Error::Io(_))), "{missing:?}");
    let csv = dir.path().join("model.csv");
    std::fs::write(&csv, "key,value\nrate_percent,6\n").unwrap();
    let e = loandesk_core::project_finance::store::read_input_file(&csv).unwrap_err();
    assert!(
        matches!(&e, Error::Validation { field, .. } if field == "file"),
        "{e:?}"
    );
}
