//! The client journey (PRODUCT.md §1): five stages with checklists and gates, the lifecycle
//! beside them, follow-up cadence, the pipeline board, the Today dashboard and the funnel.
//!
//! "Today" is always passed in, never read from the clock, so every figure is exact in tests.
//! Each change writes its audit entry in the same transaction as the change.
mod checklist;
mod followups;
mod funnel;
mod gate;
mod history;
mod lost;
mod opportunity;
mod pipeline;
pub(crate) mod seed;
mod stages;
mod templates;
mod today;
mod view;

pub use checklist::{ChecklistItem, ItemDocument, ItemState, OneOffItemInput};
pub use followups::{Cadence, FollowUp, DEFAULT_STUCK_DAYS};
pub use funnel::{Funnel, FunnelStage, LostCount};
pub use gate::StageMove;
pub use history::{EntryVia, StageEntry, StatusChange};
pub use lost::{LostReason, LostReasonInput};
pub use opportunity::{Opportunity, OpportunityKind, OpportunitySource};
pub use pipeline::{Board, BoardCard, BoardColumn, BoardQuery, ColumnAmount};
pub use stages::{stage_name, StatusInput, STAGES, STAGES_SHORT};
pub use templates::{ChecklistTemplate, DocumentKind, TemplateItem, TemplateItemInput};
pub use today::{Activity, FollowUpCard, StuckCard, Today, TodayQuery};
pub use view::{JourneyView, StageChecklist};

pub(crate) use history::on_client_created;
pub(crate) use stages::change_status;

use chrono::NaiveDate;
use rusqlite::types::Type;

use crate::clients::{LifecycleStatus, ProductType, Tier};
use crate::error::{Error, Result};
use crate::rule::Rule;

/// Stages run 1..=5; anything else from the outside is a validation error on `field`.
pub(crate) fn check_stage(field: &str, stage: u8) -> Result<u8> {
    if (1..=5).contains(&stage) {
        Ok(stage)
    } else {
        Err(Error::invalid(
            field,
            Rule::Range {
                min: "1".into(),
                max: "5".into(),
            },
        ))
    }
}

/// Trimmed free text of at most `max` characters; `None` when empty.
pub(crate) fn clean_text(field: &str, text: &str, max: usize) -> Result<Option<String>> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(Error::invalid(field, Rule::MaxChars(max)));
    }
    Ok((!text.is_empty()).then(|| text.to_string()))
}

fn conversion_error(col: usize, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(col, Type::Text, what.into())
}

/// Dates are stored as ISO `YYYY-MM-DD` text.
pub(crate) fn date_at(r: &rusqlite::Row, col: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = r.get(col)?;
    text.parse()
        .map_err(|_| conversion_error(col, format!("bad date {text}")))
}

pub(crate) fn opt_date_at(r: &rusqlite::Row, col: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = r.get(col)?;
    text.map(|t| {
        t.parse()
            .map_err(|_| conversion_error(col, format!("bad date {t}")))
    })
    .transpose()
}

pub(crate) fn enum_at<T>(
    r: &rusqlite::Row,
    col: usize,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = r.get(col)?;
    parse(&text).ok_or_else(|| conversion_error(col, format!("unknown value {text}")))
}

pub(crate) fn opt_enum_at<T>(
    r: &rusqlite::Row,
    col: usize,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<Option<T>> {
    let text: Option<String> = r.get(col)?;
    text.map(|t| parse(&t).ok_or_else(|| conversion_error(col, format!("unknown value {t}"))))
        .transpose()
}

/// Whole days from `from` to `to`, never negative (a date typed in the future counts as 0).
pub(crate) fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days().max(0)
}

/// What the journey needs to know about a client before changing it.
pub(crate) struct ClientState {
    pub name: String,
    pub stage: u8,
    pub status: LifecycleStatus,
    pub tier: Tier,
    pub product: Option<ProductType>,
    pub archived: bool,
}

pub(crate) fn client_state(conn: &rusqlite::Connection, id: i64) -> Result<ClientState> {
    use rusqlite::OptionalExtension;
    conn.query_row(
        "SELECT name, stage, status, tier, product, archived FROM clients WHERE id = ?1",
        [id],
        |r| {
            Ok(ClientState {
                name: r.get(0)?,
                stage: r.get(1)?,
                status: enum_at(r, 2, LifecycleStatus::parse)?,
                tier: enum_at(r, 3, Tier::parse)?,
                product: opt_enum_at(r, 4, ProductType::parse)?,
                archived: r.get(5)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("client {id}")))
}
