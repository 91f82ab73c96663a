//! Financial statements for the demo clients further along (stage 3 on), so a newcomer sees
//! credit ratios at once: two years in the template's CSV layout, imported through the same
//! path as an officer's file. Ratios vary by client so some are flagged against the defaults.
use rust_decimal::Decimal;

use super::Lcg;
use crate::error::Result;
use crate::vault::Vault;

/// Whole yuan from a figure in ten-thousands (万元) times a share in percent.
fn yuan(wan: i64, percent: i64) -> Decimal {
    Decimal::from(wan * 100 * percent)
}

/// The CSV of one client: its size in 万元 of total assets and a profile drawn from `rng`.
fn statement_csv(rng: &mut Lcg) -> String {
    let assets_wan = 3_000 + 500 * rng.below(30) as i64;
    let liabilities_pct = *rng.pick(&[48, 55, 62, 66, 72, 78]);
    let current_ratio_pct = *rng.pick(&[95, 115, 135, 150, 170]);
    let coverage = *rng.pick(&[2, 3, 4, 6]);
    let mut rows: Vec<(&str, [Decimal; 2])> = Vec::new();
    let year = |growth_pct: i64| {
        let ta = assets_wan * growth_pct / 100;
        let tl = yuan(ta, liabilities_pct);
        let ca = yuan(ta, 32);
        let cl = (ca * Decimal::ONE_HUNDRED / Decimal::from(current_ratio_pct)).round();
        let interest = (tl * Decimal::new(4, 2)).round();
        let pbt = interest * Decimal::from(coverage - 1);
        let da = yuan(ta, 3);
        [
            ("流动资产合计 Total current assets", ca),
            ("存货 Inventory", yuan(ta, 10)),
            ("资产总计 Total assets", yuan(ta, 100)),
            ("流动负债合计 Total current liabilities", cl),
            ("负债合计 Total liabilities", tl),
            ("营业收入 Revenue", yuan(ta, 150)),
            ("利息支出 Interest expense", interest),
            ("利润总额 Profit before tax", pbt),
            ("折旧与摊销 Depreciation and amortisation", da),
            (
                "经营活动现金流量净额 Net cash flow from operating activities",
                pbt + da,
            ),
        ]
    };
    let (first, second) = (year(100), year(108));
    for (a, b) in first.iter().zip(second.iter()) {
        rows.push((a.0, [a.1, b.1]));
    }
    let mut csv = String::from("单位 Unit,元\n项目 Item,2023,2024\n");
    for (label, [y1, y2]) in rows {
        csv.push_str(&format!("{label},{y1},{y2}\n"));
    }
    csv
}

/// Imports a statement for each client at stage 3 or later.
pub(super) fn add_statements(vault: &mut Vault, ids: &[i64], seed: u64) -> Result<()> {
    let mut rng = Lcg(seed ^ 0x5eed_f19a);
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

    #[test]
    fn demo_statements_parse_into_two_years_with_every_required_line() {
        let mut rng = Lcg(7);
        for _ in 0..20 {
            let csv = statement_csv(&mut rng);
            let years = crate::documents::parse_statement("demo.csv", csv.as_bytes());
            let years = years.unwrap_or_default();
            assert_eq!(
                years.iter().map(|y| y.year).collect::<Vec<_>>(),
                [2023, 2024]
            );
            assert!(years.iter().all(|y| y.figures.len() == 10));
        }
    }
}
