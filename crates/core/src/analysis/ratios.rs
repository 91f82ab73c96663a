//! The ratio arithmetic, pure and exact: Decimal throughout, rounded half away from zero to two
//! places at the end, and a ratio whose denominator is zero or negative is "not available".
//! Turnover days are on a 360-day year, as 《流动资金贷款管理办法》's annex computes them.
use chrono::Datelike;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Thresholds;
use crate::documents::{FinancialYear, StatementLine as L};
use crate::labels::labelled;
use crate::loans::Schedule;

labelled! {
    /// A credit ratio of the spread, in the order the analysis lists them.
    pub enum RatioKind {
        /// 流动比率: current assets / current liabilities.
        CurrentRatio = "current-ratio" => ("流动比率", "Current ratio"),
        /// 速动比率: (current assets − inventory) / current liabilities.
        QuickRatio = "quick-ratio" => ("速动比率", "Quick ratio"),
        /// 资产负债率, in percent: total liabilities / total assets × 100.
        DebtToAsset = "debt-to-asset" => ("资产负债率", "Debt-to-asset"),
        /// 利息保障倍数: (profit before tax + interest expense) / interest expense.
        InterestCoverage = "interest-coverage" => ("利息保障倍数", "Interest coverage"),
        /// 偿债覆盖率 on EBITDA / annual debt service.
        Dscr = "dscr" => ("偿债覆盖率（EBITDA）", "DSCR (EBITDA)"),
        /// The same on operating cash flow / annual debt service; judged against the DSCR
        /// threshold.
        DscrCashFlow = "dscr-cash-flow" => ("偿债覆盖率（经营现金流）", "DSCR (operating cash flow)"),
        /// 严格速动比率: (current assets − inventory − prepayments) / current liabilities.
        StrictQuickRatio = "strict-quick-ratio" => ("速动比率（扣除预付）", "Quick ratio less prepayments"),
        /// Profit before tax + interest expense + depreciation and amortisation, in yuan.
        Ebitda = "ebitda" => ("息税折旧摊销前利润（EBITDA）", "EBITDA"),
        /// 有息负债 (short- and long-term borrowings, bonds, their part due within a year) /
        /// EBITDA.
        DebtToEbitda = "debt-to-ebitda" => ("有息负债/EBITDA", "Interest-bearing debt / EBITDA"),
        /// (有息负债 − 货币资金) / EBITDA.
        NetDebtToEbitda = "net-debt-to-ebitda" => ("净债务/EBITDA", "Net debt / EBITDA"),
        /// 应收账款周转天数 = 360 × average receivables / revenue.
        ReceivableDays = "receivable-days" => ("应收账款周转天数", "Receivable days"),
        /// 存货周转天数 = 360 × average inventory / cost of sales.
        InventoryDays = "inventory-days" => ("存货周转天数", "Inventory days"),
        /// 应付账款周转天数 = 360 × average payables / cost of sales.
        PayableDays = "payable-days" => ("应付账款周转天数", "Payable days"),
        /// 预付账款周转天数 = 360 × average prepayments / cost of sales.
        PrepaidDays = "prepaid-days" => ("预付账款周转天数", "Prepayment days"),
        /// 预收账款周转天数 = 360 × average advances from customers / revenue.
        AdvanceDays = "advance-days" => ("预收账款周转天数", "Advance days"),
        /// 现金周期 = receivable days + inventory days − payable days.
        CashConversionCycle = "cash-conversion-cycle" => ("现金周期", "Cash conversion cycle"),
        /// 毛利率 = (revenue − cost of sales) / revenue × 100.
        GrossMargin = "gross-margin" => ("毛利率", "Gross margin"),
        /// 销售净利率 = net profit / revenue × 100.
        NetMargin = "net-margin" => ("销售净利率", "Net margin"),
        /// 净资产收益率 = net profit / average equity × 100.
        ReturnOnEquity = "return-on-equity" => ("净资产收益率", "Return on equity"),
        /// 净现比 = operating cash flow / net profit.
        CashToProfit = "cash-to-profit" => ("净现比", "Operating cash flow / net profit"),
        /// 营业收入增长率 against the year before, × 100.
        RevenueGrowth = "revenue-growth" => ("营业收入增长率", "Revenue growth"),
    }
}

