//! Financial statements into figures, and the credit ratios on known numbers.
#![allow(clippy::unwrap_used)]
mod doc_files;

use chrono::NaiveDate;
use doc_files::*;
use loandesk_core::analysis::{RatioKind, RatioStatus, Thresholds, YearRatios};
use loandesk_core::documents::{parse_statement, DocumentKind, StatementLine};
use loandesk_core::loans::{generate, DayCount, LoanTerms, Method, Rate, Rounding, ScenarioInput};
use loandesk_core::rule::Rule;
use loandesk_core::{Error, Vault};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn value(year: &YearRatios, kind: RatioKind) -> (Option<Decimal>, RatioStatus) {
    let r = year.ratios.iter().find(|r| r.kind == kind).unwrap();
    (r.value, r.status)
}

fn terms(method: Method, months: u32) -> LoanTerms {
    LoanTerms {
        principal: Decimal::from(10_000_000),
        currency: "CNY".into(),
        term_months: months,
        rate: Rate::Fixed {
            annual_percent: d("4.35"),
        },
        disbursement_date: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        repay_day: None,
        method,
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: DayCount::default(),
        rounding: Rounding::default(),
    }
}

fn propose(v: &mut Vault, client: i64, terms: LoanTerms) {
    let input = ScenarioInput {
        id: None,
        label: "方案".into(),
        terms,
        proposed: true,
    };
    v.save_scenario(client, &input).unwrap();
}

#[test]
fn both_templates_and_the_xls_read_to_the_same_figures() {
    let xlsx = parse_statement("t.xlsx", &template_xlsx()).unwrap();
    let csv = parse_statement("t.csv", &template_csv()).unwrap();
    let xls = parse_statement("t.xls", &fixture("statement.xls")).unwrap();
    assert_eq!(xlsx, csv);
    assert_eq!(csv.iter().map(|y| y.year).collect::<Vec<_>>(), [2023, 2024]);
    assert_eq!(csv[1].get(StatementLine::TotalAssets), Some(d("54000000")));
    // Every line of the template, with a figure in both years.
    for year in &csv {
        assert!(StatementLine::all().all(|l| year.get(l).is_some()));
    }
    assert_eq!(csv[0].figures.len(), 24);
    // The XLS fixture was made from the template before issue 15 (fixtures/make_fixtures.py):
    // its fourteen lines read to the same figures as today's template has for them (and all
    // twenty-four once it is made again).
    assert!(xls.iter().all(|y| y.figures.len() >= 14));
    let older: Vec<_> = csv
        .iter()
        .map(|y| {
            let mut y = y.clone();
            y.figures.retain(|l, _| xls[0].figures.contains_key(l));
            y
        })
        .collect();
    assert_eq!(xls, older);
    // GBK, as Chinese Excel saves CSV.
    let text = String::from_utf8(template_csv()).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(text.trim_start_matches('\u{feff}'));
    assert_eq!(parse_statement("gbk.csv", &gbk).unwrap(), csv);
}

#[test]
fn ratios_on_the_template_figures_with_and_without_a_proposed_loan() {
    let (_d, mut v) = vault();
    let c = client(&mut v);
    let imported = v
        .import_statement(c, "财务报表.xlsx", &template_xlsx())
        .unwrap();
    assert_eq!(imported.document.kind, DocumentKind::FinancialStatements);
    assert_eq!(imported.years.len(), 2);

    let a = v.credit_analysis(c).unwrap();
    assert!(a.debt_service.is_none());
    assert_eq!(
        a.years.iter().map(|y| y.year).collect::<Vec<_>>(),
        [2024, 2023]
    );
    let (y2024, y2023) = (&a.years[0], &a.years[1]);
    use RatioKind::*;
    use RatioStatus::*;
    assert_eq!(value(y2024, CurrentRatio), (Some(d("1.50")), Ok));
    // (13.5M − 3.6M) / 9M = 1.10; 2023: 9M / 8M = 1.125, half away from zero → 1.13.
    assert_eq!(value(y2024, QuickRatio), (Some(d("1.10")), Ok));
    assert_eq!(value(y2023, QuickRatio), (Some(d("1.13")), Ok));
    assert_eq!(value(y2024, DebtToAsset), (Some(d("60.00")), Ok));
    // (7.2M + 1.2M) / 1.2M = 7.
    assert_eq!(value(y2024, InterestCoverage), (Some(d("7.00")), Ok));
    assert_eq!(value(y2024, Dscr), (None, NotAvailable));

    // 12 monthly payments, all in loan year 1: debt service = the whole repayment.
    let loan = terms(Method::EqualInstallment, 12);
    let total = generate(&loan).unwrap().summary.total_payment;
    propose(&mut v, c, loan);
    let a = v.credit_analysis(c).unwrap();
    let ds = a.debt_service.clone().unwrap();
    assert_eq!((ds.annual, ds.loan_year), (total, 1));
    // EBITDA 2024 = 7.2M + 1.2M + 1.6M = 10M; operating cash flow 6.3M.
    let dscr = (Decimal::from(10_000_000) / total).round_dp(2);
    let cash = (Decimal::from(6_300_000) / total).round_dp(2);
    assert_eq!(value(&a.years[0], Dscr), (Some(dscr), Breach));
    assert_eq!(value(&a.years[0], DscrCashFlow), (Some(cash), Breach));
}

