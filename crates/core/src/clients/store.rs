//! Reading and writing clients, contacts and touchpoints. Each change is one transaction
//! that also updates the search index and the audit trail.
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::model::*;
use super::{pinyin, search, validate};
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

/// How far a list counts matches before it just says "more than this".
pub const COUNT_CAP: u32 = 1_000;
const DEFAULT_PAGE: u32 = 50;

const CLIENT_COLUMNS: &str =
    "id, name, name_en, credit_code, industry, size, region, source_channel, \
     tier, status, stage, product, notes, archived, created_at, updated_at, industry_code";

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
            industry_code: r.get(16)?,
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
    let mut names: Vec<&str> = vec![&c.name];
    names.extend(c.name_en.as_deref());
    let mut other: Vec<&str> = Vec::new();
    other.extend(c.credit_code.as_deref());
    other.extend(c.industry.as_deref());
    other.extend(c.region.as_deref());
    other.push(&c.notes);
    let contact_names: Vec<&str> = c.contacts.iter().map(|k| k.name.as_str()).collect();
    let contact_other: Vec<&str> = c
        .contacts
        .iter()
        .flat_map(|k| [k.phone.as_str(), k.email.as_str()])
        .collect();
    search::body(&names, &other, &contact_names, &contact_other)
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
                    updated_at = ?14, name_key = ?15, industry_code = ?16
             WHERE id = ?1",
            params![
                id, c.name, c.name_en, c.credit_code, c.industry, c.size.map(|s| s.as_str()), c.region,
                c.source_channel.map(|s| s.as_str()), c.tier.as_str(), c.status.as_str(), c.stage,
                c.product.map(|p| p.as_str()), c.notes, crate::clock::stamp(&tx)?,
                pinyin::sort_key(&c.name), c.industry_code
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

    /// A page of clients matching the query, in the order asked for (newest first by default).
    pub fn list_clients(&self, q: &ClientQuery) -> Result<ClientPage> {
        let limit = q.limit.unwrap_or(DEFAULT_PAGE).clamp(1, 500);
        let mut from = String::from("clients c");
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let mut filters = vec![format!("c.archived = {}", q.archived as i32)];
        // Newest first; ordering by the FTS rowid lets FTS5 stream matches in order instead of
        // sorting all of them (a one-character query can match 10% of the book).
        let mut newest = "c.id DESC".to_string();
        if let Some(plan) = search::plan(&q.text) {
            let search::Plan { drive, narrow } = plan;
            // CROSS JOIN fixes the order: FTS first, then each match's row. Left to itself the
            // planner may scan clients and probe the index per row (seconds at 100k clients).
            let table = drive.0.table();
            args.push(drive.1.into());
            from = format!(
                "{table} s CROSS JOIN clients c ON c.id = s.rowid AND {table} MATCH ?{}",
                args.len()
            );
            newest = "s.rowid DESC".into();
            if let Some((index, expr)) = narrow {
                let table = index.table();
                args.push(expr.into());
                filters.push(format!(
                    "c.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?{})",
                    args.len()
                ));
            }
        }
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
        let dir = if q.descending { "DESC" } else { "ASC" };
        let conn = self.conn();
        let searching = from != "clients c";
        let page = |from: &str, filter: &str, order: &str, limit: u32, offset: u32| {
            fetch(conn, from, filter, order, &args, limit, offset)
        };
        // Ties keep a stable order (by id, in the same direction, so one index serves both).
        let items = match q.sort {
            ClientSort::Newest => page(&from, &filter, &newest, limit, q.offset)?,
            ClientSort::Name => {
                let order = format!("c.name_key {dir}, c.id {dir}");
                page(&from, &filter, &order, limit, q.offset)?
            }
            ClientSort::Stage => {
                let order = format!("c.stage {dir}, c.id {dir}");
                page(&from, &filter, &order, limit, q.offset)?
            }
            ClientSort::Tier => {
                let order = format!("c.tier {dir}, c.id {dir}");
                page(&from, &filter, &order, limit, q.offset)?
            }
            // The whole book: walk followups_next (next_on, client_id) instead of sorting.
            ClientSort::NextContact if !searching => {
                let from = "followups f CROSS JOIN clients c ON c.id = f.client_id";
                let order = format!("f.next_on {dir}, f.client_id {dir}");
                page(from, &filter, &order, limit, q.offset)?
            }
            ClientSort::NextContact => {
                let order = format!("next_on IS NULL, next_on {dir}, c.id {dir}");
                page(&from, &filter, &order, limit, q.offset)?
            }
            // The whole book: clients with a proposed amount in the order of the amount index,
            // then the others newest first; a page may straddle the two.
            ClientSort::Amount if !searching => {
                let with = "loan_scenarios ps CROSS JOIN clients c ON c.id = ps.client_id";
                let with_filter = format!("ps.proposed = 1 AND {filter}");
                let order = format!("{AMOUNT} {dir}, ps.client_id {dir}");
                let mut items = page(with, &with_filter, &order, limit, q.offset)?;
                let got = items.len() as u32;
                if got < limit {
                    let with_count: u32 = if got > 0 {
                        q.offset + got
                    } else {
                        conn.prepare_cached(&format!(
                            "SELECT count(*) FROM {with} WHERE {with_filter}"
                        ))?
                        .query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?
                    };
                    let without = format!(
                        "{filter} AND NOT EXISTS (SELECT 1 FROM loan_scenarios
                           WHERE client_id = c.id AND proposed = 1)"
                    );
                    let order = format!("c.id {dir}");
                    let offset = q.offset.saturating_sub(with_count);
                    items.extend(page(&from, &without, &order, limit - got, offset)?);
                }
                items
            }
            ClientSort::Amount => {
                let order = format!("amount_num IS NULL, amount_num {dir}, c.id {dir}");
                page(&from, &filter, &order, limit, q.offset)?
            }
        };
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

/// The proposed scenario's principal as a number to sort by (the JSON holds a decimal string);
/// `loan_scenarios_proposed_amount` indexes exactly this expression.
const AMOUNT: &str = "CAST(json_extract(ps.terms, '$.principal') AS REAL)";

/// One page of list rows from `from` (which names the clients table `c`).
fn fetch(
    conn: &Connection,
    from: &str,
    filter: &str,
    order: &str,
    args: &[rusqlite::types::Value],
    limit: u32,
    offset: u32,
) -> Result<Vec<ClientSummary>> {
    let sql = format!(
        "SELECT c.id, c.name, c.name_en, c.credit_code, c.industry, c.region, c.tier, c.status, c.stage, c.archived,
                (SELECT name FROM contacts WHERE client_id = c.id ORDER BY position LIMIT 1),
                (SELECT next_on FROM followups WHERE client_id = c.id) AS next_on,
                p.principal, p.currency,
                CAST(p.principal AS REAL) AS amount_num, c.industry_code
         FROM {from}
         LEFT JOIN (SELECT client_id, json_extract(terms, '$.principal') AS principal,
                           json_extract(terms, '$.currency') AS currency
                    FROM loan_scenarios WHERE proposed = 1) p ON p.client_id = c.id
         WHERE {filter} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let items = stmt
        .query_map(rusqlite::params_from_iter(args.iter()), |r| {
            let next: Option<String> = r.get(11)?;
            Ok(ClientSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                name_en: r.get(2)?,
                credit_code: r.get(3)?,
                industry_code: r.get(15)?,
                industry: r.get(4)?,
                region: r.get(5)?,
                tier: parse_enum(r.get(6)?, Tier::parse, 6)?,
                status: parse_enum(r.get(7)?, LifecycleStatus::parse, 7)?,
                stage: r.get(8)?,
                archived: r.get(9)?,
                primary_contact: r.get(10)?,
                // A date that does not parse shows as none rather than failing the list.
                next_contact_on: next.and_then(|d| d.parse().ok()),
                amount: decimal(r.get(12)?),
                currency: r.get(13)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(items)
}

/// A principal as the scenario JSON holds it (a string; a number from older writers).
fn decimal(v: rusqlite::types::Value) -> Option<rust_decimal::Decimal> {
    use rusqlite::types::Value;
    use std::str::FromStr;
    match v {
        Value::Text(s) => rust_decimal::Decimal::from_str(&s).ok(),
        Value::Integer(i) => Some(rust_decimal::Decimal::from(i)),
        Value::Real(f) => rust_decimal::Decimal::try_from(f).ok(),
        _ => None,
    }
}

pub(crate) fn insert_client(
    tx: &Transaction,
    input: &ClientInput,
    today: NaiveDate,
) -> Result<i64> {
    let c = validate::client(input)?;
    check_code_unused(tx, &c.credit_code, None)?;
    tx.execute(
        "INSERT INTO clients (name, name_en, credit_code, industry, size, region, source_channel,
                              tier, status, stage, product, notes, created_at, updated_at, name_key,
                              industry_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?15)",
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
            crate::clock::stamp(tx)?,
            pinyin::sort_key(&c.name),
            c.industry_code
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_contacts(tx, id, &c.contacts)?;
    search::insert(tx, id, &search_body(&c))?;
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
    check("industry_code", a.industry_code == b.industry_code);
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

/// Every client's search row and name key, computed anew (schema 14 added pinyin to both).
/// One pass over clients and one over contacts, merged by client id; the two indexes are
/// emptied first, so each row is an insert rather than a delete and an insert.
pub(crate) fn rebuild_search(tx: &Transaction) -> Result<u64> {
    tx.execute_batch(
        "INSERT INTO client_search_tri (client_search_tri) VALUES ('delete-all');
         INSERT INTO client_search_uni (client_search_uni) VALUES ('delete-all');",
    )?;
    let mut contacts_stmt = tx.prepare(
        "SELECT client_id, name, phone, email FROM contacts ORDER BY client_id, position",
    )?;
    let mut contacts = contacts_stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Contact {
                    name: r.get(1)?,
                    role: String::new(),
                    phone: r.get(2)?,
                    email: r.get(3)?,
                },
            ))
        })?
        .peekable();
    let mut clients_stmt = tx.prepare(
        "SELECT id, name, name_en, credit_code, industry, region, notes FROM clients ORDER BY id",
    )?;
    let mut rows = clients_stmt.query([])?;
    let mut set_key = tx.prepare("UPDATE clients SET name_key = ?2 WHERE id = ?1")?;
    let mut done = 0;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let mut c = ClientInput::named(&r.get::<_, String>(1)?);
        c.name_en = r.get(2)?;
        c.credit_code = r.get(3)?;
        c.industry = r.get(4)?;
        c.region = r.get(5)?;
        c.notes = r.get(6)?;
        // Contacts of clients that no longer exist (none should) are skipped over.
        while let Some(Ok((cid, _))) = contacts.peek() {
            if *cid > id {
                break;
            }
            if let Some(Ok((cid, contact))) = contacts.next() {
                if cid == id {
                    c.contacts.push(contact);
                }
            }
        }
        if let Some(Err(_)) = contacts.peek() {
            if let Some(Err(e)) = contacts.next() {
                return Err(e.into());
            }
        }
        search::insert(tx, id, &search_body(&c))?;
        set_key.execute(params![id, pinyin::sort_key(&c.name)])?;
        done += 1;
    }
    Ok(done)
}

impl Vault {
    /// Every client's search row and pinyin sort key rebuilt, in one transaction: the step
    /// schema 14 runs, kept callable for support and for the benchmark that times it.
    pub fn rebuild_search(&mut self) -> Result<u64> {
        let tx = self.conn_mut().transaction()?;
        let n = rebuild_search(&tx)?;
        tx.commit()?;
        Ok(n)
    }
}
