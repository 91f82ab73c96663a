/// The first byte picks the file name the bytes arrive under, so the extension check and every
/// parser get their turn.
pub fn split(data: &[u8]) -> (&'static str, &[u8]) {
    const NAMES: [&str; 6] = ["s.csv", "s.xlsx", "s.xls", "s.pdf", "s", "s.docx"];
    match data.split_first() {
        Some((first, rest)) => (NAMES[*first as usize % NAMES.len()], rest),
        None => ("s", data),
    }
}
