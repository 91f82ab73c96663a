//! The proposal's credit analysis (issue 15): under the client summary, the financial analysis
//! (财务分析) an approver reads first — the spread of the client's ratios with the years as
//! columns (at most the last three, oldest first), each year's change on the year before,
//! breaches of the bank's thresholds marked, and the operating cycle in days beside it; under
//! the financing needs of a working-capital loan, the need calculation of 《流动资金贷款管理办法》
//! (流动资金贷款需求测算) with every input and where it came from, and the flag when the amount
//! applied for is above the need.
//!
//! Without a statement the analysis says that none is imported, and a working-capital
//! proposal without a saved calculation says that none was made: an approver must see that
//! they are missing, not wonder whether the software left them out.
//!
//! [`Vault::proposal_credit`] gathers it (the export calls it); [`analysis`] and [`need`]
//! print it and read nothing but their inputs. Every label is here, in both languages, beside
//! the code that prints it.
use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::amount::AmountUnit;
use crate::analysis::{
    BalanceBasis, Bound, CreditAnalysis, RatioKind, RatioStatus, RatioUnit, WcNeed,
    WcNeedAssumptions, WcNeedFromStatements, WcNeedWarning, YearRatios,
};
use crate::clients::ProductType;
use crate::labels::{fill, Text};
use crate::loans::Schedule;
use crate::pdf::layout::{Align, Style, Writer, ACCENT, BODY, CAPTION, LEFT, NOTE, WIDTH};
use crate::pdf::numbers::money;
use crate::pdf::table::{Column, RowKind, Table};
use crate::pdf::{text, Lang};
use crate::prefs::Language;
use crate::{Result, Vault};

const ANALYSIS: Text = Text::new("财务分析", "Financial analysis");
const NO_STATEMENTS: Text = Text::new(
    "未导入财务报表，无财务分析。",
    "No financial statements imported: no financial analysis.",
);
const KEY_RATIOS: Text = Text::new("主要财务指标", "Key ratios");
const CYCLE: Text = Text::new("营运周期（天）", "Operating cycle (days)");
const COL_RATIO: Text = Text::new("指标", "Ratio");
const COL_UNIT: Text = Text::new("单位", "Unit");
const COL_CHANGE: Text = Text::new("同比", "YoY");
const COL_THRESHOLD: Text = Text::new("阈值", "Threshold");
/// Marks a value outside its threshold; the legend says so.
const BREACH_MARK: &str = "▲";
const LEGEND: Text = Text::new(
    "▲ 超出阈值。同比：与上年之差（百分比指标为百分点）。周转天数按一年 360 天计算，余额取期初期末平均。",
    "▲ breach of the threshold. YoY: the change on the year before (in percentage points for a percentage). Turnover days on a 360-day year, on the average of opening and closing balances.",
);
/// After the years whose turnovers and returns are on closing balances (marked * in the header).
const CLOSING: Text = Text::new(
    "* {{years}} 年无上年数据，周转天数及净资产收益率按期末余额计算。",
    "* {{years}}: no prior year imported, so the turnover days and the return on equity use closing balances.",
);
const DSCR_NOTE: Text = Text::new(
    "偿债覆盖率 = EBITDA（或经营活动现金流量净额）÷ 建议方案年度还本付息额 {{amount}}（第 {{year}} 个贷款年度，还款最多的一年）。",
    "DSCR = EBITDA (or operating cash flow) ÷ the proposed loan's annual debt service, {{amount}} (loan year {{year}}, the heaviest).",
);
const CYCLE_NOTE: Text = Text::new(
    "现金周期 = 应收账款周转天数 + 存货周转天数 − 应付账款周转天数。",
    "Cash conversion cycle = receivable days + inventory days − payable days.",
);

