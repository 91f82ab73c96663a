//! Client search: substring matching over names (zh/en), contacts, credit code, notes.
//!
//! Two FTS5 indexes hold the same text per client (see 001_clients.sql): trigram for queries of
//! three or more characters, and a "unigram" index where each CJK character is its own token
//! for one- and two-character queries, which trigram cannot answer (张伟 is a typical name).
use rusqlite::{params, Connection};

use super::pinyin;
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
    conn.prepare_cached("DELETE FROM client_search_tri WHERE rowid = ?1")?
        .execute([client_id])?;
    conn.prepare_cached("DELETE FROM client_search_uni WHERE rowid = ?1")?
        .execute([client_id])?;
    insert(conn, client_id, body)
}

/// Add the client's row to both indexes (it has none yet).
pub fn insert(conn: &Connection, client_id: i64, body: &str) -> Result<()> {
    conn.prepare_cached("INSERT INTO client_search_tri (rowid, body) VALUES (?1, ?2)")?
        .execute(params![client_id, body])?;
    conn.prepare_cached("INSERT INTO client_search_uni (rowid, body) VALUES (?1, ?2)")?
        .execute(params![client_id, split_cjk(body)])?;
    Ok(())
}

/// An FTS5 string literal: the query is always matched as text, never as FTS syntax.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Which index and MATCH expression serve one word; None when there is nothing to search.
fn plan_word(text: &str) -> Option<(Index, String)> {
    let text = text.trim();
    let chars = text.chars().count();
    if chars == 0 {
        return None;
    }
    if chars >= 3 {
        return Some((Index::Trigram, quoted(text)));
    }
    if text.chars().all(is_cjk) {
        // Adjacent single-character tokens: a phrase is exactly the substring.
        let tokens: Vec<String> = text.chars().map(String::from).collect();
        Some((Index::Unigram, quoted(&tokens.join(" "))))
    } else {
        // One or two Latin letters or digits: words starting with them.
        let tokens: Vec<String> = split_cjk(text)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        Some((Index::Unigram, format!("{}*", quoted(&tokens.join(" ")))))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Index {
    Trigram,
    Unigram,
}

impl Index {
    pub fn table(self) -> &'static str {
        match self {
            Index::Trigram => "client_search_tri",
            Index::Unigram => "client_search_uni",
        }
    }
}

/// A query's words, each planned on the index that serves it, joined with AND per index: a
/// client matches when it matches every word (`长沙 纺织`). The trigram words drive when there
/// are any (their matches stream in rowid order, newest first, so a page stops early); the
/// unigram words then narrow them as a set. That way round because a unigram word is one or two
/// tokens, cheap to evaluate whole, while a long trigram word (`changsha`: six trigrams, `ang`
/// in nearly every row's pinyin) is costly to evaluate whole and cheap to stream (measured in
/// benches/search.rs: `changsha 纺织` p95 41 ms the other way round).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub drive: (Index, String),
    pub narrow: Option<(Index, String)>,
}

/// Words beyond this many are ignored: a pasted paragraph must not become a 200-term query.
const MAX_WORDS: usize = 8;

/// None when there is nothing to search. Words are split on any whitespace (the ideographic
/// space 　 of a Chinese keyboard too); a repeated word counts once.
pub fn plan(text: &str) -> Option<Plan> {
    let mut words: Vec<&str> = Vec::new();
    for word in text.split_whitespace().take(MAX_WORDS) {
        if !words.contains(&word) {
            words.push(word);
        }
    }
    let planned: Vec<(Index, String)> = words.iter().filter_map(|w| plan_word(w)).collect();
    // One index answers an AND of words with seeks (cost follows the rarest word); two indexes
    // can only be intersected as a set. So when a short word needs the unigram index, the
    // Chinese words go there too (a phrase of single characters is the same substring); only
    // Latin words of three or more letters, substrings that the unigram index cannot match
    // inside a word, stay on the trigram index.
    let any_unigram = planned.iter().any(|(i, _)| *i == Index::Unigram);
    let mut tri: Vec<String> = Vec::new();
    let mut uni: Vec<String> = Vec::new();
    for (word, (index, expr)) in words.iter().zip(planned) {
        if any_unigram && index == Index::Trigram && word.chars().all(is_cjk) {
            let tokens: Vec<String> = word.chars().map(String::from).collect();
            uni.push(quoted(&tokens.join(" ")));
        } else if index == Index::Trigram {
            tri.push(expr);
        } else {
            uni.push(expr);
        }
    }
    let tri = (!tri.is_empty()).then(|| (Index::Trigram, tri.join(" AND ")));
    let uni = (!uni.is_empty()).then(|| (Index::Unigram, uni.join(" AND ")));
    match (tri, uni) {
        (Some(t), u) => Some(Plan {
            drive: t,
            narrow: u,
        }),
        (None, Some(u)) => Some(Plan {
            drive: u,
            narrow: None,
        }),
        (None, None) => None,
    }
}

