//! PDF exports read back the way a person would: pdftotext for the words, pdfinfo for the
//! pages, pdffonts for the embedded subset (poppler-utils).
//!
//! The PDF reaches poppler on its standard input, and `POPPLER_DIR` may name the folder of
//! its programs: so the Windows build of these tests, run under Wine by
//! scripts/test-windows.sh, reads its PDFs back with the Linux poppler (Wine starts a native
//! program by its Unix path, which cannot open the test's Windows paths itself).
#![allow(clippy::unwrap_used)]
mod poppler;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use loandesk_core::clients::{
    Client, ClientInput, CompanySize, Contact, LifecycleStatus, ProductType, Tier,
};
use loandesk_core::loans::{generate, LoanTerms, LprTenor, Method, Rate, Schedule};
use loandesk_core::pdf::{
    default_risks, proposal_pdf, schedule_pdf, Lang, PdfOutput, ProposalDoc, ScheduleDoc,
};
use poppler::{poppler, text};
use rust_decimal::Decimal;

const HOSTILE: &str = "<img src=x onerror=alert(1)> & \"quotes\" (parens) \\ % 😀 公司";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn terms(months: u32, method: Method) -> LoanTerms {
    LoanTerms {
        principal: Decimal::from(1_000_000),
        currency: "CNY".into(),
        term_months: months,
        rate: Rate::Fixed {
            annual_percent: Decimal::new(490, 2),
        },
        disbursement_date: day(2025, 1, 15),
        repay_day: None,
        method,
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: Default::default(),
        rounding: Default::default(),
    }
}

fn mortgage() -> Schedule {
    generate(&terms(360, Method::EqualInstallment)).unwrap()
}

fn client(name: &str) -> Client {
    let mut fields = ClientInput::named(name);
    fields.name_en = Some("Hangzhou Xinghe Precision Machinery Co., Ltd.".into());
    fields.credit_code = Some("91330100MA2H3XYZ5K".into());
    fields.industry = Some("通用设备制造业".into());
    fields.size = Some(CompanySize::Medium);
    fields.region = Some("浙江省杭州市".into());
    fields.tier = Tier::A;
    fields.status = LifecycleStatus::Active;
    fields.stage = 4;
    fields.product = Some(ProductType::FixedAsset);
    fields.contacts = vec![Contact {
        name: "王建国".into(),
        role: "财务总监".into(),
        phone: "13800138000".into(),
        email: "wang@example.com".into(),
    }];
    Client {
        id: 7,
        fields,
        archived: false,
        created_at: "2025-01-01T00:00:00.000Z".into(),
        updated_at: "2025-01-01T00:00:00.000Z".into(),
    }
}

fn schedule_doc<'a>(s: &'a Schedule, name: Option<&'a str>, lang: Lang) -> ScheduleDoc<'a> {
    ScheduleDoc {
        schedule: s,
        client_name: name,
        officer: "李明",
        generated_on: day(2025, 1, 10),
        lang,
        booked: None,
        unit: None,
    }
}

/// Writes the PDF into the test's own folder and returns its path; with PDF_TEST_OUT set,
/// a copy goes there too, to look at the pages.
fn write(dir: &Path, name: &str, out: &PdfOutput) -> PathBuf {
    assert!(out.bytes.starts_with(b"%PDF-"), "not a PDF");
    let path = dir.join(name);
    std::fs::write(&path, &out.bytes).unwrap();
    if let Some(keep) = std::env::var_os("PDF_TEST_OUT") {
        std::fs::write(Path::new(&keep).join(name), &out.bytes).unwrap();
    }
    path
}

fn pages(path: &Path) -> usize {
    let info = poppler("pdfinfo", &["-"], path);
    let line = info.lines().find(|l| l.starts_with("Pages:")).unwrap();
    line.trim_start_matches("Pages:").trim().parse().unwrap()
}

/// Rows of `pdffonts`: (name, emb, sub).
fn fonts(path: &Path) -> Vec<(String, String, String)> {
    poppler("pdffonts", &["-"], path)
        .lines()
        .skip(2)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            let n = cols.len();
            (
                cols[0].to_owned(),
                cols[n - 5].to_owned(),
                cols[n - 4].to_owned(),
            )
        })
        .collect()
}