#[test]
fn debt_service_is_the_heaviest_loan_year() {
    let (_d, mut v) = vault();
    let c = client(&mut v);
    // Interest only for 24 months, principal with the last payment: year 2 is the heavy one.
    propose(&mut v, c, terms(Method::InterestOnly, 24));
    let ds = v.credit_analysis(c).unwrap().debt_service.unwrap();
    assert_eq!(ds.loan_year, 2);
    assert!(ds.annual > Decimal::from(10_000_000));
}

#[test]
fn thresholds_are_editable_and_checked() {
    let (_d, mut v) = vault();
    let c = client(&mut v);
    v.import_statement(c, "s.csv", &template_csv()).unwrap();
    assert_eq!(v.credit_thresholds().unwrap(), Thresholds::default());
    let strict = Thresholds {
        current_ratio: d("1.51"),
        debt_to_asset_percent: d("59.99"),
        ..Thresholds::default()
    };
    v.set_credit_thresholds(&strict).unwrap();
    let a = v.credit_analysis(c).unwrap();
    assert_eq!(
        value(&a.years[0], RatioKind::CurrentRatio).1,
        RatioStatus::Breach
    );
    assert_eq!(
        value(&a.years[0], RatioKind::DebtToAsset).1,
        RatioStatus::Breach
    );
    let bad = Thresholds {
        dscr: Decimal::ZERO,
        ..Thresholds::default()
    };
    assert!(matches!(
        v.set_credit_thresholds(&bad),
        Err(Error::Validation { field, .. }) if field == "dscr"
    ));
    let precise = Thresholds {
        quick_ratio: d("0.805"),
        ..Thresholds::default()
    };
    assert!(v.set_credit_thresholds(&precise).is_err());
}

#[test]
fn zero_denominators_are_not_available_not_a_panic() {
    let (_d, mut v) = vault();
    let c = client(&mut v);
    let text = String::from_utf8(template_csv()).unwrap();
    let zeroed = text
        .replace(
            "利息支出 Interest expense,1000000,1200000",
            "利息支出 Interest expense,0,0",
        )
        .replace(
            "流动负债合计 Total current liabilities,8000000,9000000",
            "流动负债合计 Total current liabilities,0,0",
        );
    v.import_statement(c, "zero.csv", zeroed.as_bytes())
        .unwrap();
    let a = v.credit_analysis(c).unwrap();
    for kind in [
        RatioKind::CurrentRatio,
        RatioKind::QuickRatio,
        RatioKind::InterestCoverage,
    ] {
        assert_eq!(value(&a.years[0], kind), (None, RatioStatus::NotAvailable));
    }
}

#[test]
fn bad_statements_name_the_line_and_store_nothing() {
    let (_d, mut v) = vault();
    let c = client(&mut v);
    let text = String::from_utf8(template_csv()).unwrap();
    let missing = text.replace("存货 Inventory,3000000,3600000\r\n", "");
    let bad = text.replace(
        "利润总额 Profit before tax,6000000,7200000",
        "利润总额 Profit before tax,6000000,七百万",
    );
    let empty = text.replace(
        "营业收入 Revenue,80000000,90000000",
        "营业收入 Revenue,,90000000",
    );
    let cases = [
        (
            missing,
            Rule::StatementLineMissing {
                line: StatementLine::Inventory,
            },
        ),
        (
            bad,
            Rule::StatementValue {
                line: StatementLine::ProfitBeforeTax,
                row: 25,
                year: 2024,
                value: "七百万".into(),
            },
        ),
        (
            empty,
            Rule::StatementValue {
                line: StatementLine::Revenue,
                row: 21,
                year: 2023,
                value: String::new(),
            },
        ),
        ("a,b\n1,2\n".to_string(), Rule::StatementNoYears),
    ];
    for (csv, want) in cases {
        match v.import_statement(c, "s.csv", csv.as_bytes()) {
            Err(Error::Validation { rule, .. }) => assert_eq!(rule, want),
            other => panic!("{other:?}"),
        }
    }
    let refused =
        |v: &mut Vault, name: &str, bytes: Vec<u8>| match v.import_statement(c, name, &bytes) {
            Err(Error::Validation { rule, .. }) => rule,
            other => panic!("{other:?}"),
        };
    assert_eq!(
        refused(&mut v, "locked.xlsx", fixture("encrypted.xlsx")),
        Rule::PasswordProtected
    );
    assert_eq!(refused(&mut v, "s.pdf", pdf("x", 0)), Rule::NotSpreadsheet);
    assert!(v.financial_years(c).unwrap().is_empty());
    assert!(v.list_documents(c, true).unwrap().is_empty());
}

