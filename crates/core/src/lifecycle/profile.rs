//! The client profile (客户画像) at the top of the client page: where the relationship stands
//! (lifecycle, tier, stage and days in it), how the client feels (the satisfaction trend), what is
//! owed to it (open problems) and by it (active loans, outstanding), and the next contact — with
//! the lifecycle suggestion, if the rules make one, for the officer to confirm.
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use super::LifecycleSuggestion;
use crate::clients::{LifecycleStatus, Tier};
use crate::error::Result;
use crate::journey::FollowUp;
use crate::vault::Vault;

/// How many of the latest scores the trend shows.
const TREND: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScorePoint {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub stage: Option<u8>,
    pub score: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ClientProfile {
    pub client_id: i64,
    pub status: LifecycleStatus,
    pub tier: Tier,
    pub stage: u8,
    pub days_in_stage: i64,
    /// The latest scores, oldest first.
    pub scores: Vec<ScorePoint>,
    /// Mean of all the client's scores, to 2 places (half away from zero); None without any.
    #[ts(type = "string | null")]
    pub avg_score: Option<Decimal>,
    pub open_problems: u32,
    pub active_loans: u32,
    #[ts(type = "string")]
    pub outstanding: Decimal,
    pub follow_up: Option<FollowUp>,
    pub suggestion: Option<LifecycleSuggestion>,
    /// The proposed (else the first) saved scenario's amount: what the officer is offering.
    pub proposed: Option<ProposedAmount>,
    /// Days overdue of the client's most overdue active loan (0 when none is late).
    pub overdue_days: i64,
    /// Unpaid principal and interest of the periods due, over the client's active loans.
    #[ts(type = "string")]
    pub overdue_amount: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProposedAmount {
    #[ts(type = "string")]
    pub principal: Decimal,
    pub currency: String,
}

impl Vault {
    pub fn client_profile(&self, client_id: i64, today: NaiveDate) -> Result<ClientProfile> {
        let journey = self.journey(client_id, today)?;
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT date, stage, score FROM feedback WHERE client_id = ?1
             ORDER BY date DESC, id DESC LIMIT ?2",
        )?;
        let mut scores: Vec<ScorePoint> = stmt
            .query_map(rusqlite::params![client_id, TREND as i64], |r| {
                Ok(ScorePoint {
                    date: r.get(0)?,
                    stage: r.get(1)?,
                    score: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        scores.reverse();
        let (sum, count): (i64, i64) = conn.query_row(
            "SELECT COALESCE(SUM(score), 0), COUNT(*) FROM feedback WHERE client_id = ?1",
            [client_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let avg_score = (count > 0).then(|| {
            let mut avg = (Decimal::from(sum) / Decimal::from(count))
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            avg.rescale(2);
            avg
        });
        let open_problems = self.open_problems(client_id)?.len() as u32;
        let (active_loans, outstanding_fen): (u32, i64) = conn.query_row(
            "SELECT COUNT(*), COALESCE(SUM(outstanding_fen), 0) FROM booked_loans
             WHERE client_id = ?1 AND closed_on IS NULL",
            [client_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let proposed = self
            .loan_scenarios(client_id)?
            .into_iter()
            .next()
            .map(|s| ProposedAmount {
                principal: s.terms.principal,
                currency: s.terms.currency,
            });
        let (mut overdue_days, mut overdue_amount) = (0, Decimal::ZERO);
        for loan in self.client_loans(client_id, today)? {
            if loan.closed_on.is_none() && loan.overdue_days > 0 {
                overdue_days = overdue_days.max(loan.overdue_days);
                overdue_amount += self.booked_loan(loan.id, today)?.overdue_amount;
            }
        }
        Ok(ClientProfile {
            client_id,
            status: journey.status,
            tier: journey.tier,
            stage: journey.stage,
            days_in_stage: journey.days_in_stage,
            scores,
            avg_score,
            open_problems,
            active_loans,
            outstanding: Decimal::new(outstanding_fen, 2),
            follow_up: journey.follow_up,
            suggestion: self.lifecycle_suggestion(client_id, today)?,
            proposed,
            overdue_days,
            overdue_amount,
        })
    }
}
