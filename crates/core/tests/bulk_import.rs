//! Bulk import of an officer's client list on a real vault: a preview that names every row's
//! problems and duplicates and stores nothing, then the confirmed rows in one transaction.
#![allow(clippy::unwrap_used)]
use chrono::NaiveDate;
use loandesk_core::clients::credit_code::check_character;
use loandesk_core::clients::{
    import_template_xlsx, ClientInput, ClientQuery, ImportColumn, ImportPreview, Tier,
    IMPORT_TEMPLATE_CSV,
};
use loandesk_core::rule::RuleCode;
use loandesk_core::{Error, Vault};
use rust_xlsxwriter::Workbook;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
}

/// A valid credit code: 91 + the region + `org` (9 characters) + its GB 32100 check character.
fn code(org: &str) -> String {
    let body = format!("91320500{org}");
    let check = check_character(body.as_bytes()).unwrap();
    format!("{body}{check}")
}

fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("import.loandesk"), "import pass 1").unwrap();
    let mut c = ClientInput::named("苏州恒远精密机械有限公司");
    c.credit_code = Some(code("MA1MXXXX0"));
    v.create_client(&c, today()).unwrap();
    (dir, v)
}

fn count(v: &Vault) -> u32 {
    v.list_clients(&ClientQuery::default()).unwrap().total
}

fn problems(p: &ImportPreview, row: u32) -> Vec<(ImportColumn, RuleCode)> {
    p.rows
        .iter()
        .find(|r| r.row == row)
        .unwrap()
        .problems
        .iter()
        .map(|p| (p.column, p.rule))
        .collect()
}

