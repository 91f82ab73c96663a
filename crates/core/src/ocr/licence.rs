//! The fields of a business licence (营业执照) from the lines of text on its page.
//!
//! A licence lays out "label value" pairs, in one column (older licences) or two (the 2019
//! landscape layout: 名称, 类型, 法定代表人, 经营范围 on the left; 注册资本, 成立日期, 营业期限,
//! 住所 on the right). OCR may give a label and its value as one box ("名称 湖南…有限公司") or
//! two, may split a letter-spaced label ("名" "称"), and long values (address, business scope)
//! go on over the next lines, aligned under the value's start. So: each line's text is scanned
//! for labels that begin a box; a value is the text up to the next label; a line without a
//! label continues the field whose value column it sits under.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use super::credit_code::{read_credit_code, CreditCodeRead};
use super::page::{lines, Placed};
use super::OcrBox;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    CreditCode,
    Name,
    Type,
    LegalRepresentative,
    RegisteredCapital,
    EstablishedOn,
    Address,
    BusinessScope,
    /// Labels read only so their values do not run into another field's.
    Other,
}

impl Field {
    fn key(self) -> &'static str {
        match self {
            Field::CreditCode => "credit_code",
            Field::Name => "name",
            Field::Type => "type",
            Field::LegalRepresentative => "legal_representative",
            Field::RegisteredCapital => "registered_capital",
            Field::EstablishedOn => "established_on",
            Field::Address => "address",
            Field::BusinessScope => "business_scope",
            Field::Other => "other",
        }
    }

    /// Values that wrap onto the next lines.
    fn continues(self) -> bool {
        matches!(self, Field::Name | Field::Address | Field::BusinessScope)
    }
}

/// Labels, longest first where one contains another (主要经营场所 before 经营场所).
const LABELS: &[(&str, Field)] = &[
    ("统一社会信用代码", Field::CreditCode),
    ("社会信用代码", Field::CreditCode),
    ("注册号", Field::CreditCode),
    ("企业名称", Field::Name),
    ("名称", Field::Name),
    ("主体类型", Field::Type),
    ("类型", Field::Type),
    ("法定代表人", Field::LegalRepresentative),
    ("执行事务合伙人", Field::LegalRepresentative),
    ("负责人", Field::LegalRepresentative),
    ("经营者", Field::LegalRepresentative),
    ("投资人", Field::LegalRepresentative),
    ("注册资本", Field::RegisteredCapital),
    ("注册资金", Field::RegisteredCapital),
    ("出资额", Field::RegisteredCapital),
    ("成立日期", Field::EstablishedOn),
    ("注册日期", Field::EstablishedOn),
    ("主要经营场所", Field::Address),
    ("经营场所", Field::Address),
    ("住所", Field::Address),
    ("经营范围", Field::BusinessScope),
    ("营业期限", Field::Other),
    ("合伙期限", Field::Other),
    ("经营期限", Field::Other),
    ("登记机关", Field::Other),
    ("组成形式", Field::Other),
];

/// What was read off a licence: each value as proposed to the officer, with how sure the
/// reading is (0..1) in `confidence` under the field's name.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LicenceRead {
    pub credit_code: Option<String>,
    /// The code passes the GB 32100 check (possibly after a repair; see `credit_code_repaired`).
    pub credit_code_valid: bool,
    pub credit_code_repaired: bool,
    pub name: Option<String>,
    pub legal_representative: Option<String>,
    /// As printed: "伍佰万元整", "人民币500万元".
    pub registered_capital: Option<String>,
    /// ISO date (2016-03-15) when the printed date reads as one, else as printed.
    pub established_on: Option<String>,
    pub address: Option<String>,
    /// 类型 and 经营范围: in the JSON only when the licence prints them.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    #[ts(rename = "type", optional)]
    pub company_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub business_scope: Option<String>,
    pub confidence: BTreeMap<String, f32>,
    pub boxes: Vec<OcrBox>,
}

struct Value {
    field: Field,
    text: String,
    scores: Vec<f32>,
    /// Where the value's column starts (continuation lines align with it) and the label's.
    value_left: f32,
    label_left: f32,
    bottom: f32,
    height: f32,
}

