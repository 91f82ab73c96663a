//! APR (年化利率) by internal rate of return on monthly periods.
//!
//! Solved for the discount factor v = 1/(1+r) rather than r: the present value
//! Σ cₘ·vᵐ is then a polynomial with non-negative coefficients on (0, 1], increasing and convex,
//! so the root is unique, powers of v never overflow, and Newton from the right converges
//! without overshooting. A bisection bracket catches any step that leaves (lo, hi).
//!
//! The present value runs in binary fixed point on i128 (v with 40 fraction bits, amounts in
//! fen with 20): exact integer arithmetic, no floating point, and about 40× faster than the
//! same Horner pass in Decimal (a few µs against ≈ 120 µs over 360 months), which matters
//! because the calculator recomputes it on every keystroke. v is then resolved to 2⁻⁴⁰
//! (≈ 1e-12), far below the 0.01 % the APR is shown to; the result is returned as Decimal.
use rust_decimal::prelude::{MathematicalOps, ToPrimitive};
use rust_decimal::{Decimal, RoundingStrategy};

use super::money::to_fen;

const FRACTION_BITS: u32 = 40;
const AMOUNT_BITS: u32 = 20;
const ONE: i128 = 1 << FRACTION_BITS;
/// Stop when v moves by at most this many units of 2⁻⁴⁰.
const TOLERANCE: i128 = 2;
const MAX_ITERATIONS: usize = 200;

/// Monthly IRR of a loan: the borrower receives `advance` at month 0 and pays `payments[k]`
/// at month k + 1 (zeros allowed, e.g. between quarterly payments). Amounts are taken to
/// the fen. `None` when the cash flows have no non-negative rate (nothing advanced, nothing
/// repaid, a negative payment, less repaid than advanced) or are too large to evaluate.
pub fn monthly_irr(advance: Decimal, payments: &[Decimal]) -> Option<Decimal> {
    monthly_irr_near(advance, payments, Decimal::ZERO)
}

/// [`monthly_irr`] starting from a guess of the monthly rate (the contract rate / 12 is
/// close for most loans and saves iterations).
pub fn monthly_irr_near(advance: Decimal, payments: &[Decimal], guess: Decimal) -> Option<Decimal> {
    let fen = |d: Decimal| to_fen(d.round_dp(2));
    let mut flows = Vec::with_capacity(payments.len());
    for (month, &payment) in (1u32..).zip(payments) {
        if !payment.is_zero() {
            flows.push((month, fen(payment)?));
        }
    }
    irr_fen(fen(advance)?, &flows, guess)
}

/// The solver on whole fen: `flows` are (month, amount) in ascending months from 1, as the
/// schedule produces them; months without a payment may simply be absent.
pub(crate) fn irr_fen(advance: i64, flows: &[(u32, i64)], guess: Decimal) -> Option<Decimal> {
    let in_order = flows.windows(2).all(|w| w[0].0 < w[1].0);
    if advance <= 0 || !in_order || flows.iter().any(|&(m, p)| p < 0 || m == 0) {
        return None;
    }
    let total: i128 = flows.iter().map(|&(_, p)| i128::from(p)).sum();
    let advance = i128::from(advance);
    if total < advance {
        return None;
    }
    if total == advance {
        return Some(Decimal::ZERO);
    }
    // Every intermediate is at most (total in fixed point) × (last month) × v, with v ≤ 1:
    // checked once here, so the hot loop multiplies without overflow checks.
    let last_month = flows.last().map_or(0, |&(m, _)| i128::from(m));
    let bound = total
        .checked_mul(1 << AMOUNT_BITS)?
        .checked_mul(last_month + 1)?;
    if bound >= 1 << (127 - FRACTION_BITS - 1) {
        return None;
    }
    let target = advance << AMOUNT_BITS;
    let (mut lo, mut hi) = (0, ONE);
    let mut v = Decimal::ONE
        .checked_add(guess.max(Decimal::ZERO))
        .and_then(|growth| Decimal::from(ONE).checked_div(growth))
        .and_then(|start| start.round().to_i128())
        .filter(|v| (1..=ONE).contains(v))
        .unwrap_or(ONE);
    for _ in 0..MAX_ITERATIONS {
        let (value, slope) = present_value(flows, v);
        let excess = value - target;
        if excess == 0 {
            break;
        }
        if excess > 0 {
            hi = v;
        } else {
            lo = v;
        }
        // Far left of the root the slope is nearly zero and the step huge: such a step, like
        // any that leaves the bracket, is replaced by bisection.
        let newton = (excess * ONE).checked_div(slope).map(|step| v - step);
        match newton {
            Some(next) if (next - v).abs() <= TOLERANCE => {
                v = next;
                break;
            }
            Some(next) if next > lo && next < hi => v = next,
            _ if hi - lo <= TOLERANCE => break,
            _ => v = lo + (hi - lo) / 2,
        }
    }
    if v <= 0 {
        return None;
    }
    Some(Decimal::from(ONE).checked_div(Decimal::from(v))? - Decimal::ONE)
}

