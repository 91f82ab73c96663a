//! A scanned statement page (资产负债表, 利润表, 现金流量表) rebuilt into rows and columns from
//! the boxes OCR found, then read exactly as `loandesk statements import` reads the template:
//! the same header row of years, unit line and label table (`documents::statement`), so a page
//! and a spreadsheet of the same statement give the same figures.
//!
//! Rows are the page's lines of text (straightened for skew); columns are the year headings: a
//! box right of the label column belongs to the heading nearest its centre.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use super::page::{lines, Placed};
use super::OcrBox;
use crate::documents::statement::{line_of_label, normalize_label, parse_text_rows, FinancialYear};
use crate::error::{Error, Result};
use crate::rule::Rule;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StatementRead {
    /// The years read, in the order of the page's columns, as a statement import gives them.
    pub years: Vec<FinancialYear>,
    /// Labels of rows with figures that match no line of the template (固定资产, 实收资本, …):
    /// the officer maps or ignores them.
    pub unmatched: Vec<String>,
    /// Per template line (its key), how sure the reading of its row is (0..1).
    pub confidence: BTreeMap<String, f32>,
    pub boxes: Vec<OcrBox>,
}

/// A heading cell: "2024", "2024年", "2024年度", "2024-12-31", "2024年12月31日", "FY2024".
fn year_of(text: &str) -> Option<i32> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.strip_prefix("FY").unwrap_or(&t);
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest = &t[digits.len()..];
    let plausible_rest = rest.is_empty()
        || rest.starts_with('年')
        || rest.starts_with('-')
        || rest.starts_with('.')
        || rest.starts_with('/');
    if digits.len() != 4 || !plausible_rest {
        return None;
    }
    digits.parse().ok().filter(|y| (1900..=2100).contains(y))
}

/// OCR's usual misreadings inside a figure (O for 0, l for 1), only when the rest is numeric.
fn figure_text(text: &str) -> String {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let fixed: String = t
        .chars()
        .map(|c| match c {
            'O' | 'o' => '0',
            'l' | 'I' => '1',
            '。' => '.',
            _ => c,
        })
        .collect();
    let numeric = fixed
        .chars()
        .all(|c| c.is_ascii_digit() || ",，.-−()（）¥￥".contains(c));
    if numeric {
        fixed.replace('（', "(").replace('）', ")")
    } else {
        t
    }
}

/// "单位：万元" wherever it is printed (often right of the 编制单位 line); None when the page
/// names no unit the importer knows.
fn unit_cell(lines: &[Vec<Placed>]) -> Option<String> {
    for line in lines {
        for p in line {
            let text = &p.b.text;
            for (i, _) in text.match_indices("单位") {
                let rest = normalize_label(&text[i + "单位".len()..]);
                let rest = rest.strip_prefix("unit").unwrap_or(&rest);
                if ["元", "千元", "万元", "人民币元"].contains(&rest) {
                    let unit = rest.trim_start_matches("人民币");
                    return Some(format!("单位：{unit}"));
                }
            }
        }
    }
    None
}

