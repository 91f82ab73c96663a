/// The first byte picks the file name the bytes arrive under, so the extension check and every
/// parser get their turn.
pub fn split(data: &[u8]) -> (&'static str, &[u8]) {
    const NAMES: [&str; 6] = ["s.csv", "s.xlsx", "s.xls", "s.pdf", "s", "s.docx"];
    match data.split_first() {
        Some((first, rest)) => (NAMES[*first as usize % NAMES.len()], rest),
        None => ("s", data),
    }
}

/// libfuzzer-sys's panic hook aborts on every panic, even one the core catches on purpose
/// (`error::guard_parser` turns a third-party parser's panic into `document_unreadable`). A
/// silent hook lets those pass; a panic that escapes the core still unwinds out of the target,
/// which libfuzzer-sys turns into an abort: a crash, as it should be.
pub fn quiet_caught_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}
