//! What a document is for the loan file. The single list of kinds: checklist items that require
//! a document name one of these, and an imported document of that kind satisfies them.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// 贷款申请书
    ApplicationForm,
    /// 营业执照
    BusinessLicence,
    /// 法定代表人身份证
    LegalRepId,
    /// 财务报表
    FinancialStatements,
    /// 银行流水
    BankStatements,
    /// 纳税证明
    TaxCertificate,
    /// 征信报告
    CreditReport,
    /// 可行性研究报告
    FeasibilityStudy,
    /// 项目审批文件 (核准, 备案, 环评)
    ProjectApproval,
    /// 抵押物资料
    Collateral,
    /// 合同
    Contract,
    /// 方案建议书
    Proposal,
    Other,
}

/// (kind, stored key, 中文, English): one table so the key, the labels and `ALL` cannot drift.
/// The UI's labels are these (the generated catalogue, `docKind.<key>`).
const KINDS: [(DocumentKind, &str, &str, &str); 13] = [
    (
        DocumentKind::ApplicationForm,
        "application-form",
        "贷款申请书",
        "Loan application form",
    ),
    (
        DocumentKind::BusinessLicence,
        "business-licence",
        "营业执照",
        "Business licence",
    ),
    (
        DocumentKind::LegalRepId,
        "legal-rep-id",
        "法定代表人身份证",
        "Legal representative's ID",
    ),
    (
        DocumentKind::FinancialStatements,
        "financial-statements",
        "财务报表",
        "Financial statements",
    ),
    (
        DocumentKind::BankStatements,
        "bank-statements",
        "银行流水",
        "Bank statements",
    ),
    (
        DocumentKind::TaxCertificate,
        "tax-certificate",
        "纳税证明",
        "Tax certificate",
    ),
    (
        DocumentKind::CreditReport,
        "credit-report",
        "征信报告",
        "Credit report",
    ),
    (
        DocumentKind::FeasibilityStudy,
        "feasibility-study",
        "可行性研究报告",
        "Feasibility study",
    ),
    (
        DocumentKind::ProjectApproval,
        "project-approval",
        "项目审批文件",
        "Project approval",
    ),
    (
        DocumentKind::Collateral,
        "collateral",
        "抵押物资料",
        "Collateral documents",
    ),
    (DocumentKind::Contract, "contract", "合同", "Contract"),
    (
        DocumentKind::Proposal,
        "proposal",
        "方案建议书",
        "Loan proposal",
    ),
    (DocumentKind::Other, "other", "其他", "Other"),
];

impl DocumentKind {
    pub const ALL: [DocumentKind; 13] = {
        let mut all = [DocumentKind::Other; 13];
        let mut i = 0;
        while i < KINDS.len() {
            all[i] = KINDS[i].0;
            i += 1;
        }
        all
    };

    fn row(self) -> &'static (DocumentKind, &'static str, &'static str, &'static str) {
        // Every variant is in KINDS (a test checks); `Other`'s row is the last.
        KINDS
            .iter()
            .find(|r| r.0 == self)
            .unwrap_or(&KINDS[KINDS.len() - 1])
    }

    /// The stored and serialised key (`business-licence`).
    pub fn as_str(self) -> &'static str {
        self.row().1
    }

    pub fn text(self) -> crate::labels::Text {
        crate::labels::Text::new(self.row().2, self.row().3)
    }

    pub fn label_zh(self) -> &'static str {
        self.row().2
    }

    pub fn parse(s: &str) -> Option<DocumentKind> {
        KINDS.iter().find(|r| r.1 == s).map(|r| r.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_its_key_and_serde() {
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::parse(kind.as_str()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
        assert_eq!(DocumentKind::ALL.len(), KINDS.len());
        assert_eq!(DocumentKind::BusinessLicence.label_zh(), "营业执照");
    }
}