/// One character of a line with the box it came from and its estimated x.
struct Ch {
    c: char,
    x: f32,
    box_start: bool,
    score: f32,
}

fn chars_of(line: &[Placed]) -> Vec<Ch> {
    let mut out = Vec::new();
    for p in line {
        let cs: Vec<char> = p.b.text.chars().collect();
        let n = cs.len().max(1) as f32;
        let mut first = true;
        for (i, c) in cs.iter().enumerate() {
            if c.is_whitespace() {
                continue;
            }
            out.push(Ch {
                c: *c,
                x: p.left + (p.right - p.left) * (i as f32 / n),
                box_start: first,
                score: p.b.score,
            });
            first = false;
        }
    }
    out
}

/// The label starting at `i`, if one does and it starts a box (a label's characters inside a
/// value, 湖南类型科技有限公司, are the value's).
fn label_at(chars: &[Ch], i: usize) -> Option<(usize, Field)> {
    if !chars[i].box_start {
        return None;
    }
    LABELS.iter().find_map(|(label, field)| {
        let n = label.chars().count();
        let matches = chars.len() >= i + n
            && chars[i..i + n]
                .iter()
                .zip(label.chars())
                .all(|(a, b)| a.c == b);
        matches.then_some((n, *field))
    })
}

fn clean(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：' | '.' | '·' | ','))
        .to_string()
}

pub fn read_licence(boxes: &[OcrBox]) -> LicenceRead {
    let mut values: Vec<Value> = Vec::new();
    for line in lines(boxes) {
        let chars = chars_of(&line);
        let starts: Vec<(usize, usize, Field)> = (0..chars.len())
            .filter_map(|i| label_at(&chars, i).map(|(n, f)| (i, n, f)))
            .collect();
        let line_height = line.iter().map(Placed::height).fold(0.0, f32::max);
        let bottom = line.iter().map(|p| p.bottom).fold(0.0, f32::max);
        // Text before the first label continues a field above it, by column.
        let first = starts.first().map(|s| s.0).unwrap_or(chars.len());
        if first > 0 {
            continue_fields(&mut values, &chars[..first], bottom, line_height);
        }
        for (k, &(i, n, field)) in starts.iter().enumerate() {
            let end = starts.get(k + 1).map(|s| s.0).unwrap_or(chars.len());
            let value = &chars[i + n..end];
            let text: String = value.iter().map(|c| c.c).collect();
            values.push(Value {
                field,
                text: clean(&text),
                scores: value.iter().map(|c| c.score).collect(),
                value_left: value.first().map(|c| c.x).unwrap_or(chars[i].x),
                label_left: chars[i].x,
                bottom,
                height: line_height,
            });
        }
    }

    let mut read = LicenceRead {
        credit_code: None,
        credit_code_valid: false,
        credit_code_repaired: false,
        name: None,
        legal_representative: None,
        registered_capital: None,
        established_on: None,
        address: None,
        company_type: None,
        business_scope: None,
        confidence: BTreeMap::new(),
        boxes: boxes.to_vec(),
    };
    let mean = |s: &[f32]| {
        if s.is_empty() {
            0.0
        } else {
            s.iter().sum::<f32>() / s.len() as f32
        }
    };
    for v in &values {
        if v.text.is_empty() || v.field == Field::Other {
            continue;
        }
        let mut confidence = mean(&v.scores);
        let slot = match v.field {
            Field::CreditCode => {
                let Some(code) = read_credit_code(&v.text) else {
                    continue;
                };
                set_code(&mut read, &code, &mut confidence);
                continue;
            }
            Field::Name => &mut read.name,
            Field::Type => &mut read.company_type,
            Field::LegalRepresentative => &mut read.legal_representative,
            Field::RegisteredCapital => &mut read.registered_capital,
            Field::EstablishedOn => {
                let (date, ok) = iso_date(&v.text);
                if !ok {
                    confidence *= 0.5;
                }
                if read.established_on.is_none() {
                    read.established_on = Some(date);
                    read.confidence.insert(v.field.key().into(), confidence);
                }
                continue;
            }
            Field::Address => &mut read.address,
            Field::BusinessScope => &mut read.business_scope,
            Field::Other => continue,
        };
        // The first reading of a label wins (a licence prints each once).
        if slot.is_none() {
            *slot = Some(chinese_punctuation(&v.text));
            read.confidence.insert(v.field.key().into(), confidence);
        }
    }
    // No labelled code (the label unread, or on its own line): any line holding one that
    // validates.
    if !read.credit_code_valid {
        for b in boxes {
            if let Some(code) = read_credit_code(&b.text).filter(|c| c.valid) {
                let mut confidence = b.score;
                set_code(&mut read, &code, &mut confidence);
                break;
            }
        }
    }
    read
}

