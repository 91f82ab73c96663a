//! The officer's book on a given day: outstanding principal by tier, industry, classification
//! ageing bucket, main collateral and coverage, the overdue and non-performing figures, the
//! cash expected in each of the next 12 months, and the loans behind them all.
//!
//! Amounts in different currencies are never added: the portfolio is in one currency (CNY
//! unless asked) and says how many loans in other currencies it left out.
use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::params;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use ts_rs::TS;

use super::status::{AgeBucket, Classification, WorkingDays};
use super::store::Ledger;
use crate::clients::industry;
use crate::error::Result;
use crate::loans::{due_date, from_fen};
use crate::security::{coverage, CollateralKind, CoverageBand};
use crate::vault::Vault;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Slice {
    pub key: String,
    pub loans: u32,
    #[ts(type = "string")]
    pub outstanding: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MonthCashIn {
    /// `YYYY-MM`.
    pub month: String,
    #[ts(type = "string")]
    pub principal: Decimal,
    #[ts(type = "string")]
    pub interest: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Portfolio {
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    pub currency: String,
    pub loans: u32,
    #[ts(type = "string")]
    pub outstanding: Decimal,
    /// 罚息 and 复利 accrued and unpaid on the overdue loans as of `as_of` (not in
    /// `outstanding`, which is principal).
    #[ts(type = "string")]
    pub penalty_accrued: Decimal,
    /// 逾期贷款: the whole outstanding principal of every loan with a period past its grace
    /// day, as banks' regulatory statistics count it (an instalment loan with one instalment
    /// late counts with its whole balance, 整笔计入).
    pub overdue: Headline,
    /// 不良贷款: loans classified 次级, 可疑 or 损失 (《商业银行风险监管核心指标（试行）》:
    /// 不良贷款率 = 不良贷款 / 贷款总额).
    pub non_performing: Headline,
    pub by_tier: Vec<Slice>,
    /// By the GB/T 4754 section (门类) of the client's industry; `other`, or "" when not given.
    pub by_industry: Vec<Slice>,
    pub by_classification: Vec<Slice>,
    pub by_age: Vec<Slice>,
    /// By the kind of the item lending the most (`unsecured`: none pledged).
    pub by_collateral: Vec<Slice>,
    /// By how much of the outstanding principal the collateral covers (CoverageBand).
    pub by_coverage: Vec<Slice>,
    pub cash_in: Vec<MonthCashIn>,
    pub other_currency_loans: u32,
    /// Every loan behind the figures, largest outstanding first; each carries the key of its
    /// slice in every dimension, so a bar opens exactly the loans it adds up.
    pub loan_list: Vec<PortfolioLoan>,
}

/// A headline figure: how many loans, their outstanding principal and its share of the book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Headline {
    pub loans: u32,
    #[ts(type = "string")]
    pub outstanding: Decimal,
    /// Percent of the book's outstanding principal, two decimals half-up; None for an empty book.
    #[ts(type = "string | null")]
    pub percent: Option<Decimal>,
}

/// One open loan of the portfolio.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PortfolioLoan {
    pub loan_id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub contract_no: String,
    #[ts(type = "string")]
    pub outstanding: Decimal,
    /// The oldest period not yet paid: the next due date, or the one it is late on.
    #[ts(type = "string | null")]
    pub next_due_on: Option<NaiveDate>,
    pub days_overdue: i64,
    pub classification: Classification,
    /// The officer set the classification (else it is the suggestion from days overdue).
    pub classified_by_officer: bool,
    /// Slice keys, as in the `by_*` lists.
    pub tier: String,
    /// The client's GB/T 4754 code (`C34`, `C`, `other`), if any; `industry` is its section.
    pub industry_code: Option<String>,
    /// The client's own words for the industry (what `other` means).
    pub industry_text: Option<String>,
    pub industry: String,
    pub age: String,
    pub collateral: String,
    pub coverage: String,
    /// Lendable value of the pledged collateral over the outstanding principal, percent, two
    /// decimals half-up; None when nothing is pledged.
    #[ts(type = "string | null")]
    pub coverage_percent: Option<Decimal>,
}

#[derive(Default)]
struct Acc(BTreeMap<String, (u32, i64)>);

impl Acc {
    fn add(&mut self, key: &str, fen: i64) {
        let e = self.0.entry(key.to_owned()).or_default();
        e.0 += 1;
        e.1 += fen;
    }

