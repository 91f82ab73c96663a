//! Financial statements for the demo clients further along (stage 3 on), so a newcomer sees
//! the credit-analysis spread at once: two years in the template's CSV layout with every line
//! (the turnover days, the cycle and leverage against EBITDA need the issue-15 ones), imported
//! through the same path as an officer's file. Profiles vary by client, so some are flagged
//! against the defaults (a thin current or quick ratio, high debt-to-asset, debt above five or
//! net debt above four times EBITDA).
use rust_decimal::Decimal;

use super::Lcg;
use crate::error::Result;
use crate::vault::Vault;

/// Whole yuan from a figure in ten-thousands (万元) times a share in percent.
fn yuan(wan: i64, percent: i64) -> Decimal {
    Decimal::from(wan * 100 * percent)
}

/// `amount` × `percent` / 100, to the yuan.
fn share(amount: Decimal, percent: impl Into<Decimal>) -> Decimal {
    (amount * percent.into() / Decimal::ONE_HUNDRED).round()
}

/// What one client's two years are drawn from.
struct Profile {
    /// Total assets of the first year, in 万元.
    assets_wan: i64,
    liabilities_pct: i64,
    current_ratio_pct: i64,
    /// (Profit before tax + interest) / interest.
    coverage: i64,
    /// Percent of total assets.
    cash_pct: i64,
    receivables_pct: [i64; 2],
    /// Short-term borrowings, accounts payable and advances, in percent of current
    /// liabilities (the part of long-term debt due within the year is 8 %).
    short_debt_pct: i64,
    payables_pct: i64,
    advances_pct: i64,
    /// Long-term borrowings and bonds, in percent of non-current liabilities.
    long_debt_pct: i64,
    gross_margin_pct: i64,
    tax_pct: i64,
    /// Operating cash flow in percent of net profit + D&A.
    cash_conversion_pct: i64,
    /// The second year's size against the first, in percent.
    growth_pct: i64,
}

impl Profile {
    fn draw(rng: &mut Lcg) -> Profile {
        let receivables = *rng.pick(&[10, 14, 18]);
        Profile {
            assets_wan: 3_000 + 500 * rng.below(30) as i64,
            liabilities_pct: *rng.pick(&[48, 55, 62, 66, 72, 78]),
            current_ratio_pct: *rng.pick(&[95, 115, 135, 150, 170]),
            coverage: *rng.pick(&[2, 3, 4, 6]),
            cash_pct: *rng.pick(&[3, 5, 7]),
            receivables_pct: [receivables, receivables + *rng.pick(&[-2, 0, 2])],
            short_debt_pct: *rng.pick(&[15, 30, 45]),
            payables_pct: *rng.pick(&[18, 25, 32]),
            advances_pct: *rng.pick(&[3, 6, 9]),
            long_debt_pct: *rng.pick(&[30, 60, 90]),
            gross_margin_pct: *rng.pick(&[14, 20, 26, 34]),
            tax_pct: *rng.pick(&[15, 25]),
            cash_conversion_pct: *rng.pick(&[60, 90, 115]),
            growth_pct: *rng.pick(&[95, 104, 108, 115]),
        }
    }

