//! Lifecycle suggestions: what each client's status should be from its facts, for the officer to
//! confirm (nothing changes silently). The rules (issue 16), for clients not archived nor lost
//! (lost keeps its reason until the officer changes it):
//! - **dormant**: no touchpoint for the tier's N days (Settings; the creation day counts when
//!   there was never one) and no active loan;
//! - **loyal**: a second loan, a renewal (a loan signed after a renewal opportunity started) or
//!   a referral recorded, unless the client is dormant by the rule above;
//! - **active**: a dormant client with an active loan or recent contact (within N days), or a
//!   prospect with an active loan. A prospect in contact is still a prospect.
use std::collections::{BTreeMap, HashSet};

use chrono::{Days, NaiveDate};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::LifecycleSettings;
use crate::clients::{LifecycleStatus, Tier};
use crate::error::{Error, Result};
use crate::journey::{change_status, enum_at};
use crate::labels::labelled;
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

labelled! {
    /// Why a status is suggested.
    pub enum SuggestionReason {
        NoContact = "no_contact" => ("长期未联系且无在贷", "No contact for N days and no active loan"),
        ActiveLoan = "active_loan" => ("有在贷贷款", "Has an active loan"),
        RecentContact = "recent_contact" => ("近期有联系", "Recent contact"),
        SecondLoan = "second_loan" => ("第二笔贷款", "A second loan"),
        Renewal = "renewal" => ("续贷", "A renewal"),
        Referral = "referral" => ("转介绍客户", "Referred a client"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LifecycleSuggestion {
    pub client_id: i64,
    pub client_name: String,
    pub tier: Tier,
    pub from: LifecycleStatus,
    pub to: LifecycleStatus,
    pub reason: SuggestionReason,
    /// The latest touchpoint, else the day the client was created.
    #[ts(type = "string")]
    pub last_contact_on: NaiveDate,
    /// For dormant: the day the quiet spell reached the tier's N days.
    #[ts(type = "string | null")]
    pub dormant_since: Option<NaiveDate>,
}

/// What the rules read about one client.
#[derive(Debug, Clone)]
struct Facts {
    client_id: i64,
    name: String,
    tier: Tier,
    status: LifecycleStatus,
    last_contact_on: NaiveDate,
    open_loan: bool,
    /// The strongest sign of loyalty: a renewal, a second loan, a referral.
    loyalty: Option<SuggestionReason>,
}

/// The rules, in one place (module doc).
fn suggest(
    f: &Facts,
    settings: &LifecycleSettings,
    today: NaiveDate,
) -> Option<LifecycleSuggestion> {
    use LifecycleStatus::*;
    let days = settings.dormant_days.of(f.tier);
    let dormant_since = f
        .last_contact_on
        .checked_add_days(Days::new(u64::from(days)));
    let quiet = dormant_since.is_some_and(|d| d <= today);
    let (to, reason) = match f.status {
        Lost => return None,
        _ if quiet && !f.open_loan => match f.status {
            Dormant => return None,
            _ => (Dormant, SuggestionReason::NoContact),
        },
        status if status != Loyal && f.loyalty.is_some() => (Loyal, f.loyalty?),
        Dormant if f.open_loan => (Active, SuggestionReason::ActiveLoan),
        Dormant => (Active, SuggestionReason::RecentContact),
        Prospect if f.open_loan => (Active, SuggestionReason::ActiveLoan),
        _ => return None,
    };
    Some(LifecycleSuggestion {
        client_id: f.client_id,
        client_name: f.name.clone(),
        tier: f.tier,
        from: f.status,
        to,
        reason,
        last_contact_on: f.last_contact_on,
        dormant_since: dormant_since.filter(|_| to == Dormant),
    })
}

/// The facts read with the client; `from` names the follow-ups `f` and the clients `c`.
fn facts_sql(from: &str, filter: &str) -> String {
    format!(
        "SELECT c.id, c.name, c.tier, c.status, COALESCE(f.last_contact_on, f.since_on)
         FROM {from} WHERE {filter}"
    )
}

const JOINED: &str = "followups f JOIN clients c ON c.id = f.client_id";
/// The quiet range drives the scan: without the CROSS JOIN, SQLite walked the clients by status
/// and read the whole range once per client (428 ms at 10,000 clients instead of 2).
const QUIET_FIRST: &str =
    "followups f INDEXED BY followups_quiet CROSS JOIN clients c ON c.id = f.client_id";

fn client_facts(r: &rusqlite::Row) -> rusqlite::Result<Facts> {
    Ok(Facts {
        client_id: r.get(0)?,
        name: r.get(1)?,
        tier: enum_at(r, 2, Tier::parse)?,
        status: enum_at(r, 3, LifecycleStatus::parse)?,
        last_contact_on: r.get(4)?,
        open_loan: false,
        loyalty: None,
    })
}

fn ids(conn: &Connection, sql: &str) -> Result<HashSet<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Clients with each sign of loyalty, the strongest kept per client.
fn loyalty(conn: &Connection) -> Result<BTreeMap<i64, SuggestionReason>> {
    let mut out = BTreeMap::new();
    // Weakest first, so a stronger sign overwrites.
    for (reason, sql) in [
        (
            SuggestionReason::Referral,
            "SELECT DISTINCT client_id FROM referrals",
        ),
        (
            SuggestionReason::SecondLoan,
            "SELECT client_id FROM booked_loans INDEXED BY booked_loans_client
             GROUP BY client_id HAVING COUNT(*) >= 2",
        ),
        (
            SuggestionReason::Renewal,
            "SELECT DISTINCT o.client_id FROM opportunities o
             WHERE o.kind = 'renewal' AND EXISTS (SELECT 1 FROM booked_loans l
               WHERE l.client_id = o.client_id AND l.signed_on >= o.started_on)",
        ),
    ] {
        for id in ids(conn, sql)? {
            out.insert(id, reason);
        }
    }
    Ok(out)
}

/// Up to this many clients are read by id; more in one pass (a lookup each cost ~25 µs, a row
/// of the pass ~1 µs).
const ONE_BY_ONE: usize = 256;

/// From the open loans' maturity index, which covers the client: a second partial index of open
/// loans made SQLite (without statistics) seek through it where the reminders scan the loans.
const OPEN_LOAN_CLIENTS: &str = "SELECT DISTINCT client_id FROM booked_loans
     INDEXED BY booked_loans_open_maturity WHERE closed_on IS NULL";

impl Vault {
    /// Every client whose status the rules would change, by client id. Read from indexes: the
    /// quiet clients from one range of the follow-up dates, the dormant ones from the status
    /// index, and the (few) clients with loans or referrals one by one.
    pub fn lifecycle_suggestions(&self, today: NaiveDate) -> Result<Vec<LifecycleSuggestion>> {
        self.suggestions(today, false)
    }

    /// Only the clients suggested dormant, for Today: dormant wins over every other rule and
    /// needs only the quiet range and the open loans, so the rest is not read.
    pub(crate) fn dormant_suggestions(&self, today: NaiveDate) -> Result<Vec<LifecycleSuggestion>> {
        let mut out = self.suggestions(today, true)?;
        out.retain(|s| s.to == LifecycleStatus::Dormant);
        Ok(out)
    }

    fn suggestions(
        &self,
        today: NaiveDate,
        dormant_only: bool,
    ) -> Result<Vec<LifecycleSuggestion>> {
        let settings = self.lifecycle_settings()?;
        let conn = self.conn();
        let open = ids(conn, OPEN_LOAN_CLIENTS)?;
        let loyal = if dormant_only {
            BTreeMap::new()
        } else {
            loyalty(conn)?
        };
        let mut facts: BTreeMap<i64, Facts> = BTreeMap::new();
        let add = |facts: &mut BTreeMap<i64, Facts>, mut f: Facts| {
            f.open_loan = open.contains(&f.client_id);
            f.loyalty = loyal.get(&f.client_id).copied();
            facts.insert(f.client_id, f);
        };
        if let Some(bound) =
            today.checked_sub_days(Days::new(u64::from(settings.shortest_dormant_days())))
        {
            let mut stmt = conn.prepare_cached(&facts_sql(
                QUIET_FIRST,
                "COALESCE(f.last_contact_on, f.since_on) <= ?1 AND c.archived = 0
                 AND c.status IN ('prospect', 'active', 'loyal')",
            ))?;
            for f in stmt.query_map([bound.to_string()], client_facts)? {
                add(&mut facts, f?);
            }
        }
        if dormant_only {
            return Ok(facts
                .values()
                .filter_map(|f| suggest(f, &settings, today))
                .collect());
        }
        let mut stmt = conn.prepare_cached(&facts_sql(
            JOINED,
            "c.archived = 0 AND c.status = 'dormant'",
        ))?;
        for f in stmt.query_map([], client_facts)? {
            add(&mut facts, f?);
        }
        // The rest can only be prospects with a loan (→ active) and prospects or active clients
        // with a sign of loyalty, found from the covering status index, then read one by one
        // while few, in one pass over their statuses when many.
        let mut wanted: HashSet<i64> = HashSet::new();
        for (status, evidence) in [("prospect", true), ("active", false)] {
            if (evidence && !open.is_empty()) || !loyal.is_empty() {
                let mut stmt = conn.prepare_cached(
                    "SELECT id FROM clients INDEXED BY clients_archived_status
                     WHERE archived = 0 AND status = ?1",
                )?;
                for id in stmt.query_map([status], |r| r.get::<_, i64>(0))? {
                    let id = id?;
                    let candidate = (evidence && open.contains(&id)) || loyal.contains_key(&id);
                    if candidate && !facts.contains_key(&id) {
                        wanted.insert(id);
                    }
                }
            }
        }
        if wanted.len() <= ONE_BY_ONE {
            let mut one = conn.prepare_cached(&facts_sql(JOINED, "f.client_id = ?1"))?;
            for id in &wanted {
                if let Some(f) = one.query_row([id], client_facts).optional()? {
                    add(&mut facts, f);
                }
            }
        } else {
            let mut stmt = conn.prepare_cached(&facts_sql(
                JOINED,
                "c.archived = 0 AND c.status IN ('prospect', 'active')",
            ))?;
            for f in stmt.query_map([], client_facts)? {
                let f = f?;
                if wanted.contains(&f.client_id) {
                    add(&mut facts, f);
                }
            }
        }
        Ok(facts
            .values()
            .filter_map(|f| suggest(f, &settings, today))
            .collect())
    }

    /// One client's suggestion, if the rules make one.
    pub fn lifecycle_suggestion(
        &self,
        client_id: i64,
        today: NaiveDate,
    ) -> Result<Option<LifecycleSuggestion>> {
        let settings = self.lifecycle_settings()?;
        let conn = self.conn();
        let mut f = conn
            .query_row(
                &facts_sql(JOINED, "f.client_id = ?1"),
                [client_id],
                client_facts,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("client {client_id}")))?;
        let archived: bool = conn.query_row(
            "SELECT archived FROM clients WHERE id = ?1",
            [client_id],
            |r| r.get(0),
        )?;
        if archived {
            return Ok(None);
        }
        f.open_loan = conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM booked_loans WHERE client_id = ?1 AND closed_on IS NULL)",
            [client_id],
            |r| r.get(0),
        )?;
        f.loyalty = loyalty(conn)?.get(&client_id).copied();
        Ok(suggest(&f, &settings, today))
    }

    /// The officer confirms a suggestion: the status changes, with the reason in the history.
    /// Refused (nothing changes) when the rules do not suggest `to` for the client today; any
    /// other change goes through the status dialog (`set_status`), lost with its reason.
    pub fn apply_lifecycle(
        &mut self,
        client_id: i64,
        to: LifecycleStatus,
        today: NaiveDate,
    ) -> Result<LifecycleSuggestion> {
        let suggestion = self
            .lifecycle_suggestion(client_id, today)?
            .filter(|s| s.to == to)
            .ok_or_else(|| Error::invalid("to", Rule::NotAllowed))?;
        let tx = self.conn_mut().transaction()?;
        let stage: u8 = tx.query_row(
            "SELECT stage FROM clients WHERE id = ?1",
            [client_id],
            |r| r.get(0),
        )?;
        let note = format!(
            "{} / {}",
            suggestion.reason.text().zh,
            suggestion.reason.text().en
        );
        change_status(
            &tx,
            client_id,
            stage,
            suggestion.from,
            to,
            None,
            &note,
            today,
        )?;
        audit_record(
            &tx,
            "lifecycle.apply",
            "client",
            Some(client_id),
            suggestion.reason.as_str(),
        )?;
        tx.commit()?;
        Ok(suggestion)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    fn facts(status: LifecycleStatus, last: &str) -> Facts {
        Facts {
            client_id: 1,
            name: String::new(),
            tier: Tier::B,
            status,
            last_contact_on: d(last),
            open_loan: false,
            loyalty: None,
        }
    }

    fn to(f: &Facts, today: &str) -> Option<(LifecycleStatus, SuggestionReason)> {
        suggest(f, &LifecycleSettings::default(), d(today)).map(|s| (s.to, s.reason))
    }

    #[test]
    fn the_rules_with_exact_days() {
        use LifecycleStatus::*;
        // Tier B: 120 days. Contact on 2026-01-01 reaches them on 2026-05-01.
        let active = facts(Active, "2026-01-01");
        assert_eq!(to(&active, "2026-04-30"), None);
        assert_eq!(
            to(&active, "2026-05-01"),
            Some((Dormant, SuggestionReason::NoContact))
        );
        let s = suggest(&active, &LifecycleSettings::default(), d("2026-05-03"));
        assert_eq!(s.and_then(|s| s.dormant_since), Some(d("2026-05-01")));
        let with_loan = Facts {
            open_loan: true,
            ..active.clone()
        };
        assert_eq!(to(&with_loan, "2026-09-01"), None, "a loan keeps it active");

        let dormant = facts(Dormant, "2026-01-01");
        assert_eq!(to(&dormant, "2026-06-01"), None, "still quiet");
        assert_eq!(
            to(&dormant, "2026-04-30"),
            Some((Active, SuggestionReason::RecentContact))
        );
        assert_eq!(
            to(
                &Facts {
                    open_loan: true,
                    ..dormant.clone()
                },
                "2026-06-01"
            ),
            Some((Active, SuggestionReason::ActiveLoan))
        );

        let prospect = facts(Prospect, "2026-01-01");
        assert_eq!(
            to(&prospect, "2026-02-01"),
            None,
            "contact keeps a prospect"
        );
        assert_eq!(
            to(
                &Facts {
                    open_loan: true,
                    ..prospect.clone()
                },
                "2026-02-01"
            ),
            Some((Active, SuggestionReason::ActiveLoan))
        );

        let two_loans = Facts {
            open_loan: true,
            loyalty: Some(SuggestionReason::SecondLoan),
            ..active.clone()
        };
        assert_eq!(
            to(&two_loans, "2026-02-01"),
            Some((Loyal, SuggestionReason::SecondLoan))
        );
        let quiet_loyal = Facts {
            loyalty: Some(SuggestionReason::Referral),
            ..facts(Loyal, "2026-01-01")
        };
        assert_eq!(to(&quiet_loyal, "2026-04-30"), None);
        assert_eq!(
            to(&quiet_loyal, "2026-05-01"),
            Some((Dormant, SuggestionReason::NoContact)),
            "loyal clients go quiet too"
        );
        assert_eq!(to(&facts(Lost, "2020-01-01"), "2026-05-01"), None);
    }
}
