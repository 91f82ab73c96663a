//! The project model's XLSX template (issue 17): the shipped file is the generator's output, it
//! reads back to the issue's example, and workbooks are refused as JSON is, by key.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::PathBuf;

use loandesk_core::prefs::Language;
use loandesk_core::project_finance::xlsx::{generate_template, read_input, template};
use loandesk_core::project_finance::{model, CapitalTable, ModelInput};
use loandesk_core::rule::Rule;
use loandesk_core::Error;
use rust_decimal::Decimal;
use rust_xlsxwriter::Workbook;

const SCULPT: &str = r#"{"periods_per_year": "1", "rate_percent": "6",
    "cfads": ["100", "110", "120", "130", "140"], "target_dscr": "1.30", "repayment": "sculpted"}"#;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The refusal as (field, rule).
fn refusal<T: std::fmt::Debug>(r: loandesk_core::Result<T>) -> (String, Rule) {
    match r {
        Err(Error::Validation { field, rule }) => (field, rule),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// A workbook's parts by name, decompressed. The zip's own headers differ by the OS that wrote
/// it (the "version made by" byte is 3 on Unix, 0 on Windows): the parts are the content.
fn parts(xlsx: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

#[test]
fn the_committed_template_is_the_generators_output() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/templates/project-model-template.xlsx");
    let generated = generate_template().unwrap();
    if std::env::var_os("UPDATE_TEMPLATES").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    // Generating twice gives the same bytes, so the check below is about content.
    assert_eq!(generate_template().unwrap(), generated);
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        parts(&committed) == parts(&generated) && template() == &committed[..],
        "project-model-template.xlsx is stale: run \
         `UPDATE_TEMPLATES=1 cargo test -p loandesk-core --test project_finance_xlsx`"
    );
}

#[test]
fn the_template_reads_back_to_the_issue_example_and_debt_385_06() {
    let input = read_input(template()).unwrap();
    assert_eq!(input, ModelInput::from_json(SCULPT).unwrap());
    let m = model(&input, &CapitalTable::default(), Language::En).unwrap();
    assert_eq!(m.debt, dec("385.06"));
    assert_eq!(m.min_dscr, Some(dec("1.3000")));
    assert_eq!(m.periods.len(), 5);
}

/// A workbook laid out as the template, from (key, value) rows, series columns and draws.
struct Book<'a> {
    inputs: Vec<(&'a str, Cell<'a>)>,
    series: Vec<(&'a str, Vec<Cell<'a>>)>,
    draws: Option<Vec<Cell<'a>>>,
    /// Labels under the series header, as the template has them.
    labels: bool,
}

#[derive(Clone, Copy)]
enum Cell<'a> {
    N(f64),
    T(&'a str),
    Empty,
}

impl<'a> Book<'a> {
    fn new(inputs: Vec<(&'a str, Cell<'a>)>, series: Vec<(&'a str, Vec<Cell<'a>>)>) -> Self {
        Book {
            inputs,
            series,
            draws: None,
            labels: true,
        }
    }

    fn bytes(&self) -> Vec<u8> {
        let put = |ws: &mut rust_xlsxwriter::Worksheet, r: u32, c: u16, cell: Cell| match cell {
            Cell::N(n) => {
                ws.write_number(r, c, n).unwrap();
            }
            Cell::T(t) => {
                ws.write_string(r, c, t).unwrap();
            }
            Cell::Empty => {}
        };
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name("Inputs").unwrap();
        ws.write_string(0, 0, "key").unwrap();
        ws.write_string(0, 1, "value").unwrap();
        for (i, (k, v)) in self.inputs.iter().enumerate() {
            ws.write_string(i as u32 + 1, 0, *k).unwrap();
            put(ws, i as u32 + 1, 1, *v);
        }
        let first = if self.labels { 2 } else { 1 };
        let ws = wb.add_worksheet().set_name("series").unwrap();
        ws.write_string(0, 0, "period").unwrap();
        if self.labels {
            ws.write_string(1, 0, "期数 Period").unwrap();
        }
        let rows = self.series.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
        for r in 0..rows {
            ws.write_number(first + r as u32, 0, r as f64 + 1.0)
                .unwrap();
        }
        for (c, (key, values)) in self.series.iter().enumerate() {
            let c = c as u16 + 1;
            ws.write_string(0, c, *key).unwrap();
            for (r, v) in values.iter().enumerate() {
                put(ws, first + r as u32, c, *v);
            }
        }
        if let Some(draws) = &self.draws {
            let ws = wb.add_worksheet().set_name("construction").unwrap();
            ws.write_string(0, 0, "period").unwrap();
            ws.write_string(0, 1, "draws").unwrap();
            for (r, v) in draws.iter().enumerate() {
                ws.write_number(r as u32 + 1, 0, r as f64 + 1.0).unwrap();
                put(ws, r as u32 + 1, 1, *v);
            }
        }
        wb.save_to_buffer().unwrap()
    }
}