/// pdftotext -layout puts a wide row on one line with runs of spaces between cells.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` holds `expected`, ignoring how pdftotext spaced the words.
fn has(text: &str, expected: &str) -> bool {
    let flat = |s: &str| s.split_whitespace().collect::<String>();
    flat(text).contains(&flat(expected))
}

#[test]
fn chinese_schedule_of_360_periods() {
    let dir = tempfile::tempdir().unwrap();
    let s = mortgage();
    let out = schedule_pdf(&schedule_doc(
        &s,
        Some("杭州星河精密机械有限公司"),
        Lang::Zh,
    ))
    .unwrap();
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let path = write(dir.path(), "schedule-zh.pdf", &out);
    let t = squeeze(&text(&path));
    for expected in [
        "还款计划表",
        "借款人：杭州星河精密机械有限公司",
        "人民币壹佰万元整",
        "CNY 1,000,000.00",
        "等额本息",
        "年化利率（名义） 4.90 %",
        "年化利率（实际） 5.01 %",
        "期数 还款日 还款额 本金 利息 剩余本金",
        "1 2025-02-15 5,307.27 1,223.94 4,083.33 998,776.06",
        "合计 1,910,615.12 1,000,000.00 910,615.12",
        "生成日期 2025年1月10日 · 客户经理 李明",
    ] {
        assert!(has(&t, expected), "missing {expected:?} in\n{t}");
    }
    // The last period absorbs the rounding residual and clears the balance.
    assert!(has(&t, "360 2055-01-15 5,305.19 5,283.62 21.57 0.00"));

    let n = pages(&path);
    assert_eq!(n, 8, "a 360-row schedule fits in 8 A4 pages");
    assert!(has(&t, &format!("{n} / {n}")));
    // The column header is repeated on every page.
    let raw = text(&path);
    let per_page: Vec<&str> = raw
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(per_page.len(), n);
    for page in &per_page {
        assert!(squeeze(page).contains("期数 还款日 还款额 本金 利息 剩余本金"));
    }

    let f = fonts(&path);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].0.contains('+') && f[0].0.contains("NotoSansCJKsc"),
        "{f:?}"
    );
    assert_eq!(
        (f[0].1.as_str(), f[0].2.as_str()),
        ("yes", "yes"),
        "embedded as a subset"
    );
    assert!(out.bytes.len() < 150_000, "{} bytes", out.bytes.len());
}

#[test]
fn english_schedule_with_lpr_rate_and_no_client() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = terms(24, Method::EqualPrincipal);
    t.rate = Rate::Lpr {
        tenor: LprTenor::OneYear,
        lpr_percent: Decimal::new(310, 2),
        spread_bp: Decimal::from(45),
    };
    t.upfront_fee = Decimal::from(5_000);
    let s = generate(&t).unwrap();
    let out = schedule_pdf(&schedule_doc(&s, None, Lang::En)).unwrap();
    let path = write(dir.path(), "schedule-en.pdf", &out);
    let text = squeeze(&text(&path));
    for expected in [
        "Repayment schedule",
        "Equal principal",
        // The rate wraps in its cell after "=".
        "1-year LPR 3.10 % + 45 bp =",
        "3.55 %",
        "Upfront fee CNY 5,000.00",
        "APR (nominal",
        "APR (effective",
        "No. Due date Payment Principal Interest Balance",
        "24 2027-01-15",
        "Total",
        "Generated on 10 January 2025 · Officer 李明",
        "1 / 1",
    ] {
        assert!(has(&text, expected), "missing {expected:?} in\n{text}");
    }
    assert!(!text.contains("Borrower"));
}

