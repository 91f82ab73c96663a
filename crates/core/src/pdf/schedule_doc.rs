//! The repayment schedule (还款计划表): terms, APR, then every period with totals.
use super::layout::{Align, Chrome, Writer, LEFT, NOTE, WIDTH};
use super::numbers::{money, percent};
use super::table::{Column, RowKind, Table};
use super::text::{self, labels};
use super::{finish, Lang, PdfOutput, ScheduleDoc};
use crate::loans::Schedule;
use crate::Result;

pub(crate) fn render(doc: &ScheduleDoc, use_system_fonts: bool) -> Result<PdfOutput> {
    let l = labels(doc.lang);
    let client = doc.client_name.map(str::trim).filter(|s| !s.is_empty());
    let mut w = Writer::new(l.schedule_title, use_system_fonts)?;

    let colon = if doc.lang == Lang::Zh { "：" } else { ": " };
    let mut subtitle: Vec<String> = client
        .map(|name| format!("{}{colon}{name}", l.borrower))
        .into_iter()
        .collect();
    if let Some(b) = doc.booked {
        let version = l.version.replace("{}", &b.version.to_string());
        subtitle.push(format!(
            "{}{colon}{}{version}",
            l.contract_no, b.contract_no
        ));
    }
    let subtitle = subtitle.join("    ");
    w.title(
        l.schedule_title,
        Some(subtitle.as_str()).filter(|s| !s.is_empty()),
    );
    w.heading_table(
        l.schedule_section_terms,
        &pairs_table(terms_pairs(doc.lang, doc.schedule, doc.unit)),
    );
    w.gap(10.0);
    let mut summary = summary_pairs(doc.lang, doc.schedule, doc.unit);
    if doc.booked.is_some() {
        // The APR is the offer's cost; a serviced schedule (prepaid, repriced) has no such figure.
        summary.retain(|(k, _)| k != l.apr_nominal && k != l.apr_effective);
    }
    w.table(&pairs_table(summary));
    w.gap(4.0);
    if doc.booked.is_none() {
        w.paragraph(l.apr_note, NOTE, LEFT, WIDTH);
    }
    w.gap(8.0);
    let periods = periods_table(doc.lang, doc.schedule, doc.schedule.periods.len());
    w.heading_table(l.schedule_section_rows, &periods);

    let chrome = Chrome {
        title: l.schedule_title.to_owned(),
        header_right: client.unwrap_or_default().to_owned(),
        footer_left: footer(doc.lang, doc.generated_on, doc.officer),
    };
    finish(w, &chrome, doc.officer, doc.generated_on, doc.lang)
}

/// "生成日期 2025年1月15日 · 客户经理 张三".
pub(crate) fn footer(lang: Lang, date: chrono::NaiveDate, officer: &str) -> String {
    let l = labels(lang);
    let mut out = format!("{} {}", l.generated_on, text::date(lang, date));
    let officer = officer.trim();
    if !officer.is_empty() {
        out.push_str(&format!("  ·  {} {officer}", l.officer));
    }
    out
}

