//! The type sniffer and the zip/OLE2 container inspection: any bytes give a type or a typed
//! error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod names;

fuzz_target!(
    init: names::quiet_caught_panics(),
    |data: &[u8]| {
    let (name, bytes) = names::split(data);
    let _ = loandesk_core::documents::detect_file_type(name, bytes);
});
