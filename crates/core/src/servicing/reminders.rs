//! What the officer must not miss, on a given day: repayments due within N days, overdue
//! repayments, periodic reviews, covenant breaches and the security's (security/reminders.rs).
//! Snoozed and done marks hide them.
use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::params;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::status::WorkingDays;
use crate::analysis::{RatioKind, RatioStatus};
use crate::error::{Error, Result};
use crate::loans::{due_date, from_fen};
use crate::rule::Rule;
use crate::security::CollateralKind;
use crate::vault::Vault;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    Overdue,
    DueSoon,
    /// Quarterly financial statements to collect (季度财务报表).
    QuarterlyReview,
    /// The annual credit review (年度检查).
    AnnualReview,
    /// A ratio of the latest imported statement breaks its threshold.
    Covenant,
    /// The collateral's lendable value is below the outstanding principal.
    Shortfall,
    /// A collateral item's valuation is older than its kind's interval in Settings.
    RevaluationDue,
    /// The mortgage registration (抵押登记) ends soon or has ended.
    RegistrationExpiry,
    /// The collateral's insurance ends soon or has ended.
    InsuranceExpiry,
    /// A credit line ends soon (续授信).
    FacilityExpiry,
    /// A problem the client raised is still open N days (Settings) after (feedback/).
    OpenProblem,
    /// A loan matures within the renewal days (Settings): time to start the renewal (续贷).
    RenewalDue,
    /// No touchpoint for the tier's N days and no active loan (lifecycle/).
    Dormant,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Reminder {
    /// Stable name of what is reminded of; snooze and done refer to it.
    pub key: String,
    pub kind: ReminderKind,
    /// None for a client's reminder (a credit line, an open problem).
    pub loan_id: Option<i64>,
    pub facility_id: Option<i64>,
    pub collateral_id: Option<i64>,
    pub collateral_kind: Option<CollateralKind>,
    /// The open problem reminded of.
    pub problem_id: Option<i64>,
    pub client_id: i64,
    pub client_name: String,
    pub contract_no: String,
    #[ts(type = "string")]
    pub due_on: NaiveDate,
    #[ts(type = "string | null")]
    pub amount: Option<Decimal>,
    pub overdue_days: i64,
    pub period_no: Option<u32>,
    pub ratio: Option<RatioKind>,
    pub statement_year: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "mark", rename_all = "snake_case")]
pub enum ReminderMark {
    Done,
    Snooze {
        #[ts(type = "string")]
        until: NaiveDate,
    },
}

/// The first review date on or after... every `months` after signing that is not done yet.
pub fn next_review(
    signed_on: NaiveDate,
    months: u32,
    is_done: impl Fn(NaiveDate) -> bool,
) -> Option<NaiveDate> {
    // Bounded at 50 years of quarters; a review schedule never runs longer than its loan.
    (1..=200u32)
        .map(|k| due_date(signed_on, k * months, chrono::Datelike::day(&signed_on)))
        .map_while(std::result::Result::ok)
        .find(|d| !is_done(*d))
}

pub(crate) struct ActiveLoan {
    pub id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub contract_no: String,
    pub signed_on: NaiveDate,
    pub outstanding_fen: i64,
    /// The collateral's capacity; None when nothing is pledged.
    pub capacity_fen: Option<i64>,
}

/// A reminder of `kind` about `loan`, due on `due_on`; the kind's details are set after.
pub(crate) fn loan_reminder(
    loan: &ActiveLoan,
    key: String,
    kind: ReminderKind,
    due_on: NaiveDate,
) -> Reminder {
    Reminder {
        key,
        kind,
        loan_id: Some(loan.id),
        facility_id: None,
        collateral_id: None,
        collateral_kind: None,
        problem_id: None,
        client_id: loan.client_id,
        client_name: loan.client_name.clone(),
        contract_no: loan.contract_no.clone(),
        due_on,
        amount: None,
        overdue_days: 0,
        period_no: None,
        ratio: None,
        statement_year: None,
    }
}

/// Reminders of a condition rather than a date (arrears, a shortfall): never done while the
/// condition holds; "handled" quiets them for today only.
fn is_condition(key: &str) -> bool {
    ["overdue:", "shortfall:", "problem:", "dormant:"]
        .iter()
        .any(|p| key.starts_with(p))
}

#[derive(Default)]
struct Marks {
    by_key: HashMap<String, (Option<NaiveDate>, Option<NaiveDate>)>,
    /// Loans with any review marked done: the others need no key lookups while their next
    /// review is looked for.
    reviewed: std::collections::HashSet<i64>,
}

