//! Reading an amount as an officer types it.
//!
//! Accepted: ASCII or full-width digits (Chinese input methods give `５００`), a sign, thousands
//! separators (`,` `，` or a space, in groups of three), a decimal point (`.` `．` `。`), a
//! leading `¥`/`￥`, and one unit at the end: `元`, `万`/`万元` (× 10⁴) or `亿`/`亿元` (× 10⁸).
//! The result is exact yuan with two decimals. Nothing is ever rounded: an amount finer than
//! the fen (`1.2345678万` = 12,345.678 元) is refused with the places the unit allows, so what
//! is saved is what was typed.
use rust_decimal::Decimal;

use super::AmountUnit;
use crate::rule::Rule;

/// The largest amount accepted, in yuan (just under 10¹⁵, a thousand 万亿): far above any loan
/// or portfolio, far inside what the arithmetic downstream holds.
pub const MAX_YUAN: i64 = 999_999_999_999_999;

/// `text` as exact yuan with two decimals, or the rule it breaks: `Required` (blank),
/// `NotANumber`, `DecimalPlaces(n)` (n = the places the typed unit allows: 2 in 元, 6 in 万,
/// 10 in 亿) or `OutOfRange` (beyond [`MAX_YUAN`]).
pub fn parse_amount(text: &str) -> Result<Decimal, Rule> {
    let normal: String = text.chars().map(half_width).collect();
    let mut s = normal.trim();
    if s.is_empty() {
        return Err(Rule::Required);
    }
    let mut negative = false;
    if let Some(rest) = s.strip_prefix('-') {
        negative = true;
        s = rest.trim_start();
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest.trim_start();
    }
    if let Some(rest) = s.strip_prefix('¥') {
        s = rest.trim_start();
    }
    let (number, unit) = split_unit(s);
    let (whole, frac) = match number.split_once('.') {
        Some((w, f)) => (w, f),
        None => (number, ""),
    };
    let whole = ungroup(whole).ok_or(Rule::NotANumber)?;
    if (whole.is_empty() && frac.is_empty()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Rule::NotANumber);
    }
    // Trailing zeros of the fraction say nothing about precision ("1.50" is 1.5).
    let frac = frac.trim_end_matches('0');
    let places = unit.places() + 2;
    if frac.len() > places as usize {
        return Err(Rule::DecimalPlaces(places));
    }
    let whole = whole.trim_start_matches('0');
    // 15 whole digits in yuan at most: checked on the digits, before any arithmetic.
    if whole.len() + unit.places() as usize > 15 {
        return Err(Rule::OutOfRange);
    }
    // The digits of the amount in fen: whole, fraction, padded to the unit's places + 2.
    let digits = format!("{whole}{frac:0<width$}", width = places as usize);
    let fen: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| Rule::NotANumber)?
    };
    if fen > MAX_YUAN * 100 + 99 {
        return Err(Rule::OutOfRange);
    }
    Ok(Decimal::new(
        if negative && fen != 0 { -fen } else { fen },
        2,
    ))
}

/// Full-width forms (U+FF01–FF5E) and the ideographic space as their ASCII twins; `。` as a
/// decimal point, since an input method in Chinese punctuation mode types it for `.`.
fn half_width(c: char) -> char {
    match c {
        '\u{3000}' | '\u{a0}' => ' ',
        '。' => '.',
        '￥' => '¥',
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    }
}

fn split_unit(s: &str) -> (&str, AmountUnit) {
    let s = s.strip_suffix('元').unwrap_or(s).trim_end();
    if let Some(n) = s.strip_suffix('万') {
        (n.trim_end(), AmountUnit::Wan)
    } else if let Some(n) = s.strip_suffix('亿') {
        (n.trim_end(), AmountUnit::Yi)
    } else {
        (s, AmountUnit::Yuan)
    }
}

/// The whole part's digits without separators, or `None` when a separator is misplaced
/// (`1,5` could be a European 1.5, `50,00` a typo: neither is guessed at).
fn ungroup(whole: &str) -> Option<String> {
    let groups: Vec<&str> = whole.split([',', ' ']).collect();
    let ok = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && match groups.split_first() {
            Some((first, rest)) if !rest.is_empty() => {
                (1..=3).contains(&first.len()) && rest.iter().all(|g| g.len() == 3)
            }
            _ => true,
        };
    ok.then(|| groups.concat())
}
