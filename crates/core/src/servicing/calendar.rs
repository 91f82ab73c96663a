//! The official calendar of 法定节假日 and 调休: the days the General Office of the State
//! Council publishes each year (国务院办公厅关于YYYY年部分节假日安排的通知), built in for the
//! years in `assets/calendar/cn-holidays.csv` (each row names its notice), importable as CSV for
//! later years. Every working-day rule uses it by default; the officer's own exceptions
//! ([`WorkingDays`] in Settings) win over it.
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::status::WorkingDays;
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::Vault;

const BUILT_IN: &str = include_str!("../../assets/calendar/cn-holidays.csv");
const IMPORTED_KEY: &str = "official_calendar_import";
/// A calendar file is small: a year is about 40 rows.
const MAX_ROWS: usize = 5000;
const MAX_TEXT: usize = 200;
const MAX_FILE: u64 = 1_048_576;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// 放假: a day off, weekday or not.
    Holiday,
    /// 调休上班: a weekend day that is worked.
    Workday,
}

/// One day of the official calendar, with the notice it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarDay {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub kind: DayKind,
    pub name: String,
    pub source: String,
}

/// A day the import changes: what the calendar said, and what the file says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarChange {
    pub before: CalendarDay,
    pub after: CalendarDay,
}

/// What an imported file would do, before anything is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarPreview {
    /// Every row of the file, in date order: what applying stores.
    pub days: Vec<CalendarDay>,
    /// Days the calendar does not have yet.
    pub added: Vec<CalendarDay>,
    /// Days whose kind, name or source the file changes.
    pub changed: Vec<CalendarChange>,
    pub unchanged: usize,
    pub years: Vec<i32>,
}

/// Which years the calendar covers, built in and imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarSummary {
    pub built_in_years: Vec<i32>,
    pub imported_years: Vec<i32>,
    pub imported_days: usize,
    /// The notices the built-in years come from, one per line of the file's sources.
    pub sources: Vec<String>,
}

/// Reads `date,kind,name,source` rows (a header row, blank lines and `#` comments are
/// skipped; `source` may be empty). A bad row or a day listed twice refuses the whole file,
/// naming its 1-based line.
pub fn parse_calendar(text: &str) -> Result<Vec<CalendarDay>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut days: BTreeMap<NaiveDate, CalendarDay> = BTreeMap::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let row = raw.trim();
        if row.is_empty() || row.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = row.split(',').map(|c| c.trim().trim_matches('"')).collect();
        if cells
            .first()
            .is_some_and(|c| c.eq_ignore_ascii_case("date"))
        {
            continue;
        }
        let bad = || {
            Error::invalid(
                "calendar",
                Rule::CalendarRow {
                    line,
                    value: row.chars().take(80).collect(),
                },
            )
        };
        if !(2..=4).contains(&cells.len()) || days.len() >= MAX_ROWS {
            return Err(bad());
        }
        let date = NaiveDate::parse_from_str(cells[0], "%Y-%m-%d").map_err(|_| bad())?;
        let kind = match cells[1].to_ascii_lowercase().as_str() {
            "holiday" | "放假" => DayKind::Holiday,
            "workday" | "上班" | "调休" => DayKind::Workday,
            _ => return Err(bad()),
        };
        let name = cells.get(2).copied().unwrap_or("");
        let source = cells.get(3).copied().unwrap_or("");
        if name.chars().count() > MAX_TEXT || source.chars().count() > MAX_TEXT {
            return Err(bad());
        }
        if days.contains_key(&date) {
            return Err(Error::invalid(
                "calendar",
                Rule::CalendarDayTwice {
                    line,
                    date: date.to_string(),
                },
            ));
        }
        days.insert(
            date,
            CalendarDay {
                date,
                kind,
                name: name.to_owned(),
                source: source.to_owned(),
            },
        );
    }
    Ok(days.into_values().collect())
}

/// The built-in calendar, parsed once. Its test proves the file parses; were it ever broken,
/// weekends alone would apply rather than the app failing.
pub fn built_in() -> &'static [CalendarDay] {
    static DAYS: OnceLock<Vec<CalendarDay>> = OnceLock::new();
    DAYS.get_or_init(|| parse_calendar(BUILT_IN).unwrap_or_default())
}

