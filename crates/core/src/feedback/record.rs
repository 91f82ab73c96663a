//! A feedback record: the client's satisfaction (1–5) and mood, at a stage or a touchpoint,
//! with the problems it raised and the new needs it brought, written in one transaction.
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Mood, Need, Problem};
use crate::clients::{insert_touchpoint, TouchpointInput};
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::security::short_text;
use crate::vault::{audit_record, Vault};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProblemInput {
    /// A default category's key (`materials`, `slow_approval`, ...) or one added in Settings.
    pub category: String,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NeedInput {
    pub text: String,
    #[serde(default)]
    pub product_type: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FeedbackInput {
    /// 1 (very unhappy) to 5 (very satisfied).
    pub score: u8,
    /// None: the stage the client is in.
    #[serde(default)]
    pub stage: Option<u8>,
    #[serde(default)]
    pub mood: Option<Mood>,
    #[serde(default)]
    pub touchpoint_id: Option<i64>,
    /// None: today.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub problems: Vec<ProblemInput>,
    #[serde(default)]
    pub needs: Vec<NeedInput>,
}

/// What was written: the record's id and its problems' and needs' ids, in the input's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FeedbackIds {
    pub id: i64,
    pub problems: Vec<i64>,
    pub needs: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Feedback {
    pub id: i64,
    pub client_id: i64,
    pub touchpoint_id: Option<i64>,
    pub stage: Option<u8>,
    pub score: u8,
    pub mood: Option<Mood>,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub problems: Vec<Problem>,
    pub needs: Vec<Need>,
}

const MAX_ITEMS: usize = 20;

fn insert_feedback(
    tx: &Transaction,
    client_id: i64,
    input: &FeedbackInput,
    checked: Checked,
    today: NaiveDate,
) -> Result<FeedbackIds> {
    let date = input.date.unwrap_or(today);
    let now = crate::clock::stamp(tx)?;
    // Feedback given without a stage is about the stage the client is in: the journey map
    // counts every record in a stage.
    let current_stage: Option<u8> = tx
        .query_row(
            "SELECT stage FROM clients WHERE id = ?1",
            [client_id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(current_stage) = current_stage else {
        return Err(Error::NotFound(format!("client {client_id}")));
    };
    let stage = input.stage.unwrap_or(current_stage);
    if let Some(t) = input.touchpoint_id {
        check_touchpoint(tx, client_id, t)?;
    }
    tx.execute(
        "INSERT INTO feedback (client_id, touchpoint_id, stage, score, mood, date, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            client_id,
            input.touchpoint_id,
            stage,
            input.score,
            input.mood.map(Mood::as_str),
            date.to_string(),
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    let mut ids = FeedbackIds {
        id,
        problems: Vec::new(),
        needs: Vec::new(),
    };
    for (category, text) in checked.problems {
        tx.execute(
            "INSERT INTO feedback_problems (feedback_id, category, text, opened_on)
             VALUES (?1, ?2, ?3, ?4)",
            params![id, category, text, date.to_string()],
        )?;
        ids.problems.push(tx.last_insert_rowid());
    }
    for (text, product) in checked.needs {
        tx.execute(
            "INSERT INTO feedback_needs (feedback_id, text, product_type) VALUES (?1, ?2, ?3)",
            params![id, text, product],
        )?;
        ids.needs.push(tx.last_insert_rowid());
    }
    audit_record(
        tx,
        "feedback.add",
        "client",
        Some(client_id),
        &format!(
            "feedback {id}: {} problems, {} needs",
            ids.problems.len(),
            ids.needs.len()
        ),
    )?;
    Ok(ids)
}
const MAX_TEXT: usize = 500;

pub(super) fn check_touchpoint(tx: &Transaction, client_id: i64, id: i64) -> Result<()> {
    let ours: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM touchpoints WHERE id = ?1 AND client_id = ?2)",
        params![id, client_id],
        |r| r.get(0),
    )?;
    if ours {
        Ok(())
    } else {
        Err(Error::NotFound(format!("touchpoint {id}")))
    }
}

/// The input, checked and cleaned, ready to write.
struct Checked {
    problems: Vec<(String, String)>,
    needs: Vec<(String, Option<String>)>,
}

impl Vault {
    /// Refused as a whole (nothing written) when any part is: a score outside 1–5, a stage
    /// outside 1–5, an unknown category, an empty need, an unknown client or touchpoint.
    fn check_feedback(&self, input: &FeedbackInput) -> Result<Checked> {
        if !(1..=5).contains(&input.score) {
            return Err(Error::invalid(
                "score",
                Rule::Range {
                    min: "1".into(),
                    max: "5".into(),
                },
            ));
        }
        if input.stage.is_some_and(|s| !(1..=5).contains(&s)) {
            return Err(Error::invalid(
                "stage",
                Rule::Range {
                    min: "1".into(),
                    max: "5".into(),
                },
            ));
        }
        for (field, n) in [
            ("problems", input.problems.len()),
            ("needs", input.needs.len()),
        ] {
            if n > MAX_ITEMS {
                return Err(Error::invalid(field, Rule::TooMany(MAX_ITEMS)));
            }
        }
        let settings = self.feedback_settings()?;
        let mut problems = Vec::new();
        for p in &input.problems {
            let category = settings.category(&p.category).ok_or_else(|| {
                Error::invalid(
                    "category",
                    Rule::Unknown(p.category.trim().chars().take(40).collect()),
                )
            })?;
            problems.push((category, short_text("problem", &p.text, MAX_TEXT)?));
        }
        let mut needs = Vec::new();
        for n in &input.needs {
            let text = short_text("need", &n.text, MAX_TEXT)?;
            if text.is_empty() {
                return Err(Error::invalid("need", Rule::Required));
            }
            let product = match n.product_type.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(p) => Some(short_text("product_type", p, 40)?),
            };
            needs.push((text, product));
        }
        Ok(Checked { problems, needs })
    }

    pub fn add_feedback(
        &mut self,
        client_id: i64,
        input: &FeedbackInput,
        today: NaiveDate,
    ) -> Result<FeedbackIds> {
        let checked = self.check_feedback(input)?;
        let tx = self.conn_mut().transaction()?;
        let ids = insert_feedback(&tx, client_id, input, checked, today)?;
        tx.commit()?;
        Ok(ids)
    }

    /// A touchpoint and the feedback the client gave at it (quick entry from the touchpoint
    /// form), in one transaction: either both are written or neither.
    pub fn add_touchpoint_with_feedback(
        &mut self,
        client_id: i64,
        touchpoint: &TouchpointInput,
        feedback: &FeedbackInput,
        today: NaiveDate,
    ) -> Result<(i64, FeedbackIds)> {
        let checked = self.check_feedback(feedback)?;
        let tx = self.conn_mut().transaction()?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM clients WHERE id = ?1)",
            [client_id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::NotFound(format!("client {client_id}")));
        }
        let touchpoint_id = insert_touchpoint(&tx, client_id, touchpoint)?;
        let at_touchpoint = FeedbackInput {
            touchpoint_id: Some(touchpoint_id),
            date: Some(feedback.date.unwrap_or(touchpoint.date)),
            ..feedback.clone()
        };
        let ids = insert_feedback(&tx, client_id, &at_touchpoint, checked, today)?;
        tx.commit()?;
        Ok((touchpoint_id, ids))
    }

    /// The client's feedback, the latest first, each with its problems and needs.
    pub fn client_feedback(&self, client_id: i64) -> Result<Vec<Feedback>> {
        let exists: bool = self.conn().query_row(
            "SELECT EXISTS(SELECT 1 FROM clients WHERE id = ?1)",
            [client_id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::NotFound(format!("client {client_id}")));
        }
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, client_id, touchpoint_id, stage, score, mood, date FROM feedback
             WHERE client_id = ?1 ORDER BY date DESC, id DESC",
        )?;
        let rows = stmt.query_map([client_id], |r| {
            let mood: Option<String> = r.get(5)?;
            Ok(Feedback {
                id: r.get(0)?,
                client_id: r.get(1)?,
                touchpoint_id: r.get(2)?,
                stage: r.get(3)?,
                score: r.get(4)?,
                mood: mood.as_deref().and_then(Mood::parse),
                date: r.get(6)?,
                problems: Vec::new(),
                needs: Vec::new(),
            })
        })?;
        let mut list: Vec<Feedback> = rows.collect::<rusqlite::Result<_>>()?;
        let problems = self.client_problems(client_id, false)?;
        let needs = self.client_needs(client_id)?;
        for f in &mut list {
            f.problems = problems
                .iter()
                .filter(|p| p.feedback_id == f.id)
                .cloned()
                .collect();
            f.needs = needs
                .iter()
                .filter(|n| n.feedback_id == f.id)
                .cloned()
                .collect();
        }
        Ok(list)
    }
}
