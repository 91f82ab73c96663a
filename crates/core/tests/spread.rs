//! The credit-analysis spread (issue 15) on a real vault, every ratio of every year checked by
//! hand: statements imported as CSV, as an officer would, and `Vault::credit_analysis` read
//! back. The arithmetic is written next to each expected value; days are on a 360-day year and
//! every value is rounded half away from zero to two places.
#![allow(clippy::unwrap_used)]
mod doc_files;

use chrono::NaiveDate;
use doc_files::*;
use loandesk_core::analysis::{
    BalanceBasis, CreditAnalysis, Ratio, RatioKind, RatioStatus, RatioUnit, YearRatios,
};
use loandesk_core::documents::StatementLine;
use loandesk_core::loans::{DayCount, LoanTerms, Method, Rate, Rounding, ScenarioInput};
use loandesk_core::Vault;
use rust_decimal::Decimal;

use BalanceBasis::{Average, Closing};
use RatioKind::*;
use RatioStatus::{Breach, NoThreshold, NotAvailable, Ok};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// One expected row: kind, value, status, basis, change ("" for none).
type Want = (
    RatioKind,
    &'static str,
    RatioStatus,
    Option<BalanceBasis>,
    &'static str,
);

fn opt(s: &str) -> Option<Decimal> {
    (!s.is_empty()).then(|| d(s))
}

/// Every ratio of `year`, in the spread's order, against `want`.
fn check(year: &YearRatios, want: &[Want]) {
    assert_eq!(
        year.ratios.iter().map(|r| r.kind).collect::<Vec<_>>(),
        RatioKind::ALL,
        "the spread lists every ratio once, in order"
    );
    assert_eq!(want.len(), RatioKind::ALL.len(), "a row for every ratio");
    for (r, &(kind, value, status, basis, change)) in year.ratios.iter().zip(want) {
        assert_eq!(r.kind, kind, "{}: rows out of order", year.year);
        let got = (r.value, r.status, r.basis, r.change);
        let expected = (opt(value), status, basis, opt(change));
        assert_eq!(got, expected, "{} {:?}", year.year, kind);
        assert_eq!(r.unit, kind.unit());
    }
}

fn year(a: &CreditAnalysis, y: i32) -> &YearRatios {
    a.years.iter().find(|r| r.year == y).unwrap()
}

fn ratio(a: &CreditAnalysis, y: i32, kind: RatioKind) -> Ratio {
    year(a, y)
        .ratios
        .iter()
        .find(|r| r.kind == kind)
        .unwrap()
        .clone()
}

/// 10,000,000 for 12 months at 4.80 %, interest monthly and the principal with the last
/// payment: 12 × 10,000,000 × 4.80 % / 12 = 12 × 40,000.00 of interest + 10,000,000, all due
/// in loan year 1, so the annual debt service is 10,480,000.00.
fn propose_bullet(v: &mut Vault, client: i64) {
    let terms = LoanTerms {
        principal: Decimal::from(10_000_000),
        currency: "CNY".into(),
        term_months: 12,
        rate: Rate::Fixed {
            annual_percent: d("4.80"),
        },
        disbursement_date: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        repay_day: None,
        method: Method::InterestOnly,
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: DayCount::default(),
        rounding: Rounding::default(),
    };
    let input = ScenarioInput {
        id: None,
        label: "流动资金贷款方案".into(),
        terms,
        proposed: true,
    };
    v.save_scenario(client, &input).unwrap();
}

/// Rows of a statement CSV in the template's layout: (label, one figure per year, "" empty).
fn csv(years: &[i32], rows: &[(&str, &[&str])]) -> String {
    let mut out = String::from("单位 Unit,元\n项目 Item");
    for y in years {
        out.push_str(&format!(",{y}"));
    }
    out.push('\n');
    for (label, figures) in rows {
        assert_eq!(figures.len(), years.len());
        out.push_str(label);
        for f in *figures {
            out.push(',');
            out.push_str(f);
        }
        out.push('\n');
    }
    out
}