fn years(days: &[CalendarDay]) -> Vec<i32> {
    let set: BTreeSet<i32> = days.iter().map(|d| d.date.year()).collect();
    set.into_iter().collect()
}

fn imported(conn: &Connection) -> Result<Vec<CalendarDay>> {
    let value: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([IMPORTED_KEY], |r| r.get(0))
        .optional()?;
    match value {
        None => Ok(Vec::new()),
        Some(v) => serde_json::from_str(&v)
            .map_err(|_| Error::Damaged(vec![format!("setting {IMPORTED_KEY}")])),
    }
}

/// The official calendar in force: the built-in days, an imported day replacing one of the
/// same date.
fn official(conn: &Connection) -> Result<BTreeMap<NaiveDate, CalendarDay>> {
    let mut days: BTreeMap<NaiveDate, CalendarDay> =
        built_in().iter().map(|d| (d.date, d.clone())).collect();
    for day in imported(conn)? {
        days.insert(day.date, day);
    }
    Ok(days)
}

/// The official calendar with the officer's exceptions on top: their extra working days and
/// their holidays win over the notice's.
pub fn combine<'a>(
    official: impl IntoIterator<Item = &'a CalendarDay>,
    officer: &WorkingDays,
) -> WorkingDays {
    let mut holidays: BTreeSet<NaiveDate> = BTreeSet::new();
    let mut workdays: BTreeSet<NaiveDate> = BTreeSet::new();
    for day in official {
        match day.kind {
            DayKind::Holiday => holidays.insert(day.date),
            DayKind::Workday => workdays.insert(day.date),
        };
    }
    for day in &officer.extra_working_days {
        holidays.remove(day);
        workdays.insert(*day);
    }
    for day in &officer.holidays {
        // A day the officer lists both ways stays worked, as before the calendar existed.
        if !officer.extra_working_days.contains(day) {
            workdays.remove(day);
            holidays.insert(*day);
        }
    }
    WorkingDays {
        holidays: holidays.into_iter().collect(),
        extra_working_days: workdays.into_iter().collect(),
    }
}

/// The working days every due date, reminder and portfolio figure uses.
pub(super) fn effective(conn: &Connection, officer: &WorkingDays) -> Result<WorkingDays> {
    Ok(combine(official(conn)?.values(), officer))
}

fn preview(current: &BTreeMap<NaiveDate, CalendarDay>, days: Vec<CalendarDay>) -> CalendarPreview {
    let mut added = Vec::new();
    let mut changed = Vec::new();
    let mut unchanged = 0;
    for day in &days {
        match current.get(&day.date) {
            None => added.push(day.clone()),
            Some(before) if before == day => unchanged += 1,
            Some(before) => changed.push(CalendarChange {
                before: before.clone(),
                after: day.clone(),
            }),
        }
    }
    CalendarPreview {
        years: years(&days),
        days,
        added,
        changed,
        unchanged,
    }
}

impl Vault {
    /// The years the calendar covers.
    pub fn calendar_summary(&self) -> Result<CalendarSummary> {
        let imported = imported(self.conn())?;
        let sources: BTreeSet<&str> = built_in()
            .iter()
            .map(|d| d.source.as_str())
            .filter(|s| !s.is_empty())
            .collect();
        Ok(CalendarSummary {
            built_in_years: years(built_in()),
            imported_years: years(&imported),
            imported_days: imported.len(),
            sources: sources.into_iter().map(str::to_owned).collect(),
        })
    }

    /// What importing `text` would add and change; nothing is stored.
    pub fn preview_calendar(&self, text: &str) -> Result<CalendarPreview> {
        let days = parse_calendar(text)?;
        Ok(preview(&official(self.conn())?, days))
    }

    /// The same for a file's bytes: at most 1 MB, read as UTF-8 (a byte that is not shows as
    /// � in the refused row's text).
    pub fn preview_calendar_file(&self, bytes: &[u8]) -> Result<CalendarPreview> {
        if bytes.is_empty() {
            return Err(Error::invalid("calendar", Rule::EmptyFile));
        }
        if bytes.len() as u64 > MAX_FILE {
            return Err(Error::invalid(
                "calendar",
                Rule::FileTooLarge { max: MAX_FILE },
            ));
        }
        self.preview_calendar(&String::from_utf8_lossy(bytes))
    }

