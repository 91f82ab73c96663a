//! A third-party parser that panics on a file is a typed error at the parser boundary, never a
//! panic out of the core (issue 11 item 1): the officer is told `document_unreadable`, nothing
//! is stored, and the vault works on. Also the regressions the fuzzer found (fuzz/, scripts/fuzz.sh).
#![allow(clippy::unwrap_used)]
mod doc_files;

use doc_files::*;
use loandesk_core::documents::{detect_file_type, parse_statement};
use loandesk_core::rule::Rule;
use loandesk_core::Error;

/// calamine 0.38 slices the workbook stream at a sheet offset it does not check
/// (fixtures/make_fixtures.py, write_calamine_panic).
const PANICS_CALAMINE: &str = "calamine-panic.xls";

fn unreadable<T: std::fmt::Debug>(result: loandesk_core::Result<T>) {
    match result {
        Err(e @ Error::DocumentUnreadable) => assert_eq!(e.code(), "document_unreadable"),
        other => panic!("expected document_unreadable, got {other:?}"),
    }
}

#[test]
fn a_file_that_panics_calamine_is_unreadable_not_a_panic() {
    let bytes = fixture(PANICS_CALAMINE);
    unreadable(detect_file_type("statement.xls", &bytes));
    unreadable(parse_statement("statement.xls", &bytes));
}

#[test]
fn importing_it_stores_nothing_and_the_vault_works_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("statement.xls");
    std::fs::write(&path, fixture(PANICS_CALAMINE)).unwrap();
    let (_vault_dir, mut v) = vault();
    let client = client(&mut v);

    unreadable(v.import_document_file(client, &path, None));
    unreadable(v.import_statement_file(client, &path));
    assert!(v.list_documents(client, true).unwrap().is_empty());
    assert!(v.financial_years(client).unwrap().is_empty());

    let good = dir.path().join("good.xls");
    std::fs::write(&good, fixture("statement.xls")).unwrap();
    let imported = v.import_statement_file(client, &good).unwrap();
    assert_eq!(imported.years.len(), 2);
}

/// Inputs the fuzzer found (scripts/fuzz.sh, 2026-12-02): each made calamine panic inside the
/// core (xls.rs:987, the same unchecked slice as above, reached by other bytes). The first byte
/// picks the file name as in fuzz/fuzz_targets/names.rs. Each must stay a typed error.
#[test]
fn inputs_the_fuzzer_found_are_typed_errors() {
    const NAMES: [&str; 6] = ["s.csv", "s.xlsx", "s.xls", "s.pdf", "s", "s.docx"];
    for file in [
        "fuzz-sniff-calamine-xls.bin",
        "fuzz-statement-calamine-xls.bin",
    ] {
        let data = fixture(file);
        let (first, bytes) = data.split_first().unwrap();
        let name = NAMES[*first as usize % NAMES.len()];
        unreadable(parse_statement(name, bytes));
    }
}

/// Inputs the fuzzer found (scripts/fuzz.sh, 2026-12-02) that made calamine allocate until the
/// process died (an allocation failure aborts: no panic to catch). In the first two the
/// allocation-table chain loops (refused as damaged); in the other two a sheet claims an
/// extent of billions of cells (refused as unreasonably large). documents/xls.rs checks both
/// before calamine reads the workbook. The first byte picks the name as above; each is read as
/// the XLS it is.
#[test]
fn workbooks_that_would_exhaust_memory_are_refused_not_read() {
    for (file, want) in [
        ("fuzz-oom-calamine-xls-1.bin", Rule::Corrupt),
        ("fuzz-oom-calamine-xls-2.bin", Rule::Corrupt),
        ("fuzz-abort-calamine-xls-1.bin", Rule::ZipBomb),
        ("fuzz-abort-calamine-xls-2.bin", Rule::ZipBomb),
    ] {
        let data = fixture(file);
        let (_, bytes) = data.split_first().unwrap();
        for result in [
            detect_file_type("s.xls", bytes).map(|_| ()),
            parse_statement("s.xls", bytes).map(|_| ()),
        ] {
            match result {
                Err(Error::Validation { rule, .. }) if rule == want => {}
                other => panic!("{file}: expected {want:?}, got {other:?}"),
            }
        }
    }
}
