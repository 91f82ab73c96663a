//! The proposal exported from a vault prints the client's security and credit line (issue 14):
//! the collateral of its open loans with their lendable value, what it covers, the
//! guarantors, and what the line has left after the proposed loan. Read back with pdftotext,
//! as tests/pdf.rs reads the other exports.
//!
//! With PDF_TEST_OUT set, the PDFs are copied there to look at the pages.
#![allow(clippy::unwrap_used)]
mod poppler;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use loandesk_core::amount::AmountUnit;
use loandesk_core::clients::ClientInput;
use loandesk_core::loans::{DayCount, LoanTerms, Method, Rate, Rounding, ScenarioInput};
use loandesk_core::pdf::{ExportKind, ExportRequest, Lang, PdfOutput};
use loandesk_core::security::{
    CollateralInput, CollateralKind, FacilityInput, GuaranteeKind, GuarantorInput, GuarantorParty,
    Revaluation,
};
use loandesk_core::servicing::{BookingInput, DisbursementInput};
use loandesk_core::Vault;
use poppler::text;
use rust_decimal::Decimal;

const TODAY: &str = "2026-06-30";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn terms(principal: &str, start: &str, months: u32) -> LoanTerms {
    LoanTerms {
        principal: dec(principal),
        currency: "CNY".into(),
        term_months: months,
        rate: Rate::Fixed {
            annual_percent: dec("4.35"),
        },
        disbursement_date: d(start),
        repay_day: None,
        method: Method::EqualPrincipal,
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: DayCount::Act360,
        rounding: Rounding::HalfUp,
    }
}

/// Whether `text` holds `expected`, ignoring how pdftotext spaced the words.
fn has(text: &str, expected: &str) -> bool {
    let flat = |s: &str| s.split_whitespace().collect::<String>();
    flat(text).contains(&flat(expected))
}

fn write(dir: &Path, name: &str, out: &PdfOutput) -> PathBuf {
    assert!(out.bytes.starts_with(b"%PDF-"), "not a PDF");
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let path = dir.join(name);
    std::fs::write(&path, &out.bytes).unwrap();
    if let Some(keep) = std::env::var_os("PDF_TEST_OUT") {
        std::fs::write(Path::new(&keep).join(name), &out.bytes).unwrap();
    }
    path
}

fn export(v: &mut Vault, client: i64, lang: Lang, dir: &Path, name: &str) -> String {
    export_in(v, client, lang, None, dir, name)
}

fn export_in(
    v: &mut Vault,
    client: i64,
    lang: Lang,
    unit: Option<AmountUnit>,
    dir: &Path,
    name: &str,
) -> String {
    let req = ExportRequest {
        kind: ExportKind::Proposal,
        lang,
        purpose: Some("购置数控加工中心 / new machining centres".into()),
        risks: None,
        terms: None,
        compare: vec![],
        unit,
    };
    let out = v.export_pdf(client, &req, d(TODAY)).unwrap();
    text(&write(dir, name, &out))
}

fn propose(v: &mut Vault, client: i64, id: Option<i64>, principal: &str) -> i64 {
    v.save_scenario(
        client,
        &ScenarioInput {
            id,
            label: "建议方案".into(),
            terms: terms(principal, "2026-07-15", 36),
            proposed: true,
        },
    )
    .unwrap()
}

