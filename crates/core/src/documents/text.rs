//! Text files: UTF-8 (with or without BOM) or GBK, which is what Chinese Excel writes when it
//! saves CSV. And a small RFC 4180 reader: Excel quotes "1,234,567.89", so splitting on
//! commas is not enough.

/// Decodes `bytes` as UTF-8 or GBK. `complete` is false for a sample cut from a longer file,
/// whose last character may be split: that tail is dropped rather than judged.
pub(crate) fn decode(bytes: &[u8], complete: bool) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => return Some(s.to_string()),
        Err(e) if !complete && e.error_len().is_none() => {
            return Some(String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned());
        }
        Err(_) => {}
    }
    // GBK characters are at most 2 bytes (4 in GB18030, which encoding_rs decodes as well).
    let cuts = if complete { 0..1 } else { 0..4 };
    cuts.filter_map(|cut| bytes.len().checked_sub(cut).map(|n| &bytes[..n]))
        .find_map(|b| {
            encoding_rs::GBK
                .decode_without_bom_handling_and_without_replacement(b)
                .map(|s| s.into_owned())
        })
}

/// Text with commas on most lines and no control characters but tabs and line breaks.
pub(crate) fn looks_like_csv(text: &str) -> bool {
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
    {
        return false;
    }
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let with_commas = lines.iter().filter(|l| l.contains(',')).count();
    with_commas > 0 && with_commas * 2 >= lines.len()
}

/// Records of a CSV text; quoted fields may hold commas, quotes ("") and line breaks.
pub(crate) fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            ('\n' | '\r', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_and_gbk_decode_to_the_same_text() {
        let text = "存货,1";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode(text.as_bytes(), true).as_deref(), Some(text));
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(&bom, true).as_deref(), Some(text));
        assert_eq!(decode(&gbk, true).as_deref(), Some(text));
        // A sample cut inside the last character still decodes.
        assert_eq!(
            decode(&gbk[..gbk.len() - 1], false).as_deref(),
            Some("存货,")
        );
        assert_eq!(decode(&[0xFF, 0xFF, 0x00], true), None);
    }

    #[test]
    fn csv_fields_keep_quoted_commas_and_quotes() {
        let rows = csv_records("a,\"1,234.5\",\"say \"\"hi\"\"\"\r\nb,,\n");
        assert_eq!(
            rows,
            vec![vec!["a", "1,234.5", "say \"hi\""], vec!["b", "", ""]]
        );
        assert!(looks_like_csv("a,b\nc,d\n"));
        assert!(!looks_like_csv("just prose\nwithout commas\n"));
    }
}
