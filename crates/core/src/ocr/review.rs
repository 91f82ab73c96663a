//! What the app shows the officer after OCR, and what an accepted value changes.
//!
//! A licence read becomes one [`LicenceFieldReview`] per field found: the proposed value beside
//! the client's current one, with how sure the reading is. The officer accepts fields one by
//! one; [`apply_licence`] writes only those into a [`ClientInput`], which the app then saves
//! through the ordinary client update (or the new-client form), so nothing is stored that the
//! officer did not accept and the client's validation (credit-code check) still applies.
//!
//! Where each field lands in the client record: the credit code and the name in their fields,
//! the legal representative as a contact whose role is 法定代表人, and the other licence facts
//! (registered capital, date of establishment, address, type, scope) as `标签：值` lines of the
//! notes, each replaced in place when accepted again.
//!
//! A statement in several scanned pages is read page by page and put together here
//! ([`read_statement_pages`]), as `loandesk ocr statement` does.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{read_statement, LicenceRead, OcrBox, StatementRead};
use crate::clients::{ClientInput, Contact};
use crate::error::{Error, Result};
use crate::labels::labelled;
use crate::rule::Rule;

labelled! {
    /// A field of a business licence the app can fill.
    pub enum LicenceField {
        CreditCode = "credit_code" => ("统一社会信用代码", "Unified social credit code"),
        Name = "name" => ("名称", "Name"),
        LegalRepresentative = "legal_representative" => ("法定代表人", "Legal representative"),
        RegisteredCapital = "registered_capital" => ("注册资本", "Registered capital"),
        EstablishedOn = "established_on" => ("成立日期", "Date of establishment"),
        Address = "address" => ("住所", "Address"),
        CompanyType = "type" => ("类型", "Type"),
        BusinessScope = "business_scope" => ("经营范围", "Business scope"),
    }
}

/// The role of the contact that holds the legal representative (the licence's own term).
pub const LEGAL_REPRESENTATIVE_ROLE: &str = "法定代表人";

/// One field as the review dialog shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LicenceFieldReview {
    pub field: LicenceField,
    pub proposed: String,
    /// The client's value now; None when the client has none.
    pub current: Option<String>,
    /// 0..1; None when the reader gave no figure for the field.
    pub confidence: Option<f32>,
}

/// A licence read, laid out for the officer's review.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LicenceReview {
    /// In the licence's order; fields not found are left out.
    pub fields: Vec<LicenceFieldReview>,
    pub credit_code_valid: bool,
    pub credit_code_repaired: bool,
    /// Every line found on the page, to draw over its image.
    pub boxes: Vec<OcrBox>,
    /// The page's size in pixels (the boxes' coordinates).
    pub page_width: u32,
    pub page_height: u32,
}

/// A value the officer accepted (possibly corrected).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AcceptedField {
    pub field: LicenceField,
    pub value: String,
}

fn read_value(read: &LicenceRead, field: LicenceField) -> Option<&String> {
    use LicenceField as F;
    match field {
        F::CreditCode => read.credit_code.as_ref(),
        F::Name => read.name.as_ref(),
        F::LegalRepresentative => read.legal_representative.as_ref(),
        F::RegisteredCapital => read.registered_capital.as_ref(),
        F::EstablishedOn => read.established_on.as_ref(),
        F::Address => read.address.as_ref(),
        F::CompanyType => read.company_type.as_ref(),
        F::BusinessScope => read.business_scope.as_ref(),
    }
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The notes line that holds `field` (`注册资本：伍佰万元整`), its value.
fn note_value(notes: &str, field: LicenceField) -> Option<String> {
    let label = field.text().zh;
    notes.lines().find_map(|l| {
        let rest = l.trim_start().strip_prefix(label)?;
        let rest = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':'))?;
        non_empty(rest)
    })
}

