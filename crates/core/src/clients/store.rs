//! Reading and writing clients, contacts and touchpoints. Each change is one transaction
//! that also updates the search index and the audit trail.
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::model::*;
use super::{search, validate};
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

/// How far a list counts matches before it just says "more than this".
pub const COUNT_CAP: u32 = 1_000;
const DEFAULT_PAGE: u32 = 50;

const CLIENT_COLUMNS: &str =
    "id, name, name_en, credit_code, industry, size, region, source_channel, \
     tier, status, stage, product, notes, archived, created_at, updated_at";

fn parse_enum<T>(
    value: String,
    parse: fn(&str) -> Option<T>,
    column: usize,
) -> rusqlite::Result<T> {
    parse(&value).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Text,
            format!("unknown value {value}").into(),
        )
    })
}

fn opt_enum<T>(
    value: Option<String>,
    parse: fn(&str) -> Option<T>,
    column: usize,
) -> rusqlite::Result<Option<T>> {
    value.map(|v| parse_enum(v, parse, column)).transpose()
}

fn client_from_row(r: &Row) -> rusqlite::Result<Client> {
    Ok(Client {
        id: r.get(0)?,
        fields: ClientInput {
            name: r.get(1)?,
            name_en: r.get(2)?,
            credit_code: r.get(3)?,
            industry: r.get(4)?,
            size: opt_enum(r.get(5)?, CompanySize::parse, 5)?,
            region: r.get(6)?,
            source_channel: opt_enum(r.get(7)?, SourceChannel::parse, 7)?,
            tier: parse_enum(r.get(8)?, Tier::parse, 8)?,
            status: parse_enum(r.get(9)?, LifecycleStatus::parse, 9)?,
            stage: r.get(10)?,
            product: opt_enum(r.get(11)?, ProductType::parse, 11)?,
            contacts: Vec::new(),
            notes: r.get(12)?,
        },
        archived: r.get(13)?,
        created_at: r.get(14)?,
        updated_at: r.get(15)?,
    })
}

