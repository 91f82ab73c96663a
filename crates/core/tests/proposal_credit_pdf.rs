//! The proposal exported from a vault prints the client's credit analysis (issue 15): under the
//! client summary the spread of two imported years (years as columns, the change on the year
//! before, breaches marked, the first year's turnovers on closing balances) and the operating
//! cycle; under the financing needs of a working-capital loan the need calculation with its
//! inputs, flagged when the amount applied for is above it. Read back with pdftotext.
//!
//! With PDF_TEST_OUT set, the PDFs are copied there to look at the pages.
#![allow(clippy::unwrap_used)]
mod poppler;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use loandesk_core::analysis::{RatioKind, Thresholds, WcNeedAssumptions, WcNeedWarning};
use loandesk_core::clients::{ClientInput, ProductType};
use loandesk_core::loans::{DayCount, LoanTerms, Method, Rate, Rounding, ScenarioInput};
use loandesk_core::pdf::{ExportKind, ExportRequest, Lang, PdfOutput};
use loandesk_core::Vault;
use poppler::text;
use rust_decimal::Decimal;

const TODAY: &str = "2026-06-30";

/// Two years with round figures, every line of the template, so each ratio checks by hand.
const STATEMENTS: &str = "\
财务报表 Financial statements
单位 Unit,元
项目 Item,2023,2024
资产负债表 Balance sheet
货币资金 Cash and cash equivalents,1000000,1200000
应收账款 Accounts receivable,3000000,4000000
预付账款 Prepayments,500000,700000
存货 Inventory,2000000,2800000
流动资产合计 Total current assets,8000000,10000000
资产总计 Total assets,20000000,24000000
短期借款 Short-term borrowings,2000000,2500000
应付账款 Accounts payable,1500000,2100000
预收账款 Advances from customers,300000,500000
一年内到期的非流动负债 Non-current liabilities due within one year,500000,500000
流动负债合计 Total current liabilities,5000000,6000000
长期借款 Long-term borrowings,4000000,4500000
应付债券 Bonds payable,0,0
负债合计 Total liabilities,11000000,12000000
所有者权益合计 Total equity,9000000,12000000
利润表 Income statement
营业收入 Revenue,36000000,45000000
营业成本 Cost of sales,28800000,36000000
财务费用 Finance costs,400000,450000
利息支出 Interest expense,450000,500000
利润总额 Profit before tax,2400000,3000000
所得税费用 Income tax expense,600000,750000
净利润 Net profit,1800000,2250000
现金流量 Cash flow
折旧与摊销 Depreciation and amortisation,600000,700000
经营活动现金流量净额 Net cash flow from operating activities,2000000,2700000
";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Whether `text` holds `expected`, ignoring how pdftotext spaced the words.
fn has(text: &str, expected: &str) -> bool {
    let flat = |s: &str| s.split_whitespace().collect::<String>();
    flat(text).contains(&flat(expected))
}

/// The line of `text` (as pdftotext lays it out) that starts with `label`, its words single-spaced.
fn row(text: &str, label: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no row {label:?} in\n{text}"))
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
    let req = ExportRequest {
        kind: ExportKind::Proposal,
        lang,
        purpose: Some("采购原材料 / raw materials".into()),
        risks: None,
        terms: None,
        compare: vec![],
        unit: None,
    };
    let out = v.export_pdf(client, &req, d(TODAY)).unwrap();
    text(&write(dir, name, &out))
}

fn propose(v: &mut Vault, client: i64, principal: &str) {
    let terms = LoanTerms {
        principal: dec(principal),
        currency: "CNY".into(),
        term_months: 12,
        rate: Rate::Fixed {
            annual_percent: dec("3.45"),
        },
        disbursement_date: d("2026-07-15"),
        repay_day: None,
        method: Method::InterestOnly,
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: DayCount::Act360,
        rounding: Rounding::HalfUp,
    };
    let input = ScenarioInput {
        id: None,
        label: "建议方案".into(),
        terms,
        proposed: true,
    };
    v.save_scenario(client, &input).unwrap();
}

