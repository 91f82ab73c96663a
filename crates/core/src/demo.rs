//! Invented but realistic clients for the demo vault and for benchmarks. Deterministic: the same
//! seed gives the same companies, so screenshots and benchmark runs are comparable.
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

use crate::clients::{
    credit_code, Channel, ClientInput, CompanySize, Contact, LifecycleStatus, ProductType,
    SourceChannel, Tier, TouchpointInput,
};
use crate::error::Result;
use crate::journey::seed::{DemoJourney, StatusEvent};
use crate::loans::{DayCount, LoanTerms, LprTenor, Method, Rate, Rounding};
use crate::vault::Vault;

mod feedback;
mod loans;
mod project_model;
mod security;
mod statements;

/// City, its English name, and its administrative division code (the code's characters 3–8).
const CITIES: &[(&str, &str, &str)] = &[
    ("苏州", "Suzhou", "320500"),
    ("杭州", "Hangzhou", "330100"),
    ("宁波", "Ningbo", "330200"),
    ("成都", "Chengdu", "510100"),
    ("武汉", "Wuhan", "420100"),
    ("深圳", "Shenzhen", "440300"),
    ("东莞", "Dongguan", "441900"),
    ("合肥", "Hefei", "340100"),
    ("青岛", "Qingdao", "370200"),
    ("西安", "Xi'an", "610100"),
    ("长沙", "Changsha", "430100"),
    ("无锡", "Wuxi", "320200"),
    ("佛山", "Foshan", "440600"),
    ("厦门", "Xiamen", "350200"),
    ("南京", "Nanjing", "320100"),
];
const TRADE_NAMES: &[(&str, &str)] = &[
    ("恒远", "Hengyuan"),
    ("华信", "Huaxin"),
    ("金石", "Jinshi"),
    ("瑞丰", "Ruifeng"),
    ("鼎盛", "Dingsheng"),
    ("天成", "Tiancheng"),
    ("宏达", "Hongda"),
    ("博源", "Boyuan"),
    ("汇通", "Huitong"),
    ("远航", "Yuanhang"),
    ("新纪元", "Xinjiyuan"),
    ("安泰", "Antai"),
    ("嘉禾", "Jiahe"),
    ("中联", "Zhonglian"),
    ("长青", "Changqing"),
    ("东方明珠", "Dongfang Mingzhu"),
    ("海润", "Hairun"),
    ("永信", "Yongxin"),
    ("万和", "Wanhe"),
    ("晨光", "Chenguang"),
];
/// Business line (zh, en), the industry the notes name it by (zh) and its GB/T 4754 code.
const LINES: &[(&str, &str, &str, &str)] = &[
    ("精密机械", "Precision Machinery", "制造业", "C34"),
    ("新能源科技", "New Energy Technology", "新能源", "C38"),
    ("食品", "Foods", "食品加工", "C14"),
    ("纺织", "Textiles", "纺织服装", "C17"),
    ("物流", "Logistics", "交通物流", "G59"),
    ("医药", "Pharmaceutical", "医药健康", "C27"),
    ("电子", "Electronics", "电子信息", "C39"),
    ("建材", "Building Materials", "建筑建材", "C30"),
    ("环保科技", "Environmental Technology", "节能环保", "N77"),
    ("农业发展", "Agricultural Development", "农业", "A01"),
    ("光伏电力", "Solar Power", "新能源", "D44"),
    ("供应链管理", "Supply Chain Management", "商贸流通", "L72"),
];
const SURNAMES: &[&str] = &[
    "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
    "秀英", "建国", "海燕", "志强", "丽娟",
];
const ROLES: &[&str] = &[
    "法定代表人",
    "总经理",
    "财务总监",
    "财务经理",
    "董事会秘书",
    "采购负责人",
];
const SUMMARIES: &[(&str, &str)] = &[
    (
        "首次拜访，了解企业经营情况和融资需求",
        "约定下周提交贷款申请材料",
    ),
    (
        "电话沟通流动资金贷款需求，金额约一千万元",
        "发送申请材料清单",
    ),
    ("与财务总监会谈，讨论近三年财务报表", "补充2025年审计报告"),
    ("实地走访生产基地，核实设备与库存", "撰写尽调报告"),
    ("微信沟通还款计划，客户倾向等额本息", "准备两套还款方案对比"),
    ("邮件发送贷款方案建议书", "跟进客户反馈"),
    ("贷后回访，了解资金用途与经营变化", "季度财务数据到期提醒"),
    ("行业展会上结识，企业有扩产计划", "安排首次拜访"),
];