const NEED: Text = Text::new("流动资金贷款需求测算", "Working-capital loan need");
const NO_NEED: Text = Text::new(
    "未提供流动资金贷款需求测算。",
    "No working-capital loan need was calculated.",
);
const NEED_NOTE: Text = Text::new(
    "按《流动资金贷款管理办法》附件的测算方法，一年按 360 天计。",
    "As the annex of the PRC Working Capital Loan Measures estimates it, on a 360-day year.",
);
const COL_ITEM: Text = Text::new("项目", "Item");
const COL_VALUE: Text = Text::new("数值", "Value");
const COL_BASIS: Text = Text::new("依据", "Source");
const REVENUE: Text = Text::new("上年度销售收入（元）", "Last year's revenue (yuan)");
const MARGIN: Text = Text::new("上年度销售利润率（%）", "Last year's net margin (%)");
const GROWTH: Text = Text::new("预计销售收入年增长率（%）", "Expected revenue growth (%)");
const TURNOVER: Text = Text::new("营运资金周转次数（次）", "Working-capital turnover (times)");
const WORKING_CAPITAL: Text = Text::new("营运资金量（元）", "Working capital (yuan)");
const OWN_FUNDS: Text = Text::new("借款人自有资金（元）", "Borrower's own funds (yuan)");
const EXISTING: Text = Text::new(
    "现有流动资金贷款（元）",
    "Existing working-capital loans (yuan)",
);
const OTHER: Text = Text::new(
    "其他渠道提供的营运资金（元）",
    "Funds from other sources (yuan)",
);
const NEW_NEED: Text = Text::new(
    "新增流动资金贷款额度（元）",
    "New working-capital loan need (yuan)",
);
const FROM_REVENUE: Text = Text::new("{{year}} 年报表：营业收入", "{{year}} statements: revenue");
const FROM_MARGIN: Text = Text::new(
    "{{year}} 年报表：净利润 ÷ 营业收入",
    "{{year}} statements: net profit ÷ revenue",
);
const FROM_DAYS_AVERAGE: Text = Text::new(
    "{{year}} 年报表，期初期末平均余额",
    "{{year}} statements, average balances",
);
const FROM_DAYS_CLOSING: Text = Text::new(
    "{{year}} 年报表，期末余额",
    "{{year}} statements, closing balances",
);
const NOT_IN_STATEMENTS: Text = Text::new("报表无此科目，按 0 计", "Not in the statements: 0");
const FROM_OWN_FUNDS: Text = Text::new(
    "{{year}} 年报表：流动资产 − 流动负债",
    "{{year}} statements: current assets − current liabilities",
);
const ENTERED: Text = Text::new("客户经理录入", "Entered by the officer");
const ESTIMATED: Text = Text::new("客户经理预计", "The officer's estimate");
const TURNOVER_FORMULA: Text = Text::new(
    "360 ÷（存货 + 应收 − 应付 + 预付 − 预收周转天数）",
    "360 ÷ (inventory + receivable − payable + prepaid − advance)",
);
const CAPITAL_FORMULA: Text = Text::new(
    "销售收入 ×（1 − 销售利润率）×（1 + 增长率）÷ 周转次数",
    "revenue × (1 − margin) × (1 + growth) ÷ turnover",
);
const NEED_FORMULA: Text = Text::new(
    "营运资金量 − 自有资金 − 现有流动资金贷款 − 其他渠道资金",
    "working capital − own funds − existing loans − other funds",
);
const ABOVE_DETAIL: Text = Text::new(
    "：申请金额 {{amount}}，测算的新增流动资金贷款额度 {{need}}，超出 {{over}}。",
    ": {{amount}} applied for against a calculated need of {{need}}, {{over}} above it.",
);

/// Most years the spread shows side by side.
const MAX_YEARS: usize = 3;
/// The table's cell padding on each side (table.rs).
const PAD_X: f32 = 4.0;
const SPREAD_SIZE: f32 = 8.0;
const SPREAD_MIN_SIZE: f32 = 7.0;
/// The ratio labels' column never gets narrower than this, nor wider than its maximum.
const LABEL_MIN: f32 = 112.0;
const LABEL_MAX: f32 = 190.0;

/// What the proposal prints of the client's financial analysis and loan need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ProposalCredit {
    /// Every imported year, latest first.
    analysis: CreditAnalysis,
    /// The client's product is a working-capital loan: the need is printed, or that none was
    /// made.
    working_capital: bool,
    need: Option<NeedShown>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct NeedShown {
    need: WcNeed,
    /// What the officer entered (a day count left empty came from the statements).
    assumptions: WcNeedAssumptions,
    /// What the statements gave, for where each input came from.
    found: WcNeedFromStatements,
}

