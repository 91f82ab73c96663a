//! A client who brought another company (转介绍) is a loyal one: the referral is recorded on
//! the client who referred, once per company referred.
use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Referral {
    pub id: i64,
    /// Who referred.
    pub client_id: i64,
    pub referred_id: i64,
    pub referred_name: String,
    #[ts(type = "string")]
    pub on_date: NaiveDate,
}

impl Vault {
    /// `client_id` referred `referred_id` on `on`. A company is referred once; a client cannot
    /// refer itself.
    pub fn add_referral(&mut self, client_id: i64, referred_id: i64, on: NaiveDate) -> Result<i64> {
        if client_id == referred_id {
            return Err(Error::invalid("referred_id", Rule::NotAllowed));
        }
        let now = self.clock().stamp();
        let tx = self.conn_mut().transaction()?;
        for id in [client_id, referred_id] {
            let exists: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM clients WHERE id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(Error::NotFound(format!("client {id}")));
            }
        }
        let already: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM referrals WHERE referred_id = ?1)",
            [referred_id],
            |r| r.get(0),
        )?;
        if already {
            return Err(Error::invalid("referred_id", Rule::NotAllowed));
        }
        tx.execute(
            "INSERT INTO referrals (client_id, referred_id, on_date, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![client_id, referred_id, on.to_string(), now],
        )?;
        let id = tx.last_insert_rowid();
        audit_record(
            &tx,
            "lifecycle.referral",
            "client",
            Some(client_id),
            &format!("referred client {referred_id}"),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// The companies the client referred, the latest first.
    pub fn client_referrals(&self, client_id: i64) -> Result<Vec<Referral>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT r.id, r.client_id, r.referred_id, c.name, r.on_date
             FROM referrals r JOIN clients c ON c.id = r.referred_id
             WHERE r.client_id = ?1 ORDER BY r.on_date DESC, r.id DESC",
        )?;
        let rows = stmt.query_map([client_id], |r| {
            Ok(Referral {
                id: r.get(0)?,
                client_id: r.get(1)?,
                referred_id: r.get(2)?,
                referred_name: r.get(3)?,
                on_date: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