    /// One year's lines in template order; `second`: the later year.
    fn year(&self, second: bool) -> Vec<(&'static str, Decimal)> {
        let ta = self.assets_wan * if second { self.growth_pct } else { 100 } / 100;
        let total_assets = yuan(ta, 100);
        let cash = yuan(ta, self.cash_pct);
        let receivables = yuan(ta, self.receivables_pct[usize::from(second)]);
        let prepayments = yuan(ta, 2);
        let inventory = yuan(ta, 10);
        // At most 7 + 20 + 2 + 10 = 39 % of assets in the lines above.
        let current_assets = yuan(ta, 40);
        let total_liabilities = yuan(ta, self.liabilities_pct);
        // At most 40 / 0.95 = 42 % of assets, under the 48 % of the least indebted.
        let current_liabilities =
            (current_assets * Decimal::ONE_HUNDRED / Decimal::from(self.current_ratio_pct)).round();
        // At most 45 + 8 + 32 + 9 = 94 % of current liabilities.
        let short_term = share(current_liabilities, self.short_debt_pct);
        let current_portion = share(current_liabilities, 8);
        let payables = share(current_liabilities, self.payables_pct);
        let advances = share(current_liabilities, self.advances_pct);
        let long_debt = share(total_liabilities - current_liabilities, self.long_debt_pct);
        // Only the larger companies have issued bonds (a third of their long-term debt).
        let bonds = if self.assets_wan >= 12_000 {
            share(long_debt, 33)
        } else {
            Decimal::ZERO
        };
        let long_term = long_debt - bonds;
        let debt = short_term + current_portion + long_term + bonds;

        let revenue = yuan(ta, 150);
        let cost_of_sales = share(revenue, 100 - self.gross_margin_pct);
        // 4.5 % on the interest-bearing debt; interest income of 1 % on the cash.
        let interest = share(debt, Decimal::new(45, 1));
        let finance_costs = interest - share(cash, 1);
        let profit_before_tax = interest * Decimal::from(self.coverage - 1);
        let income_tax = share(profit_before_tax, self.tax_pct);
        let net_profit = profit_before_tax - income_tax;
        let da = yuan(ta, 3);
        let operating_cash_flow = share(net_profit + da, self.cash_conversion_pct);
        vec![
            ("货币资金 Cash and cash equivalents", cash),
            ("应收账款 Accounts receivable", receivables),
            ("预付账款 Prepayments", prepayments),
            ("存货 Inventory", inventory),
            ("流动资产合计 Total current assets", current_assets),
            ("资产总计 Total assets", total_assets),
            ("短期借款 Short-term borrowings", short_term),
            ("应付账款 Accounts payable", payables),
            ("预收账款 Advances from customers", advances),
            (
                "一年内到期的非流动负债 Non-current liabilities due within one year",
                current_portion,
            ),
            (
                "流动负债合计 Total current liabilities",
                current_liabilities,
            ),
            ("长期借款 Long-term borrowings", long_term),
            ("应付债券 Bonds payable", bonds),
            ("负债合计 Total liabilities", total_liabilities),
            (
                "所有者权益合计 Total equity",
                total_assets - total_liabilities,
            ),
            ("营业收入 Revenue", revenue),
            ("营业成本 Cost of sales", cost_of_sales),
            ("财务费用 Finance costs", finance_costs),
            ("利息支出 Interest expense", interest),
            ("利润总额 Profit before tax", profit_before_tax),
            ("所得税费用 Income tax expense", income_tax),
            ("净利润 Net profit", net_profit),
            ("折旧与摊销 Depreciation and amortisation", da),
            (
                "经营活动现金流量净额 Net cash flow from operating activities",
                operating_cash_flow,
            ),
        ]
    }
}

/// The CSV of one client, from a profile drawn from `rng`.
fn statement_csv(rng: &mut Lcg) -> String {
    let profile = Profile::draw(rng);
    let mut csv = String::from("单位 Unit,元\n项目 Item,2023,2024\n");
    for (a, b) in profile.year(false).iter().zip(profile.year(true)) {
        csv.push_str(&format!("{},{},{}\n", a.0, a.1, b.1));
    }
    csv
}

fn statement_rng(seed: u64) -> Lcg {
    Lcg(seed ^ 0x5eed_f19a)
}

