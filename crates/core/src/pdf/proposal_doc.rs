//! The loan proposal (贷款方案建议书): cover, client summary (exported from the vault, then
//! the financial analysis), needs (and the working-capital need calculation), structure (one
//! scenario or up to three side by side; exported from the vault, then the client's security
//! and credit line), repayment summary, risks and disclosures, signatures.
use super::layout::{
    Align, Chrome, Style, Writer, ACCENT, BODY, CAPTION, INK, LEFT, MUTED, NOTE, RULE, WIDTH,
};
use super::numbers::percent;
use super::proposal_credit::{self, ProposalCredit};
use super::schedule_doc::{footer, pairs_table, periods_table, summary_pairs, terms_pairs};
use super::table::{Column, RowKind, Table};
use super::text::{self, labels, Labels};
use super::{default_risks, finish, Lang, PdfOutput, ProposalDoc};
use crate::clients::Client;
use crate::loans::Schedule;
use crate::Result;

// The security section lives beside this file (a child module: it shares `list_table`).
#[path = "proposal_security.rs"]
mod proposal_security;
pub(super) use proposal_security::ProposalSecurity;

/// Periods shown under "first payments".
const FIRST_PAYMENTS: usize = 6;
/// Height of the signature block, which is never split.
const SIGNATURES: f32 = 102.0;

pub(crate) fn render(doc: &ProposalDoc, use_system_fonts: bool) -> Result<PdfOutput> {
    render_with(doc, None, None, None, None, use_system_fonts)
}

/// Who sends the proposal, and its number (an export from the vault has both).
pub(super) struct Sender<'a> {
    pub number: &'a str,
    pub bank: &'a crate::bank_profile::BankProfile,
}

/// The client's saved project model, printed as the proposal's "Financial model" section.
pub(super) type ProposalModel = (
    crate::project_finance::ModelInput,
    crate::project_finance::ProjectModel,
);

/// The proposal with the client's financial analysis under its summary, the working-capital
/// need under the needs, and the security and credit line under its structure (the export
/// gathers them from the vault), and a project-finance client's model after the needs;
/// `None` prints none of them.
pub(super) fn render_with(
    doc: &ProposalDoc,
    sender: Option<&Sender>,
    security: Option<&ProposalSecurity>,
    credit: Option<&ProposalCredit>,
    model: Option<&ProposalModel>,
    use_system_fonts: bool,
) -> Result<PdfOutput> {
    let lang = doc.lang;
    let l = labels(lang);
    let client = &doc.client.fields;
    let name = client.name.trim();
    let Some(proposed) = doc.scenarios.first() else {
        return Err(crate::Error::invalid(
            "scenarios",
            crate::rule::Rule::Required,
        ));
    };
    let mut w = Writer::new(l.proposal_title, use_system_fonts)?;

    cover(&mut w, doc, sender, proposed);

    w.heading_table(
        l.section_client,
        &list_table(client_pairs(lang, doc.client)),
    );
    if !client.contacts.is_empty() {
        let contacts = contacts_table(l, doc.client);
        let keep = CAPTION.line_height() + w.table_start_height(&contacts);
        w.gap(8.0);
        w.ensure(keep);
        w.paragraph(l.contacts, CAPTION, LEFT, WIDTH);
        w.gap(2.0);
        w.table(&contacts);
    }
    if let Some(credit) = credit {
        proposal_credit::analysis(&mut w, lang, credit, &proposed.terms.currency, doc.unit);
    }

    let t = &proposed.terms;
    let needs = list_table(vec![
        (l.purpose.to_owned(), or_dash(l, doc.purpose)),
        (
            l.amount.to_owned(),
            text::figure(lang, &t.currency, t.principal, doc.unit),
        ),
        (
            l.in_words.to_owned(),
            text::in_words(&t.currency, &proposed.summary.principal_in_words),
        ),
        (l.term.to_owned(), text::term(lang, t.term_months)),
    ]);
    w.heading_table(l.section_needs, &needs);
    if let Some(credit) = credit {
        proposal_credit::need(&mut w, lang, credit, proposed, doc.unit);
    }
    if let Some((input, model)) = model {
        use super::project_model::{section, Placement};
        section(&mut w, lang, Placement::InProposal, input, model);
    }

    let structure = if doc.scenarios.len() == 1 {
        pairs_table(terms_pairs(lang, proposed, doc.unit))
    } else {
        comparison_table(lang, doc.scenarios, doc.unit)
    };
    w.heading_table(l.section_structure, &structure);
    if let Some(security) = security {
        proposal_security::section(&mut w, lang, security, proposed, doc.unit);
    }

    let first = periods_table(lang, proposed, FIRST_PAYMENTS);
    let keep = CAPTION.line_height() + w.table_start_height(&first);
    w.heading(l.section_repayment, keep);
    w.paragraph(l.first_payments, CAPTION, LEFT, WIDTH);
    w.gap(2.0);
    w.table(&first);
    w.gap(10.0);
    w.table(&pairs_table(summary_pairs(lang, proposed, doc.unit)));
    w.gap(4.0);
    w.paragraph(l.apr_note, NOTE, LEFT, WIDTH);

    w.heading(l.section_risks, 3.0 * BODY.line_height());
    let risks = doc.risks.map(str::trim).filter(|r| !r.is_empty());
    w.list(risks.unwrap_or(default_risks(lang)), BODY);

    // The sender's two lines sit above the signatures and move with them.
    let sender_lines = if sender.is_some() { 40.0 } else { 0.0 };
    w.heading(l.section_signatures, SIGNATURES + sender_lines);
    signatures(&mut w, l, sender);

    // Every page says which proposal it belongs to: pages get separated on a desk.
    let header_right = match sender {
        Some(s) => format!("{name}  ·  {} {}", l.proposal_no, s.number),
        None => name.to_owned(),
    };
    let chrome = Chrome {
        title: l.proposal_title.to_owned(),
        header_right,
        footer_left: footer(lang, doc.date, doc.officer),
    };
    finish(w, &chrome, doc.officer, doc.date, lang)
}

