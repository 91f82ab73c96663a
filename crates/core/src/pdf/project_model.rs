//! The project financial model on paper (issue 17): the assumptions, the headline cover ratios,
//! the warnings, the debt schedule with DSCR and LLCR per period and the sensitivity cases. The
//! proposal prints it as its "Financial model" section when the client has a saved model;
//! `loandesk pf model --pdf` prints it alone.
use rust_decimal::Decimal;

use super::layout::{Align, Chrome, Style, Writer, ACCENT, BODY, CAPTION, LEFT, NOTE, WIDTH};
use super::numbers::{money, percent};
use super::schedule_doc::{footer, pairs_table};
use super::table::{Column, RowKind, Table};
use super::{finish, Lang, ModelDoc, PdfOutput};
use crate::labels::Text;
use crate::loans::LprTenor;
use crate::prefs::Language;
use crate::project_finance::{ModelInput, ProjectModel};
use crate::Result;

const SECTION: Text = Text::new("财务模型", "Financial model");
const TITLE: Text = Text::new("项目财务模型", "Project financial model");
const ASSUMPTIONS: Text = Text::new("主要假设", "Assumptions");
const RESULTS: Text = Text::new("债务规模与覆盖率", "Debt and cover ratios");
const SCHEDULE: Text = Text::new(
    "还本付息与覆盖率（按期）",
    "Debt service and cover by period",
);
const SENSITIVITY: Text = Text::new("敏感性分析", "Sensitivity");
const CONSTRUCTION: Text = Text::new("建设期提款与利息", "Construction draws and interest");

const REPAYMENT: Text = Text::new("还款方式", "Repayment");
const RATE: Text = Text::new("年利率", "Annual rate");
const RATE_BASIS: Text = Text::new("定价基准", "Rate basis");
const PERIODS_PER_YEAR: Text = Text::new("运营期每年期数", "Operation periods a year");
const TARGET: Text = Text::new("目标偿债覆盖率", "Target DSCR");
const TENOR: Text = Text::new("还款期数", "Repayment periods");
const PERIODS: Text = Text::new("现金流期数", "Cash-flow periods");
const TOTAL_USES: Text = Text::new("总投资", "Total uses");
const MAX_GEARING: Text = Text::new("最高债务比例", "Maximum gearing");
const DSRA_MONTHS: Text = Text::new("偿债准备金（月）", "DSRA (months)");
const SWEEP: Text = Text::new("现金归集 / 锁定触发", "Cash sweep / lock-up DSCR");
const CONSTRUCTION_RATE: Text = Text::new("建设期利率", "Construction rate");
const DRAW_TIMING: Text = Text::new("提款时点", "Draw timing");

const DEBT: Text = Text::new("优先级债务", "Senior debt");
const CAPACITY: Text = Text::new("按目标覆盖率可贷额度", "Debt capacity at the target");
const IDC: Text = Text::new("建设期利息", "Interest during construction");
const DEBT_AT_COD: Text = Text::new("商业运营日债务余额", "Debt at COD");
const SCULPT_DSCR: Text = Text::new("塑形覆盖率", "Sculpting DSCR");
const MIN_DSCR: Text = Text::new("最低偿债覆盖率", "Minimum DSCR");
const AVG_MEAN: Text = Text::new("平均覆盖率（均值）", "Average DSCR (mean of periods)");
const AVG_RATIO: Text = Text::new("平均覆盖率（总额比）", "Average DSCR (ΣCFADS ÷ ΣDS)");
const LLCR: Text = Text::new("贷款期覆盖率（期初）", "LLCR (at the start)");
const MIN_LLCR: Text = Text::new("最低贷款期覆盖率", "Minimum LLCR");
const PLCR: Text = Text::new("项目期覆盖率", "PLCR");
const DSCR_CN: Text = Text::new("最低偿债备付率", "Minimum 偿债备付率 (DSCR, PRC)");
const ICR: Text = Text::new("最低利息备付率", "Minimum interest cover (ICR)");
const EQUITY: Text = Text::new("资本金比例 / 最低要求", "Equity share / minimum");
const DSRA_AT_COD: Text = Text::new("偿债准备金初始注资", "DSRA funded at COD");

