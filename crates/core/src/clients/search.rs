//! Client search: substring matching over names (zh/en), contacts, credit code, notes.
//!
//! Two FTS5 indexes hold the same text per client (see 001_clients.sql): trigram for queries of
//! three or more characters, and a "unigram" index where each CJK character is its own token
//! for one- and two-character queries, which trigram cannot answer (张伟 is a typical name).
use rusqlite::{params, Connection};

use crate::error::Result;

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x3000..=0x303F | 0xFF00..=0xFFEF)
}

/// Puts spaces around CJK characters so unicode61 makes each one a token.
fn split_cjk(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if is_cjk(c) {
            out.push(' ');
            out.push(c);
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// Replace the client's row in both indexes with `body`.
pub fn reindex(conn: &Connection, client_id: i64, body: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM client_search_tri WHERE rowid = ?1",
        [client_id],
    )?;
    conn.execute(
        "DELETE FROM client_search_uni WHERE rowid = ?1",
        [client_id],
    )?;
    conn.execute(
        "INSERT INTO client_search_tri (rowid, body) VALUES (?1, ?2)",
        params![client_id, body],
    )?;
    conn.execute(
        "INSERT INTO client_search_uni (rowid, body) VALUES (?1, ?2)",
        params![client_id, split_cjk(body)],
    )?;
    Ok(())
}

/// An FTS5 string literal: the query is always matched as text, never as FTS syntax.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Which index and MATCH expression serve this query; None when there is nothing to search.
pub fn plan(text: &str) -> Option<(&'static str, String)> {
    let text = text.trim();
    let chars = text.chars().count();
    if chars == 0 {
        return None;
    }
    if chars >= 3 {
        return Some(("client_search_tri", quoted(text)));
    }
    if text.chars().all(is_cjk) {
        // Adjacent single-character tokens: a phrase is exactly the substring.
        let tokens: Vec<String> = text.chars().map(String::from).collect();
        Some(("client_search_uni", quoted(&tokens.join(" "))))
    } else {
        // One or two Latin letters or digits: words starting with them.
        let tokens: Vec<String> = split_cjk(text)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        Some((
            "client_search_uni",
            format!("{}*", quoted(&tokens.join(" "))),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_chinese_queries_use_the_unigram_index() {
        assert_eq!(
            plan("张伟"),
            Some(("client_search_uni", "\"张 伟\"".to_string()))
        );
        assert_eq!(
            plan("张"),
            Some(("client_search_uni", "\"张\"".to_string()))
        );
        assert_eq!(
            plan("ab"),
            Some(("client_search_uni", "\"ab\"*".to_string()))
        );
        assert_eq!(
            plan("恒远精"),
            Some(("client_search_tri", "\"恒远精\"".to_string()))
        );
        assert_eq!(plan("  "), None);
    }

    #[test]
    fn fts_syntax_in_a_query_is_just_text() {
        assert_eq!(
            plan("a\"b OR c"),
            Some(("client_search_tri", "\"a\"\"b OR c\"".to_string()))
        );
    }
}