/// The officer's own sheet: a title line, headings in another order and wording, a column
/// the import does not read, phone numbers and stages typed as numbers.
fn officer_xlsx() -> Vec<u8> {
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    s.write_string(0, 0, "2026年客户名单").unwrap();
    let heads = [
        "企业名称",
        "手机号",
        "联系人",
        "统一社会信用代码",
        "所属行业",
        "等级",
        "阶段",
        "备注",
    ];
    for (c, h) in heads.iter().enumerate() {
        s.write_string(1, c as u16, *h).unwrap();
    }
    let rows: [(&str, f64, &str, String, &str, &str, f64); 6] = [
        (
            "无锡华东精密铸造有限公司",
            13_800_138_000.0,
            "张伟",
            code("MA1N00001"),
            "C33",
            "A",
            2.0,
        ),
        (
            "宁波海润物流有限公司",
            13_912_345_678.0,
            "李娜",
            code("MA1N00002"),
            "物流",
            "b类",
            1.0,
        ),
        (
            "合肥晨光新能源科技有限公司",
            13_700_000_000.0,
            "王强",
            String::new(),
            "新能源",
            "C",
            3.0,
        ),
        // Already in the vault, by credit code.
        (
            "苏州恒远机械（新名称）有限公司",
            13_600_000_000.0,
            "赵敏",
            code("MA1MXXXX0"),
            "",
            "",
            1.0,
        ),
        // Twice in the file, by name.
        (
            "无锡华东精密铸造有限公司",
            13_500_000_000.0,
            "周杰",
            String::new(),
            "",
            "",
            1.0,
        ),
        // A bad credit code, a tier that does not exist, a stage out of range.
        (
            "杭州西湖电子有限公司",
            13_400_000_000.0,
            "吴磊",
            "91330100MA2B0000X".into(),
            "电子",
            "D",
            7.0,
        ),
    ];
    for (i, (name, phone, contact, credit, industry, tier, stage)) in rows.iter().enumerate() {
        let r = i as u32 + 2;
        s.write_string(r, 0, *name).unwrap();
        s.write_number(r, 1, *phone).unwrap();
        s.write_string(r, 2, *contact).unwrap();
        s.write_string(r, 3, credit).unwrap();
        s.write_string(r, 4, *industry).unwrap();
        s.write_string(r, 5, *tier).unwrap();
        s.write_number(r, 6, *stage).unwrap();
        s.write_string(r, 7, "老客户").unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn the_preview_names_every_problem_and_duplicate_and_stores_nothing() {
    let (_dir, v) = vault();
    let p = v.preview_import("名单.xlsx", &officer_xlsx()).unwrap();
    assert_eq!(count(&v), 1, "a preview stores nothing");
    assert_eq!(p.ignored_columns, vec!["备注".to_string()]);
    assert_eq!(p.rows.len(), 6);
    // Rows as Excel numbers them: title on 1, headings on 2.
    assert_eq!(
        p.rows.iter().map(|r| r.row).collect::<Vec<_>>(),
        vec![3, 4, 5, 6, 7, 8]
    );
    assert_eq!((p.ready, p.duplicates, p.invalid), (3, 2, 1));

    let first = &p.rows[0].client;
    assert_eq!(first.contacts[0].phone, "13800138000", "not 13800138000.0");
    assert_eq!((first.tier, first.stage), (Tier::A, 2));
    assert_eq!(first.industry_code.as_deref(), Some("C33"));
    assert_eq!(first.industry, None, "the code alone says it all");
    assert_eq!(p.rows[1].client.industry_code.as_deref(), Some("G"));
    assert_eq!(p.rows[1].client.tier, Tier::B);
    assert!(!p.rows[1].industry_unclassified);
    // Not obvious: kept as written, under "other".
    assert_eq!(p.rows[2].client.industry_code.as_deref(), Some("other"));
    assert_eq!(p.rows[2].client.industry.as_deref(), Some("新能源"));
    assert!(p.rows[2].industry_unclassified);

    assert_eq!(
        problems(&p, 6),
        vec![(ImportColumn::CreditCode, RuleCode::Duplicate)]
    );
    assert_eq!(
        problems(&p, 7),
        vec![(ImportColumn::Name, RuleCode::DuplicateInFile)]
    );
    assert_eq!(p.rows[4].problems[0].params["row"], "3");
    assert_eq!(
        problems(&p, 8),
        vec![
            (ImportColumn::Tier, RuleCode::UnknownValue),
            (ImportColumn::Stage, RuleCode::Range),
            (ImportColumn::CreditCode, RuleCode::CreditCodeLength),
        ]
    );
}

#[test]
fn the_confirmed_rows_are_stored_in_one_transaction_or_not_at_all() {
    let (_dir, mut v) = vault();
    let p = v.preview_import("名单.xlsx", &officer_xlsx()).unwrap();
    let good: Vec<ClientInput> = p
        .rows
        .iter()
        .filter(|r| r.problems.is_empty())
        .map(|r| r.client.clone())
        .collect();
    // A duplicate slipped in among them: refused, naming it, and nothing stored.
    let mut with_dup = good.clone();
    with_dup.push(p.rows[3].client.clone());
    match v.import_clients(&with_dup, today()) {
        Err(Error::Validation { field, rule }) => {
            assert_eq!(field, "rows.3.credit_code");
            assert_eq!(rule.code(), RuleCode::Duplicate);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(count(&v), 1);

    let done = v.import_clients(&good, today()).unwrap();
    assert_eq!(done.ids.len(), 3);
    assert_eq!(count(&v), 4);
    let stored = v.client(done.ids[1]).unwrap();
    assert_eq!(stored.fields.name, "宁波海润物流有限公司");
    assert_eq!(stored.fields.contacts[0].name, "李娜");
    assert_eq!(stored.fields.industry_code.as_deref(), Some("G"));
    assert_eq!(stored.fields.industry.as_deref(), Some("物流"));
    // Imported clients start their journey like any new client: found by search at once.
    let found = v
        .list_clients(&ClientQuery {
            text: "晨光".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.total, 1);
    // The same file again: every row is a duplicate now.
    let again = v.preview_import("名单.xlsx", &officer_xlsx()).unwrap();
    assert_eq!(again.ready, 0);
    assert_eq!(
        problems(&again, 3),
        vec![
            (ImportColumn::CreditCode, RuleCode::Duplicate),
            (ImportColumn::Name, RuleCode::SameName),
        ]
    );
    let audit: i64 = v
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'clients.import' AND detail = '3'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audit, 1);
}

#[test]
fn csv_in_gbk_from_excel_and_the_shipped_templates_read_back() {
    let (_dir, v) = vault();
    let text = format!(
        "客户名称,统一社会信用代码,联系人,联系电话,行业,客户分层,阶段\r\n\
         \"长沙湘江机床有限公司\",{},刘洋,0731-8888 6666,通用设备制造业,A,深入与需求分析\r\n\
         ,,,,,,\r\n",
        code("MA1N00009")
    );
    let (gbk, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad);
    let p = v.preview_import("clients.csv", &gbk).unwrap();
    assert_eq!(p.rows.len(), 1, "a blank row is skipped");
    let c = &p.rows[0].client;
    assert_eq!(
        (c.name.as_str(), c.stage, c.tier),
        ("长沙湘江机床有限公司", 3, Tier::A)
    );
    assert_eq!(c.industry_code.as_deref(), Some("C34"));
    assert!(p.rows[0].problems.is_empty(), "{:?}", p.rows[0].problems);

    // The templates: headings only, every column recognised, no row.
    for (name, bytes) in [
        ("template.csv", IMPORT_TEMPLATE_CSV.as_bytes().to_vec()),
        ("template.xlsx", import_template_xlsx().unwrap()),
    ] {
        let p = v.preview_import(name, &bytes).unwrap();
        assert_eq!(p.columns, ImportColumn::ALL.to_vec(), "{name}");
        assert!(p.rows.is_empty() && p.ignored_columns.is_empty(), "{name}");
    }

    // Not a list: said so, nothing stored.
    let err = v.preview_import("notes.csv", "备注,日期\n老客户,2026-01-01\n".as_bytes());
    assert!(
        matches!(err, Err(Error::Validation { rule, .. }) if rule.code() == RuleCode::ImportNoHeader)
    );
    let err = v.preview_import("fake.xlsx", b"not a workbook at all");
    assert!(err.is_err());
    assert_eq!(count(&v), 1);
}
