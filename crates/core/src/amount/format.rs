//! Writing an amount: the one way every screen, export and PDF prints money.
//!
//! A figure (a balance, a limit, a principal) is written in the unit the officer chose: whole
//! yuan in 元, two decimals in 万元 and 亿元 (4.89 亿元), rounded half-up (away from zero at the
//! midpoint, as the schedule rounds interest). A payment is always yuan to the fen, since it is
//! what the client transfers. Thousands are grouped by three in every unit, as bank documents do.
use rust_decimal::{Decimal, RoundingStrategy};

use super::AmountUnit;
use crate::prefs::Language;

/// `amount` (in yuan) in `unit`: "4,890,123,456.78" in 亿 → "48.90", in 万 → "489,012.35",
/// in 元 → "4,890,123,457". No unit word: see [`unit_label`].
pub fn format_amount(amount: Decimal, unit: AmountUnit) -> String {
    let places = match unit {
        AmountUnit::Yuan => 0,
        AmountUnit::Wan | AmountUnit::Yi => 2,
    };
    let mut scaled = amount;
    // Moving the point is exact: only the scale changes. Fails only past 28 places.
    if scaled.set_scale(amount.scale() + unit.places()).is_err() {
        return grouped(amount, places);
    }
    grouped(scaled, places)
}

/// A payment: yuan with two decimals, "5,307.27".
pub fn format_payment(amount: Decimal) -> String {
    grouped(amount, 2)
}

/// The unit's word for an amount in `currency`: 万元 / ×10k CNY for yuan, 万 USD / ×10k USD
/// for another currency (blank is yuan, the default currency).
pub fn unit_label(unit: AmountUnit, currency: &str, lang: Language) -> String {
    let code = currency.trim();
    if code.is_empty() || code.eq_ignore_ascii_case("CNY") {
        return unit.text().get(lang).to_owned();
    }
    match unit.scale_text() {
        None => code.to_uppercase(),
        Some(scale) => format!("{} {}", scale.get(lang), code.to_uppercase()),
    }
}

fn grouped(value: Decimal, places: u32) -> String {
    let rounded = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{:.*}", places as usize, rounded.abs());
    let (whole, frac) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + whole.len() / 3 + 1);
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}
