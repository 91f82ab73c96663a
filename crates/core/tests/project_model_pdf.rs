//! The project model printed (issue 17): alone (`loandesk pf model --pdf`) and as the proposal's
//! "Financial model" section, read back with pdftotext in both languages.
//!
//! With PDF_TEST_OUT set, the PDFs are copied there to look at the pages.
#![allow(clippy::unwrap_used)]
mod poppler;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use loandesk_core::pdf::{model_pdf, Lang, ModelDoc, PdfOutput};
use loandesk_core::prefs::Language;
use loandesk_core::project_finance::{model, CapitalTable, ModelInput};
use poppler::text;

/// A 2-year quarterly build then 12 annual years, DSRA and a sweep, a short equity.
const INPUT: &str = r#"{"periods_per_year": 1, "rate_percent": "4.90",
  "rate_basis": {"tenor": "5y", "lpr_percent": "3.50", "spread_bp": 140},
  "cfads": ["1200", "1250", "1300", "1350", "1400", "1450", "1500", "1550", "1600", "1650", "1700", "1750"],
  "target_dscr": "1.30", "total_uses": "16000", "max_gearing_percent": "80",
  "construction": {"periods_per_year": 4, "rate_percent": "4.9",
    "draws": ["1500", "1500", "1500", "1500", "1500", "1500", "1500", "1500"], "draw_timing": "end"},
  "dsra_months": 6, "sweep": {"percent": "50", "lockup_dscr": "1.20"},
  "ebitda": ["1500", "1550", "1600", "1650", "1700", "1750", "1800", "1850", "1900", "1950", "2000", "2050"],
  "tax": ["100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "100"],
  "ebit": ["900", "950", "1000", "1050", "1100", "1150", "1200", "1250", "1300", "1350", "1400", "1450"],
  "capital_category": "cement"}"#;

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

/// 1234.5 → "1,234.50", as bank documents print money (the model's figures are already to the fen).
fn grouped(d: rust_decimal::Decimal) -> String {
    let text = format!("{:.2}", d.abs());
    let (whole, frac) = text.split_once('.').unwrap();
    let digits: Vec<char> = whole.chars().collect();
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(*c);
    }
    let sign = if d.is_sign_negative() && !d.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{out}.{frac}")
}

/// The line that starts with `label`, its runs of spaces made one.
fn row(text: &str, label: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no row {label:?} in\n{text}"))
}

#[test]
fn the_model_alone_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let input = ModelInput::from_json(INPUT).unwrap();
    for (lang, name) in [(Lang::Zh, "model-zh.pdf"), (Lang::En, "model-en.pdf")] {
        let m = model(&input, &CapitalTable::default(), Language::from(lang)).unwrap();
        let doc = ModelDoc {
            client_name: Some("湘江光伏电站项目公司"),
            input: &input,
            model: &m,
            officer: "王敏",
            date: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
            lang,
        };
        let text = text(&write(dir.path(), name, &model_pdf(&doc).unwrap()));
        let debt = grouped(m.debt);
        let first = &m.periods[0];
        // Period 1's row: number, CFADS, opening … DSCR, LLCR, as the model computed them.
        let expected = format!(
            "1 1,200.00 {} {} {} {} {} {:.4} {:.4}",
            grouped(first.opening),
            grouped(first.interest),
            grouped(first.principal),
            grouped(first.debt_service),
            grouped(first.closing),
            first.dscr.unwrap(),
            first.llcr.unwrap(),
        );
        assert_eq!(row(&text, "1 1,200.00"), expected);
        assert_eq!(m.periods.len(), 12);
        match lang {
            Lang::Zh => {
                assert!(text.contains("湘江光伏电站项目公司"));
                assert!(row(&text, "优先级债务").contains(&debt), "{text}");
                assert!(
                    row(&text, "定价基准").starts_with("定价基准 LPR 5年期以上 3.50 % + 140BP"),
                    "{text}"
                );
                assert!(text.contains("建设期提款与利息"));
                assert!(text.contains("资本金比例"), "{text}");
                assert!(text.contains("低于该行业最低要求 35%"), "{text}");
                assert!(
                    row(&text, "CFADS 下降 20%").contains('是') || text.contains("CFADS 下降 20%")
                );
            }
            Lang::En => {
                assert!(row(&text, "Senior debt").contains(&debt), "{text}");
                assert!(
                    row(&text, "Rate basis")
                        .starts_with("Rate basis LPR 5Y+ 3.50 % + 140 bp Operation"),
                    "{text}"
                );
                assert!(text.contains("Construction draws and interest"));
                let rate = row(&text, "Rate +100 bp");
                let case = &m.sensitivity[2];
                assert!(
                    rate.contains(&format!("{:.4}", case.min_dscr.unwrap())),
                    "{rate}"
                );
                assert!(text.contains("below the industry minimum 35 %"), "{text}");
            }
        }
    }
}

#[test]
fn the_proposal_prints_the_saved_model_and_only_then() {
    use loandesk_core::clients::ClientInput;
    use loandesk_core::loans::{DayCount, LoanTerms, Method, Rate, Rounding, ScenarioInput};
    use loandesk_core::pdf::{ExportKind, ExportRequest};
    use loandesk_core::Vault;

    let dir = tempfile::tempdir().unwrap();
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let mut v = Vault::create(&dir.path().join("v.loandesk"), "project model pdf 1").unwrap();
    let c = v
        .create_client(
            &ClientInput::named("湘江光伏电站项目公司"),
            day("2026-01-01"),
        )
        .unwrap();
    let terms = LoanTerms {
        principal: "12527.30".parse().unwrap(),
        currency: "CNY".into(),
        term_months: 144,
        rate: Rate::Fixed {
            annual_percent: "4.9".parse().unwrap(),
        },
        disbursement_date: day("2027-01-15"),
        repay_day: None,
        method: Method::EqualPrincipal,
        grace_months: 0,
        upfront_fee: rust_decimal::Decimal::ZERO,
        day_count: DayCount::Act360,
        rounding: Rounding::HalfUp,
    };
    let scenario = ScenarioInput {
        id: None,
        label: "建议方案".into(),
        terms,
        proposed: true,
    };
    v.save_scenario(c, &scenario).unwrap();
    let export = |v: &mut Vault, lang: Lang, name: &str| {
        let req = ExportRequest {
            kind: ExportKind::Proposal,
            lang,
            purpose: None,
            risks: None,
            terms: None,
            compare: vec![],
            unit: None,
        };
        text(&write(
            dir.path(),
            name,
            &v.export_pdf(c, &req, day("2026-12-03")).unwrap(),
        ))
    };
    let without = export(&mut v, Lang::En, "proposal-no-model.pdf");
    assert!(!without.contains("Financial model"), "{without}");

    let input = ModelInput::from_json(INPUT).unwrap();
    let saved = v.save_project_model(c, &input, Language::Zh).unwrap();
    let zh = export(&mut v, Lang::Zh, "proposal-model-zh.pdf");
    assert!(zh.contains("财务模型"), "{zh}");
    assert!(
        row(&zh, "优先级债务").contains(&grouped(saved.debt)),
        "{zh}"
    );
    let last = saved.periods.last().unwrap();
    assert!(row(&zh, &format!("12 {}", grouped(last.cfads))).contains("0.00"));
    let en = export(&mut v, Lang::En, "proposal-model-en.pdf");
    assert!(en.contains("Financial model"), "{en}");
    assert!(en.contains("Sensitivity"), "{en}");
    // Warnings in the document's language, whatever language the model was saved in.
    assert!(en.contains("below the industry minimum 35 %"), "{en}");
}
