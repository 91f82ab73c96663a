//! Where a booked loan stands on a given day: each period's status, days overdue, the ageing
//! bucket and the suggested five-tier classification. Pure; the day is passed in.
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::allocation::{DuePeriod, PeriodPaid};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PeriodStatus {
    Paid,
    /// Something was paid, the rest is not yet late.
    PartlyPaid,
    /// Due today, or on a weekend or holiday's next working day, and not paid yet.
    Due,
    Overdue,
    Upcoming,
}

/// A due date on a weekend or holiday may be paid on the next working day without being late.
/// Officer-listed holidays and make-up working days (调休) refine the plain weekend rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkingDays {
    #[ts(type = "Array<string>")]
    pub holidays: Vec<NaiveDate>,
    #[ts(type = "Array<string>")]
    pub extra_working_days: Vec<NaiveDate>,
}

impl WorkingDays {
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.extra_working_days.contains(&day) {
            return true;
        }
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&day)
    }

    /// The last day a payment for `due_on` is on time.
    pub fn grace_until(&self, due_on: NaiveDate) -> NaiveDate {
        let mut day = due_on;
        // Bounded: no calendar has a month without working days.
        for _ in 0..31 {
            if self.is_working_day(day) {
                return day;
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => return day,
            }
        }
        day
    }
}

pub fn period_status(
    due: &DuePeriod,
    paid: &PeriodPaid,
    today: NaiveDate,
    days: &WorkingDays,
) -> (PeriodStatus, i64) {
    if paid.settled_on.is_some_and(|on| on <= today) {
        return (PeriodStatus::Paid, 0);
    }
    if today > days.grace_until(due.due_on) {
        return (PeriodStatus::Overdue, (today - due.due_on).num_days());
    }
    if paid.principal + paid.interest > 0 {
        return (PeriodStatus::PartlyPaid, 0);
    }
    if today >= due.due_on {
        return (PeriodStatus::Due, 0);
    }
    (PeriodStatus::Upcoming, 0)
}

/// Overdue buckets (账龄) by days overdue of the oldest unpaid period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AgeBucket {
    Current,
    Days1To30,
    Days31To60,
    Days61To90,
    Over90,
}

impl AgeBucket {
    pub const ALL: [AgeBucket; 5] = [
        AgeBucket::Current,
        AgeBucket::Days1To30,
        AgeBucket::Days31To60,
        AgeBucket::Days61To90,
        AgeBucket::Over90,
    ];

    pub fn of(days_overdue: i64) -> Self {
        match days_overdue {
            i64::MIN..=0 => AgeBucket::Current,
            1..=30 => AgeBucket::Days1To30,
            31..=60 => AgeBucket::Days31To60,
            61..=90 => AgeBucket::Days61To90,
            _ => AgeBucket::Over90,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AgeBucket::Current => "current",
            AgeBucket::Days1To30 => "1-30",
            AgeBucket::Days31To60 => "31-60",
            AgeBucket::Days61To90 => "61-90",
            AgeBucket::Over90 => "90+",
        }
    }
}

/// Longest overdue the technical-overdue exception covers.
pub const TECHNICAL_OVERDUE_DAYS: i64 = 7;

/// The five-tier loan classification (五级分类).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Classification {
    Pass,
    SpecialMention,
    Substandard,
    Doubtful,
    Loss,
}

impl Classification {
    pub const ALL: [Classification; 5] = [
        Classification::Pass,
        Classification::SpecialMention,
        Classification::Substandard,
        Classification::Doubtful,
        Classification::Loss,
    ];

    /// The floor the 2023 risk-classification rules (《商业银行金融资产风险分类办法》) set by
    /// days overdue: any overdue → at least special mention; over 90 days → substandard; over
    /// 270 → doubtful; over 360 → loss. The officer may classify worse (or, with a reason,
    /// otherwise); the suggestion is what days overdue alone say.
    pub fn suggested(days_overdue: i64) -> Self {
        match days_overdue {
            i64::MIN..=0 => Classification::Pass,
            1..=90 => Classification::SpecialMention,
            91..=270 => Classification::Substandard,
            271..=360 => Classification::Doubtful,
            _ => Classification::Loss,
        }
    }

