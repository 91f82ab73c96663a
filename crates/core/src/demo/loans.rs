//! Demo booked loans: every stage-5 client with a proposed loan has it booked on the day it
//! entered stage 5, and repaid on time since, except a few that show what arrears look like.
//! Each is drawn under a credit line and secured (demo/security.rs).
use chrono::NaiveDate;

use super::security::{facility_for, secure};
use crate::error::Result;
use crate::servicing::{default_disbursement, default_signing, BookingInput, PeriodStatus};
use crate::vault::Vault;

pub(super) fn book_loans(vault: &mut Vault, ids: &[i64], today: NaiveDate) -> Result<()> {
    let mut booked = 0;
    for &client_id in ids {
        if vault.client(client_id)?.fields.stage != 5 {
            continue;
        }
        let Some(proposal) = vault
            .loan_scenarios(client_id)?
            .into_iter()
            .find(|s| s.proposed)
        else {
            continue;
        };
        let on = default_signing(&proposal.terms, today);
        booked += 1;
        let facility = facility_for(vault, client_id, &proposal.terms, on, booked, today)?;
        let input = BookingInput {
            client_id,
            contract_no: format!("DEMO-{}-{booked:03}", on.format("%Y%m")),
            signed_on: on,
            terms: None,
            disbursements: vec![default_disbursement(&proposal.terms, on)],
            repayment_account: format!("6222 0210 {:04} {:04}", 1000 + client_id, 3000 + booked),
            penalty: Default::default(),
            reprice: Default::default(),
            facility_id: Some(facility),
        };
        let loan_id = vault.book_loan(&input, today)?;
        secure(
            vault,
            client_id,
            loan_id,
            &proposal.terms,
            on,
            booked,
            today,
        )?;
        // Every third loan misses its latest installment, every fifth pays only the interest.
        let view = vault.booked_loan(loan_id, today)?;
        let due: Vec<_> = view
            .periods
            .iter()
            .filter(|p| p.status != PeriodStatus::Upcoming && p.due_on <= today)
            .collect();
        for (i, p) in due.iter().enumerate() {
            let last = i + 1 == due.len();
            let amount = match (last, booked % 3, booked % 5) {
                (true, 0, _) => continue,
                (true, _, 0) => p.interest,
                _ => p.principal + p.interest,
            };
            vault.record_repayment(loan_id, p.due_on, amount, "", today)?;
        }
    }
    Ok(())
}