const COL_PERIOD: Text = Text::new("期", "No.");
const COL_CFADS: Text = Text::new("可偿债现金流", "CFADS");
const COL_OPENING: Text = Text::new("期初余额", "Opening");
const COL_INTEREST: Text = Text::new("利息", "Interest");
const COL_PRINCIPAL: Text = Text::new("本金", "Principal");
const COL_DS: Text = Text::new("本息合计", "Debt service");
const COL_CLOSING: Text = Text::new("期末余额", "Closing");
const COL_DSCR: Text = Text::new("DSCR", "DSCR");
const COL_LLCR: Text = Text::new("LLCR", "LLCR");
const COL_DRAW: Text = Text::new("提款", "Draw");
const COL_CASE: Text = Text::new("情景", "Case");
const COL_REPAYS: Text = Text::new("能否足额还款", "Repays");
const YES: Text = Text::new("是", "Yes");
const NO: Text = Text::new("否", "No");
const NONE: &str = "—";
const SHORT: Text = Text::new("（不足）", " (short)");
const NOTE_RATIOS: Text = Text::new(
    "DSCR = 可偿债现金流 ÷ 当期本息；LLCR = 贷款期内剩余现金流按贷款利率折现 ÷ 期初余额；PLCR 折现至项目期末。敏感性情景沿用基准情景的债务与本金计划，偿债准备金可弥补当期缺口。",
    "DSCR = CFADS ÷ the period's debt service; LLCR = PV at the debt rate of the CFADS left to maturity ÷ opening balance; PLCR to the project's end. Sensitivity cases keep the base case's debt and principal schedule; the DSRA may cover a period's shortfall.",
);

fn t(lang: Lang, text: Text) -> &'static str {
    text.get(Language::from(lang))
}

fn ratio(r: Option<Decimal>) -> String {
    r.map_or_else(|| NONE.to_owned(), |r| format!("{r:.4}"))
}

/// "LPR over 5 years 3.50 % + 70 bp": how a floating rate is made.
fn basis(lang: Lang, b: &crate::project_finance::LprBasis) -> String {
    let sign = if b.spread_bp < 0 { "−" } else { "+" };
    let bp = match lang {
        Lang::Zh => "BP",
        Lang::En => " bp",
    };
    // The quotes' short names, as rate sheets print them.
    let tenor = match (b.tenor, lang) {
        (LprTenor::OneYear, Lang::Zh) => "1年期",
        (LprTenor::FiveYear, Lang::Zh) => "5年期以上",
        (LprTenor::OneYear, Lang::En) => "1Y",
        (LprTenor::FiveYear, Lang::En) => "5Y+",
    };
    format!(
        "LPR {tenor} {} {sign} {}{bp}",
        percent(b.lpr_percent),
        b.spread_bp.abs()
    )
}

fn assumptions(lang: Lang, input: &ModelInput, periods: usize) -> Vec<(String, String)> {
    let l = |text| t(lang, text).to_owned();
    let mut pairs = vec![
        (l(REPAYMENT), l(input.repayment.text())),
        (l(RATE), percent(input.rate_percent)),
        (l(PERIODS_PER_YEAR), input.periods_per_year.to_string()),
        (l(TARGET), format!("{:.2}", input.target_dscr)),
        (l(PERIODS), periods.to_string()),
        (l(TENOR), input.tenor(periods).to_string()),
    ];
    if let Some(b) = &input.rate_basis {
        pairs.insert(2, (l(RATE_BASIS), basis(lang, b)));
    }
    if let Some(uses) = input.total_uses {
        pairs.push((l(TOTAL_USES), money(uses)));
    }
    if let Some(g) = input.max_gearing_percent {
        pairs.push((l(MAX_GEARING), percent(g)));
    }
    if let Some(m) = input.dsra_months.filter(|m| *m > 0) {
        pairs.push((
            l(DSRA_MONTHS),
            format!("{m} · {}", t(lang, input.dsra_funding.text())),
        ));
    }
    if let Some(s) = &input.sweep {
        pairs.push((
            l(SWEEP),
            format!("{} / {:.2}", percent(s.percent), s.lockup_dscr),
        ));
    }
    if let Some(c) = &input.construction {
        pairs.push((l(CONSTRUCTION_RATE), percent(c.rate_percent)));
        pairs.push((l(DRAW_TIMING), l(c.draw_timing.text())));
    }
    pairs
}

