//! Bulk import of the officer's existing client list (XLSX, XLS or CSV: name, credit code,
//! contact, phone, industry, tier, stage). [`preview_import`] reads the file and checks every
//! row by the same rules as the client form, plus duplicates by credit code or name inside the
//! file and against the vault; nothing is stored. [`Vault::import_clients`] stores the rows the
//! officer confirmed, checked again, in one transaction: all of them or none.
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::model::{ClientInput, Contact, Tier};
use super::{industry, validate};
use crate::error::{Error, Result};
use crate::labels::Text;
use crate::rule::{Rule, RuleCode};
use crate::vault::{audit_record, Vault};

/// An officer's list is a few hundred rows; a file this large is not one.
pub const MAX_IMPORT_BYTES: u64 = 10 * 1024 * 1024;
/// Rows read after the header; beyond it the preview says the file was cut.
pub const MAX_IMPORT_ROWS: u32 = 5_000;
/// The header row is looked for among the first rows (a title may come first).
const HEADER_SEARCH_ROWS: usize = 10;

crate::labels::labelled! {
    /// The columns the import reads, in the template's order.
    pub enum ImportColumn {
        Name = "name" => ("客户名称", "Name"),
        CreditCode = "credit_code" => ("统一社会信用代码", "Credit code"),
        Contact = "contact" => ("联系人", "Contact"),
        Phone = "phone" => ("联系电话", "Phone"),
        Industry = "industry" => ("行业", "Industry"),
        Tier = "tier" => ("客户分层", "Tier"),
        Stage = "stage" => ("阶段", "Stage"),
    }
}

impl ImportColumn {
    /// Headings officers use for the column, compared without case, spaces or brackets.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            ImportColumn::Name => &[
                "客户名称",
                "企业名称",
                "公司名称",
                "单位名称",
                "客户",
                "名称",
                "name",
                "clientname",
                "client",
                "company",
                "companyname",
            ],
            ImportColumn::CreditCode => &[
                "统一社会信用代码",
                "社会信用代码",
                "信用代码",
                "creditcode",
                "unifiedsocialcreditcode",
                "uscc",
            ],
            ImportColumn::Contact => &[
                "联系人",
                "联系人姓名",
                "联系人名称",
                "contact",
                "contactperson",
                "contactname",
            ],
            ImportColumn::Phone => &[
                "联系电话",
                "电话",
                "手机",
                "手机号",
                "手机号码",
                "联系方式",
                "phone",
                "mobile",
                "telephone",
                "tel",
            ],
            ImportColumn::Industry => &["行业", "所属行业", "行业分类", "industry"],
            ImportColumn::Tier => &["客户分层", "分层", "客户等级", "等级", "tier"],
            ImportColumn::Stage => &["阶段", "客户阶段", "所处阶段", "stage"],
        }
    }

    /// The column a form field's error belongs to.
    fn of_field(field: &str) -> ImportColumn {
        match field {
            "credit_code" => ImportColumn::CreditCode,
            "industry_code" | "industry" => ImportColumn::Industry,
            "tier" => ImportColumn::Tier,
            "stage" => ImportColumn::Stage,
            f if f.ends_with(".phone") => ImportColumn::Phone,
            f if f.starts_with("contacts.") => ImportColumn::Contact,
            _ => ImportColumn::Name,
        }
    }
}

/// Why a row cannot be imported: the column and the rule, its text in `rule.<code>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportProblem {
    pub column: ImportColumn,
    pub rule: RuleCode,
    pub params: BTreeMap<String, String>,
}

impl ImportProblem {
    fn new(column: ImportColumn, rule: &Rule) -> Self {
        ImportProblem {
            column,
            rule: rule.code(),
            params: rule.params(),
        }
    }

    /// A duplicate of a client in the vault or of an earlier row, rather than a bad value.
    pub fn is_duplicate(&self) -> bool {
        matches!(
            self.rule,
            RuleCode::Duplicate | RuleCode::SameName | RuleCode::DuplicateInFile
        )
    }
}