labelled! {
    /// What a ratio's value counts.
    pub enum RatioUnit {
        Times = "times" => ("倍", "×"),
        Percent = "percent" => ("百分比（%）", "Percent (%)"),
        Days = "days" => ("天", "days"),
        Yuan = "yuan" => ("元", "yuan"),
    }
}

labelled! {
    /// Which balances a turnover or a return was computed on.
    pub enum BalanceBasis {
        /// The mean of the opening (the year before's closing) and closing balance.
        Average = "average" => ("期初期末平均余额", "Average of opening and closing balances"),
        /// The year before is not imported: the closing balance alone.
        Closing = "closing" => ("无上年数据，按期末余额计算", "No prior year: closing balance used"),
    }
}

labelled! {
    /// How the spread groups its rows, as an approver reads them.
    pub enum RatioGroup {
        Liquidity = "liquidity" => ("偿债能力（短期）", "Liquidity"),
        Leverage = "leverage" => ("杠杆与偿债", "Leverage and debt service"),
        Turnover = "turnover" => ("营运周转与现金周期", "Turnover and cash cycle"),
        Profitability = "profitability" => ("盈利与现金质量", "Profitability and cash quality"),
    }
}

/// 有息负债's lines: any one present is enough (a company without bonds leaves the line out).
pub const DEBT_LINES: [L; 4] = [
    L::ShortTermBorrowings,
    L::LongTermBorrowings,
    L::BondsPayable,
    L::CurrentPortionOfLongTermDebt,
];

const EBITDA_LINES: &[L] = &[
    L::ProfitBeforeTax,
    L::InterestExpense,
    L::DepreciationAmortisation,
];

impl RatioKind {
    /// The statement lines the ratio needs, every one (the leverage ratios also need one of
    /// [`DEBT_LINES`]), so a ratio not available can say which are missing.
    pub fn lines(self) -> &'static [L] {
        use RatioKind::*;
        match self {
            CurrentRatio => &[L::CurrentAssets, L::CurrentLiabilities],
            QuickRatio => &[L::CurrentAssets, L::Inventory, L::CurrentLiabilities],
            StrictQuickRatio => &[
                L::CurrentAssets,
                L::Inventory,
                L::Prepayments,
                L::CurrentLiabilities,
            ],
            DebtToAsset => &[L::TotalLiabilities, L::TotalAssets],
            InterestCoverage => &[L::ProfitBeforeTax, L::InterestExpense],
            Dscr | Ebitda | DebtToEbitda => EBITDA_LINES,
            DscrCashFlow => &[L::OperatingCashFlow],
            NetDebtToEbitda => &[
                L::Cash,
                L::ProfitBeforeTax,
                L::InterestExpense,
                L::DepreciationAmortisation,
            ],
            ReceivableDays => &[L::AccountsReceivable, L::Revenue],
            InventoryDays => &[L::Inventory, L::CostOfSales],
            PayableDays => &[L::AccountsPayable, L::CostOfSales],
            PrepaidDays => &[L::Prepayments, L::CostOfSales],
            AdvanceDays => &[L::AdvancesFromCustomers, L::Revenue],
            CashConversionCycle => &[
                L::AccountsReceivable,
                L::Revenue,
                L::Inventory,
                L::CostOfSales,
                L::AccountsPayable,
            ],
            GrossMargin => &[L::Revenue, L::CostOfSales],
            NetMargin => &[L::NetProfit, L::Revenue],
            ReturnOnEquity => &[L::NetProfit, L::TotalEquity],
            CashToProfit => &[L::OperatingCashFlow, L::NetProfit],
            RevenueGrowth => &[L::Revenue],
        }
    }

    pub fn group(self) -> RatioGroup {
        use RatioKind::*;
        match self {
            CurrentRatio | QuickRatio | StrictQuickRatio => RatioGroup::Liquidity,
            DebtToAsset | InterestCoverage | Dscr | DscrCashFlow | Ebitda | DebtToEbitda
            | NetDebtToEbitda => RatioGroup::Leverage,
            ReceivableDays | InventoryDays | PayableDays | PrepaidDays | AdvanceDays
            | CashConversionCycle => RatioGroup::Turnover,
            GrossMargin | NetMargin | ReturnOnEquity | CashToProfit | RevenueGrowth => {
                RatioGroup::Profitability
            }
        }
    }

    pub fn unit(self) -> RatioUnit {
        use RatioKind::*;
        match self {
            DebtToAsset | GrossMargin | NetMargin | ReturnOnEquity | RevenueGrowth => {
                RatioUnit::Percent
            }
            ReceivableDays | InventoryDays | PayableDays | PrepaidDays | AdvanceDays
            | CashConversionCycle => RatioUnit::Days,
            Ebitda => RatioUnit::Yuan,
            _ => RatioUnit::Times,
        }
    }

    /// The direction a threshold is judged in: leverage and days tied up must stay under it,
    /// cover, liquidity, margins and cash must reach it.
    pub fn bound(self) -> Bound {
        use RatioKind::*;
        match self {
            DebtToAsset | DebtToEbitda | NetDebtToEbitda | ReceivableDays | InventoryDays
            | PayableDays | PrepaidDays | CashConversionCycle => Bound::AtMost,
            _ => Bound::AtLeast,
        }
    }

    /// The first six have their own fields in [`Thresholds`]; the others sit in its map.
    pub fn has_named_threshold(self) -> bool {
        use RatioKind::*;
        matches!(
            self,
            CurrentRatio | QuickRatio | DebtToAsset | InterestCoverage | Dscr | DscrCashFlow
        )
    }
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
    /// Computed, and Settings hold no threshold for it.
    NoThreshold,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Ratio {
    pub kind: RatioKind,
    /// Two decimals, in `unit`. None when it cannot be computed.
    #[ts(type = "string | null")]
    pub value: Option<Decimal>,
    /// None when Settings hold none for this ratio.
    #[ts(type = "string | null")]
    pub threshold: Option<Decimal>,
    pub bound: Bound,
    pub status: RatioStatus,
    pub unit: RatioUnit,
    /// value − the year before's value (percentage points for a percent), when both exist.
    #[ts(type = "string | null")]
    pub change: Option<Decimal>,
    /// For turnovers and returns: whether average or closing balances were used.
    pub basis: Option<BalanceBasis>,
}

fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// n / d, unrounded, or None when d is not positive (no liabilities, no interest, no loan) or
/// the result leaves Decimal's range.
fn div(n: Option<Decimal>, d: Option<Decimal>) -> Option<Decimal> {
    let d = d.filter(|d| d.is_sign_positive() && !d.is_zero())?;
    n?.checked_div(d)
}

fn ratio(n: Option<Decimal>, d: Option<Decimal>) -> Option<Decimal> {
    div(n, d).map(round2)
}

fn percent(n: Option<Decimal>, d: Option<Decimal>) -> Option<Decimal> {
    ratio(n?.checked_mul(Decimal::ONE_HUNDRED), d)
}

fn add(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a?.checked_add(b?)
}

fn sub(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a?.checked_sub(b?)
}

/// The officer sees two decimals, so the flag judges those two decimals: a ratio shown as 1.20
/// is never flagged against a threshold of 1.20.
fn judge(kind: RatioKind, value: Option<Decimal>, t: &Thresholds) -> Ratio {
    let threshold = t.of(kind);
    let bound = kind.bound();
    let status = match (value, threshold, bound) {
        (None, _, _) => RatioStatus::NotAvailable,
        (Some(_), None, _) => RatioStatus::NoThreshold,
        (Some(v), Some(t), Bound::AtLeast) if v >= t => RatioStatus::Ok,
        (Some(v), Some(t), Bound::AtMost) if v <= t => RatioStatus::Ok,
        _ => RatioStatus::Breach,
    };
    Ratio {
        kind,
        value,
        threshold,
        bound,
        status,
        unit: kind.unit(),
        change: None,
        basis: None,
    }
}

/// A year's balances, averaged with the year before's closing ones when that year is imported
/// (Chinese statements give the opening balance as the prior year's closing one).
struct Balances<'a> {
    year: &'a FinancialYear,
    prior: Option<&'a FinancialYear>,
}