fn cover(w: &mut Writer, doc: &ProposalDoc, sender: Option<&Sender>, proposed: &Schedule) {
    let l = labels(doc.lang);
    let client = &doc.client.fields;
    w.gap(120.0);
    w.paragraph(
        l.proposal_title,
        Style::new(28.0, ACCENT).bold(),
        LEFT,
        WIDTH,
    );
    w.gap(6.0);
    w.rule(LEFT, LEFT + 120.0, w.y, 2.0, ACCENT);
    w.gap(24.0);
    w.paragraph(
        &or_dash(l, &client.name),
        Style::new(16.0, INK).bold(),
        LEFT,
        WIDTH,
    );
    if let Some(en) = client
        .name_en
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        w.gap(2.0);
        w.paragraph(en, Style::new(11.0, MUTED), LEFT, WIDTH);
    }
    w.gap(36.0);
    let t = &proposed.terms;
    let mut rows = Vec::new();
    if let Some(s) = sender {
        rows.push((l.proposal_no.to_owned(), s.number.to_owned()));
    }
    rows.extend([
        (
            l.amount.to_owned(),
            text::figure(doc.lang, &t.currency, t.principal, doc.unit),
        ),
        (l.term.to_owned(), text::term(doc.lang, t.term_months)),
        (l.apr_nominal.to_owned(), percent(proposed.summary.apr)),
    ]);
    if let Some(s) = sender {
        rows.push((l.bank.to_owned(), or_dash(l, &s.bank.bank_name)));
        rows.push((l.branch.to_owned(), or_dash(l, &s.bank.branch)));
    }
    rows.push((l.prepared_by.to_owned(), or_dash(l, doc.officer)));
    if let Some(s) = sender {
        rows.push((
            l.officer_phone.to_owned(),
            or_dash(l, &s.bank.officer_phone),
        ));
    }
    rows.push((l.date.to_owned(), text::date(doc.lang, doc.date)));
    w.table(&list_table(rows));
    w.page_break();
}

fn or_dash(l: &Labels, value: &str) -> String {
    let value = value.trim();
    if value.is_empty() {
        l.none.to_owned()
    } else {
        value.to_owned()
    }
}

