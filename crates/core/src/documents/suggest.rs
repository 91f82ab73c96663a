//! A sensible kind for a new document: from what the content says where that is cheap to read
//! (spreadsheet and DOCX text), else from words in the file name, else "other". The officer
//! can always change it.
use super::sniff::FileType;
use super::DocumentKind;

/// Content words per kind, most specific first: a 抵押合同 is collateral before it is a contract.
const CONTENT: [(DocumentKind, &[&str]); 5] = [
    (
        DocumentKind::BusinessLicence,
        &["营业执照", "统一社会信用代码"],
    ),
    (DocumentKind::FeasibilityStudy, &["可行性研究报告"]),
    (DocumentKind::TaxCertificate, &["纳税证明", "完税证明"]),
    (DocumentKind::CreditReport, &["信用报告"]),
    (DocumentKind::Contract, &["借款合同", "贷款合同"]),
];

/// Name words per kind, in the same spirit.
const NAME: [(DocumentKind, &[&str]); 12] = [
    (
        DocumentKind::BusinessLicence,
        &["营业执照", "business licen"],
    ),
    (DocumentKind::LegalRepId, &["身份证", "id card", "identity"]),
    (
        DocumentKind::FinancialStatements,
        &[
            "财务报表",
            "资产负债表",
            "利润表",
            "现金流量表",
            "审计报告",
            "financial statement",
            "balance sheet",
        ],
    ),
    (
        DocumentKind::BankStatements,
        &["流水", "对账单", "bank statement"],
    ),
    (
        DocumentKind::TaxCertificate,
        &["纳税", "完税", "税收", "tax"],
    ),
    (
        DocumentKind::CreditReport,
        &["征信", "信用报告", "credit report"],
    ),
    (
        DocumentKind::FeasibilityStudy,
        &["可研", "可行性", "feasibility"],
    ),
    (
        DocumentKind::ProjectApproval,
        &["核准", "备案", "环评", "批复", "approval"],
    ),
    (
        DocumentKind::Collateral,
        &[
            "抵押",
            "质押",
            "不动产",
            "房产证",
            "土地使用权",
            "collateral",
            "mortgage",
        ],
    ),
    (
        DocumentKind::ApplicationForm,
        &["申请书", "申请表", "application"],
    ),
    (DocumentKind::Proposal, &["建议书", "proposal"]),
    (
        DocumentKind::Contract,
        &["合同", "协议", "contract", "agreement"],
    ),
];

/// Column headers of a bank's transaction export.
const BANK_HEADERS: [&str; 6] = ["交易日期", "余额", "借方", "贷方", "对方户名", "摘要"];

pub(crate) fn suggest_kind(file_name: &str, file_type: FileType, text: &str) -> DocumentKind {
    if file_type.is_spreadsheet() {
        let labels = super::statement::zh_labels()
            .filter(|l| text.contains(l))
            .count();
        if labels >= 3 {
            return DocumentKind::FinancialStatements;
        }
        if BANK_HEADERS.iter().filter(|h| text.contains(*h)).count() >= 3 {
            return DocumentKind::BankStatements;
        }
    }
    let by_content = CONTENT
        .iter()
        .find(|(_, words)| words.iter().any(|w| text.contains(w)));
    let name = file_name.to_lowercase();
    let by_name = NAME
        .iter()
        .find(|(_, words)| words.iter().any(|w| name.contains(w)));
    by_content
        .or(by_name)
        .map_or(DocumentKind::Other, |(kind, _)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_first_then_name_then_other() {
        let sheet = "流动资产合计 存货 资产总计 营业收入";
        assert_eq!(
            suggest_kind("a.xlsx", FileType::Xlsx, sheet),
            DocumentKind::FinancialStatements
        );
        assert_eq!(
            suggest_kind("x.csv", FileType::Csv, "交易日期,摘要,借方,贷方,余额"),
            DocumentKind::BankStatements
        );
        assert_eq!(
            suggest_kind("扫描件.pdf", FileType::Pdf, "统一社会信用代码"),
            DocumentKind::BusinessLicence
        );
        assert_eq!(
            suggest_kind("房产抵押合同.pdf", FileType::Pdf, ""),
            DocumentKind::Collateral
        );
        assert_eq!(
            suggest_kind("借款合同.docx", FileType::Docx, ""),
            DocumentKind::Contract
        );
        assert_eq!(
            suggest_kind("IMG_0001.jpg", FileType::Jpeg, ""),
            DocumentKind::Other
        );
    }
}
