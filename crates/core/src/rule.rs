//! Why an input was refused, as data: the UI translates `key` with `params` into the officer's
//! language; `Display` gives the English sentence for the CLI and logs.
use std::collections::BTreeMap;
use std::fmt;

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
    /// The target of an export already exists; nothing is overwritten.
    FileExists,
    /// A statement without a header row of years.
    StatementNoYears,
    /// A required statement line (its label, zh and en) is not in the file.
    StatementLineMissing {
        line: String,
    },
    /// A statement value that is empty or not a number, with its spreadsheet row (1-based).
    StatementValue {
        line: String,
        row: u32,
        year: i32,
        value: String,
    },
    /// A reason with no translation yet; the UI shows it as is. Prefer a specific rule.
    Other(String),
}

impl Rule {
    /// Stable key: `validation.<key>` in the UI catalogues.
    pub fn key(&self) -> &'static str {
        match self {
            Rule::Required => "required",
            Rule::MaxChars(_) => "max_chars",
            Rule::Range { .. } => "range",
            Rule::AtMost(_) => "at_most",
            Rule::Positive => "positive",
            Rule::NotNegative => "not_negative",
            Rule::DecimalPlaces(_) => "decimal_places",
            Rule::LessThan(_) => "less_than",
            Rule::NotBefore(_) => "not_before",
            Rule::Currency => "currency",
            Rule::Email => "email",
            Rule::Phone => "phone",
            Rule::CreditCodeLength(_) => "credit_code_length",
            Rule::CreditCodeCharacter { .. } => "credit_code_character",
            Rule::CreditCodeCheck { .. } => "credit_code_check",
            Rule::Duplicate(_) => "duplicate",
            Rule::PasswordTooShort(_) => "password_too_short",
            Rule::PasswordsDiffer => "passwords_differ",
            Rule::TooMany(_) => "too_many",
            Rule::OutOfRange => "out_of_range",
            Rule::Unknown(_) => "unknown_value",
            Rule::NotAllowed => "not_allowed",
            Rule::EmptyFile => "empty_file",
            Rule::FileTooLarge { .. } => "file_too_large",
            Rule::UnknownFileType => "unknown_file_type",
            Rule::ExtensionMismatch { .. } => "extension_mismatch",
            Rule::DuplicateDocument(_) => "duplicate_document",
            Rule::Corrupt => "corrupt",
            Rule::PasswordProtected => "password_protected",
            Rule::ZipBomb => "zip_bomb",
            Rule::NotSpreadsheet => "not_spreadsheet",
            Rule::FileExists => "file_exists",
            Rule::StatementNoYears => "statement_no_years",
            Rule::StatementLineMissing { .. } => "statement_line_missing",
            Rule::StatementValue { .. } => "statement_value",
            Rule::Other(_) => "other",
        }
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
            Rule::Duplicate(id) | Rule::DuplicateDocument(id) => put("id", id.to_string()),
            Rule::Unknown(v) | Rule::Other(v) => put("value", v.clone()),
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
            Rule::StatementLineMissing { line } => put("line", line.clone()),
            Rule::StatementValue {
                line,
                row,
                year,
                value,
            } => {
                put("line", line.clone());
                put("row", row.to_string());
                put("year", year.to_string());
                put("value", value.clone());
            }
            _ => {}
        }
        p
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Required => write!(f, "is required"),
            Rule::MaxChars(n) => write!(f, "at most {n} characters"),
            Rule::Range { min, max } => write!(f, "must be between {min} and {max}"),
            Rule::AtMost(max) => write!(f, "must not exceed {max}"),
            Rule::Positive => write!(f, "must be greater than 0"),
            Rule::NotNegative => write!(f, "must not be negative"),
            Rule::DecimalPlaces(n) => write!(f, "must have at most {n} decimal places"),
            Rule::LessThan(other) => write!(f, "must be less than {other}"),
            Rule::NotBefore(other) => write!(f, "must not be before {other}"),
            Rule::Currency => write!(f, "must be a 3-letter ISO code such as CNY"),
            Rule::Email => write!(f, "is not an email address"),
            Rule::Phone => write!(f, "may hold only digits, spaces and + - ( )"),
            Rule::CreditCodeLength(n) => write!(f, "must be 18 characters, got {n}"),
            Rule::CreditCodeCharacter {
                position,
                character,
            } => {
                write!(f, "character {position} ('{character}') is not allowed")
            }
            Rule::CreditCodeCheck { expected, found } => {
                write!(f, "check character is '{found}', expected '{expected}'")
            }
            Rule::Duplicate(id) => write!(f, "already used by client {id}"),
            Rule::PasswordTooShort(n) => write!(f, "at least {n} characters"),
            Rule::PasswordsDiffer => write!(f, "the two passwords differ"),
            Rule::TooMany(n) => write!(f, "at most {n} allowed"),
            Rule::OutOfRange => write!(f, "out of the range that can be computed"),
            Rule::Unknown(v) => write!(f, "unknown value '{v}'"),
            Rule::NotAllowed => write!(f, "is not allowed here"),
            Rule::EmptyFile => write!(f, "the file is empty"),
            Rule::FileTooLarge { max } => {
                write!(
                    f,
                    "the file is larger than the limit of {} MB",
                    megabytes(*max)
                )
            }
            Rule::UnknownFileType => write!(
                f,
                "is not a PDF, JPEG, PNG, TIFF, XLSX, XLS, CSV or DOCX file"
            ),
            Rule::ExtensionMismatch {
                extension,
                detected,
            } => write!(f, "is named .{extension} but its content is {detected}"),
            Rule::DuplicateDocument(id) => {
                write!(f, "the same file is already imported as document {id}")
            }
            Rule::Corrupt => write!(f, "the file is damaged and cannot be read"),
            Rule::PasswordProtected => {
                write!(
                    f,
                    "the file is password-protected: save it without a password"
                )
            }
            Rule::ZipBomb => write!(f, "the file would expand to an unreasonable size"),
            Rule::NotSpreadsheet => write!(f, "is not an XLSX, XLS or CSV spreadsheet"),
            Rule::FileExists => write!(f, "the file already exists; choose another name"),
            Rule::StatementNoYears => {
                write!(f, "no header row with years (e.g. 2023, 2024) was found")
            }
            Rule::StatementLineMissing { line } => write!(f, "the line '{line}' is missing"),
            Rule::StatementValue {
                line,
                row,
                year,
                value,
            } => {
                if value.is_empty() {
                    write!(f, "row {row} '{line}', {year}: no value")
                } else {
                    write!(f, "row {row} '{line}', {year}: '{value}' is not a number")
                }
            }
            Rule::Other(reason) => write!(f, "{reason}"),
        }
    }
}

/// Sizes for people: 52428800 → "50", 1536 → "0.0015" (trailing zeros dropped).
fn megabytes(bytes: u64) -> String {
    let mb = rust_decimal::Decimal::from(bytes) / rust_decimal::Decimal::from(1_048_576u32);
    mb.round_dp(4).normalize().to_string()
}
