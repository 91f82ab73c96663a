//! Where a booking starts when the officer has not said otherwise: one rule for the app's form,
//! the CLI and the demo data.
use chrono::NaiveDate;

use super::book::DisbursementInput;
use super::penalty::PenaltyTerms;
use crate::error::{Error, Result};
use crate::loans::LoanTerms;
use crate::vault::Vault;

/// The bank's own contract template, when the officer has changed it in Settings.
const PENALTY_TERMS_KEY: &str = "penalty_terms_default";

/// Signed on the proposal's planned disbursement date, or today when that is still ahead: a
/// contract cannot be signed in the future.
pub fn default_signing(terms: &LoanTerms, today: NaiveDate) -> NaiveDate {
    terms.disbursement_date.min(today)
}

/// The whole principal, paid out on the signing day.
pub fn default_disbursement(terms: &LoanTerms, signed_on: NaiveDate) -> DisbursementInput {
    DisbursementInput {
        on: signed_on,
        amount: terms.principal,
    }
}

impl Vault {
    /// The disbursement a booking of the client's proposed loan starts from; its date is the
    /// default signing date as well.
    pub fn default_disbursement(
        &self,
        client_id: i64,
        today: NaiveDate,
    ) -> Result<DisbursementInput> {
        let proposal = self
            .loan_scenarios(client_id)?
            .into_iter()
            .find(|s| s.proposed)
            .ok_or(Error::NoScenario(client_id))?;
        let signed = default_signing(&proposal.terms, today);
        Ok(default_disbursement(&proposal.terms, signed))
    }

    /// The penalty terms a booking starts from: the bank's template from Settings, or the
    /// regulation's usual figures (PenaltyTerms::default) until one is saved. Misuse of funds
    /// is a fact about one loan, never a default.
    pub fn penalty_terms_default(&self) -> Result<PenaltyTerms> {
        let stored = self.setting(PENALTY_TERMS_KEY)?;
        let terms = stored
            .and_then(|json| serde_json::from_str::<PenaltyTerms>(&json).ok())
            .filter(|t| !t.misuse && t.validate().is_ok());
        Ok(terms.unwrap_or_default())
    }

    /// Checked as a booking without misuse checks them (the template has no misuse: its
    /// markup range is 30–50 %); nothing is stored when they are refused.
    pub fn set_penalty_terms_default(&mut self, terms: &PenaltyTerms) -> Result<()> {
        let terms = PenaltyTerms {
            misuse: false,
            ..terms.clone()
        };
        terms.validate()?;
        let json = super::book::json(&terms)?;
        self.set_setting(PENALTY_TERMS_KEY, &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loans::{DayCount, Method, Rate, Rounding};
    use rust_decimal::Decimal;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn a_booking_starts_on_the_planned_date_unless_it_is_still_ahead() {
        let terms = LoanTerms {
            principal: Decimal::from(3_000_000),
            currency: "CNY".into(),
            term_months: 36,
            rate: Rate::Fixed {
                annual_percent: Decimal::new(435, 2),
            },
            disbursement_date: d("2026-03-15"),
            repay_day: None,
            method: Method::EqualPrincipal,
            grace_months: 0,
            upfront_fee: Decimal::ZERO,
            day_count: DayCount::default(),
            rounding: Rounding::default(),
        };
        assert_eq!(default_signing(&terms, d("2026-04-01")), d("2026-03-15"));
        assert_eq!(default_signing(&terms, d("2026-03-01")), d("2026-03-01"));
        let first = default_disbursement(&terms, d("2026-03-01"));
        assert_eq!((first.on, first.amount), (d("2026-03-01"), terms.principal));
    }
}