impl Balances<'_> {
    /// The average balance of `line` and the basis it was taken on: the closing balance alone
    /// when the year before is not imported or lacks the line (a statement made from an older
    /// template), and the ratio then says so.
    fn average(&self, line: L) -> Option<(Decimal, BalanceBasis)> {
        let closing = self.year.get(line)?;
        match self.prior.and_then(|p| p.get(line)) {
            Some(opening) => Some((
                closing.checked_add(opening)? / Decimal::TWO,
                BalanceBasis::Average,
            )),
            None => Some((closing, BalanceBasis::Closing)),
        }
    }

    /// 360 × average `line` / `per` (a flow of the year: revenue or cost of sales).
    fn days(&self, line: L, per: L) -> (Option<Decimal>, Option<BalanceBasis>) {
        let Some((held, basis)) = self.average(line) else {
            return (None, None);
        };
        let value = held
            .checked_mul(Decimal::from(360))
            .and_then(|n| ratio(Some(n), self.year.get(per)));
        (value, value.map(|_| basis))
    }
}

/// Short- and long-term borrowings, bonds, and their part due within a year: the lines
/// present are summed (a company without bonds leaves the line out); None when none is.
fn interest_bearing_debt(year: &FinancialYear) -> Option<Decimal> {
    let present: Vec<Decimal> = DEBT_LINES.iter().filter_map(|&l| year.get(l)).collect();
    if present.is_empty() {
        return None;
    }
    present
        .into_iter()
        .try_fold(Decimal::ZERO, |a, b| a.checked_add(b))
}

/// The ratios' facts the UI needs without a statement (Settings, the reasons a ratio is
/// missing), as a TypeScript constant for `ui/src/bindings.ts`: unit, bound, group, lines and
/// whether Thresholds has a field of its own, per kind in the core's order.
pub(crate) fn typescript() -> String {
    let json = |v: &str| serde_json::to_string(v).unwrap_or_default();
    let list = |lines: &[L]| {
        let keys: Vec<String> = lines.iter().map(|l| json(l.as_str())).collect();
        format!("[{}]", keys.join(", "))
    };
    let mut out = String::from(
        "/** Each ratio's unit, direction, group and statement lines (crates/core/src/analysis/ratios.rs). */\n\
         export const RATIOS = {\n",
    );
    for &k in RatioKind::ALL {
        let bound = match k.bound() {
            Bound::AtLeast => "at-least",
            Bound::AtMost => "at-most",
        };
        out.push_str(&format!(
            "  {}: {{ unit: {}, bound: {}, group: {}, lines: {}, namedThreshold: {} }},\n",
            json(k.as_str()),
            json(k.unit().as_str()),
            json(bound),
            json(k.group().as_str()),
            list(k.lines()),
            k.has_named_threshold()
        ));
    }
    out.push_str("} as const satisfies Record<RatioKind, { unit: RatioUnit; bound: Bound; group: RatioGroup; lines: readonly StatementLine[]; namedThreshold: boolean }>;\n");
    out.push_str(&format!(
        "/** 有息负债's lines: any one present is enough. */\nexport const DEBT_LINES = {} as const satisfies readonly StatementLine[];\n",
        list(&DEBT_LINES)
    ));
    out
}