/// A small deterministic generator (no dependency needed for invented data).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() as usize) % items.len()]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A valid credit code unique per `serial`: 91 (company) + division code + serial + check character.
fn make_credit_code(division: &str, serial: u64) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    let mut body = format!("91{division}");
    // Multiplying by a constant coprime with 31 permutes 0..31^9, so codes stay unique
    // without the run of zeros a plain counter would print.
    const SPACE: u128 = 26_439_622_160_471; // 31^9
    let mut n = ((u128::from(serial) * 1_000_000_007) % SPACE) as u64;
    let mut org = Vec::new();
    for _ in 0..9 {
        org.push(ALPHABET[(n % 31) as usize]);
        n /= 31;
    }
    org.reverse();
    body.push_str(&String::from_utf8_lossy(&org));
    match credit_code::check_character(body.as_bytes()) {
        Some(c) => {
            body.push(c);
            body
        }
        None => String::new(),
    }
}

/// `count` clients with contacts and touchpoints dated up to `today`.
pub fn clients(
    count: usize,
    seed: u64,
    today: NaiveDate,
) -> Vec<(ClientInput, Vec<TouchpointInput>)> {
    let mut rng = Lcg(seed);
    (0..count)
        .map(|i| {
            let (city, city_en, division) = *rng.pick(CITIES);
            let (trade, trade_en) = *rng.pick(TRADE_NAMES);
            let (line, line_en, industry, industry_code) = *rng.pick(LINES);
            let listed = rng.below(5) == 0;
            let suffix = if listed {
                ("股份有限公司", "Co., Ltd. (joint stock)")
            } else {
                ("有限公司", "Co., Ltd.")
            };
            let stage = (i % 5) as u8 + 1;
            let status = match (stage, rng.below(10)) {
                (_, 0) => LifecycleStatus::Lost,
                (5, 1..=3) => LifecycleStatus::Loyal,
                (5, _) => LifecycleStatus::Active,
                (_, 1) => LifecycleStatus::Dormant,
                _ => LifecycleStatus::Prospect,
            };
            let size = *rng.pick(CompanySize::ALL);
            let product = match (line, size) {
                ("光伏电力", _) => ProductType::ProjectFinance,
                (_, CompanySize::Micro | CompanySize::Small) => ProductType::Sme,
                _ => *rng.pick(&[ProductType::WorkingCapital, ProductType::FixedAsset]),
            };
            let contacts = (0..1 + rng.below(3))
                .map(|_| {
                    let name = format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN));
                    Contact {
                        name,
                        role: rng.pick(ROLES).to_string(),
                        phone: format!("13{}{:08}", rng.below(10), rng.below(100_000_000)),
                        email: format!(
                            "contact{}@{}.com.cn",
                            rng.below(100),
                            trade_en.to_lowercase().replace(' ', "")
                        ),
                    }
                })
                .collect();
            let touchpoints = (0..1 + rng.below(4))
                .map(|_| {
                    let (summary, next) = *rng.pick(SUMMARIES);
                    let date = today - Duration::days(rng.below(120) as i64);
                    TouchpointInput {
                        date,
                        channel: *rng.pick(Channel::ALL),
                        summary: summary.to_string(),
                        next_step: next.to_string(),
                        next_contact_date: Some(date + Duration::days(7 + rng.below(30) as i64)),
                    }
                })
                .collect();
            let client = ClientInput {
                name: format!("{city}{trade}{line}{}", suffix.0),
                name_en: Some(format!("{city_en} {trade_en} {line_en} {}", suffix.1)),
                credit_code: Some(make_credit_code(division, i as u64 * 7919 + seed % 1000)),
                industry_code: Some(industry_code.to_string()),
                industry: None,
                size: Some(size),
                region: Some(city.to_string()),
                source_channel: Some(*rng.pick(SourceChannel::ALL)),
                tier: *rng.pick(&[Tier::A, Tier::B, Tier::B, Tier::C, Tier::C, Tier::C]),
                status,
                stage,
                product: Some(product),
                contacts,
                notes: format!(
                    "{}行业客户，{}。",
                    industry,
                    if listed {
                        "上市公司子公司"
                    } else {
                        "民营企业"
                    }
                ),
            };
            (client, touchpoints)
        })
        .collect()
}

