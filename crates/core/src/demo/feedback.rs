//! Demo feedback, so the journey map and the client profile have something to show at first
//! start: one or two records per stage each client went through, the problems typical of the
//! stage (documents at 2, approval time at 3–4, price at 4), most of them resolved, a few open
//! long enough to be on Today; new needs from clients already borrowing, and a referral.
use chrono::{Duration, NaiveDate};

use super::Lcg;
use crate::error::Result;
use crate::feedback::{FeedbackInput, Mood, NeedInput, ProblemInput};
use crate::vault::Vault;

/// (category, text) the clients of each stage raise most.
const PROBLEMS: [&[(&str, &str)]; 5] = [
    &[("communication", "首次联系后一周才回电")],
    &[
        ("materials", "要求的材料太多，部分与上次重复"),
        ("materials", "财务报表格式要求不清楚"),
        ("communication", "不清楚下一步需要做什么"),
    ],
    &[
        ("slow_approval", "尽调之后两周没有消息"),
        ("amount", "测算额度低于预期"),
        ("materials", "银行流水需要逐月盖章"),
    ],
    &[
        ("price", "利率比他行报价高"),
        ("slow_approval", "审批流程比承诺的慢"),
        ("amount", "额度不够覆盖采购旺季"),
    ],
    &[
        ("price", "提前还款违约金偏高"),
        ("communication", "贷后检查提前通知太晚"),
    ],
];
const RESOLUTIONS: &[&str] = &[
    "已电话说明并发送材料清单",
    "已协调审批部门加急，客户已知悉",
    "已申请利率优惠并告知客户",
    "已指定专人对接",
];
const NEEDS: &[(&str, &str)] = &[
    ("新厂房建设需要固定资产贷款", "fixed-asset"),
    ("旺季备货需要增加流动资金", "working-capital"),
    ("希望开立银行承兑汇票", "working-capital"),
];

pub(super) fn add_feedback(vault: &mut Vault, ids: &[i64], today: NaiveDate) -> Result<()> {
    let mut rng = Lcg(0x5eed_f00d);
    let mut needs = 0;
    let mut borrowers = Vec::new();
    for &client_id in ids {
        let stage = vault.client(client_id)?.fields.stage;
        if stage == 5 {
            borrowers.push(client_id);
        }
        for s in 1..=stage {
            // One record per stage gone through, a month apart, the current stage's the latest.
            let back = i64::from(stage - s) * 30 + rng.below(20) as i64;
            let date = today - Duration::days(back + 1);
            let problems: Vec<ProblemInput> = match rng.below(3) {
                0 => Vec::new(),
                _ => {
                    let (category, text) = *rng.pick(PROBLEMS[usize::from(s - 1)]);
                    vec![ProblemInput {
                        category: category.into(),
                        text: text.into(),
                    }]
                }
            };
            // Satisfaction dips where the work is heaviest (materials, approval) and with each
            // problem raised.
            let base: u8 = match s {
                2 | 3 => 3,
                _ => 4,
            };
            let score = (base + rng.below(2) as u8).saturating_sub(problems.len() as u8);
            let mood = match score {
                5 => Mood::Satisfied,
                4 => Mood::Satisfied,
                3 => Mood::Neutral,
                2 => Mood::Anxious,
                _ => Mood::Dissatisfied,
            };
            let mut new_needs = Vec::new();
            if stage == 5 && s == 5 && needs < NEEDS.len() && rng.below(2) == 0 {
                let (text, product) = NEEDS[needs];
                needs += 1;
                new_needs.push(NeedInput {
                    text: text.into(),
                    product_type: Some(product.into()),
                });
            }
            let written = vault.add_feedback(
                client_id,
                &FeedbackInput {
                    score: score.max(1),
                    stage: Some(s),
                    mood: Some(mood),
                    touchpoint_id: None,
                    date: Some(date),
                    problems,
                    needs: new_needs,
                },
                today,
            )?;
            // Most problems were dealt with within days; one in sixteen of those older than a week is
            // still open (on Today after 7 days), and this week's are.
            for id in written.problems {
                let age = (today - date).num_days();
                if age > 7 && rng.below(16) != 0 {
                    let resolved = date + Duration::days(2 + rng.below(6) as i64);
                    let note = *rng.pick(RESOLUTIONS);
                    vault.resolve_problem(id, note, resolved.min(today), None)?;
                }
            }
        }
    }
    // The first borrower brought the second one's company.
    if let [referrer, referred, ..] = borrowers[..] {
        vault.add_referral(referrer, referred, today - Duration::days(40))?;
    }
    Ok(())
}
