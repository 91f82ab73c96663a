//! The audit trail: what changed, on which record, when.
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

#[derive(Debug, Clone, Serialize, TS)]
pub struct AuditEntry {
    pub at: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub detail: String,
}

/// `detail` names fields, never their values: the trail must not become a second copy of data.
pub fn record(
    conn: &Connection,
    action: &str,
    entity: &str,
    id: Option<i64>,
    detail: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO audit_log (at, action, entity, entity_id, detail)
         VALUES (loandesk_now(), ?1, ?2, ?3, ?4)",
        rusqlite::params![action, entity, id, detail],
    )?;
    Ok(())
}

pub fn recent(conn: &Connection, entity: &str, id: i64, limit: i64) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(
        "SELECT at, action, entity, entity_id, detail FROM audit_log
         WHERE entity = ?1 AND entity_id = ?2 ORDER BY id DESC LIMIT ?3",
    )?;
    let rows = stmt.query_map(rusqlite::params![entity, id, limit], |r| {
        Ok(AuditEntry {
            at: r.get(0)?,
            action: r.get(1)?,
            entity: r.get(2)?,
            entity_id: r.get(3)?,
            detail: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}
