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
];

pub fn latest_version() -> i64 {
    STEPS.len() as i64
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
