//! Industry as GB/T 4754-2017 on real vault files: the schema 15 upgrade gives each free-text
//! industry its section or division when the text obviously names one, and keeps the text as
//! written under "other" when it does not; the client form's rules take only the table's codes.
#![allow(clippy::unwrap_used)]
use chrono::NaiveDate;
use loandesk_core::clients::ClientInput;
use loandesk_core::rule::RuleCode;
use loandesk_core::{Error, Vault};

const PASSWORD: &str = "industry pass 1";

#[test]
fn free_text_industries_are_mapped_or_kept_as_other_by_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v14.loandesk");
    // What the demo and officers wrote before schema 15.
    let texts = [
        ("制造业", Some("C")),
        ("食品加工", Some("C13")),
        ("交通物流", Some("G")),
        ("医药健康", Some("C27")),
        ("农业", Some("A01")),
        ("通用设备制造业", Some("C34")),
        ("新能源", Some("other")),
        ("建筑建材", Some("other")),
        ("  ", None),
    ];
    let v = Vault::create_at_schema_version(&path, PASSWORD, 14).unwrap();
    for (i, (text, _)) in texts.iter().enumerate() {
        v.conn()
            .execute(
                "INSERT INTO clients (id, name, industry, tier, stage, notes, created_at, updated_at)
                 VALUES (?1, ?2, ?3, 'B', 1, '', '2025-01-02T03:04:05.000Z', '2025-01-02T03:04:05.000Z')",
                rusqlite::params![i as i64 + 1, format!("客户{i}"), text],
            )
            .unwrap();
    }
    drop(v);

    let v = Vault::open(&path, PASSWORD).unwrap();
    for (i, (text, code)) in texts.iter().enumerate() {
        let c = v.client(i as i64 + 1).unwrap().fields;
        assert_eq!(c.industry_code.as_deref(), *code, "{text}");
        // The officer's words are never lost.
        assert_eq!(c.industry.as_deref(), Some(*text), "{text}");
    }
    // The list carries the code too.
    let page = v.list_clients(&Default::default()).unwrap();
    assert!(page
        .items
        .iter()
        .any(|c| c.industry_code.as_deref() == Some("C13")));
}

#[test]
fn a_chosen_code_must_be_the_tables_and_free_text_alone_is_classified() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("v.loandesk"), PASSWORD).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let mut c = ClientInput::named("湖南湘江精密机械有限公司");
    c.industry_code = Some("c34".into());
    let id = v.create_client(&c, today).unwrap();
    assert_eq!(
        v.client(id).unwrap().fields.industry_code.as_deref(),
        Some("C34")
    );

    c.industry_code = Some("C99".into());
    let err = v.update_client(id, &c).unwrap_err();
    assert!(
        matches!(&err, Error::Validation { field, rule }
        if field == "industry_code" && rule.code() == RuleCode::UnknownValue),
        "{err:?}"
    );
    assert_eq!(
        v.client(id).unwrap().fields.industry_code.as_deref(),
        Some("C34"),
        "nothing changed"
    );

    // The CLI's --industry and imports give words, not codes.
    let mut words = ClientInput::named("长沙软件园科技有限公司");
    words.industry = Some("软件".into());
    let id = v.create_client(&words, today).unwrap();
    assert_eq!(
        v.client(id).unwrap().fields.industry_code.as_deref(),
        Some("I65")
    );
    words.name = "长沙光伏科技有限公司".into();
    words.industry = Some("光伏".into());
    let id = v.create_client(&words, today).unwrap();
    let f = v.client(id).unwrap().fields;
    assert_eq!(
        (f.industry_code.as_deref(), f.industry.as_deref()),
        (Some("other"), Some("光伏"))
    );
}