fn set_code(read: &mut LicenceRead, code: &CreditCodeRead, confidence: &mut f32) {
    if read.credit_code_valid {
        return;
    }
    // A repaired code is likely right but was not read as printed; an invalid one is wrong.
    if code.repaired {
        *confidence *= 0.8;
    } else if !code.valid {
        *confidence *= 0.3;
    }
    read.credit_code = Some(code.code.clone());
    read.credit_code_valid = code.valid;
    read.credit_code_repaired = code.repaired;
    read.confidence
        .insert(Field::CreditCode.key().into(), *confidence);
}

/// Text at the start of a line with no label of its own: appended to the wrapping field whose
/// value column it starts under, when that field ended on the line just above.
fn continue_fields(values: &mut [Value], chars: &[Ch], bottom: f32, height: f32) {
    // Split into runs by box start: each box finds its own field (two columns may both wrap).
    let mut runs: Vec<&[Ch]> = Vec::new();
    let mut start = 0;
    for i in 1..=chars.len() {
        if i == chars.len() || chars[i].box_start {
            runs.push(&chars[start..i]);
            start = i;
        }
    }
    for run in runs {
        let Some(first) = run.first() else {
            continue;
        };
        let tolerance = height * 1.5;
        let target = values
            .iter_mut()
            .filter(|v| v.field.continues() || v.field == Field::Other)
            .filter(|v| {
                first.x >= v.label_left + height * 0.5 && first.x >= v.value_left - tolerance
            })
            .filter(|v| bottom - v.bottom < v.height * 2.6)
            // The column nearest on the left: the right column's field for a run on the right.
            .max_by(|a, b| {
                a.label_left
                    .partial_cmp(&b.label_left)
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
        if let Some(v) = target {
            v.text
                .push_str(&clean(&run.iter().map(|c| c.c).collect::<String>()));
            v.scores.extend(run.iter().map(|c| c.score));
            v.bottom = bottom;
        }
    }
}

/// A licence prints its Chinese text with full-width punctuation and no spaces (the register
/// holds names that way); OCR may read （ as ( and put a space before it. Spaces between two
/// Latin letters or digits ("ABC Technology") stay.
fn chinese_punctuation(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let mapped = match c {
            '(' => '（',
            ')' => '）',
            ',' => '，',
            ';' => '；',
            ':' => '：',
            c => c,
        };
        if c.is_whitespace() {
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            let after = chars.get(i + 1);
            let latin = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if !(latin(before) && latin(after)) {
                continue;
            }
        }
        out.push(mapped);
    }
    out
}

/// "2016年03月15日", "2016年3月5日", "2016-03-15", "2016.03.15" as 2016-03-15; else as printed.
fn iso_date(text: &str) -> (String, bool) {
    let numbers: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    if let [y, m, d, ..] = numbers[..] {
        if let Some(date) = chrono::NaiveDate::from_ymd_opt(y as i32, m, d) {
            if (1949..=2100).contains(&y) {
                return (date.format("%Y-%m-%d").to_string(), true);
            }
        }
    }
    (text.to_string(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(text: &str, left: u32, top: u32, right: u32) -> OcrBox {
        OcrBox::rect(text, 0.95, left, top, right, top + 40)
    }

    fn two_column() -> Vec<OcrBox> {
        vec![
            b("营业执照", 900, 100, 1500),
            b("统一社会信用代码 91430100MA4L2X8P3Y", 100, 260, 1000),
            b("名", 100, 400, 140),
            b("称", 230, 400, 270),
            b("湖南星沙精密机械制造有限公司", 330, 400, 1100),
            b("注册资本", 1300, 400, 1460),
            b("伍佰万元整", 1530, 400, 1760),
            b("类型 有限责任公司（自然人投资或控股）", 100, 470, 1000),
            b("成立日期 2016年03月15日", 1300, 470, 1800),
            b("法定代表人", 100, 540, 300),
            b("张伟", 330, 540, 420),
            b("营业期限 2016年03月15日至长期", 1300, 540, 2000),
            b("经营范围", 100, 610, 300),
            b("精密机械零部件的研发、制造与销售；", 330, 610, 1100),
            b("住所", 1300, 610, 1390),
            b("湖南省长沙市岳麓区麓谷大道", 1530, 610, 2200),
            b("货物进出口。", 330, 680, 600),
            b("668号创新大厦12楼", 1530, 680, 1950),
            b("登记机关", 1300, 900, 1460),
        ]
    }

    #[test]
    fn reads_a_two_column_licence_with_split_labels_and_wrapped_values() {
        let r = read_licence(&two_column());
        assert_eq!(r.credit_code.as_deref(), Some("91430100MA4L2X8P3Y"));
        assert!(r.credit_code_valid);
        assert_eq!(r.name.as_deref(), Some("湖南星沙精密机械制造有限公司"));
        assert_eq!(r.registered_capital.as_deref(), Some("伍佰万元整"));
        assert_eq!(
            r.company_type.as_deref(),
            Some("有限责任公司（自然人投资或控股）")
        );
        assert_eq!(r.established_on.as_deref(), Some("2016-03-15"));
        assert_eq!(r.legal_representative.as_deref(), Some("张伟"));
        assert_eq!(
            r.address.as_deref(),
            Some("湖南省长沙市岳麓区麓谷大道668号创新大厦12楼")
        );
        assert_eq!(
            r.business_scope.as_deref(),
            Some("精密机械零部件的研发、制造与销售；货物进出口。")
        );
        for key in ["credit_code", "name", "address"] {
            let c = r.confidence.get(key).copied().unwrap_or(0.0);
            assert!(c > 0.9 && c <= 1.0, "{key}: {c}");
        }
    }

    #[test]
    fn values_get_the_licence_s_full_width_punctuation() {
        let boxes = vec![b("类型 有限责任公司 (自然人投资或控股)", 100, 100, 900)];
        assert_eq!(
            read_licence(&boxes).company_type.as_deref(),
            Some("有限责任公司（自然人投资或控股）")
        );
        assert_eq!(
            chinese_punctuation("ABC Technology 有限公司"),
            "ABC Technology有限公司"
        );
    }

    #[test]
    fn a_label_inside_a_value_is_the_value() {
        let boxes = vec![b("名称 湖南类型科技有限公司", 100, 100, 900)];
        assert_eq!(
            read_licence(&boxes).name.as_deref(),
            Some("湖南类型科技有限公司")
        );
    }

    #[test]
    fn an_unlabelled_code_and_other_label_variants_are_found() {
        let boxes = vec![
            b("9I430100MA4L2X8P3Y", 100, 100, 600),
            b("名称：长沙某某餐饮店", 100, 200, 600),
            b("经营者：李娜", 100, 270, 600),
            b("经营场所：长沙市开福区", 100, 340, 600),
            b("注册日期 2020.7.1", 100, 410, 600),
        ];
        let r = read_licence(&boxes);
        assert_eq!(r.credit_code.as_deref(), Some("91430100MA4L2X8P3Y"));
        assert!(r.credit_code_repaired);
        assert!(r.confidence["credit_code"] < 0.95 * 0.81);
        assert_eq!(r.name.as_deref(), Some("长沙某某餐饮店"));
        assert_eq!(r.legal_representative.as_deref(), Some("李娜"));
        assert_eq!(r.address.as_deref(), Some("长沙市开福区"));
        assert_eq!(r.established_on.as_deref(), Some("2020-07-01"));
        assert_eq!(r.business_scope, None);
    }

    #[test]
    fn nothing_read_is_nothing_proposed() {
        let r = read_licence(&[]);
        assert_eq!(r.name, None);
        assert!(r.confidence.is_empty());
    }
}