/// A client with a proposed 3,000,000 loan; under its 10,000,000 revolving line an open
/// 8,000,000 loan secured by a factory (10,000,000 at the 70 % cap in Settings, a prior lien
/// of 1,000,000, since revalued down to 8,000,000), equipment (1,000,000 at 50 %) and an
/// archived item, with a company and a person as guarantors.
struct Fixture {
    _dir: tempfile::TempDir,
    v: Vault,
    client: i64,
    scenario: i64,
    loan: i64,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("v.loandesk"), "proposal security 1").unwrap();
    v.set_officer_name("李明").unwrap();
    let client = v
        .create_client(
            &ClientInput::named("苏州恒泰精密机械有限公司"),
            d("2026-01-01"),
        )
        .unwrap();
    let scenario = propose(&mut v, client, None, "3000000");
    let line = v
        .add_facility(&FacilityInput {
            client_id: client,
            amount: dec("10000000"),
            currency: "CNY".into(),
            from: d("2026-01-01"),
            to: d("2026-12-31"),
            revolving: true,
        })
        .unwrap();
    let t = terms("8000000", "2026-03-01", 12);
    let loan = v
        .book_loan(
            &BookingInput {
                client_id: client,
                contract_no: "HT-2026-001".into(),
                signed_on: t.disbursement_date,
                disbursements: vec![DisbursementInput {
                    on: t.disbursement_date,
                    amount: t.principal,
                }],
                terms: Some(t),
                repayment_account: String::new(),
                penalty: Default::default(),
                reprice: Default::default(),
                facility_id: Some(line),
            },
            d(TODAY),
        )
        .unwrap();
    let item = |kind, description: &str, value: &str, prior: &str| CollateralInput {
        kind,
        owner: "苏州恒泰精密机械有限公司".into(),
        description: description.into(),
        value: dec(value),
        valued_on: d("2026-03-01"),
        source: "评估报告".into(),
        cap_percent: None,
        prior_lien: dec(prior),
        registration_no: String::new(),
        registered_until: None,
        insured_until: None,
    };
    let factory = v
        .add_collateral(
            loan,
            &item(
                CollateralKind::Property,
                "吴中区厂房 12,000 平方米",
                "10000000",
                "1000000",
            ),
            d(TODAY),
        )
        .unwrap();
    v.add_collateral(
        loan,
        &item(CollateralKind::Equipment, "数控机床 8 台", "1000000", "0"),
        d(TODAY),
    )
    .unwrap();
    let released = v
        .add_collateral(
            loan,
            &item(CollateralKind::Vehicle, "已解押车辆", "300000", "0"),
            d(TODAY),
        )
        .unwrap();
    v.archive_collateral(released, d(TODAY)).unwrap();
    v.revalue_collateral(
        factory,
        &Revaluation {
            value: dec("8000000"),
            valued_on: d("2026-06-01"),
            source: "重估".into(),
        },
        d(TODAY),
    )
    .unwrap();
    v.add_guarantor(
        loan,
        &GuarantorInput {
            party: GuarantorParty::Company,
            name: "苏州恒泰控股有限公司".into(),
            credit_code: None,
            kind: GuaranteeKind::Joint,
            limit: Some(dec("5000000")),
            from: None,
            to: None,
            relation: "母公司".into(),
        },
    )
    .unwrap();
    v.add_guarantor(
        loan,
        &GuarantorInput {
            party: GuarantorParty::Person,
            name: "张伟".into(),
            credit_code: None,
            kind: GuaranteeKind::General,
            limit: None,
            from: None,
            to: None,
            relation: "法定代表人".into(),
        },
    )
    .unwrap();
    Fixture {
        _dir: dir,
        v,
        client,
        scenario,
        loan,
    }
}

#[test]
fn the_figures_the_proposal_prints_are_the_vaults() {
    let f = fixture();
    let view = f.v.booked_loan(f.loan, d(TODAY)).unwrap();
    // 8,000,000 × 70 % − 1,000,000 = 4,600,000; + 1,000,000 × 50 % = 5,100,000 of 8,000,000.
    assert_eq!(view.outstanding_principal, dec("8000000"));
    assert_eq!(view.security.capacity, dec("5100000"));
    assert_eq!(view.security.shortfall, dec("2900000"));
    assert_eq!(view.security.coverage_percent, Some(dec("63.75")));
    let line = &f.v.client_facilities(f.client).unwrap()[0];
    assert_eq!(
        (line.amount, line.used, line.available),
        (dec("10000000"), dec("8000000"), dec("2000000"))
    );
}

