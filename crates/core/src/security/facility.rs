//! Credit facilities (综合授信) and what is drawn under them (用信). A use other than a loan
//! (银承, 保函, 信用证) counts at its exposure: amount × (1 − cash margin 保证金). A revolving
//! line counts what is open now (outstanding principal of its loans, open uses); a
//! non-revolving one everything ever drawn, so a repayment frees nothing.
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{apply_bp, bp_percent, percent_bp, positive_fen, FacilityUseKind};
use crate::error::{Error, Result};
use crate::loans::from_fen;
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FacilityInput {
    pub client_id: i64,
    #[ts(type = "string")]
    pub amount: Decimal,
    #[serde(default = "cny")]
    pub currency: String,
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
    #[serde(default)]
    pub revolving: bool,
}

fn cny() -> String {
    "CNY".into()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FacilityUseInput {
    pub facility_id: i64,
    pub kind: FacilityUseKind,
    #[ts(type = "string")]
    pub amount: Decimal,
    /// Cash margin (保证金) in percent of the amount.
    #[serde(default)]
    #[ts(type = "string")]
    pub margin_percent: Decimal,
    #[ts(type = "string")]
    pub on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FacilityLoan {
    pub id: i64,
    pub contract_no: String,
    /// Everything disbursed.
    #[ts(type = "string")]
    pub drawn: Decimal,
    #[ts(type = "string")]
    pub outstanding: Decimal,
    #[ts(type = "string | null")]
    pub closed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FacilityUse {
    pub id: i64,
    pub kind: FacilityUseKind,
    #[ts(type = "string")]
    pub amount: Decimal,
    #[ts(type = "string")]
    pub margin_percent: Decimal,
    #[ts(type = "string")]
    pub exposure: Decimal,
    #[ts(type = "string")]
    pub on: NaiveDate,
    #[ts(type = "string | null")]
    pub closed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Facility {
    pub id: i64,
    pub client_id: i64,
    #[ts(type = "string")]
    pub amount: Decimal,
    pub currency: String,
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
    pub revolving: bool,
    /// What counts against the line: loans' part plus the uses' exposure.
    #[ts(type = "string")]
    pub used: Decimal,
    /// The loans' part of `used` (outstanding principal; for a non-revolving line, drawn).
    #[ts(type = "string")]
    pub loans_used: Decimal,
    /// The uses' part of `used`: their exposure after margin (open ones for a revolving line).
    #[ts(type = "string")]
    pub exposure: Decimal,
    /// Amount less used; negative only if a line was shortened below what it carries.
    #[ts(type = "string")]
    pub available: Decimal,
    pub loans: Vec<FacilityLoan>,
    pub uses: Vec<FacilityUse>,
}

/// amount × (1 − margin), half-up to the fen.
pub fn exposure_fen(amount_fen: i64, margin_bp: i64) -> i64 {
    apply_bp(amount_fen, 10_000 - margin_bp.clamp(0, 10_000))
}

struct Head {
    id: i64,
    client_id: i64,
    amount_fen: i64,
    currency: String,
    from: NaiveDate,
    to: NaiveDate,
    revolving: bool,
}

fn head(conn: &Connection, id: i64) -> Result<Head> {
    conn.query_row(
        "SELECT id, client_id, amount_fen, currency, starts_on, ends_on, revolving
         FROM facilities WHERE id = ?1",
        [id],
        |r| {
            Ok(Head {
                id: r.get(0)?,
                client_id: r.get(1)?,
                amount_fen: r.get(2)?,
                currency: r.get(3)?,
                from: r.get(4)?,
                to: r.get(5)?,
                revolving: r.get(6)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::invalid("facility", Rule::Unknown(format!("facility {id}"))))
}

/// (loans, uses, loans' part in fen, exposure in fen).
fn drawings(
    conn: &Connection,
    h: &Head,
) -> Result<(Vec<FacilityLoan>, Vec<FacilityUse>, i64, i64)> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.id, l.contract_no, l.outstanding_fen, l.closed_on,
                (SELECT COALESCE(SUM(amount_fen), 0) FROM loan_disbursements d WHERE d.loan_id = l.id)
         FROM booked_loans l WHERE l.facility_id = ?1 ORDER BY l.id",
    )?;
    let mut loans = Vec::new();
    let mut loans_fen = 0i64;
    for row in stmt.query_map([h.id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, Option<NaiveDate>>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })? {
        let (id, contract_no, outstanding, closed_on, drawn) = row?;
        let outstanding = if closed_on.is_some() { 0 } else { outstanding };
        loans_fen += if h.revolving { outstanding } else { drawn };
        loans.push(FacilityLoan {
            id,
            contract_no,
            drawn: from_fen(drawn),
            outstanding: from_fen(outstanding),
            closed_on,
        });
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, amount_fen, margin_bp, used_on, closed_on
         FROM facility_uses WHERE facility_id = ?1 ORDER BY used_on, id",
    )?;
    let mut uses = Vec::new();
    let mut exposure = 0i64;
    for row in stmt.query_map([h.id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, NaiveDate>(4)?,
            r.get::<_, Option<NaiveDate>>(5)?,
        ))
    })? {
        let (id, kind, amount, margin_bp, on, closed_on) = row?;
        let e = exposure_fen(amount, margin_bp);
        if !h.revolving || closed_on.is_none() {
            exposure += e;
        }
        uses.push(FacilityUse {
            id,
            kind: FacilityUseKind::parse(&kind).unwrap_or(FacilityUseKind::Acceptance),
            amount: from_fen(amount),
            margin_percent: bp_percent(margin_bp),
            exposure: from_fen(e),
            on,
            closed_on,
        });
    }
    Ok((loans, uses, loans_fen, exposure))
}

fn view(conn: &Connection, h: Head) -> Result<Facility> {
    let (loans, uses, loans_fen, exposure) = drawings(conn, &h)?;
    let used = loans_fen + exposure;
    Ok(Facility {
        id: h.id,
        client_id: h.client_id,
        amount: from_fen(h.amount_fen),
        currency: h.currency,
        from: h.from,
        to: h.to,
        revolving: h.revolving,
        used: from_fen(used),
        loans_used: from_fen(loans_fen),
        exposure: from_fen(exposure),
        available: from_fen(h.amount_fen - used),
        loans,
        uses,
    })
}

/// Refuses a drawing of `fen` on `dates` that the line cannot carry: another client's line,
/// another currency, a day outside the line's dates, more than is available.
pub(crate) fn check_drawing(
    conn: &Connection,
    facility_id: i64,
    client_id: i64,
    currency: &str,
    fen: i64,
    dates: &[NaiveDate],
) -> Result<()> {
    let h = head(conn, facility_id)?;
    if h.client_id != client_id {
        return Err(Error::invalid(
            "facility",
            Rule::Unknown(format!("facility {facility_id}")),
        ));
    }
    if h.currency != currency {
        return Err(Error::invalid("facility", Rule::Currency));
    }
    if dates.iter().any(|d| *d < h.from || *d > h.to) {
        return Err(Error::invalid(
            "facility",
            Rule::OutsideFacility {
                from: h.from.to_string(),
                to: h.to.to_string(),
            },
        ));
    }
    let amount = h.amount_fen;
    let (_, _, loans_fen, exposure) = drawings(conn, &h)?;
    let available = amount - loans_fen - exposure;
    if fen > available {
        return Err(Error::invalid(
            "facility",
            Rule::AboveAvailable {
                available: crate::pdf::numbers::money(from_fen(available.max(0))),
            },
        ));
    }
    Ok(())
}

impl Vault {
    pub fn add_facility(&mut self, input: &FacilityInput) -> Result<i64> {
        let amount = positive_fen("amount", input.amount)?;
        let currency = input.currency.trim().to_uppercase();
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(Error::invalid("currency", Rule::Currency));
        }
        if input.to < input.from {
            return Err(Error::invalid("to", Rule::NotBefore("from")));
        }
        self.client(input.client_id)?;
        let now = self.clock().stamp();
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "INSERT INTO facilities (client_id, amount_fen, currency, starts_on, ends_on, revolving, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                input.client_id,
                amount,
                currency,
                input.from.to_string(),
                input.to.to_string(),
                input.revolving,
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        audit_record(
            &tx,
            "facility.add",
            "facility",
            Some(id),
            &format!("client {}", input.client_id),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Records a bank acceptance, letter of guarantee or L/C under the line; refused above
    /// what is available or outside the line's dates, and then nothing is stored.
    pub fn add_facility_use(&mut self, input: &FacilityUseInput, today: NaiveDate) -> Result<i64> {
        let amount = positive_fen("amount", input.amount)?;
        let margin_bp = percent_bp("margin_percent", input.margin_percent)?;
        if input.on > today {
            return Err(Error::invalid("on", Rule::NotInFuture));
        }
        let now = self.clock().stamp();
        let tx = self.conn_mut().transaction()?;
        let h = head(&tx, input.facility_id)?;
        check_drawing(
            &tx,
            h.id,
            h.client_id,
            &h.currency,
            exposure_fen(amount, margin_bp),
            &[input.on],
        )?;
        tx.execute(
            "INSERT INTO facility_uses (facility_id, kind, amount_fen, margin_bp, used_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                h.id,
                input.kind.as_str(),
                amount,
                margin_bp,
                input.on.to_string(),
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        audit_record(
            &tx,
            "facility.use",
            "facility",
            Some(h.id),
            &format!("use {id}"),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// The acceptance is paid, the guarantee or L/C expired: a revolving line has the room again.
    pub fn close_facility_use(
        &mut self,
        use_id: i64,
        on: NaiveDate,
        today: NaiveDate,
    ) -> Result<()> {
        if on > today {
            return Err(Error::invalid("on", Rule::NotInFuture));
        }
        let tx = self.conn_mut().transaction()?;
        let found: Option<(i64, NaiveDate, Option<NaiveDate>)> = tx
            .query_row(
                "SELECT facility_id, used_on, closed_on FROM facility_uses WHERE id = ?1",
                [use_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (facility_id, used_on, closed) =
            found.ok_or_else(|| Error::NotFound(format!("facility use {use_id}")))?;
        if closed.is_some() {
            return Err(Error::invalid("use", Rule::NotAllowed));
        }
        if on < used_on {
            return Err(Error::invalid("on", Rule::NotBefore("used_on")));
        }
        tx.execute(
            "UPDATE facility_uses SET closed_on = ?2 WHERE id = ?1",
            params![use_id, on.to_string()],
        )?;
        audit_record(
            &tx,
            "facility.close_use",
            "facility",
            Some(facility_id),
            &format!("use {use_id}"),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn facility(&self, id: i64) -> Result<Facility> {
        let conn = self.conn();
        let h = head(conn, id).map_err(|_| Error::NotFound(format!("facility {id}")))?;
        view(conn, h)
    }

    /// The client's lines, the latest first.
    pub fn client_facilities(&self, client_id: i64) -> Result<Vec<Facility>> {
        self.client(client_id)?;
        let ids: Vec<i64> = self
            .conn()
            .prepare(
                "SELECT id FROM facilities WHERE client_id = ?1 ORDER BY ends_on DESC, id DESC",
            )?
            .query_map([client_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|id| self.facility(id)).collect()
    }
}