/// Loan terms as label/value pairs: principal in figures and words, rate, method, dates.
pub(crate) fn terms_pairs(
    lang: Lang,
    s: &Schedule,
    unit: Option<crate::amount::AmountUnit>,
) -> Vec<(String, String)> {
    let l = labels(lang);
    let t = &s.terms;
    let first = s.periods.first().map(|p| p.due_date);
    let last = s.periods.last().map(|p| p.due_date);
    let day = |d: Option<chrono::NaiveDate>| d.map_or(l.none.to_owned(), |d| text::date(lang, d));
    let mut pairs = vec![
        (
            l.principal,
            text::figure(lang, &t.currency, t.principal, unit),
        ),
        (
            l.in_words,
            text::in_words(&t.currency, &s.summary.principal_in_words),
        ),
        (l.rate, text::rate(lang, &t.rate)),
        (l.method, text::method(lang, t.method).to_owned()),
        (l.term, text::term(lang, t.term_months)),
        (l.disbursement, text::date(lang, t.disbursement_date)),
        (l.first_due, day(first)),
        (l.maturity, day(last)),
        (
            l.repay_day,
            l.day_of_month
                .replace("{}", &t.effective_repay_day().to_string()),
        ),
    ];
    if t.grace_months > 0 {
        pairs.push((l.grace, text::term(lang, t.grace_months)));
    }
    if !t.upfront_fee.is_zero() {
        pairs.push((l.fee, text::payment(lang, &t.currency, t.upfront_fee, unit)));
    }
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// Payment, totals and both APR figures, each labelled.
pub(crate) fn summary_pairs(
    lang: Lang,
    s: &Schedule,
    unit: Option<crate::amount::AmountUnit>,
) -> Vec<(String, String)> {
    let l = labels(lang);
    let pay = |v| text::payment(lang, &s.terms.currency, v, unit);
    let m = &s.summary;
    vec![
        (l.payment.to_owned(), pay(m.payment)),
        (l.total_interest.to_owned(), pay(m.total_interest)),
        (l.total_payment.to_owned(), pay(m.total_payment)),
        (l.apr_nominal.to_owned(), percent(m.apr)),
        (l.apr_effective.to_owned(), percent(m.apr_effective)),
    ]
}

/// Label/value pairs two to a row: label, value, label, value.
pub(crate) fn pairs_table(pairs: Vec<(String, String)>) -> Table {
    let label = 104.0;
    let value = WIDTH / 2.0 - label;
    let columns = vec![
        Column::new("", label, Align::Left),
        Column::new("", value, Align::Left),
        Column::new("", label, Align::Left),
        Column::new("", value, Align::Left),
    ];
    let rows = pairs
        .chunks(2)
        .map(|two| {
            let mut cells = Vec::with_capacity(4);
            for (k, v) in two {
                cells.push(k.clone());
                cells.push(v.clone());
            }
            (RowKind::Normal, cells)
        })
        .collect();
    Table {
        columns,
        header: false,
        rows,
        size: 9.0,
        zebra: true,
        label_columns: &[0, 2],
        compact: false,
    }
}

/// The period table, `limit` rows of it, with totals when every period is shown.
pub(crate) fn periods_table(lang: Lang, s: &Schedule, limit: usize) -> Table {
    let l = labels(lang);
    let amount = (WIDTH - 42.0 - 86.0) / 4.0;
    let columns = vec![
        Column::new(l.col_no, 42.0, Align::Right),
        Column::new(l.col_due, 86.0, Align::Left),
        Column::new(l.col_payment, amount, Align::Right),
        Column::new(l.col_principal, amount, Align::Right),
        Column::new(l.col_interest, amount, Align::Right),
        Column::new(l.col_balance, amount, Align::Right),
    ];
    let mut rows: Vec<(RowKind, Vec<String>)> = s
        .periods
        .iter()
        .take(limit)
        .map(|p| {
            let cells = vec![
                p.number.to_string(),
                p.due_date.format("%Y-%m-%d").to_string(),
                money(p.payment),
                money(p.principal),
                money(p.interest),
                money(p.balance),
            ];
            (RowKind::Normal, cells)
        })
        .collect();
    if limit >= s.periods.len() {
        let principal = s.periods.iter().map(|p| p.principal).sum();
        rows.push((
            RowKind::Total,
            vec![
                l.total.to_owned(),
                String::new(),
                money(s.summary.total_payment),
                money(principal),
                money(s.summary.total_interest),
                String::new(),
            ],
        ));
    }
    Table {
        columns,
        header: true,
        rows,
        size: 8.0,
        zebra: true,
        label_columns: &[],
        compact: true,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::loans::{generate, DayCount, LoanTerms, Method, Rate, Rounding};
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    fn schedule() -> Schedule {
        generate(&LoanTerms {
            principal: Decimal::from(1_000_000),
            currency: "CNY".into(),
            term_months: 12,
            rate: Rate::Fixed {
                annual_percent: Decimal::new(49, 1),
            },
            disbursement_date: NaiveDate::from_ymd_opt(2025, 1, 15).unwrap(),
            repay_day: None,
            method: Method::EqualInstallment,
            grace_months: 0,
            upfront_fee: Decimal::ZERO,
            day_count: DayCount::Act360,
            rounding: Rounding::HalfUp,
        })
        .unwrap()
    }

    #[test]
    fn terms_name_the_principal_in_figures_and_words() {
        let pairs = terms_pairs(Lang::Zh, &schedule(), None);
        assert_eq!(pairs[0].1, "CNY 1,000,000.00");
        assert_eq!(pairs[1].1, "人民币壹佰万元整");
        assert_eq!(pairs[2].1, "4.90\u{a0}%（固定）");
    }

    #[test]
    fn totals_row_only_under_the_full_table() {
        let s = schedule();
        assert_eq!(periods_table(Lang::En, &s, 100).rows.len(), 13);
        assert_eq!(periods_table(Lang::En, &s, 3).rows.len(), 3);
    }

    #[test]
    fn renders_without_system_fonts() {
        let s = schedule();
        let doc = ScheduleDoc {
            schedule: &s,
            client_name: Some("测试😀公司"),
            officer: "张三",
            generated_on: NaiveDate::from_ymd_opt(2025, 1, 15).unwrap(),
            lang: Lang::Zh,
            booked: None,
            unit: None,
        };
        let out = render(&doc, false).unwrap();
        assert!(out.bytes.starts_with(b"%PDF"));
        assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
        assert!(out.warnings[0].contains("U+1F600"));
    }
}
