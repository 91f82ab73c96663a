//! The ratio arithmetic, pure and exact: Decimal throughout, rounded half away from zero to two
//! places at the end, and a ratio whose denominator is zero or negative is "not available".
use chrono::Datelike;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Thresholds;
use crate::documents::{FinancialYear, StatementLine as L};
use crate::loans::Schedule;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum RatioKind {
    /// 流动比率: current assets / current liabilities.
    CurrentRatio,
    /// 速动比率: (current assets − inventory) / current liabilities.
    QuickRatio,
    /// 资产负债率, in percent: total liabilities / total assets × 100.
    DebtToAsset,
    /// 利息保障倍数: (profit before tax + interest expense) / interest expense.
    InterestCoverage,
    /// 偿债覆盖率 on EBITDA: (profit before tax + interest + D&A) / annual debt service.
    Dscr,
    /// The same on operating cash flow (经营活动现金流量净额) / annual debt service; judged
    /// against the DSCR threshold.
    DscrCashFlow,
}

/// Whether a value must reach the threshold or stay under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    AtLeast,
    AtMost,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum RatioStatus {
    Ok,
    Breach,
    NotAvailable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Ratio {
    pub kind: RatioKind,
    /// Two decimals; `DebtToAsset` in percent. None when it cannot be computed.
    #[ts(type = "string | null")]
    pub value: Option<Decimal>,
    #[ts(type = "string")]
    pub threshold: Decimal,
    pub bound: Bound,
    pub status: RatioStatus,
}

fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// n / d, or None when d is not positive (no liabilities, no interest, no loan) or the result
/// leaves Decimal's range.
fn ratio(n: Option<Decimal>, d: Option<Decimal>) -> Option<Decimal> {
    let d = d.filter(|d| d.is_sign_positive() && !d.is_zero())?;
    n?.checked_div(d).map(round2)
}

fn add(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a?.checked_add(b?)
}

/// The officer sees two decimals, so the flag judges those two decimals: a ratio shown as 1.20
/// is never flagged against a threshold of 1.20.
fn judge(kind: RatioKind, value: Option<Decimal>, threshold: Decimal, bound: Bound) -> Ratio {
    let status = match (value, bound) {
        (None, _) => RatioStatus::NotAvailable,
        (Some(v), Bound::AtLeast) if v >= threshold => RatioStatus::Ok,
        (Some(v), Bound::AtMost) if v <= threshold => RatioStatus::Ok,
        _ => RatioStatus::Breach,
    };
    Ratio {
        kind,
        value,
        threshold,
        bound,
        status,
    }
}

/// All ratios of one year; DSCRs are not available without a debt service.
pub fn ratios(year: &FinancialYear, t: &Thresholds, debt_service: Option<Decimal>) -> Vec<Ratio> {
    let f = |line| year.get(line);
    let current = ratio(f(L::CurrentAssets), f(L::CurrentLiabilities));
    let quick_assets = f(L::CurrentAssets)
        .zip(f(L::Inventory))
        .and_then(|(a, i)| a.checked_sub(i));
    let quick = ratio(quick_assets, f(L::CurrentLiabilities));
    let liabilities_percent =
        f(L::TotalLiabilities).and_then(|l| l.checked_mul(Decimal::ONE_HUNDRED));
    let debt_to_asset = ratio(liabilities_percent, f(L::TotalAssets));
    let ebit = add(f(L::ProfitBeforeTax), f(L::InterestExpense));
    let coverage = ratio(ebit, f(L::InterestExpense));
    let ebitda = add(ebit, f(L::DepreciationAmortisation));
    use Bound::{AtLeast, AtMost};
    use RatioKind::*;
    vec![
        judge(CurrentRatio, current, t.current_ratio, AtLeast),
        judge(QuickRatio, quick, t.quick_ratio, AtLeast),
        judge(DebtToAsset, debt_to_asset, t.debt_to_asset_percent, AtMost),
        judge(InterestCoverage, coverage, t.interest_coverage, AtLeast),
        judge(Dscr, ratio(ebitda, debt_service), t.dscr, AtLeast),
        judge(
            DscrCashFlow,
            ratio(f(L::OperatingCashFlow), debt_service),
            t.dscr,
            AtLeast,
        ),
    ]
}

/// Annual debt service of a schedule: principal + interest due in the heaviest loan year
/// (months 1-12 after disbursement, 13-24, ...), with that year's number (1-based). The
/// heaviest year rather than the first, so a grace period or a bullet repayment is not hidden
/// behind a light first year. None for an empty schedule.
pub fn annual_debt_service(schedule: &Schedule) -> Option<(Decimal, u32)> {
    let start = schedule.terms.disbursement_date;
    let mut years: Vec<Decimal> = Vec::new();
    for p in &schedule.periods {
        let months = (p.due_date.year() - start.year()) * 12 + p.due_date.month() as i32
            - start.month() as i32;
        let index = usize::try_from((months.max(1) - 1) / 12).ok()?;
        if years.len() <= index {
            years.resize(index + 1, Decimal::ZERO);
        }
        years[index] = years[index].checked_add(p.payment)?;
    }
    let (index, heaviest) = years
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))?;
    Some((*heaviest, u32::try_from(index + 1).ok()?))
}