    /// [`Classification::suggested`] with what the 2023 rules add: an extended or restructured
    /// loan is at least 关注 (special mention) even when current; a loan at most 7 days overdue
    /// for a technical reason the officer has recorded (a bank's transfer delay) may stay 正常.
    pub fn suggested_for(days_overdue: i64, extended: bool, technical_exception: bool) -> Self {
        let by_days = if technical_exception && days_overdue <= TECHNICAL_OVERDUE_DAYS {
            Classification::Pass
        } else {
            Classification::suggested(days_overdue)
        };
        if extended {
            by_days.max(Classification::SpecialMention)
        } else {
            by_days
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Classification::Pass => "pass",
            Classification::SpecialMention => "special_mention",
            Classification::Substandard => "substandard",
            Classification::Doubtful => "doubtful",
            Classification::Loss => "loss",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_saturday_due_date_may_be_paid_on_monday() {
        let days = WorkingDays::default();
        // 2026-02-14 is a Saturday.
        let due = DuePeriod {
            due_on: d("2026-02-14"),
            principal: 100,
            interest: 10,
        };
        let unpaid = PeriodPaid::default();
        assert_eq!(days.grace_until(due.due_on), d("2026-02-16"));
        assert_eq!(
            period_status(&due, &unpaid, d("2026-02-15"), &days),
            (PeriodStatus::Due, 0)
        );
        assert_eq!(
            period_status(&due, &unpaid, d("2026-02-16"), &days),
            (PeriodStatus::Due, 0)
        );
        assert_eq!(
            period_status(&due, &unpaid, d("2026-02-17"), &days),
            (PeriodStatus::Overdue, 3)
        );
    }

    #[test]
    fn holidays_extend_and_make_up_days_shorten_the_grace() {
        // Spring Festival: Mon 2026-02-16 .. Tue 02-24 off in this example, Sat 02-28 worked.
        let days = WorkingDays {
            holidays: (16..=24).map(|n| d(&format!("2026-02-{n}"))).collect(),
            extra_working_days: vec![d("2026-02-28")],
        };
        assert_eq!(days.grace_until(d("2026-02-15")), d("2026-02-25"));
        assert_eq!(days.grace_until(d("2026-02-28")), d("2026-02-28"));
    }

    #[test]
    fn statuses() {
        let days = WorkingDays::default();
        let due = DuePeriod {
            due_on: d("2026-03-16"),
            principal: 100,
            interest: 10,
        };
        let part = PeriodPaid {
            interest: 10,
            ..PeriodPaid::default()
        };
        let paid = PeriodPaid {
            principal: 100,
            interest: 10,
            settled_on: Some(d("2026-03-20")),
            ..PeriodPaid::default()
        };
        let today = d("2026-03-10");
        assert_eq!(
            period_status(&due, &PeriodPaid::default(), today, &days).0,
            PeriodStatus::Upcoming
        );
        assert_eq!(
            period_status(&due, &part, today, &days).0,
            PeriodStatus::PartlyPaid
        );
        assert_eq!(
            period_status(&due, &part, d("2026-03-18"), &days),
            (PeriodStatus::Overdue, 2)
        );
        // Seen on the 19th the late payment of the 20th has not happened yet.
        assert_eq!(
            period_status(&due, &paid, d("2026-03-19"), &days),
            (PeriodStatus::Overdue, 3)
        );
        assert_eq!(
            period_status(&due, &paid, d("2026-03-20"), &days),
            (PeriodStatus::Paid, 0)
        );
    }

    #[test]
    fn buckets_and_classification_follow_days_overdue() {
        let cases = [
            (0, AgeBucket::Current, Classification::Pass),
            (1, AgeBucket::Days1To30, Classification::SpecialMention),
            (30, AgeBucket::Days1To30, Classification::SpecialMention),
            (31, AgeBucket::Days31To60, Classification::SpecialMention),
            (61, AgeBucket::Days61To90, Classification::SpecialMention),
            (90, AgeBucket::Days61To90, Classification::SpecialMention),
            (91, AgeBucket::Over90, Classification::Substandard),
            (271, AgeBucket::Over90, Classification::Doubtful),
            (360, AgeBucket::Over90, Classification::Doubtful),
            (361, AgeBucket::Over90, Classification::Loss),
        ];
        for (days, bucket, class) in cases {
            assert_eq!(
                (AgeBucket::of(days), Classification::suggested(days)),
                (bucket, class),
                "{days}"
            );
        }
    }
}
