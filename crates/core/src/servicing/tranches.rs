//! The booked schedule of a loan paid out in one or more disbursements (分笔放款).
//!
//! Each disbursement is its own loan on the same terms, repayment day and maturity, so its
//! first period may be broken; the loan's schedule is their sum per due date. With a single
//! disbursement this is exactly the calculator's schedule.
use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::loans::{self, LoanTerms, Period};
use crate::rule::Rule;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disbursement {
    pub on: NaiveDate,
    pub amount: Decimal,
}

fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

/// `terms` as agreed (principal = the contract amount, disbursement date = the first one);
/// `disbursements` in any order. They must add up to at most the principal and fall before
/// maturity.
pub fn booked_schedule(terms: &LoanTerms, disbursements: &[Disbursement]) -> Result<Vec<Period>> {
    loans::generate(terms)?;
    let mut parts = disbursements.to_vec();
    parts.sort_by_key(|d| d.on);
    let Some(first) = parts.first() else {
        return Err(Error::invalid("disbursements", Rule::Required));
    };
    if first.on != terms.disbursement_date {
        return Err(Error::invalid(
            "disbursements",
            Rule::FirstIsDisbursementDate,
        ));
    }
    let total: Decimal = parts.iter().map(|d| d.amount).sum();
    if parts.iter().any(|d| d.amount <= Decimal::ZERO) {
        return Err(Error::invalid("disbursements", Rule::Positive));
    }
    if total > terms.principal {
        return Err(Error::invalid(
            "disbursements",
            Rule::AtMost(terms.principal.to_string()),
        ));
    }
    let maturity = month_index(terms.disbursement_date) + i64::from(terms.term_months);
    let day = terms.effective_repay_day();

    let mut by_date: BTreeMap<NaiveDate, (Decimal, Decimal, Decimal)> = BTreeMap::new();
    for part in &parts {
        let elapsed = month_index(part.on) - month_index(terms.disbursement_date);
        let term = u32::try_from(maturity - month_index(part.on))
            .ok()
            .filter(|m| *m >= 1)
            .ok_or_else(|| Error::invalid("disbursements", Rule::AfterMaturity))?;
        let grace = u32::try_from(i64::from(terms.grace_months) - elapsed).unwrap_or(0);
        let tranche = LoanTerms {
            principal: part.amount,
            term_months: term,
            disbursement_date: part.on,
            repay_day: Some(day),
            grace_months: grace.min(term - 1),
            upfront_fee: Decimal::ZERO,
            ..terms.clone()
        };
        for p in loans::generate(&tranche)?.periods {
            let e = by_date.entry(p.due_date).or_default();
            e.0 += p.principal;
            e.1 += p.interest;
        }
    }
    let mut balance = total;
    let periods = by_date
        .into_iter()
        .zip(1u32..)
        .map(|((due_date, (principal, interest, _)), number)| {
            balance -= principal;
            Period {
                number,
                due_date,
                payment: principal + interest,
                principal,
                interest,
                balance,
            }
        })
        .collect();
    Ok(periods)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::loans::{Method, Rate};

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn terms() -> LoanTerms {
        LoanTerms {
            principal: dec("1000000"),
            currency: "CNY".into(),
            term_months: 12,
            rate: Rate::Fixed {
                annual_percent: dec("4.35"),
            },
            disbursement_date: d("2026-01-15"),
            repay_day: None,
            method: Method::EqualPrincipal,
            grace_months: 0,
            upfront_fee: dec("0"),
            day_count: Default::default(),
            rounding: Default::default(),
        }
    }

    #[test]
    fn one_disbursement_is_the_calculators_schedule() {
        let t = terms();
        let booked = booked_schedule(
            &t,
            &[Disbursement {
                on: t.disbursement_date,
                amount: t.principal,
            }],
        )
        .unwrap();
        assert_eq!(booked, loans::generate(&t).unwrap().periods);
    }

    #[test]
    fn two_disbursements_share_the_due_dates_and_maturity() {
        let t = terms();
        let parts = [
            Disbursement {
                on: d("2026-01-15"),
                amount: dec("600000"),
            },
            Disbursement {
                on: d("2026-03-02"),
                amount: dec("400000"),
            },
        ];
        let booked = booked_schedule(&t, &parts).unwrap();
        assert_eq!(booked.len(), 12);
        assert_eq!(booked.last().unwrap().due_date, d("2027-01-15"));
        assert_eq!(booked.last().unwrap().balance, dec("0"));
        let principal: Decimal = booked.iter().map(|p| p.principal).sum();
        assert_eq!(principal, dec("1000000"));
        // Before the second payout only the first tranche is repaid.
        assert_eq!(booked[0].principal, dec("50000"));
        assert_eq!(booked[1].principal, dec("50000"));
        assert!(booked[2].principal > dec("50000"));
    }

    #[test]
    fn bad_disbursements_are_refused() {
        let t = terms();
        let too_much = [Disbursement {
            on: d("2026-01-15"),
            amount: dec("1000000.01"),
        }];
        let too_late = [
            Disbursement {
                on: d("2026-01-15"),
                amount: dec("1"),
            },
            Disbursement {
                on: d("2027-01-20"),
                amount: dec("1"),
            },
        ];
        let not_first = [Disbursement {
            on: d("2026-01-16"),
            amount: dec("1"),
        }];
        for parts in [&too_much[..], &too_late[..], &not_first[..], &[][..]] {
            assert!(
                matches!(booked_schedule(&t, parts), Err(Error::Validation { .. })),
                "{parts:?}"
            );
        }
    }
}
