//! The schedule of a booked loan as it stands (its current version: after a prepayment, a
//! repricing or an extension, the new one), printed for the client as 还款计划表.
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{schedule_pdf, Booked, Lang, PdfOutput, ScheduleDoc};
use crate::amount::AmountUnit;
use crate::loans::{amount_in_words, Period, Schedule, Summary};
use crate::servicing::PeriodStatus;
use crate::{Result, Vault};

impl Vault {
    /// `unit`: what the principal is written in (the officer's unit for PDFs); the payments
    /// are yuan to the fen whatever it is.
    pub fn loan_schedule_pdf(
        &self,
        loan_id: i64,
        lang: Lang,
        unit: Option<AmountUnit>,
        today: NaiveDate,
    ) -> Result<PdfOutput> {
        let loan = self.booked_loan(loan_id, today)?;
        let officer = self.officer_name()?;
        let principal: Decimal = loan.periods.iter().map(|p| p.principal).sum();
        let mut balance = principal;
        let periods: Vec<Period> = loan
            .periods
            .iter()
            .map(|p| {
                balance -= p.principal;
                Period {
                    number: p.no,
                    due_date: p.due_on,
                    payment: p.principal + p.interest,
                    principal: p.principal,
                    interest: p.interest,
                    balance,
                }
            })
            .collect();
        let total_interest: Decimal = periods.iter().map(|p| p.interest).sum();
        // The instalment the client pays next: the first period not yet settled.
        let next = loan
            .periods
            .iter()
            .position(|v| v.status != PeriodStatus::Paid)
            .or(periods.len().checked_sub(1));
        let payment = next
            .and_then(|i| periods.get(i))
            .map_or(Decimal::ZERO, |p| p.payment);
        let schedule = Schedule {
            terms: loan.terms.clone(),
            summary: Summary {
                payment,
                total_interest,
                total_payment: principal + total_interest,
                annual_rate: loan.terms.rate.annual_percent(),
                // Not printed for a booked loan (see `Booked`).
                apr: Decimal::ZERO,
                apr_effective: Decimal::ZERO,
                principal_in_words: amount_in_words(loan.terms.principal),
            },
            periods,
        };
        schedule_pdf(&ScheduleDoc {
            schedule: &schedule,
            client_name: Some(&loan.client_name),
            officer: &officer,
            generated_on: today,
            lang,
            booked: Some(Booked {
                contract_no: &loan.contract_no,
                version: loan.version,
            }),
            unit,
        })
    }
}
