//! Exporting a client's PDFs from the vault: gathers the client, the saved scenarios and the
//! officer's name (and, for a proposal, the client's financial analysis, working-capital
//! need, security and credit line), then prints.
//! One function for the app and the CLI.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{proposal_doc, schedule_pdf, Lang, PdfOutput, ProposalDoc, ScheduleDoc, MAX_SCENARIOS};
use crate::amount::AmountUnit;
use crate::loans::{generate, Schedule};
use crate::{Error, Result, Vault};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportKind {
    /// 还款计划表 of the proposed scenario.
    Schedule,
    /// 贷款方案建议书: the proposed scenario compared with up to two others.
    Proposal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportRequest {
    pub kind: ExportKind,
    #[ts(type = "\"zh\" | \"en\"")]
    pub lang: Lang,
    /// Proposal only: what the loan is for.
    #[serde(default)]
    pub purpose: Option<String>,
    /// Proposal only: the officer's risks and disclosures (None: the default text).
    #[serde(default)]
    pub risks: Option<String>,
    /// The unit loan amounts are written in (the officer's choice for PDFs); payments stay in 元.
    #[serde(default)]
    pub unit: Option<AmountUnit>,
}

/// What the app tells the officer after an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExportResult {
    /// Where the PDF was saved; None when the officer cancelled the save dialog.
    pub path: Option<String>,
    /// Characters no font could draw (shown as □ in the PDF), in the document's language.
    pub warnings: Vec<String>,
}

impl Vault {
    pub fn export_pdf(
        &self,
        client_id: i64,
        req: &ExportRequest,
        today: NaiveDate,
    ) -> Result<PdfOutput> {
        let client = self.client(client_id)?;
        let officer = self.officer_name()?;
        let limit = match req.kind {
            ExportKind::Schedule => 1,
            ExportKind::Proposal => MAX_SCENARIOS,
        };
        let schedules = self.saved_schedules(client_id, limit)?;
        match req.kind {
            ExportKind::Schedule => schedule_pdf(&ScheduleDoc {
                schedule: &schedules[0],
                client_name: Some(&client.fields.name),
                officer: &officer,
                generated_on: today,
                lang: req.lang,
                booked: None,
                unit: req.unit,
            }),
            ExportKind::Proposal => {
                let doc = ProposalDoc {
                    client: &client,
                    scenarios: &schedules,
                    purpose: req.purpose.as_deref().unwrap_or_default(),
                    risks: req.risks.as_deref().filter(|r| !r.trim().is_empty()),
                    officer: &officer,
                    date: today,
                    lang: req.lang,
                    unit: req.unit,
                };
                // The proposed loan's security and credit line, from the client's booked loans.
                let disbursed = schedules[0].terms.disbursement_date;
                let security = self.proposal_security(client_id, disbursed, today)?;
                // The spread of its statements and, for a working-capital loan, the need.
                let credit = self.proposal_credit(client_id)?;
                // A project-finance client's saved model (issue 17), in the document's language.
                let model = self.client_project_model(client_id, req.lang.into())?;
                proposal_doc::render_with(
                    &doc,
                    Some(&security),
                    Some(&credit),
                    model.as_ref(),
                    true,
                )
            }
        }
    }

    /// Schedules of the first `limit` saved scenarios, the proposed one first; never empty.
    fn saved_schedules(&self, client_id: i64, limit: usize) -> Result<Vec<Schedule>> {
        let saved = self.loan_scenarios(client_id)?;
        if saved.is_empty() {
            return Err(Error::NoScenario(client_id));
        }
        saved
            .iter()
            .take(limit)
            .map(|s| Ok(generate(&s.terms)?))
            .collect()
    }
}
