//! Exporting a client's PDFs from the vault: gathers the client, the scenario to print (the
//! one the calculator shows, or the client's proposed one), the saved scenarios the officer
//! chose to compare, the bank and officer who send it (and, for a proposal, its number, the
//! client's financial analysis, working-capital need, security and credit line), then prints.
//! One function for the app and the CLI.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::proposal_doc::Sender;
use super::proposal_number::ProposalContent;
use super::{proposal_doc, schedule_pdf, Lang, PdfOutput, ProposalDoc, ScheduleDoc, MAX_SCENARIOS};
use crate::amount::AmountUnit;
use crate::loans::{generate, LoanTerms, Schedule};
use crate::rule::Rule;
use crate::{Error, Result, Vault};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportKind {
    /// 还款计划表 of one scenario.
    Schedule,
    /// 贷款方案建议书: one scenario, compared with up to two saved ones when asked.
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
    /// The terms on screen in the calculator, saved or not; None prints the client's proposed
    /// scenario (or, without one, the first saved).
    #[serde(default)]
    pub terms: Option<LoanTerms>,
    /// Proposal only: saved scenarios (ids) printed beside it, at most two, in this order.
    /// None by default: a proposal offers one loan unless the officer chooses to compare.
    #[serde(default)]
    pub compare: Vec<i64>,
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
        &mut self,
        client_id: i64,
        req: &ExportRequest,
        today: NaiveDate,
    ) -> Result<PdfOutput> {
        let client = self.client(client_id)?;
        let sender = self.bank_profile()?;
        let mut schedules = vec![self.shown_schedule(client_id, req.terms.as_ref())?];
        if req.kind == ExportKind::Schedule {
            return schedule_pdf(&ScheduleDoc {
                schedule: &schedules[0],
                client_name: Some(&client.fields.name),
                officer: &sender.officer_name,
                generated_on: today,
                lang: req.lang,
                booked: None,
                unit: req.unit,
            });
        }
        schedules.extend(self.compared_schedules(client_id, &req.compare)?);
        let purpose = req.purpose.as_deref().unwrap_or_default();
        let risks = req.risks.as_deref().filter(|r| !r.trim().is_empty());
        let number = self.proposal_number(&ProposalContent {
            client_id,
            scenarios: schedules.iter().map(|s| &s.terms).collect(),
            purpose,
            risks,
            sender: &sender,
            date: today,
        })?;
        let doc = ProposalDoc {
            client: &client,
            scenarios: &schedules,
            purpose,
            risks,
            officer: &sender.officer_name,
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
        let from = Sender {
            number: &number,
            bank: &sender,
        };
        proposal_doc::render_with(
            &doc,
            Some(&from),
            Some(&security),
            Some(&credit),
            model.as_ref(),
            true,
        )
    }

    /// The schedule of the terms on screen, or of the proposed (else first) saved scenario.
    fn shown_schedule(&self, client_id: i64, terms: Option<&LoanTerms>) -> Result<Schedule> {
        if let Some(terms) = terms {
            return Ok(generate(terms)?);
        }
        let saved = self.loan_scenarios(client_id)?;
        let first = saved.first().ok_or(Error::NoScenario(client_id))?;
        Ok(generate(&first.terms)?)
    }

    /// The saved scenarios the officer chose to compare, in the order chosen (repeats dropped).
    fn compared_schedules(&self, client_id: i64, ids: &[i64]) -> Result<Vec<Schedule>> {
        let mut chosen: Vec<i64> = Vec::new();
        for id in ids {
            if !chosen.contains(id) {
                chosen.push(*id);
            }
        }
        if chosen.len() > MAX_SCENARIOS - 1 {
            return Err(Error::invalid("compare", Rule::TooMany(MAX_SCENARIOS - 1)));
        }
        let saved = self.loan_scenarios(client_id)?;
        chosen
            .iter()
            .map(|id| {
                let s = saved
                    .iter()
                    .find(|s| s.id == *id)
                    .ok_or_else(|| Error::NotFound(format!("loan scenario {id}")))?;
                Ok(generate(&s.terms)?)
            })
            .collect()
    }
}