/// Imports a statement for each client at stage 3 or later.
pub(super) fn add_statements(vault: &mut Vault, ids: &[i64], seed: u64) -> Result<()> {
    let mut rng = statement_rng(seed);
    for &id in ids {
        if vault.client(id)?.fields.stage < 3 {
            continue;
        }
        let csv = statement_csv(&mut rng);
        vault.import_statement(id, "财务报表2023-2024.csv", csv.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{ratios, RatioKind, RatioStatus, Thresholds};
    use crate::documents::{FinancialYear, StatementLine as L};

    fn parse(csv: &str) -> Vec<FinancialYear> {
        let years = crate::documents::parse_statement("demo.csv", csv.as_bytes());
        years.unwrap_or_default()
    }

    #[test]
    fn demo_statements_parse_into_two_years_with_every_line() {
        let mut rng = Lcg(7);
        for _ in 0..20 {
            let years = parse(&statement_csv(&mut rng));
            assert_eq!(
                years.iter().map(|y| y.year).collect::<Vec<_>>(),
                [2023, 2024]
            );
            for y in &years {
                assert!(L::all().all(|l| y.get(l).is_some()), "{y:?}");
                assert_eq!(y.figures.len(), L::all().count());
            }
        }
    }

    #[test]
    fn demo_statements_add_up() {
        let mut rng = Lcg(11);
        for _ in 0..200 {
            for y in parse(&statement_csv(&mut rng)) {
                let f = |l| y.get(l).unwrap_or_default();
                assert!(y.figures.values().all(|v| !v.is_sign_negative()), "{y:?}");
                let sum = |lines: &[L]| lines.iter().map(|&l| f(l)).sum::<Decimal>();
                let current = [L::Cash, L::AccountsReceivable, L::Prepayments, L::Inventory];
                assert!(sum(&current) <= f(L::CurrentAssets), "{y:?}");
                assert!(f(L::CurrentAssets) <= f(L::TotalAssets));
                let owed = [
                    L::ShortTermBorrowings,
                    L::AccountsPayable,
                    L::AdvancesFromCustomers,
                    L::CurrentPortionOfLongTermDebt,
                ];
                assert!(sum(&owed) <= f(L::CurrentLiabilities), "{y:?}");
                let long = f(L::LongTermBorrowings) + f(L::BondsPayable);
                assert!(
                    f(L::CurrentLiabilities) + long <= f(L::TotalLiabilities),
                    "{y:?}"
                );
                assert_eq!(
                    f(L::TotalEquity),
                    f(L::TotalAssets) - f(L::TotalLiabilities)
                );
                assert_eq!(
                    f(L::NetProfit),
                    f(L::ProfitBeforeTax) - f(L::IncomeTaxExpense)
                );
                assert!(f(L::CostOfSales) < f(L::Revenue));
                assert!(f(L::FinanceCosts) <= f(L::InterestExpense));
            }
        }
    }

    /// The thirty statements of the demo vault (its clients at stages 3 to 5, in order).
    #[test]
    fn the_demo_vault_shows_the_whole_spread_and_some_breaches() {
        let mut rng = statement_rng(2026);
        let t = Thresholds::default();
        let mut breaches: std::collections::BTreeMap<RatioKind, usize> = Default::default();
        for _ in 0..30 {
            let years = parse(&statement_csv(&mut rng));
            let latest = ratios(&years[1], Some(&years[0]), &t, None);
            for r in &latest {
                // Every ratio but the DSCRs (no loan given here) is computed.
                let dscr = matches!(r.kind, RatioKind::Dscr | RatioKind::DscrCashFlow);
                assert_eq!(r.value.is_none(), dscr, "{:?}", r.kind);
                if r.status == RatioStatus::Breach {
                    *breaches.entry(r.kind).or_default() += 1;
                }
            }
        }
        // Flagged, but for a few clients only.
        for kind in [
            RatioKind::CurrentRatio,
            RatioKind::DebtToAsset,
            RatioKind::DebtToEbitda,
            RatioKind::NetDebtToEbitda,
        ] {
            let n = breaches.get(&kind).copied().unwrap_or(0);
            assert!((1..=15).contains(&n), "{kind:?}: {n} of 30 flagged");
        }
    }
}
