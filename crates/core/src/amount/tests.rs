#![allow(clippy::unwrap_used, clippy::expect_used)]
use std::collections::BTreeMap;
use std::str::FromStr;

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde::Deserialize;

use super::*;
use crate::prefs::Language;

/// The vectors the UI's tests read too (ui/src/money.test.ts).
const VECTORS: &str = include_str!("../../tests/fixtures/amount_vectors.json");

#[derive(Deserialize)]
struct Vectors {
    parse: Vec<ParseCase>,
    format: Vec<FormatCase>,
    payment: Vec<PaymentCase>,
    label: Vec<LabelCase>,
}

#[derive(Deserialize)]
struct ParseCase {
    input: String,
    yuan: Option<String>,
    rule: Option<String>,
    #[serde(default)]
    params: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct FormatCase {
    amount: String,
    unit: AmountUnit,
    text: String,
}

#[derive(Deserialize)]
struct PaymentCase {
    amount: String,
    text: String,
}

#[derive(Deserialize)]
struct LabelCase {
    unit: AmountUnit,
    currency: String,
    lang: Language,
    text: String,
}

fn vectors() -> Vectors {
    serde_json::from_str(VECTORS).unwrap()
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn parses_the_shared_vectors() {
    for case in vectors().parse {
        let got = parse_amount(&case.input);
        match (&case.yuan, &case.rule) {
            (Some(yuan), None) => {
                let amount = got.unwrap_or_else(|r| panic!("{:?}: {r:?}", case.input));
                // Exactly the digits expected, two decimals included.
                assert_eq!(amount.to_string(), *yuan, "{:?}", case.input);
            }
            (None, Some(rule)) => {
                let r = got.expect_err(&case.input);
                assert_eq!(r.code().as_str(), rule, "{:?}", case.input);
                assert_eq!(r.params(), case.params, "{:?}", case.input);
            }
            _ => panic!("{:?}: give yuan or rule", case.input),
        }
    }
}

#[test]
fn formats_the_shared_vectors() {
    let v = vectors();
    for case in v.format {
        assert_eq!(
            format_amount(dec(&case.amount), case.unit),
            case.text,
            "{} in {:?}",
            case.amount,
            case.unit
        );
    }
    for case in v.payment {
        assert_eq!(
            format_payment(dec(&case.amount)),
            case.text,
            "{}",
            case.amount
        );
    }
    for case in v.label {
        assert_eq!(unit_label(case.unit, &case.currency, case.lang), case.text);
    }
}

#[test]
fn units_serialise_as_their_keys() {
    assert_eq!(serde_json::to_string(&AmountUnit::Wan).unwrap(), "\"wan\"");
    assert_eq!(AmountUnit::parse("yi"), Some(AmountUnit::Yi));
    assert_eq!(AmountUnit::default(), AmountUnit::Yuan);
}

/// `fen` written with its thousands grouped ("1,234.56"), as a statement or a contract has it.
fn grouped_text(fen: i64) -> String {
    format_payment(Decimal::new(fen, 2))
}

/// `fen` in 万 with every digit kept: "123.4567" (the point moved four places, zeros trimmed).
fn wan_text(fen: i64) -> String {
    let d = Decimal::new(fen, 6).normalize();
    format!("{d}万")
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | '.' | ',' | '-' => char::from_u32(c as u32 + 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

proptest! {
    /// Whatever the officer pastes, the parser answers (an amount or a rule), never panics.
    #[test]
    fn any_text_gets_an_answer(s in "\\PC{0,40}") {
        let _ = parse_amount(&s);
    }

    #[test]
    fn an_amount_written_any_way_reads_back_exactly(fen in -(MAX_YUAN * 100)..=(MAX_YUAN * 100)) {
        let exact = Decimal::new(fen, 2);
        prop_assert_eq!(parse_amount(&grouped_text(fen)).unwrap(), exact);
        prop_assert_eq!(parse_amount(&full_width(&grouped_text(fen))).unwrap(), exact);
        prop_assert_eq!(parse_amount(&exact.to_string()).unwrap(), exact);
        prop_assert_eq!(parse_amount(&wan_text(fen)).unwrap(), exact);
        prop_assert_eq!(parse_amount(&format!("{}亿", Decimal::new(fen, 10).normalize())).unwrap(), exact);
    }

    #[test]
    fn finer_than_the_fen_is_refused_never_rounded(fen in 0i64..1_000_000_000_000, extra in 1u8..=9) {
        let text = format!("{}{extra}", Decimal::new(fen, 2));
        prop_assert_eq!(parse_amount(&text), Err(crate::rule::Rule::DecimalPlaces(2)));
    }

    /// A figure shown in 万 or 亿 is within half of its last place of the exact amount.
    #[test]
    fn a_shown_figure_is_the_amount_rounded_half_up(fen in -(MAX_YUAN * 100)..=(MAX_YUAN * 100)) {
        let exact = Decimal::new(fen, 2);
        for (unit, half) in [(AmountUnit::Wan, dec("50")), (AmountUnit::Yi, dec("500000")), (AmountUnit::Yuan, dec("0.5"))] {
            let shown = format_amount(exact, unit);
            let suffix = match unit { AmountUnit::Yuan => "", AmountUnit::Wan => "万", AmountUnit::Yi => "亿" };
            let back = parse_amount(&format!("{shown}{suffix}")).unwrap();
            prop_assert!((back - exact).abs() <= half, "{} {:?} → {} → {}", exact, unit, shown, back);
        }
    }
}