#[test]
fn hostile_client_names_wrap_and_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    let s = generate(&terms(12, Method::InterestOnly)).unwrap();
    let long: String = "星河精密机械制造有限责任公司".repeat(15);
    assert!(long.chars().count() >= 200);
    for (i, name) in [long.as_str(), HOSTILE, "", "   "].into_iter().enumerate() {
        let out = schedule_pdf(&schedule_doc(&s, Some(name), Lang::Zh)).unwrap();
        let path = write(dir.path(), &format!("hostile-{i}.pdf"), &out);
        let t = text(&path);
        let flat: String = t.split_whitespace().collect();
        let name_flat: String = name.replace('😀', "□").split_whitespace().collect();
        assert!(flat.contains(&name_flat), "name {i} not found in\n{t}");
        // The long name is wrapped, not run off the page: no line is wider than the page.
        assert!(
            t.lines().all(|l| l.chars().count() < 200),
            "an unwrapped line in\n{t}"
        );
        assert_eq!(pages(&path), 1);
        let emoji = name.contains('😀');
        assert_eq!(out.warnings.len(), usize::from(emoji), "{:?}", out.warnings);
    }
}

#[test]
fn proposal_in_chinese_with_three_scenarios() {
    let dir = tempfile::tempdir().unwrap();
    let c = client("杭州星河精密机械有限公司");
    let scenarios = [
        generate(&terms(60, Method::EqualInstallment)).unwrap(),
        generate(&terms(60, Method::EqualPrincipal)).unwrap(),
        generate(&terms(36, Method::InterestOnly)).unwrap(),
    ];
    let doc = ProposalDoc {
        client: &c,
        scenarios: &scenarios,
        purpose: "购置数控加工中心 12 台，扩大精密零部件产能。",
        risks: None,
        officer: "李明",
        date: day(2025, 1, 10),
        lang: Lang::Zh,
        unit: None,
    };
    let out = proposal_pdf(&doc).unwrap();
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let path = write(dir.path(), "proposal-zh.pdf", &out);
    let t = squeeze(&text(&path));
    for expected in [
        "贷款方案建议书",
        "杭州星河精密机械有限公司",
        "Hangzhou Xinghe Precision Machinery Co., Ltd.",
        "91330100MA2H3XYZ5K",
        "中型企业",
        "A 类",
        "王建国 财务总监 13800138000",
        "购置数控加工中心 12 台",
        "方案一（建议） 方案二 方案三",
        "等额本金",
        "一、客户概况",
        "六、签署",
        "客户经理（签字）",
        "客户（签字 / 盖章）",
        "年化利率按实际现金流",
    ] {
        assert!(has(&t, expected), "missing {expected:?} in\n{t}");
    }
    assert!(has(&t, default_risks(Lang::Zh).lines().next().unwrap()));
    let n = pages(&path);
    assert!((3..=5).contains(&n), "{n} pages");
    assert!(has(&t, &format!("1 / {n}")) && has(&t, &format!("{n} / {n}")));
    let f = fonts(&path);
    assert!(
        f.iter().all(|(_, emb, sub)| emb == "yes" && sub == "yes"),
        "{f:?}"
    );
}

#[test]
fn proposal_in_english_with_one_scenario_and_own_risks() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = client(HOSTILE);
    c.fields.name_en = None;
    c.fields.contacts.clear();
    let scenarios = [mortgage()];
    let doc = ProposalDoc {
        client: &c,
        scenarios: &scenarios,
        purpose: "",
        risks: Some("Collateral: the factory at 88 Xinghe Road.\nThe APR is shown in both forms."),
        officer: "Li Ming",
        date: day(2025, 1, 10),
        lang: Lang::En,
        unit: None,
    };
    let out = proposal_pdf(&doc).unwrap();
    assert_eq!(out.warnings.len(), 1, "the emoji: {:?}", out.warnings);
    let path = write(dir.path(), "proposal-en.pdf", &out);
    let t = squeeze(&text(&path));
    for expected in [
        "Loan proposal",
        "1. Client summary",
        "<img src=x onerror=alert(1)>",
        "Purpose —",
    ] {
        assert!(has(&t, expected), "missing {expected:?} in\n{t}");
    }
    assert!(t.contains("Collateral: the factory at 88 Xinghe Road."));
    assert!(t.contains("Relationship manager (signature)"));
    assert!(t.contains("First payments"));
    // One scenario: its terms as a list, no comparison table.
    assert!(!t.contains("Option 1"));
}