fn search_body(c: &ClientInput) -> String {
    let mut parts: Vec<&str> = vec![&c.name];
    parts.extend(c.name_en.as_deref());
    parts.extend(c.credit_code.as_deref());
    parts.extend(c.industry.as_deref());
    parts.extend(c.region.as_deref());
    for contact in &c.contacts {
        parts.extend([
            contact.name.as_str(),
            contact.phone.as_str(),
            contact.email.as_str(),
        ]);
    }
    parts.push(&c.notes);
    // Newlines keep a match from spanning two fields.
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn write_contacts(tx: &Transaction, id: i64, contacts: &[Contact]) -> Result<()> {
    tx.execute("DELETE FROM contacts WHERE client_id = ?1", [id])?;
    let mut stmt =
        tx.prepare("INSERT INTO contacts (client_id, position, name, role, phone, email) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    for (i, c) in contacts.iter().enumerate() {
        stmt.execute(params![id, i as i64, c.name, c.role, c.phone, c.email])?;
    }
    Ok(())
}

fn check_code_unused(conn: &Connection, code: &Option<String>, except: Option<i64>) -> Result<()> {
    if let Some(code) = code {
        let other: Option<i64> = conn
            .query_row(
                "SELECT id FROM clients WHERE credit_code = ?1",
                [code],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(other) = other.filter(|o| Some(*o) != except) {
            return Err(Error::invalid("credit_code", Rule::Duplicate(other)));
        }
    }
    Ok(())
}

impl Vault {
    /// `today` starts the client's stage history (days in stage count from it).
    pub fn create_client(&mut self, input: &ClientInput, today: NaiveDate) -> Result<i64> {
        let tx = self.conn_mut().transaction()?;
        let id = insert_client(&tx, input, today)?;
        tx.commit()?;
        Ok(id)
    }

    /// Many clients (with their touchpoints) in one transaction: demo data and bulk imports.
    pub fn create_clients(
        &mut self,
        batch: &[(ClientInput, Vec<TouchpointInput>)],
        today: NaiveDate,
    ) -> Result<Vec<i64>> {
        let tx = self.conn_mut().transaction()?;
        let mut ids = Vec::with_capacity(batch.len());
        for (client, touchpoints) in batch {
            let id = insert_client(&tx, client, today)?;
            for t in touchpoints {
                insert_touchpoint(&tx, id, t)?;
            }
            ids.push(id);
        }
        tx.commit()?;
        Ok(ids)
    }

    /// Edits the record. Stage and status are kept as they are: they change through the journey
    /// (gate, history, lost reason), and a form opened before an advance must not undo it.
    pub fn update_client(&mut self, id: i64, input: &ClientInput) -> Result<()> {
        let mut c = validate::client(input)?;
        let before = self.client(id)?;
        (c.stage, c.status) = (before.fields.stage, before.fields.status);
        let tx = self.conn_mut().transaction()?;
        check_code_unused(&tx, &c.credit_code, Some(id))?;
        tx.execute(
            "UPDATE clients SET name = ?2, name_en = ?3, credit_code = ?4, industry = ?5, size = ?6, region = ?7,
                    source_channel = ?8, tier = ?9, status = ?10, stage = ?11, product = ?12, notes = ?13,
                    updated_at = ?14
             WHERE id = ?1",
            params![
                id, c.name, c.name_en, c.credit_code, c.industry, c.size.map(|s| s.as_str()), c.region,
                c.source_channel.map(|s| s.as_str()), c.tier.as_str(), c.status.as_str(), c.stage,
                c.product.map(|p| p.as_str()), c.notes, crate::clock::stamp(&tx)?
            ],
        )?;
        write_contacts(&tx, id, &c.contacts)?;
        search::reindex(&tx, id, &search_body(&c))?;
        audit_record(
            &tx,
            "client.update",
            "client",
            Some(id),
            &changed_fields(&before.fields, &c).join(","),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Archive (or restore) instead of deleting: the record and its history stay.
    pub fn set_archived(&mut self, id: i64, archived: bool) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        let n = tx.execute(
            "UPDATE clients SET archived = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, archived, crate::clock::stamp(&tx)?],
        )?;
        if n == 0 {
            return Err(Error::NotFound(format!("client {id}")));
        }
        audit_record(
            &tx,
            if archived {
                "client.archive"
            } else {
                "client.restore"
            },
            "client",
            Some(id),
            "",
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn client(&self, id: i64) -> Result<Client> {
        let conn = self.conn();
        let mut client = conn
            .query_row(
                &format!("SELECT {CLIENT_COLUMNS} FROM clients WHERE id = ?1"),
                [id],
                client_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("client {id}")))?;
        let mut stmt = conn.prepare(
            "SELECT name, role, phone, email FROM contacts WHERE client_id = ?1 ORDER BY position",
        )?;
        client.fields.contacts = stmt
            .query_map([id], |r| {
                Ok(Contact {
                    name: r.get(0)?,
                    role: r.get(1)?,
                    phone: r.get(2)?,
                    email: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(client)
    }

    pub fn client_detail(&self, id: i64) -> Result<ClientDetail> {
        Ok(ClientDetail {
            client: self.client(id)?,
            touchpoints: self.touchpoints(id)?,
        })
    }

    pub fn add_touchpoint(&mut self, client_id: i64, input: &TouchpointInput) -> Result<i64> {
        self.client(client_id)?;
        let tx = self.conn_mut().transaction()?;
        let id = insert_touchpoint(&tx, client_id, input)?;
        tx.commit()?;
        Ok(id)
    }

    /// Newest first.
    pub fn touchpoints(&self, client_id: i64) -> Result<Vec<Touchpoint>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, client_id, date, channel, summary, next_step, next_contact_date, created_at
             FROM touchpoints WHERE client_id = ?1 ORDER BY date DESC, id DESC",
        )?;
        let rows = stmt.query_map([client_id], |r| {
            let date: String = r.get(2)?;
            let next: Option<String> = r.get(6)?;
            let bad_date = |col: usize| {
                move |e: chrono::ParseError| {
                    rusqlite::Error::FromSqlConversionFailure(
                        col,
                        rusqlite::types::Type::Text,
                        Box::new(e),
                    )
                }
            };
            Ok(Touchpoint {
                id: r.get(0)?,
                client_id: r.get(1)?,
                fields: TouchpointInput {
                    date: date.parse().map_err(bad_date(2))?,
                    channel: parse_enum(r.get(3)?, Channel::parse, 3)?,
                    summary: r.get(4)?,
                    next_step: r.get(5)?,
                    next_contact_date: next.map(|d| d.parse()).transpose().map_err(bad_date(6))?,
                },
                created_at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A page of clients matching the query, newest first.
    pub fn list_clients(&self, q: &ClientQuery) -> Result<ClientPage> {
        let limit = q.limit.unwrap_or(DEFAULT_PAGE).clamp(1, 500);
        let mut from = String::from("clients c");
        // Newest first either way; ordering by the FTS rowid lets FTS5 stream matches in order
        // instead of sorting all of them (a one-character query can match 10% of the book).
        let mut order = "c.id DESC";
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some((table, expr)) = search::plan(&q.text) {
            // CROSS JOIN fixes the order: FTS first, then each match's row. Left to itself the
            // planner may scan clients and probe the index per row (seconds at 100k clients).
            args.push(expr.into());
            from = format!(
                "{table} s CROSS JOIN clients c ON c.id = s.rowid AND {table} MATCH ?{}",
                args.len()
            );
            order = "s.rowid DESC";
        }
        let mut filters = vec![format!("c.archived = {}", q.archived as i32)];
        if let Some(stage) = q.stage {
            args.push(i64::from(stage).into());
            filters.push(format!("c.stage = ?{}", args.len()));
        }
        if let Some(tier) = q.tier {
            args.push(tier.as_str().to_string().into());
            filters.push(format!("c.tier = ?{}", args.len()));
        }
        if let Some(status) = q.status {
            args.push(status.as_str().to_string().into());
            filters.push(format!("c.status = ?{}", args.len()));
        }
        let filter = filters.join(" AND ");
        let conn = self.conn();
        let sql = format!(
            "SELECT c.id, c.name, c.name_en, c.credit_code, c.industry, c.region, c.tier, c.status, c.stage, c.archived,
                    (SELECT name FROM contacts WHERE client_id = c.id ORDER BY position LIMIT 1)
             FROM {from} WHERE {filter} ORDER BY {order} LIMIT {limit} OFFSET {}",
            q.offset
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let items = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                Ok(ClientSummary {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    name_en: r.get(2)?,
                    credit_code: r.get(3)?,
                    industry: r.get(4)?,
                    region: r.get(5)?,
                    tier: parse_enum(r.get(6)?, Tier::parse, 6)?,
                    status: parse_enum(r.get(7)?, LifecycleStatus::parse, 7)?,
                    stage: r.get(8)?,
                    archived: r.get(9)?,
                    primary_contact: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let count_sql = format!(
            "SELECT count(*) FROM (SELECT 1 FROM {from} WHERE {filter} LIMIT {})",
            COUNT_CAP + 1
        );
        let counted: u32 = conn
            .prepare_cached(&count_sql)?
            .query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?;
        Ok(ClientPage {
            items,
            total: counted.min(COUNT_CAP),
            total_capped: counted > COUNT_CAP,
        })
    }
}

fn insert_client(tx: &Transaction, input: &ClientInput, today: NaiveDate) -> Result<i64> {
    let c = validate::client(input)?;
    check_code_unused(tx, &c.credit_code, None)?;
    tx.execute(
        "INSERT INTO clients (name, name_en, credit_code, industry, size, region, source_channel,
                              tier, status, stage, product, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
        params![
            c.name,
            c.name_en,
            c.credit_code,
            c.industry,
            c.size.map(|s| s.as_str()),
            c.region,
            c.source_channel.map(|s| s.as_str()),
            c.tier.as_str(),
            c.status.as_str(),
            c.stage,
            c.product.map(|p| p.as_str()),
            c.notes,
            crate::clock::stamp(tx)?
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_contacts(tx, id, &c.contacts)?;
    search::reindex(tx, id, &search_body(&c))?;
    crate::journey::on_client_created(tx, id, c.stage, c.product, today)?;
    audit_record(tx, "client.create", "client", Some(id), "")?;
    Ok(id)
}

pub(crate) fn insert_touchpoint(
    tx: &Transaction,
    client_id: i64,
    input: &TouchpointInput,
) -> Result<i64> {
    let t = validate::touchpoint(input)?;
    let now = crate::clock::stamp(tx)?;
    tx.execute(
        "INSERT INTO touchpoints (client_id, date, channel, summary, next_step, next_contact_date, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![client_id, t.date.to_string(), t.channel.as_str(), t.summary, t.next_step,
                t.next_contact_date.map(|d| d.to_string()), now],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "UPDATE clients SET updated_at = ?2 WHERE id = ?1",
        params![client_id, now],
    )?;
    audit_record(tx, "touchpoint.create", "client", Some(client_id), "")?;
    Ok(id)
}

fn changed_fields(a: &ClientInput, b: &ClientInput) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut check = |name: &'static str, same: bool| {
        if !same {
            out.push(name)
        }
    };
    check("name", a.name == b.name);
    check("name_en", a.name_en == b.name_en);
    check("credit_code", a.credit_code == b.credit_code);
    check("industry", a.industry == b.industry);
    check("size", a.size == b.size);
    check("region", a.region == b.region);
    check("source_channel", a.source_channel == b.source_channel);
    check("tier", a.tier == b.tier);
    check("status", a.status == b.status);
    check("stage", a.stage == b.stage);
    check("product", a.product == b.product);
    check("contacts", a.contacts == b.contacts);
    check("notes", a.notes == b.notes);
    out
}
