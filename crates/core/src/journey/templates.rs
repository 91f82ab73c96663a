//! Checklist templates per product type and stage, editable in Settings. A client copies a
//! stage's template when it first enters the stage, so editing a template changes what future
//! clients get and never what a client already has (its items keep the template version).
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{check_stage, clean_text, opt_enum_at};
use crate::clients::ProductType;
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

/// The kind of document an item asks for: one list for checklists and imported documents.
pub use crate::documents::DocumentKind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TemplateItem {
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
    pub required: bool,
    pub document_kind: Option<DocumentKind>,
}

/// One line of the template editor. `key` None adds a new item; an existing key keeps the item's
/// identity (scripts and `journey tick --item` use keys).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TemplateItemInput {
    #[serde(default)]
    pub key: Option<String>,
    #[serde(default)]
    pub label_zh: String,
    #[serde(default)]
    pub label_en: String,
    pub required: bool,
    #[serde(default)]
    pub document_kind: Option<DocumentKind>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChecklistTemplate {
    /// None: the template for clients without a product type.
    pub product: Option<ProductType>,
    pub stage: u8,
    pub version: i64,
    pub items: Vec<TemplateItem>,
}

pub const MAX_TEMPLATE_ITEMS: usize = 60;
pub(crate) const MAX_LABEL: usize = 200;
const MAX_KEY: usize = 40;

pub(crate) fn product_key(product: Option<ProductType>) -> &'static str {
    product.map_or("general", ProductType::as_str)
}

impl Vault {
    pub fn checklist_template(
        &self,
        product: Option<ProductType>,
        stage: u8,
    ) -> Result<ChecklistTemplate> {
        let stage = check_stage("stage", stage)?;
        read_template(self.conn(), product, stage)
    }

    /// Replace a template's items (added, removed, reordered, edited) and bump its version.
    pub fn save_checklist_template(
        &mut self,
        product: Option<ProductType>,
        stage: u8,
        items: &[TemplateItemInput],
    ) -> Result<ChecklistTemplate> {
        let stage = check_stage("stage", stage)?;
        if items.len() > MAX_TEMPLATE_ITEMS {
            return Err(Error::invalid("items", Rule::TooMany(MAX_TEMPLATE_ITEMS)));
        }
        let tx = self.conn_mut().transaction()?;
        let pkey = product_key(product);
        let version: i64 = tx.query_row(
            "INSERT INTO checklist_template_sets (product, stage, version) VALUES (?1, ?2, 1)
             ON CONFLICT (product, stage) DO UPDATE SET version = version + 1
             RETURNING version",
            params![pkey, stage],
            |r| r.get(0),
        )?;
        let cleaned = clean_items(items, stage, version)?;
        tx.execute(
            "DELETE FROM checklist_templates WHERE product = ?1 AND stage = ?2",
            params![pkey, stage],
        )?;
        let mut insert = tx.prepare(
            "INSERT INTO checklist_templates (product, stage, position, key, label_zh, label_en, required, document_kind)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (i, item) in cleaned.iter().enumerate() {
            insert.execute(params![
                pkey,
                stage,
                i as i64,
                item.key,
                item.label_zh,
                item.label_en,
                item.required,
                item.document_kind.map(DocumentKind::as_str)
            ])?;
        }
        drop(insert);
        audit_record(
            &tx,
            "template.save",
            "checklist_template",
            None,
            &format!("{pkey}/{stage} v{version}"),
        )?;
        let saved = read_template(&tx, product, stage)?;
        tx.commit()?;
        Ok(saved)
    }
}

fn clean_items(items: &[TemplateItemInput], stage: u8, version: i64) -> Result<Vec<TemplateItem>> {
    let mut out: Vec<TemplateItem> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let zh = clean_text(&format!("items.{i}.label_zh"), &item.label_zh, MAX_LABEL)?;
        let en = clean_text(&format!("items.{i}.label_en"), &item.label_en, MAX_LABEL)?;
        // One language is enough: the other shows the same text until someone translates it.
        let (label_zh, label_en) = match (zh, en) {
            (Some(zh), Some(en)) => (zh, en),
            (Some(one), None) | (None, Some(one)) => (one.clone(), one),
            (None, None) => {
                return Err(Error::invalid(
                    &format!("items.{i}.label_zh"),
                    Rule::Required,
                ))
            }
        };
        let key = match item.key.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            Some(key) => {
                let field = format!("items.{i}.key");
                if key.len() > MAX_KEY {
                    return Err(Error::invalid(&field, Rule::MaxChars(MAX_KEY)));
                }
                if !valid_key(key) || out.iter().any(|o| o.key == key) {
                    return Err(Error::invalid(&field, Rule::NotAllowed));
                }
                key.to_string()
            }
            None => String::new(),
        };
        out.push(TemplateItem {
            key,
            label_zh,
            label_en,
            required: item.required,
            document_kind: item.document_kind,
        });
    }
    // New items get keys that cannot collide with kept ones: stage, version, running number.
    let mut n = 0;
    for i in 0..out.len() {
        if out[i].key.is_empty() {
            let key = loop {
                n += 1;
                let candidate = format!("s{stage}-v{version}-{n}");
                if !out.iter().any(|o| o.key == candidate) {
                    break candidate;
                }
            };
            out[i].key = key;
        }
    }
    Ok(out)
}

/// Keys appear in scripts and on the command line: lower-case ASCII, digits, '-', '_' and '.'.
fn valid_key(key: &str) -> bool {
    key.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
}

fn read_template(
    conn: &Connection,
    product: Option<ProductType>,
    stage: u8,
) -> Result<ChecklistTemplate> {
    use rusqlite::OptionalExtension;
    let pkey = product_key(product);
    let version: i64 = conn
        .query_row(
            "SELECT version FROM checklist_template_sets WHERE product = ?1 AND stage = ?2",
            params![pkey, stage],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0);
    let mut stmt = conn.prepare_cached(
        "SELECT key, label_zh, label_en, required, document_kind FROM checklist_templates
         WHERE product = ?1 AND stage = ?2 ORDER BY position, id",
    )?;
    let items = stmt
        .query_map(params![pkey, stage], |r| {
            Ok(TemplateItem {
                key: r.get(0)?,
                label_zh: r.get(1)?,
                label_en: r.get(2)?,
                required: r.get(3)?,
                document_kind: opt_enum_at(r, 4, DocumentKind::parse)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ChecklistTemplate {
        product,
        stage,
        version,
        items,
    })
}

/// Give a client the stage's checklist the first time it enters the stage. Re-entering (after
/// moving back) keeps the items and ticks it already has; one-off items added ahead of time
/// do not count as having the checklist.
pub(crate) fn copy_to_client(
    tx: &Transaction,
    client_id: i64,
    product: Option<ProductType>,
    stage: u8,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO checklist_items (client_id, stage, position, key, label_zh, label_en, required, document_kind, template_version)
         SELECT ?1, t.stage, t.position, t.key, t.label_zh, t.label_en, t.required, t.document_kind, s.version
         FROM checklist_templates t
         JOIN checklist_template_sets s ON s.product = t.product AND s.stage = t.stage
         WHERE t.product = ?2 AND t.stage = ?3
           AND NOT EXISTS (SELECT 1 FROM checklist_items
                           WHERE client_id = ?1 AND stage = ?3 AND one_off = 0)",
    )?
    .execute(params![client_id, product_key(product), stage])?;
    Ok(())
}
