//! The names of the five-tier classification, the ageing buckets and the portfolio sheet's
//! headers, in both languages (the UI reads the first two from the generated catalogue).
use super::status::{AgeBucket, Classification};
use crate::labels::Text;

impl Classification {
    pub fn text(self) -> Text {
        match self {
            Classification::Pass => Text::new("正常", "Pass"),
            Classification::SpecialMention => Text::new("关注", "Special mention"),
            Classification::Substandard => Text::new("次级", "Substandard"),
            Classification::Doubtful => Text::new("可疑", "Doubtful"),
            Classification::Loss => Text::new("损失", "Loss"),
        }
    }
}

impl AgeBucket {
    pub fn text(self) -> Text {
        match self {
            AgeBucket::Current => Text::new("未逾期", "Current"),
            AgeBucket::Days1To30 => Text::new("1–30 天", "1–30 days"),
            AgeBucket::Days31To60 => Text::new("31–60 天", "31–60 days"),
            AgeBucket::Days61To90 => Text::new("61–90 天", "61–90 days"),
            AgeBucket::Over90 => Text::new("90 天以上", "Over 90 days"),
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.as_str() == s)
    }
}

/// The portfolio sheet (CSV and XLSX): column headers, section and sheet names.
pub(crate) mod sheet {
    use crate::labels::Text;

    pub const SECTION: Text = Text::new("维度", "Dimension");
    pub const GROUP: Text = Text::new("分组", "Group");
    pub const LOANS: Text = Text::new("笔数", "Loans");
    pub const OUTSTANDING: Text = Text::new("贷款余额", "Outstanding");
    pub const PENALTY_ACCRUED: Text = Text::new(
        "应收未收罚息及复利",
        "Penalty and compound interest accrued",
    );
    pub const BY_TIER: Text = Text::new("客户分层", "Tier");
    pub const BY_INDUSTRY: Text = Text::new("行业", "Industry");
    pub const BY_CLASSIFICATION: Text = Text::new("五级分类", "Classification");
    pub const BY_AGE: Text = Text::new("逾期账龄", "Overdue age");
    pub const BY_COLLATERAL: Text = Text::new("主要押品", "Main collateral");
    pub const BY_COVERAGE: Text = Text::new("押品覆盖率", "Collateral coverage");
    pub const MONTH: Text = Text::new("月份", "Month");
    pub const PRINCIPAL: Text = Text::new("应收本金", "Principal due");
    pub const INTEREST: Text = Text::new("应收利息", "Interest due");
    pub const CASH_IN: Text = Text::new("未来12个月应收", "Cash-in, 12 months");
    pub const NOT_GIVEN: Text = Text::new("未填写", "Not given");
    pub const OVERDUE: Text = Text::new("逾期贷款", "Overdue loans");
    pub const NON_PERFORMING: Text = Text::new(
        "不良贷款（次级+可疑+损失）",
        "Non-performing (substandard + doubtful + loss)",
    );
    pub const RATIO: Text = Text::new("占比 %", "Share %");
    pub const LOAN_LIST: Text = Text::new("贷款明细", "Loans");
    pub const CLIENT: Text = Text::new("借款人", "Borrower");
    pub const CONTRACT: Text = Text::new("合同编号", "Contract");
    pub const NEXT_DUE: Text = Text::new("下一还款日", "Next due");
    pub const DAYS_OVERDUE: Text = Text::new("逾期天数", "Days overdue");
    pub const COVERAGE_PERCENT: Text = Text::new("押品覆盖率 %", "Collateral coverage %");
}
