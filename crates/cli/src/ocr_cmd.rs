//! `loandesk ocr licence` and `loandesk ocr statement`: read a business licence or a scanned
//! statement page (an image, or a scanned PDF) and print what was found. Nothing is written to
//! the vault: the app shows the values for the officer to accept one by one.
//!
//! The OCR resources (models and ONNX Runtime, `scripts/ocr-resources.sh`) are found at
//! `--resources DIR` or `$LOANDESK_OCR_RESOURCES`, else in `ocr/` beside the binary, else in
//! the source tree's `src-tauri/resources/ocr` (a build from the repository).
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use clap::Subcommand;
use loandesk_core::ocr::{read_licence, read_statement, LicenceRead, OcrBox, StatementRead};
use loandesk_ocr::{decode_document, Engine, OcrError};

use crate::exit;
use crate::output::{self, Format, FormatArg};
use crate::vault_cmd::open;
use crate::VaultArg;

/// Files larger than this are not a page (a 600 dpi colour scan of A4 as PNG is ~25 MB).
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("source").required(true).args(["file", "document"])))]
pub struct Source {
    /// The page: PNG, JPEG, TIFF, or a scanned PDF (each page's image is read).
    #[arg(long)]
    file: Option<PathBuf>,
    /// A document already in the vault (its id, `loandesk documents list`); needs the vault's
    /// password ($LOANDESK_PASSWORD or a prompt).
    #[arg(long)]
    document: Option<i64>,
    #[command(flatten)]
    vault: VaultArg,
    /// The OCR resources folder (models/ and runtime/).
    #[arg(long, env = "LOANDESK_OCR_RESOURCES")]
    resources: Option<PathBuf>,
    #[command(flatten)]
    format: FormatArg,
}

#[derive(Subcommand)]
pub enum OcrCommand {
    /// A business licence (营业执照): credit code (checked, look-alikes repaired), name, legal
    /// representative, registered capital, date of establishment, address, type, scope.
    Licence(Source),
    /// A statement page (资产负债表 / 利润表 / 现金流量表): its figures per year as a statement
    /// import reads them, and the labels that match no template line.
    Statement(Source),
}

pub fn run(cmd: OcrCommand) -> ExitCode {
    match cmd {
        OcrCommand::Licence(src) => licence(&src),
        OcrCommand::Statement(src) => statement(&src),
    }
}

/// A failure as one line on stderr and its exit code: 2 for a file that is not a page we can
/// read (or has no text), 1 for anything else (resources missing, the engine failed).
fn fail(e: &OcrError) -> ExitCode {
    let (code, zh) = match e {
        OcrError::NotAnImage => (exit::INVALID, "不是图片或 PDF 文件"),
        OcrError::NoImage => (exit::INVALID, "PDF 中没有扫描页图像"),
        OcrError::Unreadable(_) => (exit::INVALID, "无法读取该图像"),
        OcrError::TooLarge(_) => (exit::INVALID, "图像过大"),
        OcrError::ResourcesMissing(_) => (
            exit::ERROR,
            "缺少 OCR 资源文件（运行 scripts/ocr-resources.sh）",
        ),
        OcrError::Engine(_) => (exit::ERROR, "OCR 引擎出错"),
        OcrError::Cancelled => (exit::ERROR, "已取消"),
    };
    eprintln!("error: {e} ({zh})");
    ExitCode::from(code)
}

fn no_text() -> ExitCode {
    eprintln!("error: no text found on the page (页面上没有识别到文字)");
    ExitCode::from(exit::INVALID)
}

fn resources_dir(flag: Option<&Path>) -> PathBuf {
    if let Some(dir) = flag {
        return dir.to_path_buf();
    }
    let beside = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|d| d.join("ocr")))
        .filter(|d| d.join("models").is_dir());
    beside.unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src-tauri/resources/ocr")
    })
}

enum Failure {
    Ocr(OcrError),
    Core(loandesk_core::Error),
    NoText,
}

impl Failure {
    fn exit(self) -> ExitCode {
        match self {
            Failure::Ocr(e) => fail(&e),
            Failure::Core(e) => exit::fail(&e),
            Failure::NoText => no_text(),
        }
    }
}