/// The demo vault a newcomer opens: 50 companies across all five stages, as of `today`, its
/// records stamped by `clock`.
pub fn write_demo_vault(
    path: &std::path::Path,
    password: &str,
    today: NaiveDate,
    clock: crate::Clock,
) -> Result<Vault> {
    let mut vault = Vault::create_at(path, password, clock)?;
    let ids = seed(&mut vault, 50, 2026, today)?;
    statements::add_statements(&mut vault, &ids, 2026)?;
    loans::book_loans(&mut vault, &ids, today)?;
    feedback::add_feedback(&mut vault, &ids, today)?;
    project_model::add_project_model(&mut vault, &ids)?;
    // Set last, so the documents above are not stamped as imported by the demo officer. The
    // bank is invented, like the clients.
    vault.set_bank_profile(&crate::bank_profile::BankProfile {
        bank_name: "示范商业银行".into(),
        branch: "苏州工业园区支行".into(),
        officer_name: "王磊".into(),
        officer_phone: "0512-6288 1234".into(),
    })?;
    Ok(vault)
}

/// `count` clients from [`clients`] written with a past: stage history over the last months,
/// checklists ticked as far as each got, some gates overridden, lost and dormant clients with
/// reasons, a proposed loan from stage 4 on. Batches of 10,000 keep memory flat for benchmarks.
pub fn seed(vault: &mut Vault, count: usize, seed: u64, today: NaiveDate) -> Result<Vec<i64>> {
    let all = clients(count, seed, today);
    let mut rng = Lcg(seed ^ 0x9e37_79b9_7f4a_7c15);
    let mut ids = Vec::with_capacity(count);
    for chunk in all.chunks(10_000) {
        let chunk_ids = vault.create_clients(chunk, today)?;
        let journeys: Vec<DemoJourney> = chunk
            .iter()
            .zip(&chunk_ids)
            .map(|((client, _), id)| journey(&mut rng, *id, client, today))
            .collect();
        vault.seed_journeys(&journeys)?;
        ids.extend(chunk_ids);
    }
    Ok(ids)
}

const LOST_REASONS: &[&str] = &[
    "pricing",
    "other-bank",
    "other-bank",
    "admission",
    "repayment-capacity",
    "collateral",
    "need-gone",
    "approval-time",
    "no-response",
];
const LOST_NOTES: &[&str] = &[
    "他行报价低约30个基点",
    "客户决定暂缓扩产计划",
    "资产负债率超过准入上限",
    "",
];