    fn slices(self, order: &[&str]) -> Vec<Slice> {
        let mut v: Vec<Slice> = self
            .0
            .into_iter()
            .map(|(key, (loans, fen))| Slice {
                key,
                loans,
                outstanding: from_fen(fen),
            })
            .collect();
        let rank = |k: &str| order.iter().position(|o| *o == k).unwrap_or(order.len());
        v.sort_by(|a, b| {
            rank(&a.key)
                .cmp(&rank(&b.key))
                .then(b.outstanding.cmp(&a.outstanding))
        });
        v
    }
}

fn days_overdue(oldest_unpaid: Option<NaiveDate>, today: NaiveDate, working: &WorkingDays) -> i64 {
    match oldest_unpaid {
        Some(due) if today > working.grace_until(due) => (today - due).num_days(),
        _ => 0,
    }
}

/// `part` as a percent of `whole`, two decimals half-up (None when `whole` is 0).
fn percent_of(part: i64, whole: i64) -> Option<Decimal> {
    (whole > 0).then(|| {
        let mut percent = (Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole))
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        // Always two places: "24.00", as the officer reads a ratio.
        percent.rescale(2);
        percent
    })
}

/// A loan as read, with its outstanding principal in fen for the sums.
struct Row {
    loan: PortfolioLoan,
    fen: i64,
}

impl Vault {
    pub fn portfolio(&self, today: NaiveDate, currency: &str) -> Result<Portfolio> {
        let (rows, others) = self.portfolio_rows(today, currency)?;
        let (mut tier, mut industry, mut class, mut age) = (
            Acc::default(),
            Acc::default(),
            Acc::default(),
            Acc::default(),
        );
        let (mut by_kind, mut by_band) = (Acc::default(), Acc::default());
        let (mut total, mut overdue, mut npl) = (0i64, (0u32, 0i64), (0u32, 0i64));
        // Penalty accrues only on what is late, so only the late loans' ledgers are read.
        let mut penalty_fen = 0i64;
        for Row { loan, fen } in &rows {
            total += fen;
            tier.add(&loan.tier, *fen);
            industry.add(&loan.industry, *fen);
            class.add(loan.classification.as_str(), *fen);
            age.add(&loan.age, *fen);
            by_kind.add(&loan.collateral, *fen);
            by_band.add(&loan.coverage, *fen);
            if loan.days_overdue > 0 {
                overdue = (overdue.0 + 1, overdue.1 + fen);
                penalty_fen += Ledger::penalty_owed(self.conn(), loan.loan_id, today)?;
            }
            if loan.classification >= Classification::Substandard {
                npl = (npl.0 + 1, npl.1 + fen);
            }
        }
        let headline = |(loans, fen): (u32, i64)| Headline {
            loans,
            outstanding: from_fen(fen),
            percent: percent_of(fen, total),
        };
        let classes: Vec<&str> = Classification::ALL.iter().map(|c| c.as_str()).collect();
        let buckets: Vec<&str> = AgeBucket::ALL.iter().map(|b| b.as_str()).collect();
        let mut kinds: Vec<&str> = CollateralKind::ALL.iter().map(|k| k.as_str()).collect();
        kinds.push(CoverageBand::Unsecured.as_str());
        let bands: Vec<&str> = CoverageBand::ALL.iter().map(|b| b.as_str()).collect();
        let mut sections: Vec<&str> = industry::all()
            .iter()
            .filter(|i| i.is_section())
            .map(|i| i.code)
            .collect();
        sections.extend([industry::OTHER, ""]);
        let mut loan_list: Vec<PortfolioLoan> = rows.into_iter().map(|r| r.loan).collect();
        loan_list.sort_by(|a, b| {
            b.outstanding
                .cmp(&a.outstanding)
                .then(a.loan_id.cmp(&b.loan_id))
        });
        Ok(Portfolio {
            as_of: today,
            currency: currency.to_owned(),
            loans: loan_list.len() as u32,
            outstanding: from_fen(total),
            penalty_accrued: from_fen(penalty_fen),
            overdue: headline(overdue),
            non_performing: headline(npl),
            by_tier: tier.slices(&["A", "B", "C"]),
            // Largest first: concentration is what the officer reads an industry chart for.
            by_industry: industry.slices(&[]),
            by_classification: class.slices(&classes),
            by_age: age.slices(&buckets),
            by_collateral: by_kind.slices(&kinds),
            by_coverage: by_band.slices(&bands),
            cash_in: self.cash_in(today, currency)?,
            other_currency_loans: others,
            loan_list,
        })
    }