/// One row of the file, as it would be stored.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportRow {
    /// The row's number in the sheet, as Excel shows it.
    pub row: u32,
    /// Normalised as the client form would store it (when the row is importable).
    pub client: ClientInput,
    /// Empty: the row can be imported.
    pub problems: Vec<ImportProblem>,
    /// The industry was given but is not an obvious GB/T 4754 section or division: it is kept
    /// as written under "other".
    pub industry_unclassified: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportPreview {
    /// The file's name (not its path), to say what was read.
    pub file_name: String,
    /// The columns found, in the file's order.
    pub columns: Vec<ImportColumn>,
    /// Headings of columns the import does not read.
    pub ignored_columns: Vec<String>,
    pub rows: Vec<ImportRow>,
    pub ready: u32,
    pub duplicates: u32,
    /// Rows with a bad value (and not only a duplicate).
    pub invalid: u32,
    /// The file has more rows than [`MAX_IMPORT_ROWS`]; the rest were not read.
    pub truncated: bool,
}

/// What was stored: the new clients' ids in the order of the rows sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportResult {
    pub ids: Vec<i64>,
}

/// How a heading is compared.
fn heading_key(s: &str) -> String {
    let s = s.trim();
    // "客户名称（Name）" as the template writes it: the part before a bracket.
    let s = s.split(['(', '（', '[', '【']).next().unwrap_or(s);
    s.chars()
        .filter(|c| !c.is_whitespace() && !"*_-:：".contains(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn column_of(heading: &str) -> Option<ImportColumn> {
    let key = heading_key(heading);
    ImportColumn::ALL
        .iter()
        .copied()
        .find(|c| c.aliases().contains(&key.as_str()))
}

/// The header row: the first near the top naming the client-name column.
fn header(rows: &[Vec<String>]) -> Option<(usize, Vec<Option<ImportColumn>>)> {
    rows.iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, r)| {
            let cols: Vec<Option<ImportColumn>> = r.iter().map(|h| column_of(h)).collect();
            cols.contains(&Some(ImportColumn::Name))
                .then_some((i, cols))
        })
}

fn tier_of(s: &str) -> Option<Tier> {
    let t = s.trim().trim_end_matches(['类', '级', '档']).trim();
    Tier::parse(&t.to_uppercase())
}

/// 1–5, "3 深入与需求分析", a stage's name in either language, or "阶段3" / "stage 3".
fn stage_of(s: &str) -> Option<u8> {
    let t = s.trim();
    let digits: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
    if let Ok(n @ 1..=5) = digits.parse::<u8>() {
        return Some(n);
    }
    let key = heading_key(t);
    crate::journey::STAGES
        .iter()
        .find(|(_, zh, en)| heading_key(zh) == key || heading_key(en) == key)
        .map(|(n, _, _)| *n)
}

/// A row's cells as a client, and the problems of the cells that are not a form field.
fn row_input(cells: &BTreeMap<ImportColumn, String>) -> (ClientInput, Vec<ImportProblem>) {
    let get = |c: ImportColumn| cells.get(&c).map(|s| s.trim()).unwrap_or("");
    let mut problems = Vec::new();
    let mut input = ClientInput::named(get(ImportColumn::Name));
    let optional = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    input.credit_code = optional(get(ImportColumn::CreditCode));
    input.industry = optional(get(ImportColumn::Industry));
    let (contact, phone) = (get(ImportColumn::Contact), get(ImportColumn::Phone));
    if !contact.is_empty() || !phone.is_empty() {
        input.contacts.push(Contact {
            name: contact.to_owned(),
            phone: phone.to_owned(),
            ..Contact::default()
        });
    }
    let tier = get(ImportColumn::Tier);
    if !tier.is_empty() {
        match tier_of(tier) {
            Some(t) => input.tier = t,
            None => problems.push(ImportProblem::new(
                ImportColumn::Tier,
                &Rule::Unknown(tier.to_owned()),
            )),
        }
    }
    let stage = get(ImportColumn::Stage);
    if !stage.is_empty() {
        match stage_of(stage) {
            Some(n) => input.stage = n,
            None => problems.push(ImportProblem::new(
                ImportColumn::Stage,
                &Rule::Range {
                    min: "1".into(),
                    max: "5".into(),
                },
            )),
        }
    }
    (input, problems)
}

/// Every problem the client form's rules find, not only the first: each failing field is
/// recorded, replaced by a harmless value, and the rules run again (a row has a few fields).
/// The client as the form would store it, or as read when it has problems.
fn form_problems(input: ClientInput) -> (ClientInput, Vec<ImportProblem>) {
    let mut problems = Vec::new();
    let mut probe = input.clone();
    for _ in 0..8 {
        match validate::client(&probe) {
            Ok(valid) if problems.is_empty() => return (valid, problems),
            Ok(_) => break,
            Err(Error::Validation { field, rule }) => {
                problems.push(ImportProblem::new(ImportColumn::of_field(&field), &rule));
                let contact = probe.contacts.first_mut();
                match (field.as_str(), contact) {
                    ("name", _) => probe.name = "-".into(),
                    ("credit_code", _) => probe.credit_code = None,
                    ("industry_code", _) => probe.industry_code = None,
                    (f, Some(c)) if f.ends_with(".name") => c.name = "-".into(),
                    (f, Some(c)) if f.ends_with(".phone") => c.phone.clear(),
                    (f, Some(c)) if f.ends_with(".email") => c.email.clear(),
                    _ => break,
                }
            }
            Err(_) => break,
        }
    }
    (input, problems)
}

fn existing_by_code(conn: &Connection, code: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM clients WHERE credit_code = ?1")?
        .query_row([code], |r| r.get(0))
        .optional()?)
}