impl Vault {
    /// The client's spread and, for a working-capital loan, the need with its flags.
    pub(crate) fn proposal_credit(&self, client_id: i64) -> Result<ProposalCredit> {
        let client = self.client(client_id)?;
        let working_capital = client.fields.product == Some(ProductType::WorkingCapital);
        let analysis = self.credit_analysis(client_id)?;
        let need = match self.proposal_wc_need(client_id)? {
            Some(need) => {
                let assumptions = self.wc_need_assumptions(client_id)?;
                let found = self.wc_need_from_statements(client_id)?;
                assumptions
                    .zip(found)
                    .map(|(assumptions, found)| NeedShown {
                        need,
                        assumptions,
                        found,
                    })
            }
            None => None,
        };
        Ok(ProposalCredit {
            analysis,
            working_capital,
            need,
        })
    }
}

fn t(lang: Lang, text: Text) -> &'static str {
    text.get(Language::from(lang))
}

fn filled(lang: Lang, template: Text, params: &[(&str, String)]) -> String {
    let params: BTreeMap<String, String> = params
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    fill(t(lang, template), &params)
}

/// A heading inside a numbered section, kept with the first `keep` points below it (the
/// security section's style).
fn subheading(w: &mut Writer, text: &str, keep: f32) {
    let style = Style::new(10.5, ACCENT).bold();
    w.gap(12.0);
    w.ensure(style.line_height() + 3.0 + keep);
    w.paragraph(text, style, LEFT, WIDTH);
    w.gap(3.0);
}

/// A caption and the table under it, never parted.
fn captioned(w: &mut Writer, caption: &str, table: &Table) {
    let keep = CAPTION.line_height() + 2.0 + w.table_start_height(table);
    w.ensure(keep);
    w.paragraph(caption, CAPTION, LEFT, WIDTH);
    w.gap(2.0);
    w.table(table);
}

fn note(w: &mut Writer, text: &str) {
    w.gap(2.0);
    w.paragraph(text, NOTE, LEFT, WIDTH);
}

/// `d` with thousands grouped and at least two decimals, all of them when it has more (an
/// entered 12.345 % is not shown as 12.35 %).
fn figure(d: Decimal) -> String {
    let d = d.normalize();
    if d.scale() <= 2 {
        return money(d);
    }
    let text = d.abs().to_string();
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let grouped = money(whole.parse().unwrap_or_default());
    let whole = grouped.trim_end_matches(".00");
    let sign = if d.is_sign_negative() { "-" } else { "" };
    format!("{sign}{whole}.{frac}")
}

fn signed(d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{}", money(d))
    } else {
        money(d)
    }
}

fn unit(lang: Lang, unit: RatioUnit) -> &'static str {
    match (lang, unit) {
        (_, RatioUnit::Percent) => "%",
        (Lang::Zh, RatioUnit::Times) => "倍",
        (Lang::En, RatioUnit::Times) => "×",
        (Lang::Zh, RatioUnit::Days) => "天",
        (Lang::En, RatioUnit::Days) => "days",
        (Lang::Zh, RatioUnit::Yuan) => "元",
        (Lang::En, RatioUnit::Yuan) => "yuan",
    }
}

/// What each column of the spread holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Label,
    Unit,
    Value,
    Change,
    Threshold,
}

/// The spread's columns: the label and unit, each year's value (with its change on the
/// year before from the second year shown on), the threshold.
fn layout(years: &[&YearRatios], lang: Lang) -> Vec<(Col, String)> {
    let mut cols = vec![
        (Col::Label, t(lang, COL_RATIO).to_owned()),
        (Col::Unit, t(lang, COL_UNIT).to_owned()),
    ];
    for (i, y) in years.iter().enumerate() {
        let closing = y
            .ratios
            .iter()
            .any(|r| r.basis == Some(BalanceBasis::Closing));
        let mark = if closing { "*" } else { "" };
        cols.push((Col::Value, format!("{}{mark}", y.year)));
        if i > 0 {
            cols.push((Col::Change, t(lang, COL_CHANGE).to_owned()));
        }
    }
    cols.push((Col::Threshold, t(lang, COL_THRESHOLD).to_owned()));
    cols
}