/// Two years with every line. 2024's balances all move, so an average and a closing balance
/// give different days; totals hold (assets − liabilities = equity, net profit = profit before
/// tax − income tax, each part within its total).
#[rustfmt::skip]
const TWO_YEARS: &[(&str, &[&str])] = &[
    ("资产负债表 Balance sheet", &["", ""]),
    ("货币资金 Cash and cash equivalents", &["1500000", "2000000"]),
    ("应收账款 Accounts receivable", &["6000000", "7000000"]),
    ("预付账款 Prepayments", &["900000", "1100000"]),
    ("存货 Inventory", &["4500000", "5400000"]),
    ("流动资产合计 Total current assets", &["15000000", "16980000"]),
    ("资产总计 Total assets", &["40000000", "46000000"]),
    ("短期借款 Short-term borrowings", &["4000000", "4000000"]),
    ("应付账款 Accounts payable", &["3600000", "4500000"]),
    ("预收账款 Advances from customers", &["1200000", "1400000"]),
    ("一年内到期的非流动负债 Non-current liabilities due within one year", &["1000000", "1500000"]),
    ("流动负债合计 Total current liabilities", &["10000000", "12000000"]),
    ("长期借款 Long-term borrowings", &["8000000", "9000000"]),
    ("应付债券 Bonds payable", &["2000000", "2000000"]),
    ("负债合计 Total liabilities", &["24000000", "28000000"]),
    ("所有者权益合计 Total equity", &["16000000", "18000000"]),
    ("利润表 Income statement", &["", ""]),
    ("营业收入 Revenue", &["72000000", "81000000"]),
    ("营业成本 Cost of sales", &["54000000", "63000000"]),
    ("财务费用 Finance costs", &["700000", "820000"]),
    ("利息支出 Interest expense", &["800000", "900000"]),
    ("利润总额 Profit before tax", &["3200000", "4000000"]),
    ("所得税费用 Income tax expense", &["800000", "1000000"]),
    ("净利润 Net profit", &["2400000", "3000000"]),
    ("现金流量 Cash flow", &["", ""]),
    ("折旧与摊销 Depreciation and amortisation", &["1000000", "1100000"]),
    ("经营活动现金流量净额 Net cash flow from operating activities", &["3000000", "3900000"]),
];

/// 2023 of [`TWO_YEARS`]: the first year imported, so every balance is the closing one.
#[rustfmt::skip]
const FIRST_YEAR: &[Want] = &[
    // 15,000,000 / 10,000,000.
    (CurrentRatio, "1.50", Ok, None, ""),
    // (15,000,000 − 4,500,000) / 10,000,000 = 1.05.
    (QuickRatio, "1.05", Ok, None, ""),
    // 24,000,000 / 40,000,000 × 100.
    (DebtToAsset, "60.00", Ok, None, ""),
    // (3,200,000 + 800,000) / 800,000.
    (InterestCoverage, "5.00", Ok, None, ""),
    // EBITDA 5,000,000 / 10,480,000 = 0.47709… → 0.48, under 1.25.
    (Dscr, "0.48", Breach, None, ""),
    // 3,000,000 / 10,480,000 = 0.28625… → 0.29.
    (DscrCashFlow, "0.29", Breach, None, ""),
    // (15,000,000 − 4,500,000 − 900,000) / 10,000,000 = 0.96.
    (StrictQuickRatio, "0.96", NoThreshold, None, ""),
    // 3,200,000 + 800,000 + 1,000,000.
    (Ebitda, "5000000.00", NoThreshold, None, ""),
    // 4,000,000 + 8,000,000 + 2,000,000 + 1,000,000 = 15,000,000; / 5,000,000 = 3.00 ≤ 5.
    (DebtToEbitda, "3.00", Ok, None, ""),
    // (15,000,000 − 1,500,000) / 5,000,000 = 2.70 ≤ 4.
    (NetDebtToEbitda, "2.70", Ok, None, ""),
    // 360 × 6,000,000 / 72,000,000.
    (ReceivableDays, "30.00", NoThreshold, Some(Closing), ""),
    // 360 × 4,500,000 / 54,000,000.
    (InventoryDays, "30.00", NoThreshold, Some(Closing), ""),
    // 360 × 3,600,000 / 54,000,000.
    (PayableDays, "24.00", NoThreshold, Some(Closing), ""),
    // 360 × 900,000 / 54,000,000.
    (PrepaidDays, "6.00", NoThreshold, Some(Closing), ""),
    // 360 × 1,200,000 / 72,000,000.
    (AdvanceDays, "6.00", NoThreshold, Some(Closing), ""),
    // 30.00 + 30.00 − 24.00.
    (CashConversionCycle, "36.00", NoThreshold, Some(Closing), ""),
    // (72,000,000 − 54,000,000) / 72,000,000 × 100.
    (GrossMargin, "25.00", NoThreshold, None, ""),
    // 2,400,000 / 72,000,000 × 100 = 3.333… → 3.33.
    (NetMargin, "3.33", NoThreshold, None, ""),
    // 2,400,000 / 16,000,000 × 100.
    (ReturnOnEquity, "15.00", NoThreshold, Some(Closing), ""),
    // 3,000,000 / 2,400,000.
    (CashToProfit, "1.25", NoThreshold, None, ""),
    // No 2022.
    (RevenueGrowth, "", NotAvailable, None, ""),
];

