//! Loan scenarios saved on a client from the calculator; one of them can be the proposed loan
//! that the proposal PDF and, later, the booked loan start from.
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::LoanTerms;
use crate::error::{Error, Result};
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

/// How many scenarios a client may keep: the calculator compares up to three side by side,
/// a few more leave room for history without turning into a second spreadsheet.
pub const MAX_SCENARIOS_PER_CLIENT: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LoanScenario {
    pub id: i64,
    pub client_id: i64,
    pub label: String,
    pub terms: LoanTerms,
    pub proposed: bool,
    pub updated_at: String,
}

/// What the calculator sends to save: `id` None creates a new scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScenarioInput {
    pub id: Option<i64>,
    pub label: String,
    pub terms: LoanTerms,
    pub proposed: bool,
}

use crate::bank_profile::OFFICER_KEY;

impl Vault {
    /// Saves after checking the terms produce a schedule: an invalid loan is never stored.
    pub fn save_scenario(&mut self, client_id: i64, input: &ScenarioInput) -> Result<i64> {
        super::generate(&input.terms)?;
        let label = input.label.trim();
        if label.is_empty() || label.chars().count() > 100 {
            let rule = if label.is_empty() {
                Rule::Required
            } else {
                Rule::MaxChars(100)
            };
            return Err(Error::invalid("label", rule));
        }
        self.client(client_id)?;
        let terms = serde_json::to_string(&input.terms).map_err(|e| Error::Io(e.into()))?;
        let now = self.clock().stamp();
        let tx = self.conn_mut().transaction()?;
        if input.proposed {
            tx.execute(
                "UPDATE loan_scenarios SET proposed = 0 WHERE client_id = ?1",
                [client_id],
            )?;
        }
        let id = match input.id {
            Some(id) => {
                let n = tx.execute(
                    "UPDATE loan_scenarios SET label = ?3, terms = ?4, proposed = ?5, updated_at = ?6
                     WHERE id = ?1 AND client_id = ?2",
                    params![id, client_id, label, terms, input.proposed, now],
                )?;
                if n == 0 {
                    return Err(Error::NotFound(format!("loan scenario {id}")));
                }
                id
            }
            None => {
                let count: i64 = tx.query_row(
                    "SELECT count(*) FROM loan_scenarios WHERE client_id = ?1",
                    [client_id],
                    |r| r.get(0),
                )?;
                if count as usize >= MAX_SCENARIOS_PER_CLIENT {
                    return Err(Error::invalid(
                        "label",
                        Rule::TooMany(MAX_SCENARIOS_PER_CLIENT),
                    ));
                }
                tx.execute(
                    "INSERT INTO loan_scenarios (client_id, label, terms, proposed, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                    params![client_id, label, terms, input.proposed, now],
                )?;
                tx.last_insert_rowid()
            }
        };
        audit_record(
            &tx,
            "scenario.save",
            "client",
            Some(client_id),
            &format!("scenario {id}"),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// The client's scenarios, the proposed one first.
    pub fn loan_scenarios(&self, client_id: i64) -> Result<Vec<LoanScenario>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, client_id, label, terms, proposed, updated_at FROM loan_scenarios
             WHERE client_id = ?1 ORDER BY proposed DESC, id",
        )?;
        let rows = stmt.query_map([client_id], |r| {
            let terms: String = r.get(3)?;
            let terms = serde_json::from_str(&terms).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    3,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })?;
            Ok(LoanScenario {
                id: r.get(0)?,
                client_id: r.get(1)?,
                label: r.get(2)?,
                terms,
                proposed: r.get(4)?,
                updated_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn delete_scenario(&mut self, client_id: i64, id: i64) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        let n = tx.execute(
            "DELETE FROM loan_scenarios WHERE id = ?1 AND client_id = ?2",
            [id, client_id],
        )?;
        if n == 0 {
            return Err(Error::NotFound(format!("loan scenario {id}")));
        }
        audit_record(
            &tx,
            "scenario.delete",
            "client",
            Some(client_id),
            &format!("scenario {id}"),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The officer's name as printed on PDFs (Settings); empty until set.
    pub fn officer_name(&self) -> Result<String> {
        Ok(self.setting(OFFICER_KEY)?.unwrap_or_default())
    }

    pub fn set_officer_name(&mut self, name: &str) -> Result<()> {
        let name = name.trim();
        if name.chars().count() > 60 {
            return Err(Error::invalid("officer_name", Rule::MaxChars(60)));
        }
        self.set_setting(OFFICER_KEY, name)
    }
}
