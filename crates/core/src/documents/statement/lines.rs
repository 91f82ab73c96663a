//! The lines of the financial statement template (assets/templates/README.md): the keys we
//! store, the labels in column A (Chinese, English, or both), and the other names Chinese
//! statements commonly use for the same line.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum StatementLine {
    CurrentAssets,
    Inventory,
    TotalAssets,
    CurrentLiabilities,
    TotalLiabilities,
    Revenue,
    ProfitBeforeTax,
    InterestExpense,
    DepreciationAmortisation,
    OperatingCashFlow,
    Cash,
    AccountsReceivable,
    TotalEquity,
    NetProfit,
    /// 营业成本: the turnover days of inventory, payables and prepayments are on it.
    CostOfSales,
    AccountsPayable,
    /// 预付账款 (预付款项).
    Prepayments,
    /// 预收账款; 合同负债 under the 2017 revenue standard (CAS 14) is read as the same line.
    AdvancesFromCustomers,
    ShortTermBorrowings,
    LongTermBorrowings,
    BondsPayable,
    /// 一年内到期的非流动负债: the part of long-term debt due within a year.
    CurrentPortionOfLongTermDebt,
    IncomeTaxExpense,
    /// 财务费用 (interest net of interest income, FX, bank charges).
    FinanceCosts,
}

pub(crate) struct LineDef {
    pub line: StatementLine,
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub required: bool,
    /// Other labels for the line, zh or en, compared after [`normalize`].
    pub aliases: &'static [&'static str],
}

const fn def(
    line: StatementLine,
    key: &'static str,
    zh: &'static str,
    en: &'static str,
    required: bool,
    aliases: &'static [&'static str],
) -> LineDef {
    LineDef {
        line,
        key,
        zh,
        en,
        required,
        aliases,
    }
}

use StatementLine as L;

/// Template order. Required lines feed the ratios (or are what every bank asks for).
#[rustfmt::skip]
pub(crate) const LINES: [LineDef; 24] = [
    def(L::CurrentAssets, "current-assets", "流动资产合计", "Total current assets", true, &["current assets"]),
    def(L::Inventory, "inventory", "存货", "Inventory", true, &["inventories"]),
    def(L::TotalAssets, "total-assets", "资产总计", "Total assets", true, &["资产合计", "资产总额"]),
    def(L::CurrentLiabilities, "current-liabilities", "流动负债合计", "Total current liabilities", true, &["current liabilities"]),
    def(L::TotalLiabilities, "total-liabilities", "负债合计", "Total liabilities", true, &["负债总计", "负债总额"]),
    def(L::Revenue, "revenue", "营业收入", "Revenue", true, &["营业总收入", "主营业务收入", "operating revenue", "sales"]),
    def(L::ProfitBeforeTax, "profit-before-tax", "利润总额", "Profit before tax", true, &["税前利润", "profit before income tax"]),
    def(L::InterestExpense, "interest-expense", "利息支出", "Interest expense", true, &["利息费用", "interest expenses"]),
    def(L::DepreciationAmortisation, "depreciation-amortisation", "折旧与摊销", "Depreciation and amortisation", true, &["折旧和摊销", "折旧及摊销", "depreciation and amortization", "depreciation & amortisation", "depreciation & amortization"]),
    def(L::OperatingCashFlow, "operating-cash-flow", "经营活动现金流量净额", "Net cash flow from operating activities", true, &["经营活动产生的现金流量净额", "operating cash flow", "net cash from operating activities"]),
    def(L::Cash, "cash", "货币资金", "Cash and cash equivalents", false, &["cash"]),
    def(L::AccountsReceivable, "accounts-receivable", "应收账款", "Accounts receivable", false, &[]),
    def(L::TotalEquity, "total-equity", "所有者权益合计", "Total equity", false, &["股东权益合计", "所有者权益（或股东权益）合计", "total owners' equity"]),
    def(L::NetProfit, "net-profit", "净利润", "Net profit", false, &["net income"]),
    // Issue 15: optional, so statements made from the earlier template still import.
    def(L::CostOfSales, "cost-of-sales", "营业成本", "Cost of sales", false, &["主营业务成本", "cost of goods sold", "cost of revenue"]),
    def(L::AccountsPayable, "accounts-payable", "应付账款", "Accounts payable", false, &["trade payables"]),
    def(L::Prepayments, "prepayments", "预付账款", "Prepayments", false, &["预付款项", "advances to suppliers"]),
    def(L::AdvancesFromCustomers, "advances-from-customers", "预收账款", "Advances from customers", false, &["预收款项", "合同负债", "contract liabilities", "receipts in advance"]),
    def(L::ShortTermBorrowings, "short-term-borrowings", "短期借款", "Short-term borrowings", false, &["short-term loans"]),
    def(L::LongTermBorrowings, "long-term-borrowings", "长期借款", "Long-term borrowings", false, &["long-term loans"]),
    def(L::BondsPayable, "bonds-payable", "应付债券", "Bonds payable", false, &[]),
    def(L::CurrentPortionOfLongTermDebt, "current-portion-of-long-term-debt", "一年内到期的非流动负债", "Non-current liabilities due within one year", false, &["current portion of long-term debt", "current portion of non-current liabilities"]),
    def(L::IncomeTaxExpense, "income-tax-expense", "所得税费用", "Income tax expense", false, &["所得税", "income tax"]),
    def(L::FinanceCosts, "finance-costs", "财务费用", "Finance costs", false, &["finance expenses", "financial expenses"]),
];

