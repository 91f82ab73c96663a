//! What the security asks of the officer on a day: a shortfall of collateral, a valuation due
//! again, a registration or insurance ending, a credit line ending (续授信).
use std::collections::{BTreeMap, HashMap};

use chrono::{Days, Months, NaiveDate};
use rusqlite::types::ValueRef;
use rusqlite::{params, params_from_iter, Row};

use super::collateral::revalue_on;
use super::CollateralKind;
use crate::error::Result;
use crate::loans::from_fen;
use crate::servicing::reminders::{loan_reminder, ActiveLoan};
use crate::servicing::{Reminder, ReminderKind};
use crate::vault::Vault;

impl Vault {
    /// `horizon`: the last day a valuation falling due is reminded of; expiries look as far
    /// ahead as Settings say.
    ///
    /// The loans carry their collateral's capacity (schema 9); the items' dates are compared in
    /// SQL (ISO text orders as the dates do) on indexes, so only the items with something due
    /// are read, their dates parsed and checked as dates.
    pub(crate) fn security_reminders(
        &self,
        today: NaiveDate,
        horizon: NaiveDate,
        loans: &HashMap<i64, ActiveLoan>,
    ) -> Result<Vec<Reminder>> {
        let settings = self.security_settings()?;
        let ahead = |days: u32| {
            today
                .checked_add_days(Days::new(u64::from(days)))
                .unwrap_or(today)
        };
        let expiry_horizon = ahead(settings.expiry_days);
        let mut out = Vec::new();

        let bounds: Vec<(CollateralKind, NaiveDate)> = CollateralKind::ALL
            .iter()
            .filter_map(|&kind| {
                last_valued_due(horizon, settings.revalue_months(kind)).map(|d| (kind, d))
            })
            .collect();
        for (id, item) in self.items_falling_due(expiry_horizon, &bounds)? {
            let Some(loan) = loans.get(&item.loan_id) else {
                continue;
            };
            let (loan_id, kind, valued_on) = (item.loan_id, item.kind, item.valued_on);
            let (registered, insured) = (item.registered_until, item.insured_until);
            let mut remind = |tag: &str, reminder_kind, on: NaiveDate| {
                let mut r = loan_reminder(
                    loan,
                    format!("{tag}:{loan_id}:{id}:{on}"),
                    reminder_kind,
                    on,
                );
                r.collateral_id = Some(id);
                r.collateral_kind = Some(kind);
                r.overdue_days = (today - on).num_days().max(0);
                out.push(r);
            };
            // SQL chose the rows; each date is still checked here, as a date.
            if let Some(due) = revalue_on(valued_on, settings.revalue_months(kind)) {
                if due <= horizon {
                    remind("revaluation", ReminderKind::RevaluationDue, due);
                }
            }
            if let Some(until) = registered.filter(|d| *d <= expiry_horizon) {
                remind("registration", ReminderKind::RegistrationExpiry, until);
            }
            if let Some(until) = insured.filter(|d| *d <= expiry_horizon) {
                remind("insurance", ReminderKind::InsuranceExpiry, until);
            }
        }
        for loan in loans.values() {
            let Some(cap) = loan.capacity_fen else {
                continue;
            };
            if cap < loan.outstanding_fen {
                let mut r = loan_reminder(
                    loan,
                    format!("shortfall:{}", loan.id),
                    ReminderKind::Shortfall,
                    today,
                );
                r.amount = Some(from_fen(loan.outstanding_fen - cap));
                out.push(r);
            }
        }
        out.extend(self.facility_reminders(
            today,
            ahead(settings.facility_expiry_days),
            settings.facility_expiry_days,
        )?);
        Ok(out)
    }

    /// Lines ending by `until`, or ended within the last `days`: the renewal (续授信) is due.
    fn facility_reminders(
        &self,
        today: NaiveDate,
        until: NaiveDate,
        days: u32,
    ) -> Result<Vec<Reminder>> {
        let since = today
            .checked_sub_days(Days::new(u64::from(days)))
            .unwrap_or(today);
        let mut stmt = self.conn().prepare_cached(
            "SELECT f.id, f.client_id, c.name, f.ends_on, f.amount_fen
             FROM facilities f JOIN clients c ON c.id = f.client_id
             WHERE f.ends_on <= ?1 AND f.ends_on >= ?2",
        )?;
        let rows = stmt.query_map(params![until.to_string(), since.to_string()], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, NaiveDate>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, client_id, client_name, ends_on, amount) = row?;
            out.push(Reminder {
                key: format!("facility:{id}:{ends_on}"),
                kind: ReminderKind::FacilityExpiry,
                loan_id: None,
                facility_id: Some(id),
                collateral_id: None,
                collateral_kind: None,
                problem_id: None,
                client_id,
                client_name,
                contract_no: String::new(),
                due_on: ends_on,
                amount: Some(from_fen(amount)),
                overdue_days: (today - ends_on).num_days().max(0),
                period_no: None,
                ratio: None,
                statement_year: None,
            });
        }
        Ok(out)
    }
}

/// A pledged item with a date falling due.
struct DueItem {
    loan_id: i64,
    kind: CollateralKind,
    valued_on: NaiveDate,
    registered_until: Option<NaiveDate>,
    insured_until: Option<NaiveDate>,
}

