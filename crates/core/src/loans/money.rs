//! Exact money in whole fen (i64) for the per-period arithmetic, with Decimal at the edges.
//!
//! The schedule loop runs hundreds of times per keystroke in the calculator; integer fen keep
//! every figure exact (as Decimal would) at a fraction of Decimal's cost, and make each
//! rounding one integer division with an explicit remainder rule.
use rust_decimal::Decimal;

use super::terms::Rounding;

/// Whole fen (0.01) of an amount that has at most two decimals, or `None` if out of range.
pub(crate) fn to_fen(amount: Decimal) -> Option<i64> {
    let mut scaled = amount;
    scaled.rescale(2);
    if scaled.scale() != 2 {
        return None;
    }
    i64::try_from(scaled.mantissa()).ok()
}

/// The amount with exactly two decimals.
pub(crate) fn from_fen(fen: i64) -> Decimal {
    Decimal::new(fen, 2)
}

/// numerator / denominator rounded to an integer by the mode; for a non-negative numerator
/// and positive denominator (anything else gives 0 rather than a panic).
pub(crate) fn round_div(numerator: i128, denominator: i128, mode: Rounding) -> i128 {
    if denominator <= 0 || numerator < 0 {
        return 0;
    }
    // Almost every interest figure fits 64 bits, where quotient and remainder are one machine
    // division instead of two 128-bit library calls: a third of the schedule's time.
    let (quotient, remainder) = match (u64::try_from(numerator), u64::try_from(denominator)) {
        (Ok(n), Ok(d)) => (i128::from(n / d), i128::from(n % d)),
        _ => (numerator / denominator, numerator % denominator),
    };
    let twice = remainder * 2;
    let up = match twice.cmp(&denominator) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => match mode {
            Rounding::HalfUp => true,
            Rounding::HalfEven => quotient % 2 == 1,
        },
    };
    quotient + i128::from(up)
}

/// An annual percentage as an exact fraction: percent = numerator / denominator.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Percent {
    pub numerator: i128,
    pub denominator: i128,
}

impl Percent {
    /// `None` when the rate has more decimals than i128 arithmetic allows for (validation
    /// limits rates to 6 decimals, far inside that).
    pub(crate) fn new(percent: Decimal) -> Option<Self> {
        let normalized = percent.normalize();
        let denominator = 10i128.checked_pow(normalized.scale())?;
        Some(Percent {
            numerator: normalized.mantissa(),
            denominator,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::str::FromStr;

    #[test]
    fn rounding_rules() {
        use Rounding::*;
        assert_eq!(round_div(5005, 1000, HalfUp), 5);
        assert_eq!(round_div(5500, 1000, HalfUp), 6);
        assert_eq!(round_div(5500, 1000, HalfEven), 6);
        assert_eq!(round_div(4500, 1000, HalfEven), 4);
        assert_eq!(round_div(4500, 1000, HalfUp), 5);
        assert_eq!(round_div(4501, 1000, HalfEven), 5);
        assert_eq!(round_div(0, 7, HalfUp), 0);
        assert_eq!(round_div(7, 0, HalfUp), 0);
    }

    #[test]
    fn fen_round_trip() {
        let d = Decimal::from_str("998776.06").unwrap();
        assert_eq!(to_fen(d), Some(99_877_606));
        assert_eq!(to_fen(Decimal::from(1_000_000)), Some(100_000_000));
        assert_eq!(from_fen(100_000_000).to_string(), "1000000.00");
        assert_eq!(from_fen(0).to_string(), "0.00");
        let p = Percent::new(Decimal::from_str("4.90").unwrap()).unwrap();
        assert_eq!((p.numerator, p.denominator), (49, 10));
    }
}