#[test]
fn a_year_imported_again_is_replaced_and_the_same_file_reuses_its_document() {
    let (_d, mut v) = vault();
    let c = client(&mut v);
    let first = v.import_statement(c, "s.csv", &template_csv()).unwrap();
    let again = v.import_statement(c, "s.csv", &template_csv()).unwrap();
    assert_eq!(first.document.id, again.document.id);
    let text = String::from_utf8(template_csv()).unwrap();
    let revised = text.replace(
        "资产总计 Total assets,50000000,54000000",
        "资产总计 Total assets,50000000,60000000",
    );
    let third = v.import_statement(c, "s2.csv", revised.as_bytes()).unwrap();
    assert_ne!(third.document.id, first.document.id);
    let years = v.financial_years(c).unwrap();
    assert_eq!(years.len(), 2);
    assert_eq!(
        years[0].get(StatementLine::TotalAssets),
        Some(d("60000000"))
    );
    assert_eq!(years[0].document_id, Some(third.document.id));
    assert_eq!(v.list_documents(c, false).unwrap().len(), 2);
}

#[test]
fn a_sheet_claiming_a_huge_used_range_is_read_in_bounded_memory() {
    // One cell at the very last row and column (XFD1048576): a dense reader would allocate
    // seventeen billion cells.
    let huge = template_xlsx_with(|xml| {
        let far = r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>"#;
        xml.replacen("</sheetData>", far, 1).replace(
            "<dimension ref=\"A1:C30\" />",
            "<dimension ref=\"A1:XFD1048576\" />",
        )
    });
    let years = parse_statement("huge.xlsx", &huge).unwrap();
    assert_eq!(years, parse_statement("t.csv", &template_csv()).unwrap());
}

/// Figures the officer accepted in the preview of a scanned statement (OCR, issue 18) are
/// stored like an import's: the years replaced, the scan as their document, an audit entry.
#[test]
fn accepted_scan_figures_are_stored_with_their_document() {
    use loandesk_core::documents::StatementYearInput;
    use std::collections::BTreeMap;
    let (_dir, mut v) = vault();
    let c = client(&mut v);
    let scan = v
        .import_document(
            c,
            "资产负债表.png",
            &png(),
            Some(DocumentKind::FinancialStatements),
        )
        .unwrap();
    let year = |y: i32, cash: &str| StatementYearInput {
        year: y,
        figures: BTreeMap::from([
            (StatementLine::Cash, d(cash)),
            (StatementLine::TotalAssets, d("30065290.32")),
        ]),
    };
    let stored = v
        .store_statement_years(
            c,
            Some(scan.id),
            &[year(2024, "3256780.45"), year(2023, "1")],
        )
        .unwrap();
    assert_eq!(
        stored.iter().map(|y| y.year).collect::<Vec<_>>(),
        [2024, 2023]
    );
    assert_eq!(stored[0].document_id, Some(scan.id));
    assert_eq!(stored[0].get(StatementLine::Cash), Some(d("3256780.45")));
    // Accepted again with a correction: the year is replaced, not added to.
    v.store_statement_years(c, Some(scan.id), &[year(2023, "2981004.12")])
        .unwrap();
    let years = v.financial_years(c).unwrap();
    assert_eq!(years.len(), 2);
    assert_eq!(years[1].get(StatementLine::Cash), Some(d("2981004.12")));
    // A year twice, nothing at all, or another client's document: refused, nothing stored.
    let twice = v
        .store_statement_years(c, None, &[year(2022, "1"), year(2022, "2")])
        .unwrap_err();
    assert!(matches!(
        twice,
        Error::Validation {
            rule: Rule::StatementYearTwice { year: 2022 },
            ..
        }
    ));
    let empty = StatementYearInput {
        year: 2022,
        figures: BTreeMap::new(),
    };
    assert!(matches!(
        v.store_statement_years(c, None, &[empty]).unwrap_err(),
        Error::Validation {
            rule: Rule::StatementNoYears,
            ..
        }
    ));
    let other = client(&mut v);
    assert_eq!(
        v.store_statement_years(other, Some(scan.id), &[year(2022, "1")])
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert_eq!(v.financial_years(c).unwrap().len(), 2);
}
