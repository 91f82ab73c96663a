//! The journey map as a file for the officer's own spreadsheets, CSV or XLSX, with the same
//! library and layout habits as the portfolio export: headers, stage, category and status names
//! in the language asked for. Three parts: the stages, their problems by category, and the
//! tier × lifecycle matrix (获客/活客/留客).
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::journey_map::{JourneyMap, JourneyMapStage, JourneyMapTier};
use super::ProblemCategory;
use crate::error::{Error, Result};
use crate::journey::stage_name;
use crate::labels::Text;
use crate::prefs::Language;

/// Headers and sheet names of the journey-map export.
mod label {
    use crate::labels::Text;

    pub const PERIOD: Text = Text::new("期间", "Period");
    pub const STAGE: Text = Text::new("阶段", "Stage");
    pub const CLIENTS: Text = Text::new("进入客户数", "Clients entered");
    pub const FEEDBACK: Text = Text::new("反馈数", "Feedback");
    pub const AVG_SCORE: Text = Text::new("平均满意度", "Average satisfaction");
    pub const DROP_OFF: Text = Text::new("流失客户数", "Drop-off");
    pub const OPEN: Text = Text::new("未闭环问题", "Open problems");
    pub const CLOSED: Text = Text::new("已闭环问题", "Closed problems");
    pub const TOP_PROBLEMS: Text = Text::new("主要问题", "Top problems");
    pub const CATEGORY: Text = Text::new("问题分类", "Problem category");
    pub const PROBLEMS: Text = Text::new("问题数", "Problems");
    pub const TIER: Text = Text::new("客户分层", "Tier");
    pub const PROSPECT: Text = Text::new("潜在客户", "Prospect");
    pub const ACTIVE: Text = Text::new("合作中", "Active");
    pub const LOYAL: Text = Text::new("忠诚/复贷", "Loyal");
    pub const DORMANT: Text = Text::new("休眠", "Dormant");
    pub const LOST: Text = Text::new("流失", "Lost");
    pub const ACQUISITION: Text = Text::new("获客", "Acquisition");
    pub const ACTIVATION: Text = Text::new("活客", "Activation");
    pub const RETENTION: Text = Text::new("留客", "Retention");
    pub const STAGES_SHEET: Text = Text::new("各阶段", "Stages");
    pub const MATRIX_SHEET: Text = Text::new("分层与生命周期", "Tier and lifecycle");
}

const STAGE_HEADERS: [Text; 8] = [
    label::STAGE,
    label::CLIENTS,
    label::FEEDBACK,
    label::AVG_SCORE,
    label::DROP_OFF,
    label::OPEN,
    label::CLOSED,
    label::TOP_PROBLEMS,
];

const MATRIX_HEADERS: [Text; 9] = [
    label::TIER,
    label::PROSPECT,
    label::ACTIVE,
    label::LOYAL,
    label::DORMANT,
    label::LOST,
    label::ACQUISITION,
    label::ACTIVATION,
    label::RETENTION,
];

/// A category as the officer reads it: a default's label, a bank's own by its own text.
pub fn category_label(key: &str, lang: Language) -> String {
    ProblemCategory::parse(key).map_or_else(|| key.to_owned(), |c| c.text().get(lang).to_owned())
}

/// The stage's problem categories, most raised first (then by key, so the order is stable).
pub fn ranked_problems(s: &JourneyMapStage) -> Vec<(&str, u32)> {
    let mut list: Vec<(&str, u32)> = s.problems.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    list
}

fn stage_label(stage: u8, lang: Language) -> String {
    format!("{stage} {}", stage_name(stage, lang))
}

fn top_problems(s: &JourneyMapStage, lang: Language) -> String {
    let sep = match lang {
        Language::Zh => "；",
        Language::En => "; ",
    };
    ranked_problems(s)
        .iter()
        .take(3)
        .map(|(k, n)| format!("{} {n}", category_label(k, lang)))
        .collect::<Vec<_>>()
        .join(sep)
}

fn matrix_counts(t: &JourneyMapTier) -> [u32; 8] {
    [
        t.prospect,
        t.active,
        t.loyal,
        t.dormant,
        t.lost,
        t.acquisition,
        t.activation,
        t.retention,
    ]
}

