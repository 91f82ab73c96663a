//! `loandesk feedback ...`: the client's voice (issue 16). Feedback with a score 1–5, the
//! stage, the mood, the problems raised (`--problem CATEGORY:TEXT`) and new needs; a problem
//! stays open until `resolve` records what was done. A score outside 1–5, an unknown category or
//! resolving a closed problem exits 2 and changes nothing.
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;
use loandesk_core::feedback::{Feedback, FeedbackInput, Mood, NeedInput, ProblemInput};
use loandesk_core::rule::Rule;
use loandesk_core::{Error, Result};
use serde_json::json;

use crate::loans_cmd::{bad_terms, finish, Common};
use crate::output::{self, Format};
use crate::vault_cmd::open;

#[derive(Subcommand)]
pub enum FeedbackCommand {
    /// Record the client's feedback: satisfaction, mood, problems raised, new needs.
    Add {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        client: i64,
        /// Satisfaction, 1 (very unhappy) to 5 (very satisfied).
        #[arg(long, allow_negative_numbers = true)]
        score: String,
        /// The journey stage it is about (default: the client's current stage).
        #[arg(long, allow_negative_numbers = true)]
        stage: Option<String>,
        /// satisfied (满意), neutral (一般), anxious (焦虑), dissatisfied (不满).
        #[arg(long, value_name = "M")]
        mood: Option<String>,
        /// A problem raised: its category (key, label or one added in Settings), a colon, the
        /// text, e.g. `slow_approval:等了三周`. Repeat for several.
        #[arg(long = "problem", value_name = "CATEGORY:TEXT")]
        problems: Vec<String>,
        /// A new need heard. Repeat for several.
        #[arg(long = "need", value_name = "TEXT")]
        needs: Vec<String>,
        /// The touchpoint it was given at.
        #[arg(long, value_name = "ID")]
        touchpoint: Option<i64>,
        /// The day it was given (default: --today).
        #[arg(long, value_name = "D")]
        date: Option<NaiveDate>,
    },
    /// A client's feedback, the latest first, with its problems and needs.
    List {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        client: i64,
    },
    /// Close the loop on a problem: what was done, optionally the touchpoint that told the client.
    Resolve {
        #[command(flatten)]
        common: Common,
        #[arg(long, value_name = "ID")]
        problem: i64,
        #[arg(long)]
        note: String,
        /// The day it was resolved (default: --today).
        #[arg(long, value_name = "D")]
        date: Option<NaiveDate>,
        #[arg(long, value_name = "ID")]
        touchpoint: Option<i64>,
    },
}

/// The mood from its key or its label in either language.
fn parse_mood(s: &str) -> std::result::Result<Mood, String> {
    let s = s.trim();
    Mood::ALL
        .iter()
        .copied()
        .find(|m| m.as_str() == s || m.text().zh == s || m.text().en.eq_ignore_ascii_case(s))
        .ok_or_else(|| {
            let all: Vec<&str> = Mood::ALL.iter().map(|m| m.as_str()).collect();
            format!("mood: unknown value '{s}' (one of: {})", all.join(", "))
        })
}

/// `CATEGORY:TEXT`, split at the first colon (ASCII or full-width); the text may be empty.
/// Whether the category is known is the vault's to say (its Settings add categories).
fn parse_problem(s: &str) -> ProblemInput {
    match s.split_once([':', '：']) {
        Some((category, text)) => ProblemInput {
            category: category.trim().to_owned(),
            text: text.trim().to_owned(),
        },
        None => ProblemInput {
            category: s.trim().to_owned(),
            text: String::new(),
        },
    }
}

/// A whole number, read here so a typo is one line like every refusal; one outside u8 is as
/// out of range as 6, and the core says so with its rule.
fn small(field: &str, s: &str) -> Result<u8> {
    let n: i64 = s
        .trim()
        .parse()
        .map_err(|_| Error::invalid(field, Rule::NotANumber))?;
    Ok(u8::try_from(n).unwrap_or(u8::MAX))
}

fn print_list(list: &[Feedback], format: Format) -> Result<()> {
    match format {
        Format::Json => output::json(&list),
        Format::Table => {
            for f in list {
                outln!(
                    "feedback {} · {} · stage {} · score {}{}",
                    f.id,
                    f.date,
                    f.stage.map(|s| s.to_string()).unwrap_or_else(|| "-".into()),
                    f.score,
                    f.mood
                        .map(|m| format!(" · {}", m.as_str()))
                        .unwrap_or_default()
                );
                for p in &f.problems {
                    let state = match p.resolved_on {
                        Some(d) => format!("resolved {d}"),
                        None => "open".into(),
                    };
                    outln!("  problem {} · {} · {state} · {}", p.id, p.category, p.text);
                }
                for n in &f.needs {
                    outln!("  need {} · {}", n.id, n.text);
                }
            }
            Ok(())
        }
    }
}

pub fn run(cmd: FeedbackCommand) -> ExitCode {
    finish(match cmd {
        FeedbackCommand::Add {
            common,
            client,
            score,
            stage,
            mood: given_mood,
            problems,
            needs,
            touchpoint,
            date,
        } => {
            let mood = match given_mood.as_deref().map(parse_mood).transpose() {
                Ok(m) => m,
                Err(message) => return bad_terms(&message),
            };
            (|| {
                let input = FeedbackInput {
                    score: small("score", &score)?,
                    stage: stage.as_deref().map(|s| small("stage", s)).transpose()?,
                    mood,
                    touchpoint_id: touchpoint,
                    date,
                    problems: problems.iter().map(|p| parse_problem(p)).collect(),
                    needs: needs
                        .into_iter()
                        .map(|text| NeedInput {
                            text,
                            product_type: None,
                        })
                        .collect(),
                };
                let ids = open(&common.vault)?.add_feedback(client, &input, common.today())?;
                match common.format.resolve() {
                    Format::Json => output::json(&json!({
                        "id": ids.id,
                        "problems": ids.problems.iter().map(|id| json!({ "id": id })).collect::<Vec<_>>(),
                        "needs": ids.needs.iter().map(|id| json!({ "id": id })).collect::<Vec<_>>(),
                    })),
                    Format::Table => {
                        outln!(
                            "added feedback {} ({} problems, {} needs)",
                            ids.id,
                            ids.problems.len(),
                            ids.needs.len()
                        );
                        Ok(())
                    }
                }
            })()
        }
        FeedbackCommand::List { common, client } => (|| {
            print_list(
                &open(&common.vault)?.client_feedback(client)?,
                common.format.resolve(),
            )
        })(),
        FeedbackCommand::Resolve {
            common,
            problem,
            note,
            date,
            touchpoint,
        } => (|| {
            let date = date.unwrap_or(common.today());
            let mut v = open(&common.vault)?;
            v.resolve_problem(problem, &note, date, touchpoint)?;
            match common.format.resolve() {
                Format::Json => output::json(&v.problem(problem)?),
                Format::Table => {
                    outln!("resolved problem {problem} on {date}");
                    Ok(())
                }
            }
        })(),
    })
}
