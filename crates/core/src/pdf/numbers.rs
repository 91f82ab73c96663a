//! How figures are written on the documents: money with thousands separators, rates.
use rust_decimal::Decimal;

/// 1234567.8 → "1,234,567.80": two decimals, thousands grouped, as bank documents print money.
pub(crate) fn money(amount: Decimal) -> String {
    crate::amount::format_payment(amount)
}

/// A percentage with at least two decimals ("4.90 %"); more when the rate has them (4.375 %).
pub(crate) fn percent(value: Decimal) -> String {
    let normalized = value.normalize();
    let places = normalized.scale().max(2);
    // No-break space: "4.90" and "%" never end up on different lines.
    format!("{:.*}\u{a0}%", places as usize, normalized)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::str::FromStr;

    #[test]
    fn money_groups_thousands() {
        let m = |s: &str| money(Decimal::from_str(s).unwrap());
        assert_eq!(m("1000000"), "1,000,000.00");
        assert_eq!(m("5307.27"), "5,307.27");
        assert_eq!(m("999.5"), "999.50");
        assert_eq!(m("0"), "0.00");
        assert_eq!(m("-1234.5"), "-1,234.50");
        assert_eq!(m("1000000000000"), "1,000,000,000,000.00");
    }

    #[test]
    fn percent_keeps_significant_places() {
        let p = |s: &str| percent(Decimal::from_str(s).unwrap());
        assert_eq!(p("4.9"), "4.90\u{a0}%");
        assert_eq!(p("4.375"), "4.375\u{a0}%");
        assert_eq!(p("5"), "5.00\u{a0}%");
    }
}