/// The map as CSV (UTF-8 with a BOM so Excel opens Chinese text correctly): the period, then the
/// stages, the problems by stage and category, and the matrix, each after a blank line.
pub fn journey_map_csv(m: &JourneyMap, lang: Language) -> String {
    let l = |t: Text| t.get(lang);
    let header = |labels: &[Text]| labels.iter().map(|t| l(*t)).collect::<Vec<_>>().join(",");
    let mut out = String::from("\u{feff}");
    out.push_str(&format!("{},{},{}\n\n", l(label::PERIOD), m.from, m.to));
    out.push_str(&header(&STAGE_HEADERS));
    out.push('\n');
    for s in &m.stages {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{}\n",
            csv_field(&stage_label(s.stage, lang)),
            s.clients,
            s.feedback,
            s.avg_score.map(|a| format!("{a:.2}")).unwrap_or_default(),
            s.drop_off,
            s.open_problems,
            s.closed_problems,
            csv_field(&top_problems(s, lang)),
        ));
    }
    out.push('\n');
    out.push_str(&header(&[label::STAGE, label::CATEGORY, label::PROBLEMS]));
    out.push('\n');
    for s in &m.stages {
        for (key, n) in ranked_problems(s) {
            out.push_str(&format!(
                "{},{},{n}\n",
                csv_field(&stage_label(s.stage, lang)),
                csv_field(&category_label(key, lang)),
            ));
        }
    }
    out.push('\n');
    out.push_str(&header(&MATRIX_HEADERS));
    out.push('\n');
    for t in &m.matrix {
        let counts: Vec<String> = matrix_counts(t).iter().map(u32::to_string).collect();
        out.push_str(&format!("{},{}\n", t.tier.as_str(), counts.join(",")));
    }
    out
}

/// Quotes a field when it needs it, and defuses a leading formula character (CSV injection): a
/// bank's own category is free text.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The map as an XLSX workbook: one sheet of the stages, one of the problems by category, one of
/// the tier × lifecycle matrix.
pub fn journey_map_xlsx(m: &JourneyMap, lang: Language) -> Result<Vec<u8>> {
    build_xlsx(m, lang).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

fn build_xlsx(m: &JourneyMap, lang: Language) -> std::result::Result<Vec<u8>, XlsxError> {
    let l = |t: Text| t.get(lang);
    let bold = Format::new().set_bold();
    // The mean is already rounded to 2 decimals by the core; the format only shows it so.
    let score = Format::new().set_num_format("0.00");
    let mut book = Workbook::new();

    let sheet = book.add_worksheet();
    sheet.set_name(l(label::STAGES_SHEET))?;
    sheet.write_string_with_format(0, 0, l(label::PERIOD), &bold)?;
    sheet.write_string(0, 1, m.from.to_string())?;
    sheet.write_string(0, 2, m.to.to_string())?;
    for (col, h) in STAGE_HEADERS.into_iter().enumerate() {
        sheet.write_string_with_format(2, col as u16, l(h), &bold)?;
    }
    for (i, s) in m.stages.iter().enumerate() {
        let row = i as u32 + 3;
        sheet.write_string(row, 0, stage_label(s.stage, lang))?;
        sheet.write_number(row, 1, s.clients)?;
        sheet.write_number(row, 2, s.feedback)?;
        if let Some(avg) = s.avg_score {
            sheet.write_number_with_format(row, 3, avg, &score)?;
        }
        sheet.write_number(row, 4, s.drop_off)?;
        sheet.write_number(row, 5, s.open_problems)?;
        sheet.write_number(row, 6, s.closed_problems)?;
        sheet.write_string(row, 7, top_problems(s, lang))?;
    }
    sheet.autofit();

    let sheet = book.add_worksheet();
    sheet.set_name(l(label::CATEGORY))?;
    for (col, h) in [label::STAGE, label::CATEGORY, label::PROBLEMS]
        .into_iter()
        .enumerate()
    {
        sheet.write_string_with_format(0, col as u16, l(h), &bold)?;
    }
    let mut row = 1;
    for s in &m.stages {
        for (key, n) in ranked_problems(s) {
            sheet.write_string(row, 0, stage_label(s.stage, lang))?;
            sheet.write_string(row, 1, category_label(key, lang))?;
            sheet.write_number(row, 2, n)?;
            row += 1;
        }
    }
    sheet.autofit();

    let sheet = book.add_worksheet();
    sheet.set_name(l(label::MATRIX_SHEET))?;
    for (col, h) in MATRIX_HEADERS.into_iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, l(h), &bold)?;
    }
    for (i, t) in m.matrix.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string(row, 0, t.tier.as_str())?;
        for (j, n) in matrix_counts(t).into_iter().enumerate() {
            sheet.write_number(row, j as u16 + 1, n)?;
        }
    }
    sheet.autofit();
    book.save_to_buffer()
}
