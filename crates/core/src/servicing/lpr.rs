//! The loan prime rate (LPR) table and repricing of floating-rate loans (重定价), as
//! 中国人民银行公告〔2019〕第30号 sets them: the spread (加点) is fixed for the life of the loan;
//! on each repricing day the rate becomes the latest LPR of the loan's tenor published on or
//! before that day plus the spread.
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, OptionalExtension};
use rust_decimal::Decimal;

use super::reschedule::{repricing, ScheduleChange};
use super::store::Ledger;
use crate::error::{Error, Result};
use crate::loans::{LprTenor, Rate};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// When a floating-rate loan reprices, chosen at booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Reprice {
    /// A fixed rate, or a floating one the contract does not reprice.
    #[default]
    None,
    /// Every 1 January.
    Jan1,
    /// Every anniversary of the first disbursement.
    Anniversary,
}

impl Reprice {
    pub const ALL: [Reprice; 3] = [Reprice::None, Reprice::Jan1, Reprice::Anniversary];

    pub fn as_str(self) -> &'static str {
        match self {
            Reprice::None => "none",
            Reprice::Jan1 => "jan1",
            Reprice::Anniversary => "anniversary",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }

    pub fn text(self) -> crate::labels::Text {
        use crate::labels::Text;
        match self {
            Reprice::None => Text::new("不重定价", "Not repriced"),
            Reprice::Jan1 => Text::new("每年 1 月 1 日重定价", "Repriced every 1 January"),
            Reprice::Anniversary => Text::new(
                "每年首次放款对月对日重定价",
                "Repriced on each anniversary of the first disbursement",
            ),
        }
    }
}

/// One published LPR figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LprRate {
    #[ts(type = "string")]
    pub published_on: NaiveDate,
    pub tenor: LprTenor,
    #[ts(type = "string")]
    pub percent: Decimal,
}

/// A floating loan whose repricing day has come and not yet been applied (for Today).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RepricingDue {
    pub loan_id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub contract_no: String,
    #[ts(type = "string")]
    pub reprice_on: NaiveDate,
    pub tenor: LprTenor,
    #[ts(type = "string")]
    pub current_percent: Decimal,
    /// The LPR that applies and the new rate, when one is published on or before the day.
    #[ts(type = "string | null")]
    pub lpr_percent: Option<Decimal>,
    #[ts(type = "string | null")]
    pub new_percent: Option<Decimal>,
}

fn check_rate(r: &LprRate) -> Result<()> {
    if r.percent <= Decimal::ZERO || r.percent > Decimal::ONE_HUNDRED {
        return Err(Error::invalid(
            "percent",
            Rule::Range {
                min: "0.01".into(),
                max: "100".into(),
            },
        ));
    }
    if r.percent.normalize().scale() > 4 {
        return Err(Error::invalid("percent", Rule::DecimalPlaces(4)));
    }
    Ok(())
}

/// The repricing day of the loan's year `year`; an anniversary of 29 February falls on the
/// 28th in other years.
fn repricing_day(rule: Reprice, start: NaiveDate, year: i32) -> Option<NaiveDate> {
    match rule {
        Reprice::None => None,
        Reprice::Jan1 => NaiveDate::from_ymd_opt(year, 1, 1),
        Reprice::Anniversary => NaiveDate::from_ymd_opt(year, start.month(), start.day())
            .or_else(|| NaiveDate::from_ymd_opt(year, start.month(), 28)),
    }
}

/// Whether `on` is one of the loan's repricing days (after the first disbursement).
pub fn is_repricing_day(rule: Reprice, start: NaiveDate, on: NaiveDate) -> bool {
    on > start && repricing_day(rule, start, on.year()) == Some(on)
}

/// The latest repricing day on or before `today`, after `start`.
fn latest_repricing_day(rule: Reprice, start: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    [today.year(), today.year() - 1]
        .into_iter()
        .filter_map(|y| repricing_day(rule, start, y))
        .find(|d| *d <= today && *d > start)
}

