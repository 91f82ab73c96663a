//! The proposal's security (担保措施) and credit line (授信额度), printed under the proposed
//! structure: the collateral pledged for the client's open loans with its lendable value,
//! what it covers of their outstanding principal, the guarantors; then the line the loan
//! would be drawn under and what it leaves available.
//!
//! [`Vault::proposal_security`] gathers it (the export calls it); [`section`] prints it and
//! reads nothing but its inputs. Every label is here, in both languages, beside the code that
//! prints it.
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::list_table;
use crate::amount::{format_amount, unit_label, AmountUnit};
use crate::labels::{fill, Text};
use crate::loans::{amount_in_words, from_fen, to_fen, Schedule};
use crate::pdf::layout::{Align, Style, Writer, ACCENT, BODY, CAPTION, LEFT, WIDTH};
use crate::pdf::numbers::{money, percent};
use crate::pdf::table::{Column, RowKind, Table};
use crate::pdf::text;
use crate::pdf::Lang;
use crate::prefs::Language;
use crate::security::{coverage, Collateral, Facility, Guarantor};
use crate::{Result, Vault};

const SECURITY: Text = Text::new("担保措施", "Security");
const COLLATERAL: Text = Text::new("押品", "Collateral");
const GUARANTORS: Text = Text::new("保证人", "Guarantors");
const NOTHING: Text = Text::new("未提供押品或保证", "No collateral or guarantee recorded");
const NO_COLLATERAL: Text = Text::new("未提供押品", "No collateral recorded");
const COL_KIND: Text = Text::new("押品种类", "Kind");
const COL_DESCRIPTION: Text = Text::new("描述 / 所有权人", "Description / owner");
const COL_VALUE: Text = Text::new("评估价值（评估日）", "Value (valued on)");
const COL_CAP: Text = Text::new("抵质押率", "Cap");
const COL_PRIOR: Text = Text::new("已设定在先权利", "Prior liens");
const COL_LENDABLE: Text = Text::new("可贷价值", "Lendable value");
const TOTAL: Text = Text::new("合计", "Total");
const COL_CURRENCY: Text = Text::new("币种", "Currency");
const COL_CAPACITY: Text = Text::new("担保能力", "Capacity");
const COL_OUTSTANDING: Text = Text::new("现有贷款未偿本金", "Outstanding principal");
const COL_COVERAGE: Text = Text::new("覆盖率", "Coverage");
const COL_SHORTFALL: Text = Text::new("缺口", "Shortfall");
const SHORTFALL: Text = Text::new(
    "押品可贷价值不足以覆盖现有贷款的未偿本金：缺口 {{amount}}（大写：{{words}}）。",
    "The lendable value falls short of the outstanding principal by {{amount}} (in words: {{words}}).",
);
const COL_NAME: Text = Text::new("保证人", "Guarantor");
const COL_PARTY: Text = Text::new("类型", "Party");
const COL_GUARANTEE: Text = Text::new("保证方式", "Guarantee");
const COL_LIMIT: Text = Text::new("保证限额", "Limit");
const COL_RELATION: Text = Text::new("与借款人关系", "Relation");
const WHOLE_DEBT: Text = Text::new("全额", "Whole debt");

const CREDIT_LINE: Text = Text::new("授信额度", "Credit line");
const LINE_DATES: Text = Text::new("授信期限", "Dates of the line");
const LINE_DATES_VALUE: Text = Text::new("{{from}} 至 {{to}}", "{{from}} to {{to}}");
const REVOLVING: Text = Text::new("（可循环）", " (revolving)");
const LINE_AMOUNT: Text = Text::new("授信金额", "Line amount");
const LINE_USED: Text = Text::new("已用额度", "Used");
const LINE_AVAILABLE: Text = Text::new("当前可用额度", "Available now");
const LINE_AFTER: Text = Text::new("本笔贷款后可用额度", "Available after this loan");
const EXCEEDS: Text = Text::new(
    "本笔贷款超出可用额度 {{amount}}。",
    "This loan exceeds the available amount by {{amount}}.",
);
const OUTSIDE: Text = Text::new(
    "放款日 {{date}} 不在授信期限内。",
    "The disbursement date, {{date}}, is outside the line's dates.",
);
const OTHER_CURRENCY: Text = Text::new(
    "额度币种 {{line}} 与本笔贷款币种 {{loan}} 不同，未扣减。",
    "The line is in {{line}} and this loan in {{loan}}: not deducted.",
);

