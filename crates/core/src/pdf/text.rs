//! Every word the PDFs print, in both languages, and how figures are written.
//!
//! Labels live here and nowhere else, so a document can never come out half in one language.
use chrono::{Datelike, NaiveDate};

use super::numbers::percent;
use super::Lang;
use crate::amount::AmountUnit;
use crate::clients::{CompanySize, ProductType, Tier};
use crate::loans::{LprTenor, Method, Rate};

/// The labels of one language.
pub(crate) struct Labels {
    pub schedule_title: &'static str,
    pub contract_no: &'static str,
    /// "（第 {} 版）" / " (version {})", after the contract number.
    pub version: &'static str,
    pub proposal_title: &'static str,
    pub borrower: &'static str,
    pub principal: &'static str,
    pub in_words: &'static str,
    pub rate: &'static str,
    pub method: &'static str,
    pub term: &'static str,
    pub disbursement: &'static str,
    pub first_due: &'static str,
    pub maturity: &'static str,
    pub repay_day: &'static str,
    pub grace: &'static str,
    pub fee: &'static str,
    pub apr_nominal: &'static str,
    pub apr_effective: &'static str,
    pub payment: &'static str,
    pub total_interest: &'static str,
    pub total_payment: &'static str,
    pub col_no: &'static str,
    pub col_due: &'static str,
    pub col_payment: &'static str,
    pub col_principal: &'static str,
    pub col_interest: &'static str,
    pub col_balance: &'static str,
    pub total: &'static str,
    pub generated_on: &'static str,
    pub officer: &'static str,
    pub prepared_by: &'static str,
    pub date: &'static str,
    pub schedule_section_terms: &'static str,
    pub schedule_section_rows: &'static str,
    pub apr_note: &'static str,
    pub section_client: &'static str,
    pub section_needs: &'static str,
    pub section_structure: &'static str,
    pub section_repayment: &'static str,
    pub section_risks: &'static str,
    pub section_signatures: &'static str,
    pub client_name: &'static str,
    pub name_en: &'static str,
    pub credit_code: &'static str,
    pub industry: &'static str,
    pub size: &'static str,
    pub region: &'static str,
    pub tier: &'static str,
    pub product: &'static str,
    pub contacts: &'static str,
    pub contact_name: &'static str,
    pub contact_role: &'static str,
    pub contact_phone: &'static str,
    pub contact_email: &'static str,
    pub purpose: &'static str,
    pub amount: &'static str,
    pub item: &'static str,
    pub option: &'static str,
    pub proposed: &'static str,
    pub first_payments: &'static str,
    pub officer_sign: &'static str,
    pub client_sign: &'static str,
    pub sign_date: &'static str,
    pub none: &'static str,
    pub months: &'static str,
    pub day_of_month: &'static str,
    pub proposal_no: &'static str,
    pub bank: &'static str,
    pub branch: &'static str,
    pub officer_phone: &'static str,
    pub issued_by: &'static str,
}