/// Parses the LPR CSV: `date,1y,5y` (the layout the PBoC publishes, either figure may be empty)
/// or `date,tenor,percent`; a header row is optional. UTF-8 (with or without a BOM).
pub fn parse_lpr_csv(bytes: &[u8]) -> Result<Vec<LprRate>> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Error::invalid("file", Rule::Format("UTF-8 CSV: date,1y,5y")))?;
    let mut out = Vec::new();
    let text = text.trim_start_matches('\u{feff}');
    let mut wide = true;
    for (n, line) in text.lines().enumerate() {
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        let field = format!("row {}", n + 1);
        let bad = |rule: Rule| Error::invalid(&field, rule);
        let Ok(published_on) = cells[0].parse::<NaiveDate>() else {
            if n == 0 {
                wide = !cells.iter().any(|c| c.eq_ignore_ascii_case("tenor"));
                continue;
            }
            return Err(bad(Rule::Format("date,1y,5y")));
        };
        if cells.len() != 3 {
            return Err(bad(Rule::Format("date,1y,5y")));
        }
        let number = |s: &str| s.parse::<Decimal>().map_err(|_| bad(Rule::NotANumber));
        let long_tenor = cells[1].parse::<LprTenor>();
        if !wide || (long_tenor.is_ok() && !cells[1].contains('.')) {
            let tenor = long_tenor.map_err(|_| bad(Rule::Unknown(cells[1].into())))?;
            out.push(LprRate {
                published_on,
                tenor,
                percent: number(cells[2])?,
            });
            continue;
        }
        for (cell, tenor) in [
            (cells[1], LprTenor::OneYear),
            (cells[2], LprTenor::FiveYear),
        ] {
            if !cell.is_empty() {
                out.push(LprRate {
                    published_on,
                    tenor,
                    percent: number(cell)?,
                });
            }
        }
    }
    for r in &out {
        check_rate(r)?;
    }
    Ok(out)
}

impl Vault {
    /// Enters (or corrects) the LPR published on a day for a tenor.
    pub fn set_lpr(&mut self, rate: &LprRate) -> Result<()> {
        self.import_lpr(std::slice::from_ref(rate)).map(|_| ())
    }

    /// Enters several figures at once (a CSV), all or none.
    pub fn import_lpr(&mut self, rates: &[LprRate]) -> Result<usize> {
        for r in rates {
            check_rate(r)?;
        }
        let tx = self.conn_mut().transaction()?;
        for r in rates {
            tx.execute(
                "INSERT INTO lpr_rates (published_on, tenor, percent) VALUES (?1, ?2, ?3)
                 ON CONFLICT(tenor, published_on) DO UPDATE SET percent = excluded.percent",
                params![
                    r.published_on,
                    r.tenor.as_str(),
                    r.percent.normalize().to_string()
                ],
            )?;
        }
        audit_record(
            &tx,
            "lpr.set",
            "lpr",
            None,
            &format!("{} figure(s)", rates.len()),
        )?;
        tx.commit()?;
        Ok(rates.len())
    }

    /// The LPR table, newest first.
    pub fn lpr_rates(&self) -> Result<Vec<LprRate>> {
        let mut stmt = self.conn().prepare(
            "SELECT published_on, tenor, percent FROM lpr_rates ORDER BY published_on DESC, tenor",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, NaiveDate>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (published_on, tenor, percent) = row?;
            let damaged = || Error::Damaged(vec![format!("lpr {published_on}")]);
            out.push(LprRate {
                published_on,
                tenor: tenor.parse().map_err(|_| damaged())?,
                percent: percent.parse().map_err(|_| damaged())?,
            });
        }
        Ok(out)
    }

    /// The latest LPR of `tenor` published on or before `on`.
    pub fn lpr_on(&self, tenor: LprTenor, on: NaiveDate) -> Result<Option<Decimal>> {
        let percent: Option<String> = self
            .conn()
            .query_row(
                "SELECT percent FROM lpr_rates WHERE tenor = ?1 AND published_on <= ?2
                 ORDER BY published_on DESC LIMIT 1",
                params![tenor.as_str(), on],
                |r| r.get(0),
            )
            .optional()?;
        percent
            .map(|p| {
                p.parse()
                    .map_err(|_| Error::Damaged(vec![format!("lpr {on}")]))
            })
            .transpose()
    }