/// 2024 of [`TWO_YEARS`]: balances averaged with 2023's closing ones; change = 2024 − 2023.
#[rustfmt::skip]
const SECOND_YEAR: &[Want] = &[
    // 16,980,000 / 12,000,000 = 1.415 → 1.42; 1.42 − 1.50.
    (CurrentRatio, "1.42", Ok, None, "-0.08"),
    // (16,980,000 − 5,400,000) / 12,000,000 = 0.965 exactly → 0.97 half away from zero (0.96
    // were it rounded half to even); 0.97 − 1.05.
    (QuickRatio, "0.97", Ok, None, "-0.08"),
    // 28,000,000 / 46,000,000 × 100 = 60.869… → 60.87; − 60.00.
    (DebtToAsset, "60.87", Ok, None, "0.87"),
    // (4,000,000 + 900,000) / 900,000 = 5.444… → 5.44; − 5.00.
    (InterestCoverage, "5.44", Ok, None, "0.44"),
    // EBITDA 6,000,000 / 10,480,000 = 0.57251… → 0.57; − 0.48.
    (Dscr, "0.57", Breach, None, "0.09"),
    // 3,900,000 / 10,480,000 = 0.37213… → 0.37; − 0.29.
    (DscrCashFlow, "0.37", Breach, None, "0.08"),
    // (16,980,000 − 5,400,000 − 1,100,000) / 12,000,000 = 0.8733… → 0.87; − 0.96.
    (StrictQuickRatio, "0.87", NoThreshold, None, "-0.09"),
    // 4,000,000 + 900,000 + 1,100,000; − 5,000,000.
    (Ebitda, "6000000.00", NoThreshold, None, "1000000.00"),
    // 4,000,000 + 9,000,000 + 2,000,000 + 1,500,000 = 16,500,000; / 6,000,000 = 2.75; − 3.00.
    (DebtToEbitda, "2.75", Ok, None, "-0.25"),
    // (16,500,000 − 2,000,000) / 6,000,000 = 2.4166… → 2.42; − 2.70.
    (NetDebtToEbitda, "2.42", Ok, None, "-0.28"),
    // 360 × (6,000,000 + 7,000,000) / 2 / 81,000,000 = 2,340 / 81 = 28.888… → 28.89; − 30.00.
    (ReceivableDays, "28.89", NoThreshold, Some(Average), "-1.11"),
    // 360 × (4,500,000 + 5,400,000) / 2 / 63,000,000 = 1,782 / 63 = 28.285… → 28.29; − 30.00.
    (InventoryDays, "28.29", NoThreshold, Some(Average), "-1.71"),
    // 360 × (3,600,000 + 4,500,000) / 2 / 63,000,000 = 1,458 / 63 = 23.142… → 23.14; − 24.00.
    (PayableDays, "23.14", NoThreshold, Some(Average), "-0.86"),
    // 360 × (900,000 + 1,100,000) / 2 / 63,000,000 = 360 / 63 = 5.714… → 5.71; − 6.00.
    (PrepaidDays, "5.71", NoThreshold, Some(Average), "-0.29"),
    // 360 × (1,200,000 + 1,400,000) / 2 / 81,000,000 = 468 / 81 = 5.777… → 5.78; − 6.00.
    (AdvanceDays, "5.78", NoThreshold, Some(Average), "-0.22"),
    // Of the days as shown: 28.89 + 28.29 − 23.14 = 34.04 (the unrounded days give
    // 34.0317… → 34.03); − 36.00.
    (CashConversionCycle, "34.04", NoThreshold, Some(Average), "-1.96"),
    // (81,000,000 − 63,000,000) / 81,000,000 × 100 = 22.222… → 22.22; − 25.00.
    (GrossMargin, "22.22", NoThreshold, None, "-2.78"),
    // 3,000,000 / 81,000,000 × 100 = 3.7037… → 3.70; − 3.33.
    (NetMargin, "3.70", NoThreshold, None, "0.37"),
    // 3,000,000 / ((16,000,000 + 18,000,000) / 2) × 100 = 3 / 17 = 17.647… → 17.65 (on the
    // closing equity it would be 16.67); − 15.00.
    (ReturnOnEquity, "17.65", NoThreshold, Some(Average), "2.65"),
    // 3,900,000 / 3,000,000; − 1.25.
    (CashToProfit, "1.30", NoThreshold, None, "0.05"),
    // (81,000,000 − 72,000,000) / 72,000,000 × 100; 2023 has no growth, so no change.
    (RevenueGrowth, "12.50", NoThreshold, None, ""),
];