fn existing_by_name(conn: &Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM clients WHERE name = ?1 ORDER BY id LIMIT 1")?
        .query_row([name], |r| r.get(0))
        .optional()?)
}

/// Duplicates of a client in the vault and among the rows seen before it (by credit code,
/// and by name: two companies registered under one name are one company).
#[derive(Default)]
struct Seen {
    codes: HashMap<String, u32>,
    names: HashMap<String, u32>,
}

impl Seen {
    fn check(
        &mut self,
        conn: &Connection,
        row: u32,
        c: &ClientInput,
    ) -> Result<Vec<(ImportColumn, Rule)>> {
        let mut out = Vec::new();
        if let Some(code) = &c.credit_code {
            if let Some(id) = existing_by_code(conn, code)? {
                out.push((ImportColumn::CreditCode, Rule::Duplicate(id)));
            } else if let Some(first) = self.codes.get(code) {
                out.push((
                    ImportColumn::CreditCode,
                    Rule::DuplicateInFile { row: *first },
                ));
            }
            self.codes.entry(code.clone()).or_insert(row);
        }
        let name = c.name.trim();
        if !name.is_empty() {
            if let Some(id) = existing_by_name(conn, name)? {
                out.push((ImportColumn::Name, Rule::SameName(id)));
            } else if let Some(first) = self.names.get(name) {
                out.push((ImportColumn::Name, Rule::DuplicateInFile { row: *first }));
            }
            self.names.entry(name.to_owned()).or_insert(row);
        }
        Ok(out)
    }
}

