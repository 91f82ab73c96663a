//! Issue 19, item 3: a proposal says who sends it and which one it is. The bank, branch,
//! officer and phone from Settings and the proposal number (YYYY-NNNN, per vault and year) are
//! printed on the cover, the number on every page; the same proposal in the other language keeps
//! its number, another one takes the next. The export prints the terms on screen when given and
//! compares only the saved scenarios the officer chose. Read back with pdftotext.
#![allow(clippy::unwrap_used)]
mod poppler;

use std::path::Path;

use chrono::NaiveDate;
use loandesk_core::bank_profile::BankProfile;
use loandesk_core::clients::ClientInput;
use loandesk_core::loans::{DayCount, LoanTerms, Method, Rate, Rounding, ScenarioInput};
use loandesk_core::pdf::{ExportKind, ExportRequest, Lang};
use loandesk_core::Vault;
use poppler::text;
use rust_decimal::Decimal;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn terms(principal: &str, months: u32) -> LoanTerms {
    LoanTerms {
        principal: principal.parse().unwrap(),
        currency: "CNY".into(),
        term_months: months,
        rate: Rate::Fixed {
            annual_percent: "4.35".parse().unwrap(),
        },
        disbursement_date: d("2026-07-15"),
        repay_day: None,
        method: Method::EqualInstallment,
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: DayCount::Act360,
        rounding: Rounding::HalfUp,
    }
}

fn has(text: &str, expected: &str) -> bool {
    let flat = |s: &str| s.split_whitespace().collect::<String>();
    flat(text).contains(&flat(expected))
}

fn request(kind: ExportKind, lang: Lang, purpose: &str) -> ExportRequest {
    ExportRequest {
        kind,
        lang,
        purpose: Some(purpose.into()),
        risks: None,
        terms: None,
        compare: vec![],
        unit: None,
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    v: Vault,
    client: i64,
    /// Saved: A (proposed, 1,000,000 over 36), B (800,000 over 24), C (600,000 over 12).
    ids: [i64; 3],
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("v.loandesk"), "proposal sender 1").unwrap();
    let client = v
        .create_client(
            &ClientInput::named("苏州恒远精密机械有限公司"),
            d("2026-06-01"),
        )
        .unwrap();
    let mut ids = [0; 3];
    for (i, (label, principal, months)) in [
        ("A", "1000000", 36),
        ("B", "800000", 24),
        ("C", "600000", 12),
    ]
    .into_iter()
    .enumerate()
    {
        let input = ScenarioInput {
            id: None,
            label: label.into(),
            terms: terms(principal, months),
            proposed: i == 0,
        };
        ids[i] = v.save_scenario(client, &input).unwrap();
    }
    v.set_bank_profile(&BankProfile {
        bank_name: "中国工商银行".into(),
        branch: "苏州工业园区支行".into(),
        officer_name: "王磊".into(),
        officer_phone: "0512-6288 1234".into(),
    })
    .unwrap();
    Fixture {
        _dir: dir,
        v,
        client,
        ids,
    }
}

fn export(f: &mut Fixture, req: &ExportRequest, on: &str) -> String {
    let out = f.v.export_pdf(f.client, req, d(on)).unwrap();
    let path = f._dir.path().join(format!("out-{on}.pdf"));
    std::fs::write(&path, &out.bytes).unwrap();
    if let Some(keep) = std::env::var_os("PDF_TEST_OUT") {
        let name = format!("proposal-sender-{:?}-{on}.pdf", req.lang);
        std::fs::write(Path::new(&keep).join(name), &out.bytes).unwrap();
    }
    text(&path)
}