fn results(lang: Lang, m: &ProjectModel) -> Vec<(String, String)> {
    let l = |text| t(lang, text).to_owned();
    let mut pairs = vec![(l(DEBT), money(m.debt)), (l(CAPACITY), money(m.capacity))];
    if !m.construction_periods.is_empty() {
        pairs.push((l(IDC), money(m.idc)));
        pairs.push((l(DEBT_AT_COD), money(m.debt_at_cod)));
    }
    if let Some(su) = m
        .sources_uses
        .as_ref()
        .filter(|s| !s.dsra_funding.is_zero())
    {
        pairs.push((l(DSRA_AT_COD), money(su.dsra_funding)));
    }
    if m.sculpt_dscr.is_some() {
        pairs.push((l(SCULPT_DSCR), ratio(m.sculpt_dscr)));
    }
    pairs.extend([
        (l(MIN_DSCR), ratio(m.min_dscr)),
        (l(AVG_MEAN), ratio(m.avg_dscr_mean)),
        (l(AVG_RATIO), ratio(m.avg_dscr_ratio)),
        (l(LLCR), ratio(m.llcr)),
        (l(MIN_LLCR), ratio(m.min_llcr)),
        (l(PLCR), ratio(m.plcr)),
    ]);
    if m.min_dscr_cn.is_some() {
        pairs.push((l(DSCR_CN), ratio(m.min_dscr_cn)));
    }
    if m.min_icr.is_some() {
        pairs.push((l(ICR), ratio(m.min_icr)));
    }
    if let Some(c) = &m.capital_check {
        let short = if c.short { t(lang, SHORT) } else { "" };
        pairs.push((
            l(EQUITY),
            format!(
                "{} / {}{short}",
                percent(c.equity_percent),
                percent(c.required_percent)
            ),
        ));
    }
    pairs
}

fn schedule_table(lang: Lang, m: &ProjectModel) -> Table {
    let no = 28.0;
    let cover = 44.0;
    let amount = (WIDTH - no - 2.0 * cover) / 6.0;
    let columns = vec![
        Column::new(t(lang, COL_PERIOD), no, Align::Right),
        Column::new(t(lang, COL_CFADS), amount, Align::Right),
        Column::new(t(lang, COL_OPENING), amount, Align::Right),
        Column::new(t(lang, COL_INTEREST), amount, Align::Right),
        Column::new(t(lang, COL_PRINCIPAL), amount, Align::Right),
        Column::new(t(lang, COL_DS), amount, Align::Right),
        Column::new(t(lang, COL_CLOSING), amount, Align::Right),
        Column::new(t(lang, COL_DSCR), cover, Align::Right),
        Column::new(t(lang, COL_LLCR), cover, Align::Right),
    ];
    let rows = m
        .periods
        .iter()
        .map(|p| {
            let cells = vec![
                p.period.to_string(),
                money(p.cfads),
                money(p.opening),
                money(p.interest),
                money(p.principal),
                money(p.debt_service),
                money(p.closing),
                ratio(p.dscr),
                ratio(p.llcr),
            ];
            (RowKind::Normal, cells)
        })
        .collect();
    Table {
        columns,
        header: true,
        rows,
        size: 7.5,
        zebra: true,
        label_columns: &[],
        compact: true,
    }
}

fn construction_table(lang: Lang, m: &ProjectModel) -> Table {
    let amount = (WIDTH - 40.0) / 3.0;
    Table {
        columns: vec![
            Column::new(t(lang, COL_PERIOD), 40.0, Align::Right),
            Column::new(t(lang, COL_DRAW), amount, Align::Right),
            Column::new(t(lang, COL_INTEREST), amount, Align::Right),
            Column::new(t(lang, COL_CLOSING), amount, Align::Right),
        ],
        header: true,
        rows: m
            .construction_periods
            .iter()
            .map(|p| {
                let cells = vec![
                    p.period.to_string(),
                    money(p.draw),
                    money(p.interest),
                    money(p.closing),
                ];
                (RowKind::Normal, cells)
            })
            .collect(),
        size: 8.0,
        zebra: true,
        label_columns: &[],
        compact: true,
    }
}

