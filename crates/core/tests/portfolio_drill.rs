//! The portfolio drilled down on a real vault: every loan behind the figures, each carrying its
//! slice in every dimension, the overdue and non-performing headline figures, industries by
//! GB/T 4754 section, and the loan list in the CSV and XLSX exports.
#![allow(clippy::unwrap_used)]
use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use loandesk_core::clients::ClientInput;
use loandesk_core::loans::{DayCount, LoanTerms, Method, Rate, Rounding};
use loandesk_core::prefs::Language;
use loandesk_core::servicing::{
    portfolio_csv, portfolio_xlsx, BookingInput, Classification, DisbursementInput, Portfolio,
};
use loandesk_core::Vault;
use rust_decimal::Decimal;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn terms(principal: &str, start: &str) -> LoanTerms {
    LoanTerms {
        principal: dec(principal),
        currency: "CNY".into(),
        term_months: 12,
        rate: Rate::Fixed {
            annual_percent: dec("3.6"),
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

fn client(v: &mut Vault, name: &str, code: Option<&str>, text: Option<&str>) -> i64 {
    let mut c = ClientInput::named(name);
    c.industry_code = code.map(str::to_owned);
    c.industry = text.map(str::to_owned);
    v.create_client(&c, d("2025-12-01")).unwrap()
}

fn book(v: &mut Vault, client_id: i64, contract: &str, principal: &str, start: &str) -> i64 {
    v.book_loan(
        &BookingInput {
            client_id,
            contract_no: contract.into(),
            signed_on: d(start),
            terms: Some(terms(principal, start)),
            disbursements: vec![DisbursementInput {
                on: d(start),
                amount: dec(principal),
            }],
            repayment_account: String::new(),
            penalty: Default::default(),
            reprice: Default::default(),
            facility_id: None,
        },
        d(start),
    )
    .unwrap()
}

/// Three borrowers on 2026-03-10: a machinery maker current on its loan, a logistics company
/// 37 days late, and a new-energy company (free text, "other") classified 次级 by the officer.
fn book_of_three() -> (tempfile::TempDir, Vault, [i64; 3]) {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("p.loandesk"), "portfolio pass 1").unwrap();
    let a = client(&mut v, "苏州恒远精密机械有限公司", Some("C34"), None);
    let b = client(&mut v, "宁波海润物流有限公司", None, Some("物流"));
    let c = client(&mut v, "合肥晨光新能源科技有限公司", None, Some("新能源"));
    let current = book(&mut v, a, "HT-A", "3000000", "2026-03-01");
    let late = book(&mut v, b, "HT-B", "1200000", "2026-01-01");
    let bad = book(&mut v, c, "HT-C", "800000", "2026-03-05");
    v.set_classification(
        bad,
        Some(Classification::Substandard),
        "经营恶化，现金流不足以偿还",
        d("2026-03-10"),
    )
    .unwrap();
    (dir, v, [current, late, bad])
}

fn slice_total(p: &Portfolio, dim: &str, key: &str) -> Option<(u32, Decimal)> {
    let slices = match dim {
        "tier" => &p.by_tier,
        "industry" => &p.by_industry,
        "classification" => &p.by_classification,
        "age" => &p.by_age,
        "collateral" => &p.by_collateral,
        _ => &p.by_coverage,
    };
    slices
        .iter()
        .find(|s| s.key == key)
        .map(|s| (s.loans, s.outstanding))
}

#[test]
fn every_bar_adds_up_the_loans_that_carry_its_key() {
    let (_dir, v, [current, late, bad]) = book_of_three();
    let p = v.portfolio(d("2026-03-10"), "CNY").unwrap();
    assert_eq!(p.loans, 3);
    assert_eq!(p.loan_list.len(), 3);
    // Largest outstanding first.
    let ids: Vec<i64> = p.loan_list.iter().map(|l| l.loan_id).collect();
    assert_eq!(ids, vec![current, late, bad]);
    for dim in [
        "tier",
        "industry",
        "classification",
        "age",
        "collateral",
        "coverage",
    ] {
        let key_of = |l: &loandesk_core::servicing::PortfolioLoan| match dim {
            "tier" => l.tier.clone(),
            "industry" => l.industry.clone(),
            "classification" => l.classification.as_str().to_owned(),
            "age" => l.age.clone(),
            "collateral" => l.collateral.clone(),
            _ => l.coverage.clone(),
        };
        for l in &p.loan_list {
            let key = key_of(l);
            let behind: Vec<_> = p.loan_list.iter().filter(|o| key_of(o) == key).collect();
            let sum: Decimal = behind.iter().map(|o| o.outstanding).sum();
            assert_eq!(
                slice_total(&p, dim, &key),
                Some((behind.len() as u32, sum)),
                "{dim} {key}"
            );
        }
    }
    let by_id = |id: i64| p.loan_list.iter().find(|l| l.loan_id == id).unwrap();
    let l = by_id(late);
    assert_eq!(l.client_name, "宁波海润物流有限公司");
    assert_eq!(l.contract_no, "HT-B");
    assert_eq!(l.days_overdue, 37);
    assert_eq!(l.next_due_on, Some(d("2026-02-01")));
    assert_eq!(l.classification, Classification::SpecialMention);
    assert!(!l.classified_by_officer);
    // "物流" is obviously section G; "新能源" is not obvious and stays "other".
    assert_eq!(
        (l.industry_code.as_deref(), l.industry.as_str()),
        (Some("G"), "G")
    );
    let c = by_id(current);
    assert_eq!(
        (c.industry_code.as_deref(), c.industry.as_str()),
        (Some("C34"), "C")
    );
    assert_eq!(c.days_overdue, 0);
    assert_eq!(c.next_due_on, Some(d("2026-04-01")));
    assert_eq!(c.collateral, "unsecured");
    assert_eq!(c.coverage_percent, None);
    let b = by_id(bad);
    assert_eq!(b.industry, "other");
    assert_eq!(b.classification, Classification::Substandard);
    assert!(b.classified_by_officer);
}

#[test]
fn overdue_and_non_performing_as_amounts_and_shares_of_the_book() {
    let (_dir, v, _) = book_of_three();
    let p = v.portfolio(d("2026-03-10"), "CNY").unwrap();
    assert_eq!(p.outstanding, dec("5000000.00"));
    // Overdue: the whole balance of the one late loan; 1,200,000 / 5,000,000.
    assert_eq!(p.overdue.loans, 1);
    assert_eq!(p.overdue.outstanding, dec("1200000.00"));
    assert_eq!(p.overdue.percent, Some(dec("24.00")));
    // 不良: the 次级 loan only (关注 is not non-performing); 800,000 / 5,000,000.
    assert_eq!(p.non_performing.loans, 1);
    assert_eq!(p.non_performing.outstanding, dec("800000.00"));
    assert_eq!(p.non_performing.percent, Some(dec("16.00")));
    // An empty book has no share at all, not 0 %.
    let dir = tempfile::tempdir().unwrap();
    let empty = Vault::create(&dir.path().join("e.loandesk"), "portfolio pass 2").unwrap();
    let p = empty.portfolio(d("2026-03-10"), "CNY").unwrap();
    assert_eq!((p.overdue.percent, p.non_performing.percent), (None, None));
}

#[test]
fn industries_group_by_section_and_name_themselves_in_the_export() {
    let (_dir, v, _) = book_of_three();
    let p = v.portfolio(d("2026-03-10"), "CNY").unwrap();
    let keys: Vec<&str> = p.by_industry.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, vec!["C", "G", "other"]);

    let zh = portfolio_csv(&p, Language::Zh);
    assert!(zh.contains("\n行业,制造业,1,3000000.00\n"), "{zh}");
    assert!(zh.contains("\n行业,其他（未归类）,1,800000.00\n"), "{zh}");
    assert!(zh.contains("\n逾期贷款,1,1200000.00,24.00\n"), "{zh}");
    assert!(
        zh.contains("\n不良贷款（次级+可疑+损失）,1,800000.00,16.00\n"),
        "{zh}"
    );
    assert!(
        zh.contains("\n贷款明细\n借款人,合同编号,贷款余额,下一还款日,逾期天数,五级分类,客户分层,行业,逾期账龄,主要押品,押品覆盖率 %\n"),
        "{zh}"
    );
    assert!(
        zh.contains("\n宁波海润物流有限公司,HT-B,1200000.00,2026-02-01,37,关注,C,G 交通运输、仓储和邮政业,31–60 天,无押品,\n"),
        "{zh}"
    );
    let en = portfolio_csv(&p, Language::En);
    assert!(
        en.contains("\nIndustry,Manufacturing,1,3000000.00\n"),
        "{en}"
    );
    assert!(
        en.contains(
            "\n合肥晨光新能源科技有限公司,HT-C,800000.00,2026-04-05,0,Substandard,C,新能源,"
        ),
        "{en}"
    );
    assert!(en.contains(",HT-A,3000000.00,2026-04-01,0,Pass,C,C34 Manufacture of general-purpose machinery,Current,"), "{en}");

    let bytes = portfolio_xlsx(&p, Language::En).unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let loans = book.worksheet_range("Loans").unwrap();
    assert_eq!(loans.get((0, 0)), Some(&Data::String("Borrower".into())));
    assert_eq!(loans.rows().count(), 4);
    let late = loans
        .rows()
        .find(|r| r.get(1) == Some(&Data::String("HT-B".into())))
        .unwrap();
    assert_eq!(late[2], Data::Float(1_200_000.0));
    assert_eq!(late[4], Data::Float(37.0));
    assert_eq!(late[5], Data::String("Special mention".into()));
    let sheet = book.worksheet_range("Outstanding").unwrap();
    let npl = sheet
        .rows()
        .find(|r| matches!(r.first(), Some(Data::String(s)) if s.starts_with("Non-performing")))
        .unwrap();
    assert_eq!(
        (npl[2].clone(), npl[3].clone(), npl[4].clone()),
        (Data::Float(1.0), Data::Float(800_000.0), Data::Float(16.0))
    );
}
