//! What the officer must see beside the model's figures, as `{code, message}`.
use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::labels::{fill, labelled};
use crate::prefs::Language;

labelled! {
    pub enum ModelWarning {
        /// A given debt, the construction's debt or the gearing cap leaves the cover below the
        /// target (sculpted: DSCR_s = NPV(CFADS) ÷ debt).
        DscrBelowTarget = "dscr_below_target" => (
            "最低偿债覆盖率 {{dscr}} 低于目标 {{target}}",
            "The minimum DSCR {{dscr}} is below the target {{target}}"
        ),
        /// The debt is more of the total uses than the maximum gearing allows.
        GearingAboveMax = "gearing_above_max" => (
            "债务占总投资 {{gearing}}%，超过上限 {{max}}%",
            "Debt is {{gearing}} % of total uses, above the maximum {{max}} %"
        ),
        /// Some periods' cash (after any DSRA draw) does not cover their debt service.
        CashShortfall = "cash_shortfall" => (
            "第 {{periods}} 期现金流不足以偿还当期本息",
            "Cash does not cover the debt service in period(s) {{periods}}"
        ),
        /// Sculpting needs a negative principal (the balance grows) in some periods.
        NegativePrincipal = "negative_principal" => (
            "第 {{periods}} 期塑形本金为负（余额上升）",
            "Sculpted principal is negative (the balance grows) in period(s) {{periods}}"
        ),
        /// The 资本金 share is below the industry's minimum (国发〔2015〕51号).
        EquityShort = "equity_short" => (
            "资本金比例 {{equity}}% 低于该行业最低要求 {{required}}%",
            "Equity is {{equity}} % of total investment, below the industry minimum {{required}} %"
        ),
    }
}

/// One warning with its figures; `message` in the language asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PfWarning {
    pub code: ModelWarning,
    pub message: String,
    pub params: BTreeMap<String, String>,
}

impl PfWarning {
    pub fn new(code: ModelWarning, params: &[(&str, String)], lang: Language) -> PfWarning {
        let params: BTreeMap<String, String> = params
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        PfWarning {
            code,
            message: fill(code.text().get(lang), &params),
            params,
        }
    }
}
