//! The template's keys: the `inputs` rows, the `series` and `construction` columns, each with
//! its label in both languages. One table for the reader and the generator, so the file and
//! what reads it cannot drift apart.
use super::super::capital::CapitalCategory;
use super::super::input::{DrawTimingKey, DsraFunding, Repayment};
use crate::labels::Text;

/// What a scalar's cell holds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Decimal,
    Whole,
    Repayment,
    DsraFunding,
    DrawTiming,
    Capital,
}

impl Kind {
    /// The accepted words of a choice, with their labels.
    pub(super) fn choices(self) -> Vec<(&'static str, Text)> {
        match self {
            Kind::Decimal | Kind::Whole => Vec::new(),
            Kind::Repayment => Repayment::ALL
                .iter()
                .map(|c| (c.as_str(), c.text()))
                .collect(),
            Kind::DsraFunding => DsraFunding::ALL
                .iter()
                .map(|c| (c.as_str(), c.text()))
                .collect(),
            Kind::DrawTiming => DrawTimingKey::ALL
                .iter()
                .map(|c| (c.as_str(), c.text()))
                .collect(),
            Kind::Capital => CapitalCategory::ALL
                .iter()
                .map(|c| (c.as_str(), c.text()))
                .collect(),
        }
    }
}

/// One row of the `inputs` sheet: its key, what it holds, its label, the template's example.
pub(super) struct Scalar {
    pub key: &'static str,
    pub kind: Kind,
    pub label: Text,
    pub example: Option<&'static str>,
}

const fn scalar(key: &'static str, kind: Kind, zh: &'static str, en: &'static str) -> Scalar {
    Scalar {
        key,
        kind,
        label: Text::new(zh, en),
        example: None,
    }
}

const fn example(s: Scalar, value: &'static str) -> Scalar {
    Scalar {
        example: Some(value),
        ..s
    }
}

/// The `inputs` sheet's keys, in the template's order (the JSON's keys, nested ones dotted).
/// The example is issue 17's: CFADS 100…140 a year at 6 %, sized to a DSCR of 1.30.
pub(super) const SCALARS: [Scalar; 16] = [
    example(
        scalar(
            "periods_per_year",
            Kind::Whole,
            "每年运营期数：1（按年）、2（半年）或 4（按季）",
            "Operation periods a year: 1 (annual), 2 (half-yearly) or 4 (quarterly)",
        ),
        "1",
    ),
    example(
        scalar(
            "rate_percent",
            Kind::Decimal,
            "优先级贷款年利率（%）",
            "Senior debt annual interest rate (%)",
        ),
        "6",
    ),
    example(
        scalar(
            "target_dscr",
            Kind::Decimal,
            "目标偿债覆盖率（DSCR）：按此测算贷款额并塑形还款",
            "Target DSCR: the debt is sized and its repayments sculpted to it",
        ),
        "1.30",
    ),
    example(
        scalar(
            "repayment",
            Kind::Repayment,
            "还款方式（留空为 sculpted）",
            "Repayment (empty: sculpted)",
        ),
        "sculpted",
    ),
    scalar(
        "tenor_periods",
        Kind::Whole,
        "还款期数（留空为全部运营期）",
        "Repayment periods (empty: every operation period)",
    ),
    scalar(
        "debt",
        Kind::Decimal,
        "给定贷款金额（留空则按现金流测算）",
        "A given debt amount (empty: sized to the CFADS)",
    ),
    scalar(
        "total_uses",
        Kind::Decimal,
        "总投资：最高贷款比例与资本金比例的基数",
        "Total investment: the base of the gearing cap and of the equity share",
    ),
    scalar(
        "max_gearing_percent",
        Kind::Decimal,
        "最高贷款比例（%，需填写总投资）",
        "Maximum gearing (%; needs total_uses)",
    ),
    scalar(
        "capital_category",
        Kind::Capital,
        "资本金类别（国发〔2015〕51号，需填写总投资）",
        "Project category for the minimum equity (国发〔2015〕51号; needs total_uses)",
    ),
    scalar(
        "dsra_months",
        Kind::Whole,
        "偿债储备账户覆盖月数（0–36，留空为不设）",
        "Debt service reserve: months of debt service (0–36; empty: none)",
    ),
    scalar(
        "dsra_funding",
        Kind::DsraFunding,
        "偿债储备账户资金来源（留空为 cod）",
        "Where the reserve is funded from (empty: cod)",
    ),
    scalar(
        "sweep.percent",
        Kind::Decimal,
        "现金扫款比例（%）：偿债后余额中用于提前还款的部分",
        "Cash sweep (%): the share of the cash left after debt service that prepays the debt",
    ),
    scalar(
        "sweep.lockup_dscr",
        Kind::Decimal,
        "锁定 DSCR：当期 DSCR 低于此值时现金留存，不扫款也不分配",
        "Lock-up DSCR: below it the period's cash is trapped, neither swept nor distributed",
    ),
    scalar(
        "construction.periods_per_year",
        Kind::Whole,
        "建设期每年期数：12（按月）或 4（按季），亦可 1、2",
        "Construction periods a year: 12 (monthly) or 4 (quarterly); 1 and 2 too",
    ),
    scalar(
        "construction.rate_percent",
        Kind::Decimal,
        "建设期贷款年利率（%）",
        "Construction loan annual interest rate (%)",
    ),
    scalar(
        "construction.draw_timing",
        Kind::DrawTiming,
        "提款时点",
        "When each period's draw is made",
    ),
];

/// The `series` sheet's columns: the period, then the JSON's lists (one figure per period).
pub(super) const SERIES: [(&str, Text); 9] = [
    ("period", Text::new("期数", "Period")),
    (
        "cfads",
        Text::new(
            "可用于偿债的现金流",
            "Cash flow available for debt service (CFADS)",
        ),
    ),
    (
        "ebitda",
        Text::new(
            "息税折旧摊销前利润（偿债备付率）",
            "EBITDA (for 偿债备付率)",
        ),
    ),
    ("tax", Text::new("所得税", "Tax")),
    (
        "ebit",
        Text::new("息税前利润（利息备付率）", "EBIT (for 利息备付率)"),
    ),
    (
        "revenue",
        Text::new(
            "营业收入（cfads 为空时据此计算现金流）",
            "Revenue (builds the CFADS when cfads is empty)",
        ),
    ),
    ("opex", Text::new("经营成本", "Operating costs")),
    (
        "working_capital_change",
        Text::new("营运资金增加", "Increase in working capital"),
    ),
    (
        "maintenance_capex",
        Text::new("维持性资本开支", "Maintenance capital expenditure"),
    ),
];

pub(super) const CONSTRUCTION: [(&str, Text); 2] = [
    ("period", Text::new("期数", "Period")),
    ("draws", Text::new("建设期提款额", "Drawn in the period")),
];

/// The template's example CFADS.
pub(super) const EXAMPLE_CFADS: [&str; 5] = ["100", "110", "120", "130", "140"];

pub(super) const INPUTS: &str = "inputs";
pub(super) const SERIES_SHEET: &str = "series";
pub(super) const CONSTRUCTION_SHEET: &str = "construction";