fn basics<'a>() -> Vec<(&'a str, Cell<'a>)> {
    vec![
        ("periods_per_year", Cell::N(1.0)),
        ("rate_percent", Cell::N(6.0)),
        ("target_dscr", Cell::N(1.3)),
    ]
}

fn numbers(v: &[f64]) -> Vec<Cell<'static>> {
    v.iter().map(|n| Cell::N(*n)).collect()
}

#[test]
fn a_negative_cfads_is_refused_by_its_key_as_in_json() {
    let bytes = Book::new(
        basics(),
        vec![("cfads", numbers(&[100.0, 110.0, -5.0, 130.0, 140.0]))],
    )
    .bytes();
    let input = read_input(&bytes).unwrap();
    assert_eq!(
        refusal(model(&input, &CapitalTable::default(), Language::En)),
        ("cfads[3]".into(), Rule::NotNegative)
    );
    let json = r#"{"periods_per_year": "1", "rate_percent": "6", "target_dscr": "1.3",
        "cfads": ["100", "110", "-5", "130", "140"]}"#;
    assert_eq!(input, ModelInput::from_json(json).unwrap());
}

#[test]
fn files_that_are_not_an_xlsx_workbook_are_refused() {
    let pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    assert_eq!(
        refusal(read_input(pdf)),
        ("file".into(), Rule::NotSpreadsheet)
    );
    assert_eq!(
        refusal(read_input(&[0x4d, 0x5a, 0x90, 0, 1, 2, 3])),
        ("file".into(), Rule::NotSpreadsheet)
    );
    assert_eq!(refusal(read_input(b"")), ("file".into(), Rule::EmptyFile));
    assert_eq!(
        refusal(read_input("key,value\nrate_percent,6\n".as_bytes())),
        ("file".into(), Rule::Format("XLSX"))
    );
    let json = br#"{"periods_per_year": "1"}"#;
    assert_eq!(
        refusal(read_input(json)),
        ("file".into(), Rule::NotSpreadsheet)
    );
    // A truncated workbook, and a zip bomb: refused before calamine reads a part.
    let t = template();
    assert_eq!(
        refusal(read_input(&t[..t.len() / 2])),
        ("file".into(), Rule::Corrupt)
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file("xl/workbook.xml", options).unwrap();
    zip.write_all(&vec![b' '; 64 << 20]).unwrap();
    let bomb = zip.finish().unwrap().into_inner();
    assert_eq!(refusal(read_input(&bomb)), ("file".into(), Rule::ZipBomb));
}

#[test]
fn cells_are_read_exactly_and_empty_cells_are_absent_keys() {
    let mut inputs = basics();
    inputs[1] = ("rate_percent", Cell::N(4.35));
    inputs.extend([
        ("debt", Cell::Empty),
        ("dsra_months", Cell::N(6.0)),
        ("sweep.percent", Cell::T("50")),
        ("sweep.lockup_dscr", Cell::N(1.1)),
        ("repayment", Cell::T(" annuity ")),
    ]);
    let bytes = Book::new(
        inputs,
        vec![
            ("cfads", numbers(&[0.1, 110.25, 120.0])),
            ("ebitda", numbers(&[1234567.89, 2.0, 3.0])),
        ],
    )
    .bytes();
    let json = r#"{"periods_per_year": "1", "rate_percent": "4.35", "target_dscr": "1.3",
        "dsra_months": "6", "sweep": {"percent": "50", "lockup_dscr": "1.1"},
        "repayment": "annuity", "cfads": ["0.1", "110.25", "120"],
        "ebitda": ["1234567.89", "2", "3"]}"#;
    let input = read_input(&bytes).unwrap();
    assert_eq!(input, ModelInput::from_json(json).unwrap());
    assert_eq!(input.cfads[0].to_string(), "0.1");
    assert_eq!(input.ebitda[0].to_string(), "1234567.89");
}