pub fn read_statement(boxes: &[OcrBox]) -> Result<StatementRead> {
    let lines = lines(boxes);
    // The heading row: the line with the most year headings (the first such).
    let (header, columns) = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let years: Vec<(f32, f32, i32)> = line
                .iter()
                .filter_map(|p| year_of(&p.b.text).map(|y| (p.left, p.right, y)))
                .collect();
            (i, years)
        })
        .filter(|(_, years)| !years.is_empty())
        .fold(
            None::<(usize, Vec<(f32, f32, i32)>)>,
            |best, cur| match best {
                Some(b) if b.1.len() >= cur.1.len() => Some(b),
                _ => Some(cur),
            },
        )
        .ok_or_else(|| Error::invalid("statement", Rule::StatementNoYears))?;
    let first_left = columns.iter().map(|c| c.0).fold(f32::MAX, f32::min);
    let centre = |c: &(f32, f32, i32)| (c.0 + c.1) / 2.0;

    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut heading = vec!["项目".to_string()];
    heading.extend(columns.iter().map(|c| c.2.to_string()));
    rows.push(heading);
    if let Some(unit) = unit_cell(&lines) {
        rows.push(vec![unit]);
    }
    let mut row_scores: Vec<Vec<f32>> = vec![Vec::new(); rows.len()];
    for line in lines.iter().skip(header + 1) {
        let mut label = String::new();
        let mut cells = vec![String::new(); columns.len()];
        let mut scores = Vec::new();
        let height = line.iter().map(Placed::height).fold(0.0, f32::max);
        for p in line {
            scores.push(p.b.score);
            // Left of the first heading (with some slack: figures are right-aligned under
            // headings that may be narrower than they are) is the label column.
            if p.right < first_left - height {
                label.push_str(p.b.text.trim());
                continue;
            }
            let nearest = columns
                .iter()
                .enumerate()
                .min_by(|a, b| {
                    let da = (centre(a.1) - p.cx()).abs();
                    let db = (centre(b.1) - p.cx()).abs();
                    da.partial_cmp(&db).unwrap_or(std::cmp::Ordering::Equal)
                })
                .map(|(i, _)| i);
            if let Some(i) = nearest {
                cells[i].push_str(&figure_text(&p.b.text));
            }
        }
        let mut row = vec![label];
        row.extend(cells);
        rows.push(row);
        row_scores.push(scores);
    }

    let years = parse_text_rows(&rows)?;
    let mut unmatched = Vec::new();
    let mut confidence = BTreeMap::new();
    for (row, scores) in rows.iter().zip(&row_scores).skip(1) {
        let label = row.first().map(String::as_str).unwrap_or("");
        let has_figures = row.iter().skip(1).any(|c| !c.is_empty());
        if label.is_empty() || !has_figures {
            continue;
        }
        match line_of_label(label) {
            Some(line) => {
                let mean = scores.iter().sum::<f32>() / scores.len().max(1) as f32;
                confidence.entry(line.as_str().to_string()).or_insert(mean);
            }
            None => unmatched.push(label.to_string()),
        }
    }
    Ok(StatementRead {
        years,
        unmatched,
        confidence,
        boxes: boxes.to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::statement::StatementLine as L;
    use rust_decimal::Decimal;

    fn b(text: &str, left: u32, top: u32, right: u32) -> OcrBox {
        OcrBox::rect(text, 0.9, left, top, right, top + 30)
    }

    #[test]
    fn rows_and_columns_are_rebuilt_and_read_like_the_template() {
        let boxes = vec![
            b("资产负债表", 600, 40, 900),
            b("编制单位：湖南星沙精密机械制造有限公司", 80, 100, 700),
            b("单位：万元", 1100, 100, 1250),
            b("项目", 80, 160, 160),
            b("2024年", 820, 160, 920),
            b("2023年", 1120, 160, 1220),
            b("货币资金", 80, 210, 220),
            b("1,234.50", 780, 210, 920),
            b("1,000.00", 1080, 210, 1220),
            b("存货", 80, 260, 160),
            b("(12.00)", 800, 260, 920),
            b("3O0.00", 1100, 260, 1220),
            b("固定资产", 80, 310, 220),
            b("5,000.00", 780, 310, 920),
            b("4,800.00", 1080, 310, 1220),
            b("资产总计", 80, 360, 220),
            b("9,000.00", 780, 360, 920),
        ];
        let r = read_statement(&boxes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.years.len(), 2);
        assert_eq!((r.years[0].year, r.years[1].year), (2024, 2023));
        let y0 = &r.years[0];
        assert_eq!(y0.get(L::Cash), Some(Decimal::from(12_345_000)));
        assert_eq!(y0.get(L::Inventory), Some(Decimal::from(-120_000)));
        assert_eq!(y0.get(L::TotalAssets), Some(Decimal::from(90_000_000)));
        assert_eq!(r.years[1].get(L::Inventory), Some(Decimal::from(3_000_000)));
        // An empty cell is a figure not given.
        assert_eq!(r.years[1].get(L::TotalAssets), None);
        assert_eq!(r.unmatched, vec!["固定资产".to_string()]);
        assert!(r.confidence.contains_key("cash"));
    }

    #[test]
    fn a_page_without_years_is_refused() {
        let boxes = vec![b("货币资金", 80, 210, 220), b("1,234.50", 780, 210, 920)];
        assert!(read_statement(&boxes).is_err());
    }
}
