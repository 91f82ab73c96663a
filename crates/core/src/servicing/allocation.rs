//! How repayments are applied to a booked schedule (还款冲抵顺序). Pure: periods, repayments
//! and waivers in, what each period has received out.
//!
//! The rule, shown to the officer as written here:
//! 1. of every period due on or before the repayment date, oldest first, the parts in the
//!    contract's order; by default compound interest (复利), then penalty interest (罚息), then
//!    interest, then principal (each part over all due periods before the next part);
//! 2. then, if what is left pays the loan off (all remaining principal plus the running
//!    period's interest accrued to the repayment date), the loan is repaid early: the rest of
//!    the running period's interest and all later interest are waived and the loan closes;
//! 3. otherwise what is left pays the next periods ahead of time, interest then principal,
//!    period by period;
//! 4. anything beyond a closed loan is an overpayment, kept aside and reported.
//!
//! Penalty and compound interest ([`super::penalty`]) accrue from the due date on the
//! principal and interest still unpaid, day by day, and are kept per period as fen-days so each
//! period's amount is rounded once. A period paid within its working-day grace bears none.
use chrono::NaiveDate;

use super::penalty::{AllocationPart, PenaltyRate};
use super::status::WorkingDays;

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

/// Penalty or compound interest waived (减免) on a day, oldest period first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiver {
    pub on: NaiveDate,
    pub amount: i64,
}

/// What one period has received.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodPaid {
    pub principal: i64,
    pub interest: i64,
    /// Interest no longer owed because the loan was repaid early.
    pub waived_interest: i64,
    pub penalty: i64,
    pub compound: i64,
    /// Penalty and compound interest waived by the officer.
    pub waived_penalty: i64,
    pub waived_compound: i64,
    /// The date the period was fully paid (or waived), if it is.
    pub settled_on: Option<NaiveDate>,
}

/// Fen-days accrued on a period's unpaid principal and interest since its due date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Accrual {
    pub principal_days: i128,
    pub interest_days: i128,
    /// The day accrual is counted to (the due date until the first count).
    pub to: Option<NaiveDate>,
}

/// How penalty interest accrues on a loan: its rate, the grace of each due date, the order.
#[derive(Debug, Clone)]
pub struct PenaltyRule {
    pub rate: PenaltyRate,
    pub order: [AllocationPart; 4],
    pub working_days: WorkingDays,
}

impl PenaltyRule {
    /// No penalty, the default order: the allocation as it was before penalty interest.
    pub fn none() -> Self {
        PenaltyRule {
            rate: PenaltyRate::ZERO,
            order: AllocationPart::ALL,
            working_days: WorkingDays::default(),
        }
    }