#[test]
fn chinese_proposal_shows_the_security_and_that_the_loan_exceeds_the_line() {
    let mut f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let t = export(
        &mut f.v,
        f.client,
        Lang::Zh,
        dir.path(),
        "proposal-security-zh.pdf",
    );
    for expected in [
        "担保措施",
        "押品种类",
        "可贷价值",
        // The factory: revalued to 8,000,000 on 1 June, cap 70 %, prior lien 1,000,000.
        "房产",
        "吴中区厂房",
        "8,000,000.00",
        "2026年6月1日",
        "70.00 %",
        "1,000,000.00",
        "4,600,000.00",
        // The equipment.
        "机器设备",
        "数控机床 8 台",
        "50.00 %",
        "500,000.00",
        // Capacity, outstanding principal, coverage and shortfall.
        "合计 CNY",
        "5,100,000.00",
        "CNY 5,100,000.00 8,000,000.00 63.75 % 2,900,000.00",
        "缺口 CNY 2,900,000.00（大写：人民币贰佰玖拾万元整）",
        // The guarantors.
        "保证人",
        "苏州恒泰控股有限公司 企业 连带责任保证 CNY 5,000,000.00 母公司",
        "张伟 自然人 一般保证 全额 法定代表人",
        // The line: 10,000,000, 8,000,000 used, 2,000,000 available, 3,000,000 proposed.
        "授信额度",
        "2026年1月1日 至 2026年12月31日（可循环）",
        "授信金额 CNY 10,000,000.00",
        "已用额度 CNY 8,000,000.00",
        "当前可用额度 CNY 2,000,000.00",
        "本笔贷款后可用额度 CNY -1,000,000.00",
        "本笔贷款超出可用额度 CNY 1,000,000.00。",
        // The sections around it are where they were.
        "三、方案结构",
        "四、还款概要",
        "六、签署",
    ] {
        assert!(has(&t, expected), "missing {expected:?} in\n{t}");
    }
    // The released vehicle is no longer part of the security.
    assert!(!has(&t, "已解押车辆"), "{t}");
    assert!(!has(&t, "交通运输工具"), "{t}");
    assert!(!has(&t, "未提供押品或保证"));
    // The security comes after the structure, before the repayments.
    let at = |s: &str| t.find(s).unwrap();
    assert!(at("三、方案结构") < at("担保措施"));
    assert!(at("担保措施") < at("授信额度"));
    assert!(at("授信额度") < at("四、还款概要"));
}

#[test]
fn english_proposal_shows_the_same_figures() {
    let mut f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let t = export(
        &mut f.v,
        f.client,
        Lang::En,
        dir.path(),
        "proposal-security-en.pdf",
    );
    for expected in [
        "Security",
        "Collateral",
        "Kind",
        "Lendable value",
        "Property",
        "1 June 2026",
        "70.00 %",
        "4,600,000.00",
        "Equipment",
        "500,000.00",
        "Total CNY",
        "CNY 5,100,000.00 8,000,000.00 63.75 % 2,900,000.00",
        "falls short of the outstanding principal by CNY 2,900,000.00 (in words: 人民币贰佰玖拾万元整)",
        "Guarantors",
        "苏州恒泰控股有限公司 Company Joint and several CNY 5,000,000.00 母公司",
        "张伟 Person General Whole debt 法定代表人",
        "Credit line",
        "1 January 2026 to 31 December 2026 (revolving)",
        "Line amount CNY 10,000,000.00",
        "Used CNY 8,000,000.00",
        "Available now CNY 2,000,000.00",
        "Available after this loan CNY -1,000,000.00",
        "This loan exceeds the available amount by CNY 1,000,000.00.",
    ] {
        assert!(has(&t, expected), "missing {expected:?} in\n{t}");
    }
    assert!(!has(&t, "Vehicle"), "{t}");
    for zh in ["担保措施", "授信额度", "押品种类", "超出可用额度"] {
        assert!(!t.contains(zh), "{zh:?} in the English proposal");
    }
}

