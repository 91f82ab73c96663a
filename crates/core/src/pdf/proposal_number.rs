//! 方案编号: every proposal PDF carries a number, `YYYY-NNNN`, the year of its date and a
//! sequence per vault that restarts at 0001 each year (2026-0001, 2026-0002, …; a 10,000th
//! proposal in a year gets five digits). The same proposal exported again on the same day, in
//! the other language or after cancelling the save dialog, gets the number it was given: the
//! Chinese and English copies of one proposal share it. Anything else (another scenario,
//! purpose, risks, sender or day) is a new proposal and takes the next number.
//!
//! Kept in the vault's settings: `proposal_seq.<year>` (the last number of the year) and
//! `proposal_no.<fingerprint>` (the number given to a proposal's content that day), written
//! together with one audit row.
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::bank_profile::BankProfile;
use crate::loans::LoanTerms;
use crate::{Error, Result, Vault};

/// What makes two exports the same proposal.
#[derive(Serialize)]
pub(crate) struct ProposalContent<'a> {
    pub client_id: i64,
    pub scenarios: Vec<&'a LoanTerms>,
    pub purpose: &'a str,
    pub risks: Option<&'a str>,
    pub sender: &'a BankProfile,
    pub date: NaiveDate,
}

impl ProposalContent<'_> {
    fn fingerprint(&self) -> Result<String> {
        let json = serde_json::to_vec(self).map_err(|e| Error::Io(e.into()))?;
        Ok(hex::encode(Sha256::digest(json)))
    }
}

/// `2026-0007`.
pub fn format_number(year: i32, seq: u32) -> String {
    format!("{year}-{seq:04}")
}

impl Vault {
    /// The proposal's number: the one its content was given that day, or the next of the year.
    pub(crate) fn proposal_number(&mut self, content: &ProposalContent) -> Result<String> {
        let key = format!("proposal_no.{}", content.fingerprint()?);
        if let Some(number) = self.setting(&key)? {
            return Ok(number);
        }
        let year = content.date.year();
        let seq_key = format!("proposal_seq.{year}");
        let last: u32 = self
            .setting(&seq_key)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let seq = last + 1;
        let number = format_number(year, seq);
        self.write_settings(
            &[(&seq_key, &seq.to_string()), (&key, &number)],
            ("proposal.number", "client", &number),
        )?;
        Ok(number)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn format_pads_to_four() {
        assert_eq!(format_number(2026, 7), "2026-0007");
        assert_eq!(format_number(2026, 12345), "2026-12345");
    }
}
