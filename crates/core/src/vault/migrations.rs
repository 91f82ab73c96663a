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
];

pub fn latest_version() -> i64 {
    STEPS.len() as i64
}

/// The schema version of a vault that an older release wrote (None for a new or current one).
pub fn pending(conn: &Connection) -> Result<Option<i64>> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok((found > 0 && found < latest_version()).then_some(found))
}

/// Only the first `version` steps: upgrade tests start from what an older release left.
pub fn migrate_to(conn: &mut Connection, version: i64) -> Result<()> {
    let migrations = Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect());
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
    let migrations = Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect());
    migrations.to_latest(conn)?;
    Ok(())
}