fn sensitivity_table(lang: Lang, m: &ProjectModel) -> Table {
    let col = (WIDTH - 200.0) / 3.0;
    Table {
        columns: vec![
            Column::new(t(lang, COL_CASE), 200.0, Align::Left),
            Column::new(t(lang, MIN_DSCR), col, Align::Right),
            Column::new(t(lang, MIN_LLCR), col, Align::Right),
            Column::new(t(lang, COL_REPAYS), col, Align::Right),
        ],
        header: true,
        rows: m
            .sensitivity
            .iter()
            .map(|c| {
                let repays = if c.repays { YES } else { NO };
                let cells = vec![
                    t(lang, c.case.text()).to_owned(),
                    ratio(c.min_dscr),
                    ratio(c.min_llcr),
                    t(lang, repays).to_owned(),
                ];
                (RowKind::Normal, cells)
            })
            .collect(),
        size: 9.0,
        zebra: true,
        label_columns: &[],
        compact: false,
    }
}

fn subheading(w: &mut Writer, text: &str, table: &Table) {
    let keep = CAPTION.line_height() + 2.0 + w.table_start_height(table);
    w.gap(8.0);
    w.ensure(keep);
    w.paragraph(text, CAPTION, LEFT, WIDTH);
    w.gap(2.0);
}

/// Where the model sits: a document of its own, or a part of the proposal's financing needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placement {
    Document,
    InProposal,
}

/// The model under its heading: a section heading of its own document, or, in the proposal,
/// a sub-heading of the financing needs (the proposal's sections are numbered).
pub(crate) fn section(
    w: &mut Writer,
    lang: Lang,
    placement: Placement,
    input: &ModelInput,
    m: &ProjectModel,
) {
    let assumptions = pairs_table(assumptions(lang, input, m.periods.len()));
    let keep = CAPTION.line_height() + w.table_start_height(&assumptions);
    let heading = t(lang, SECTION);
    match placement {
        Placement::Document => w.heading(heading, keep),
        Placement::InProposal => {
            let style = Style::new(10.5, ACCENT).bold();
            w.gap(12.0);
            w.ensure(style.line_height() + 3.0 + keep);
            w.paragraph(heading, style, LEFT, WIDTH);
            w.gap(3.0);
        }
    }
    w.paragraph(t(lang, ASSUMPTIONS), CAPTION, LEFT, WIDTH);
    w.gap(2.0);
    w.table(&assumptions);

    let results = pairs_table(results(lang, m));
    subheading(w, t(lang, RESULTS), &results);
    w.table(&results);
    for warning in &m.warnings {
        w.warning(&crate::labels::fill(
            t(lang, warning.code.text()),
            &warning.params,
        ));
    }

    if !m.construction_periods.is_empty() {
        let table = construction_table(lang, m);
        subheading(w, t(lang, CONSTRUCTION), &table);
        w.table(&table);
    }
    let schedule = schedule_table(lang, m);
    subheading(w, t(lang, SCHEDULE), &schedule);
    w.table(&schedule);

    let sensitivity = sensitivity_table(lang, m);
    subheading(w, t(lang, SENSITIVITY), &sensitivity);
    w.table(&sensitivity);
    w.gap(4.0);
    w.paragraph(t(lang, NOTE_RATIOS), NOTE, LEFT, WIDTH);
}

pub(crate) fn render(doc: &ModelDoc, use_system_fonts: bool) -> Result<PdfOutput> {
    let lang = doc.lang;
    let title = t(lang, TITLE);
    let mut w = Writer::new(title, use_system_fonts)?;
    let name = doc.client_name.map(str::trim).filter(|n| !n.is_empty());
    w.title(title, name);
    w.paragraph(&footer(lang, doc.date, doc.officer), BODY, LEFT, WIDTH);
    section(&mut w, lang, Placement::Document, doc.input, doc.model);
    let chrome = Chrome {
        title: title.to_owned(),
        header_right: name.unwrap_or_default().to_owned(),
        footer_left: footer(lang, doc.date, doc.officer),
    };
    finish(w, &chrome, doc.officer, doc.date, lang)
}