/// The client's current value of `field`.
pub fn current_value(client: &ClientInput, field: LicenceField) -> Option<String> {
    use LicenceField as F;
    match field {
        F::CreditCode => client.credit_code.as_deref().and_then(non_empty),
        F::Name => non_empty(&client.name),
        F::LegalRepresentative => client
            .contacts
            .iter()
            .find(|c| c.role.trim() == LEGAL_REPRESENTATIVE_ROLE)
            .and_then(|c| non_empty(&c.name)),
        _ => note_value(&client.notes, field),
    }
}

/// The review of a licence read against the client's current values (a blank form for a new
/// client).
pub fn review_licence(
    read: &LicenceRead,
    client: &ClientInput,
    page_width: u32,
    page_height: u32,
) -> LicenceReview {
    let fields = LicenceField::ALL
        .iter()
        .filter_map(|&field| {
            let proposed = non_empty(read_value(read, field)?)?;
            Some(LicenceFieldReview {
                field,
                proposed,
                current: current_value(client, field),
                confidence: read.confidence.get(field.as_str()).copied(),
            })
        })
        .collect();
    LicenceReview {
        fields,
        credit_code_valid: read.credit_code_valid,
        credit_code_repaired: read.credit_code_repaired,
        boxes: read.boxes.clone(),
        page_width,
        page_height,
    }
}

/// `client` with the accepted values written in; fields not accepted are left as they were.
/// An empty accepted value is ignored (accepting never clears a field).
pub fn apply_licence(mut client: ClientInput, accepted: &[AcceptedField]) -> ClientInput {
    use LicenceField as F;
    for a in accepted {
        let Some(value) = non_empty(&a.value) else {
            continue;
        };
        match a.field {
            F::CreditCode => client.credit_code = Some(value.to_uppercase()),
            F::Name => client.name = value,
            F::LegalRepresentative => {
                let role = LEGAL_REPRESENTATIVE_ROLE;
                let blank = |c: &Contact| {
                    [&c.name, &c.role, &c.phone, &c.email]
                        .iter()
                        .all(|f| f.trim().is_empty())
                };
                // The contact already in that role, else a blank row of the form, else a new one.
                let at = client
                    .contacts
                    .iter()
                    .position(|c| c.role.trim() == role)
                    .or_else(|| client.contacts.iter().position(blank));
                match at.and_then(|i| client.contacts.get_mut(i)) {
                    Some(c) => {
                        c.name = value;
                        c.role = role.to_string();
                    }
                    None => client.contacts.push(Contact {
                        name: value,
                        role: role.to_string(),
                        ..Contact::default()
                    }),
                }
            }
            field => client.notes = set_note(&client.notes, field, &value),
        }
    }
    client
}

fn set_note(notes: &str, field: LicenceField, value: &str) -> String {
    // One line per field: a scope with line breaks would spill into the next one.
    let value: String = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let line = format!("{}：{value}", field.text().zh);
    let mut replaced = false;
    let mut out: Vec<String> = notes
        .lines()
        .map(|l| {
            if !replaced && note_value(l, field).is_some() {
                replaced = true;
                line.clone()
            } else {
                l.to_string()
            }
        })
        .collect();
    if !replaced {
        out.push(line);
    }
    let joined = out.join("\n");
    joined.trim_start_matches('\n').to_string()
}

