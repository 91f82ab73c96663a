//! The pipeline board: a column per stage, a card per client, longest in stage first. Columns are
//! paged so a book of 100,000 clients shows its first cards at once.
use std::str::FromStr;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::checklist::OPEN;
use super::{check_stage, date_at, days_between, enum_at, opt_enum_at};
use crate::clients::{LifecycleStatus, ProductType, Tier};
use crate::error::Result;
use crate::vault::Vault;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BoardQuery {
    #[serde(default)]
    pub tier: Option<Tier>,
    #[serde(default)]
    pub product: Option<ProductType>,
    /// Cards per column (default 30, at most 200).
    #[serde(default)]
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BoardCard {
    pub client_id: i64,
    pub name: String,
    pub tier: Tier,
    pub product: Option<ProductType>,
    pub status: LifecycleStatus,
    /// Principal of the proposed loan scenario, if the client has one.
    #[ts(type = "string | null")]
    pub amount: Option<Decimal>,
    pub currency: Option<String>,
    #[ts(type = "string")]
    pub entered_on: NaiveDate,
    pub days_in_stage: i64,
    /// Required items of the current stage still open: what the gate would refuse on.
    pub open_required: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BoardColumn {
    pub stage: u8,
    /// Clients in the column with the filters applied (all of them, not only this page).
    pub total: u32,
    pub offset: u32,
    pub cards: Vec<BoardCard>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Board {
    pub columns: Vec<BoardColumn>,
}

const DEFAULT_CARDS: u32 = 30;
const MAX_CARDS: u32 = 200;

impl Vault {
    /// The first page of every column. Lost and archived clients are not on the board.
    pub fn board(&self, q: &BoardQuery, today: NaiveDate) -> Result<Board> {
        let columns = (1..=5)
            .map(|stage| self.board_column(q, stage, 0, today))
            .collect::<Result<_>>()?;
        Ok(Board { columns })
    }

    /// One column from `offset` ("more cards" at the bottom of a column).
    pub fn board_column(
        &self,
        q: &BoardQuery,
        stage: u8,
        offset: u32,
        today: NaiveDate,
    ) -> Result<BoardColumn> {
        let stage = check_stage("stage", stage)?;
        let limit = q.limit.unwrap_or(DEFAULT_CARDS).clamp(1, MAX_CARDS);
        let mut filters = String::new();
        let mut args: Vec<Value> = vec![i64::from(stage).into()];
        if let Some(tier) = q.tier {
            args.push(tier.as_str().to_string().into());
            filters.push_str(&format!(" AND c.tier = ?{}", args.len()));
        }
        if let Some(product) = q.product {
            args.push(product.as_str().to_string().into());
            filters.push_str(&format!(" AND c.product = ?{}", args.len()));
        }
        // CROSS JOIN pins the order: walk the column's index (oldest entry first) and look up each
        // client, instead of scanning clients and sorting the whole column.
        let sql = format!(
            "SELECT c.id, c.name, c.tier, c.product, c.status, e.entered_on,
                    (SELECT json_extract(terms, '$.principal') FROM loan_scenarios
                      WHERE client_id = c.id AND proposed = 1),
                    (SELECT json_extract(terms, '$.currency') FROM loan_scenarios
                      WHERE client_id = c.id AND proposed = 1),
                    (SELECT count(*) FROM checklist_items
                      WHERE client_id = c.id AND stage = e.stage AND required = 1 AND {OPEN})
             FROM stage_entries e CROSS JOIN clients c ON c.id = e.client_id
             WHERE e.left_on IS NULL AND e.stage = ?1 AND c.archived = 0 AND c.status <> 'lost'{filters}
             ORDER BY e.entered_on, e.client_id LIMIT {limit} OFFSET {offset}"
        );
        let conn = self.conn();
        let cards = conn
            .prepare_cached(&sql)?
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                let entered_on = date_at(r, 5)?;
                Ok(BoardCard {
                    client_id: r.get(0)?,
                    name: r.get(1)?,
                    tier: enum_at(r, 2, Tier::parse)?,
                    product: opt_enum_at(r, 3, ProductType::parse)?,
                    status: enum_at(r, 4, LifecycleStatus::parse)?,
                    amount: decimal(r.get(6)?),
                    currency: r.get(7)?,
                    entered_on,
                    days_in_stage: days_between(entered_on, today),
                    open_required: r.get(8)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let count_sql = format!(
            "SELECT count(*) FROM clients c
             WHERE c.archived = 0 AND c.stage = ?1 AND c.status <> 'lost'{filters}"
        );
        let total = conn
            .prepare_cached(&count_sql)?
            .query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?;
        Ok(BoardColumn {
            stage,
            total,
            offset,
            cards,
        })
    }
}

/// A principal as the scenario JSON holds it (a string; a number from older writers). A value
/// that does not parse shows as no amount rather than failing the whole board.
fn decimal(v: Value) -> Option<Decimal> {
    match v {
        Value::Text(s) => Decimal::from_str(&s).ok(),
        Value::Integer(i) => Some(Decimal::from(i)),
        Value::Real(f) => Decimal::try_from(f).ok(),
        _ => None,
    }
}
