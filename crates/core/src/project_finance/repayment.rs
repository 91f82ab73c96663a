//! The scheduled principal of each period for each repayment profile, on the scheduled balance.
//! The last period always takes what is left, so every profile closes at exactly 0.
use rust_decimal::Decimal;

use super::input::Repayment;
use super::sculpt::sculpt;
use super::{add, div, mul};
use crate::error::Result;

/// The principal per period over `cfads.len()` periods, and the sculpting DSCR (DSCR_s) when
/// sculpted.
pub fn scheduled_principal(
    repayment: Repayment,
    cfads: &[Decimal],
    rate: Decimal,
    debt: Decimal,
) -> Result<(Option<Decimal>, Vec<Decimal>)> {
    let n = cfads.len();
    let level = |amount: Decimal| -> Result<Vec<Decimal>> {
        // `amount` each period (principal, or the whole instalment for an annuity).
        let mut balance = debt;
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let p = if i + 1 == n {
                balance
            } else {
                amount.min(balance)
            };
            out.push(p);
            balance -= p;
        }
        Ok(out)
    };
    Ok(match repayment {
        Repayment::Sculpted => {
            let (dscr, periods) = sculpt(cfads, rate, debt)?;
            (
                Some(dscr),
                periods.into_iter().map(|p| p.principal).collect(),
            )
        }
        Repayment::EqualPrincipal => (None, level(debt / Decimal::from(n.max(1)))?),
        Repayment::Bullet => {
            let mut out = vec![Decimal::ZERO; n];
            if let Some(last) = out.last_mut() {
                *last = debt;
            }
            (None, out)
        }
        Repayment::Annuity => {
            // 等额本息: instalment = D·r / (1 − (1 + r)^−n); with r = 0, D / n.
            let mut discount = Decimal::ONE;
            for _ in 0..n {
                discount /= Decimal::ONE + rate;
            }
            let instalment = if rate.is_zero() || discount == Decimal::ONE {
                debt / Decimal::from(n.max(1))
            } else {
                div(mul(debt, rate)?, Decimal::ONE - discount)?
            };
            let mut balance = debt;
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                let interest = mul(balance, rate)?;
                let p = if i + 1 == n {
                    balance
                } else {
                    add(instalment, -interest)?.min(balance)
                };
                out.push(p);
                balance -= p;
            }
            (None, out)
        }
    })
}