/// One row per ratio of `kinds` that has a value in at least one year shown (a row of dashes
/// only is left out: the DSCRs without a proposed loan, lines an older statement lacks).
fn spread_rows(lang: Lang, years: &[&YearRatios], kinds: &[RatioKind]) -> Vec<Vec<String>> {
    let dash = || "—".to_owned();
    let mut rows = Vec::new();
    for &kind in kinds {
        let of = |y: &YearRatios| y.ratios.iter().find(|r| r.kind == kind).cloned();
        let found: Vec<_> = years.iter().map(|y| of(y)).collect();
        if found
            .iter()
            .all(|r| r.as_ref().and_then(|r| r.value).is_none())
        {
            continue;
        }
        let mut cells = vec![
            t(lang, kind.text()).to_owned(),
            unit(lang, kind.unit()).to_owned(),
        ];
        for (i, r) in found.iter().enumerate() {
            let value = r.as_ref().and_then(|r| {
                let v = r.value?;
                Some(if r.status == RatioStatus::Breach {
                    format!("{BREACH_MARK} {}", money(v))
                } else {
                    money(v)
                })
            });
            cells.push(value.unwrap_or_else(dash));
            if i > 0 {
                let change = r.as_ref().and_then(|r| r.change).map(signed);
                cells.push(change.unwrap_or_else(dash));
            }
        }
        // The threshold of the latest year (the same Settings judge every year).
        let last = found.iter().rev().flatten().next();
        let threshold = last.and_then(|r| {
            let sign = match r.bound {
                Bound::AtLeast => "≥",
                Bound::AtMost => "≤",
            };
            r.threshold.map(|v| format!("{sign} {}", money(v)))
        });
        cells.push(threshold.unwrap_or_else(dash));
        rows.push(cells);
    }
    rows
}

/// The spread's type size and column widths, shared by its two tables so they line up: each
/// figure column as wide as its widest cell (the years' values alike, the changes alike), the
/// label the rest within its bounds, what is left over widening the figures. When three years
/// of large amounts leave the label less than its minimum, the type steps down (to 7 pt) before
/// the figures are squeezed into what is left.
fn widths(w: &mut Writer, cols: &[(Col, String)], tables: &[&[Vec<String>]]) -> (f32, Vec<f32>) {
    let mut size = SPREAD_SIZE;
    loop {
        let widths = natural_widths(w, size, cols, tables);
        let figures: f32 = widths
            .iter()
            .zip(cols)
            .filter(|(_, (c, _))| *c != Col::Label)
            .map(|(w, _)| w)
            .sum();
        if WIDTH - figures < LABEL_MIN && size > SPREAD_MIN_SIZE {
            size -= 0.5;
            continue;
        }
        let label = (WIDTH - figures).clamp(LABEL_MIN, LABEL_MAX);
        let scale = (WIDTH - label) / figures;
        let widths = widths
            .iter()
            .zip(cols)
            .map(|(width, (c, _))| {
                if *c == Col::Label {
                    label
                } else {
                    width * scale
                }
            })
            .collect();
        return (size, widths);
    }
}

/// Each column as wide as its widest cell or title at `size` (the label's is not used).
fn natural_widths(
    w: &mut Writer,
    size: f32,
    cols: &[(Col, String)],
    tables: &[&[Vec<String>]],
) -> Vec<f32> {
    let style = Style::new(size, crate::pdf::layout::INK);
    let mut need: Vec<f32> = cols
        .iter()
        .map(|(_, title)| w.measure(title, style.bold()))
        .collect();
    for rows in tables {
        for row in rows.iter() {
            for (i, cell) in row.iter().enumerate() {
                let width = w.measure(cell, style);
                if let Some(n) = need.get_mut(i) {
                    *n = n.max(width);
                }
            }
        }
    }
    for kind in [Col::Value, Col::Change] {
        let widest = cols
            .iter()
            .zip(&need)
            .filter(|((c, _), _)| *c == kind)
            .map(|(_, n)| *n)
            .fold(0.0, f32::max);
        for ((c, _), n) in cols.iter().zip(need.iter_mut()) {
            if *c == kind {
                *n = widest;
            }
        }
    }
    need.iter().map(|n| n + 2.0 * PAD_X + 2.0).collect()
}

