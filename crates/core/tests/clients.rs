//! The client book on a real SQLCipher vault: records, archive, touchpoints, search.
#![allow(clippy::unwrap_used)]
use chrono::NaiveDate;
use loandesk_core::clients::*;
use loandesk_core::{Error, Vault};

/// The day the clients are created on (their stage history starts then).
fn created_on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::create(&dir.path().join("v.loandesk"), "test password 1").unwrap();
    (dir, vault)
}

fn client(name: &str, en: &str, contact: &str) -> ClientInput {
    let mut c = ClientInput::named(name);
    c.name_en = Some(en.into());
    c.contacts = vec![Contact {
        name: contact.into(),
        role: "财务总监".into(),
        phone: "13800138000".into(),
        email: String::new(),
    }];
    c
}

fn search(v: &Vault, text: &str) -> Vec<String> {
    let q = ClientQuery {
        text: text.into(),
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
fn search_finds_one_two_three_character_chinese_and_english_substrings() {
    let (_d, mut v) = vault();
    v.create_client(
        &client(
            "苏州恒远精密机械有限公司",
            "Suzhou Hengyuan Precision",
            "张伟",
        ),
        created_on(),
    )
    .unwrap();
    v.create_client(
        &client(
            "杭州华信电子有限公司",
            "Hangzhou Huaxin Electronics",
            "王芳",
        ),
        created_on(),
    )
    .unwrap();
    let mut noted = client("成都博源物流有限公司", "Chengdu Boyuan Logistics", "李娜");
    noted.notes = "客户计划扩建冷链仓库".into();
    noted.credit_code = Some("91350100M000100Y43".into());
    v.create_client(&noted, created_on()).unwrap();

    assert_eq!(search(&v, "恒"), ["苏州恒远精密机械有限公司"]);
    assert_eq!(search(&v, "张伟"), ["苏州恒远精密机械有限公司"]);
    assert_eq!(search(&v, "伟"), ["苏州恒远精密机械有限公司"]);
    assert_eq!(search(&v, "华信电"), ["杭州华信电子有限公司"]);
    assert_eq!(search(&v, "冷链"), ["成都博源物流有限公司"]);
    assert_eq!(search(&v, "tronic"), ["杭州华信电子有限公司"]);
    assert_eq!(search(&v, "HENGYUAN"), ["苏州恒远精密机械有限公司"]);
    assert_eq!(search(&v, "M000100"), ["成都博源物流有限公司"]);
    assert_eq!(search(&v, "Bo"), ["成都博源物流有限公司"]);
    assert_eq!(search(&v, "有限公司").len(), 3);
    assert!(search(&v, "不存在的公司").is_empty());
    assert!(search(&v, "\"").is_empty());
    assert!(search(&v, "a OR b NEAR(").is_empty());
}

#[test]
fn edits_reindex_and_filters_combine_with_search() {
    let (_d, mut v) = vault();
    let id = v
        .create_client(
            &client("青岛万和食品有限公司", "Qingdao Wanhe Foods", "赵强"),
            created_on(),
        )
        .unwrap();
    let mut other = client("青岛中联建材有限公司", "Qingdao Zhonglian", "孙敏");
    other.tier = Tier::A;
    other.stage = 3;
    v.create_client(&other, created_on()).unwrap();

    let mut edit = v.client(id).unwrap().fields;
    edit.contacts[0].name = "周杰".into();
    v.update_client(id, &edit).unwrap();
    assert!(search(&v, "赵强").is_empty());
    assert_eq!(search(&v, "周杰"), ["青岛万和食品有限公司"]);

    let q = ClientQuery {
        text: "青岛".into(),
        tier: Some(Tier::A),
        ..Default::default()
    };
    let names: Vec<_> = v
        .list_clients(&q)
        .unwrap()
        .items
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["青岛中联建材有限公司"]);
    let q = ClientQuery {
        stage: Some(1),
        ..Default::default()
    };
    assert_eq!(v.list_clients(&q).unwrap().total, 1);
}

#[test]
fn archive_keeps_the_row_and_hides_it_from_the_list() {
    let (_d, mut v) = vault();
    let id = v
        .create_client(
            &client("东莞远航纺织有限公司", "Dongguan Yuanhang Textiles", "陈静"),
            created_on(),
        )
        .unwrap();
    v.set_archived(id, true).unwrap();
    assert!(search(&v, "远航").is_empty());
    let archived = v
        .list_clients(&ClientQuery {
            archived: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(archived.items.len(), 1);
    let kept = v.client(id).unwrap();
    assert!(kept.archived);
    assert_eq!(kept.fields.contacts[0].name, "陈静");
    v.set_archived(id, false).unwrap();
    assert_eq!(search(&v, "远航").len(), 1);
    assert!(matches!(v.set_archived(999, true), Err(Error::NotFound(_))));
}

#[test]
fn invalid_input_is_refused_and_changes_nothing() {
    let (_d, mut v) = vault();
    let mut bad = ClientInput::named("厦门嘉禾电子有限公司");
    bad.credit_code = Some("91350100M000100Y44".into());
    let err = v.create_client(&bad, created_on()).unwrap_err();
    assert_eq!(err.field().as_deref(), Some("credit_code"));
    assert_eq!(err.code(), "validation");
    assert!(matches!(
        v.create_client(&ClientInput::named("   "), created_on()),
        Err(Error::Validation { .. })
    ));
    let mut bad_stage = ClientInput::named("x");
    bad_stage.stage = 6;
    assert!(v.create_client(&bad_stage, created_on()).is_err());
    assert_eq!(v.verify().unwrap().clients, 0);

    let mut good = ClientInput::named("厦门嘉禾电子有限公司");
    good.credit_code = Some("91350100m000100y43".into());
    let id = v.create_client(&good, created_on()).unwrap();
    assert_eq!(
        v.client(id).unwrap().fields.credit_code.as_deref(),
        Some("91350100M000100Y43")
    );
    let dup = v.create_client(&good, created_on()).unwrap_err();
    assert_eq!(dup.field().as_deref(), Some("credit_code"));
}

#[test]
fn touchpoints_are_listed_newest_first() {
    let (_d, mut v) = vault();
    let id = v
        .create_client(
            &ClientInput::named("武汉天成光伏电力有限公司"),
            created_on(),
        )
        .unwrap();
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    for (d, summary) in [(3, "首次拜访"), (20, "提交方案"), (11, "电话沟通")] {
        let t = TouchpointInput {
            date: day(d),
            channel: Channel::Visit,
            summary: summary.into(),
            next_step: String::new(),
            next_contact_date: Some(day(25)),
        };
        v.add_touchpoint(id, &t).unwrap();
    }
    let summaries: Vec<_> = v
        .client_detail(id)
        .unwrap()
        .touchpoints
        .into_iter()
        .map(|t| t.fields.summary)
        .collect();
    assert_eq!(summaries, ["提交方案", "电话沟通", "首次拜访"]);
    let empty = TouchpointInput {
        date: day(1),
        channel: Channel::Call,
        summary: " ".into(),
        next_step: String::new(),
        next_contact_date: None,
    };
    assert!(v.add_touchpoint(id, &empty).is_err());
    assert_eq!(v.touchpoints(id).unwrap().len(), 3);
}

#[test]
fn demo_vault_has_fifty_clients_in_every_stage() {
    let dir = tempfile::tempdir().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let v = loandesk_core::demo::write_demo_vault(
        &dir.path().join("demo.loandesk"),
        "demo-password",
        today,
        loandesk_core::Clock::fixed_on(today),
    )
    .unwrap();
    let report = v.verify().unwrap();
    assert_eq!(report.clients, 50);
    assert!(report.touchpoints >= 50);
    for stage in 1..=5 {
        let page = v
            .list_clients(&ClientQuery {
                stage: Some(stage),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(page.total, 10, "stage {stage}");
    }
}

/// The core stamps records with the vault's clock, which the caller chooses: a fixed clock
/// gives the same `at` on every row it writes, and a later clock takes over after `set_clock`.
#[test]
fn records_are_stamped_by_the_vault_clock_not_the_os() {
    let dir = tempfile::tempdir().unwrap();
    let at = |s: &str| {
        chrono::DateTime::parse_from_rfc3339(s)
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    let mut v = Vault::create_at(
        &dir.path().join("v.loandesk"),
        "test password 1",
        loandesk_core::Clock::fixed(at("2031-05-06T07:08:09Z")),
    )
    .unwrap();
    let id = v
        .create_client(&client("甲公司", "Jia", "张三"), created_on())
        .unwrap();
    v.set_clock(loandesk_core::Clock::fixed(at("2031-05-07T00:00:00Z")))
        .unwrap();
    v.set_archived(id, true).unwrap();
    let trail = loandesk_core::vault::recent_audit(v.conn(), "client", id, 10).unwrap();
    let stamps: Vec<&str> = trail.iter().map(|e| e.at.as_str()).collect();
    assert_eq!(
        stamps,
        ["2031-05-07T00:00:00.000Z", "2031-05-06T07:08:09.000Z"],
        "{trail:?}"
    );
    let (created, updated): (String, String) = v
        .conn()
        .query_row(
            "SELECT created_at, updated_at FROM clients WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(created, "2031-05-06T07:08:09.000Z");
    assert_eq!(updated, "2031-05-07T00:00:00.000Z");
}
