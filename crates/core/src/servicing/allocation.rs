//! How repayments are applied to a booked schedule (还款冲抵顺序). Pure: periods and
//! repayments in, what each period has received out.
//!
//! The rule, shown to the officer as written here:
//! 1. interest of every period due on or before the repayment date, oldest first;
//! 2. then principal of those periods, oldest first;
//! 3. then, if what is left pays the loan off (all remaining principal plus the running
//!    period's interest accrued to the repayment date), the loan is repaid early: the rest of
//!    the running period's interest and all later interest are waived and the loan closes;
//! 4. otherwise what is left pays the next periods ahead of time, interest then principal,
//!    period by period;
//! 5. anything beyond a closed loan is an overpayment, kept aside and reported.
use chrono::NaiveDate;

/// One period of the booked schedule, in fen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuePeriod {
    pub due_on: NaiveDate,
    pub principal: i64,
    pub interest: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repayment {
    pub paid_on: NaiveDate,
    pub amount: i64,
}

/// What one period has received.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodPaid {
    pub principal: i64,
    pub interest: i64,
    /// Interest no longer owed because the loan was repaid early.
    pub waived_interest: i64,
    /// The date the period was fully paid (or waived), if it is.
    pub settled_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Allocation {
    pub periods: Vec<PeriodPaid>,
    pub overpaid: i64,
    pub closed_on: Option<NaiveDate>,
}

impl Allocation {
    pub fn outstanding_principal(&self, schedule: &[DuePeriod]) -> i64 {
        schedule
            .iter()
            .zip(&self.periods)
            .map(|(d, p)| d.principal - p.principal)
            .sum()
    }
}

/// Applies `repayments` (in date order; ties keep their order) to `schedule`. `start` is the
/// date interest starts accruing for the first period (the first disbursement).
pub fn allocate(start: NaiveDate, schedule: &[DuePeriod], repayments: &[Repayment]) -> Allocation {
    let mut state = Allocation {
        periods: vec![PeriodPaid::default(); schedule.len()],
        ..Allocation::default()
    };
    for r in repayments {
        apply(start, schedule, &mut state, r);
    }
    state
}

fn apply(start: NaiveDate, schedule: &[DuePeriod], state: &mut Allocation, r: &Repayment) {
    let mut left = r.amount;
    if state.closed_on.is_some() {
        state.overpaid += left;
        return;
    }
    let due = schedule
        .iter()
        .take_while(|d| d.due_on <= r.paid_on)
        .count();

    for i in 0..due {
        left -= pay_interest(schedule, state, i, left);
    }
    for i in 0..due {
        left -= pay_principal(schedule, state, i, left);
    }
    for i in 0..due {
        settle_if_paid(schedule, state, i, r.paid_on);
    }

    if left > 0 {
        let accrued = accrued_interest(start, schedule, due, r.paid_on);
        let running_owed = (accrued - state.periods.get(due).map_or(0, |p| p.interest)).max(0);
        let future_principal: i64 = (due..schedule.len())
            .map(|i| schedule[i].principal - state.periods[i].principal)
            .sum();
        if left >= running_owed + future_principal {
            left -= running_owed + future_principal;
            let rest = state.periods.iter_mut().zip(schedule).skip(due);
            for (i, (paid, booked)) in rest.enumerate() {
                if i == 0 {
                    paid.interest += running_owed;
                }
                paid.principal = booked.principal;
                paid.waived_interest = booked.interest - paid.interest;
                paid.settled_on = Some(r.paid_on);
            }
        } else {
            for i in due..schedule.len() {
                left -= pay_interest(schedule, state, i, left);
                left -= pay_principal(schedule, state, i, left);
                settle_if_paid(schedule, state, i, r.paid_on);
            }
        }
    }

    if state.periods.iter().all(|p| p.settled_on.is_some()) {
        state.closed_on = Some(r.paid_on);
    }
    state.overpaid += left;
}

fn pay_interest(schedule: &[DuePeriod], state: &mut Allocation, i: usize, left: i64) -> i64 {
    let p = &mut state.periods[i];
    let owed = schedule[i].interest - p.interest - p.waived_interest;
    let take = owed.min(left).max(0);
    p.interest += take;
    take
}

fn pay_principal(schedule: &[DuePeriod], state: &mut Allocation, i: usize, left: i64) -> i64 {
    let p = &mut state.periods[i];
    let take = (schedule[i].principal - p.principal).min(left).max(0);
    p.principal += take;
    take
}

fn settle_if_paid(schedule: &[DuePeriod], state: &mut Allocation, i: usize, on: NaiveDate) {
    let p = &mut state.periods[i];
    let paid = p.principal == schedule[i].principal
        && p.interest + p.waived_interest == schedule[i].interest;
    if paid && p.settled_on.is_none() {
        p.settled_on = Some(on);
    }
}

/// The running period's scheduled interest pro rata by the days elapsed in it, rounded half
/// up to the fen. Periods before `running` are due; `running` may be past the end (no
/// running period: nothing accrues).
fn accrued_interest(
    start: NaiveDate,
    schedule: &[DuePeriod],
    running: usize,
    on: NaiveDate,
) -> i64 {
    let Some(period) = schedule.get(running) else {
        return 0;
    };
    let from = running
        .checked_sub(1)
        .and_then(|i| schedule.get(i))
        .map_or(start, |d| d.due_on);
    let elapsed = i128::from((on - from).num_days().max(0));
    let length = i128::from((period.due_on - from).num_days().max(1));
    let numerator = i128::from(period.interest) * elapsed.min(length);
    i64::try_from((2 * numerator + length) / (2 * length)).unwrap_or(period.interest)
}

