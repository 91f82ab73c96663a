//! The repayment reminder the officer sends the client (the client hears it from the officer,
//! so it is text to copy or save, never sent by the app).
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::status::PeriodStatus;
use super::view::{LoanView, PeriodView};
use crate::loans::amount_in_words;
use crate::prefs::Language;

fn money(d: Decimal) -> String {
    crate::pdf::numbers::money(d)
}

/// The period the reminder is about: the oldest overdue one, else the next one not paid.
fn next_period(loan: &LoanView) -> Option<&PeriodView> {
    loan.periods
        .iter()
        .find(|p| p.status == PeriodStatus::Overdue)
        .or_else(|| loan.periods.iter().find(|p| p.status != PeriodStatus::Paid))
}

/// `None` when nothing is left to pay.
pub fn reminder_text(
    loan: &LoanView,
    lang: Language,
    officer: &str,
    today: NaiveDate,
) -> Option<String> {
    let p = next_period(loan)?;
    let overdue = loan.overdue_days > 0;
    // Overdue: everything due now, penalty and compound interest included (the contract's
    // 罚息/复利 clause, 银发〔2003〕251号); otherwise the next installment.
    let amount = if overdue {
        loan.amount_due
    } else {
        p.remaining
    };
    let penalty = loan.penalty_interest + loan.compound_interest;
    let words = amount_in_words(amount);
    let account = if loan.repayment_account.is_empty() {
        None
    } else {
        Some(loan.repayment_account.as_str())
    };
    let signature = officer.trim();
    let text = match lang {
        Language::Zh => {
            let mut t = format!("尊敬的{}：\n", loan.client_name);
            if overdue {
                t += &format!(
                    "您在我行的贷款（合同编号 {}）自 {} 起已逾期 {} 天，截至 {} 应还未还金额为 {} {}（大写：{}）",
                    loan.contract_no, p.due_on, loan.overdue_days, today, loan.currency, money(amount), words
                );
                if !penalty.is_zero() {
                    t += &format!("，其中罚息及复利 {} {}", loan.currency, money(penalty));
                }
                t += "。罚息按日计收，请尽快还款，以免影响您的信用记录。";
            } else {
                t += &format!(
                    "您在我行的贷款（合同编号 {}）第 {} 期应于 {} 还款 {} {}（大写：{}）。",
                    loan.contract_no,
                    p.no,
                    p.due_on,
                    loan.currency,
                    money(amount),
                    words
                );
            }
            if let Some(a) = account {
                t += &format!("请于还款日前将款项存入还款账户 {a}。");
            }
            t += "如已还款，请忽略本提示。";
            if !signature.is_empty() {
                t += &format!("\n{signature}");
            }
            t
        }
        Language::En => {
            let mut t = format!("Dear {},\n", loan.client_name);
            if overdue {
                t += &format!(
                    "The repayment on your loan {} has been overdue since {} ({} days). As of {} the amount due is {} {} ({})",
                    loan.contract_no, p.due_on, loan.overdue_days, today, loan.currency, money(amount), words
                );
                if !penalty.is_zero() {
                    t += &format!(
                        ", of which {} {} is penalty and compound interest",
                        loan.currency,
                        money(penalty)
                    );
                }
                t += ". Penalty interest accrues daily: please pay as soon as possible to protect your credit record.";
            } else {
                t += &format!(
                    "Installment {} of your loan {} falls due on {}: {} {} ({}).",
                    p.no,
                    loan.contract_no,
                    p.due_on,
                    loan.currency,
                    money(amount),
                    words
                );
            }
            if let Some(a) = account {
                t += &format!(
                    " Please make sure the funds are in repayment account {a} by that day."
                );
            }
            t += " If you have already paid, please disregard this message.";
            if !signature.is_empty() {
                t += &format!("\n{signature}");
            }
            t
        }
    };
    Some(text)
}
