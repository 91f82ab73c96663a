//! Re-amortising what is left of a booked schedule over given due dates: the arithmetic that
//! prepayment (提前还款), repricing (重定价) and extension (展期) share. Pure and in whole fen,
//! with the calculator's rules (each period's interest rounded once; the last period absorbs
//! the residual, so principal parts sum exactly to the balance and it ends at 0.00).
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::loans::{
    basis_days, days_in_year, level_payment, round_div, DayCount, Method, Percent, Rounding,
};
use crate::rule::Rule;

/// One row of a schedule in fen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub due_on: NaiveDate,
    pub principal: i64,
    pub interest: i64,
}

/// What to re-amortise and how.
pub struct Plan<'a> {
    pub balance: i64,
    /// Interest on the new schedule runs from this day.
    pub from: NaiveDate,
    /// `from` is itself a due date of the loan (a whole first period), not a day inside one.
    pub from_is_due_date: bool,
    /// The due dates to spread the balance over (all after `from`).
    pub dates: &'a [NaiveDate],
    pub method: Method,
    pub annual_percent: Decimal,
    pub day_count: DayCount,
    pub rounding: Rounding,
    /// Interest already accrued in the first period before `from` (at an earlier rate),
    /// added to the first row.
    pub carried_interest: i64,
    /// 缩短期限: keep this instalment (equal installment) or principal part (equal principal)
    /// and use fewer dates; `None` spreads over all of them (减少月供).
    pub keep: Option<i64>,
}

fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

impl Plan<'_> {
    fn rate(&self) -> Result<Percent> {
        Percent::new(self.annual_percent).ok_or_else(|| Error::invalid("rate", Rule::OutOfRange))
    }

    /// Interest on `balance` for the period (prev, to]: whole months at rate / 12, a first
    /// period that starts inside a month by days on the loan's basis.
    fn interest(&self, rate: Percent, balance: i64, prev: NaiveDate, to: NaiveDate) -> i64 {
        let broken = prev == self.from && !self.from_is_due_date;
        let (units, denominator) = if broken {
            let basis = i128::from(days_in_year(self.day_count));
            (
                i128::from(basis_days(self.day_count, prev, to).max(0)),
                100 * basis,
            )
        } else {
            (
                i128::from((month_index(to) - month_index(prev)).max(0)),
                1200,
            )
        };
        let numerator = i128::from(balance) * rate.numerator * units;
        i64::try_from(round_div(
            numerator,
            denominator * rate.denominator,
            self.rounding,
        ))
        .unwrap_or(i64::MAX)
    }

    /// A whole month's interest on `balance`: what keeps an equal instalment level when the
    /// first period is broken (the calculator's rule).
    fn month_interest(&self, rate: Percent, balance: i64) -> i64 {
        let numerator = i128::from(balance) * rate.numerator;
        i64::try_from(round_div(numerator, 1200 * rate.denominator, self.rounding))
            .unwrap_or(i64::MAX)
    }

    /// The regular instalment (equal installment) or principal part (equal principal) over all
    /// the dates: what 减少月供 gives, and what 缩短期限 keeps from the schedule before.
    pub fn regular(&self) -> Result<i64> {
        let n = u32::try_from(self.dates.len()).unwrap_or(u32::MAX).max(1);
        Ok(match self.method {
            Method::EqualInstallment => level_payment(
                crate::loans::from_fen(self.balance),
                self.annual_percent,
                n,
                self.rounding,
            )
            .map_err(|_| Error::invalid("rate", Rule::OutOfRange))?,
            _ => round_div(i128::from(self.balance), i128::from(n), self.rounding) as i64,
        })
    }

    pub fn rows(&self) -> Result<Vec<Row>> {
        let rate = self.rate()?;
        if self.dates.is_empty() || self.balance <= 0 {
            return Ok(Vec::new());
        }
        let amortizes = self.method.amortizes();
        let regular = match self.keep {
            Some(k) if amortizes => k,
            _ => self.regular()?,
        };
        let mut balance = self.balance;
        let mut prev = self.from;
        let mut rows = Vec::with_capacity(self.dates.len());
        for (k, &due_on) in self.dates.iter().enumerate() {
            let last = k + 1 == self.dates.len();
            let mut interest = self.interest(rate, balance, prev, due_on);
            if k == 0 {
                interest += self.carried_interest;
            }
            let principal = if last {
                balance
            } else if !amortizes {
                0
            } else if self.method == Method::EqualInstallment {
                let basis = if k == 0 {
                    self.month_interest(rate, balance)
                } else {
                    interest
                };
                (regular - basis).max(1)
            } else {
                regular
            };
            let principal = principal.clamp(0, balance);
            balance -= principal;
            rows.push(Row {
                due_on,
                principal,
                interest,
            });
            prev = due_on;
            if balance == 0 {
                break;
            }
        }
        Ok(rows)
    }
}

