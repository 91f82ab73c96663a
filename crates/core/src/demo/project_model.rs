//! A project model for the demo's project-finance client furthest along (stage 3 on), so a
//! newcomer sees the Project model tab filled in: a 100 MW solar plant in 万元, a year of
//! quarterly construction draws with their interest, 20 years of operation with the panels'
//! 0.5 % a year degradation, 三免三减半 income tax, an inverter replacement in year 10, the debt
//! drawn in construction repaid sculpted over 18 years, six months of DSRA funded at COD, and
//! the 资本金 check against power's minimum.
use rust_decimal::Decimal;

use crate::clients::ProductType;
use crate::error::Result;
use crate::loans::LprTenor;
use crate::prefs::Language;
use crate::project_finance::{
    CapitalCategory, ConstructionInput, DrawTimingKey, DsraFunding, LprBasis, ModelInput, Repayment,
};
use crate::vault::Vault;

const YEARS: u32 = 20;
const TENOR: u32 = 18;
/// The debt drawn in construction (万元), for the interest that lowers the taxable profit.
const DRAWN: i64 = 28_000;

fn dec(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

fn money(d: Decimal) -> Decimal {
    d.round_dp(2)
}

/// The model's inputs, every figure in 万元.
fn solar_input() -> ModelInput {
    let mut revenue = dec(4_800, 0);
    let (mut cfads, mut ebitda, mut tax, mut ebit) = (vec![], vec![], vec![], vec![]);
    let depreciation = dec(1_900, 0);
    for year in 1..=YEARS {
        let opex = dec(720 + 10 * i64::from(year - 1), 0);
        let e = money(revenue - opex);
        let operating_profit = e - depreciation;
        // Interest on a balance falling evenly over the tenor: the tax estimate's deduction.
        let left = i64::from(TENOR.saturating_sub(year - 1));
        let interest = dec(DRAWN * left * 42, 3) / Decimal::from(TENOR);
        let rate = match year {
            1..=3 => Decimal::ZERO,
            4..=6 => dec(125, 3),
            _ => dec(25, 2),
        };
        let t = money((operating_profit - interest).max(Decimal::ZERO) * rate);
        let maintenance = if year == 10 {
            dec(600, 0)
        } else {
            Decimal::ZERO
        };
        cfads.push(e - t - maintenance);
        ebitda.push(e);
        tax.push(t);
        ebit.push(operating_profit);
        revenue = money(revenue * dec(995, 3));
    }
    ModelInput {
        periods_per_year: 1,
        // 5-year LPR 3.50 % (published 2025-05-20) + 70 bp.
        rate_percent: dec(420, 2),
        rate_basis: Some(LprBasis {
            tenor: LprTenor::FiveYear,
            lpr_percent: dec(350, 2),
            spread_bp: 70,
        }),
        cfads,
        target_dscr: dec(130, 2),
        total_uses: Some(dec(40_000, 0)),
        max_gearing_percent: Some(dec(80, 0)),
        debt: None,
        repayment: Repayment::Sculpted,
        tenor_periods: Some(TENOR),
        construction: Some(ConstructionInput {
            periods_per_year: 4,
            rate_percent: dec(420, 2),
            draws: [8_000, 9_000, 7_000, 4_000].map(Decimal::from).to_vec(),
            draw_timing: DrawTimingKey::End,
        }),
        dsra_months: Some(6),
        dsra_funding: DsraFunding::Cod,
        sweep: None,
        ebitda,
        tax,
        ebit,
        revenue: Vec::new(),
        opex: Vec::new(),
        working_capital_change: Vec::new(),
        maintenance_capex: Vec::new(),
        capital_category: Some(CapitalCategory::PowerAndOther),
    }
}

/// Saves the model for the first project-finance client at stage 3 or later (none: nothing).
pub(super) fn add_project_model(vault: &mut Vault, ids: &[i64]) -> Result<()> {
    for &id in ids {
        let fields = vault.client(id)?.fields;
        if fields.product == Some(ProductType::ProjectFinance) && fields.stage >= 3 {
            vault.save_project_model(id, &solar_input(), Language::Zh)?;
            return Ok(());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::project_finance::{model, CapitalTable};

    #[test]
    fn the_demo_solar_model_computes_without_warnings() {
        let m = model(&solar_input(), &CapitalTable::default(), Language::En).unwrap();
        assert_eq!(m.periods.len(), YEARS as usize);
        assert!(m.idc > Decimal::ZERO);
        assert!(m.warnings.is_empty(), "{:?}", m.warnings);
        let check = m.capital_check.unwrap();
        assert!(
            !check.short && check.equity_percent > dec(25, 0),
            "{check:?}"
        );
        assert!(m.min_dscr.unwrap() >= dec(130, 2));
        assert!(m.min_dscr_cn.is_some() && m.min_icr.is_some());
        assert!(m.periods.iter().all(|p| p.dsra.is_some()));
    }
}