#[test]
fn two_years_every_ratio_closing_then_averaged_with_changes() {
    let (_d, mut v) = vault();
    let c = client(&mut v);
    let imported = v
        .import_statement(c, "财务报表.csv", csv(&[2023, 2024], TWO_YEARS).as_bytes())
        .unwrap();
    // Every line read, in both years.
    for y in &imported.years {
        assert!(
            StatementLine::all().all(|l| y.get(l).is_some()),
            "{}",
            y.year
        );
    }
    propose_bullet(&mut v, c);
    let a = v.credit_analysis(c).unwrap();
    let ds = a.debt_service.clone().unwrap();
    assert_eq!((ds.annual, ds.loan_year), (d("10480000.00"), 1));
    assert_eq!(
        a.years.iter().map(|y| y.year).collect::<Vec<_>>(),
        [2024, 2023]
    );
    check(year(&a, 2023), FIRST_YEAR);
    check(year(&a, 2024), SECOND_YEAR);
    // The units the panel shows.
    let unit = |kind| ratio(&a, 2024, kind).unit;
    assert_eq!(unit(Ebitda), RatioUnit::Yuan);
    assert_eq!(unit(CashConversionCycle), RatioUnit::Days);
    assert_eq!(unit(ReturnOnEquity), RatioUnit::Percent);
    assert_eq!(unit(NetDebtToEbitda), RatioUnit::Times);
}