fn spread_table(
    cols: &[(Col, String)],
    (size, widths): &(f32, Vec<f32>),
    rows: Vec<Vec<String>>,
) -> Table {
    let columns = cols
        .iter()
        .zip(widths)
        .map(|((c, title), &width)| {
            let align = match c {
                Col::Label | Col::Unit => Align::Left,
                _ => Align::Right,
            };
            Column::new(title, width, align)
        })
        .collect();
    Table {
        columns,
        header: true,
        rows: rows.into_iter().map(|r| (RowKind::Normal, r)).collect(),
        size: *size,
        zebra: true,
        label_columns: &[],
        compact: false,
    }
}

/// 财务分析, at the end of the client summary.
/// `unit`: the officer's unit for PDFs, which the annual debt service (a payment) follows.
pub(crate) fn analysis(
    w: &mut Writer,
    lang: Lang,
    c: &ProposalCredit,
    currency: &str,
    unit: Option<AmountUnit>,
) {
    let a = &c.analysis;
    if a.years.is_empty() {
        subheading(w, t(lang, ANALYSIS), BODY.line_height());
        w.paragraph(t(lang, NO_STATEMENTS), BODY, LEFT, WIDTH);
        return;
    }
    let mut years: Vec<&YearRatios> = a.years.iter().take(MAX_YEARS).collect();
    years.reverse();
    // The kinds in the order the analysis lists them; the days make the operating cycle.
    let kinds: Vec<RatioKind> = years[0].ratios.iter().map(|r| r.kind).collect();
    let (cycle, key): (Vec<RatioKind>, Vec<RatioKind>) =
        kinds.into_iter().partition(|k| k.unit() == RatioUnit::Days);
    let cols = layout(&years, lang);
    let key_rows = spread_rows(lang, &years, &key);
    let cycle_rows = spread_rows(lang, &years, &cycle);
    let sized = widths(w, &cols, &[&key_rows, &cycle_rows]);
    let shows_dscr = years
        .iter()
        .flat_map(|y| &y.ratios)
        .any(|r| matches!(r.kind, RatioKind::Dscr | RatioKind::DscrCashFlow) && r.value.is_some());
    let key_table = spread_table(&cols, &sized, key_rows);
    let cycle_table = spread_table(&cols, &sized, cycle_rows);

    let keep = CAPTION.line_height() + 2.0 + w.table_start_height(&key_table);
    subheading(w, t(lang, ANALYSIS), keep);
    captioned(w, t(lang, KEY_RATIOS), &key_table);
    if !cycle_table.rows.is_empty() {
        w.gap(8.0);
        captioned(w, t(lang, CYCLE), &cycle_table);
        note(w, t(lang, CYCLE_NOTE));
    }
    w.gap(2.0);
    note(w, t(lang, LEGEND));
    let closing: Vec<String> = years
        .iter()
        .filter(|y| {
            y.ratios
                .iter()
                .any(|r| r.basis == Some(BalanceBasis::Closing))
        })
        .map(|y| y.year.to_string())
        .collect();
    if !closing.is_empty() {
        let sep = if lang == Lang::Zh { "、" } else { ", " };
        note(w, &filled(lang, CLOSING, &[("years", closing.join(sep))]));
    }
    if let (Some(ds), true) = (&a.debt_service, shows_dscr) {
        let params = [
            ("amount", text::payment(lang, currency, ds.annual, unit)),
            ("year", ds.loan_year.to_string()),
        ];
        note(w, &filled(lang, DSCR_NOTE, &params));
    }
}