    /// Stores the days of a previewed file (checked again), replacing the calendar's days of
    /// the same dates, in one write. What it did.
    pub fn import_calendar(&mut self, days: &[CalendarDay]) -> Result<CalendarPreview> {
        if days.len() > MAX_ROWS {
            return Err(Error::invalid("calendar", Rule::TooMany(MAX_ROWS)));
        }
        let mut seen = BTreeSet::new();
        for (index, day) in days.iter().enumerate() {
            if day.name.chars().count() > MAX_TEXT || day.source.chars().count() > MAX_TEXT {
                return Err(Error::invalid(
                    "calendar",
                    Rule::CalendarRow {
                        line: index + 1,
                        value: day.date.to_string(),
                    },
                ));
            }
            if !seen.insert(day.date) {
                return Err(Error::invalid(
                    "calendar",
                    Rule::CalendarDayTwice {
                        line: index + 1,
                        date: day.date.to_string(),
                    },
                ));
            }
        }
        let result = preview(&official(self.conn())?, days.to_vec());
        let mut stored: BTreeMap<NaiveDate, CalendarDay> = imported(self.conn())?
            .into_iter()
            .map(|d| (d.date, d))
            .collect();
        for day in days {
            stored.insert(day.date, day.clone());
        }
        if stored.len() > MAX_ROWS {
            return Err(Error::invalid("calendar", Rule::TooMany(MAX_ROWS)));
        }
        let list: Vec<CalendarDay> = stored.into_values().collect();
        let json = super::book::json(&list)?;
        self.write_settings(
            &[(IMPORTED_KEY, &json)],
            ("calendar.import", "settings", IMPORTED_KEY),
        )?;
        Ok(result)
    }