fn journey(rng: &mut Lcg, client_id: i64, c: &ClientInput, today: NaiveDate) -> DemoJourney {
    let stage = c.stage;
    // The current stage was entered up to ~2.5 months ago (some clients are stuck); each earlier
    // stage lasted 3 to 5 weeks.
    let mut entered = vec![today - Duration::days(rng.below(75) as i64)];
    for _ in 1..stage {
        let later = entered[entered.len() - 1];
        entered.push(later - Duration::days(3 + rng.below(35) as i64));
    }
    entered.reverse();
    let current = entered[entered.len() - 1];
    let some_day_since = |rng: &mut Lcg, from: NaiveDate| {
        from + Duration::days(rng.below((today - from).num_days().max(0) as u64 + 1) as i64)
    };
    let mut status = Vec::new();
    let mut now = LifecycleStatus::Prospect;
    if stage == 5 {
        status.push(event(current, now, LifecycleStatus::Active, None, ""));
        now = LifecycleStatus::Active;
    }
    if c.status == LifecycleStatus::Loyal {
        let on = some_day_since(rng, current);
        status.push(event(
            on,
            now,
            LifecycleStatus::Loyal,
            None,
            "续贷并推荐了上游供应商",
        ));
    } else if c.status == LifecycleStatus::Lost || c.status == LifecycleStatus::Dormant {
        let on = some_day_since(rng, current);
        let reason = (c.status == LifecycleStatus::Lost).then(|| *rng.pick(LOST_REASONS));
        let note = if reason.is_some() {
            *rng.pick(LOST_NOTES)
        } else {
            ""
        };
        status.push(event(on, now, c.status, reason, note));
    }
    let proposed = (stage >= 4).then(|| demo_terms(rng, current));
    DemoJourney {
        client_id,
        product: c.product,
        overridden: (stage > 1 && rng.below(6) == 0)
            .then(|| 1 + rng.below(u64::from(stage) - 1) as u8),
        done_in_current: rng.below(7) as u32,
        entered,
        status,
        proposed,
    }
}

fn event(
    on: NaiveDate,
    from: LifecycleStatus,
    to: LifecycleStatus,
    lost_reason: Option<&'static str>,
    note: &'static str,
) -> StatusEvent {
    StatusEvent {
        on,
        from,
        to,
        lost_reason,
        note,
    }
}

/// A plausible proposed loan: 5 to 80 million yuan over 1 to 5 years at LPR + a spread.
fn demo_terms(rng: &mut Lcg, disbursement: NaiveDate) -> LoanTerms {
    let term_months = 12 * (1 + rng.below(5) as u32);
    LoanTerms {
        principal: Decimal::from(500 + 50 * rng.below(150)) * Decimal::from(10_000),
        currency: "CNY".into(),
        term_months,
        rate: Rate::Lpr {
            tenor: LprTenor::for_term(term_months),
            lpr_percent: Decimal::new(300, 2),
            spread_bp: Decimal::from(10 * rng.below(12)),
        },
        disbursement_date: disbursement,
        repay_day: None,
        method: *rng.pick(&[
            Method::EqualInstallment,
            Method::EqualPrincipal,
            Method::InterestOnly,
        ]),
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: DayCount::default(),
        rounding: Rounding::default(),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn demo_cities_and_trade_names_read_as_their_english_names() {
        use crate::clients::pinyin::of_name;
        let bare = |en: &str| en.to_lowercase().replace([' ', '\''], "");
        for (zh, en, _) in CITIES {
            assert_eq!(of_name(zh).full, bare(en), "{zh}");
        }
        for (zh, en) in TRADE_NAMES {
            assert_eq!(of_name(zh).full, bare(en), "{zh}");
        }
    }

    use super::*;

    #[test]
    fn generated_credit_codes_are_valid_and_distinct() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
        let batch = clients(500, 1, today);
        let mut codes: Vec<String> = batch
            .iter()
            .filter_map(|(c, _)| c.credit_code.clone())
            .collect();
        for code in &codes {
            assert!(credit_code::validate(code).is_ok(), "{code}");
        }
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 500);
        assert!((1..=5).all(|s| batch.iter().any(|(c, _)| c.stage == s)));
    }
}
