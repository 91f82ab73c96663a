//! Construction and interest during construction (IDC, 建设期利息): interest is capitalised each
//! period and compounds, as a project loan's contract provides while the project earns nothing.
use rust_decimal::Decimal;

use super::{add, mul};
use crate::error::Result;

/// When a period's draw starts to bear interest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrawTiming {
    /// Drawn at the start: the period's interest is on the opening balance plus the draw.
    Start,
    /// Drawn at the end: the period's interest is on the opening balance only.
    End,
}

/// One construction period, unrounded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConstructionPeriod {
    pub draw: Decimal,
    pub interest: Decimal,
    /// Draws and interest so far.
    pub closing: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Construction {
    pub periods: Vec<ConstructionPeriod>,
    /// Σ capitalised interest, unrounded.
    pub idc: Decimal,
    /// Draws + IDC: the senior debt when operation starts (COD).
    pub debt_at_cod: Decimal,
}

/// The debt built up by `draws` at `rate_percent` a year, `periods_per_year` periods a year.
pub fn construction(
    draws: &[Decimal],
    rate_percent: Decimal,
    periods_per_year: u32,
    timing: DrawTiming,
) -> Result<Construction> {
    let rate = rate_percent / Decimal::ONE_HUNDRED / Decimal::from(periods_per_year.max(1));
    let mut balance = Decimal::ZERO;
    let mut idc = Decimal::ZERO;
    let mut periods = Vec::with_capacity(draws.len());
    for &draw in draws {
        let bearing = match timing {
            DrawTiming::Start => balance + draw,
            DrawTiming::End => balance,
        };
        let interest = mul(bearing, rate)?;
        idc = add(idc, interest)?;
        balance = add(balance, add(draw, interest)?)?;
        periods.push(ConstructionPeriod {
            draw,
            interest,
            closing: balance,
        });
    }
    Ok(Construction {
        periods,
        idc,
        debt_at_cod: balance,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn round(d: Decimal) -> Decimal {
        d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    }

    #[test]
    fn four_quarterly_draws_of_250_at_6_percent() {
        let draws = [dec("250"); 4];
        // End: 0, 3.75, 7.55625, 11.41959375 (issue 17's example).
        let end = construction(&draws, dec("6"), 4, DrawTiming::End).unwrap();
        assert_eq!(round(end.idc), dec("22.73"));
        assert_eq!(round(end.debt_at_cod), dec("1022.73"));
        // Start: 3.75, 7.55625, 11.41959375, 15.34088766 by hand.
        let start = construction(&draws, dec("6"), 4, DrawTiming::Start).unwrap();
        assert_eq!(round(start.idc), dec("38.07"));
        assert_eq!(round(start.debt_at_cod), dec("1038.07"));
    }
}