/// All ratios of one year. `prior`: the year before, if imported (averages, growth); DSCRs
/// are not available without a debt service.
pub fn ratios(
    year: &FinancialYear,
    prior: Option<&FinancialYear>,
    t: &Thresholds,
    debt_service: Option<Decimal>,
) -> Vec<Ratio> {
    let prior = prior.filter(|p| p.year == year.year - 1);
    let f = |line| year.get(line);
    let b = Balances { year, prior };
    let current = ratio(f(L::CurrentAssets), f(L::CurrentLiabilities));
    let quick_assets = sub(f(L::CurrentAssets), f(L::Inventory));
    let quick = ratio(quick_assets, f(L::CurrentLiabilities));
    let strict = ratio(
        sub(quick_assets, f(L::Prepayments)),
        f(L::CurrentLiabilities),
    );
    let debt_to_asset = percent(f(L::TotalLiabilities), f(L::TotalAssets));
    let ebit = add(f(L::ProfitBeforeTax), f(L::InterestExpense));
    let coverage = ratio(ebit, f(L::InterestExpense));
    let ebitda = add(ebit, f(L::DepreciationAmortisation));
    let debt = interest_bearing_debt(year);
    let net_debt = sub(debt, f(L::Cash));
    let receivable = b.days(L::AccountsReceivable, L::Revenue);
    let inventory = b.days(L::Inventory, L::CostOfSales);
    let payable = b.days(L::AccountsPayable, L::CostOfSales);
    // Of the days as shown, so the cycle adds up on the page.
    let cycle = sub(add(receivable.0, inventory.0), payable.0);
    // Closing if any of the three was (Closing orders after Average).
    let cycle_basis = [receivable.1, inventory.1, payable.1]
        .into_iter()
        .max()
        .flatten()
        .filter(|_| cycle.is_some());
    let gross = percent(sub(f(L::Revenue), f(L::CostOfSales)), f(L::Revenue));
    let equity = b.average(L::TotalEquity);
    let roe = percent(f(L::NetProfit), equity.map(|e| e.0));
    let roe = (roe, equity.filter(|_| roe.is_some()).map(|e| e.1));
    let growth =
        prior.and_then(|p| percent(sub(f(L::Revenue), p.get(L::Revenue)), p.get(L::Revenue)));
    let plain = |v: Option<Decimal>| (v, None);
    use RatioKind::*;
    let values = [
        (CurrentRatio, plain(current)),
        (QuickRatio, plain(quick)),
        (DebtToAsset, plain(debt_to_asset)),
        (InterestCoverage, plain(coverage)),
        (Dscr, plain(ratio(ebitda, debt_service))),
        (
            DscrCashFlow,
            plain(ratio(f(L::OperatingCashFlow), debt_service)),
        ),
        (StrictQuickRatio, plain(strict)),
        (Ebitda, plain(ebitda.map(round2))),
        (DebtToEbitda, plain(ratio(debt, ebitda))),
        (NetDebtToEbitda, plain(ratio(net_debt, ebitda))),
        (ReceivableDays, receivable),
        (InventoryDays, inventory),
        (PayableDays, payable),
        (PrepaidDays, b.days(L::Prepayments, L::CostOfSales)),
        (AdvanceDays, b.days(L::AdvancesFromCustomers, L::Revenue)),
        (CashConversionCycle, (cycle, cycle_basis)),
        (GrossMargin, plain(gross)),
        (NetMargin, plain(percent(f(L::NetProfit), f(L::Revenue)))),
        (ReturnOnEquity, roe),
        (
            CashToProfit,
            plain(ratio(f(L::OperatingCashFlow), f(L::NetProfit))),
        ),
        (RevenueGrowth, plain(growth)),
    ];
    values
        .into_iter()
        .map(|(kind, (value, basis))| Ratio {
            basis,
            ..judge(kind, value, t)
        })
        .collect()
}

/// Each ratio's change against the same ratio of the year before (`earlier`: that year's).
pub fn set_changes(ratios: &mut [Ratio], earlier: &[Ratio]) {
    for r in ratios {
        let before = earlier
            .iter()
            .find(|e| e.kind == r.kind)
            .and_then(|e| e.value);
        r.change = r
            .value
            .zip(before)
            .and_then(|(now, then)| now.checked_sub(then));
    }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::collections::BTreeMap;

    use super::*;

    fn year(y: i32, without: Option<L>) -> FinancialYear {
        let figures: BTreeMap<L, Decimal> = L::all()
            .filter(|l| Some(*l) != without)
            .enumerate()
            .map(|(i, l)| (l, Decimal::from(1_000 + 100 * i as i64)))
            .collect();
        FinancialYear {
            year: y,
            figures,
            document_id: None,
            imported_at: String::new(),
        }
    }

    /// The lines the UI names as missing are the ones the arithmetic needs: with every line
    /// each ratio computes, and without any one of its lines it does not.
    #[test]
    fn each_ratio_needs_exactly_its_lines() {
        let t = Thresholds::default();
        let ds = Some(Decimal::from(500));
        let prior = year(2023, None);
        let full = ratios(&year(2024, None), Some(&prior), &t, ds);
        assert!(full.iter().all(|r| r.value.is_some()), "{full:?}");
        for &kind in RatioKind::ALL {
            for &line in kind.lines() {
                let short = ratios(&year(2024, Some(line)), Some(&prior), &t, ds);
                let r = short.iter().find(|r| r.kind == kind).unwrap();
                assert_eq!(r.value, None, "{kind:?} without {line:?}");
            }
        }
    }
}