/// 流动资金贷款需求测算, under the financing needs of a working-capital proposal.
/// `unit`: the officer's unit for PDFs, in which the proposed principal is written.
pub(crate) fn need(
    w: &mut Writer,
    lang: Lang,
    c: &ProposalCredit,
    proposed: &Schedule,
    unit: Option<AmountUnit>,
) {
    if !c.working_capital {
        return;
    }
    let Some(shown) = &c.need else {
        subheading(w, t(lang, NEED), BODY.line_height());
        w.paragraph(t(lang, NO_NEED), BODY, LEFT, WIDTH);
        return;
    };
    let table = need_table(w, lang, shown, &c.analysis);
    let keep = NOTE.line_height() + 2.0 + w.table_start_height(&table);
    subheading(w, t(lang, NEED), keep);
    w.paragraph(t(lang, NEED_NOTE), NOTE, LEFT, WIDTH);
    w.gap(3.0);
    w.table(&table);
    let n = &shown.need;
    for warn in &n.warnings {
        let mut text = t(lang, warn.text()).to_owned();
        if *warn == WcNeedWarning::AboveNeed {
            let principal = proposed.terms.principal;
            let params = [
                (
                    "amount",
                    text::figure(lang, &proposed.terms.currency, principal, unit),
                ),
                ("need", money(n.new_need)),
                ("over", money(principal - n.new_need)),
            ];
            text.push_str(&filled(lang, ABOVE_DETAIL, &params));
        }
        w.warning(&text);
    }
}

