//! The vault's schema, as embedded, versioned migrations (tracked in `user_version`).
//! Append new steps; never edit a released one.
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::error::{Error, Result};

const STEPS: &[&str] = &[
    include_str!("sql/001_clients.sql"),
    include_str!("sql/002_loan_scenarios.sql"),
    include_str!("sql/003_journey.sql"),
    include_str!("sql/004_documents.sql"),
    include_str!("sql/005_servicing.sql"),
    include_str!("sql/006_cash_in.sql"),
    include_str!("sql/007_servicing_contract.sql"),
    include_str!("sql/008_security.sql"),
    include_str!("sql/009_loan_security.sql"),
    include_str!("sql/010_wc_need.sql"),
    include_str!("sql/011_feedback.sql"),
    include_str!("sql/012_lifecycle.sql"),
    include_str!("sql/013_project_model.sql"),
    include_str!("sql/014_search_pinyin.sql"),
    include_str!("sql/015_industry_code.sql"),
    include_str!("sql/016_board_amounts.sql"),
];

pub fn latest_version() -> i64 {
    STEPS.len() as i64
}

fn hook_error(e: Error) -> rusqlite_migration::HookError {
    match e {
        Error::Database(e) => rusqlite_migration::HookError::RusqliteError(e),
        other => rusqlite_migration::HookError::Hook(other.to_string()),
    }
}

/// Schema 14's Rust step: the search rows rebuilt with pinyin (SQL alone cannot compute it).
fn rebuild_search(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    crate::clients::rebuild_search(tx)
        .map(|_| ())
        .map_err(hook_error)
}

/// Schema 15's Rust step: each free-text industry given its GB/T 4754 code.
fn classify_industries(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    crate::clients::industry::migrate_free_text(tx)
        .map(|_| ())
        .map_err(hook_error)
}

fn steps() -> Migrations<'static> {
    Migrations::new(
        STEPS
            .iter()
            .enumerate()
            .map(|(i, sql)| match i + 1 {
                14 => M::up_with_hook(sql, rebuild_search),
                15 => M::up_with_hook(sql, classify_industries),
                _ => M::up(sql),
            })
            .collect(),
    )
}

/// The schema version of a vault that an older release wrote (None for a new or current one).
pub fn pending(conn: &Connection) -> Result<Option<i64>> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok((found > 0 && found < latest_version()).then_some(found))
}

/// Only the first `version` steps: upgrade tests start from what an older release left.
pub fn migrate_to(conn: &mut Connection, version: i64) -> Result<()> {
    let migrations = steps();
    let target = usize::try_from(version.clamp(0, latest_version())).unwrap_or(0);
    migrations.to_version(conn, target)?;
    Ok(())
}

pub fn migrate(conn: &mut Connection) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > latest_version() {
        return Err(Error::VaultTooNew {
            found,
            known: latest_version(),
        });
    }
    steps().to_latest(conn)?;
    Ok(())
}
