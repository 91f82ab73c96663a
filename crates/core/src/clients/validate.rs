//! Checks on what the officer typed, before anything is stored.
use super::model::{ClientInput, TouchpointInput};
use super::{credit_code, industry};
use crate::error::{Error, Result};
use crate::rule::Rule;

const MAX_NAME: usize = 200;
const MAX_TEXT: usize = 20_000;

fn trimmed(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Returns the input normalised (trimmed, credit code upper case, empty optionals as None).
pub fn client(input: &ClientInput) -> Result<ClientInput> {
    let mut out = input.clone();
    out.name = input.name.trim().to_string();
    if out.name.is_empty() {
        return Err(Error::invalid("name", Rule::Required));
    }
    if out.name.chars().count() > MAX_NAME {
        return Err(Error::invalid("name", Rule::MaxChars(MAX_NAME)));
    }
    out.name_en = trimmed(&input.name_en);
    out.industry = trimmed(&input.industry);
    // A code chosen must be the table's; free text alone is classified when that is obvious
    // and kept under `other` when it is not (CLI, bulk import).
    out.industry_code = match trimmed(&input.industry_code) {
        Some(code) => Some(
            industry::canonical(&code)
                .ok_or_else(|| Error::invalid("industry_code", Rule::Unknown(code.clone())))?
                .to_string(),
        ),
        None => out
            .industry
            .as_deref()
            .map(|t| industry::classify(t).unwrap_or(industry::OTHER).to_string()),
    };
    // Words that are only the code or its name ("C34", "通用设备制造业") say nothing more.
    if input.industry_code.is_none()
        && matches!((&out.industry, &out.industry_code), (Some(t), Some(c)) if industry::names_exactly(t, c))
    {
        out.industry = None;
    }
    out.region = trimmed(&input.region);
    out.credit_code = match trimmed(&input.credit_code) {
        Some(code) => {
            Some(credit_code::validate(&code).map_err(|rule| Error::invalid("credit_code", rule))?)
        }
        None => None,
    };
    if !(1..=5).contains(&input.stage) {
        return Err(Error::invalid(
            "stage",
            Rule::Range {
                min: "1".into(),
                max: "5".into(),
            },
        ));
    }
    if input.notes.chars().count() > MAX_TEXT {
        return Err(Error::invalid("notes", Rule::MaxChars(MAX_TEXT)));
    }
    out.contacts = Vec::new();
    for (i, c) in input.contacts.iter().enumerate() {
        let mut c = c.clone();
        c.name = c.name.trim().to_string();
        c.role = c.role.trim().to_string();
        c.phone = c.phone.trim().to_string();
        c.email = c.email.trim().to_string();
        if c.name.is_empty() && c.phone.is_empty() && c.email.is_empty() && c.role.is_empty() {
            continue; // an untouched blank row in the form
        }
        if c.name.is_empty() {
            return Err(Error::invalid(
                &format!("contacts.{i}.name"),
                Rule::Required,
            ));
        }
        if !c.email.is_empty() && !looks_like_email(&c.email) {
            return Err(Error::invalid(&format!("contacts.{i}.email"), Rule::Email));
        }
        if !c.phone.is_empty()
            && !c
                .phone
                .chars()
                .all(|ch| ch.is_ascii_digit() || " +-()".contains(ch))
        {
            return Err(Error::invalid(&format!("contacts.{i}.phone"), Rule::Phone));
        }
        out.contacts.push(c);
    }
    Ok(out)
}

fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty() && domain.contains('.') && !domain.starts_with('.') && !s.contains(' ')
        }
        None => false,
    }
}

pub fn touchpoint(input: &TouchpointInput) -> Result<TouchpointInput> {
    let mut out = input.clone();
    out.summary = input.summary.trim().to_string();
    out.next_step = input.next_step.trim().to_string();
    if out.summary.is_empty() {
        return Err(Error::invalid("summary", Rule::Required));
    }
    if out.summary.chars().count() > MAX_TEXT {
        return Err(Error::invalid("summary", Rule::MaxChars(MAX_TEXT)));
    }
    if let Some(next) = input.next_contact_date {
        if next < input.date {
            return Err(Error::invalid("next_contact_date", Rule::NotBefore("date")));
        }
    }
    Ok(out)
}