#[test]
fn proposal_needs_one_to_three_scenarios() {
    let c = client("甲公司");
    let s = generate(&terms(12, Method::Bullet)).unwrap();
    let four = [s.clone(), s.clone(), s.clone(), s];
    for scenarios in [&four[..0], &four[..]] {
        let doc = ProposalDoc {
            client: &c,
            scenarios,
            purpose: "",
            risks: None,
            officer: "",
            date: day(2025, 1, 10),
            lang: Lang::Zh,
            unit: None,
        };
        let err = proposal_pdf(&doc).unwrap_err();
        assert_eq!(err.code(), "validation");
    }
}

#[test]
fn a_character_beyond_the_subset_uses_a_system_font_or_shows_a_box() {
    let dir = tempfile::tempdir().unwrap();
    let s = generate(&terms(12, Method::Bullet)).unwrap();
    // 𠮷 (U+20BB7, CJK extension B) is in no GBK subset; Noto CJK on Linux has it.
    let name = "𠮷野家餐饮有限公司";
    let out = schedule_pdf(&schedule_doc(&s, Some(name), Lang::Zh)).unwrap();
    let path = write(dir.path(), "rare.pdf", &out);
    let t = text(&path);
    let system = Path::new("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").exists();
    if system {
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
        assert!(t.contains(name), "{t}");
        let f = fonts(&path);
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            f.iter().all(|(_, emb, sub)| emb == "yes" && sub == "yes"),
            "{f:?}"
        );
        assert!(out.bytes.len() < 150_000);
    } else {
        assert_eq!(out.warnings.len(), 1);
        assert!(t.contains("□野家餐饮有限公司"));
    }
}

#[test]
fn lang_parses_from_its_wire_names() {
    assert_eq!("zh".parse::<Lang>().unwrap(), Lang::Zh);
    assert_eq!("en".parse::<Lang>().unwrap(), Lang::En);
    assert_eq!("fr".parse::<Lang>().unwrap_err().code(), "validation");
    assert_eq!(serde_json::to_string(&Lang::En).unwrap(), "\"en\"");
}

/// The officer's unit for PDFs (issue 19): the loan amounts in 万元 or 亿元, payments in 元 to
/// the fen, the 大写 exact.
#[test]
fn proposal_and_schedule_write_the_loan_amount_in_the_chosen_unit() {
    use loandesk_core::amount::AmountUnit;
    let dir = tempfile::tempdir().unwrap();
    let c = client("杭州星河精密机械有限公司");
    let mut t = terms(60, Method::EqualInstallment);
    t.principal = Decimal::from(5_000_000);
    let scenarios = [generate(&t).unwrap()];
    let payment = loandesk_core::amount::format_payment(scenarios[0].summary.payment);
    for (lang, unit, amount) in [
        (Lang::Zh, AmountUnit::Wan, "500.00 万元"),
        (Lang::Zh, AmountUnit::Yi, "0.05 亿元"),
        (Lang::En, AmountUnit::Wan, "500.00 ×10k CNY"),
        (Lang::Zh, AmountUnit::Yuan, "5,000,000.00 元"),
    ] {
        let doc = ProposalDoc {
            client: &c,
            scenarios: &scenarios,
            purpose: "",
            risks: None,
            officer: "李明",
            date: day(2025, 1, 10),
            lang,
            unit: Some(unit),
        };
        let path = write(
            dir.path(),
            "proposal-unit.pdf",
            &proposal_pdf(&doc).unwrap(),
        );
        let got = squeeze(&text(&path));
        assert!(has(&got, amount), "{amount:?} missing in\n{got}");
        assert!(has(&got, &payment), "the payment {payment} in 元");
        assert!(
            !has(&got, "CNY 5,000,000.00"),
            "no amount left in the old form"
        );
        if lang == Lang::Zh {
            assert!(has(&got, "伍佰万元整"));
        }

        let mut sched = schedule_doc(&scenarios[0], Some("杭州星河精密机械有限公司"), lang);
        sched.unit = Some(unit);
        let path = write(
            dir.path(),
            "schedule-unit.pdf",
            &schedule_pdf(&sched).unwrap(),
        );
        let got = squeeze(&text(&path));
        assert!(
            has(&got, amount),
            "{amount:?} missing in the schedule\n{got}"
        );
        assert!(has(&got, &payment));
    }
}