impl Marks {
    fn hidden(&self, key: &str, today: NaiveDate) -> bool {
        self.by_key
            .get(key)
            .is_some_and(|(snoozed, done)| done.is_some() || snoozed.is_some_and(|s| s > today))
    }

    fn done(&self, key: &str) -> bool {
        self.by_key.get(key).is_some_and(|(_, done)| done.is_some())
    }
}

impl Vault {
    pub fn reminders(&self, today: NaiveDate, days: u32) -> Result<Vec<Reminder>> {
        let conn = self.conn();
        let horizon = today
            .checked_add_days(Days::new(u64::from(days)))
            .unwrap_or(today);
        let working = self.effective_working_days()?;
        let marks = self.reminder_marks()?;
        let mut loans: HashMap<i64, ActiveLoan> = HashMap::new();
        let mut stmt = conn.prepare(
            // NOT INDEXED: see the portfolio's scan of the open loans.
            "SELECT l.id, l.client_id, c.name, l.contract_no, l.signed_on, l.outstanding_fen,
                    l.collateral_capacity_fen, l.collateral_main_kind IS NOT NULL
             FROM booked_loans l NOT INDEXED JOIN clients c ON c.id = l.client_id
             WHERE l.closed_on IS NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ActiveLoan {
                id: r.get(0)?,
                client_id: r.get(1)?,
                client_name: r.get(2)?,
                contract_no: r.get(3)?,
                signed_on: r.get(4)?,
                outstanding_fen: r.get(5)?,
                capacity_fen: r.get::<_, bool>(7)?.then(|| r.get(6)).transpose()?,
            })
        })?;
        for loan in rows {
            let loan = loan?;
            loans.insert(loan.id, loan);
        }

        let mut out = Vec::new();
        let make = loan_reminder;

        out.extend(self.repayment_reminders(today, horizon, &working, &loans, &make)?);
        for loan in loans.values() {
            for (kind, months, tag) in [
                (ReminderKind::QuarterlyReview, 3, "quarterly"),
                (ReminderKind::AnnualReview, 12, "annual"),
            ] {
                let key_of = |d: NaiveDate| format!("review:{}:{tag}:{d}", loan.id);
                let reviewed = marks.reviewed.contains(&loan.id);
                let done = |d: NaiveDate| reviewed && marks.done(&key_of(d));
                if let Some(d) = next_review(loan.signed_on, months, done) {
                    if d <= horizon {
                        let mut r = make(loan, key_of(d), kind, d);
                        r.overdue_days = (today - d).num_days().max(0);
                        out.push(r);
                    }
                }
            }
        }
        out.extend(self.covenant_reminders(today, &loans, &make)?);
        out.extend(self.security_reminders(today, horizon, &loans)?);
        out.extend(self.open_problem_reminders(today)?);
        out.extend(self.lifecycle_reminders(today)?);
        out.retain(|r| !marks.hidden(&r.key, today));
        // Sorted on a small copied key, the reminders moved once: Today may hold tens of
        // thousands, and moving each one at every step of the sort cost more than the sort.
        out.sort_by_cached_key(|r| {
            (
                r.kind,
                std::cmp::Reverse(r.overdue_days),
                r.due_on,
                r.loan_id,
                r.facility_id,
                r.collateral_id,
                r.problem_id,
                r.ratio,
                r.period_no,
            )
        });
        Ok(out)
    }

    fn repayment_reminders(
        &self,
        today: NaiveDate,
        horizon: NaiveDate,
        working: &WorkingDays,
        loans: &HashMap<i64, ActiveLoan>,
        make: &dyn Fn(&ActiveLoan, String, ReminderKind, NaiveDate) -> Reminder,
    ) -> Result<Vec<Reminder>> {
        let mut stmt = self.conn().prepare(
            "SELECT loan_id, no, due_on,
                    principal_fen + interest_fen - paid_principal_fen - paid_interest_fen - waived_interest_fen
             FROM loan_periods INDEXED BY loan_periods_open_due
             WHERE settled_on IS NULL AND due_on <= ?1 ORDER BY due_on",
        )?;
        let rows = stmt.query_map(params![horizon], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, NaiveDate>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        // One overdue reminder per loan (its oldest late period, with the whole late amount);
        // one due reminder per period falling due.
        let mut overdue: HashMap<i64, Reminder> = HashMap::new();
        let mut out = Vec::new();
        for row in rows {
            let (loan_id, no, due_on, remaining) = row?;
            let Some(loan) = loans.get(&loan_id) else {
                continue;
            };
            if today > working.grace_until(due_on) {
                let r = overdue.entry(loan_id).or_insert_with(|| {
                    let mut r = make(
                        loan,
                        format!("overdue:{loan_id}:{no}"),
                        ReminderKind::Overdue,
                        due_on,
                    );
                    r.period_no = Some(no);
                    r.overdue_days = (today - due_on).num_days();
                    r.amount = Some(Decimal::ZERO);
                    r
                });
                r.amount = r.amount.map(|a| a + from_fen(remaining));
            } else {
                let mut r = make(
                    loan,
                    format!("due:{loan_id}:{no}"),
                    ReminderKind::DueSoon,
                    due_on,
                );
                r.period_no = Some(no);
                r.amount = Some(from_fen(remaining));
                out.push(r);
            }
        }
        out.extend(overdue.into_values());
        Ok(out)
    }

    fn covenant_reminders(
        &self,
        today: NaiveDate,
        loans: &HashMap<i64, ActiveLoan>,
        make: &dyn Fn(&ActiveLoan, String, ReminderKind, NaiveDate) -> Reminder,
    ) -> Result<Vec<Reminder>> {
        // Only clients with an imported statement can breach; ask the analysis once per client.
        let with_statements: Vec<i64> = self
            .conn()
            .prepare("SELECT DISTINCT client_id FROM statement_figures")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for client_id in with_statements {
            let client_loans: Vec<&ActiveLoan> = loans
                .values()
                .filter(|l| l.client_id == client_id)
                .collect();
            if client_loans.is_empty() {
                continue;
            }
            let analysis = self.credit_analysis(client_id)?;
            let Some(latest) = analysis.years.iter().max_by_key(|y| y.year) else {
                continue;
            };
            for ratio in latest
                .ratios
                .iter()
                .filter(|r| r.status == RatioStatus::Breach)
            {
                for loan in &client_loans {
                    let key = format!("covenant:{}:{:?}:{}", loan.id, ratio.kind, latest.year);
                    let mut r = make(loan, key, ReminderKind::Covenant, today);
                    r.ratio = Some(ratio.kind);
                    r.statement_year = Some(latest.year);
                    out.push(r);
                }
            }
        }
        Ok(out)
    }

    fn reminder_marks(&self) -> Result<Marks> {
        let mut stmt = self
            .conn()
            .prepare("SELECT key, snoozed_until, done_on FROM reminder_marks")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?))))?;
        let by_key: HashMap<_, _> = rows.collect::<rusqlite::Result<_>>()?;
        let reviewed = by_key
            .keys()
            .filter_map(|k| k.strip_prefix("review:")?.split(':').next()?.parse().ok())
            .collect();
        Ok(Marks { by_key, reviewed })
    }

    /// Snoozes a reminder until a later day, or marks it done (an overdue repayment: for today).
    pub fn mark_reminder(&mut self, key: &str, mark: ReminderMark, today: NaiveDate) -> Result<()> {
        let id = key
            .split(':')
            .nth(1)
            .and_then(|s| s.parse::<i64>().ok())
            .ok_or_else(|| Error::invalid("key", Rule::Unknown(key.chars().take(80).collect())))?;
        // The key's first part says what it is about: a credit line, a problem, or else a loan.
        let (table, what) = if key.starts_with("facility:") {
            ("facilities", "facility")
        } else if key.starts_with("problem:") {
            ("feedback_problems", "problem")
        } else {
            ("booked_loans", "loan")
        };
        let exists: bool = self.conn().query_row(
            &format!("SELECT EXISTS(SELECT 1 FROM {table} WHERE id = ?1)"),
            [id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::NotFound(format!("{what} {id}")));
        }
        let (snoozed, done) = match mark {
            // Arrears are never done while unpaid: "handled" (the client was called) quiets
            // the reminder for today only, and it is back tomorrow if the money is not.
            ReminderMark::Done if is_condition(key) => (today.succ_opt(), None),
            ReminderMark::Done => (None, Some(today)),
            ReminderMark::Snooze { until } if until > today => (Some(until), None),
            ReminderMark::Snooze { .. } => {
                return Err(Error::invalid("until", Rule::AfterToday));
            }
        };
        self.conn().execute(
            "INSERT INTO reminder_marks (key, snoozed_until, done_on) VALUES (?1, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET snoozed_until = ?2, done_on = ?3",
            params![key, snoozed, done],
        )?;
        Ok(())
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
    fn reviews_come_every_interval_after_signing_until_done() {
        let signed = d("2026-01-31");
        assert_eq!(next_review(signed, 3, |_| false), Some(d("2026-04-30")));
        let done = [d("2026-04-30"), d("2026-07-31")];
        assert_eq!(
            next_review(signed, 3, |x| done.contains(&x)),
            Some(d("2026-10-31"))
        );
        assert_eq!(next_review(signed, 12, |_| false), Some(d("2027-01-31")));
    }
}