    pub fn new(rate: PenaltyRate, order: &[AllocationPart], working_days: WorkingDays) -> Self {
        let mut fixed = AllocationPart::ALL;
        if order.len() == fixed.len() {
            fixed.copy_from_slice(order);
        }
        PenaltyRule {
            rate,
            order: fixed,
            working_days,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Allocation {
    pub periods: Vec<PeriodPaid>,
    pub accruals: Vec<Accrual>,
    /// The last day a payment of each period is on time.
    grace: Vec<NaiveDate>,
    pub overpaid: i64,
    pub closed_on: Option<NaiveDate>,
    rate: Option<PenaltyRate>,
    /// Periods before this one are settled.
    first_open: usize,
    /// Some repayment left money over after what was due on its day: it paid ahead or
    /// repaid the loan early, which looks at the periods not yet due.
    pub paid_beyond_due: bool,
}

impl Allocation {
    pub fn outstanding_principal(&self, schedule: &[DuePeriod]) -> i64 {
        schedule
            .iter()
            .zip(&self.periods)
            .map(|(d, p)| d.principal - p.principal)
            .sum()
    }

    fn rate(&self) -> PenaltyRate {
        self.rate.unwrap_or(PenaltyRate::ZERO)
    }

    /// Penalty and compound interest of period `i` still owed on `on` (which must not be
    /// before the accrual's last count), both 0 while the period is within its grace.
    pub fn penalty_owed(&self, schedule: &[DuePeriod], i: usize, on: NaiveDate) -> (i64, i64) {
        let (Some(d), Some(p), Some(a)) =
            (schedule.get(i), self.periods.get(i), self.accruals.get(i))
        else {
            return (0, 0);
        };
        // Paid in full (and so no longer accruing), or not late yet.
        if p.settled_on.is_some() || self.grace.get(i).is_none_or(|g| on <= *g) {
            return (0, 0);
        }
        let extra = i128::from(
            (on - a.to.unwrap_or(d.due_on).max(d.due_on))
                .num_days()
                .max(0),
        );
        let unpaid_p = i128::from(d.principal - p.principal);
        let unpaid_i = i128::from(d.interest - p.interest - p.waived_interest);
        let rate = self.rate();
        let penalty = rate.on(a.principal_days + unpaid_p * extra) - p.penalty - p.waived_penalty;
        let compound = rate.on(a.interest_days + unpaid_i * extra) - p.compound - p.waived_compound;
        (penalty.max(0), compound.max(0))
    }

    /// Penalty and compound owed on every period on `on`.
    pub fn penalties_on(&self, schedule: &[DuePeriod], on: NaiveDate) -> Vec<(i64, i64)> {
        (0..schedule.len())
            .map(|i| self.penalty_owed(schedule, i, on))
            .collect()
    }
}

/// Applies `repayments` (in date order; ties keep their order) to `schedule`. `start` is the
/// date interest starts accruing for the first period (the first disbursement).
pub fn allocate(start: NaiveDate, schedule: &[DuePeriod], repayments: &[Repayment]) -> Allocation {
    allocate_with(start, schedule, repayments, &[], &PenaltyRule::none())
}

/// [`allocate`] with penalty interest and the officer's waivers (applied before the day's
/// repayments).
pub fn allocate_with(
    start: NaiveDate,
    schedule: &[DuePeriod],
    repayments: &[Repayment],
    waivers: &[Waiver],
    rule: &PenaltyRule,
) -> Allocation {
    let mut state = Allocation {
        periods: vec![PeriodPaid::default(); schedule.len()],
        accruals: vec![Accrual::default(); schedule.len()],
        grace: schedule
            .iter()
            .map(|d| rule.working_days.grace_until(d.due_on))
            .collect(),
        rate: Some(rule.rate),
        ..Allocation::default()
    };
    let mut w = waivers.iter().peekable();
    for r in repayments {
        while let Some(waiver) = w.next_if(|x| x.on <= r.paid_on) {
            waive(schedule, &mut state, rule, waiver);
        }
        apply(start, schedule, &mut state, rule, r);
    }
    for waiver in w {
        waive(schedule, &mut state, rule, waiver);
    }
    state
}

/// Counts fen-days on every open period due before `on` up to `on`.
fn accrue(schedule: &[DuePeriod], state: &mut Allocation, on: NaiveDate) {
    if state.rate().is_zero() {
        return;
    }
    let open = state.first_open;
    let rows = schedule
        .iter()
        .zip(&state.periods)
        .zip(&mut state.accruals)
        .skip(open);
    for ((d, p), a) in rows {
        if d.due_on >= on {
            break;
        }
        let from = a.to.unwrap_or(d.due_on).max(d.due_on);
        let days = i128::from((on - from).num_days().max(0));
        a.principal_days += i128::from(d.principal - p.principal) * days;
        a.interest_days += i128::from(d.interest - p.interest - p.waived_interest) * days;
        a.to = Some(on.max(from));
    }
}

fn waive(schedule: &[DuePeriod], state: &mut Allocation, rule: &PenaltyRule, w: &Waiver) {
    if state.closed_on.is_some() {
        return;
    }
    accrue(schedule, state, w.on);
    let due = schedule.iter().take_while(|d| d.due_on < w.on).count();
    let mut left = w.amount;
    for part in rule.order {
        for i in state.first_open..due {
            let (penalty, compound) = state.penalty_owed(schedule, i, w.on);
            let p = &mut state.periods[i];
            match part {
                AllocationPart::Compound => {
                    let take = compound.min(left).max(0);
                    p.waived_compound += take;
                    left -= take;
                }
                AllocationPart::Penalty => {
                    let take = penalty.min(left).max(0);
                    p.waived_penalty += take;
                    left -= take;
                }
                _ => {}
            }
        }
    }
    for i in state.first_open..due {
        settle_if_paid(schedule, state, i, w.on);
    }
    advance(state);
}

fn apply(
    start: NaiveDate,
    schedule: &[DuePeriod],
    state: &mut Allocation,
    rule: &PenaltyRule,
    r: &Repayment,
) {
    let mut left = r.amount;
    if state.closed_on.is_some() {
        state.paid_beyond_due = true;
        state.overpaid += left;
        return;
    }
    accrue(schedule, state, r.paid_on);
    let due = schedule
        .iter()
        .take_while(|d| d.due_on <= r.paid_on)
        .count();

    for part in rule.order {
        for i in state.first_open..due {
            left -= pay(schedule, state, part, i, left, r.paid_on);
        }
    }
    for i in state.first_open..due {
        settle_if_paid(schedule, state, i, r.paid_on);
    }

    if left > 0 {
        state.paid_beyond_due = true;
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
                left -= pay(
                    schedule,
                    state,
                    AllocationPart::Interest,
                    i,
                    left,
                    r.paid_on,
                );
                left -= pay(
                    schedule,
                    state,
                    AllocationPart::Principal,
                    i,
                    left,
                    r.paid_on,
                );
                settle_if_paid(schedule, state, i, r.paid_on);
            }
        }
    }

    if state.periods.iter().all(|p| p.settled_on.is_some()) {
        state.closed_on = Some(r.paid_on);
    }
    advance(state);
    state.overpaid += left;
}

fn advance(state: &mut Allocation) {
    while state
        .periods
        .get(state.first_open)
        .is_some_and(|p| p.settled_on.is_some())
    {
        state.first_open += 1;
    }
}

fn pay(
    schedule: &[DuePeriod],
    state: &mut Allocation,
    part: AllocationPart,
    i: usize,
    left: i64,
    on: NaiveDate,
) -> i64 {
    let owed = match part {
        AllocationPart::Compound => state.penalty_owed(schedule, i, on).1,
        AllocationPart::Penalty => state.penalty_owed(schedule, i, on).0,
        AllocationPart::Interest => {
            let p = &state.periods[i];
            schedule[i].interest - p.interest - p.waived_interest
        }
        AllocationPart::Principal => schedule[i].principal - state.periods[i].principal,
    };
    let take = owed.min(left).max(0);
    let p = &mut state.periods[i];
    match part {
        AllocationPart::Compound => p.compound += take,
        AllocationPart::Penalty => p.penalty += take,
        AllocationPart::Interest => p.interest += take,
        AllocationPart::Principal => p.principal += take,
    }
    take
}

fn settle_if_paid(schedule: &[DuePeriod], state: &mut Allocation, i: usize, on: NaiveDate) {
    let (penalty, compound) = state.penalty_owed(schedule, i, on);
    let p = &state.periods[i];
    let paid = p.principal == schedule[i].principal
        && p.interest + p.waived_interest == schedule[i].interest
        && penalty == 0
        && compound == 0;
    if paid && p.settled_on.is_none() {
        state.periods[i].settled_on = Some(on);
    }
}

/// The running period's scheduled interest pro rata by the days elapsed in it, rounded half
/// up to the fen. Periods before `running` are due; `running` may be past the end (no
/// running period: nothing accrues).
pub(super) fn accrued_interest(
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

/// The amount that repays the loan in full on `on`: what is due and unpaid (with its penalty
/// and compound interest), the remaining principal, and the running period's interest
/// accrued to that day.
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
            let (penalty, compound) = state.penalty_owed(schedule, i, on);
            d.principal + d.interest - p.principal - p.interest - p.waived_interest
                + penalty
                + compound
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