/// The statement on several pages (资产负债表, then 利润表, ...): each page read on its own and
/// the years put together (a line already read on an earlier page is kept). A page without a
/// year heading is skipped when another page has one; when none has, the first page's error.
pub fn read_statement_pages(pages: &[Vec<OcrBox>]) -> Result<StatementRead> {
    let mut merged: Option<StatementRead> = None;
    let mut first_error = None;
    for boxes in pages {
        match read_statement(boxes) {
            Ok(read) => match merged.as_mut() {
                None => merged = Some(read),
                Some(m) => merge(m, read),
            },
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match (merged, first_error) {
        (Some(read), _) => Ok(read),
        (None, Some(e)) => Err(e),
        (None, None) => Err(Error::invalid("file", Rule::NoTextFound)),
    }
}

fn merge(into: &mut StatementRead, page: StatementRead) {
    for year in page.years {
        match into.years.iter_mut().find(|y| y.year == year.year) {
            Some(y) => {
                for (line, v) in year.figures {
                    y.figures.entry(line).or_insert(v);
                }
            }
            None => into.years.push(year),
        }
    }
    for label in page.unmatched {
        if !into.unmatched.contains(&label) {
            into.unmatched.push(label);
        }
    }
    for (k, v) in page.confidence {
        into.confidence.entry(k).or_insert(v);
    }
    into.boxes.extend(page.boxes);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use super::*;
    use std::collections::BTreeMap;

    fn read() -> LicenceRead {
        LicenceRead {
            credit_code: Some("91430100MA4L2X8P3Y".into()),
            credit_code_valid: true,
            credit_code_repaired: true,
            name: Some("湖南星沙精密机械制造有限公司".into()),
            legal_representative: Some("张伟".into()),
            registered_capital: Some("伍佰万元整".into()),
            established_on: Some("2016-03-15".into()),
            address: Some("湖南省长沙市岳麓区麓谷大道668号".into()),
            company_type: None,
            business_scope: None,
            confidence: BTreeMap::from([("name".to_string(), 0.98)]),
            boxes: Vec::new(),
        }
    }

    #[test]
    fn the_review_puts_each_value_found_beside_the_current_one() {
        let mut client = ClientInput::named("星沙机械");
        client.notes = "老客户\n注册资本：叁佰万元整".into();
        let r = review_licence(&read(), &client, 100, 200);
        let keys: Vec<&str> = r.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            keys,
            [
                "credit_code",
                "name",
                "legal_representative",
                "registered_capital",
                "established_on",
                "address"
            ]
        );
        assert_eq!(r.fields[1].current.as_deref(), Some("星沙机械"));
        assert_eq!(r.fields[1].confidence, Some(0.98));
        assert_eq!(r.fields[0].current, None);
        assert_eq!(r.fields[3].current.as_deref(), Some("叁佰万元整"));
        assert!(r.credit_code_repaired);
    }

    #[test]
    fn only_accepted_fields_are_written() {
        let mut client = ClientInput::named("星沙机械");
        client.notes = "老客户\n注册资本：叁佰万元整".into();
        // The new-client form's one blank contact row is filled, not left above the new one.
        client.contacts.push(Contact::default());
        let accepted = [
            AcceptedField {
                field: LicenceField::CreditCode,
                value: "91430100ma4l2x8p3y".into(),
            },
            AcceptedField {
                field: LicenceField::LegalRepresentative,
                value: "张伟".into(),
            },
            AcceptedField {
                field: LicenceField::RegisteredCapital,
                value: "伍佰万元整".into(),
            },
            AcceptedField {
                field: LicenceField::Address,
                value: "长沙市\n岳麓区".into(),
            },
            AcceptedField {
                field: LicenceField::Name,
                value: "  ".into(),
            },
        ];
        let out = apply_licence(client, &accepted);
        assert_eq!(out.name, "星沙机械", "an empty value clears nothing");
        assert_eq!(out.credit_code.as_deref(), Some("91430100MA4L2X8P3Y"));
        assert_eq!(out.contacts.len(), 1);
        assert_eq!(out.contacts[0].role, LEGAL_REPRESENTATIVE_ROLE);
        assert_eq!(
            out.notes,
            "老客户\n注册资本：伍佰万元整\n住所：长沙市 岳麓区"
        );
        // Accepting again replaces, never duplicates.
        let again = apply_licence(
            out,
            &[AcceptedField {
                field: LicenceField::LegalRepresentative,
                value: "李娜".into(),
            }],
        );
        assert_eq!(again.contacts.len(), 1);
        assert_eq!(
            current_value(&again, LicenceField::LegalRepresentative).as_deref(),
            Some("李娜")
        );
    }

    #[test]
    fn pages_without_text_are_an_error() {
        let err = read_statement_pages(&[]).expect_err("nothing read");
        assert_eq!(err.code(), "validation");
    }
}