fn need_table(w: &mut Writer, lang: Lang, shown: &NeedShown, analysis: &CreditAnalysis) -> Table {
    let (n, a, found) = (&shown.need, &shown.assumptions, &shown.found);
    let input = &n.input;
    let year = [("year", found.year.to_string())];
    let from = |text: Text| filled(lang, text, &year);
    let entered = || t(lang, ENTERED).to_owned();
    // The basis the latest year's days were computed on.
    let latest = analysis.years.iter().find(|y| y.year == found.year);
    let days_from =
        |kind: RatioKind, entered_days: Option<Decimal>, found_days: Option<Decimal>| {
            if entered_days.is_some() {
                return entered();
            }
            if found_days.is_none() {
                return t(lang, NOT_IN_STATEMENTS).to_owned();
            }
            let basis = latest
                .and_then(|y| y.ratios.iter().find(|r| r.kind == kind))
                .and_then(|r| r.basis);
            match basis {
                Some(BalanceBasis::Closing) => from(FROM_DAYS_CLOSING),
                _ => from(FROM_DAYS_AVERAGE),
            }
        };
    let days = |kind: RatioKind, value: Decimal, e: Option<Decimal>, f: Option<Decimal>| {
        vec![
            t(lang, kind.text()).to_owned(),
            figure(value),
            days_from(kind, e, f),
        ]
    };
    let row =
        |label: Text, value: String, basis: String| vec![t(lang, label).to_owned(), value, basis];
    use RatioKind::*;
    let rows = vec![
        row(REVENUE, money(input.revenue), from(FROM_REVENUE)),
        row(MARGIN, figure(input.net_margin_percent), from(FROM_MARGIN)),
        row(
            GROWTH,
            figure(input.growth_percent),
            t(lang, ESTIMATED).to_owned(),
        ),
        days(
            InventoryDays,
            input.inventory_days,
            a.inventory_days,
            found.inventory_days,
        ),
        days(
            ReceivableDays,
            input.receivable_days,
            a.receivable_days,
            found.receivable_days,
        ),
        days(
            PayableDays,
            input.payable_days,
            a.payable_days,
            found.payable_days,
        ),
        days(
            PrepaidDays,
            input.prepaid_days,
            a.prepaid_days,
            found.prepaid_days,
        ),
        days(
            AdvanceDays,
            input.advance_days,
            a.advance_days,
            found.advance_days,
        ),
        row(
            TURNOVER,
            format!("{:.4}", n.turnover),
            t(lang, TURNOVER_FORMULA).to_owned(),
        ),
        row(
            WORKING_CAPITAL,
            money(n.working_capital),
            t(lang, CAPITAL_FORMULA).to_owned(),
        ),
        row(
            OWN_FUNDS,
            figure(input.own_funds),
            if a.own_funds.is_some() {
                entered()
            } else {
                from(FROM_OWN_FUNDS)
            },
        ),
        row(EXISTING, figure(input.existing_wc_loans), entered()),
        row(OTHER, figure(input.other_funds), entered()),
    ];
    let mut rows: Vec<(RowKind, Vec<String>)> =
        rows.into_iter().map(|r| (RowKind::Normal, r)).collect();
    rows.push((
        RowKind::Total,
        row(
            NEW_NEED,
            money(n.new_need),
            t(lang, NEED_FORMULA).to_owned(),
        ),
    ));
    // The items and figures as wide as their widest cell, the sources the rest (at least half
    // the width: an item wraps before a source does).
    let size = 8.5;
    let mut widest = [0.0f32; 2];
    let titles = [t(lang, COL_ITEM), t(lang, COL_VALUE)];
    for (i, title) in titles.iter().enumerate() {
        widest[i] = w.measure(title, Style::new(size, ACCENT).bold());
    }
    for (kind, cells) in &rows {
        let style = Style::new(size, ACCENT);
        let style = if *kind == RowKind::Total {
            style.bold()
        } else {
            style
        };
        for (i, cell) in cells.iter().take(2).enumerate() {
            widest[i] = widest[i].max(w.measure(cell, style));
        }
    }
    // The figures kept clear of the sources beside them.
    let [label, value] = [
        widest[0] + 2.0 * PAD_X + 2.0,
        widest[1] + 2.0 * PAD_X + 12.0,
    ];
    let label = label.min(WIDTH / 2.0 - value);
    Table {
        columns: vec![
            Column::new(t(lang, COL_ITEM), label, Align::Left),
            Column::new(t(lang, COL_VALUE), value, Align::Right),
            Column::new(t(lang, COL_BASIS), WIDTH - label - value, Align::Left),
        ],
        header: true,
        rows,
        size,
        zebra: true,
        label_columns: &[],
        compact: false,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::labels::placeholders;

    #[test]
    fn figures_keep_their_places_and_group_thousands() {
        let f = |s: &str| figure(s.parse().unwrap());
        assert_eq!(f("12.5"), "12.50");
        assert_eq!(f("12.345"), "12.345");
        assert_eq!(f("1234567.125"), "1,234,567.125");
        assert_eq!(f("-1234.5"), "-1,234.50");
        assert_eq!(f("0"), "0.00");
        assert_eq!(signed("0.07".parse().unwrap()), "+0.07");
        assert_eq!(signed("-5".parse().unwrap()), "-5.00");
        assert_eq!(signed(Decimal::ZERO), "0.00");
    }

    #[test]
    fn every_label_has_both_languages_with_the_same_placeholders() {
        let all = [
            ANALYSIS,
            NO_STATEMENTS,
            KEY_RATIOS,
            CYCLE,
            COL_RATIO,
            COL_UNIT,
            COL_CHANGE,
            COL_THRESHOLD,
            LEGEND,
            CLOSING,
            DSCR_NOTE,
            CYCLE_NOTE,
            NEED,
            NO_NEED,
            NEED_NOTE,
            COL_ITEM,
            COL_VALUE,
            COL_BASIS,
            REVENUE,
            MARGIN,
            GROWTH,
            TURNOVER,
            WORKING_CAPITAL,
            OWN_FUNDS,
            EXISTING,
            OTHER,
            NEW_NEED,
            FROM_REVENUE,
            FROM_MARGIN,
            FROM_DAYS_AVERAGE,
            FROM_DAYS_CLOSING,
            NOT_IN_STATEMENTS,
            FROM_OWN_FUNDS,
            ENTERED,
            ESTIMATED,
            TURNOVER_FORMULA,
            CAPITAL_FORMULA,
            NEED_FORMULA,
            ABOVE_DETAIL,
        ];
        let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for text in all {
            assert!(han(text.zh), "{text:?}");
            assert!(!han(text.en) && !text.en.trim().is_empty(), "{text:?}");
            assert_eq!(placeholders(text.zh), placeholders(text.en), "{text:?}");
        }
    }
}