fn client_pairs(lang: Lang, client: &Client) -> Vec<(String, String)> {
    let l = labels(lang);
    let f = &client.fields;
    let opt = |v: &Option<String>| or_dash(l, v.as_deref().unwrap_or(""));
    let pairs = [
        (l.client_name, or_dash(l, &f.name)),
        (l.name_en, opt(&f.name_en)),
        (l.credit_code, opt(&f.credit_code)),
        (
            l.industry,
            or_dash(
                l,
                &crate::clients::industry::label(
                    f.industry_code.as_deref(),
                    f.industry.as_deref(),
                    lang.into(),
                ),
            ),
        ),
        (
            l.size,
            f.size
                .map_or(l.none.to_owned(), |s| text::size(lang, s).to_owned()),
        ),
        (l.region, opt(&f.region)),
        (l.tier, text::tier(lang, f.tier)),
        (
            l.product,
            f.product
                .map_or(l.none.to_owned(), |p| text::product(lang, p).to_owned()),
        ),
    ];
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// One label/value pair per row, the value wrapping across the rest of the width.
fn list_table(pairs: Vec<(String, String)>) -> Table {
    let label = 130.0;
    Table {
        columns: vec![
            Column::new("", label, Align::Left),
            Column::new("", WIDTH - label, Align::Left),
        ],
        header: false,
        rows: pairs
            .into_iter()
            .map(|(k, v)| (RowKind::Normal, vec![k, v]))
            .collect(),
        size: 9.5,
        zebra: true,
        label_columns: &[0],
        compact: false,
    }
}

fn contacts_table(l: &Labels, client: &Client) -> Table {
    let columns = vec![
        Column::new(l.contact_name, 110.0, Align::Left),
        Column::new(l.contact_role, 110.0, Align::Left),
        Column::new(l.contact_phone, 110.0, Align::Left),
        Column::new(l.contact_email, WIDTH - 330.0, Align::Left),
    ];
    let rows = client
        .fields
        .contacts
        .iter()
        .map(|c| {
            let cells = [&c.name, &c.role, &c.phone, &c.email].map(|v| or_dash(l, v));
            (RowKind::Normal, cells.to_vec())
        })
        .collect();
    Table {
        columns,
        header: true,
        rows,
        size: 9.0,
        zebra: true,
        label_columns: &[],
        compact: false,
    }
}

/// Scenarios side by side: one column each, the proposed first.
fn comparison_table(
    lang: Lang,
    scenarios: &[Schedule],
    unit: Option<crate::amount::AmountUnit>,
) -> Table {
    let l = labels(lang);
    let label = 120.0;
    let each = (WIDTH - label) / scenarios.len() as f32;
    let mut columns = vec![Column::new(l.item, label, Align::Left)];
    for i in 0..scenarios.len() {
        columns.push(Column::new(&text::option(lang, i), each, Align::Right));
    }
    let row = |label: &str, value: &dyn Fn(&Schedule) -> String| {
        let mut cells = vec![label.to_owned()];
        cells.extend(scenarios.iter().map(value));
        (RowKind::Normal, cells)
    };
    let amount = |s: &Schedule, v| text::payment(lang, &s.terms.currency, v, unit);
    let rows = vec![
        row(l.principal, &|s| {
            text::figure(lang, &s.terms.currency, s.terms.principal, unit)
        }),
        row(l.rate, &|s| text::rate(lang, &s.terms.rate)),
        row(l.method, &|s| text::method(lang, s.terms.method).to_owned()),
        row(l.term, &|s| text::term(lang, s.terms.term_months)),
        row(l.grace, &|s| text::term(lang, s.terms.grace_months)),
        row(l.fee, &|s| amount(s, s.terms.upfront_fee)),
        row(l.payment, &|s| amount(s, s.summary.payment)),
        row(l.total_interest, &|s| amount(s, s.summary.total_interest)),
        row(l.total_payment, &|s| amount(s, s.summary.total_payment)),
        row(l.apr_nominal, &|s| percent(s.summary.apr)),
        row(l.apr_effective, &|s| percent(s.summary.apr_effective)),
    ];
    Table {
        columns,
        header: true,
        rows,
        size: 9.0,
        zebra: true,
        label_columns: &[0],
        compact: false,
    }
}

/// Two signature blocks side by side: a line to sign on, and a line for the date; above
/// them, the bank and branch that issue the proposal and the officer's name and phone.
fn signatures(w: &mut Writer, l: &Labels, sender: Option<&Sender>) {
    if let Some(s) = sender {
        let bank = [s.bank.bank_name.trim(), s.bank.branch.trim()]
            .into_iter()
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let officer = [s.bank.officer_name.trim(), s.bank.officer_phone.trim()]
            .into_iter()
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>()
            .join("  ");
        w.table(&list_table(vec![
            (l.issued_by.to_owned(), or_dash(l, &bank)),
            (l.prepared_by.to_owned(), or_dash(l, &officer)),
        ]));
    }
    w.gap(30.0);
    let half = WIDTH / 2.0;
    let style = Style::new(9.5, INK);
    for (i, who) in [l.officer_sign, l.client_sign].into_iter().enumerate() {
        let x = LEFT + i as f32 * half;
        let line_end = x + half - 24.0;
        w.rule(x, line_end, w.y, 0.6, RULE);
        let label = w.clip(who, style, half - 24.0);
        w.text(x, w.y - 14.0, style, Align::Left, &label);
        w.rule(x, line_end, w.y - 50.0, 0.6, RULE);
        w.text(x, w.y - 64.0, style, Align::Left, l.sign_date);
    }
    w.gap(72.0);
}