/// Growth 20 %, existing working-capital loans 500,000, the rest from the statements.
fn assumptions() -> WcNeedAssumptions {
    WcNeedAssumptions {
        growth_percent: dec("20"),
        existing_wc_loans: dec("500000"),
        ..Default::default()
    }
}

struct Fixture {
    dir: tempfile::TempDir,
    v: Vault,
}

/// A vault whose thresholds flag the current ratio under 1.65 and receivable days over 29.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("v.loandesk"), "proposal credit 1").unwrap();
    v.set_officer_name("王芳").unwrap();
    let mut t = Thresholds {
        current_ratio: dec("1.65"),
        ..Thresholds::default()
    };
    t.others.insert(RatioKind::ReceivableDays, dec("29"));
    v.set_credit_thresholds(&t).unwrap();
    Fixture { dir, v }
}

fn client(f: &mut Fixture, name: &str, product: Option<ProductType>) -> i64 {
    let input = ClientInput {
        product,
        ..ClientInput::named(name)
    };
    f.v.create_client(&input, d("2026-01-01")).unwrap()
}

/// A working-capital client with both years imported, 3,000,000 proposed and the need saved.
fn working_capital(f: &mut Fixture) -> i64 {
    let c = client(f, "杭州禾丰纺织有限公司", Some(ProductType::WorkingCapital));
    f.v.import_statement(c, "财务报表.csv", STATEMENTS.as_bytes())
        .unwrap();
    propose(&mut f.v, c, "3000000");
    f.v.save_wc_need_assumptions(c, &assumptions()).unwrap();
    c
}

#[test]
fn the_figures_the_proposal_prints_are_the_vaults() {
    let mut f = fixture();
    let c = working_capital(&mut f);
    // Days 24 + 28 − 18 + 6 − 3.20 = 36.80 → 360 / 36.8 = 9.7826 turns; 45,000,000 × 0.95 ×
    // 1.2 × 36.8 / 360 = 5,244,000; less own funds 10,000,000 − 6,000,000 and 500,000 existing
    // = 744,000, below the 3,000,000 applied for.
    let need = f.v.proposal_wc_need(c).unwrap().unwrap();
    assert_eq!(need.turnover, dec("9.7826"));
    assert_eq!(need.working_capital, dec("5244000.00"));
    assert_eq!(need.input.own_funds, dec("4000000"));
    assert_eq!(need.new_need, dec("744000.00"));
    assert_eq!(need.warnings, [WcNeedWarning::AboveNeed]);
    let a = f.v.credit_analysis(c).unwrap();
    let value = |year: usize, kind: RatioKind| {
        let r = a.years[year]
            .ratios
            .iter()
            .find(|r| r.kind == kind)
            .unwrap();
        r.value
    };
    assert_eq!(value(0, RatioKind::ReceivableDays), Some(dec("28.00")));
    assert_eq!(value(1, RatioKind::ReceivableDays), Some(dec("30.00")));
    assert_eq!(value(0, RatioKind::ReturnOnEquity), Some(dec("21.43")));
}

