use chrono::{Datelike, NaiveDate};

use super::error::LoanError;
use super::terms::DayCount;
use crate::rule::Rule;

/// The due date `months` months after the month of `start`, on `day`, or on that month's last
/// day when it is shorter. Each month is computed from `start`, never from the previous due
/// date, so Jan 31 → Feb 28 → Mar 31 comes back to the chosen day.
pub fn due_date(start: NaiveDate, months: u32, day: u32) -> Result<NaiveDate, LoanError> {
    let out_of_range = || LoanError::invalid("disbursement_date", Rule::OutOfRange);
    let index = i64::from(start.year()) * 12 + i64::from(start.month0()) + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).map_err(|_| out_of_range())?;
    let month = u32::try_from(index.rem_euclid(12) + 1).map_err(|_| out_of_range())?;
    let last = last_day_of_month(year, month).ok_or_else(out_of_range)?;
    NaiveDate::from_ymd_opt(year, month, day.min(last)).ok_or_else(out_of_range)
}

/// Number of days in the month (28..=31), `None` for a month outside 1..=12.
pub fn last_day_of_month(year: i32, month: u32) -> Option<u32> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// Days between two dates as the basis counts them.
pub fn basis_days(basis: DayCount, from: NaiveDate, to: NaiveDate) -> i64 {
    match basis {
        DayCount::Act360 | DayCount::Act365 => (to - from).num_days(),
        DayCount::Thirty360 => {
            // ISDA 30/360 bond basis: a 31st counts as the 30th.
            let d1 = from.day().min(30);
            let d2 = if to.day() == 31 && d1 == 30 {
                30
            } else {
                to.day()
            };
            360 * i64::from(to.year() - from.year())
                + 30 * (i64::from(to.month()) - i64::from(from.month()))
                + (i64::from(d2) - i64::from(d1))
        }
    }
}

/// Denominator of the basis: the days a year's rate is spread over.
pub fn days_in_year(basis: DayCount) -> u32 {
    match basis {
        DayCount::Act360 | DayCount::Thirty360 => 360,
        DayCount::Act365 => 365,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_end_rolls_back_to_the_chosen_day() {
        let start = d(2026, 12, 31);
        assert_eq!(due_date(start, 1, 31).unwrap(), d(2027, 1, 31));
        assert_eq!(due_date(start, 2, 31).unwrap(), d(2027, 2, 28));
        assert_eq!(due_date(start, 3, 31).unwrap(), d(2027, 3, 31));
        assert_eq!(due_date(start, 4, 31).unwrap(), d(2027, 4, 30));
        assert_eq!(due_date(d(2028, 1, 31), 1, 31).unwrap(), d(2028, 2, 29));
        assert_eq!(due_date(d(2028, 1, 30), 1, 30).unwrap(), d(2028, 2, 29));
        assert_eq!(due_date(d(2028, 1, 30), 2, 30).unwrap(), d(2028, 3, 30));
    }

    #[test]
    fn crosses_years_and_keeps_the_day() {
        let start = d(2026, 1, 15);
        assert_eq!(due_date(start, 1, 15).unwrap(), d(2026, 2, 15));
        assert_eq!(due_date(start, 12, 15).unwrap(), d(2027, 1, 15));
        assert_eq!(due_date(start, 360, 15).unwrap(), d(2056, 1, 15));
        assert_eq!(due_date(start, 1, 21).unwrap(), d(2026, 2, 21));
    }

    #[test]
    fn last_days() {
        assert_eq!(last_day_of_month(2026, 2), Some(28));
        assert_eq!(last_day_of_month(2024, 2), Some(29));
        assert_eq!(last_day_of_month(1900, 2), Some(28));
        assert_eq!(last_day_of_month(2000, 2), Some(29));
        assert_eq!(last_day_of_month(2026, 12), Some(31));
        assert_eq!(last_day_of_month(2026, 4), Some(30));
        assert_eq!(last_day_of_month(2026, 13), None);
        // Checked against chrono for every month of four centuries.
        for year in 1900..2300 {
            for month in 1..=12 {
                let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap();
                let next = first.checked_add_months(chrono::Months::new(1)).unwrap();
                let days = (next - first).num_days() as u32;
                assert_eq!(last_day_of_month(year, month), Some(days), "{year}-{month}");
            }
        }
    }

    #[test]
    fn day_count_bases() {
        let (a, b) = (d(2026, 1, 15), d(2026, 2, 21));
        assert_eq!(basis_days(DayCount::Act360, a, b), 37);
        assert_eq!(basis_days(DayCount::Thirty360, a, b), 36);
        assert_eq!(
            basis_days(DayCount::Thirty360, d(2026, 1, 31), d(2026, 3, 31)),
            60
        );
        assert_eq!(
            basis_days(DayCount::Thirty360, d(2026, 1, 30), d(2026, 2, 28)),
            28
        );
        assert_eq!(
            basis_days(DayCount::Act365, d(2026, 1, 1), d(2027, 1, 1)),
            365
        );
        assert_eq!(days_in_year(DayCount::Act365), 365);
        assert_eq!(days_in_year(DayCount::Thirty360), 360);
    }
}