impl Vault {
    /// The pledged items, by id (the order they were pledged), whose registration or insurance
    /// ends by `expiry`, or whose valuation is no later than its kind's bound: one range per
    /// date, each read from its covering index (schema 9), so a book of items nowhere near due
    /// costs nothing. One OR over them all made SQLite scan the table.
    fn items_falling_due(
        &self,
        expiry: NaiveDate,
        valued_by_kind: &[(CollateralKind, NaiveDate)],
    ) -> Result<BTreeMap<i64, DueItem>> {
        const COLUMNS: &str = "id, loan_id, kind, valued_on, registered_until, insured_until";
        let expiry = expiry.to_string();
        let mut ranges: Vec<(String, Vec<String>)> = vec![
            (
                format!(
                    "SELECT {COLUMNS} FROM collateral INDEXED BY collateral_registration_due
                     WHERE archived_on IS NULL AND registered_until <= ?1"
                ),
                vec![expiry.clone()],
            ),
            (
                format!(
                    "SELECT {COLUMNS} FROM collateral INDEXED BY collateral_insurance_due
                     WHERE archived_on IS NULL AND insured_until <= ?1"
                ),
                vec![expiry],
            ),
        ];
        for (kind, bound) in valued_by_kind {
            ranges.push((
                format!(
                    "SELECT {COLUMNS} FROM collateral INDEXED BY collateral_valuation_due
                     WHERE archived_on IS NULL AND kind = ?1 AND valued_on <= ?2"
                ),
                vec![kind.as_str().to_owned(), bound.to_string()],
            ));
        }
        let mut out = BTreeMap::new();
        for (sql, args) in ranges {
            let mut stmt = self.conn().prepare_cached(&sql)?;
            let mut rows = stmt.query(params_from_iter(args))?;
            while let Some(r) = rows.next()? {
                let id: i64 = r.get(0)?;
                if out.contains_key(&id) {
                    continue;
                }
                let kind = r.get_ref(2)?.as_str().ok().and_then(CollateralKind::parse);
                let valued_on = match date_at(r, 3)? {
                    Some(d) => d,
                    None => r.get(3)?,
                };
                out.insert(
                    id,
                    DueItem {
                        loan_id: r.get(1)?,
                        kind: kind.unwrap_or(CollateralKind::Property),
                        valued_on,
                        registered_until: date_at(r, 4)?,
                        insured_until: date_at(r, 5)?,
                    },
                );
            }
        }
        Ok(out)
    }
}

/// A date column as the vault writes them (`YYYY-MM-DD`) read without chrono's format parser,
/// which costs more than the row itself; anything else is left to rusqlite's conversion.
fn date_at(r: &Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    if let ValueRef::Text(text) = r.get_ref(i)? {
        if let Some(d) = iso_date(text) {
            return Ok(Some(d));
        }
    }
    r.get(i)
}

fn iso_date(text: &[u8]) -> Option<NaiveDate> {
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = text else {
        return None;
    };
    let n = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(n(&[y0, y1, y2, y3])?).ok()?;
    NaiveDate::from_ymd_opt(year, n(&[m0, m1])?, n(&[d0, d1])?)
}

/// The latest valuation date whose next valuation, `months` later, falls on or before
/// `horizon` (None: never revalued). Month ends clamp (31 Jan + 1 month = 28 Feb), so the
/// days just after `horizon − months` are tried as well.
fn last_valued_due(horizon: NaiveDate, months: u32) -> Option<NaiveDate> {
    if months == 0 {
        return None;
    }
    let mut latest = horizon.checked_sub_months(Months::new(months))?;
    while let Some(next) = latest.succ_opt() {
        match revalue_on(next, months) {
            Some(due) if due <= horizon => latest = next,
            _ => break,
        }
    }
    Some(latest)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn iso_dates_read_as_chrono_reads_them() {
        assert_eq!(iso_date(b"2026-02-28"), Some(d("2026-02-28")));
        assert_eq!(iso_date(b"2026-02-30"), None);
        assert_eq!(iso_date(b"2026-2-28"), None);
        assert_eq!(iso_date(b"2026-02-28T00:00:00"), None);
        assert_eq!(iso_date(b"20a6-02-28"), None);
    }

    #[test]
    fn the_bound_is_the_last_valuation_due_by_the_horizon() {
        assert_eq!(last_valued_due(d("2026-07-07"), 12), Some(d("2025-07-07")));
        assert_eq!(last_valued_due(d("2026-07-07"), 0), None);
        // 29, 30 and 31 January are all due again on 28 February.
        assert_eq!(last_valued_due(d("2026-02-28"), 1), Some(d("2026-01-31")));
        assert_eq!(last_valued_due(d("2024-02-29"), 12), Some(d("2023-02-28")));
        // Every day of two years, every interval used: the bound splits due from not due.
        let mut day = d("2025-01-01");
        while day < d("2027-01-01") {
            for months in [1, 3, 6, 12, 24] {
                let bound = last_valued_due(day, months).unwrap();
                assert!(revalue_on(bound, months).unwrap() <= day, "{day} {months}");
                let after = bound.succ_opt().unwrap();
                assert!(revalue_on(after, months).unwrap() > day, "{day} {months}");
            }
            day = day.succ_opt().unwrap();
        }
    }
}
