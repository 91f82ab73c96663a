//! The client's industry as GB/T 4754-2017《国民经济行业分类》: a section (门类 A–T) or a
//! division (大类 01–97, written with its section letter, `C34`), or `other` with the officer's
//! own words kept beside it. The table is `assets/industry/` (its README names the source).
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::labels::Text;
use crate::prefs::Language;

const TABLE: &str = include_str!("../../assets/industry/gbt4754-2017.tsv");
const SYNONYMS: &str = include_str!("../../assets/industry/industry-synonyms.tsv");

/// Neither a section nor a division: the officer's words (`ClientInput::industry`) say what.
pub const OTHER: &str = "other";
const OTHER_TEXT: Text = Text::new("其他（未归类）", "Other (not classified)");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Industry {
    /// `C` (a section) or `C34` (a division).
    pub code: &'static str,
    pub text: Text,
}

impl Industry {
    pub fn is_section(&self) -> bool {
        self.code.len() == 1
    }
}

/// The data rows of a tab-separated asset (its header line skipped).
fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Every section followed by its divisions, in the standard's order.
pub fn all() -> &'static [Industry] {
    static ALL: OnceLock<Vec<Industry>> = OnceLock::new();
    ALL.get_or_init(|| {
        rows(TABLE)
            .filter_map(|r| match r.as_slice() {
                [code, zh, en] => Some(Industry {
                    code,
                    text: Text::new(zh, en),
                }),
                _ => None,
            })
            .collect()
    })
}

/// A section, a division or `other`, as stored; None for anything else.
pub fn find(code: &str) -> Option<Industry> {
    if code == OTHER {
        return Some(Industry {
            code: OTHER,
            text: OTHER_TEXT,
        });
    }
    all().iter().copied().find(|i| i.code == code)
}

/// The section a code belongs to (`C34` → `C`); `other` stays `other`.
pub fn section_of(code: &str) -> &str {
    match code.char_indices().nth(1) {
        Some((i, _)) if code != OTHER => &code[..i],
        _ => code,
    }
}

/// How a label is compared: case, spaces and punctuation do not matter.
fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !"、，,;；()（）·.。-_/".contains(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn lookup() -> &'static HashMap<String, &'static str> {
    static MAP: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        // Synonyms first, so a name of the standard wins where both say something.
        for r in rows(SYNONYMS) {
            if let [text, code] = r.as_slice() {
                if let Some(i) = find(code) {
                    map.insert(normalize(text), i.code);
                }
            }
        }
        for i in all() {
            map.insert(normalize(i.code), i.code);
            // 房地产业 is both a section and its only division: the division is more exact.
            for name in [i.text.zh, i.text.en] {
                map.insert(normalize(name), i.code);
            }
        }
        map
    })
}

/// The section or division that free text obviously names: a code (`C34`, `c34`, `34`, `C`),
/// a name of the standard in either language (with or without the final 业), or one of the
/// words in `industry-synonyms.tsv`. None when it is not obvious: the caller keeps the text
/// under [`OTHER`].
pub fn classify(text: &str) -> Option<&'static str> {
    let key = normalize(text);
    if key.is_empty() {
        return None;
    }
    let map = lookup();
    if let Some(code) = map.get(&key) {
        return Some(code);
    }
    // A division by its two digits alone.
    if key.len() == 2 && key.chars().all(|c| c.is_ascii_digit()) {
        return all().iter().find(|i| i.code[1..] == key).map(|i| i.code);
    }
    // 房地产 for 房地产业, 制造 for 制造业; or 制造行业.
    let stem = key.strip_suffix("行业").unwrap_or(&key);
    map.get(&format!("{stem}业"))
        .or_else(|| map.get(stem))
        .copied()
}

/// Whether `text` is only the code or the standard's name of `code` (so it says nothing more).
pub fn names_exactly(text: &str, code: &str) -> bool {
    let key = normalize(text);
    find(code).is_some_and(|i| {
        [i.code, i.text.zh, i.text.en]
            .iter()
            .any(|n| normalize(n) == key)
            || (i.code.len() == 3 && key == normalize(&i.code[1..]))
    })
}

/// The stored form of a code the officer chose: trimmed and upper case (`c34` → `C34`), if it
/// is one of the table's (or `other`).
pub fn canonical(code: &str) -> Option<&'static str> {
    let code = code.trim();
    if code.eq_ignore_ascii_case(OTHER) {
        return Some(OTHER);
    }
    find(&code.to_uppercase()).map(|i| i.code)
}