/// The boxes of every page of the file or document, one Vec per page with text.
fn recognise(src: &Source) -> Result<Vec<Vec<OcrBox>>, Failure> {
    let bytes = match (&src.file, src.document) {
        (Some(file), _) => read_file(file)?,
        (None, Some(id)) => open(&src.vault)
            .and_then(|v| v.document_bytes(id))
            .map_err(Failure::Core)?,
        (None, None) => return Err(Failure::Ocr(OcrError::NotAnImage)),
    };
    let pages = decode_document(&bytes).map_err(Failure::Ocr)?;
    drop(bytes);
    let engine = Engine::load(&resources_dir(src.resources.as_deref())).map_err(Failure::Ocr)?;
    // The command line has nobody to press cancel and no progress bar to draw.
    let cancel = AtomicBool::new(false);
    let mut out = Vec::new();
    for page in &pages {
        let boxes = engine
            .recognise(page, &cancel, &|_| {})
            .map_err(Failure::Ocr)?;
        if !boxes.is_empty() {
            out.push(
                boxes
                    .into_iter()
                    .map(|b| OcrBox {
                        text: b.text,
                        score: b.score,
                        quad: b.quad,
                    })
                    .collect(),
            );
        }
    }
    if out.is_empty() {
        return Err(Failure::NoText);
    }
    Ok(out)
}

fn read_file(path: &Path) -> Result<Vec<u8>, Failure> {
    let io = |e: std::io::Error| Failure::Core(loandesk_core::Error::Io(e));
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(Failure::Ocr(OcrError::TooLarge(size)));
    }
    std::fs::read(path).map_err(io)
}

fn licence(src: &Source) -> ExitCode {
    let pages = match recognise(src) {
        Ok(p) => p,
        Err(f) => return f.exit(),
    };
    // A licence is one page: the first with text.
    let read = read_licence(&pages[0]);
    let result = match src.format.resolve() {
        Format::Json => output::json(&read),
        Format::Table => {
            licence_table(&read);
            Ok(())
        }
    };
    exit::done(result)
}

fn licence_table(r: &LicenceRead) {
    let conf = |k: &str| {
        r.confidence
            .get(k)
            .map(|c| format!(" ({:.0}%)", c * 100.0))
            .unwrap_or_default()
    };
    let code = r.credit_code.as_deref().map(|c| {
        let state = match (r.credit_code_valid, r.credit_code_repaired) {
            (true, false) => "valid",
            (true, true) => "valid after repair",
            _ => "INVALID",
        };
        format!("{c} [{state}]")
    });
    let rows = [
        ("统一社会信用代码 credit code", code, "credit_code"),
        ("名称 name", r.name.clone(), "name"),
        ("类型 type", r.company_type.clone(), "type"),
        (
            "法定代表人 legal representative",
            r.legal_representative.clone(),
            "legal_representative",
        ),
        (
            "注册资本 registered capital",
            r.registered_capital.clone(),
            "registered_capital",
        ),
        (
            "成立日期 established",
            r.established_on.clone(),
            "established_on",
        ),
        ("住所 address", r.address.clone(), "address"),
        (
            "经营范围 business scope",
            r.business_scope.clone(),
            "business_scope",
        ),
    ];
    for (label, value, key) in rows {
        outln!(
            "{label}: {}{}",
            value.unwrap_or_else(|| "-".into()),
            conf(key)
        );
    }
}

fn statement(src: &Source) -> ExitCode {
    let pages = match recognise(src) {
        Ok(p) => p,
        Err(f) => return f.exit(),
    };
    // Statements may span pages (资产负债表, then 利润表): each page read on its own, the years
    // put together; a page without a year heading is skipped if another page has one.
    let mut merged: Option<StatementRead> = None;
    let mut first_error = None;
    for boxes in &pages {
        match read_statement(boxes) {
            Ok(read) => match merged.as_mut() {
                None => merged = Some(read),
                Some(m) => merge(m, read),
            },
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    let Some(read) = merged else {
        return match first_error {
            Some(e) => exit::fail(&e),
            None => no_text(),
        };
    };
    let result = match src.format.resolve() {
        Format::Json => output::json(&read),
        Format::Table => {
            for y in &read.years {
                outln!("{}", y.year);
                for (line, value) in &y.figures {
                    outln!("  {:40} {value}", line.as_str());
                }
            }
            if !read.unmatched.is_empty() {
                outln!("unmatched (未匹配): {}", read.unmatched.join(", "));
            }
            Ok(())
        }
    };
    exit::done(result)
}

fn merge(into: &mut StatementRead, page: StatementRead) {
    for year in page.years {
        match into.years.iter_mut().find(|y| y.year == year.year) {
            Some(y) => {
                for (line, v) in year.figures {
                    y.figures.entry(line).or_insert(v);
                }
            }
            None => into.years.push(year),
        }
    }
    into.unmatched.extend(page.unmatched);
    for (k, v) in page.confidence {
        into.confidence.entry(k).or_insert(v);
    }
    into.boxes.extend(page.boxes);
}