/// Interest of a period pro rata by the days elapsed in it, half up: what accrues to a day
/// inside the period (the same rule as the early repayment's in the allocation).
pub fn pro_rata(interest: i64, from: NaiveDate, on: NaiveDate, to: NaiveDate) -> i64 {
    let elapsed = i128::from((on - from).num_days().max(0));
    let length = i128::from((to - from).num_days().max(1));
    let numerator = i128::from(interest) * elapsed.min(length);
    i64::try_from((2 * numerator + length) / (2 * length)).unwrap_or(interest)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::loans::{generate, LoanTerms, Rate};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn from_a_due_date_over_all_dates_is_the_calculators_schedule() {
        for method in [
            Method::EqualInstallment,
            Method::EqualPrincipal,
            Method::InterestOnly,
            Method::Bullet,
        ] {
            let terms = LoanTerms {
                principal: Decimal::from(1_000_000),
                currency: "CNY".into(),
                term_months: 24,
                rate: Rate::Fixed {
                    annual_percent: Decimal::new(49, 1),
                },
                disbursement_date: d("2026-01-15"),
                repay_day: None,
                method,
                grace_months: 0,
                upfront_fee: Decimal::ZERO,
                day_count: DayCount::Act360,
                rounding: Rounding::HalfUp,
            };
            let s = generate(&terms).unwrap();
            let dates: Vec<NaiveDate> = s.periods.iter().map(|p| p.due_date).collect();
            let plan = Plan {
                balance: 100_000_000,
                from: terms.disbursement_date,
                from_is_due_date: true,
                dates: &dates,
                method,
                annual_percent: terms.rate.annual_percent(),
                day_count: terms.day_count,
                rounding: terms.rounding,
                carried_interest: 0,
                keep: None,
            };
            let rows = plan.rows().unwrap();
            let expected: Vec<Row> = s
                .periods
                .iter()
                .map(|p| Row {
                    due_on: p.due_date,
                    principal: crate::loans::to_fen(p.principal).unwrap(),
                    interest: crate::loans::to_fen(p.interest).unwrap(),
                })
                .collect();
            assert_eq!(rows, expected, "{method:?}");
        }
    }

    #[test]
    fn keeping_the_instalment_uses_fewer_dates_and_ends_at_zero() {
        let dates: Vec<NaiveDate> = (1..=12)
            .map(|m| crate::loans::due_date(d("2026-01-15"), m, 15).unwrap())
            .collect();
        let plan = Plan {
            balance: 50_000_000,
            from: d("2026-01-15"),
            from_is_due_date: true,
            dates: &dates,
            method: Method::EqualInstallment,
            annual_percent: Decimal::from(6),
            day_count: DayCount::Act360,
            rounding: Rounding::HalfUp,
            carried_interest: 0,
            keep: Some(8_606_643),
        };
        let rows = plan.rows().unwrap();
        assert!(rows.len() < 12);
        assert_eq!(rows.iter().map(|r| r.principal).sum::<i64>(), 50_000_000);
        assert!(rows[..rows.len() - 1]
            .iter()
            .all(|r| r.principal + r.interest == 8_606_643));
    }
}