#[test]
fn a_missing_middle_year_means_closing_balances_no_growth_and_no_change() {
    let (_d, mut v) = vault();
    let c = client(&mut v);
    // 2021, 2022 and 2024: 2022 has the year before, 2024 does not (2023 is missing). 2021 is
    // 2023 of the two-year case with revenue 96,000,000 and cost of sales 72,000,000 (and
    // net profit, equity and the rest as they were); 2022 and 2024 are the same column.
    let rows: Vec<(&str, Vec<&str>)> = TWO_YEARS
        .iter()
        .map(|(label, f)| {
            let first = match *label {
                "营业收入 Revenue" => "96000000",
                "营业成本 Cost of sales" => "72000000",
                _ => f[0],
            };
            (*label, vec![first, f[1], f[1]])
        })
        .collect();
    let rows: Vec<(&str, &[&str])> = rows.iter().map(|(l, f)| (*l, &f[..])).collect();
    v.import_statement(c, "三年.csv", csv(&[2021, 2022, 2024], &rows).as_bytes())
        .unwrap();
    let a = v.credit_analysis(c).unwrap();
    assert_eq!(
        a.years.iter().map(|y| y.year).collect::<Vec<_>>(),
        [2024, 2022, 2021]
    );

    // 2024: as 2022's figures, every balance closing, no growth, no change.
    #[rustfmt::skip]
    let closing: &[Want] = &[
        (CurrentRatio, "1.42", Ok, None, ""),
        (QuickRatio, "0.97", Ok, None, ""),
        (DebtToAsset, "60.87", Ok, None, ""),
        (InterestCoverage, "5.44", Ok, None, ""),
        // No proposed loan.
        (Dscr, "", NotAvailable, None, ""),
        (DscrCashFlow, "", NotAvailable, None, ""),
        (StrictQuickRatio, "0.87", NoThreshold, None, ""),
        (Ebitda, "6000000.00", NoThreshold, None, ""),
        (DebtToEbitda, "2.75", Ok, None, ""),
        (NetDebtToEbitda, "2.42", Ok, None, ""),
        // 360 × 7,000,000 / 81,000,000 = 31.111… → 31.11.
        (ReceivableDays, "31.11", NoThreshold, Some(Closing), ""),
        // 360 × 5,400,000 / 63,000,000 = 30.857… → 30.86.
        (InventoryDays, "30.86", NoThreshold, Some(Closing), ""),
        // 360 × 4,500,000 / 63,000,000 = 25.714… → 25.71.
        (PayableDays, "25.71", NoThreshold, Some(Closing), ""),
        // 360 × 1,100,000 / 63,000,000 = 6.285… → 6.29.
        (PrepaidDays, "6.29", NoThreshold, Some(Closing), ""),
        // 360 × 1,400,000 / 81,000,000 = 6.222… → 6.22.
        (AdvanceDays, "6.22", NoThreshold, Some(Closing), ""),
        // 31.11 + 30.86 − 25.71.
        (CashConversionCycle, "36.26", NoThreshold, Some(Closing), ""),
        (GrossMargin, "22.22", NoThreshold, None, ""),
        (NetMargin, "3.70", NoThreshold, None, ""),
        // 3,000,000 / 18,000,000 × 100 = 16.666… → 16.67.
        (ReturnOnEquity, "16.67", NoThreshold, Some(Closing), ""),
        (CashToProfit, "1.30", NoThreshold, None, ""),
        (RevenueGrowth, "", NotAvailable, None, ""),
    ];
    check(year(&a, 2024), closing);

    // 2022 does average with 2021: the days of the two-year case's 2024 (they read this
    // year's revenue and cost of sales, and the two years' balances).
    let get = |kind| ratio(&a, 2022, kind);
    for (kind, want) in [
        (ReceivableDays, "28.89"),
        (InventoryDays, "28.29"),
        (PayableDays, "23.14"),
        (CashConversionCycle, "34.04"),
        (ReturnOnEquity, "17.65"),
    ] {
        assert_eq!(
            (get(kind).value, get(kind).basis),
            (opt(want), Some(Average))
        );
    }
    // (81,000,000 − 96,000,000) / 96,000,000 × 100 = −15.625 exactly → −15.63, half away from
    // zero (−15.62 were it rounded half up or half to even).
    assert_eq!(get(RevenueGrowth).value, Some(d("-15.63")));
    // Against 2021: receivable days 360 × 6,000,000 / 96,000,000 = 22.50, so 28.89 − 22.50;
    // gross margin 2021 (96 − 72) / 96 = 25.00, so 22.22 − 25.00.
    assert_eq!(get(ReceivableDays).change, Some(d("6.39")));
    assert_eq!(get(GrossMargin).change, Some(d("-2.78")));
}

/// The statement template before issue 15: fourteen lines, as officers' clients filled it in.
const OLD_TEMPLATE: &str = "\u{feff}财务报表模板 Financial statements template（示例数据，请替换 example figures: replace them）\r
单位 Unit,元\r
项目 Item,2023,2024\r
资产负债表 Balance sheet\r
货币资金 Cash and cash equivalents,2000000,2500000\r
应收账款 Accounts receivable,4000000,4200000\r
存货 Inventory,3000000,3600000\r
流动资产合计 Total current assets,12000000,13500000\r
资产总计 Total assets,50000000,54000000\r
流动负债合计 Total current liabilities,8000000,9000000\r
负债合计 Total liabilities,30000000,32400000\r
所有者权益合计 Total equity,20000000,21600000\r
利润表 Income statement\r
营业收入 Revenue,80000000,90000000\r
利息支出 Interest expense,1000000,1200000\r
利润总额 Profit before tax,6000000,7200000\r
净利润 Net profit,4500000,5400000\r
现金流量 Cash flow\r
折旧与摊销 Depreciation and amortisation,1500000,1600000\r
经营活动现金流量净额 Net cash flow from operating activities,5000000,6300000\r
";

/// The ratios that read one of the ten lines issue 15 added.
const NEED_NEW_LINES: [RatioKind; 9] = [
    StrictQuickRatio,
    DebtToEbitda,
    NetDebtToEbitda,
    InventoryDays,
    PayableDays,
    PrepaidDays,
    AdvanceDays,
    CashConversionCycle,
    GrossMargin,
];