pub(crate) const ZH: Labels = Labels {
    schedule_title: "还款计划表",
    contract_no: "合同编号",
    version: "（第 {} 版）",
    proposal_title: "贷款方案建议书",
    borrower: "借款人",
    principal: "贷款本金",
    in_words: "大写金额",
    rate: "年利率",
    method: "还款方式",
    term: "贷款期限",
    disbursement: "放款日",
    first_due: "首期还款日",
    maturity: "到期日",
    repay_day: "每期还款日",
    grace: "宽限期（只付息）",
    fee: "前期费用",
    apr_nominal: "年化利率（名义）",
    apr_effective: "年化利率（实际）",
    payment: "每期还款额",
    total_interest: "利息合计",
    total_payment: "本息合计",
    col_no: "期数",
    col_due: "还款日",
    col_payment: "还款额",
    col_principal: "本金",
    col_interest: "利息",
    col_balance: "剩余本金",
    total: "合计",
    generated_on: "生成日期",
    officer: "客户经理",
    prepared_by: "客户经理",
    date: "日期",
    schedule_section_terms: "贷款要素",
    schedule_section_rows: "还款明细",
    apr_note: "年化利率按实际现金流（含前期费用）以内部收益率（IRR）法计算：名义年化利率 = 月 IRR × 12，实际年化利率 = (1 + 月 IRR)^12 − 1。",
    section_client: "一、客户概况",
    section_needs: "二、融资需求",
    section_structure: "三、方案结构",
    section_repayment: "四、还款概要",
    section_risks: "五、风险提示与信息披露",
    section_signatures: "六、签署",
    client_name: "客户名称",
    name_en: "英文名称",
    credit_code: "统一社会信用代码",
    industry: "所属行业",
    size: "企业规模",
    region: "所在地区",
    tier: "客户分层",
    product: "产品类型",
    contacts: "联系人",
    contact_name: "姓名",
    contact_role: "职务",
    contact_phone: "电话",
    contact_email: "邮箱",
    purpose: "贷款用途",
    amount: "申请金额",
    item: "项目",
    option: "方案",
    proposed: "建议",
    first_payments: "前几期还款",
    officer_sign: "客户经理（签字）",
    client_sign: "客户（签字 / 盖章）",
    sign_date: "日期",
    none: "—",
    months: "个月",
    day_of_month: "每月 {} 日",
    proposal_no: "方案编号",
    bank: "银行",
    branch: "经办机构",
    officer_phone: "联系电话",
    issued_by: "出具机构",
};

pub(crate) const EN: Labels = Labels {
    schedule_title: "Repayment schedule",
    contract_no: "Contract no.",
    version: " (version {})",
    proposal_title: "Loan proposal",
    borrower: "Borrower",
    principal: "Principal",
    in_words: "Amount in words",
    rate: "Annual rate",
    method: "Repayment method",
    term: "Term",
    disbursement: "Disbursement date",
    first_due: "First repayment date",
    maturity: "Maturity date",
    repay_day: "Repayment day",
    grace: "Grace period (interest only)",
    fee: "Upfront fee",
    apr_nominal: "APR (nominal)",
    apr_effective: "APR (effective)",
    payment: "Regular payment",
    total_interest: "Total interest",
    total_payment: "Total repayment",
    col_no: "No.",
    col_due: "Due date",
    col_payment: "Payment",
    col_principal: "Principal",
    col_interest: "Interest",
    col_balance: "Balance",
    total: "Total",
    generated_on: "Generated on",
    officer: "Officer",
    prepared_by: "Relationship manager",
    date: "Date",
    schedule_section_terms: "Loan terms",
    schedule_section_rows: "Repayments",
    apr_note: "The APR is the internal rate of return (IRR) of the actual cash flows, upfront fee included: nominal APR = monthly IRR × 12; effective APR = (1 + monthly IRR)^12 − 1.",
    section_client: "1. Client summary",
    section_needs: "2. Financing needs",
    section_structure: "3. Proposed structure",
    section_repayment: "4. Repayment summary",
    section_risks: "5. Risks and disclosures",
    section_signatures: "6. Signatures",
    client_name: "Client name",
    name_en: "English name",
    credit_code: "Unified social credit code",
    industry: "Industry",
    size: "Company size",
    region: "Region",
    tier: "Client tier",
    product: "Product",
    contacts: "Contacts",
    contact_name: "Name",
    contact_role: "Role",
    contact_phone: "Phone",
    contact_email: "Email",
    purpose: "Purpose",
    amount: "Amount requested",
    item: "Item",
    option: "Option",
    proposed: "proposed",
    first_payments: "First payments",
    officer_sign: "Relationship manager (signature)",
    client_sign: "Client (signature / company seal)",
    sign_date: "Date",
    none: "—",
    months: "months",
    day_of_month: "day {} of each month",
    proposal_no: "Proposal No.",
    bank: "Bank",
    branch: "Branch",
    officer_phone: "Phone",
    issued_by: "Issued by",
};

pub(crate) fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