impl Vault {
    /// [`Vault::preview_import`] of a file on disk, refused unread when it is too large.
    pub fn preview_import_file(&self, path: &Path) -> Result<ImportPreview> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if std::fs::metadata(path)?.len() > MAX_IMPORT_BYTES {
            let max = MAX_IMPORT_BYTES;
            return Err(Error::invalid("file", Rule::FileTooLarge { max }));
        }
        self.preview_import(&name, &std::fs::read(path)?)
    }

    /// Reads the file and checks every row; stores nothing.
    pub fn preview_import(&self, file_name: &str, bytes: &[u8]) -> Result<ImportPreview> {
        let limit = MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS as u32 + 1;
        let grid = crate::documents::sheet::text_rows(file_name, bytes, MAX_IMPORT_BYTES, limit)?;
        let (at, heads) =
            header(&grid).ok_or_else(|| Error::invalid("file", Rule::ImportNoHeader))?;
        let mut columns = Vec::new();
        let mut ignored_columns = Vec::new();
        for (i, c) in heads.iter().enumerate() {
            match c {
                Some(c) if !columns.contains(c) => columns.push(*c),
                _ => {
                    let h = grid[at].get(i).map(|h| h.trim()).unwrap_or("");
                    if !h.is_empty() {
                        ignored_columns.push(h.to_owned());
                    }
                }
            }
        }
        let body = &grid[at + 1..];
        let truncated = body.len() > MAX_IMPORT_ROWS as usize;
        let mut seen = Seen::default();
        let mut rows = Vec::new();
        for (i, cells) in body.iter().take(MAX_IMPORT_ROWS as usize).enumerate() {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let row = (at + 2 + i) as u32;
            // The first column of a heading counts (a repeated heading is ignored above).
            let mut by_column = BTreeMap::new();
            for (cell, head) in cells.iter().zip(&heads) {
                if let Some(c) = head {
                    by_column.entry(*c).or_insert_with(|| cell.clone());
                }
            }
            let (input, mut problems) = row_input(&by_column);
            let (client, form) = form_problems(input);
            problems.extend(form);
            let duplicates = seen.check(self.conn(), row, &client)?;
            problems.extend(duplicates.iter().map(|(c, r)| ImportProblem::new(*c, r)));
            let industry_unclassified = client.industry.is_some()
                && client.industry_code.as_deref() == Some(industry::OTHER);
            rows.push(ImportRow {
                row,
                client,
                problems,
                industry_unclassified,
            });
        }
        let count = |f: &dyn Fn(&ImportRow) -> bool| rows.iter().filter(|r| f(r)).count() as u32;
        Ok(ImportPreview {
            file_name: file_name.to_owned(),
            ready: count(&|r| r.problems.is_empty()),
            duplicates: count(&|r| r.problems.iter().any(ImportProblem::is_duplicate)),
            invalid: count(&|r| r.problems.iter().any(|p| !p.is_duplicate())),
            columns,
            ignored_columns,
            rows,
            truncated,
        })
    }

    /// Stores the confirmed rows as new clients in one transaction, each checked again by the
    /// form's rules and for duplicates; any problem stores nothing and names the row
    /// (`rows.<index>.<field>`).
    pub fn import_clients(
        &mut self,
        rows: &[ClientInput],
        today: NaiveDate,
    ) -> Result<ImportResult> {
        if rows.is_empty() {
            return Err(Error::invalid("rows", Rule::Required));
        }
        if rows.len() > MAX_IMPORT_ROWS as usize {
            return Err(Error::invalid(
                "rows",
                Rule::TooMany(MAX_IMPORT_ROWS as usize),
            ));
        }
        let tx = self.conn_mut().transaction()?;
        let mut seen = Seen::default();
        let mut ids = Vec::with_capacity(rows.len());
        for (i, input) in rows.iter().enumerate() {
            let at = |field: &str, rule: Rule| Error::invalid(&format!("rows.{i}.{field}"), rule);
            let client = validate::client(input).map_err(|e| match e {
                Error::Validation { field, rule } => at(&field, rule),
                other => other,
            })?;
            if let Some((column, rule)) = seen.check(&tx, i as u32 + 1, &client)?.into_iter().next()
            {
                let field = match column {
                    ImportColumn::CreditCode => "credit_code",
                    _ => "name",
                };
                return Err(at(field, rule));
            }
            ids.push(super::store::insert_client(&tx, &client, today)?);
        }
        audit_record(
            &tx,
            "clients.import",
            "client",
            None,
            &ids.len().to_string(),
        )?;
        tx.commit()?;
        Ok(ImportResult { ids })
    }
}

/// The template officers fill in: the headings in Chinese with the English in brackets, which
/// the import reads either way.
pub const TEMPLATE_CSV: &str = include_str!("../../assets/templates/client-import-template.csv");