/// In 万元 (the officer's unit for PDFs, issue 19 item 1) the same figures, the unit said once
/// per table and beside every figure in a sentence; the 大写 stays exact.
#[test]
fn the_security_is_written_in_the_officers_unit() {
    let mut f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let zh = export_in(
        &mut f.v,
        f.client,
        Lang::Zh,
        Some(AmountUnit::Wan),
        dir.path(),
        "proposal-security-wan-zh.pdf",
    );
    for expected in [
        "押品（单位：万）",
        "800.00",
        "460.00",
        "合计 万元",
        "万元 510.00 800.00 63.75 % 290.00",
        "缺口 290.00 万元（大写：人民币贰佰玖拾万元整）",
        "苏州恒泰控股有限公司 企业 连带责任保证 500.00 万元 母公司",
        "授信金额 1,000.00 万元",
        "本笔贷款后可用额度 -100.00 万元",
        "本笔贷款超出可用额度 100.00 万元。",
        // Payments stay yuan to the fen, written like the figures beside them.
        "每期还款额 94,208.33 元",
    ] {
        assert!(has(&zh, expected), "missing {expected:?} in\n{zh}");
    }
    let bare_cny = zh
        .match_indices("CNY ")
        .any(|(i, _)| zh[i + 4..].starts_with(|c: char| c.is_ascii_digit() || c == '-'));
    assert!(!bare_cny, "a figure still written as CNY x.xx:\n{zh}");
    let en = export_in(
        &mut f.v,
        f.client,
        Lang::En,
        Some(AmountUnit::Wan),
        dir.path(),
        "proposal-security-wan-en.pdf",
    );
    for expected in [
        "Collateral (in ×10k)",
        "Total ×10k CNY",
        "Line amount 1,000.00 ×10k CNY",
        "This loan exceeds the available amount by 100.00 ×10k CNY.",
    ] {
        assert!(has(&en, expected), "missing {expected:?} in\n{en}");
    }
}

#[test]
fn a_loan_within_the_line_leaves_the_rest_available_and_no_warning() {
    let mut f = fixture();
    propose(&mut f.v, f.client, Some(f.scenario), "1500000");
    let dir = tempfile::tempdir().unwrap();
    let t = export(
        &mut f.v,
        f.client,
        Lang::Zh,
        dir.path(),
        "proposal-within.pdf",
    );
    assert!(has(&t, "本笔贷款后可用额度 CNY 500,000.00"), "{t}");
    assert!(!has(&t, "超出可用额度"), "{t}");
    assert!(!has(&t, "不在授信期限内"), "{t}");
}

#[test]
fn a_client_with_no_security_gets_one_line_and_no_credit_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("v.loandesk"), "proposal security 2").unwrap();
    let client = v
        .create_client(&ClientInput::named("无锡新客户有限公司"), d("2026-01-01"))
        .unwrap();
    propose(&mut v, client, None, "2000000");
    let zh = export(&mut v, client, Lang::Zh, dir.path(), "proposal-none-zh.pdf");
    assert!(has(&zh, "担保措施"), "{zh}");
    assert!(has(&zh, "未提供押品或保证"), "{zh}");
    assert!(!has(&zh, "押品种类") && !has(&zh, "授信额度"), "{zh}");
    let en = export(&mut v, client, Lang::En, dir.path(), "proposal-none-en.pdf");
    assert!(has(&en, "No collateral or guarantee recorded"), "{en}");
    assert!(!has(&en, "Credit line"), "{en}");
}

#[test]
fn a_line_that_ended_before_the_disbursement_is_shown_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("v.loandesk"), "proposal security 3").unwrap();
    let client = v
        .create_client(&ClientInput::named("常州旧额度有限公司"), d("2026-01-01"))
        .unwrap();
    propose(&mut v, client, None, "2000000");
    for (amount, to) in [("3000000", "2026-05-31"), ("4000000", "2026-06-30")] {
        v.add_facility(&FacilityInput {
            client_id: client,
            amount: dec(amount),
            currency: "CNY".into(),
            from: d("2026-01-01"),
            to: d(to),
            revolving: false,
        })
        .unwrap();
    }
    let t = export(
        &mut v,
        client,
        Lang::Zh,
        dir.path(),
        "proposal-ended-line.pdf",
    );
    // Neither line includes 15 July: the latest is shown, 4,000,000 − 2,000,000 left.
    assert!(has(&t, "授信金额 CNY 4,000,000.00"), "{t}");
    assert!(has(&t, "本笔贷款后可用额度 CNY 2,000,000.00"), "{t}");
    assert!(has(&t, "放款日 2026年7月15日 不在授信期限内。"), "{t}");
    assert!(has(&t, "未提供押品或保证"), "{t}");
}