/// The amount that repays the loan in full on `on`: what is due and unpaid, the remaining
/// principal, and the running period's interest accrued to that day.
pub fn payoff_amount(
    start: NaiveDate,
    schedule: &[DuePeriod],
    state: &Allocation,
    on: NaiveDate,
) -> i64 {
    if state.closed_on.is_some() {
        return 0;
    }
    let due = schedule.iter().take_while(|d| d.due_on <= on).count();
    let due_unpaid: i64 = (0..due)
        .map(|i| {
            let (d, p) = (&schedule[i], &state.periods[i]);
            d.principal + d.interest - p.principal - p.interest - p.waived_interest
        })
        .sum();
    let running_paid = state.periods.get(due).map_or(0, |p| p.interest);
    let accrued = (accrued_interest(start, schedule, due, on) - running_paid).max(0);
    let future_principal: i64 = (due..schedule.len())
        .map(|i| schedule[i].principal - state.periods[i].principal)
        .sum();
    due_unpaid + accrued + future_principal
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Three periods of 1,000.00 principal and 100.00, 66.67, 33.33 interest.
    fn three() -> Vec<DuePeriod> {
        vec![
            DuePeriod {
                due_on: d("2026-02-15"),
                principal: 100_000,
                interest: 10_000,
            },
            DuePeriod {
                due_on: d("2026-03-15"),
                principal: 100_000,
                interest: 6_667,
            },
            DuePeriod {
                due_on: d("2026-04-15"),
                principal: 100_000,
                interest: 3_333,
            },
        ]
    }
    const START: &str = "2026-01-15";

    fn pay(on: &str, amount: i64) -> Repayment {
        Repayment {
            paid_on: d(on),
            amount,
        }
    }

    #[test]
    fn on_time_payments_settle_each_period() {
        let s = three();
        let a = allocate(
            d(START),
            &s,
            &[pay("2026-02-15", 110_000), pay("2026-03-15", 106_667)],
        );
        assert_eq!(a.periods[0].settled_on, Some(d("2026-02-15")));
        assert_eq!(a.periods[1].settled_on, Some(d("2026-03-15")));
        assert_eq!(a.periods[2], PeriodPaid::default());
        assert_eq!(a.outstanding_principal(&s), 100_000);
        assert_eq!((a.overpaid, a.closed_on), (0, None));
    }

    #[test]
    fn a_partial_payment_goes_to_interest_first() {
        let s = three();
        let a = allocate(d(START), &s, &[pay("2026-02-20", 30_000)]);
        assert_eq!(a.periods[0].interest, 10_000);
        assert_eq!(a.periods[0].principal, 20_000);
        assert_eq!(a.periods[0].settled_on, None);
    }

    #[test]
    fn a_late_payment_covering_two_periods_pays_all_interest_before_principal() {
        let s = three();
        // Both periods overdue on 03-20; 120,000 covers both interests (16,667) then principal.
        let a = allocate(d(START), &s, &[pay("2026-03-20", 120_000)]);
        assert_eq!(
            (a.periods[0].interest, a.periods[1].interest),
            (10_000, 6_667)
        );
        assert_eq!(a.periods[0].principal, 100_000);
        assert_eq!(a.periods[1].principal, 3_333);
        assert_eq!(a.periods[0].settled_on, Some(d("2026-03-20")));
        assert_eq!(a.periods[1].settled_on, None);
    }

    #[test]
    fn paying_the_next_installment_early_pays_it_ahead() {
        let s = three();
        let a = allocate(d(START), &s, &[pay("2026-02-10", 110_000)]);
        assert_eq!(a.periods[0].settled_on, Some(d("2026-02-10")));
        assert_eq!(a.periods[0].waived_interest, 0);
        assert_eq!(a.closed_on, None);
    }

    #[test]
    fn early_full_repayment_charges_interest_to_date_and_waives_the_rest() {
        let s = three();
        let paid = allocate(d(START), &s, &[pay("2026-02-15", 110_000)]);
        // 2026-03-01: 14 of 28 days of period 2 → half of 6,667 = 3,333.5 → 3,334.
        let payoff = payoff_amount(d(START), &s, &paid, d("2026-03-01"));
        assert_eq!(payoff, 200_000 + 3_334);
        let a = allocate(
            d(START),
            &s,
            &[pay("2026-02-15", 110_000), pay("2026-03-01", payoff + 500)],
        );
        assert_eq!(a.closed_on, Some(d("2026-03-01")));
        assert_eq!(a.outstanding_principal(&s), 0);
        assert_eq!(a.periods[1].interest, 3_334);
        assert_eq!(a.periods[1].waived_interest, 6_667 - 3_334);
        assert_eq!(a.periods[2].waived_interest, 3_333);
        assert_eq!(a.overpaid, 500);
    }

    #[test]
    fn overpayment_after_the_last_period_is_kept_aside() {
        let s = three();
        let a = allocate(
            d(START),
            &s,
            &[pay("2026-04-15", 320_000), pay("2026-05-01", 1_000)],
        );
        assert_eq!(a.closed_on, Some(d("2026-04-15")));
        assert_eq!(a.overpaid, 1_000);
        assert!(a.periods.iter().all(|p| p.waived_interest == 0));
    }

    #[test]
    fn nothing_due_yet_and_too_little_to_pay_off_pays_ahead_in_order() {
        let s = three();
        let a = allocate(d(START), &s, &[pay("2026-01-20", 150_000)]);
        assert_eq!(a.periods[0].settled_on, Some(d("2026-01-20")));
        assert_eq!(
            (a.periods[1].interest, a.periods[1].principal),
            (6_667, 33_333)
        );
    }
}