/// The template as XLSX: the headings, and a second sheet that says what each column takes.
pub fn import_template_xlsx() -> Result<Vec<u8>> {
    build_template().map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

const NOTES: [(ImportColumn, Text); 7] = [
    (ImportColumn::Name, Text::new("必填；与已有客户同名的行不导入", "Required; a row with the name of an existing client is not imported")),
    (ImportColumn::CreditCode, Text::new("18 位，按 GB 32100-2015 校验；可空", "18 characters, checked per GB 32100-2015; optional")),
    (ImportColumn::Contact, Text::new("联系人姓名；可空", "The contact's name; optional")),
    (ImportColumn::Phone, Text::new("数字、空格和 + - ( )；可空", "Digits, spaces and + - ( ); optional")),
    (ImportColumn::Industry, Text::new("GB/T 4754 代码（如 C34）或名称；无法对应的保留原文，归为“其他”", "A GB/T 4754 code (such as C34) or name; anything else is kept as written, under “other”")),
    (ImportColumn::Tier, Text::new("A、B 或 C；空为 C", "A, B or C; empty means C")),
    (ImportColumn::Stage, Text::new("1–5 或阶段名称；空为 1", "1–5 or the stage's name; empty means 1")),
];

fn build_template() -> std::result::Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("客户名单 Clients")?;
    for (col, c) in ImportColumn::ALL.iter().enumerate() {
        let t = c.text();
        let col = col as u16;
        sheet.write_string_with_format(0, col, format!("{}（{}）", t.zh, t.en), &bold)?;
        // Text columns: Excel would turn a credit code or a phone number into a number.
        sheet.set_column_format(col, &text)?;
        sheet.set_column_width(col, if col == 0 { 36 } else { 18 })?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let notes = book.add_worksheet();
    notes.set_name("说明 Notes")?;
    for (i, (c, t)) in NOTES.iter().enumerate() {
        let row = i as u32;
        notes.write_string_with_format(row, 0, c.text().zh, &bold)?;
        notes.write_string(row, 1, t.zh)?;
        notes.write_string(row, 2, t.en)?;
    }
    notes.autofit();
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_either_language_with_or_without_the_template_brackets() {
        assert_eq!(column_of("客户名称（Name）"), Some(ImportColumn::Name));
        assert_eq!(column_of(" Credit Code "), Some(ImportColumn::CreditCode));
        assert_eq!(column_of("手机号"), Some(ImportColumn::Phone));
        assert_eq!(column_of("备注"), None);
        let csv_heads: Vec<Option<ImportColumn>> = TEMPLATE_CSV
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap_or_default()
            .split(',')
            .map(column_of)
            .collect();
        let all: Vec<Option<ImportColumn>> = ImportColumn::ALL.iter().copied().map(Some).collect();
        assert_eq!(csv_heads, all);
    }

    #[test]
    fn tiers_and_stages_as_officers_write_them() {
        assert_eq!(tier_of("a"), Some(Tier::A));
        assert_eq!(tier_of("B类"), Some(Tier::B));
        assert_eq!(tier_of("D"), None);
        assert_eq!(stage_of("3"), Some(3));
        assert_eq!(stage_of("阶段 2"), Some(2));
        assert_eq!(stage_of("深入与需求分析"), Some(3));
        assert_eq!(stage_of("Needs assessment"), Some(3));
        assert_eq!(stage_of("7"), None);
        assert_eq!(stage_of("签约"), None);
    }

    #[test]
    fn a_row_lists_every_problem_not_only_the_first() {
        let cells = BTreeMap::from([
            (ImportColumn::Name, String::new()),
            (ImportColumn::CreditCode, "91350100M000100Y4".to_owned()),
            (ImportColumn::Phone, "138-0013-8000 ext".to_owned()),
            (ImportColumn::Tier, "Z".to_owned()),
        ]);
        let (input, mut problems) = row_input(&cells);
        let (_, form) = form_problems(input);
        problems.extend(form);
        let found: Vec<(ImportColumn, RuleCode)> =
            problems.iter().map(|p| (p.column, p.rule)).collect();
        assert_eq!(
            found,
            vec![
                (ImportColumn::Tier, RuleCode::UnknownValue),
                (ImportColumn::Name, RuleCode::Required),
                (ImportColumn::CreditCode, RuleCode::CreditCodeLength),
                (ImportColumn::Contact, RuleCode::Required),
                (ImportColumn::Phone, RuleCode::Phone),
            ]
        );
    }
}
