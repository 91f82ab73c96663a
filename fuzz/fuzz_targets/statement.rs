//! The statement parser on raw bytes: CSV (UTF-8, UTF-16, GBK) and XLS reach their parsers
//! directly; XLSX mostly stops at the zip checks (statement_xlsx goes further).
#![no_main]
use libfuzzer_sys::fuzz_target;

mod names;

fuzz_target!(
    init: names::quiet_caught_panics(),
    |data: &[u8]| {
    let (name, bytes) = names::split(data);
    let _ = loandesk_core::documents::parse_statement(name, bytes);
});
