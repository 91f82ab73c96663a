//! 流动资金贷款需求测算, as the annex of 《流动资金贷款管理办法》(原银监会令2010年第1号；
//! 国家金融监督管理总局令2024年第2号 keeps it) estimates it:
//!
//! 营运资金周转次数 = 360 / (存货周转天数 + 应收账款周转天数 − 应付账款周转天数
//!                    + 预付账款周转天数 − 预收账款周转天数)
//! 营运资金量 = 上年度销售收入 × (1 − 上年度销售利润率) × (1 + 预计销售收入年增长率)
//!              / 营运资金周转次数
//! 新增流动资金贷款额度 = 营运资金量 − 借款人自有资金 − 现有流动资金贷款 − 其他渠道提供的营运资金
//!
//! Exact decimals: the working capital is computed from the sum of the days (÷ 360 rather than
//! ÷ the rounded turnover), then rounded half away from zero to the fen; the turnover is shown
//! to 4 places. A need below zero is reported as 0 with a warning, never as a negative loan.
use rusqlite::{params, OptionalExtension};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ratios, Ratio, RatioKind, Thresholds};
use crate::documents::StatementLine as L;
use crate::error::{Error, Result};
use crate::labels::labelled;
use crate::rule::Rule;
use crate::Vault;

/// Everything the formula takes (the CLI's `--input` file: every key required).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct WcNeedInput {
    /// 上年度销售收入.
    #[ts(type = "string")]
    pub revenue: Decimal,
    /// 上年度销售利润率, in percent.
    #[ts(type = "string")]
    pub net_margin_percent: Decimal,
    /// 预计销售收入年增长率, in percent.
    #[ts(type = "string")]
    pub growth_percent: Decimal,
    #[ts(type = "string")]
    pub inventory_days: Decimal,
    #[ts(type = "string")]
    pub receivable_days: Decimal,
    #[ts(type = "string")]
    pub payable_days: Decimal,
    #[ts(type = "string")]
    pub prepaid_days: Decimal,
    #[ts(type = "string")]
    pub advance_days: Decimal,
    /// 借款人自有资金 (may be negative: current liabilities above current assets).
    #[ts(type = "string")]
    pub own_funds: Decimal,
    /// 现有流动资金贷款.
    #[ts(type = "string")]
    pub existing_wc_loans: Decimal,
    /// 其他渠道提供的营运资金.
    #[ts(type = "string")]
    pub other_funds: Decimal,
}