pub(crate) const RISKS_ZH: &str = "\
1. 本建议书仅供讨论，不构成贷款承诺；最终条件以本行审批结果和双方签署的借款合同为准。
2. 采用 LPR 加点定价的，执行利率随贷款市场报价利率（LPR）调整而变动，每期还款额可能随之变化。
3. 年化利率按实际现金流（含前期费用）以内部收益率法计算，已在本建议书中同时列示名义年化利率与实际年化利率，便于与其他融资方式比较。
4. 借款人应按合同约定用途使用贷款资金，本行将进行贷后资金用途监控；挪用贷款可能导致提前收回贷款。
5. 逾期还款将产生罚息并影响借款人的征信记录。
6. 还款能力取决于借款人经营状况、现金流及担保情况，请审慎评估自身偿债能力。";

pub(crate) const RISKS_EN: &str = "\
1. This proposal is for discussion only and is not a commitment to lend; the final terms are those approved by the bank and set out in the signed loan agreement.
2. Where the rate is priced as LPR plus a spread, it moves with the Loan Prime Rate, and the payments may change with it.
3. The APR is computed by the internal rate of return of the actual cash flows, upfront fees included; both the nominal and the effective annual rate are shown in this proposal so that the loan can be compared with other financing.
4. The loan must be used for the purpose agreed in the contract; the bank monitors the use of funds after disbursement, and misuse may lead to early recall of the loan.
5. Late payment incurs penalty interest and is reported to the credit reference system.
6. The ability to repay depends on the borrower's business, cash flow and security; please assess the capacity to service the debt with care.";

pub(crate) fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => d.format("%-d %B %Y").to_string(),
    }
}

pub(crate) fn method(lang: Lang, m: Method) -> &'static str {
    match (lang, m) {
        (Lang::Zh, Method::EqualInstallment) => "等额本息",
        (Lang::Zh, Method::EqualPrincipal) => "等额本金",
        (Lang::Zh, Method::InterestOnly) => "按月付息，到期还本",
        (Lang::Zh, Method::QuarterlyInterest) => "按季付息，到期还本",
        (Lang::Zh, Method::Bullet) => "一次性还本付息",
        (Lang::En, Method::EqualInstallment) => "Equal installments (principal and interest)",
        (Lang::En, Method::EqualPrincipal) => "Equal principal",
        (Lang::En, Method::InterestOnly) => "Monthly interest, principal at maturity",
        (Lang::En, Method::QuarterlyInterest) => "Quarterly interest, principal at maturity",
        (Lang::En, Method::Bullet) => "Principal and interest at maturity",
    }
}

/// The rate as officers quote it: "4.90 %", or "LPR (5-year) 3.95 % + 45 bp = 4.40 %".
pub(crate) fn rate(lang: Lang, rate: &Rate) -> String {
    match rate {
        Rate::Fixed { annual_percent } => match lang {
            Lang::Zh => format!("{}（固定）", percent(*annual_percent)),
            Lang::En => format!("{} (fixed)", percent(*annual_percent)),
        },
        Rate::Lpr {
            tenor,
            lpr_percent,
            spread_bp,
        } => {
            let sign = if spread_bp.is_sign_negative() {
                "−"
            } else {
                "+"
            };
            let bp = spread_bp.abs().normalize();
            let all_in = percent(rate.annual_percent());
            match (lang, tenor) {
                (Lang::Zh, LprTenor::OneYear) => format!(
                    "1 年期 LPR {} {sign} {bp} 个基点 = {all_in}",
                    percent(*lpr_percent)
                ),
                (Lang::Zh, LprTenor::FiveYear) => format!(
                    "5 年期以上 LPR {} {sign} {bp} 个基点 = {all_in}",
                    percent(*lpr_percent)
                ),
                (Lang::En, LprTenor::OneYear) => format!(
                    "1-year LPR {} {sign} {bp} bp = {all_in}",
                    percent(*lpr_percent)
                ),
                (Lang::En, LprTenor::FiveYear) => format!(
                    "5-year LPR {} {sign} {bp} bp = {all_in}",
                    percent(*lpr_percent)
                ),
            }
        }
    }
}

pub(crate) fn term(lang: Lang, months: u32) -> String {
    let l = labels(lang);
    let years = match (months % 12, lang) {
        (0, Lang::Zh) if months >= 12 => format!("（{} 年）", months / 12),
        (0, Lang::En) if months >= 12 => format!(" ({} years)", months / 12),
        _ => String::new(),
    };
    format!("{months} {}{years}", l.months)
}