/// What the proposal prints of the client's security and credit line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ProposalSecurity {
    /// Pledged (not archived) items of the client's open loans, with their loan's currency.
    collateral: Vec<(Collateral, String)>,
    /// Per currency of the open loans: (capacity, outstanding principal), in fen.
    totals: BTreeMap<String, (i64, i64)>,
    /// Current guarantors of the open loans, each once.
    guarantors: Vec<(Guarantor, String)>,
    /// The line whose dates include the disbursement date, else the latest.
    facility: Option<Facility>,
}

impl Vault {
    /// The security of the client's open loans and the credit line a loan disbursed on
    /// `disbursement` would be drawn under.
    pub(crate) fn proposal_security(
        &self,
        client_id: i64,
        disbursement: NaiveDate,
        today: NaiveDate,
    ) -> Result<ProposalSecurity> {
        let open: HashMap<i64, (String, i64)> = self
            .client_loans(client_id, today)?
            .into_iter()
            .filter(|l| l.closed_on.is_none())
            .map(|l| {
                let outstanding = to_fen(l.outstanding_principal).unwrap_or(0);
                (l.id, (l.currency, outstanding))
            })
            .collect();
        let mut totals: BTreeMap<String, (i64, i64)> = BTreeMap::new();
        for (currency, outstanding) in open.values() {
            totals.entry(currency.clone()).or_default().1 += outstanding;
        }
        let mut collateral = Vec::new();
        for c in self.client_collateral(client_id)? {
            let Some((currency, _)) = open.get(&c.loan_id) else {
                continue;
            };
            if c.archived_on.is_some() {
                continue;
            }
            totals.entry(currency.clone()).or_default().0 += to_fen(c.lendable).unwrap_or(0);
            collateral.push((c, currency.clone()));
        }
        let mut loan_ids: Vec<i64> = open.keys().copied().collect();
        loan_ids.sort_unstable();
        let mut guarantors: Vec<(Guarantor, String)> = Vec::new();
        for id in loan_ids {
            let currency = &open[&id].0;
            for g in self.loan_guarantors(id)? {
                // The same guarantor of two loans on the same terms is one line.
                let same = |(o, cur): &(Guarantor, String)| {
                    (&o.name, o.party, o.kind, o.limit, &o.relation, cur)
                        == (&g.name, g.party, g.kind, g.limit, &g.relation, currency)
                };
                if g.archived_on.is_none() && !guarantors.iter().any(same) {
                    guarantors.push((g, currency.clone()));
                }
            }
        }
        let lines = self.client_facilities(client_id)?;
        let current = lines
            .iter()
            .position(|f| f.from <= disbursement && disbursement <= f.to);
        let facility = lines.into_iter().nth(current.unwrap_or(0));
        Ok(ProposalSecurity {
            collateral,
            totals,
            guarantors,
            facility,
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

/// A sentence's amount with its currency, in the officer's unit (see [`text::figure`]).
fn amount(lang: Lang, currency: &str, fen: i64, unit: Option<AmountUnit>) -> String {
    text::figure(lang, currency, from_fen(fen), unit)
}

/// A table cell's amount: in the officer's unit (whole yuan, or 万/亿 to two places, as every
/// screen shows figures), the unit said once in the caption; without one, yuan to the fen.
fn cell(v: Decimal, unit: Option<AmountUnit>) -> String {
    match unit {
        None => money(v),
        Some(u) => format_amount(v, u),
    }
}

/// What a table's amounts are counted in, for its caption: "（单位：万）" / " (in ×10k)"; nothing
/// in yuan, whose figures read as they are.
fn unit_note(lang: Lang, unit: Option<AmountUnit>) -> String {
    match unit.and_then(AmountUnit::scale_text) {
        None => String::new(),
        Some(scale) => match lang {
            Lang::Zh => format!("（单位：{}）", scale.get(Language::Zh)),
            Lang::En => format!(" (in {})", scale.get(Language::En)),
        },
    }
}

/// The currency of a totals line, with the unit when there is one: "万元", "万 USD".
fn currency_label(lang: Lang, currency: &str, unit: Option<AmountUnit>) -> String {
    match unit {
        Some(u @ (AmountUnit::Wan | AmountUnit::Yi)) => unit_label(u, currency, lang.into()),
        _ => currency.to_owned(),
    }
}

/// A heading inside a numbered section, kept with the first `keep` points below it.
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

/// The security and then the credit line, below the proposed structure.
/// Amounts are written in `unit` (the officer's unit for PDFs; `None`: "CNY 1,000,000.00").
pub(crate) fn section(
    w: &mut Writer,
    lang: Lang,
    s: &ProposalSecurity,
    proposed: &Schedule,
    unit: Option<AmountUnit>,
) {
    security(w, lang, s, unit);
    if let Some(f) = &s.facility {
        credit_line(w, lang, f, proposed, unit);
    }
}

fn security(w: &mut Writer, lang: Lang, s: &ProposalSecurity, unit: Option<AmountUnit>) {
    let line = BODY.line_height();
    if s.collateral.is_empty() && s.guarantors.is_empty() {
        subheading(w, t(lang, SECURITY), line);
        w.paragraph(t(lang, NOTHING), BODY, LEFT, WIDTH);
        return;
    }
    if s.collateral.is_empty() {
        let table = guarantor_table(lang, &s.guarantors, unit);
        let keep = 2.0 * line + w.table_start_height(&table);
        subheading(w, t(lang, SECURITY), keep);
        w.paragraph(t(lang, NO_COLLATERAL), BODY, LEFT, WIDTH);
        w.gap(8.0);
        captioned(w, t(lang, GUARANTORS), &table);
        return;
    }
    let items = collateral_table(lang, s, unit);
    let keep = CAPTION.line_height() + 2.0 + w.table_start_height(&items);
    subheading(w, t(lang, SECURITY), keep);
    let caption = format!("{}{}", t(lang, COLLATERAL), unit_note(lang, unit));
    captioned(w, &caption, &items);
    w.gap(8.0);
    w.table(&totals_table(lang, &s.totals, unit));
    for (currency, &(capacity, outstanding)) in &s.totals {
        let (shortfall, _) = coverage(outstanding, capacity);
        if shortfall > 0 {
            let words = text::in_words(currency, &amount_in_words(from_fen(shortfall)));
            let params = [
                ("amount", amount(lang, currency, shortfall, unit)),
                ("words", words),
            ];
            w.warning(&filled(lang, SHORTFALL, &params));
        }
    }
    if !s.guarantors.is_empty() {
        w.gap(10.0);
        captioned(
            w,
            t(lang, GUARANTORS),
            &guarantor_table(lang, &s.guarantors, unit),
        );
    }
}

fn collateral_table(lang: Lang, s: &ProposalSecurity, unit: Option<AmountUnit>) -> Table {
    let widths = [72.0, 118.0, 88.0, 44.0, 78.0];
    let fixed: f32 = widths.iter().sum();
    let columns = vec![
        Column::new(t(lang, COL_KIND), widths[0], Align::Left),
        Column::new(t(lang, COL_DESCRIPTION), widths[1], Align::Left),
        Column::new(t(lang, COL_VALUE), widths[2], Align::Right),
        Column::new(t(lang, COL_CAP), widths[3], Align::Right),
        Column::new(t(lang, COL_PRIOR), widths[4], Align::Right),
        Column::new(t(lang, COL_LENDABLE), WIDTH - fixed, Align::Right),
    ];
    let mut rows: Vec<(RowKind, Vec<String>)> = s
        .collateral
        .iter()
        .map(|(c, _)| {
            let about = [c.description.trim(), c.owner.trim()]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            let cells = vec![
                t(lang, c.kind.text()).to_owned(),
                if about.is_empty() {
                    "—".into()
                } else {
                    about
                },
                format!("{}\n{}", cell(c.value, unit), text::date(lang, c.valued_on)),
                percent(c.cap_percent),
                cell(c.prior_lien, unit),
                cell(c.lendable, unit),
            ];
            (RowKind::Normal, cells)
        })
        .collect();
    for (currency, &(capacity, _)) in &s.totals {
        let has_items = s.collateral.iter().any(|(_, cur)| cur == currency);
        if has_items {
            let label = format!(
                "{} {}",
                t(lang, TOTAL),
                currency_label(lang, currency, unit)
            );
            let mut cells = vec![label, String::new(), String::new(), String::new()];
            cells.extend([String::new(), cell(from_fen(capacity), unit)]);
            rows.push((RowKind::Total, cells));
        }
    }
    Table {
        columns,
        header: true,
        rows,
        size: 8.5,
        zebra: true,
        label_columns: &[],
        compact: false,
    }
}

/// One line per currency: capacity, outstanding principal, coverage, shortfall.
fn totals_table(
    lang: Lang,
    totals: &BTreeMap<String, (i64, i64)>,
    unit: Option<AmountUnit>,
) -> Table {
    let currency = 60.0;
    let each = (WIDTH - currency) / 4.0;
    let columns = vec![
        Column::new(t(lang, COL_CURRENCY), currency, Align::Left),
        Column::new(t(lang, COL_CAPACITY), each, Align::Right),
        Column::new(t(lang, COL_OUTSTANDING), each, Align::Right),
        Column::new(t(lang, COL_COVERAGE), each, Align::Right),
        Column::new(t(lang, COL_SHORTFALL), each, Align::Right),
    ];
    let rows = totals
        .iter()
        .map(|(cur, &(capacity, outstanding))| {
            let (shortfall, percent_covered) = coverage(outstanding, capacity);
            let cells = vec![
                currency_label(lang, cur, unit),
                cell(from_fen(capacity), unit),
                cell(from_fen(outstanding), unit),
                percent_covered.map_or_else(|| "—".to_owned(), percent),
                cell(from_fen(shortfall), unit),
            ];
            (RowKind::Total, cells)
        })
        .collect();
    Table {
        columns,
        header: true,
        rows,
        size: 8.5,
        zebra: false,
        label_columns: &[],
        compact: false,
    }
}

fn guarantor_table(
    lang: Lang,
    guarantors: &[(Guarantor, String)],
    unit: Option<AmountUnit>,
) -> Table {
    let widths = [150.0, 58.0, 100.0, 100.0];
    let fixed: f32 = widths.iter().sum();
    let columns = vec![
        Column::new(t(lang, COL_NAME), widths[0], Align::Left),
        Column::new(t(lang, COL_PARTY), widths[1], Align::Left),
        Column::new(t(lang, COL_GUARANTEE), widths[2], Align::Left),
        Column::new(t(lang, COL_LIMIT), widths[3], Align::Left),
        Column::new(t(lang, COL_RELATION), WIDTH - fixed, Align::Left),
    ];
    let rows = guarantors
        .iter()
        .map(|(g, currency)| {
            let limit = g.limit.map_or_else(
                || t(lang, WHOLE_DEBT).to_owned(),
                |l| text::figure(lang, currency, l, unit),
            );
            let relation = g.relation.trim();
            let cells = vec![
                g.name.clone(),
                t(lang, g.party.text()).to_owned(),
                t(lang, g.kind.text()).to_owned(),
                limit,
                if relation.is_empty() { "—" } else { relation }.to_owned(),
            ];
            (RowKind::Normal, cells)
        })
        .collect();
    Table {
        columns,
        header: true,
        rows,
        size: 8.5,
        zebra: true,
        label_columns: &[],
        compact: false,
    }
}

fn credit_line(
    w: &mut Writer,
    lang: Lang,
    f: &Facility,
    proposed: &Schedule,
    unit: Option<AmountUnit>,
) {
    let terms = &proposed.terms;
    let money_in = |v: Decimal| text::figure(lang, &f.currency, v, unit);
    let mut dates = filled(
        lang,
        LINE_DATES_VALUE,
        &[
            ("from", text::date(lang, f.from)),
            ("to", text::date(lang, f.to)),
        ],
    );
    if f.revolving {
        dates.push_str(t(lang, REVOLVING));
    }
    let same_currency = f.currency == terms.currency;
    let after = same_currency.then(|| f.available - terms.principal);
    let pairs = vec![
        (t(lang, LINE_DATES).to_owned(), dates),
        (t(lang, LINE_AMOUNT).to_owned(), money_in(f.amount)),
        (t(lang, LINE_USED).to_owned(), money_in(f.used)),
        (t(lang, LINE_AVAILABLE).to_owned(), money_in(f.available)),
        (
            t(lang, LINE_AFTER).to_owned(),
            after.map_or_else(|| "—".to_owned(), money_in),
        ),
    ];
    let table = list_table(pairs);
    let keep = w.table_start_height(&table);
    subheading(w, t(lang, CREDIT_LINE), keep);
    w.table(&table);
    let disbursed = terms.disbursement_date;
    if disbursed < f.from || disbursed > f.to {
        let date = text::date(lang, disbursed);
        w.warning(&filled(lang, OUTSIDE, &[("date", date)]));
    }
    match after {
        Some(after) if after < Decimal::ZERO => {
            let over = money_in(-after);
            w.warning(&filled(lang, EXCEEDS, &[("amount", over)]));
        }
        Some(_) => {}
        None => {
            let params = [
                ("line", f.currency.clone()),
                ("loan", terms.currency.clone()),
            ];
            w.warning(&filled(lang, OTHER_CURRENCY, &params));
        }
    }
}