/// Σ cₖ·v^mₖ and its derivative in one Horner pass over the payments, latest first,
/// stepping over months without a payment with a power of v. The caller has bounded the
/// amounts so that nothing here overflows.
fn present_value(flows: &[(u32, i64)], v: i128) -> (i128, i128) {
    let (mut acc, mut slope) = (0i128, 0i128);
    let mut later_month = None;
    let mut powers = Powers::new(v);
    for &(month, amount) in flows.iter().rev() {
        match later_month.map(|later: u32| later - month) {
            None => {}
            // The common monthly case, without the general power step.
            Some(1) => {
                slope = mul(slope, v) + acc;
                acc = mul(acc, v);
            }
            Some(gap) => {
                let (v_gap, v_gap_less_one) = powers.get(gap);
                // d/dv (acc·v^g) = acc'·v^g + g·acc·v^(g−1)
                slope = mul(slope, v_gap) + mul(acc, v_gap_less_one) * i128::from(gap);
                acc = mul(acc, v_gap);
            }
        }
        acc += i128::from(amount) << AMOUNT_BITS;
        later_month = Some(month);
    }
    let first = later_month.unwrap_or(0);
    let (v_first, v_first_less_one) = powers.get(first);
    let value = mul(acc, v_first);
    let slope = mul(slope, v_first) + mul(acc, v_first_less_one) * i128::from(first);
    (value, slope)
}

/// Fixed-point product of values the caller keeps in range.
fn mul(a: i128, b: i128) -> i128 {
    (a * b) >> FRACTION_BITS
}

/// v^g and v^(g−1) for the gaps between payments; one gap recurs (3 months for quarterly
/// interest), so the last one is kept.
struct Powers {
    v: i128,
    last: Option<(u32, i128, i128)>,
}

impl Powers {
    fn new(v: i128) -> Self {
        Powers { v, last: None }
    }

    fn get(&mut self, gap: u32) -> (i128, i128) {
        match (gap, self.last) {
            (0, _) => return (ONE, 0),
            (1, _) => return (self.v, ONE),
            (_, Some((g, full, less_one))) if g == gap => return (full, less_one),
            _ => {}
        }
        let mut less_one = ONE;
        let (mut base, mut exp) = (self.v, gap - 1);
        while exp > 0 {
            if exp & 1 == 1 {
                less_one = mul(less_one, base);
            }
            base = mul(base, base);
            exp >>= 1;
        }
        let full = mul(less_one, self.v);
        self.last = Some((gap, full, less_one));
        (full, less_one)
    }
}

/// Nominal (monthly × 12) and effective ((1 + monthly)¹² − 1) annual rates in percent,
/// rounded half-up to 0.01. `None` when the effective rate is too large to represent.
pub fn annualize(monthly: Decimal) -> Option<(Decimal, Decimal)> {
    let hundred = Decimal::ONE_HUNDRED;
    let nominal = monthly
        .checked_mul(Decimal::from(12))?
        .checked_mul(hundred)?;
    let growth = Decimal::ONE.checked_add(monthly)?.checked_powu(12)?;
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
        for guess in [
            "0.0001",
            "0.005",
            "0.5",
            "3",
            "79228162514264337593543950335",
        ] {
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
    fn one_distant_payment_with_a_fee() {
        // A zero-rate quarterly loan with a fee: one payment 276 months out. Newton steps
        // from far left of the root once overflowed here.
        let mut payments = vec![Decimal::ZERO; 276];
        payments[275] = dec("56.20");
        let r = monthly_irr(dec("39.62"), &payments).unwrap();
        let (nominal, _) = annualize(r).unwrap();
        assert_eq!(nominal, dec("1.52"));
    }

    #[test]
    fn huge_rates_stay_finite_or_none() {
        let r = monthly_irr(dec("0.01"), &vec![dec("1000000"); 600]).unwrap();
        assert!(r > dec("1000000"));
        assert_eq!(annualize(r), None);
        assert_eq!(annualize(Decimal::MAX), None);
    }
}