#[test]
fn chinese_proposal_shows_the_spread_the_cycle_and_the_need_above_it() {
    let mut f = fixture();
    let c = working_capital(&mut f);
    let dscr = f.v.credit_analysis(c).unwrap();
    let debt_service = dscr.debt_service.clone().unwrap();
    let t = export(
        &mut f.v,
        c,
        Lang::Zh,
        f.dir.path(),
        "proposal-credit-zh.pdf",
    );

    // The spread: 2023 (closing balances, marked *) then 2024 with its change and threshold.
    assert!(has(&t, "财务分析"), "{t}");
    assert!(has(&t, "主要财务指标"), "{t}");
    assert_eq!(row(&t, "指标 单位"), "指标 单位 2023* 2024 同比 阈值");
    for (label, expected) in [
        // 8 / 5 = 1.60 under 1.65: a breach; 10 / 6 = 1.67.
        ("流动比率", "流动比率 倍 ▲ 1.60 1.67 +0.07 ≥ 1.65"),
        ("速动比率 倍", "速动比率 倍 1.20 1.20 0.00 ≥ 0.80"),
        ("资产负债率", "资产负债率 % 55.00 50.00 -5.00 ≤ 70.00"),
        // (2,400,000 + 450,000) / 450,000 = 6.33; (3,000,000 + 500,000) / 500,000 = 7.
        ("利息保障倍数", "利息保障倍数 倍 6.33 7.00 +0.67 ≥ 2.00"),
        (
            "速动比率（扣除预付）",
            "速动比率（扣除预付） 倍 1.10 1.08 -0.02 —",
        ),
        (
            "息税折旧摊销前利润",
            "息税折旧摊销前利润（EBITDA） 元 3,450,000.00 4,200,000.00 +750,000.00 —",
        ),
        // 6,500,000 / 3,450,000 = 1.88; 7,500,000 / 4,200,000 = 1.79.
        (
            "有息负债/EBITDA",
            "有息负债/EBITDA 倍 1.88 1.79 -0.09 ≤ 5.00",
        ),
        ("净债务/EBITDA", "净债务/EBITDA 倍 1.59 1.50 -0.09 ≤ 4.00"),
        ("毛利率", "毛利率 % 20.00 20.00 0.00 —"),
        ("销售净利率", "销售净利率 % 5.00 5.00 0.00 —"),
        // 1,800,000 / 9,000,000 closing; 2,250,000 / 10,500,000 average.
        ("净资产收益率", "净资产收益率 % 20.00 21.43 +1.43 —"),
        ("净现比", "净现比 倍 1.11 1.20 +0.09 —"),
        // Not available for 2023, whose year before is not imported.
        ("营业收入增长率", "营业收入增长率 % — 25.00 — —"),
    ] {
        assert_eq!(row(&t, label), expected);
    }
    // The DSCRs on the proposed loan's heaviest year, from the vault's own analysis.
    let dscr_2024 = dscr.years[0]
        .ratios
        .iter()
        .find(|r| r.kind == RatioKind::Dscr)
        .unwrap();
    let shown = row(&t, "偿债覆盖率（EBITDA）");
    assert!(
        shown.contains(&format!("{}", dscr_2024.value.unwrap())),
        "{shown}"
    );
    assert!(
        has(
            &t,
            &format!(
                "建议方案年度还本付息额 CNY {}（第 1 个贷款年度",
                money(debt_service.annual)
            )
        ),
        "{t}"
    );

    // The operating cycle: 360 × average balance / revenue or cost of sales.
    assert!(has(&t, "营运周期（天）"), "{t}");
    for (label, expected) in [
        // 2023 on 3,000,000 closing, over 29: a breach.
        (
            "应收账款周转天数",
            "应收账款周转天数 天 ▲ 30.00 28.00 -2.00 ≤ 29.00",
        ),
        ("存货周转天数", "存货周转天数 天 25.00 24.00 -1.00 —"),
        (
            "应付账款周转天数",
            "应付账款周转天数 天 18.75 18.00 -0.75 —",
        ),
        ("预付账款周转天数", "预付账款周转天数 天 6.25 6.00 -0.25 —"),
        ("预收账款周转天数", "预收账款周转天数 天 3.00 3.20 +0.20 —"),
        ("现金周期", "现金周期 天 36.25 34.00 -2.25 —"),
    ] {
        assert_eq!(row(&t, label), expected);
    }
    assert!(has(&t, "▲ 超出阈值"), "{t}");
    assert!(
        has(
            &t,
            "* 2023 年无上年数据，周转天数及净资产收益率按期末余额计算。"
        ),
        "{t}"
    );

    // The need, each input with where it came from.
    assert!(has(&t, "流动资金贷款需求测算"), "{t}");
    for (label, expected) in [
        (
            "上年度销售收入",
            "上年度销售收入（元） 45,000,000.00 2024 年报表：营业收入",
        ),
        (
            "上年度销售利润率",
            "上年度销售利润率（%） 5.00 2024 年报表：净利润 ÷ 营业收入",
        ),
        (
            "预计销售收入年增长率",
            "预计销售收入年增长率（%） 20.00 客户经理预计",
        ),
        (
            "存货周转天数 24",
            "存货周转天数 24.00 2024 年报表，期初期末平均余额",
        ),
        (
            "应收账款周转天数 28",
            "应收账款周转天数 28.00 2024 年报表，期初期末平均余额",
        ),
        (
            "应付账款周转天数 18",
            "应付账款周转天数 18.00 2024 年报表，期初期末平均余额",
        ),
        (
            "预付账款周转天数 6",
            "预付账款周转天数 6.00 2024 年报表，期初期末平均余额",
        ),
        (
            "预收账款周转天数 3",
            "预收账款周转天数 3.20 2024 年报表，期初期末平均余额",
        ),
        ("营运资金周转次数", "营运资金周转次数（次） 9.7826"),
        ("营运资金量", "营运资金量（元） 5,244,000.00"),
        (
            "借款人自有资金",
            "借款人自有资金（元） 4,000,000.00 2024 年报表：流动资产 − 流动负债",
        ),
        (
            "现有流动资金贷款",
            "现有流动资金贷款（元） 500,000.00 客户经理录入",
        ),
        (
            "其他渠道提供的营运资金",
            "其他渠道提供的营运资金（元） 0.00 客户经理录入",
        ),
        (
            "新增流动资金贷款额度",
            "新增流动资金贷款额度（元） 744,000.00",
        ),
    ] {
        assert!(row(&t, label).starts_with(expected), "{}", row(&t, label));
    }
    assert!(
        has(
            &t,
            "申请金额超过测算需求：申请金额 CNY 3,000,000.00，测算的新增流动资金贷款额度 744,000.00，超出 2,256,000.00。"
        ),
        "{t}"
    );
    assert!(!has(&t, "测算结果为负"), "{t}");

    // In the order an approver reads: the client and its figures, then the need under the
    // amount applied for, then the structure.
    let at = |s: &str| t.find(s).unwrap();
    assert!(at("一、客户概况") < at("财务分析"));
    assert!(at("财务分析") < at("二、融资需求"));
    assert!(at("二、融资需求") < at("流动资金贷款需求测算"));
    assert!(at("流动资金贷款需求测算") < at("三、方案结构"));
}