#[test]
fn a_statement_in_the_old_template_imports_and_only_the_new_ratios_are_missing() {
    let (_d, mut v) = vault();
    let old = client(&mut v);
    let new = client(&mut v);
    let imported = v
        .import_statement(old, "2023-2024.csv", OLD_TEMPLATE.as_bytes())
        .unwrap();
    assert!(imported.years.iter().all(|y| y.figures.len() == 14));
    // Today's template: the same fourteen figures and the ten new lines.
    v.import_statement(new, "模板.csv", &template_csv())
        .unwrap();
    propose_bullet(&mut v, old);
    propose_bullet(&mut v, new);
    let (a_old, a_new) = (
        v.credit_analysis(old).unwrap(),
        v.credit_analysis(new).unwrap(),
    );
    let get = ratio;
    for y in [2023, 2024] {
        for &kind in RatioKind::ALL {
            let (was, now) = (get(&a_old, y, kind), get(&a_new, y, kind));
            if NEED_NEW_LINES.contains(&kind) {
                assert_eq!(
                    (was.value, was.status, was.basis, was.change),
                    (None, NotAvailable, None, None),
                    "{y} {kind:?}"
                );
                assert!(now.value.is_some(), "{y} {kind:?} on the new template");
            } else {
                // Unchanged by the new lines, change and basis included.
                assert_eq!(was, now, "{y} {kind:?}");
            }
        }
    }
    // The original six, by hand, on the old template.
    let value = |y, kind| get(&a_old, y, kind).value;
    // 13,500,000 / 9,000,000; 12,000,000 / 8,000,000.
    assert_eq!(value(2024, CurrentRatio), Some(d("1.50")));
    assert_eq!(value(2023, CurrentRatio), Some(d("1.50")));
    // (13,500,000 − 3,600,000) / 9,000,000 = 1.10; (12,000,000 − 3,000,000) / 8,000,000 =
    // 1.125 → 1.13.
    assert_eq!(value(2024, QuickRatio), Some(d("1.10")));
    assert_eq!(value(2023, QuickRatio), Some(d("1.13")));
    // 32,400,000 / 54,000,000 and 30,000,000 / 50,000,000.
    assert_eq!(value(2024, DebtToAsset), Some(d("60.00")));
    // (7,200,000 + 1,200,000) / 1,200,000 and (6,000,000 + 1,000,000) / 1,000,000.
    assert_eq!(value(2024, InterestCoverage), Some(d("7.00")));
    assert_eq!(value(2023, InterestCoverage), Some(d("7.00")));
    // EBITDA 10,000,000 / 10,480,000 = 0.954… → 0.95; 8,500,000 / 10,480,000 = 0.811… → 0.81.
    assert_eq!(value(2024, Dscr), Some(d("0.95")));
    assert_eq!(value(2023, Dscr), Some(d("0.81")));
    // 6,300,000 / 10,480,000 = 0.601… → 0.60; 5,000,000 / 10,480,000 = 0.477… → 0.48.
    assert_eq!(value(2024, DscrCashFlow), Some(d("0.60")));
    assert_eq!(value(2023, DscrCashFlow), Some(d("0.48")));
    // And what the old lines still give in 2024: 360 × (4,000,000 + 4,200,000) / 2 /
    // 90,000,000 = 16.40 days on averages; ROE 5,400,000 / 20,800,000 = 25.96 %.
    let ar = get(&a_old, 2024, ReceivableDays);
    assert_eq!((ar.value, ar.basis), (Some(d("16.40")), Some(Average)));
    assert_eq!(value(2024, ReturnOnEquity), Some(d("25.96")));

    // The new template's own 2024 figures, for the ratios the old one cannot give:
    // strict quick (13,500,000 − 3,600,000 − 1,000,000) / 9,000,000 = 0.988… → 0.99;
    // debt 3,500,000 + 1,000,000 + 16,000,000 + 5,000,000 = 25,500,000 / EBITDA 10,000,000;
    // net (25,500,000 − 2,500,000) / 10,000,000; inventory days 360 × 3,300,000 /
    // 71,100,000 = 16.708… → 16.71; payable 360 × 2,650,000 / 71,100,000 = 13.417… → 13.42;
    // prepaid 360 × 900,000 / 71,100,000 = 4.556… → 4.56; advance 360 × 750,000 / 90,000,000
    // = 3.00; cycle 16.40 + 16.71 − 13.42 = 19.69; gross (90 − 71.1) / 90 = 21.00 %.
    for (kind, want) in [
        (StrictQuickRatio, "0.99"),
        (DebtToEbitda, "2.55"),
        (NetDebtToEbitda, "2.30"),
        (InventoryDays, "16.71"),
        (PayableDays, "13.42"),
        (PrepaidDays, "4.56"),
        (AdvanceDays, "3.00"),
        (CashConversionCycle, "19.69"),
        (GrossMargin, "21.00"),
    ] {
        assert_eq!(get(&a_new, 2024, kind).value, Some(d(want)), "{kind:?}");
    }
}