    /// The working days in force: the official calendar and the officer's exceptions.
    pub fn effective_working_days(&self) -> Result<WorkingDays> {
        super::store::working_days(self.conn())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn kind(on: &str) -> Option<DayKind> {
        built_in().iter().find(|x| x.date == d(on)).map(|x| x.kind)
    }

    fn holidays(from: &str, to: &str) {
        let mut day = d(from);
        while day <= d(to) {
            assert_eq!(kind(&day.to_string()), Some(DayKind::Holiday), "{day}");
            day = day.succ_opt().unwrap();
        }
        // The days either side are not holidays of the same notice.
        assert_ne!(
            kind(&d(from).pred_opt().unwrap().to_string()),
            Some(DayKind::Holiday)
        );
        assert_ne!(
            kind(&d(to).succ_opt().unwrap().to_string()),
            Some(DayKind::Holiday)
        );
    }

    fn workdays(days: &[&str]) {
        for day in days {
            assert_eq!(kind(day), Some(DayKind::Workday), "{day}");
            assert!(
                d(day).weekday().number_from_monday() >= 6,
                "{day} is a weekend"
            );
        }
    }

    #[test]
    fn the_built_in_file_parses_and_covers_2020_to_2026() {
        assert_eq!(
            parse_calendar(BUILT_IN).unwrap().len(),
            built_in().len(),
            "the file parses"
        );
        let years = years(built_in());
        for y in 2020..=2026 {
            assert!(years.contains(&y), "{y}");
        }
        for day in built_in() {
            assert!(day.source.starts_with("国务院办公厅关于"), "{day:?}");
            let year = day.date.year();
            // 2023's 元旦 began on 2022-12-31.
            assert!(
                day.source.contains(&format!("{year}年")) || day.date == d("2022-12-31"),
                "{day:?}"
            );
            if day.kind == DayKind::Workday {
                assert!(day.date.weekday().number_from_monday() >= 6, "{day:?}");
            }
        }
        // Every worked weekend: 46 across the seven notices (6, 7, 7, 7, 8, 5, 6).
        let worked = built_in()
            .iter()
            .filter(|d| d.kind == DayKind::Workday)
            .count();
        assert_eq!(worked, 46);
    }

    #[test]
    fn spring_festivals_and_their_worked_weekends_are_the_notices() {
        // 2020, extended to 2-2 by 国办发明电〔2020〕1号: 2-1 was no longer worked.
        holidays("2020-01-24", "2020-02-02");
        workdays(&["2020-01-19"]);
        assert_eq!(kind("2020-02-01"), Some(DayKind::Holiday));
        holidays("2021-02-11", "2021-02-17");
        workdays(&["2021-02-07", "2021-02-20"]);
        holidays("2022-01-31", "2022-02-06");
        workdays(&["2022-01-29", "2022-01-30"]);
        holidays("2023-01-21", "2023-01-27");
        workdays(&["2023-01-28", "2023-01-29"]);
        holidays("2024-02-10", "2024-02-17");
        workdays(&["2024-02-04", "2024-02-18"]);
        assert_eq!(
            kind("2024-02-09"),
            None,
            "除夕 2024 was encouraged, not a holiday"
        );
        holidays("2025-01-28", "2025-02-04");
        workdays(&["2025-01-26", "2025-02-08"]);
        holidays("2026-02-15", "2026-02-23");
        workdays(&["2026-02-14", "2026-02-28"]);
    }

    #[test]
    fn other_festivals_are_the_notices() {
        holidays("2020-10-01", "2020-10-08");
        workdays(&["2020-09-27", "2020-10-10"]);
        holidays("2021-09-19", "2021-09-21");
        workdays(&["2021-09-18"]);
        holidays("2022-04-30", "2022-05-04");
        workdays(&["2022-04-24", "2022-05-07"]);
        holidays("2023-09-29", "2023-10-06");
        workdays(&["2023-10-07", "2023-10-08"]);
        holidays("2023-04-05", "2023-04-05");
        holidays("2024-06-08", "2024-06-10");
        holidays("2025-05-01", "2025-05-05");
        workdays(&["2025-04-27"]);
        assert_eq!(kind("2025-05-10"), None);
        holidays("2026-01-01", "2026-01-03");
        workdays(&["2026-01-04"]);
        holidays("2026-10-01", "2026-10-07");
        workdays(&["2026-09-20", "2026-10-10"]);
    }

    #[test]
    fn a_2026_spring_festival_due_date_is_on_time_until_the_24th() {
        let days = combine(built_in(), &WorkingDays::default());
        assert_eq!(days.grace_until(d("2026-02-16")), d("2026-02-24"));
        assert_eq!(days.grace_until(d("2026-02-15")), d("2026-02-24"));
        // A worked Saturday is a working day.
        assert_eq!(days.grace_until(d("2026-02-14")), d("2026-02-14"));
        assert_eq!(days.grace_until(d("2026-02-28")), d("2026-02-28"));
    }

    #[test]
    fn the_officers_exceptions_win() {
        let officer = WorkingDays {
            // The branch opens on 2026-02-23, and closes on the worked Saturday 02-28.
            holidays: vec![d("2026-02-28")],
            extra_working_days: vec![d("2026-02-23")],
        };
        let days = combine(built_in(), &officer);
        assert_eq!(days.grace_until(d("2026-02-16")), d("2026-02-23"));
        assert_eq!(days.grace_until(d("2026-02-28")), d("2026-03-02"));
    }

    #[test]
    fn bad_rows_are_refused_with_their_line() {
        let err = parse_calendar(
            "date,kind,name,source\n2027-02-06,holiday,春节,x\n2027-02-30,holiday,春节,x\n",
        )
        .unwrap_err();
        let Error::Validation { rule, .. } = err else {
            panic!("{err:?}")
        };
        assert_eq!(
            rule,
            Rule::CalendarRow {
                line: 3,
                value: "2027-02-30,holiday,春节,x".into()
            }
        );
        let err = parse_calendar("2027-02-06,off\n").unwrap_err();
        assert!(matches!(
            err,
            Error::Validation {
                rule: Rule::CalendarRow { line: 1, .. },
                ..
            }
        ));
        let err = parse_calendar("2027-02-06,holiday\n\n2027-02-06,workday\n").unwrap_err();
        assert!(matches!(
            err,
            Error::Validation {
                rule: Rule::CalendarDayTwice { line: 3, .. },
                ..
            }
        ));
        let ok = parse_calendar("\u{feff}2027-02-06,Holiday,春节\n# note\n2027-02-20,workday\n")
            .unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[1].kind, DayKind::Workday);
    }
}