#[test]
fn english_proposal_shows_the_same_figures() {
    let mut f = fixture();
    let c = working_capital(&mut f);
    let t = export(
        &mut f.v,
        c,
        Lang::En,
        f.dir.path(),
        "proposal-credit-en.pdf",
    );
    assert!(has(&t, "Financial analysis"), "{t}");
    assert_eq!(row(&t, "Ratio Unit"), "Ratio Unit 2023* 2024 YoY Threshold");
    for (label, expected) in [
        ("Current ratio", "Current ratio × ▲ 1.60 1.67 +0.07 ≥ 1.65"),
        ("Debt-to-asset", "Debt-to-asset % 55.00 50.00 -5.00 ≤ 70.00"),
        (
            "EBITDA",
            "EBITDA yuan 3,450,000.00 4,200,000.00 +750,000.00 —",
        ),
        ("Return on equity", "Return on equity % 20.00 21.43 +1.43 —"),
        (
            "Receivable days",
            "Receivable days days ▲ 30.00 28.00 -2.00 ≤ 29.00",
        ),
        (
            "Cash conversion cycle",
            "Cash conversion cycle days 36.25 34.00 -2.25 —",
        ),
    ] {
        assert_eq!(row(&t, label), expected);
    }
    for expected in [
        "Operating cycle (days)",
        "▲ breach of the threshold",
        "* 2023: no prior year imported, so the turnover days and the return on equity use closing balances.",
        "Working-capital loan need",
        "Last year's revenue (yuan) 45,000,000.00 2024 statements: revenue",
        "Expected revenue growth (%) 20.00 The officer's estimate",
        "Working-capital turnover (times) 9.7826",
        "Working capital (yuan) 5,244,000.00",
        "Borrower's own funds (yuan) 4,000,000.00 2024 statements: current assets − current liabilities",
        "New working-capital loan need (yuan) 744,000.00",
        "The amount applied for exceeds the calculated need: CNY 3,000,000.00 applied for against a calculated need of 744,000.00, 2,256,000.00 above it.",
    ] {
        assert!(has(&t, expected), "missing {expected:?} in\n{t}");
    }
    for zh in [
        "财务分析",
        "流动资金贷款需求测算",
        "申请金额超过测算需求",
        "期末余额",
    ] {
        assert!(!t.contains(zh), "{zh:?} in the English proposal");
    }
}