    /// The loan's terms repriced on `on`: checks the day and finds the LPR.
    fn repriced_terms(
        &self,
        ledger: &Ledger,
        loan_id: i64,
        on: NaiveDate,
        today: NaiveDate,
    ) -> Result<crate::loans::LoanTerms> {
        let (rule, repriced_on): (String, Option<NaiveDate>) = self.conn().query_row(
            "SELECT reprice, repriced_on FROM booked_loans WHERE id = ?1",
            [loan_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let rule = Reprice::parse(&rule).unwrap_or_default();
        let Rate::Lpr {
            tenor, spread_bp, ..
        } = ledger.terms.rate.clone()
        else {
            return Err(Error::invalid("loan", Rule::NotAllowed));
        };
        if rule == Reprice::None {
            return Err(Error::invalid("loan", Rule::NotAllowed));
        }
        if on > today {
            return Err(Error::invalid("date", Rule::NotInFuture));
        }
        if !is_repricing_day(rule, ledger.start, on) || repriced_on.is_some_and(|d| on <= d) {
            return Err(Error::invalid("date", Rule::NotRepricingDay));
        }
        let lpr = self.lpr_on(tenor, on)?.ok_or_else(|| {
            Error::invalid(
                "date",
                Rule::NoLpr {
                    tenor: tenor.as_str().into(),
                    on: on.to_string(),
                },
            )
        })?;
        let mut terms = ledger.terms.clone();
        terms.rate = Rate::Lpr {
            tenor,
            lpr_percent: lpr,
            spread_bp,
        };
        terms.validate()?;
        Ok(terms)
    }

    pub fn preview_reprice(
        &self,
        loan_id: i64,
        on: NaiveDate,
        today: NaiveDate,
    ) -> Result<ScheduleChange> {
        let ledger = Ledger::load(self.conn(), loan_id)?;
        let terms = self.repriced_terms(&ledger, loan_id, on, today)?;
        self.preview_change(loan_id, |l| repricing(l, on, terms))
    }

    /// Reprices on `on` (a repricing day of the loan, not yet applied): the rate becomes the
    /// latest LPR of the loan's tenor published on or before that day plus the loan's spread,
    /// and the principal not yet due re-amortises over the remaining periods.
    pub fn reprice_loan(
        &mut self,
        loan_id: i64,
        on: NaiveDate,
        today: NaiveDate,
    ) -> Result<ScheduleChange> {
        let ledger = Ledger::load(self.conn(), loan_id)?;
        let terms = self.repriced_terms(&ledger, loan_id, on, today)?;
        self.save_change(
            loan_id,
            |l| repricing(l, on, terms),
            |c| {
                c.execute(
                    "UPDATE booked_loans SET repriced_on = ?2 WHERE id = ?1",
                    params![loan_id, on],
                )?;
                Ok(())
            },
        )
    }

    /// Floating loans whose latest repricing day by `today` has not been applied.
    pub fn repricings_due(&self, today: NaiveDate) -> Result<Vec<RepricingDue>> {
        let rows: Vec<(i64, i64, String, String, String, Option<NaiveDate>)> = self
            .conn()
            .prepare(
                "SELECT l.id, l.client_id, c.name, l.contract_no, l.reprice, l.repriced_on
                 FROM booked_loans l JOIN clients c ON c.id = l.client_id
                 WHERE l.reprice <> 'none' AND l.closed_on IS NULL ORDER BY l.id",
            )?
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for (loan_id, client_id, client_name, contract_no, rule, repriced_on) in rows {
            let ledger = Ledger::load(self.conn(), loan_id)?;
            let rule = Reprice::parse(&rule).unwrap_or_default();
            let Some(on) = latest_repricing_day(rule, ledger.start, today) else {
                continue;
            };
            let still_to_come = ledger.schedule.last().is_some_and(|d| d.due_on > on);
            if repriced_on.is_some_and(|d| d >= on) || !still_to_come {
                continue;
            }
            let Rate::Lpr {
                tenor, spread_bp, ..
            } = ledger.terms.rate.clone()
            else {
                continue;
            };
            let lpr = self.lpr_on(tenor, on)?;
            out.push(RepricingDue {
                loan_id,
                client_id,
                client_name,
                contract_no,
                reprice_on: on,
                tenor,
                current_percent: ledger.terms.rate.annual_percent(),
                lpr_percent: lpr,
                new_percent: lpr.map(|p| p + spread_bp / Decimal::ONE_HUNDRED),
            });
        }
        Ok(out)
    }
}
