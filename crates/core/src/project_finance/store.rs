//! A client's project model in the vault (schema 13): the inputs, one model per client, and the
//! 资本金 table the bank applies (Settings). The results are never stored: they are computed
//! from the inputs and the current table whenever they are read, so the screen and the
//! proposal PDF always agree.
use std::path::Path;

use rusqlite::{params, OptionalExtension};
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use super::capital::{CapitalCategory, CapitalTable};
use super::input::ModelInput;
use super::model::{model, ProjectModel};
use crate::documents::MAX_STATEMENT_BYTES;
use crate::error::{Error, Result};
use crate::prefs::Language;
use crate::rule::Rule;
use crate::vault::{audit_record, Vault};

const CAPITAL_KEY: &str = "capital_table";

/// Reads a filled-in XLSX template (`xlsx::read_input`) from the file the officer chose; one
/// larger than a statement may be is refused before it is read.
pub fn read_input_file(path: &Path) -> Result<ModelInput> {
    if std::fs::metadata(path)?.len() > MAX_STATEMENT_BYTES {
        let max = MAX_STATEMENT_BYTES;
        return Err(Error::invalid("file", Rule::FileTooLarge { max }));
    }
    super::xlsx::read_input(&std::fs::read(path)?)
}

/// One industry of Settings' 资本金 table: 国发〔2015〕51号's minimum and the one applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CapitalMinimum {
    pub category: CapitalCategory,
    #[ts(type = "string")]
    pub default_percent: Decimal,
    #[ts(type = "string")]
    pub percent: Decimal,
}

impl CapitalTable {
    /// Every industry in the notice's order, with its default and the share applied.
    pub fn minimums(&self) -> Vec<CapitalMinimum> {
        CapitalCategory::ALL
            .iter()
            .map(|&category| CapitalMinimum {
                category,
                default_percent: category.default_percent(),
                percent: self.minimum_percent(category),
            })
            .collect()
    }

    /// Each minimum share is a percentage (0–100); the key names the category
    /// (`overrides.rail-road`).
    pub fn validate(&self) -> Result<()> {
        for (category, percent) in &self.overrides {
            if *percent < Decimal::ZERO || *percent > Decimal::ONE_HUNDRED {
                return Err(Error::invalid(
                    &format!("overrides.{}", category.as_str()),
                    Rule::Range {
                        min: "0".into(),
                        max: "100".into(),
                    },
                ));
            }
        }
        Ok(())
    }

    /// Only the shares that differ from 国发〔2015〕51号's default are kept: a category set back
    /// to its default follows any later change of the default.
    fn without_defaults(&self) -> CapitalTable {
        CapitalTable {
            overrides: self
                .overrides
                .iter()
                .filter(|(c, p)| **p != CapitalCategory::default_percent(**c))
                .map(|(c, p)| (*c, p.normalize()))
                .collect(),
        }
    }
}

impl Vault {
    /// The inputs last saved for the client (None: no model saved).
    pub fn project_model_input(&self, client_id: i64) -> Result<Option<ModelInput>> {
        self.client(client_id)?;
        let json: Option<String> = self
            .conn()
            .query_row(
                "SELECT input FROM project_models WHERE client_id = ?1",
                [client_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }

    /// Computes the model first: inputs that are refused store nothing. Returns the model the
    /// saved inputs give (warnings in `lang`).
    pub fn save_project_model(
        &mut self,
        client_id: i64,
        input: &ModelInput,
        lang: Language,
    ) -> Result<ProjectModel> {
        self.client(client_id)?;
        let computed = model(input, &self.capital_table()?, lang)?;
        let json = serde_json::to_string(input).map_err(|e| Error::Io(e.into()))?;
        let now = self.clock().stamp();
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "INSERT INTO project_models (client_id, input, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (client_id) DO UPDATE SET input = ?2, updated_at = ?3",
            params![client_id, json, now],
        )?;
        audit_record(&tx, "project_model.save", "client", Some(client_id), "")?;
        tx.commit()?;
        Ok(computed)
    }

    /// Removes the client's model; nothing saved is not an error.
    pub fn delete_project_model(&mut self, client_id: i64) -> Result<()> {
        self.client(client_id)?;
        let tx = self.conn_mut().transaction()?;
        let removed = tx.execute(
            "DELETE FROM project_models WHERE client_id = ?1",
            [client_id],
        )?;
        if removed > 0 {
            audit_record(&tx, "project_model.delete", "client", Some(client_id), "")?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The saved inputs and the model they give today (with the current 资本金 table); None
    /// when the client has no model saved.
    pub fn client_project_model(
        &self,
        client_id: i64,
        lang: Language,
    ) -> Result<Option<(ModelInput, ProjectModel)>> {
        let Some(input) = self.project_model_input(client_id)? else {
            return Ok(None);
        };
        let computed = model(&input, &self.capital_table()?, lang)?;
        Ok(Some((input, computed)))
    }

    /// The minimum 资本金 shares the bank applies: 国发〔2015〕51号's, with Settings' changes.
    pub fn capital_table(&self) -> Result<CapitalTable> {
        let stored = self
            .setting(CAPITAL_KEY)?
            .and_then(|json| serde_json::from_str::<CapitalTable>(&json).ok())
            .filter(|t| t.validate().is_ok());
        Ok(stored.unwrap_or_default())
    }

    /// Nothing is stored when any share is refused.
    pub fn set_capital_table(&mut self, table: &CapitalTable) -> Result<()> {
        table.validate()?;
        let json =
            serde_json::to_string(&table.without_defaults()).map_err(|e| Error::Io(e.into()))?;
        self.set_setting(CAPITAL_KEY, &json)
    }
}
