//! The stable codes of [`crate::Error`] the UI and scripts switch on, each with the message the
//! officer reads. The UI takes both from the generated bindings (`ErrorCode`, `error.<code>`).
use crate::labels::{codes, Text};

codes! {
    /// `ErrorPayload.code`.
    ErrorCode {
        WrongPassword = "wrong_password",
        VaultMissing = "vault_missing",
        VaultExists = "vault_exists",
        VaultTooNew = "vault_too_new",
        NotAVault = "not_a_vault",
        Validation = "validation",
        NotFound = "not_found",
        Locked = "locked",
        NoScenario = "no_scenario",
        TryLater = "try_later",
        Damaged = "damaged",
        GateRefused = "gate_refused",
        Database = "database",
        Io = "io",
        Pdf = "pdf",
        FileInUse = "file_in_use",
        Internal = "internal",
        DocumentUnreadable = "document_unreadable",
        OcrUnavailable = "ocr_unavailable",
        OcrFailed = "ocr_failed",
        Cancelled = "cancelled",
    }
}

impl ErrorCode {
    /// What the officer reads; `try_later` is filled with `{{seconds}}`.
    pub fn text(self) -> Text {
        use ErrorCode as E;
        let (zh, en) = match self {
            E::WrongPassword => ("错误的密码，请重新输入。", "Wrong password. Please try again."),
            E::VaultMissing => ("找不到保险库文件。", "The vault file cannot be found."),
            E::VaultExists => (
                "保险库已经存在，请直接解锁。",
                "A vault already exists: unlock it instead.",
            ),
            E::VaultTooNew => (
                "该保险库由更新版本的 LoanDesk 创建，请先升级本应用。",
                "This vault was written by a newer LoanDesk. Please update the app first.",
            ),
            E::NotAVault => (
                "该文件不是 LoanDesk 保险库，或者已经损坏。",
                "The file is not a LoanDesk vault, or it is damaged.",
            ),
            E::Validation => (
                "输入内容有误，请检查后重试。",
                "Some input is not valid. Please check it and try again.",
            ),
            E::NotFound => (
                "找不到该记录，它可能已被删除。",
                "The record cannot be found; it may have been deleted.",
            ),
            E::Locked => (
                "保险库已锁定，请重新解锁。",
                "The vault is locked. Please unlock it again.",
            ),
            E::NoScenario => (
                "该客户没有拟议方案：请先在贷款测算中保存一个。",
                "This client has no proposed loan: save one in the calculator first.",
            ),
            E::TryLater => (
                "密码错误次数过多，请等待 {{seconds}} 秒后再试。",
                "Too many wrong passwords. Please wait {{seconds}} s before trying again.",
            ),
            E::Damaged => (
                "保险库未通过完整性检查，因此没有打开，不会读取任何损坏的数据。请从备份恢复。",
                "The vault failed its integrity check and was not opened, so nothing damaged is read. Restore it from a backup.",
            ),
            E::GateRefused => (
                "还有必需的清单项目未完成，不能进入下一阶段。",
                "Required checklist items are still open: the client cannot advance yet.",
            ),
            E::Database => ("数据库出错，操作未完成。", "A database error stopped the operation."),
            E::Io => ("读写文件时出错，操作未完成。", "A file error stopped the operation."),
            E::Pdf => ("生成 PDF 时出错，未导出。", "The PDF could not be made; nothing was exported."),
            E::FileInUse => (
                "该文件正被其他程序打开（例如 PDF 阅读器或 Excel），无法替换。请关闭该文件后重试。",
                "The file is open in another program (a PDF viewer or Excel, for example) and cannot be replaced. Close it and try again.",
            ),
            E::Internal => (
                "发生内部错误，为安全起见保险库已锁定，请重新解锁。",
                "An internal error occurred and the vault was locked for safety. Please unlock it again.",
            ),
            E::DocumentUnreadable => (
                "无法读取该文件：内容已损坏，或与文件类型不符。",
                "The file cannot be read: its content is damaged or not what its type promises.",
            ),
            E::OcrUnavailable => (
                "文字识别组件缺失，请重新安装 LoanDesk。",
                "The text recognition files are missing. Please reinstall LoanDesk.",
            ),
            E::OcrFailed => (
                "文字识别出错，未读取任何内容。",
                "Text recognition failed; nothing was read.",
            ),
            E::Cancelled => ("已取消。", "Cancelled."),
        };
        Text::new(zh, en)
    }
}