labelled! {
    /// Something the officer must see beside the need.
    pub enum WcNeedWarning {
        /// The funds at hand exceed the working capital: no new loan is needed.
        NegativeNeed = "negative_need" => (
            "测算结果为负：自有及现有资金已满足营运资金需求，新增额度按 0 计",
            "The calculation is negative: own and existing funds cover the working capital, so the new need is 0"
        ),
        /// The proposed working-capital loan is larger than the need.
        AboveNeed = "above_need" => ("申请金额超过测算需求", "The amount applied for exceeds the calculated need"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WcNeed {
    pub input: WcNeedInput,
    /// 营运资金周转次数, 4 decimals.
    #[ts(type = "string")]
    pub turnover: Decimal,
    /// 营运资金量, to the fen.
    #[ts(type = "string")]
    pub working_capital: Decimal,
    /// 新增流动资金贷款额度, to the fen, never below 0.
    #[ts(type = "string")]
    pub new_need: Decimal,
    pub warnings: Vec<WcNeedWarning>,
}

/// Rounded and written with exactly `dp` places ("4.0000", "2280.00"), as the contract reads.
fn round(d: Decimal, dp: u32) -> Decimal {
    let mut d = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(dp);
    d
}

fn overflow() -> Error {
    Error::invalid("revenue", Rule::OutOfRange)
}

/// The need from its inputs; bad inputs (a negative revenue, days summing to 0 or less, a
/// margin or growth of −100 % or beyond) are refused.
pub fn wc_need(input: &WcNeedInput) -> Result<WcNeed> {
    let hundred = Decimal::ONE_HUNDRED;
    if input.revenue < Decimal::ZERO {
        return Err(Error::invalid("revenue", Rule::NotNegative));
    }
    let below_hundred = Rule::Range {
        min: "-100".into(),
        max: "100".into(),
    };
    if input.net_margin_percent >= hundred || input.net_margin_percent <= -hundred {
        return Err(Error::invalid("net_margin_percent", below_hundred));
    }
    if input.growth_percent <= -hundred {
        return Err(Error::invalid(
            "growth_percent",
            Rule::Range {
                min: "-100".into(),
                max: "1000".into(),
            },
        ));
    }
    for (field, days) in [
        ("inventory_days", input.inventory_days),
        ("receivable_days", input.receivable_days),
        ("payable_days", input.payable_days),
        ("prepaid_days", input.prepaid_days),
        ("advance_days", input.advance_days),
    ] {
        if days < Decimal::ZERO {
            return Err(Error::invalid(field, Rule::NotNegative));
        }
    }
    for (field, amount) in [
        ("existing_wc_loans", input.existing_wc_loans),
        ("other_funds", input.other_funds),
    ] {
        if amount < Decimal::ZERO {
            return Err(Error::invalid(field, Rule::NotNegative));
        }
    }
    let cycle = input.inventory_days + input.receivable_days - input.payable_days
        + input.prepaid_days
        - input.advance_days;
    if cycle <= Decimal::ZERO {
        return Err(Error::invalid("days", Rule::Positive));
    }
    let days_in_year = Decimal::from(360);
    let turnover = days_in_year.checked_div(cycle).ok_or_else(overflow)?;
    let kept = (hundred - input.net_margin_percent) / hundred;
    let grown = (hundred + input.growth_percent) / hundred;
    let working_capital = input
        .revenue
        .checked_mul(kept)
        .and_then(|x| x.checked_mul(grown))
        .and_then(|x| x.checked_mul(cycle))
        .and_then(|x| x.checked_div(days_in_year))
        .ok_or_else(overflow)?;
    let working_capital = round(working_capital, 2);
    let need = working_capital - input.own_funds - input.existing_wc_loans - input.other_funds;
    let mut warnings = Vec::new();
    if need < Decimal::ZERO {
        warnings.push(WcNeedWarning::NegativeNeed);
    }
    Ok(WcNeed {
        input: input.clone(),
        turnover: round(turnover, 4),
        working_capital,
        new_need: round(need.max(Decimal::ZERO), 2),
        warnings,
    })
}

/// What the officer enters; a day count left empty comes from the statements.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WcNeedAssumptions {
    #[ts(type = "string")]
    pub growth_percent: Decimal,
    /// None: the latest year's current assets − current liabilities.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub own_funds: Option<Decimal>,
    #[serde(default)]
    #[ts(type = "string")]
    pub existing_wc_loans: Decimal,
    #[serde(default)]
    #[ts(type = "string")]
    pub other_funds: Decimal,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub inventory_days: Option<Decimal>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub receivable_days: Option<Decimal>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub payable_days: Option<Decimal>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub prepaid_days: Option<Decimal>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub advance_days: Option<Decimal>,
}

/// What the client's latest statements give the calculation (each None when a line is
/// missing), to prefill the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WcNeedFromStatements {
    /// The latest imported year (上年度).
    pub year: i32,
    #[ts(type = "string | null")]
    pub revenue: Option<Decimal>,
    #[ts(type = "string | null")]
    pub net_margin_percent: Option<Decimal>,
    #[ts(type = "string | null")]
    pub inventory_days: Option<Decimal>,
    #[ts(type = "string | null")]
    pub receivable_days: Option<Decimal>,
    #[ts(type = "string | null")]
    pub payable_days: Option<Decimal>,
    #[ts(type = "string | null")]
    pub prepaid_days: Option<Decimal>,
    #[ts(type = "string | null")]
    pub advance_days: Option<Decimal>,
    /// Current assets − current liabilities.
    #[ts(type = "string | null")]
    pub own_funds: Option<Decimal>,
    /// Every day count found is on average balances (the year before is imported with its
    /// lines); false when any is on the closing balance alone.
    pub averaged: bool,
}

fn value(ratios: &[Ratio], kind: RatioKind) -> Option<Decimal> {
    ratios.iter().find(|r| r.kind == kind).and_then(|r| r.value)
}

impl Vault {
    /// The figures of the client's latest two years the calculation uses; None without a
    /// statement.
    pub fn wc_need_from_statements(&self, client_id: i64) -> Result<Option<WcNeedFromStatements>> {
        self.client(client_id)?;
        let years = self.financial_years(client_id)?;
        let Some(latest) = years.first() else {
            return Ok(None);
        };
        let prior = years.get(1).filter(|p| p.year == latest.year - 1);
        let r = ratios(latest, prior, &Thresholds::default(), None);
        let own_funds = latest
            .get(L::CurrentAssets)
            .zip(latest.get(L::CurrentLiabilities))
            .map(|(a, l)| a - l);
        Ok(Some(WcNeedFromStatements {
            year: latest.year,
            revenue: latest.get(L::Revenue),
            net_margin_percent: value(&r, RatioKind::NetMargin),
            inventory_days: value(&r, RatioKind::InventoryDays),
            receivable_days: value(&r, RatioKind::ReceivableDays),
            payable_days: value(&r, RatioKind::PayableDays),
            prepaid_days: value(&r, RatioKind::PrepaidDays),
            advance_days: value(&r, RatioKind::AdvanceDays),
            own_funds,
            averaged: r
                .iter()
                .filter(|r| r.unit == super::RatioUnit::Days && r.value.is_some())
                .all(|r| r.basis == Some(super::BalanceBasis::Average)),
        }))
    }

    /// The need from the client's statements and `assumptions`: a figure the statements lack
    /// and the officer did not enter is refused, naming the statement line it needs.
    pub fn client_wc_need(
        &self,
        client_id: i64,
        assumptions: &WcNeedAssumptions,
    ) -> Result<WcNeed> {
        let found = self
            .wc_need_from_statements(client_id)?
            .ok_or_else(|| Error::invalid("statement", Rule::Required))?;
        let need = |field: &'static str, v: Option<Decimal>, line: L| {
            v.ok_or_else(|| Error::invalid(field, Rule::StatementLineMissing { line }))
        };
        let a = assumptions;
        // An optional balance line left out of the statement is taken as none held: prepaid
        // and advance days are often absent for a manufacturer paid on account.
        let days_or_zero = |entered: Option<Decimal>, found: Option<Decimal>| {
            entered.or(found).unwrap_or(Decimal::ZERO)
        };
        let input = WcNeedInput {
            revenue: need("revenue", found.revenue, L::Revenue)?,
            net_margin_percent: need("net_margin_percent", found.net_margin_percent, L::NetProfit)?,
            growth_percent: a.growth_percent,
            inventory_days: need(
                "inventory_days",
                a.inventory_days.or(found.inventory_days),
                L::CostOfSales,
            )?,
            receivable_days: need(
                "receivable_days",
                a.receivable_days.or(found.receivable_days),
                L::AccountsReceivable,
            )?,
            payable_days: need(
                "payable_days",
                a.payable_days.or(found.payable_days),
                L::AccountsPayable,
            )?,
            prepaid_days: days_or_zero(a.prepaid_days, found.prepaid_days),
            advance_days: days_or_zero(a.advance_days, found.advance_days),
            own_funds: need(
                "own_funds",
                a.own_funds.or(found.own_funds),
                L::CurrentAssets,
            )?,
            existing_wc_loans: a.existing_wc_loans,
            other_funds: a.other_funds,
        };
        wc_need(&input)
    }

    /// The need a working-capital proposal argues from: the saved assumptions on the client's
    /// statements, flagged when the proposed scenario's principal is above it. None when the
    /// client's product is not a working-capital loan or nothing is saved yet.
    pub fn proposal_wc_need(&self, client_id: i64) -> Result<Option<WcNeed>> {
        let client = self.client(client_id)?;
        if client.fields.product != Some(crate::clients::ProductType::WorkingCapital) {
            return Ok(None);
        }
        let Some(assumptions) = self.wc_need_assumptions(client_id)? else {
            return Ok(None);
        };
        // Saved once, the statements may since have changed (a year removed): no section
        // then, rather than a refused export.
        let Ok(mut need) = self.client_wc_need(client_id, &assumptions) else {
            return Ok(None);
        };
        let proposed = self
            .loan_scenarios(client_id)?
            .into_iter()
            .find(|s| s.proposed);
        if proposed.is_some_and(|s| s.terms.principal > need.new_need) {
            need.warnings.push(WcNeedWarning::AboveNeed);
        }
        Ok(Some(need))
    }

    /// The assumptions last saved for the client (None: never saved).
    pub fn wc_need_assumptions(&self, client_id: i64) -> Result<Option<WcNeedAssumptions>> {
        let json: Option<String> = self
            .conn()
            .query_row(
                "SELECT assumptions FROM wc_need_assumptions WHERE client_id = ?1",
                [client_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }

    /// Saves the assumptions once they compute: a set that is refused stores nothing.
    pub fn save_wc_need_assumptions(
        &mut self,
        client_id: i64,
        assumptions: &WcNeedAssumptions,
    ) -> Result<WcNeed> {
        let need = self.client_wc_need(client_id, assumptions)?;
        let json = serde_json::to_string(assumptions).map_err(|e| Error::Io(e.into()))?;
        let now = self.clock().stamp();
        self.conn().execute(
            "INSERT INTO wc_need_assumptions (client_id, assumptions, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (client_id) DO UPDATE SET assumptions = ?2, saved_at = ?3",
            params![client_id, json, now],
        )?;
        Ok(need)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn example() -> WcNeedInput {
        WcNeedInput {
            revenue: dec("8000"),
            net_margin_percent: dec("5"),
            growth_percent: dec("20"),
            inventory_days: dec("90"),
            receivable_days: dec("60"),
            payable_days: dec("45"),
            prepaid_days: dec("0"),
            advance_days: dec("15"),
            own_funds: dec("500"),
            existing_wc_loans: dec("700"),
            other_funds: dec("0"),
        }
    }

    #[test]
    fn the_issues_example_needs_1080() {
        // 90 + 60 − 45 + 0 − 15 = 90 days → 4 turns; 8,000 × 0.95 × 1.2 / 4 = 2,280.
        let n = wc_need(&example()).unwrap();
        assert_eq!(n.turnover.to_string(), "4.0000");
        assert_eq!(n.working_capital.to_string(), "2280.00");
        assert_eq!(n.new_need.to_string(), "1080.00");
        assert!(n.warnings.is_empty());
    }

    #[test]
    fn funds_above_the_working_capital_need_nothing_and_say_so() {
        let n = wc_need(&WcNeedInput {
            own_funds: dec("2000"),
            ..example()
        })
        .unwrap();
        // 2,280 − 2,000 − 700 = −420: shown as 0.
        assert_eq!(n.new_need.to_string(), "0.00");
        assert_eq!(n.warnings, [WcNeedWarning::NegativeNeed]);
    }

    #[test]
    fn the_turnover_shows_four_places_and_the_capital_uses_the_exact_days() {
        // 70 days: 360 / 70 = 5.142857… → 5.1429; 8,000 × 0.95 × 1.2 × 70 / 360 = 1,773.333… →
        // 1,773.33 (÷ 5.1429 would give 1,773.32).
        let n = wc_need(&WcNeedInput {
            inventory_days: dec("70"),
            receivable_days: dec("30"),
            payable_days: dec("30"),
            advance_days: dec("0"),
            ..example()
        })
        .unwrap();
        assert_eq!(n.turnover, dec("5.1429"));
        assert_eq!(n.working_capital, dec("1773.33"));
    }

    #[test]
    fn bad_inputs_are_refused() {
        let refused = |input: WcNeedInput, field: &str| {
            let e = wc_need(&input).unwrap_err();
            assert!(
                matches!(&e, Error::Validation { field: f, .. } if f == field),
                "{e:?}"
            );
        };
        refused(
            WcNeedInput {
                revenue: dec("-1"),
                ..example()
            },
            "revenue",
        );
        refused(
            WcNeedInput {
                payable_days: dec("150"),
                ..example()
            },
            "days",
        );
        refused(
            WcNeedInput {
                net_margin_percent: dec("100"),
                ..example()
            },
            "net_margin_percent",
        );
        refused(
            WcNeedInput {
                growth_percent: dec("-100"),
                ..example()
            },
            "growth_percent",
        );
        refused(
            WcNeedInput {
                other_funds: dec("-1"),
                ..example()
            },
            "other_funds",
        );
    }
}