#[test]
fn the_proposal_names_its_sender_number_and_date() {
    let mut f = fixture();
    let zh = export(
        &mut f,
        &request(ExportKind::Proposal, Lang::Zh, "购置设备"),
        "2026-07-01",
    );
    for expected in [
        "方案编号 2026-0001",
        "银行 中国工商银行",
        "经办机构 苏州工业园区支行",
        "客户经理 王磊",
        "联系电话 0512-6288 1234",
        "日期 2026年7月1日",
        "出具机构 中国工商银行 苏州工业园区支行",
    ] {
        assert!(has(&zh, expected), "missing {expected:?} in\n{zh}");
    }
    // The number heads every page, so a loose page still says which proposal it is from.
    let pages: Vec<&str> = zh.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert!(pages.len() >= 3, "{} pages", pages.len());
    for page in pages {
        assert!(
            has(page, "苏州恒远精密机械有限公司 · 方案编号 2026-0001"),
            "{page}"
        );
    }

    // The English copy of the same proposal, the same day: the same number.
    let en = export(
        &mut f,
        &request(ExportKind::Proposal, Lang::En, "购置设备"),
        "2026-07-01",
    );
    for expected in [
        "Proposal No. 2026-0001",
        "Bank 中国工商银行",
        "Branch 苏州工业园区支行",
        "Relationship manager 王磊",
        "Phone 0512-6288 1234",
        "Issued by 中国工商银行 苏州工业园区支行",
    ] {
        assert!(has(&en, expected), "missing {expected:?} in\n{en}");
    }

    // Another purpose is another proposal: the next number; so is the same one the next day.
    let other = export(
        &mut f,
        &request(ExportKind::Proposal, Lang::Zh, "补充流动资金"),
        "2026-07-01",
    );
    assert!(has(&other, "方案编号 2026-0002"), "{other}");
    let next_day = export(
        &mut f,
        &request(ExportKind::Proposal, Lang::Zh, "购置设备"),
        "2026-07-02",
    );
    assert!(has(&next_day, "方案编号 2026-0003"), "{next_day}");
    // A new year starts at 0001.
    let new_year = export(
        &mut f,
        &request(ExportKind::Proposal, Lang::Zh, "购置设备"),
        "2027-01-04",
    );
    assert!(has(&new_year, "方案编号 2027-0001"), "{new_year}");
    // And exporting the first again still gives its number.
    let again = export(
        &mut f,
        &request(ExportKind::Proposal, Lang::En, "购置设备"),
        "2026-07-01",
    );
    assert!(has(&again, "Proposal No. 2026-0001"), "{again}");
}

#[test]
fn prints_the_terms_shown_and_compares_only_what_was_chosen() {
    let mut f = fixture();
    // Nothing chosen: one scenario, the proposed one (A), and no comparison table.
    let one = export(
        &mut f,
        &request(ExportKind::Proposal, Lang::En, "x"),
        "2026-07-01",
    );
    assert!(has(&one, "CNY 1,000,000.00"), "{one}");
    assert!(!has(&one, "Option 2"), "{one}");

    // The calculator's unsaved terms, compared with C then B.
    let mut req = request(ExportKind::Proposal, Lang::En, "x");
    req.terms = Some(terms("1234567", 48));
    req.compare = vec![f.ids[2], f.ids[1]];
    let shown = export(&mut f, &req, "2026-07-01");
    assert!(has(&shown, "Amount requested CNY 1,234,567.00"), "{shown}");
    assert!(
        has(&shown, "Option 1 (proposed) Option 2 Option 3"),
        "{shown}"
    );
    assert!(
        has(&shown, "CNY 1,234,567.00 CNY 600,000.00 CNY 800,000.00"),
        "the chosen order: {shown}"
    );

    // The schedule of the terms shown, not of the saved proposal.
    let mut req = request(ExportKind::Schedule, Lang::Zh, "");
    req.terms = Some(terms("1234567", 48));
    let schedule = export(&mut f, &req, "2026-07-03");
    assert!(has(&schedule, "CNY 1,234,567.00"), "{schedule}");
    assert!(has(&schedule, "48 个月"), "{schedule}");

    // At most two beside it; an id of another client's scenario (or none) is not found.
    let mut req = request(ExportKind::Proposal, Lang::Zh, "x");
    req.compare = f.ids.to_vec();
    let err = f.v.export_pdf(f.client, &req, d("2026-07-01")).unwrap_err();
    assert_eq!(err.code(), "validation");
    req.compare = vec![9999];
    let err = f.v.export_pdf(f.client, &req, d("2026-07-01")).unwrap_err();
    assert_eq!(err.code(), "not_found");
}