#[test]
fn construction_from_its_sheet_gives_the_issues_idc() {
    let mut inputs = basics();
    inputs.extend([
        ("construction.periods_per_year", Cell::N(4.0)),
        ("construction.rate_percent", Cell::N(6.0)),
        ("construction.draw_timing", Cell::T("end")),
    ]);
    let mut book = Book::new(inputs, vec![("cfads", numbers(&[400.0; 4]))]);
    book.draws = Some(numbers(&[250.0; 4]));
    book.labels = false;
    let input = read_input(&book.bytes()).unwrap();
    let m = model(&input, &CapitalTable::default(), Language::En).unwrap();
    assert_eq!((m.idc, m.debt_at_cod), (dec("22.73"), dec("1022.73")));

    // Draws without the construction keys, and the keys without draws.
    book.inputs.truncate(3);
    assert_eq!(
        refusal(read_input(&book.bytes())),
        ("construction.periods_per_year".into(), Rule::Required)
    );
    let mut inputs = basics();
    inputs.push(("construction.rate_percent", Cell::N(6.0)));
    let no_draws = Book::new(inputs, vec![("cfads", numbers(&[400.0; 4]))]);
    assert_eq!(
        refusal(read_input(&no_draws.bytes())),
        ("construction.periods_per_year".into(), Rule::Required)
    );
}

#[test]
fn what_only_a_workbook_can_get_wrong_names_the_key_or_the_cell() {
    let cfads = || ("cfads", numbers(&[100.0, 110.0, 120.0]));
    let case = |inputs: Vec<(&str, Cell)>, series: Vec<(&str, Vec<Cell>)>| {
        refusal(read_input(&Book::new(inputs, series).bytes()))
    };
    let with = |key: &'static str, cell: Cell<'static>| {
        let mut i = basics();
        i.push((key, cell));
        i
    };
    assert_eq!(
        case(with("debt", Cell::T("lots")), vec![cfads()]),
        ("debt".into(), Rule::NotANumber)
    );
    assert_eq!(
        case(with("tenor_periods", Cell::N(2.5)), vec![cfads()]),
        ("tenor_periods".into(), Rule::WholeNumber)
    );
    assert_eq!(
        case(with("repayment", Cell::T("balloon")), vec![cfads()]),
        ("repayment".into(), Rule::Unknown("balloon".into()))
    );
    assert_eq!(
        case(with("gearing", Cell::N(70.0)), vec![cfads()]),
        ("Inputs!A5".into(), Rule::Unknown("gearing".into()))
    );
    assert_eq!(
        case(with("rate_percent", Cell::N(5.0)), vec![cfads()]),
        ("Inputs!A5".into(), Rule::NotAllowed)
    );
    assert_eq!(
        case(basics()[..2].to_vec(), vec![cfads()]),
        ("target_dscr".into(), Rule::Required)
    );
    assert_eq!(
        case(with("sweep.percent", Cell::N(50.0)), vec![cfads()]),
        ("sweep.lockup_dscr".into(), Rule::Required)
    );
    // A gap in a series, a text in it, an unknown column.
    assert_eq!(
        case(
            basics(),
            vec![
                cfads(),
                ("tax", vec![Cell::N(1.0), Cell::Empty, Cell::N(3.0)])
            ]
        ),
        ("tax[2]".into(), Rule::Required)
    );
    assert_eq!(
        case(
            basics(),
            vec![("cfads", vec![Cell::N(1.0), Cell::T("n/a"), Cell::N(3.0)])]
        ),
        ("cfads[2]".into(), Rule::NotANumber)
    );
    assert_eq!(
        case(basics(), vec![cfads(), ("capex", numbers(&[1.0]))]),
        ("series!C1".into(), Rule::Unknown("capex".into()))
    );
    // No series at all: the core's own refusal.
    let input = read_input(&Book::new(basics(), vec![]).bytes()).unwrap();
    assert_eq!(
        refusal(model(&input, &CapitalTable::default(), Language::En)),
        ("cfads".into(), Rule::Required)
    );
}
