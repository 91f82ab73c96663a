//! A client's checklist: tick and untick, notes, one-off items, documents marked received.
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, ToSql, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::templates::{DocumentKind, MAX_LABEL};
use super::{check_stage, clean_text, client_state, opt_date_at, opt_enum_at};
use crate::documents::FileType;
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

/// `awaiting_document`: the item asks for a document that is neither imported nor marked
/// received, ticked or not. An imported current document of the kind makes the item `done`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    Open,
    AwaitingDocument,
    Done,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChecklistItem {
    pub id: i64,
    pub stage: u8,
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
    pub required: bool,
    pub document_kind: Option<DocumentKind>,
    /// Added for this client only, not from a template.
    pub one_off: bool,
    /// The template version the item was copied from (None for one-off items).
    pub template_version: Option<i64>,
    pub state: ItemState,
    #[ts(type = "string | null")]
    pub done_on: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub received_on: Option<NaiveDate>,
    pub note: String,
    /// The current document of `document_kind` that satisfies the item, if one is imported.
    #[serde(default)]
    pub document: Option<ItemDocument>,
}

/// An item the officer adds for one client. `stage` None: the client's current stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OneOffItemInput {
    #[serde(default)]
    pub stage: Option<u8>,
    pub label: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub document_kind: Option<DocumentKind>,
}

const MAX_NOTE: usize = 2_000;
const MAX_ITEMS_PER_STAGE: i64 = 100;

/// SQL condition for an item that keeps the gate shut (when required). An item asking for a
/// document kind is closed by a current (not archived) document of that kind on the client,
/// whatever its ticks say; otherwise by its tick and, as the manual fallback for a paper seen
/// but not imported, "received".
pub(crate) const OPEN: &str = "(NOT EXISTS (SELECT 1 FROM documents d
      WHERE d.client_id = checklist_items.client_id AND d.kind = checklist_items.document_kind
        AND d.archived = 0)
    AND (done_on IS NULL OR (document_kind IS NOT NULL AND received_on IS NULL)))";

/// The newest current document of the item's kind, as three correlated subqueries (id, name,
/// type) so every query keeps selecting `FROM checklist_items` alone.
const COLUMNS: &str = "id, stage, key, label_zh, label_en, required, document_kind, one_off, \
    template_version, done_on, received_on, note, \
    (SELECT d.id FROM documents d WHERE d.client_id = checklist_items.client_id \
       AND d.kind = checklist_items.document_kind AND d.archived = 0 ORDER BY d.id DESC LIMIT 1), \
    (SELECT d.file_name FROM documents d WHERE d.client_id = checklist_items.client_id \
       AND d.kind = checklist_items.document_kind AND d.archived = 0 ORDER BY d.id DESC LIMIT 1), \
    (SELECT d.file_type FROM documents d WHERE d.client_id = checklist_items.client_id \
       AND d.kind = checklist_items.document_kind AND d.archived = 0 ORDER BY d.id DESC LIMIT 1)";

/// The imported document that satisfies an item (shown on the item, opens its preview).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ItemDocument {
    pub id: i64,
    pub file_name: String,
    pub mime: String,
    pub previewable: bool,
}

fn item_from_row(r: &Row) -> rusqlite::Result<ChecklistItem> {
    let document_kind = opt_enum_at(r, 6, DocumentKind::parse)?;
    let done_on = opt_date_at(r, 9)?;
    let received_on = opt_date_at(r, 10)?;
    let document = match r.get::<_, Option<i64>>(12)? {
        Some(id) => {
            let file_type: String = r.get(14)?;
            let file_type = FileType::parse(&file_type);
            Some(ItemDocument {
                id,
                file_name: r.get(13)?,
                mime: file_type.map_or("", FileType::mime).to_string(),
                previewable: file_type.is_some_and(FileType::previewable),
            })
        }
        None => None,
    };
    let state = match (done_on, document_kind, received_on, &document) {
        (_, Some(_), _, Some(_)) => ItemState::Done,
        (_, Some(_), None, None) => ItemState::AwaitingDocument,
        (Some(_), _, _, _) => ItemState::Done,
        (None, _, _, _) => ItemState::Open,
    };
    Ok(ChecklistItem {
        id: r.get(0)?,
        stage: r.get(1)?,
        key: r.get(2)?,
        label_zh: r.get(3)?,
        label_en: r.get(4)?,
        required: r.get(5)?,
        document_kind,
        one_off: r.get(7)?,
        template_version: r.get(8)?,
        state,
        done_on,
        received_on,
        note: r.get(11)?,
        document,
    })
}

/// All of a client's items, by stage then position.
pub(crate) fn client_items(conn: &Connection, client_id: i64) -> Result<Vec<ChecklistItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM checklist_items WHERE client_id = ?1 ORDER BY stage, position, id"
    ))?;
    let rows = stmt.query_map([client_id], item_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Keys of the required items still open in a stage, in checklist order.
pub(crate) fn open_required(conn: &Connection, client_id: i64, stage: u8) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT key FROM checklist_items
         WHERE client_id = ?1 AND stage = ?2 AND required = 1 AND {OPEN} ORDER BY position, id"
    ))?;
    let rows = stmt.query_map(params![client_id, stage], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn read_item(conn: &Connection, client_id: i64, item_id: i64) -> Result<ChecklistItem> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM checklist_items WHERE id = ?1 AND client_id = ?2"),
        params![item_id, client_id],
        item_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("checklist item {item_id}")))
}

