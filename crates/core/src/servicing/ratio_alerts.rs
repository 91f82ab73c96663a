//! Today's reminders as the officer works them: the credit-ratio alerts grouped per client.
//!
//! A ratio breach belongs to the client's latest statement, not to a loan, yet each of the
//! client's loans carries its own covenant reminder (so snoozing one loan's leaves the other's).
//! On Today a client with two loans and three thin ratios is one row listing the three ratios,
//! not six rows; marking that row marks every reminder it stands for.
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::reminders::{Reminder, ReminderKind, ReminderMark};
use crate::analysis::RatioKind;
use crate::error::Result;
use crate::vault::Vault;

/// One client's breached ratios of its latest imported statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RatioAlert {
    pub client_id: i64,
    pub client_name: String,
    pub statement_year: i32,
    /// Each breached ratio once, in the analysis' order.
    pub ratios: Vec<RatioKind>,
    /// The covenant reminders (one per loan and ratio) the row stands for.
    pub keys: Vec<String>,
}

/// The reminders of Today: every kind but the covenant breaches, which come grouped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TodayReminders {
    pub reminders: Vec<Reminder>,
    pub ratio_alerts: Vec<RatioAlert>,
}

/// Covenant reminders grouped per client (and statement year): the clients with the most
/// breaches first, then by name, so the worst reads first and the order is stable.
pub fn group_ratio_alerts(reminders: &[Reminder]) -> Vec<RatioAlert> {
    let mut by_client: BTreeMap<(i64, i32), RatioAlert> = BTreeMap::new();
    for r in reminders
        .iter()
        .filter(|r| r.kind == ReminderKind::Covenant)
    {
        let (Some(ratio), Some(year)) = (r.ratio, r.statement_year) else {
            continue;
        };
        let alert = by_client
            .entry((r.client_id, year))
            .or_insert_with(|| RatioAlert {
                client_id: r.client_id,
                client_name: r.client_name.clone(),
                statement_year: year,
                ratios: Vec::new(),
                keys: Vec::new(),
            });
        if !alert.ratios.contains(&ratio) {
            alert.ratios.push(ratio);
        }
        alert.keys.push(r.key.clone());
    }
    let mut out: Vec<RatioAlert> = by_client.into_values().collect();
    for a in &mut out {
        a.ratios.sort_unstable();
    }
    out.sort_by(|a, b| {
        b.ratios
            .len()
            .cmp(&a.ratios.len())
            .then_with(|| a.client_name.cmp(&b.client_name))
            .then_with(|| a.client_id.cmp(&b.client_id))
    });
    out
}

impl Vault {
    /// [`Vault::reminders`] with the covenant breaches grouped per client.
    pub fn today_reminders(&self, today: NaiveDate, days: u32) -> Result<TodayReminders> {
        let all = self.reminders(today, days)?;
        let ratio_alerts = group_ratio_alerts(&all);
        let reminders = all
            .into_iter()
            .filter(|r| r.kind != ReminderKind::Covenant)
            .collect();
        Ok(TodayReminders {
            reminders,
            ratio_alerts,
        })
    }

    /// Marks several reminders at once (a grouped row): all of them or, on an error, none.
    pub fn mark_reminders(
        &mut self,
        keys: &[String],
        mark: ReminderMark,
        today: NaiveDate,
    ) -> Result<()> {
        self.conn().execute_batch("SAVEPOINT mark_reminders")?;
        let marked = keys
            .iter()
            .try_for_each(|k| self.mark_reminder(k, mark, today));
        match marked {
            Ok(()) => self.conn().execute_batch("RELEASE mark_reminders")?,
            Err(e) => {
                self.conn()
                    .execute_batch("ROLLBACK TO mark_reminders; RELEASE mark_reminders")?;
                return Err(e);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn covenant(loan: i64, client: i64, name: &str, ratio: RatioKind, year: i32) -> Reminder {
        Reminder {
            key: format!("covenant:{loan}:{ratio:?}:{year}"),
            kind: ReminderKind::Covenant,
            loan_id: Some(loan),
            facility_id: None,
            collateral_id: None,
            collateral_kind: None,
            problem_id: None,
            client_id: client,
            client_name: name.to_string(),
            contract_no: format!("HT-{loan}"),
            due_on: NaiveDate::MIN,
            amount: None,
            overdue_days: 0,
            period_no: None,
            ratio: Some(ratio),
            statement_year: Some(year),
        }
    }

    #[test]
    fn one_row_per_client_listing_each_breached_ratio_once() {
        use RatioKind::{CurrentRatio, DebtToAsset, QuickRatio};
        let mut due = covenant(9, 3, "长沙纺织", CurrentRatio, 2025);
        due.kind = ReminderKind::DueSoon;
        let list = vec![
            covenant(1, 1, "北京机械", DebtToAsset, 2025),
            covenant(2, 2, "安徽光伏", QuickRatio, 2025),
            covenant(2, 2, "安徽光伏", CurrentRatio, 2025),
            covenant(3, 2, "安徽光伏", CurrentRatio, 2025),
            covenant(3, 2, "安徽光伏", QuickRatio, 2025),
            due,
        ];
        let alerts = group_ratio_alerts(&list);
        assert_eq!(alerts.len(), 2, "{alerts:?}");
        // The client with two breached ratios first, its ratios each once and in order.
        assert_eq!(alerts[0].client_id, 2);
        assert_eq!(alerts[0].ratios, vec![CurrentRatio, QuickRatio]);
        assert_eq!(
            alerts[0].keys.len(),
            4,
            "every loan's reminder is kept to be marked"
        );
        assert_eq!(alerts[1].client_id, 1);
        assert_eq!(alerts[1].ratios, vec![DebtToAsset]);
    }
}
