//! Debt sized to the cash flow and repayments sculpted to a cover ratio: the principal of each
//! period is what that period's CFADS can pay at the target DSCR after its interest, so DSCR is
//! the same every period and the balance reaches 0 exactly at maturity.
use rust_decimal::Decimal;

use super::{add, div, mul};
use crate::error::Result;

/// Present value at the periodic `rate` of `flows`, the first discounted one period.
pub fn npv(flows: &[Decimal], rate: Decimal) -> Decimal {
    let mut factor = Decimal::ONE;
    let mut total = Decimal::ZERO;
    for &f in flows {
        factor /= Decimal::ONE + rate;
        total += f * factor;
    }
    total
}

/// The debt the cash flow carries at `target_dscr`: Σ (CFADS_t / DSCR) / (1 + r)^t.
pub fn dscr_capacity(cfads: &[Decimal], rate: Decimal, target_dscr: Decimal) -> Decimal {
    npv(cfads, rate) / target_dscr
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SculptedPeriod {
    pub opening: Decimal,
    pub interest: Decimal,
    pub principal: Decimal,
    pub closing: Decimal,
}

/// Principal_t = CFADS_t / DSCR_s − interest_t with DSCR_s = NPV(CFADS) / debt, so a debt below
/// the capacity repays at a higher cover. The last period pays what is left, which removes the
/// last decimal's drift and closes the balance at exactly 0.
pub fn sculpt(
    cfads: &[Decimal],
    rate: Decimal,
    debt: Decimal,
) -> Result<(Decimal, Vec<SculptedPeriod>)> {
    let dscr = if debt.is_zero() {
        Decimal::ZERO
    } else {
        npv(cfads, rate) / debt
    };
    let mut opening = debt;
    let mut out = Vec::with_capacity(cfads.len());
    for (i, &c) in cfads.iter().enumerate() {
        let interest = mul(opening, rate)?;
        let principal = if i + 1 == cfads.len() || dscr.is_zero() {
            opening
        } else {
            add(div(c, dscr)?, -interest)?
        };
        let closing = opening - principal;
        out.push(SculptedPeriod {
            opening,
            interest,
            principal,
            closing,
        });
        opening = closing;
    }
    Ok((dscr, out))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn round(d: Decimal, dp: u32) -> Decimal {
        d.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    }

    #[test]
    fn cfads_100_to_140_at_6_percent_sculpted_to_1_30() {
        let cfads: Vec<Decimal> = ["100", "110", "120", "130", "140"].map(dec).to_vec();
        let rate = dec("0.06");
        let debt = dscr_capacity(&cfads, rate, dec("1.30"));
        // Issue 17's vector: 500.5824... / 1.30.
        assert_eq!(round(debt, 2), dec("385.06"));
        let (dscr, periods) = sculpt(&cfads, rate, debt).unwrap();
        assert_eq!(round(dscr, 4), dec("1.3000"));
        for (p, c) in periods.iter().zip(&cfads) {
            assert_eq!(round(*c / (p.interest + p.principal), 4), dec("1.3000"));
        }
        assert_eq!(periods.last().map(|p| p.closing), Some(Decimal::ZERO));
    }

    #[test]
    fn a_smaller_debt_repays_at_a_higher_cover() {
        let cfads: Vec<Decimal> = ["100", "110", "120"].map(dec).to_vec();
        let rate = dec("0.05");
        let capacity = dscr_capacity(&cfads, rate, dec("1.25"));
        let (dscr, periods) = sculpt(&cfads, rate, capacity / dec("2")).unwrap();
        assert_eq!(round(dscr, 4), dec("2.5000"));
        assert_eq!(periods.last().map(|p| p.closing), Some(Decimal::ZERO));
        // Capacity falls as the target rises.
        assert!(dscr_capacity(&cfads, rate, dec("1.40")) < capacity);
    }
}