impl Vault {
    /// Tick (done) or untick an item. Ticking again keeps the first date.
    pub fn set_item_done(
        &mut self,
        client_id: i64,
        item_id: i64,
        done: bool,
        today: NaiveDate,
    ) -> Result<ChecklistItem> {
        let day = done.then(|| today.to_string());
        let action = if done {
            "journey.tick"
        } else {
            "journey.untick"
        };
        self.change_item(
            client_id,
            item_id,
            action,
            "UPDATE checklist_items SET done_on = CASE WHEN ?2 IS NULL THEN NULL ELSE COALESCE(done_on, ?2) END
             WHERE id = ?1",
            &[&day],
        )
    }

    pub fn set_item_note(
        &mut self,
        client_id: i64,
        item_id: i64,
        note: &str,
    ) -> Result<ChecklistItem> {
        let note = clean_text("note", note, MAX_NOTE)?.unwrap_or_default();
        self.change_item(
            client_id,
            item_id,
            "journey.note",
            "UPDATE checklist_items SET note = ?2 WHERE id = ?1",
            &[&note],
        )
    }

    /// The document an item asks for has been received (which also ticks the item), or not.
    pub fn set_document_received(
        &mut self,
        client_id: i64,
        item_id: i64,
        received: bool,
        today: NaiveDate,
    ) -> Result<ChecklistItem> {
        if read_item(self.conn(), client_id, item_id)?
            .document_kind
            .is_none()
        {
            return Err(Error::invalid("document_kind", Rule::Required));
        }
        let day = received.then(|| today.to_string());
        let action = if received {
            "journey.received"
        } else {
            "journey.unreceived"
        };
        self.change_item(
            client_id,
            item_id,
            action,
            "UPDATE checklist_items
             SET received_on = CASE WHEN ?2 IS NULL THEN NULL ELSE COALESCE(received_on, ?2) END,
                 done_on = CASE WHEN ?2 IS NULL THEN done_on ELSE COALESCE(done_on, ?2) END
             WHERE id = ?1",
            &[&day],
        )
    }

    pub fn add_checklist_item(
        &mut self,
        client_id: i64,
        input: &OneOffItemInput,
    ) -> Result<ChecklistItem> {
        let label = clean_text("label", &input.label, MAX_LABEL)?
            .ok_or_else(|| Error::invalid("label", Rule::Required))?;
        let tx = self.conn_mut().transaction()?;
        let client = client_state(&tx, client_id)?;
        let stage = check_stage("stage", input.stage.unwrap_or(client.stage))?;
        let (count, last): (i64, i64) = tx.query_row(
            "SELECT count(*), COALESCE(max(position), -1) FROM checklist_items
             WHERE client_id = ?1 AND stage = ?2",
            params![client_id, stage],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if count >= MAX_ITEMS_PER_STAGE {
            return Err(Error::invalid(
                "label",
                Rule::TooMany(MAX_ITEMS_PER_STAGE as usize),
            ));
        }
        // The key is only known after the insert: "extra-<id>" is unique and never reused.
        tx.execute(
            "INSERT INTO checklist_items (client_id, stage, position, key, label_zh, label_en, required, document_kind, one_off)
             VALUES (?1, ?2, ?3, '', ?4, ?4, ?5, ?6, 1)",
            params![client_id, stage, last + 1, label, input.required, input.document_kind.map(DocumentKind::as_str)],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "UPDATE checklist_items SET key = 'extra-' || id WHERE id = ?1",
            [id],
        )?;
        audit_record(
            &tx,
            "journey.item_add",
            "client",
            Some(client_id),
            &format!("extra-{id}"),
        )?;
        let item = read_item(&tx, client_id, id)?;
        tx.commit()?;
        Ok(item)
    }

    /// Only one-off items can be removed: template items are what the bank requires.
    pub fn remove_checklist_item(&mut self, client_id: i64, item_id: i64) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        let item = read_item(&tx, client_id, item_id)?;
        if !item.one_off {
            return Err(Error::invalid("item", Rule::NotAllowed));
        }
        tx.execute("DELETE FROM checklist_items WHERE id = ?1", [item_id])?;
        audit_record(
            &tx,
            "journey.item_remove",
            "client",
            Some(client_id),
            &item.key,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The item a key names: in the client's current stage first, else the latest stage with it.
    pub fn checklist_item_id(&self, client_id: i64, key: &str) -> Result<i64> {
        let client = client_state(self.conn(), client_id)?;
        self.conn()
            .query_row(
                "SELECT id FROM checklist_items WHERE client_id = ?1 AND key = ?2
                 ORDER BY stage = ?3 DESC, stage DESC LIMIT 1",
                params![client_id, key, client.stage],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("checklist item {key}")))
    }

    fn change_item(
        &mut self,
        client_id: i64,
        item_id: i64,
        action: &str,
        sql: &str,
        args: &[&dyn ToSql],
    ) -> Result<ChecklistItem> {
        let tx = self.conn_mut().transaction()?;
        let key = read_item(&tx, client_id, item_id)?.key;
        let mut all: Vec<&dyn ToSql> = vec![&item_id];
        all.extend_from_slice(args);
        tx.execute(sql, all.as_slice())?;
        touch(&tx, client_id)?;
        audit_record(&tx, action, "client", Some(client_id), &key)?;
        let item = read_item(&tx, client_id, item_id)?;
        tx.commit()?;
        Ok(item)
    }
}

fn touch(tx: &Transaction, client_id: i64) -> Result<()> {
    tx.execute(
        "UPDATE clients SET updated_at = ?2 WHERE id = ?1",
        params![client_id, crate::clock::stamp(tx)?],
    )?;
    Ok(())
}