#[test]
fn entered_figures_say_so_and_a_negative_need_is_zero_with_its_warning() {
    let mut f = fixture();
    let c = working_capital(&mut f);
    let entered = WcNeedAssumptions {
        own_funds: Some(dec("6000000")),
        payable_days: Some(dec("17.5")),
        ..assumptions()
    };
    f.v.save_wc_need_assumptions(c, &entered).unwrap();
    let t = export(
        &mut f.v,
        c,
        Lang::Zh,
        f.dir.path(),
        "proposal-credit-negative.pdf",
    );
    // 24 + 28 − 17.5 + 6 − 3.2 = 37.3 days: 51,300,000 × 37.3 / 360 = 5,315,250, below the
    // 6,500,000 of own and existing funds.
    assert!(row(&t, "应付账款周转天数 17").starts_with("应付账款周转天数 17.50 客户经理录入"));
    assert!(row(&t, "借款人自有资金").starts_with("借款人自有资金（元） 6,000,000.00 客户经理录入"));
    assert!(row(&t, "营运资金量").starts_with("营运资金量（元） 5,315,250.00"));
    assert!(row(&t, "新增流动资金贷款额度").starts_with("新增流动资金贷款额度（元） 0.00"));
    assert!(
        has(
            &t,
            "测算结果为负：自有及现有资金已满足营运资金需求，新增额度按 0 计"
        ),
        "{t}"
    );
    assert!(has(&t, "申请金额超过测算需求"), "{t}");
}

#[test]
fn a_loan_within_the_need_is_not_flagged() {
    let mut f = fixture();
    let c = working_capital(&mut f);
    let id = f.v.loan_scenarios(c).unwrap()[0].id;
    let mut s = f.v.loan_scenarios(c).unwrap().remove(0);
    s.terms.principal = dec("700000");
    let input = ScenarioInput {
        id: Some(id),
        label: s.label,
        terms: s.terms,
        proposed: true,
    };
    f.v.save_scenario(c, &input).unwrap();
    let t = export(
        &mut f.v,
        c,
        Lang::Zh,
        f.dir.path(),
        "proposal-credit-within.pdf",
    );
    assert!(has(&t, "新增流动资金贷款额度（元） 744,000.00"), "{t}");
    assert!(!has(&t, "申请金额超过测算需求"), "{t}");
}

#[test]
fn another_product_has_the_spread_but_no_need() {
    let mut f = fixture();
    let c = client(
        &mut f,
        "宁波远航设备有限公司",
        Some(ProductType::FixedAsset),
    );
    f.v.import_statement(c, "财务报表.csv", STATEMENTS.as_bytes())
        .unwrap();
    propose(&mut f.v, c, "3000000");
    // Saved assumptions do not make a fixed-asset loan a working-capital one.
    f.v.save_wc_need_assumptions(c, &assumptions()).unwrap();
    let zh = export(
        &mut f.v,
        c,
        Lang::Zh,
        f.dir.path(),
        "proposal-credit-fixed-zh.pdf",
    );
    assert!(has(&zh, "财务分析"), "{zh}");
    assert_eq!(row(&zh, "流动比率"), "流动比率 倍 ▲ 1.60 1.67 +0.07 ≥ 1.65");
    assert!(has(&zh, "营运周期（天）"), "{zh}");
    for absent in [
        "流动资金贷款需求测算",
        "未提供流动资金贷款需求测算",
        "申请金额超过测算需求",
    ] {
        assert!(!has(&zh, absent), "{absent:?} in\n{zh}");
    }
    let en = export(
        &mut f.v,
        c,
        Lang::En,
        f.dir.path(),
        "proposal-credit-fixed-en.pdf",
    );
    assert!(has(&en, "Financial analysis"), "{en}");
    assert!(!has(&en, "Working-capital loan need"), "{en}");
}

