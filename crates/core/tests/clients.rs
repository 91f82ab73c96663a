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

fn names_of(v: &Vault, q: &ClientQuery) -> Vec<String> {
    v.list_clients(q)
        .unwrap()
        .items
        .into_iter()
        .map(|c| c.name)
        .collect()
}

/// Clients as an officer's book has them: the same city or trade in several names, polyphonic
/// place names, contacts whose surname reads unusually.
fn chinese_book() -> (tempfile::TempDir, Vault) {
    let (d, mut v) = vault();
    for (name, contact) in [
        ("长沙新星纺织有限公司", "曾伟"),
        ("长沙恒远纸箱有限公司", "张敏"),
        ("湖南长青纺织股份有限公司", "王芳"),
        ("重庆远航物流有限公司", "单丽"),
        ("中国银行长沙分行", "李强"),
        ("厦门嘉禾食品有限公司", "刘洋"),
    ] {
        let mut c = ClientInput::named(name);
        c.contacts = vec![Contact {
            name: contact.into(),
            ..Default::default()
        }];
        v.create_client(&c, created_on()).unwrap();
    }
    (d, v)
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn several_words_narrow_the_result() {
    let (_d, v) = chinese_book();
    assert_eq!(
        search(&v, "长沙 纺织"),
        vec!["长沙新星纺织有限公司".to_string()]
    );
    // Either order, the ideographic space too, a 1-char word with a 3+-char one (two indexes).
    assert_eq!(search(&v, "纺织　长沙"), search(&v, "长沙 纺织"));
    assert_eq!(
        search(&v, "纸 恒远纸箱"),
        vec!["长沙恒远纸箱有限公司".to_string()]
    );
    assert_eq!(
        sorted(search(&v, "纺织 有限公司")),
        vec!["湖南长青纺织股份有限公司", "长沙新星纺织有限公司"]
    );
    assert!(search(&v, "长沙 物流").is_empty());
    // A word with pinyin and a word in Chinese.
    assert_eq!(
        search(&v, "changsha 纸箱"),
        vec!["长沙恒远纸箱有限公司".to_string()]
    );
}

#[test]
fn pinyin_in_full_and_as_initials_finds_names() {
    let (_d, v) = chinese_book();
    // 长 read cháng in 长沙 and 长青, not zhǎng; 行 háng in 银行 and 分行; 重 chóng in 重庆; 厦 xià.
    assert_eq!(
        sorted(search(&v, "changsha")),
        vec![
            "中国银行长沙分行",
            "长沙恒远纸箱有限公司",
            "长沙新星纺织有限公司"
        ]
    );
    assert_eq!(
        search(&v, "cshyzx"),
        vec!["长沙恒远纸箱有限公司".to_string()]
    );
    assert_eq!(
        search(&v, "ChangQing"),
        vec!["湖南长青纺织股份有限公司".to_string()]
    );
    assert_eq!(
        search(&v, "chongqing"),
        vec!["重庆远航物流有限公司".to_string()]
    );
    assert_eq!(search(&v, "cqyh"), vec!["重庆远航物流有限公司".to_string()]);
    assert_eq!(search(&v, "yinhang"), vec!["中国银行长沙分行".to_string()]);
    assert_eq!(search(&v, "zgyhcsfh"), vec!["中国银行长沙分行".to_string()]);
    assert_eq!(
        search(&v, "xiamen"),
        vec!["厦门嘉禾食品有限公司".to_string()]
    );
    // The common, wrong readings find nothing.
    assert!(search(&v, "zhangsha").is_empty());
    assert!(search(&v, "zhongqing").is_empty());
    // Two initials: names starting with them.
    assert_eq!(
        sorted(search(&v, "cs")),
        vec!["长沙恒远纸箱有限公司", "长沙新星纺织有限公司"]
    );
}

#[test]
fn pinyin_finds_contacts_with_surname_readings() {
    let (_d, v) = chinese_book();
    // 曾 as a surname is zēng, 单 shàn.
    assert_eq!(
        search(&v, "zengwei"),
        vec!["长沙新星纺织有限公司".to_string()]
    );
    assert_eq!(
        search(&v, "shanli"),
        vec!["重庆远航物流有限公司".to_string()]
    );
    assert_eq!(
        search(&v, "zhangmin"),
        vec!["长沙恒远纸箱有限公司".to_string()]
    );
    // An edit re-reads the new contact.
    let mut v = v;
    let id = v
        .list_clients(&ClientQuery {
            text: "zhangmin".into(),
            ..Default::default()
        })
        .unwrap()
        .items[0]
        .id;
    let mut c = v.client(id).unwrap().fields;
    c.contacts[0].name = "赵磊".into();
    v.update_client(id, &c).unwrap();
    assert!(search(&v, "zhangmin").is_empty());
    assert_eq!(
        search(&v, "zhaolei"),
        vec!["长沙恒远纸箱有限公司".to_string()]
    );
}

#[test]
fn the_list_sorts_by_each_column_in_the_core() {
    let (_d, mut v) = vault();
    let today = created_on();
    let mut ids = Vec::new();
    for (name, stage, tier) in [
        ("张家港宏达电子", 2, Tier::B),
        ("安庆瑞丰食品", 4, Tier::A),
        ("长沙天成建材", 1, Tier::C),
        ("北京博源医药", 3, Tier::A),
    ] {
        let mut c = ClientInput::named(name);
        c.stage = stage;
        c.tier = tier;
        ids.push(v.create_client(&c, today).unwrap());
    }
    let q = |sort: ClientSort, descending: bool| ClientQuery {
        sort,
        descending,
        ..Default::default()
    };
    // Pinyin order: an, bei, chang, zhang.
    assert_eq!(
        names_of(&v, &q(ClientSort::Name, false)),
        vec![
            "安庆瑞丰食品",
            "北京博源医药",
            "长沙天成建材",
            "张家港宏达电子"
        ]
    );
    assert_eq!(
        names_of(&v, &q(ClientSort::Name, true)),
        vec![
            "张家港宏达电子",
            "长沙天成建材",
            "北京博源医药",
            "安庆瑞丰食品"
        ]
    );
    assert_eq!(names_of(&v, &q(ClientSort::Stage, true))[0], "安庆瑞丰食品");
    assert_eq!(
        names_of(&v, &q(ClientSort::Tier, false)),
        vec![
            "安庆瑞丰食品",
            "北京博源医药",
            "张家港宏达电子",
            "长沙天成建材"
        ]
    );
    // Next contact: a touchpoint with a date set by hand brings 长沙 first.
    v.add_touchpoint(
        ids[2],
        &TouchpointInput {
            date: today,
            channel: Channel::Call,
            summary: "电话".into(),
            next_step: String::new(),
            next_contact_date: Some(today + chrono::Duration::days(1)),
        },
    )
    .unwrap();
    let page = v.list_clients(&q(ClientSort::NextContact, false)).unwrap();
    assert_eq!(page.items[0].name, "长沙天成建材");
    assert_eq!(
        page.items[0].next_contact_on,
        Some(today + chrono::Duration::days(1))
    );
    // Amount: the proposed scenario's principal; clients without one last in both directions.
    for (i, principal) in [(0usize, 5_000_000), (3, 12_000_000)] {
        use loandesk_core::loans::*;
        let terms = LoanTerms {
            principal: rust_decimal::Decimal::from(principal),
            currency: "CNY".into(),
            term_months: 36,
            rate: Rate::Fixed {
                annual_percent: rust_decimal::Decimal::new(435, 2),
            },
            disbursement_date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            repay_day: None,
            method: Method::EqualInstallment,
            grace_months: 0,
            upfront_fee: rust_decimal::Decimal::ZERO,
            day_count: DayCount::default(),
            rounding: Rounding::default(),
        };
        let input = ScenarioInput {
            id: None,
            label: "方案".into(),
            terms,
            proposed: true,
        };
        v.save_scenario(ids[i], &input).unwrap();
    }
    let by_amount = v.list_clients(&q(ClientSort::Amount, true)).unwrap();
    let names: Vec<&str> = by_amount.items.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(&names[..2], &["北京博源医药", "张家港宏达电子"]);
    assert_eq!(by_amount.items[0].amount, Some("12000000".parse().unwrap()));
    assert_eq!(by_amount.items[3].amount, None);
    let asc = names_of(&v, &q(ClientSort::Amount, false));
    assert_eq!(&asc[..2], &["张家港宏达电子", "北京博源医药"]);
    // Sorting applies to a search's matches too.
    let mut s = q(ClientSort::Name, false);
    s.text = "长沙 建材".into();
    assert_eq!(names_of(&v, &s), vec!["长沙天成建材"]);
}