/// The text a client is found by: its fields one per line (so a match never spans two), then
/// the pinyin of its name and of each contact's name, in full and as initials.
pub fn body(
    names: &[&str],
    other_fields: &[&str],
    contact_names: &[&str],
    contact_other: &[&str],
) -> String {
    let mut lines: Vec<String> = Vec::new();
    lines.extend(names.iter().map(|s| s.to_string()));
    lines.extend(other_fields.iter().map(|s| s.to_string()));
    lines.extend(contact_names.iter().map(|s| s.to_string()));
    lines.extend(contact_other.iter().map(|s| s.to_string()));
    let readings = names
        .iter()
        .map(|n| pinyin::of_name(n))
        .chain(contact_names.iter().map(|n| pinyin::of_person(n)));
    for r in readings.filter(|r| r.any_han) {
        lines.push(r.full);
        lines.push(r.initials);
    }
    lines.retain(|l| !l.is_empty());
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Option<(Index, String)> {
        plan_word(text)
    }

    #[test]
    fn short_chinese_queries_use_the_unigram_index() {
        assert_eq!(one("张伟"), Some((Index::Unigram, "\"张 伟\"".to_string())));
        assert_eq!(one("张"), Some((Index::Unigram, "\"张\"".to_string())));
        assert_eq!(one("ab"), Some((Index::Unigram, "\"ab\"*".to_string())));
        assert_eq!(
            one("恒远精"),
            Some((Index::Trigram, "\"恒远精\"".to_string()))
        );
        assert_eq!(plan("  "), None);
    }

    #[test]
    fn fts_syntax_in_a_query_is_just_text() {
        assert_eq!(
            plan("a\"b+OR"),
            Some(Plan {
                drive: (Index::Trigram, "\"a\"\"b+OR\"".into()),
                narrow: None
            })
        );
    }

    #[test]
    fn each_word_is_planned_on_its_own_index() {
        assert_eq!(
            plan("长沙 纺织　恒远精 cs 长沙"),
            Some(Plan {
                drive: (
                    Index::Unigram,
                    "\"长 沙\" AND \"纺 织\" AND \"恒 远 精\" AND \"cs\"*".into()
                ),
                narrow: None,
            })
        );
        // Latin substrings of 3+ letters need the trigram index; short words the unigram one.
        assert_eq!(
            plan("changsha 纺织"),
            Some(Plan {
                drive: (Index::Trigram, "\"changsha\"".into()),
                narrow: Some((Index::Unigram, "\"纺 织\"".into())),
            })
        );
        assert_eq!(
            plan("恒远精 logistics"),
            Some(Plan {
                drive: (Index::Trigram, "\"恒远精\" AND \"logistics\"".into()),
                narrow: None,
            })
        );
    }

    #[test]
    fn the_body_holds_pinyin_of_names_and_contacts() {
        let b = body(
            &["长沙恒远纺织有限公司"],
            &["湖南"],
            &["曾伟"],
            &["13800000000"],
        );
        let lines: Vec<&str> = b.lines().collect();
        assert!(lines.contains(&"changshahengyuanfangzhiyouxiangongsi"));
        assert!(lines.contains(&"cshyfzyxgs"));
        assert!(lines.contains(&"zengwei"));
        assert!(lines.contains(&"zw"));
        assert!(!lines.contains(&"hunan"), "only names get pinyin");
    }
}
