//! Why an input was refused, as data: a stable [`RuleCode`] with `params`. Each code's text,
//! in Chinese and English, is here and nowhere else: the UI reads it from the generated
//! catalogue (`rule.<code>`), and `Display` gives the English sentence for the CLI and logs.
use std::collections::BTreeMap;
use std::fmt;

use crate::documents::StatementLine;
use crate::labels::{codes, fill, Text};
use crate::prefs::Language;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    Required,
    MaxChars(usize),
    /// Inclusive bounds, already formatted (integers, decimals, dates).
    Range {
        min: String,
        max: String,
    },
    AtMost(String),
    Positive,
    NotNegative,
    DecimalPlaces(u32),
    /// Must be below another field (grace below term, fee below principal).
    LessThan(&'static str),
    /// A date that must not be earlier than another field's.
    NotBefore(&'static str),
    Currency,
    Email,
    Phone,
    CreditCodeLength(usize),
    CreditCodeCharacter {
        position: usize,
        character: char,
    },
    CreditCodeCheck {
        expected: char,
        found: char,
    },
    /// Already used by another record (e.g. a credit code on client N).
    Duplicate(i64),
    PasswordTooShort(usize),
    PasswordsDiffer,
    TooMany(usize),
    /// The combination cannot be computed (e.g. a rate so high the schedule overflows).
    OutOfRange,
    /// An unknown enum value (a method, a day-count basis...).
    Unknown(String),
    /// The action is not allowed on this record (e.g. re-keying the demo vault).
    NotAllowed,
    /// A file with no bytes.
    EmptyFile,
    /// A file over the size limit (bytes).
    FileTooLarge {
        max: u64,
    },
    /// The content is none of the accepted types (PDF, JPEG, PNG, TIFF, XLSX, XLS, CSV, DOCX).
    UnknownFileType,
    /// The name promises one type (`.pdf`) and the bytes are another (`detected`, or "unknown").
    ExtensionMismatch {
        extension: String,
        detected: String,
    },
    /// The same file (SHA-256) is already document N of this client.
    DuplicateDocument(i64),
    /// The file claims a type but cannot be read as one (truncated zip, broken workbook).
    Corrupt,
    PasswordProtected,
    /// A zip container that would expand far beyond a real document.
    ZipBomb,
    /// A spreadsheet was expected (XLSX, XLS or CSV).
    NotSpreadsheet,
    /// OCR reads photos and scans: PNG, JPEG, TIFF, or a PDF of scanned pages.
    NotImageOrPdf,
    /// A PDF with no scanned page image in it (a text PDF is not a scan).
    NoPageImage,
    /// OCR found no text on the page.
    NoTextFound,
    /// The target of an export already exists; nothing is overwritten.
    FileExists,
    /// A statement without a header row of years.
    StatementNoYears,
    /// A required statement line is not in the file.
    StatementLineMissing {
        line: StatementLine,
    },
    /// A statement value that is empty or not a number, with its spreadsheet row (1-based).
    StatementValue {
        line: StatementLine,
        row: u32,
        year: i32,
        value: String,
    },
    /// Two columns of a statement claim the same year.
    StatementYearTwice {
        year: i32,
    },
    /// A date after today where only the past is possible (a signing, a repayment).
    NotInFuture,
    /// A date that must lie after today (a reminder snoozed until then).
    AfterToday,
    /// A disbursement after the loan's maturity.
    AfterMaturity,
    /// The first disbursement is not on the loan's disbursement date.
    FirstIsDisbursementDate,
    NotANumber,
    WholeNumber,
    /// Text that must follow a fixed shape (`DATE:AMOUNT` for a CLI disbursement).
    Format(&'static str),
    /// A repayment's order of allocation must name each part (复利, 罚息, interest,
    /// principal) exactly once.
    AllocationOrder,
    /// The loan is repaid and closed: nothing can change its schedule.
    LoanClosed,
    /// No period of the schedule is still to come (the loan is past maturity).
    NoPeriodsLeft,
    /// No LPR of the tenor is published on or before the day (公告〔2019〕第30号).
    NoLpr {
        tenor: String,
        on: String,
    },
    /// The day is not one of the loan's repricing days (1 January or the anniversary).
    NotRepricingDay,
    /// A drawing above what is left of the credit line (formatted amount).
    AboveAvailable {
        available: String,
    },
    /// A drawing outside the credit line's dates (inclusive).
    OutsideFacility {
        from: String,
        to: String,
    },
    /// A series that must have one figure per period of another (EBITDA beside the CFADS).
    SeriesLength(usize),
    /// A figure that follows from others (a rate of LPR + spread) and must be that value.
    MustBe(String),
    /// A calendar file's row that is not `date,holiday|workday,name,source` (line is 1-based).
    CalendarRow {
        line: usize,
        value: String,
    },
    /// A calendar file lists the same day twice.
    CalendarDayTwice {
        line: usize,
        date: String,
    },
    /// A client already in the vault has this very name (client N).
    SameName(i64),
    /// An earlier row of the same import file has this value (row is the sheet's, 1-based).
    DuplicateInFile {
        row: u32,
    },
    /// A client list without a header row naming the client-name column.
    ImportNoHeader,
    /// N rows of an import have problems: nothing was imported (the CLI without --skip-bad).
    RowsWithProblems(usize),
}

codes! {
    /// The stable name of each [`Rule`], sent to the UI as `ErrorPayload.rule`.
    RuleCode {
        Required = "required",
        MaxChars = "max_chars",
        Range = "range",
        AtMost = "at_most",
        Positive = "positive",
        NotNegative = "not_negative",
        DecimalPlaces = "decimal_places",
        LessThan = "less_than",
        NotBefore = "not_before",
        Currency = "currency",
        Email = "email",
        Phone = "phone",
        CreditCodeLength = "credit_code_length",
        CreditCodeCharacter = "credit_code_character",
        CreditCodeCheck = "credit_code_check",
        Duplicate = "duplicate",
        PasswordTooShort = "password_too_short",
        PasswordsDiffer = "passwords_differ",
        TooMany = "too_many",
        OutOfRange = "out_of_range",
        UnknownValue = "unknown_value",
        NotAllowed = "not_allowed",
        EmptyFile = "empty_file",
        FileTooLarge = "file_too_large",
        UnknownFileType = "unknown_file_type",
        ExtensionMismatch = "extension_mismatch",
        DuplicateDocument = "duplicate_document",
        Corrupt = "corrupt",
        PasswordProtected = "password_protected",
        ZipBomb = "zip_bomb",
        NotSpreadsheet = "not_spreadsheet",
        NotImageOrPdf = "not_image_or_pdf",
        NoPageImage = "no_page_image",
        NoTextFound = "no_text_found",
        FileExists = "file_exists",
        StatementNoYears = "statement_no_years",
        StatementLineMissing = "statement_line_missing",
        StatementValue = "statement_value",
        StatementYearTwice = "statement_year_twice",
        NotInFuture = "not_in_future",
        AfterToday = "after_today",
        AfterMaturity = "after_maturity",
        FirstIsDisbursementDate = "first_is_disbursement_date",
        NotANumber = "not_a_number",
        WholeNumber = "whole_number",
        Format = "format",
        AllocationOrder = "allocation_order",
        LoanClosed = "loan_closed",
        NoPeriodsLeft = "no_periods_left",
        NoLpr = "no_lpr",
        NotRepricingDay = "not_repricing_day",
        AboveAvailable = "above_available",
        OutsideFacility = "outside_facility",
        SeriesLength = "series_length",
        MustBe = "must_be",
        CalendarRow = "calendar_row",
        CalendarDayTwice = "calendar_day_twice",
        SameName = "same_name",
        DuplicateInFile = "duplicate_in_file",
        ImportNoHeader = "import_no_header",
        RowsWithProblems = "rows_with_problems",
    }
}

impl RuleCode {
    /// The reason as the officer reads it; `{{name}}` is filled from the rule's params.
    pub fn text(self) -> Text {
        use RuleCode as R;
        let (zh, en) = match self {
            R::Required => ("请填写此项。", "Required."),
            R::MaxChars => ("最多 {{n}} 个字符。", "At most {{n}} characters."),
            R::Range => ("应在 {{min}} 至 {{max}} 之间。", "Must be between {{min}} and {{max}}."),
            R::AtMost => ("不能超过 {{max}}。", "Must not exceed {{max}}."),
            R::Positive => ("必须大于 0。", "Must be greater than 0."),
            R::NotNegative => ("不能为负数。", "Must not be negative."),
            R::DecimalPlaces => ("最多保留 {{n}} 位小数。", "At most {{n}} decimal places."),
            R::LessThan => ("必须小于「{{other}}」。", "Must be less than “{{other}}”."),
            R::NotBefore => ("不能早于「{{other}}」。", "Must not be before “{{other}}”."),
            R::Currency => (
                "请填写 3 位大写字母的币种代码，如 CNY。",
                "Use a 3-letter currency code such as CNY.",
            ),
            R::Email => ("邮箱地址格式不正确。", "Not a valid email address."),
            R::Phone => (
                "只能包含数字、空格和 + - ( )。",
                "Only digits, spaces and + - ( ) are allowed.",
            ),
            R::CreditCodeLength => (
                "应为 18 位，当前为 {{n}} 位。",
                "Must be 18 characters; this has {{n}}.",
            ),
            R::CreditCodeCharacter => (
                "第 {{position}} 位的「{{character}}」不是有效字符。",
                "Character {{position}} (“{{character}}”) is not allowed.",
            ),
            R::CreditCodeCheck => (
                "校验码应为「{{expected}}」，实际为「{{found}}」。",
                "The check character is “{{found}}”; it should be “{{expected}}”.",
            ),
            R::Duplicate => (
                "已被另一家客户（编号 {{id}}）使用。",
                "Already used by another client (no. {{id}}).",
            ),
            R::PasswordTooShort => ("密码至少需要 {{n}} 个字符。", "At least {{n}} characters."),
            R::PasswordsDiffer => ("两次输入的密码不一致。", "The two passwords differ."),
            R::TooMany => ("已达上限（最多 {{n}} 个）。", "The limit of {{n}} has been reached."),
            R::OutOfRange => ("超出可计算的范围。", "Out of the range that can be computed."),
            R::UnknownValue => ("无法识别的取值「{{value}}」。", "Unknown value “{{value}}”."),
            R::NotAllowed => ("此处不允许此操作。", "Not allowed here."),
            R::EmptyFile => ("文件是空的。", "The file is empty."),
            R::FileTooLarge => (
                "文件超过 {{max_mb}} MB 的上限。",
                "The file is over the {{max_mb}} MB limit.",
            ),
            R::UnknownFileType => (
                "不是支持的文件类型（PDF、JPEG、PNG、TIFF、XLSX、XLS、CSV、DOCX）。",
                "Not a supported file type (PDF, JPEG, PNG, TIFF, XLSX, XLS, CSV, DOCX).",
            ),
            R::ExtensionMismatch => (
                "文件名是 .{{extension}}，但内容是 {{detected}}。",
                "The name ends in .{{extension}} but the content is {{detected}}.",
            ),
            R::DuplicateDocument => (
                "相同的文件已导入（文件编号 {{id}}）。",
                "The same file is already imported as document {{id}}.",
            ),
            R::Corrupt => ("文件已损坏，无法读取。", "The file is damaged and cannot be read."),
            R::PasswordProtected => (
                "文件设有密码，请另存为无密码的文件后再导入。",
                "The file is password-protected: save it without a password, then import it.",
            ),
            R::ZipBomb => (
                "文件解压后大小异常，已拒绝。",
                "The file would expand to an unreasonable size; refused.",
            ),
            R::NotSpreadsheet => ("不是 XLSX、XLS 或 CSV 表格。", "Not an XLSX, XLS or CSV spreadsheet."),
            R::NotImageOrPdf => (
                "不是照片或扫描件（PNG、JPEG、TIFF 或扫描的 PDF）。",
                "Not a photo or a scan (PNG, JPEG, TIFF or a scanned PDF).",
            ),
            R::NoPageImage => (
                "该 PDF 中没有扫描页图像（文字版 PDF 无需识别）。",
                "The PDF has no scanned page image (a text PDF needs no OCR).",
            ),
            R::NoTextFound => ("页面上没有识别到文字。", "No text was found on the page."),
            R::FileExists => (
                "该文件已存在，请换一个文件名。",
                "That file already exists; choose another name.",
            ),
            R::StatementNoYears => (
                "找不到年度表头行（如 2023、2024）。",
                "No header row with years (such as 2023, 2024) was found.",
            ),
            R::StatementLineMissing => (
                "缺少必需的报表项目「{{line}}」。",
                "The required line “{{line}}” is missing.",
            ),
            R::StatementValue => (
                "报表项目「{{line}}」（第 {{row}} 行，{{year}} 年）的数值为空或不是数字：「{{value}}」。",
                "The line “{{line}}” (row {{row}}, year {{year}}) is empty or not a number: “{{value}}”.",
            ),
            R::StatementYearTwice => (
                "年度 {{year}} 在表头中出现了两次。",
                "The year {{year}} appears twice in the header row.",
            ),
            R::NotInFuture => ("不能晚于今天。", "Must not be later than today."),
            R::AfterToday => ("应晚于今天。", "Must be after today."),
            R::AfterMaturity => ("应早于贷款到期日。", "Must be before the loan matures."),
            R::FirstIsDisbursementDate => (
                "首笔放款应在贷款的放款日。",
                "The first disbursement must be on the loan's disbursement date.",
            ),
            R::NotANumber => ("请输入数字。", "Enter a number."),
            R::WholeNumber => ("请输入整数。", "Enter a whole number."),
            R::Format => ("格式应为 {{format}}。", "Must be written as {{format}}."),
            R::AllocationOrder => (
                "复利、罚息、利息、本金应各出现一次。",
                "Compound interest, penalty interest, interest and principal must each appear once.",
            ),
            R::LoanClosed => ("该贷款已结清。", "The loan is closed."),
            R::NoPeriodsLeft => ("没有尚未到期的期次。", "No period of the loan is still to come."),
            R::NoLpr => (
                "{{on}} 及之前没有已公布的 {{tenor}} LPR。",
                "No {{tenor}} LPR is published on or before {{on}}.",
            ),
            R::NotRepricingDay => (
                "不是该贷款的重定价日。",
                "Not a repricing day of this loan.",
            ),
            R::AboveAvailable => (
                "超过授信可用额度（可用 {{available}}）。",
                "Above what is available on the credit line ({{available}}).",
            ),
            R::OutsideFacility => (
                "不在授信期限（{{from}} 至 {{to}}）内。",
                "Outside the credit line's dates ({{from}} to {{to}}).",
            ),
            R::SeriesLength => (
                "应有 {{n}} 期数据，与现金流（CFADS）期数相同。",
                "Must have {{n}} figures, one per CFADS period.",
            ),
            R::MustBe => ("应为 {{value}}。", "Must be {{value}}."),
            R::CalendarRow => (
                "第 {{row}} 行不是有效的日历行（日期,holiday 或 workday,名称,来源）：「{{value}}」。",
                "Line {{row}} is not a calendar row (date,holiday or workday,name,source): “{{value}}”.",
            ),
            R::CalendarDayTwice => (
                "第 {{row}} 行的日期 {{on}} 在文件中重复出现。",
                "Line {{row}}: the day {{on}} is listed twice in the file.",
            ),
            R::SameName => (
                "已有同名客户（编号 {{id}}）。",
                "A client of this name exists already (no. {{id}}).",
            ),
            R::DuplicateInFile => (
                "与文件第 {{row}} 行重复。",
                "The same as row {{row}} of the file.",
            ),
            R::ImportNoHeader => (
                "找不到表头行：前几行中应有「客户名称」列（可先保存模板对照）。",
                "No header row: one of the first rows must name the “Name” column (the template shows the layout).",
            ),
            R::RowsWithProblems => (
                "有 {{n}} 行存在问题，未导入任何客户。",
                "{{n}} rows have problems; no client was imported.",
            ),
        };
        Text::new(zh, en)
    }
}

impl Rule {
    pub fn code(&self) -> RuleCode {
        use RuleCode as R;
        match self {
            Rule::Required => R::Required,
            Rule::MaxChars(_) => R::MaxChars,
            Rule::Range { .. } => R::Range,
            Rule::AtMost(_) => R::AtMost,
            Rule::Positive => R::Positive,
            Rule::NotNegative => R::NotNegative,
            Rule::DecimalPlaces(_) => R::DecimalPlaces,
            Rule::LessThan(_) => R::LessThan,
            Rule::NotBefore(_) => R::NotBefore,
            Rule::Currency => R::Currency,
            Rule::Email => R::Email,
            Rule::Phone => R::Phone,
            Rule::CreditCodeLength(_) => R::CreditCodeLength,
            Rule::CreditCodeCharacter { .. } => R::CreditCodeCharacter,
            Rule::CreditCodeCheck { .. } => R::CreditCodeCheck,
            Rule::Duplicate(_) => R::Duplicate,
            Rule::PasswordTooShort(_) => R::PasswordTooShort,
            Rule::PasswordsDiffer => R::PasswordsDiffer,
            Rule::TooMany(_) => R::TooMany,
            Rule::OutOfRange => R::OutOfRange,
            Rule::Unknown(_) => R::UnknownValue,
            Rule::NotAllowed => R::NotAllowed,
            Rule::EmptyFile => R::EmptyFile,
            Rule::FileTooLarge { .. } => R::FileTooLarge,
            Rule::UnknownFileType => R::UnknownFileType,
            Rule::ExtensionMismatch { .. } => R::ExtensionMismatch,
            Rule::DuplicateDocument(_) => R::DuplicateDocument,
            Rule::Corrupt => R::Corrupt,
            Rule::PasswordProtected => R::PasswordProtected,
            Rule::ZipBomb => R::ZipBomb,
            Rule::NotSpreadsheet => R::NotSpreadsheet,
            Rule::NotImageOrPdf => R::NotImageOrPdf,
            Rule::NoPageImage => R::NoPageImage,
            Rule::NoTextFound => R::NoTextFound,
            Rule::FileExists => R::FileExists,
            Rule::StatementNoYears => R::StatementNoYears,
            Rule::StatementLineMissing { .. } => R::StatementLineMissing,
            Rule::StatementValue { .. } => R::StatementValue,
            Rule::StatementYearTwice { .. } => R::StatementYearTwice,
            Rule::NotInFuture => R::NotInFuture,
            Rule::AfterToday => R::AfterToday,
            Rule::AfterMaturity => R::AfterMaturity,
            Rule::FirstIsDisbursementDate => R::FirstIsDisbursementDate,
            Rule::NotANumber => R::NotANumber,
            Rule::WholeNumber => R::WholeNumber,
            Rule::Format(_) => R::Format,
            Rule::AllocationOrder => R::AllocationOrder,
            Rule::LoanClosed => R::LoanClosed,
            Rule::NoPeriodsLeft => R::NoPeriodsLeft,
            Rule::NoLpr { .. } => R::NoLpr,
            Rule::NotRepricingDay => R::NotRepricingDay,
            Rule::AboveAvailable { .. } => R::AboveAvailable,
            Rule::OutsideFacility { .. } => R::OutsideFacility,
            Rule::SeriesLength(_) => R::SeriesLength,
            Rule::MustBe(_) => R::MustBe,
            Rule::CalendarRow { .. } => R::CalendarRow,
            Rule::CalendarDayTwice { .. } => R::CalendarDayTwice,
            Rule::SameName(_) => R::SameName,
            Rule::DuplicateInFile { .. } => R::DuplicateInFile,
            Rule::ImportNoHeader => R::ImportNoHeader,
            Rule::RowsWithProblems(_) => R::RowsWithProblems,
        }
    }

    /// Stable key: `rule.<key>` in the catalogue.
    pub fn key(&self) -> &'static str {
        self.code().as_str()
    }

    /// The reason in `lang`, with a statement line named in that language.
    pub fn message(&self, lang: Language) -> String {
        let mut params = self.params();
        if let Rule::StatementLineMissing { line } | Rule::StatementValue { line, .. } = self {
            params.insert("line".into(), line.text().get(lang).to_owned());
        }
        fill(self.code().text().get(lang), &params)
    }

    pub fn params(&self) -> BTreeMap<String, String> {
        let mut p = BTreeMap::new();
        let mut put = |k: &str, v: String| {
            p.insert(k.to_string(), v);
        };
        match self {
            Rule::MaxChars(n)
            | Rule::PasswordTooShort(n)
            | Rule::TooMany(n)
            | Rule::SeriesLength(n)
            | Rule::RowsWithProblems(n)
            | Rule::CreditCodeLength(n) => put("n", n.to_string()),
            Rule::Range { min, max } => {
                put("min", min.clone());
                put("max", max.clone());
            }
            Rule::AtMost(max) => put("max", max.clone()),
            Rule::DecimalPlaces(n) => put("n", n.to_string()),
            Rule::LessThan(f) | Rule::NotBefore(f) => put("other", f.to_string()),
            Rule::CreditCodeCharacter {
                position,
                character,
            } => {
                put("position", position.to_string());
                put("character", character.to_string());
            }
            Rule::CreditCodeCheck { expected, found } => {
                put("expected", expected.to_string());
                put("found", found.to_string());
            }
            Rule::Duplicate(id) | Rule::DuplicateDocument(id) | Rule::SameName(id) => {
                put("id", id.to_string())
            }
            Rule::DuplicateInFile { row } => put("row", row.to_string()),
            Rule::Unknown(v) | Rule::MustBe(v) => put("value", v.clone()),
            Rule::StatementYearTwice { year } => put("year", year.to_string()),
            Rule::Format(format) => put("format", format.to_string()),
            Rule::NoLpr { tenor, on } => {
                put("tenor", tenor.clone());
                put("on", on.clone());
            }
            Rule::AboveAvailable { available } => put("available", available.clone()),
            Rule::OutsideFacility { from, to } => {
                put("from", from.clone());
                put("to", to.clone());
            }
            Rule::FileTooLarge { max } => {
                put("max", max.to_string());
                put("max_mb", megabytes(*max));
            }
            Rule::ExtensionMismatch {
                extension,
                detected,
            } => {
                put("extension", extension.clone());
                put("detected", detected.clone());
            }
            // The line's key: the UI names it in the officer's language.
            Rule::StatementLineMissing { line } => put("line", line.as_str().to_owned()),
            Rule::StatementValue {
                line,
                row,
                year,
                value,
            } => {
                put("line", line.as_str().to_owned());
                put("row", row.to_string());
                put("year", year.to_string());
                put("value", value.clone());
            }
            // `row`, not `line`: the UI reads a `line` as a statement line's key.
            Rule::CalendarRow { line, value } => {
                put("row", line.to_string());
                put("value", value.clone());
            }
            Rule::CalendarDayTwice { line, date } => {
                put("row", line.to_string());
                put("on", date.clone());
            }
            _ => {}
        }
        p
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

/// Sizes for people: 52428800 → "50", 1536 → "0.0015" (trailing zeros dropped).
fn megabytes(bytes: u64) -> String {
    let mb = rust_decimal::Decimal::from(bytes) / rust_decimal::Decimal::from(1_048_576u32);
    mb.round_dp(4).normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::placeholders;

    /// One of each rule, with parameters.
    fn samples() -> Vec<Rule> {
        let line = StatementLine::Inventory;
        vec![
            Rule::Required,
            Rule::MaxChars(200),
            Rule::Range {
                min: "1".into(),
                max: "600".into(),
            },
            Rule::AtMost("100".into()),
            Rule::Positive,
            Rule::NotNegative,
            Rule::DecimalPlaces(2),
            Rule::LessThan("term_months"),
            Rule::NotBefore("disbursement_date"),
            Rule::Currency,
            Rule::Email,
            Rule::Phone,
            Rule::CreditCodeLength(17),
            Rule::CreditCodeCharacter {
                position: 3,
                character: 'I',
            },
            Rule::CreditCodeCheck {
                expected: '3',
                found: 'X',
            },
            Rule::Duplicate(4),
            Rule::PasswordTooShort(8),
            Rule::PasswordsDiffer,
            Rule::TooMany(3),
            Rule::OutOfRange,
            Rule::Unknown("weekly".into()),
            Rule::NotAllowed,
            Rule::EmptyFile,
            Rule::FileTooLarge { max: 52_428_800 },
            Rule::UnknownFileType,
            Rule::ExtensionMismatch {
                extension: "pdf".into(),
                detected: "PNG".into(),
            },
            Rule::DuplicateDocument(9),
            Rule::Corrupt,
            Rule::PasswordProtected,
            Rule::ZipBomb,
            Rule::NotSpreadsheet,
            Rule::NotImageOrPdf,
            Rule::NoPageImage,
            Rule::NoTextFound,
            Rule::FileExists,
            Rule::StatementNoYears,
            Rule::StatementLineMissing { line },
            Rule::StatementValue {
                line,
                row: 7,
                year: 2024,
                value: "n/a".into(),
            },
            Rule::StatementYearTwice { year: 2024 },
            Rule::NotInFuture,
            Rule::AfterToday,
            Rule::AfterMaturity,
            Rule::FirstIsDisbursementDate,
            Rule::NotANumber,
            Rule::WholeNumber,
            Rule::Format("DATE:AMOUNT"),
            Rule::AllocationOrder,
            Rule::LoanClosed,
            Rule::NoPeriodsLeft,
            Rule::NoLpr {
                tenor: "5y".into(),
                on: "2026-01-01".into(),
            },
            Rule::NotRepricingDay,
            Rule::AboveAvailable {
                available: "17,000,000.00".into(),
            },
            Rule::OutsideFacility {
                from: "2026-01-01".into(),
                to: "2026-12-31".into(),
            },
            Rule::SeriesLength(5),
            Rule::MustBe("4.20".into()),
            Rule::CalendarRow {
                line: 3,
                value: "2026-02-30,holiday".into(),
            },
            Rule::CalendarDayTwice {
                line: 9,
                date: "2026-02-16".into(),
            },
            Rule::SameName(12),
            Rule::DuplicateInFile { row: 4 },
            Rule::ImportNoHeader,
            Rule::RowsWithProblems(2),
        ]
    }

    #[test]
    fn every_rule_has_a_text_in_both_languages_that_its_params_fill() {
        let samples = samples();
        let mut covered: Vec<RuleCode> = samples.iter().map(Rule::code).collect();
        covered.dedup();
        assert_eq!(covered, RuleCode::ALL, "one sample per code, in order");
        for rule in samples {
            let text = rule.code().text();
            assert!(!text.zh.is_empty() && !text.en.is_empty(), "{rule:?}");
            let params = rule.params();
            for name in placeholders(text.zh) {
                assert!(params.contains_key(name), "{rule:?} lacks {name}");
            }
            for lang in [Language::Zh, Language::En] {
                assert!(!rule.message(lang).contains("{{"), "{rule:?}");
            }
        }
    }

    #[test]
    fn statement_lines_travel_as_keys_and_read_in_the_language() {
        let rule = Rule::StatementLineMissing {
            line: StatementLine::Inventory,
        };
        assert_eq!(rule.params()["line"], "inventory");
        assert_eq!(rule.message(Language::Zh), "缺少必需的报表项目「存货」。");
        assert_eq!(
            rule.to_string(),
            "The required line “Inventory” is missing."
        );
    }
}
