//! Amounts in Chinese capital numerals (大写金额), as banks require on contracts and cheques.
//!
//! Rules followed (支付结算办法 conventions): 壹拾 is never shortened to 拾; a run of zeros
//! inside the number is one 零; a zero before a 万/亿 group that does not start with its
//! thousands digit is written 零 (壹拾万零壹拾元); "整" follows 元 when there are no 角/分;
//! 零 stands between 元 and 分 when 角 is zero (叁佰贰拾伍元零肆分); amounts under one yuan
//! have no 元 (伍分). Where the rules allow a 零 either way (元 digit zero before 角), it is
//! left out: 壹仟陆佰捌拾元叁角贰分.
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES: [&str; 4] = ["", "拾", "佰", "仟"];
const YI: u128 = 100_000_000;
const WAN: u128 = 10_000;

/// The amount in capital numerals, rounded half-up to the fen first. Negative amounts get
/// 负 in front.
pub fn amount_in_words(amount: Decimal) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let magnitude = rounded.abs();
    let yuan = magnitude.trunc().to_u128().unwrap_or(0);
    let fen = ((magnitude - magnitude.trunc()) * Decimal::ONE_HUNDRED)
        .to_u32()
        .unwrap_or(0);
    let (jiao, fen) = ((fen / 10) as usize, (fen % 10) as usize);

    let mut out = String::new();
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('负');
    }
    if yuan == 0 && jiao == 0 && fen == 0 {
        out.push_str("零元整");
        return out;
    }
    if yuan > 0 {
        out.push_str(&integer_words(yuan));
        out.push('元');
    }
    match (jiao, fen) {
        (0, 0) => out.push('整'),
        (0, f) => {
            if yuan > 0 {
                out.push('零');
            }
            out.push(DIGITS[f]);
            out.push('分');
        }
        (j, f) => {
            out.push(DIGITS[j]);
            out.push('角');
            if f > 0 {
                out.push(DIGITS[f]);
                out.push('分');
            }
        }
    }
    out
}

/// A positive whole number: 亿 and 万 split it into groups, each group read by `group_words`.
fn integer_words(n: u128) -> String {
    if n >= YI {
        let (high, low) = (n / YI, n % YI);
        let mut s = integer_words(high);
        s.push('亿');
        if low > 0 {
            if low < YI / 10 {
                s.push('零');
            }
            s.push_str(&integer_words(low));
        }
        s
    } else if n >= WAN {
        let (high, low) = (n / WAN, n % WAN);
        let mut s = group_words(high);
        s.push('万');
        if low > 0 {
            if low < WAN / 10 {
                s.push('零');
            }
            s.push_str(&group_words(low));
        }
        s
    } else {
        group_words(n)
    }
}

/// 1..=9999: inner zeros collapse to one 零, trailing zeros are silent.
fn group_words(n: u128) -> String {
    let mut s = String::new();
    let mut pending_zero = false;
    for place in (0..4).rev() {
        let digit = ((n / 10u128.pow(place as u32)) % 10) as usize;
        if digit == 0 {
            pending_zero = !s.is_empty();
            continue;
        }
        if pending_zero {
            s.push('零');
            pending_zero = false;
        }
        s.push(DIGITS[digit]);
        s.push_str(PLACES[place]);
    }
    s
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::str::FromStr;

    fn words(s: &str) -> String {
        amount_in_words(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn bank_examples() {
        let cases = [
            ("1000000.00", "壹佰万元整"),
            ("100010.50", "壹拾万零壹拾元伍角"),
            ("0.05", "伍分"),
            ("10.00", "壹拾元整"),
            ("10", "壹拾元整"),
            ("0.50", "伍角"),
            ("0.55", "伍角伍分"),
            ("0", "零元整"),
            ("1", "壹元整"),
            ("1409.50", "壹仟肆佰零玖元伍角"),
            ("6007.14", "陆仟零柒元壹角肆分"),
            ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
            ("107000.53", "壹拾万柒仟元伍角叁分"),
            ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
            ("325.04", "叁佰贰拾伍元零肆分"),
            ("1000.10", "壹仟元壹角"),
            ("101", "壹佰零壹元整"),
            ("110", "壹佰壹拾元整"),
            ("1001", "壹仟零壹元整"),
            ("10001", "壹万零壹元整"),
            ("10010", "壹万零壹拾元整"),
            ("10100", "壹万零壹佰元整"),
            ("11000", "壹万壹仟元整"),
            ("5307.27", "伍仟叁佰零柒元贰角柒分"),
            ("998776.06", "玖拾玖万捌仟柒佰柒拾陆元零陆分"),
            ("100000000", "壹亿元整"),
            ("100000001", "壹亿零壹元整"),
            ("100010000", "壹亿零壹万元整"),
            ("110000000", "壹亿壹仟万元整"),
            ("1010000000", "壹拾亿壹仟万元整"),
            (
                "123456789012.34",
                "壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分",
            ),
            ("1000000000000", "壹万亿元整"),
            ("200000000000", "贰仟亿元整"),
        ];
        for (input, expected) in cases {
            assert_eq!(words(input), expected, "{input}");
        }
    }

    #[test]
    fn rounds_to_the_fen_and_signs() {
        assert_eq!(words("0.005"), "壹分");
        assert_eq!(words("9.999"), "壹拾元整");
        assert_eq!(words("-12.30"), "负壹拾贰元叁角");
        assert_eq!(words("-0.001"), "零元整");
    }
}