#[test]
fn a_prior_year_without_a_new_line_gives_that_line_its_closing_balance() {
    let (_d, mut v) = vault();
    let c = client(&mut v);
    // Today's template with 2023's cells of the new lines left empty (the client filled them
    // in for the latest year only): an optional line left empty is not stored.
    let text = String::from_utf8(template_csv()).unwrap();
    let mut blanked = String::new();
    for line in text.split("\r\n") {
        let label = line.split(',').next().unwrap_or_default();
        // The ten issue-15 lines come last in template order.
        let is_new = StatementLine::all()
            .skip(14)
            .any(|l| label == format!("{} {}", l.text().zh, l.text().en));
        if is_new {
            let parts: Vec<&str> = line.split(',').collect();
            blanked.push_str(&format!("{},,{}", parts[0], parts[2]));
        } else {
            blanked.push_str(line);
        }
        blanked.push_str("\r\n");
    }
    let imported = v.import_statement(c, "s.csv", blanked.as_bytes()).unwrap();
    let figures: Vec<usize> = imported.years.iter().map(|y| y.figures.len()).collect();
    assert_eq!(figures, [14, 24]);
    let a = v.credit_analysis(c).unwrap();
    let get = |kind| ratio(&a, 2024, kind);
    // Both years have receivables and inventory: averaged. Inventory days read only 2024's
    // cost of sales: 360 × (3,000,000 + 3,600,000) / 2 / 71,100,000 = 16.708… → 16.71.
    assert_eq!(
        (get(ReceivableDays).value, get(ReceivableDays).basis),
        (Some(d("16.40")), Some(Average))
    );
    assert_eq!(
        (get(InventoryDays).value, get(InventoryDays).basis),
        (Some(d("16.71")), Some(Average))
    );
    // 2023 has no payables: 360 × 2,800,000 / 71,100,000 = 14.177… → 14.18 on the closing
    // balance; prepaid 360 × 1,000,000 / 71,100,000 = 5.063… → 5.06; advance 360 × 900,000 /
    // 90,000,000 = 3.60.
    for (kind, want) in [
        (PayableDays, "14.18"),
        (PrepaidDays, "5.06"),
        (AdvanceDays, "3.60"),
        // 16.40 + 16.71 − 14.18, closing since one of its three is.
        (CashConversionCycle, "18.93"),
    ] {
        assert_eq!(
            (get(kind).value, get(kind).basis, get(kind).change),
            (Some(d(want)), Some(Closing), None),
            "{kind:?}"
        );
    }
    // 2023 cannot give a gross margin, so 2024's has no change; receivable days do (16.40 −
    // 360 × 4,000,000 / 80,000,000 = 18.00).
    assert_eq!(get(GrossMargin).value, Some(d("21.00")));
    assert_eq!(get(GrossMargin).change, None);
    assert_eq!(get(ReceivableDays).change, Some(d("-1.60")));
}

#[test]
fn contract_liabilities_are_read_as_advances_from_customers() {
    let (_d, mut v) = vault();
    let c = client(&mut v);
    let text = String::from_utf8(template_csv()).unwrap();
    let row = "预收账款 Advances from customers,600000,900000";
    assert!(text.contains(row));
    for label in ["合同负债", "预收款项", "Contract liabilities"] {
        let renamed = text.replace(row, &format!("{label},600000,900000"));
        let years = v
            .import_statement(c, "合同负债.csv", renamed.as_bytes())
            .unwrap()
            .years;
        let advances: Vec<_> = years
            .iter()
            .map(|y| y.get(StatementLine::AdvancesFromCustomers))
            .collect();
        assert_eq!(advances, [Some(d("600000")), Some(d("900000"))], "{label}");
    }
    // And the advance days read it: 360 × (600,000 + 900,000) / 2 / 90,000,000 = 3.00.
    let a = v.credit_analysis(c).unwrap();
    let advance = ratio(&a, 2024, AdvanceDays);
    assert_eq!(
        (advance.value, advance.basis),
        (Some(d("3.00")), Some(Average))
    );
}