    /// The open loans in `currency`, and how many open loans are in another.
    fn portfolio_rows(&self, today: NaiveDate, currency: &str) -> Result<(Vec<Row>, u32)> {
        let working = self.effective_working_days()?;
        let mut out = Vec::new();
        let mut others = 0u32;
        // NOT INDEXED: the loans' pages read in order. Without statistics SQLite scans the
        // partial index of open loans instead, a seek into the table per loan, which measured
        // twice as slow when most of the book is open (10,000 loans: 10.3 → 4.7 ms).
        let mut stmt = self.conn().prepare(
            "SELECT l.currency, l.outstanding_fen, l.oldest_unpaid_due, l.classification,
                    c.tier, nullif(trim(c.industry_code), ''), l.id,
                    l.collateral_capacity_fen, l.collateral_main_kind,
                    l.client_id, c.name, l.contract_no, l.extended,
                    l.technical_overdue_reason IS NOT NULL, nullif(trim(c.industry), '')
             FROM booked_loans l NOT INDEXED JOIN clients c ON c.id = l.client_id
             WHERE l.closed_on IS NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if r.get::<_, String>(0)? != currency {
                others += 1;
                continue;
            }
            let fen: i64 = r.get(1)?;
            let next_due_on: Option<NaiveDate> = r.get(2)?;
            let overdue = days_overdue(next_due_on, today, &working);
            let officer: Option<String> = r.get(3)?;
            let officer = officer.as_deref().and_then(Classification::parse);
            // As the loan page suggests it (2023 rules: extended loans at least 关注).
            let suggested = Classification::suggested_for(overdue, r.get(12)?, r.get(13)?);
            let industry_code: Option<String> = r.get(5)?;
            // Nothing pledged: no main kind (schema 9 keeps both on the loan).
            let main = r
                .get_ref(8)?
                .as_str()
                .ok()
                .map(|k| CollateralKind::parse(k).unwrap_or(CollateralKind::Property));
            let capacity: i64 = r.get(7)?;
            // Two places always ("112.00"), as the headline shares are shown.
            let percent = main.and_then(|_| coverage(fen, capacity).1).map(|mut p| {
                p.rescale(2);
                p
            });
            out.push(Row {
                fen,
                loan: PortfolioLoan {
                    loan_id: r.get(6)?,
                    client_id: r.get(9)?,
                    client_name: r.get(10)?,
                    contract_no: r.get(11)?,
                    outstanding: from_fen(fen),
                    next_due_on,
                    days_overdue: overdue,
                    classification: officer.unwrap_or(suggested),
                    classified_by_officer: officer.is_some(),
                    tier: r.get(4)?,
                    industry: industry_code
                        .as_deref()
                        .map_or("", industry::section_of)
                        .to_owned(),
                    industry_code,
                    industry_text: r.get(14)?,
                    age: AgeBucket::of(overdue).as_str().to_owned(),
                    collateral: main
                        .map_or(CoverageBand::Unsecured.as_str(), |k| k.as_str())
                        .to_owned(),
                    coverage: CoverageBand::of(main.is_some(), percent)
                        .as_str()
                        .to_owned(),
                    coverage_percent: percent,
                },
            });
        }
        Ok((out, others))
    }

    /// What is still to be paid in each of the 12 months starting with this one, from the
    /// per-month aggregate kept with every change (see `cash_in.rs`).
    fn cash_in(&self, today: NaiveDate, currency: &str) -> Result<Vec<MonthCashIn>> {
        let first = today.with_day(1).unwrap_or(today);
        let months: Vec<String> = (0..12)
            .map(|m| Ok(due_date(first, m, 1)?.format("%Y-%m").to_string()))
            .collect::<Result<_>>()?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT month, principal_fen, interest_fen FROM cash_in_by_month
             WHERE currency = ?1 AND month >= ?2 AND month <= ?3",
        )?;
        let found: BTreeMap<String, (i64, i64)> = stmt
            .query_map(params![currency, months[0], months[11]], |r| {
                Ok((r.get(0)?, (r.get(1)?, r.get(2)?)))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(months
            .into_iter()
            .map(|month| {
                let (p, i) = found.get(&month).copied().unwrap_or_default();
                MonthCashIn {
                    month,
                    principal: from_fen(p),
                    interest: from_fen(i),
                }
            })
            .collect())
    }
}