/// The principal in words with its currency: "人民币壹佰万元整".
/// A loan amount on a document in the officer's unit: "500.00 万元", "4.89 亿元", or in 元 to
/// the fen ("5,000,000.00 元", as the 大写 beside it is exact); `None` keeps the plain
/// "CNY 5,000,000.00" of documents made without a unit (the CLI).
pub(crate) fn figure(
    lang: Lang,
    currency: &str,
    amount: rust_decimal::Decimal,
    unit: Option<AmountUnit>,
) -> String {
    use crate::amount::{format_amount, format_payment, unit_label};
    match unit {
        None => format!("{currency} {}", super::numbers::money(amount)),
        Some(u) => {
            let shown = match u {
                AmountUnit::Yuan => format_payment(amount),
                _ => format_amount(amount, u),
            };
            format!("{shown} {}", unit_label(u, currency, lang.into()))
        }
    }
}

/// A payment (an instalment, interest, a fee): always yuan to the fen, as the client transfers
/// it. On a document with a unit it reads like the figures beside it ("5,307.27 元"); `None`
/// keeps "CNY 5,307.27".
pub(crate) fn payment(
    lang: Lang,
    currency: &str,
    amount: rust_decimal::Decimal,
    unit: Option<AmountUnit>,
) -> String {
    figure(lang, currency, amount, unit.map(|_| AmountUnit::Yuan))
}

pub(crate) fn in_words(currency: &str, words: &str) -> String {
    if currency == "CNY" {
        format!("人民币{words}")
    } else {
        format!("{currency} {words}")
    }
}

pub(crate) fn size(lang: Lang, s: CompanySize) -> &'static str {
    match (lang, s) {
        (Lang::Zh, CompanySize::Micro) => "微型企业",
        (Lang::Zh, CompanySize::Small) => "小型企业",
        (Lang::Zh, CompanySize::Medium) => "中型企业",
        (Lang::Zh, CompanySize::Large) => "大型企业",
        (Lang::En, CompanySize::Micro) => "Micro",
        (Lang::En, CompanySize::Small) => "Small",
        (Lang::En, CompanySize::Medium) => "Medium",
        (Lang::En, CompanySize::Large) => "Large",
    }
}

pub(crate) fn tier(lang: Lang, t: Tier) -> String {
    match lang {
        Lang::Zh => format!("{} 类", t.as_str()),
        Lang::En => format!("Tier {}", t.as_str()),
    }
}

pub(crate) fn product(lang: Lang, p: ProductType) -> &'static str {
    match (lang, p) {
        (Lang::Zh, ProductType::WorkingCapital) => "流动资金贷款",
        (Lang::Zh, ProductType::FixedAsset) => "固定资产贷款",
        (Lang::Zh, ProductType::ProjectFinance) => "项目融资",
        (Lang::Zh, ProductType::Sme) => "小微企业贷款",
        (Lang::En, ProductType::WorkingCapital) => "Working capital loan",
        (Lang::En, ProductType::FixedAsset) => "Fixed-asset loan",
        (Lang::En, ProductType::ProjectFinance) => "Project finance",
        (Lang::En, ProductType::Sme) => "SME loan",
    }
}

/// "方案一（建议）" / "Option 1 (proposed)": scenarios have no names on the document.
pub(crate) fn option(lang: Lang, index: usize) -> String {
    let l = labels(lang);
    let n = index + 1;
    match lang {
        Lang::Zh => {
            let numeral = ["一", "二", "三"].get(index).copied().unwrap_or("");
            let tag = if index == 0 {
                format!("（{}）", l.proposed)
            } else {
                String::new()
            };
            format!("{}{numeral}{tag}", l.option)
        }
        Lang::En => {
            let tag = if index == 0 {
                format!(" ({})", l.proposed)
            } else {
                String::new()
            };
            format!("{} {n}{tag}", l.option)
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn option_names() {
        assert_eq!(option(Lang::Zh, 0), "方案一（建议）");
        assert_eq!(option(Lang::Zh, 2), "方案三");
        assert_eq!(option(Lang::En, 1), "Option 2");
    }
}