#[test]
fn without_statements_the_proposal_says_none_are_imported() {
    let mut f = fixture();
    let c = client(
        &mut f,
        "绍兴新客户有限公司",
        Some(ProductType::WorkingCapital),
    );
    propose(&mut f.v, c, "1000000");
    let zh = export(
        &mut f.v,
        c,
        Lang::Zh,
        f.dir.path(),
        "proposal-credit-none-zh.pdf",
    );
    assert!(has(&zh, "财务分析"), "{zh}");
    assert!(has(&zh, "未导入财务报表，无财务分析。"), "{zh}");
    assert!(has(&zh, "未提供流动资金贷款需求测算。"), "{zh}");
    assert!(!has(&zh, "主要财务指标") && !has(&zh, "营运周期"), "{zh}");
    let en = export(
        &mut f.v,
        c,
        Lang::En,
        f.dir.path(),
        "proposal-credit-none-en.pdf",
    );
    assert!(
        has(
            &en,
            "No financial statements imported: no financial analysis."
        ),
        "{en}"
    );
    assert!(
        has(&en, "No working-capital loan need was calculated."),
        "{en}"
    );
}

/// Four years of a large company (the template's figures × 100, 2021 and 2022 at 80 % and 90 %
/// of 2023): the spread shows the last three, the oldest first.
#[test]
fn four_years_imported_show_the_last_three() {
    let mut f = fixture();
    let c = client(
        &mut f,
        "上海远东重工集团有限公司",
        Some(ProductType::WorkingCapital),
    );
    let mut csv = String::new();
    for line in STATEMENTS.lines() {
        let cells: Vec<&str> = line.split(',').collect();
        match cells.as_slice() {
            [label, "2023", "2024"] => csv.push_str(&format!("{label},2021,2022,2023,2024\n")),
            [label, a, b] if a.parse::<Decimal>().is_ok() => {
                let a: Decimal = a.parse::<Decimal>().unwrap() * Decimal::ONE_HUNDRED;
                let b: Decimal = b.parse::<Decimal>().unwrap() * Decimal::ONE_HUNDRED;
                let (x, y) = (a * dec("0.8"), a * dec("0.9"));
                csv.push_str(&format!("{label},{x},{y},{a},{b}\n"));
            }
            _ => csv.push_str(&format!("{line}\n")),
        }
    }
    f.v.import_statement(c, "四年报表.csv", csv.as_bytes())
        .unwrap();
    propose(&mut f.v, c, "300000000");
    let t = export(
        &mut f.v,
        c,
        Lang::Zh,
        f.dir.path(),
        "proposal-credit-3y-zh.pdf",
    );
    // 2022 reads 2021 as its year before: only the oldest imported year is on closing balances,
    // and it is not shown.
    assert_eq!(
        row(&t, "指标 单位"),
        "指标 单位 2022 2023 同比 2024 同比 阈值"
    );
    assert!(!has(&t, "年无上年数据"), "{t}");
    // EBITDA: 345,000,000 × 0.9 in 2022, 345,000,000 in 2023, 420,000,000 in 2024 (five columns
    // of hundreds of millions: the type steps down so that the label and header stay whole).
    assert_eq!(
        row(&t, "息税折旧摊销前利润"),
        "息税折旧摊销前利润（EBITDA） 元 310,500,000.00 345,000,000.00 +34,500,000.00 420,000,000.00 +75,000,000.00 —"
    );
    // Revenue grew 12.5 % (0.9 → 1) into 2023 and 25 % into 2024.
    assert_eq!(
        row(&t, "营业收入增长率"),
        "营业收入增长率 % 12.50 11.11 -1.39 25.00 +13.89 —"
    );
    let en = export(
        &mut f.v,
        c,
        Lang::En,
        f.dir.path(),
        "proposal-credit-3y-en.pdf",
    );
    assert_eq!(
        row(&en, "Ratio Unit"),
        "Ratio Unit 2022 2023 YoY 2024 YoY Threshold"
    );
}

/// As the PDF writes money: thousands grouped, two decimals.
fn money(d: Decimal) -> String {
    let s = format!("{:.2}", d.round_dp(2));
    let (whole, frac) = s.split_once('.').unwrap();
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out}.{frac}")
}