impl StatementLine {
    pub(crate) fn def(self) -> &'static LineDef {
        // Every variant has a row (a test checks); the fallback is never taken.
        LINES.iter().find(|d| d.line == self).unwrap_or(&LINES[0])
    }

    pub fn as_str(self) -> &'static str {
        self.def().key
    }

    pub fn parse(s: &str) -> Option<StatementLine> {
        LINES.iter().find(|d| d.key == s).map(|d| d.line)
    }

    /// Template order.
    pub fn all() -> impl Iterator<Item = StatementLine> {
        LINES.iter().map(|d| d.line)
    }

    pub fn text(self) -> crate::labels::Text {
        crate::labels::Text::new(self.def().zh, self.def().en)
    }

    pub fn is_required(self) -> bool {
        self.def().required
    }
}

/// Lower-case, without spaces, punctuation (ASCII and full-width) or a leading 其中 / 减：/
/// 加： or item numbering, so "其中：利息费用" and "Interest  expense:" match their lines.
pub(crate) fn normalize(label: &str) -> String {
    let kept: String = label
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '&' || *c == '\'')
        .flat_map(char::to_lowercase)
        .collect();
    let mut s = kept.as_str();
    for prefix in ["其中", "减", "加"] {
        s = s.strip_prefix(prefix).unwrap_or(s);
    }
    // Numbering such as "1" or "一" in front of a Chinese label ("一、营业收入").
    let s =
        s.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    if s.is_empty() {
        kept
    } else {
        s.to_string()
    }
}

/// The line a column-A label names, if any: its Chinese or English label or an alias, or two
/// of them together (the template's "中文 English" form, also with an alias on either side).
pub(crate) fn match_label(label: &str) -> Option<StatementLine> {
    let n = normalize(label);
    if n.is_empty() {
        return None;
    }
    LINES.iter().map(|d| d.line).find(|line| {
        let d = line.def();
        let names: Vec<String> = [d.zh, d.en]
            .iter()
            .chain(d.aliases)
            .map(|name| normalize(name))
            .collect();
        names.iter().any(|a| {
            n == *a
                || n.strip_prefix(a.as_str())
                    .is_some_and(|rest| names.iter().any(|b| rest == b))
        })
    })
}

/// Whether every row naming the line is added up rather than the first one read: under the
/// 2017 revenue standard (CAS 14) 预收款项 and 合同负债 split what was one line, and balance
/// sheets list both.
pub(crate) fn sums_its_rows(line: StatementLine) -> bool {
    line == StatementLine::AdvancesFromCustomers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_in_either_language_and_common_variants() {
        assert_eq!(
            match_label("流动资产合计 Total current assets"),
            Some(L::CurrentAssets)
        );
        assert_eq!(match_label("存货"), Some(L::Inventory));
        assert_eq!(match_label("  Total Assets "), Some(L::TotalAssets));
        assert_eq!(match_label("其中：利息费用"), Some(L::InterestExpense));
        assert_eq!(match_label("一、营业收入"), Some(L::Revenue));
        assert_eq!(
            match_label("经营活动产生的现金流量净额"),
            Some(L::OperatingCashFlow)
        );
        assert_eq!(match_label("应付账款"), Some(L::AccountsPayable));
        assert_eq!(match_label("合同负债"), Some(L::AdvancesFromCustomers));
        assert_eq!(match_label("应付票据"), None);
        assert_eq!(
            match_label("合同负债 Contract liabilities"),
            Some(L::AdvancesFromCustomers)
        );
        assert_eq!(
            match_label("主营业务收入 Operating revenue"),
            Some(L::Revenue)
        );
        for d in &LINES {
            assert_eq!(StatementLine::parse(d.key), Some(d.line));
            assert_eq!(d.line.def().key, d.key);
        }
    }
}