/// The industry as the officer reads it: `C34 通用设备制造业`; for `other` the officer's words
/// (or 其他); the words alone when there is no code.
pub fn label(code: Option<&str>, text: Option<&str>, lang: Language) -> String {
    let text = text.map(str::trim).filter(|t| !t.is_empty());
    match code.and_then(find) {
        Some(i) if i.code == OTHER => {
            text.map_or_else(|| i.text.get(lang).to_owned(), str::to_owned)
        }
        Some(i) => format!("{} {}", i.code, i.text.get(lang)),
        None => text.unwrap_or_default().to_owned(),
    }
}

/// The catalogue's `industry` section: every code and `other`, in the standard's order.
pub fn catalogue() -> impl Iterator<Item = (&'static str, Text)> {
    all()
        .iter()
        .map(|i| (i.code, i.text))
        .chain(std::iter::once((OTHER, OTHER_TEXT)))
}

/// Schema 15: every client with free text and no code gets the code its text obviously names,
/// or `other`; the text itself is left as the officer wrote it. Returns how many were coded.
pub(crate) fn migrate_free_text(tx: &rusqlite::Transaction) -> crate::error::Result<usize> {
    let texts: Vec<String> = tx
        .prepare(
            "SELECT DISTINCT industry FROM clients
             WHERE industry_code IS NULL AND trim(coalesce(industry, '')) <> ''",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut set = tx.prepare(
        "UPDATE clients SET industry_code = ?2 WHERE industry = ?1 AND industry_code IS NULL",
    )?;
    let mut done = 0;
    for text in texts {
        let code = classify(&text).unwrap_or(OTHER);
        done += set.execute(rusqlite::params![text, code])?;
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_sections_and_divisions_01_to_97_each_under_its_section() {
        let sections: Vec<&str> = all()
            .iter()
            .filter(|i| i.is_section())
            .map(|i| i.code)
            .collect();
        assert_eq!(sections.concat(), "ABCDEFGHIJKLMNOPQRST");
        let divisions: Vec<&Industry> = all().iter().filter(|i| !i.is_section()).collect();
        assert_eq!(divisions.len(), 97);
        for (n, d) in divisions.iter().enumerate() {
            assert_eq!(d.code[1..], format!("{:02}", n + 1), "{}", d.code);
        }
        // Each division follows its own section in the file.
        let mut current = "";
        for i in all() {
            if i.is_section() {
                current = i.code;
            } else {
                assert_eq!(section_of(i.code), current, "{}", i.code);
            }
            assert!(!i.text.zh.is_empty() && !i.text.en.is_empty(), "{}", i.code);
        }
        // The boundaries of the standard's sections.
        for (code, section) in [
            ("C13", "C"),
            ("C43", "C"),
            ("D44", "D"),
            ("K70", "K"),
            ("T97", "T"),
        ] {
            assert_eq!(section_of(code), section);
        }
        assert_eq!(
            find("C25").map(|i| i.text.zh),
            Some("石油、煤炭及其他燃料加工业")
        );
    }

    #[test]
    fn free_text_maps_only_when_obvious() {
        let cases = [
            ("制造业", Some("C")),
            ("制造", Some("C")),
            ("通用设备制造业", Some("C34")),
            (" c34 ", Some("C34")),
            ("34", Some("C34")),
            ("Manufacture of medicines", Some("C27")),
            ("房地产", Some("K70")),
            ("房地产业", Some("K70")),
            ("农业", Some("A01")),
            ("物流", Some("G")),
            ("交通物流", Some("G")),
            ("医药健康", Some("C27")),
            ("软件", Some("I65")),
            ("商贸流通", Some("F")),
            ("新能源", None),
            ("建筑建材", None),
            ("节能环保", None),
            ("", None),
            ("99", None),
        ];
        for (text, code) in cases {
            assert_eq!(classify(text), code, "{text}");
        }
    }

    #[test]
    fn codes_are_stored_upper_case_and_labelled_in_either_language() {
        assert_eq!(canonical("c34"), Some("C34"));
        assert_eq!(canonical("Other"), Some(OTHER));
        assert_eq!(canonical("C99"), None);
        assert_eq!(label(Some("C34"), None, Language::Zh), "C34 通用设备制造业");
        assert_eq!(
            label(Some("C34"), Some("精密机械"), Language::En),
            "C34 Manufacture of general-purpose machinery"
        );
        assert_eq!(label(Some(OTHER), Some("新能源"), Language::Zh), "新能源");
        assert_eq!(
            label(Some(OTHER), None, Language::En),
            "Other (not classified)"
        );
        assert_eq!(label(None, Some("旧的说法"), Language::Zh), "旧的说法");
        assert_eq!(catalogue().count(), 118);
        assert!(names_exactly(" c34", "C34") && names_exactly("34", "C34"));
        assert!(names_exactly("通用设备制造业", "C34"));
        assert!(!names_exactly("机械", "C34"));
    }
}
