//! APR (年化利率) by internal rate of return on monthly periods.
//!
//! Solved for the discount factor v = 1/(1+r) rather than r: the present value
//! Σ cₘ·vᵐ is then a polynomial with non-negative coefficients on (0, 1], increasing and convex,
//! so the root is unique, powers of v never overflow, and Newton from the right converges
//! without overshooting. A bisection bracket catches any step that leaves (lo, hi).
use rust_decimal::prelude::MathematicalOps;
use rust_decimal::{Decimal, RoundingStrategy};

/// Stop when the factor moves less than this: far below the 0.01 % the APR is shown to.
const TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 16);
const MAX_ITERATIONS: usize = 100;
/// Digits kept in v between iterations: plenty for the tolerance, and it keeps the
/// Horner products short, which is most of the cost.
const FACTOR_DIGITS: u32 = 20;

/// Monthly IRR of a loan: the borrower receives `advance` at month 0 and pays `payments[k]`
/// at month k + 1 (zeros allowed, e.g. between quarterly payments). `None` when the cash
/// flows have no non-negative rate: nothing advanced, nothing repaid, or less repaid than
/// advanced.
pub fn monthly_irr(advance: Decimal, payments: &[Decimal]) -> Option<Decimal> {
    monthly_irr_near(advance, payments, Decimal::ZERO)
}

/// [`monthly_irr`] starting from a guess (the contract rate / 12 is close for most loans,
/// and saves iterations).
pub fn monthly_irr_near(advance: Decimal, payments: &[Decimal], guess: Decimal) -> Option<Decimal> {
    if advance <= Decimal::ZERO
        || payments
            .iter()
            .any(|p| p.is_sign_negative() && !p.is_zero())
    {
        return None;
    }
    let total: Decimal = payments.iter().sum();
    if total < advance || total.is_zero() {
        return None;
    }
    if total == advance {
        return Some(Decimal::ZERO);
    }
    let (mut lo, mut hi) = (Decimal::ZERO, Decimal::ONE);
    let mut v = if guess > Decimal::ZERO {
        (Decimal::ONE / (Decimal::ONE + guess)).round_dp(FACTOR_DIGITS)
    } else {
        Decimal::ONE
    };
    for _ in 0..MAX_ITERATIONS {
        let (value, slope) = present_value(payments, v);
        let excess = value - advance;
        if excess.is_zero() {
            break;
        }
        if excess > Decimal::ZERO {
            hi = v;
        } else {
            lo = v;
        }
        let mut next = if slope > Decimal::ZERO {
            (v - excess / slope).round_dp(FACTOR_DIGITS)
        } else {
            lo
        };
        if next <= lo || next >= hi {
            next = ((lo + hi) / Decimal::TWO).round_dp(FACTOR_DIGITS);
        }
        let step = (next - v).abs();
        v = next;
        if step < TOLERANCE {
            break;
        }
    }
    if v <= Decimal::ZERO {
        return None;
    }
    Some(Decimal::ONE / v - Decimal::ONE)
}

/// Σ cₘ·vᵐ and its derivative in one Horner pass.
fn present_value(payments: &[Decimal], v: Decimal) -> (Decimal, Decimal) {
    // Horner on q(v) = Σ cₘ·vᵐ⁻¹, then g = v·q and g' = q + v·q'.
    let (mut q, mut dq) = (Decimal::ZERO, Decimal::ZERO);
    for &c in payments.iter().rev() {
        dq = dq * v + q;
        q = q * v + c;
    }
    (v * q, q + v * dq)
}

/// Nominal (monthly × 12) and effective ((1 + monthly)¹² − 1) annual rates in percent,
/// rounded half-up to 0.01. `None` when the effective rate is too large to represent.
pub fn annualize(monthly: Decimal) -> Option<(Decimal, Decimal)> {
    let hundred = Decimal::ONE_HUNDRED;
    let nominal = monthly
        .checked_mul(Decimal::from(12))?
        .checked_mul(hundred)?;
    let growth = (Decimal::ONE + monthly).checked_powu(12)?;
    let effective = (growth - Decimal::ONE).checked_mul(hundred)?;
    Some((percent(nominal), percent(effective)))
}

fn percent(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn flat_six_percent_is_about_eleven_percent_apr() {
        // 100,000 at a "flat" 6 %: 106,000 repaid in 12 equal payments of 8,833.33.
        let payments = vec![dec("8833.33"); 12];
        let r = monthly_irr(dec("100000"), &payments).unwrap();
        let (nominal, effective) = annualize(r).unwrap();
        assert_eq!(nominal, dec("10.90"), "monthly IRR {r}");
        assert_eq!(effective, dec("11.46"));
    }

    #[test]
    fn annuity_returns_its_own_rate() {
        // 8,606.64 a month repays 100,000 at exactly 6 % over 12 months.
        let r = monthly_irr(dec("100000"), &[dec("8606.64"); 12]).unwrap();
        assert!((r - dec("0.005")).abs() < dec("0.000001"), "{r}");
        assert_eq!(annualize(r).unwrap(), (dec("6.00"), dec("6.17")));
    }

    #[test]
    fn zero_rate_is_zero() {
        let r = monthly_irr(dec("1200"), &[dec("100"); 12]).unwrap();
        assert_eq!(r, Decimal::ZERO);
        assert_eq!(annualize(r).unwrap(), (dec("0.00"), dec("0.00")));
    }

    #[test]
    fn zero_rate_with_a_fee_is_positive() {
        // 1,200 repaid for 1,140 received: the fee alone is the cost of credit.
        let r = monthly_irr(dec("1140"), &[dec("100"); 12]).unwrap();
        let (nominal, _) = annualize(r).unwrap();
        assert_eq!(nominal, dec("9.58"));
    }

    #[test]
    fn single_payment_matches_the_closed_form() {
        // 110 after 12 months for 100: (1 + r)^12 = 1.1.
        let mut payments = vec![Decimal::ZERO; 12];
        payments[11] = dec("110");
        let r = monthly_irr(dec("100"), &payments).unwrap();
        let (_, effective) = annualize(r).unwrap();
        assert_eq!(effective, dec("10.00"));
    }

    #[test]
    fn guess_does_not_change_the_answer() {
        let payments = vec![dec("8833.33"); 12];
        let a = monthly_irr(dec("100000"), &payments).unwrap();
        for guess in ["0.0001", "0.005", "0.5", "3"] {
            let b = monthly_irr_near(dec("100000"), &payments, dec(guess)).unwrap();
            assert!((a - b).abs() < dec("0.0000000001"), "{guess}: {a} vs {b}");
        }
    }

    #[test]
    fn impossible_flows_have_no_rate() {
        assert_eq!(monthly_irr(Decimal::ZERO, &[dec("1")]), None);
        assert_eq!(monthly_irr(dec("100"), &[]), None);
        assert_eq!(monthly_irr(dec("100"), &[dec("50")]), None);
        assert_eq!(monthly_irr(dec("100"), &[dec("200"), dec("-1")]), None);
    }

    #[test]
    fn huge_rates_stay_finite_or_none() {
        let r = monthly_irr(dec("0.01"), &vec![dec("1000000"); 600]).unwrap();
        assert!(r > dec("1000000"));
        assert_eq!(annualize(r), None);
    }
}
