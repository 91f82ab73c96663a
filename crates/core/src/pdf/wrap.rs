//! Line breaking for mixed Chinese and Latin text.
//!
//! Latin breaks at spaces; Chinese may break between any two characters, except that
//! closing punctuation (，。）…) never starts a line and opening punctuation (（《“…) never
//! ends one. A word wider than the column (a 200-character name with no spaces, a URL)
//! is broken between characters, so nothing ever runs past the column.
use super::fonts::Fonts;

/// Characters that stay with what precedes them.
fn closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '】'
            | '》'
            | '」'
            | '』'
            | '”'
            | '’'
            | '…'
            | '·'
            | '%'
            | '％'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
    )
}

/// Characters that stay with what follows them.
fn opening(c: char) -> bool {
    matches!(
        c,
        '（' | '【' | '《' | '「' | '『' | '“' | '‘' | '(' | '[' | '{'
    )
}

/// Characters after which a line may break even with no space (ideographs, kana, hangul,
/// fullwidth forms and CJK punctuation).
fn breaks_freely(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Splits one paragraph into unbreakable units: a Latin word, a single ideograph, or a run
/// of spaces; punctuation glued to its neighbour.
fn units(paragraph: &str) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    let mut glue_next = false;
    for c in paragraph.chars() {
        let space = c == ' ';
        let join = match units.last() {
            None => false,
            Some(_) if glue_next => true,
            Some(last) if closing(c) => !last.ends_with(' '),
            Some(last) => {
                let prev = last.chars().next_back().unwrap_or(' ');
                let prev_space = prev == ' ';
                if space || prev_space {
                    space && prev_space
                } else {
                    !(breaks_freely(c) || breaks_freely(prev))
                }
            }
        };
        match units.last_mut() {
            Some(last) if join => last.push(c),
            _ => units.push(c.to_string()),
        }
        glue_next = opening(c);
    }
    units
}

/// The lines `text` takes in a column `width` points wide at `size`; at least one line.
pub(crate) fn wrap_lines(fonts: &mut Fonts, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let text = text.replace("\r\n", "\n").replace('\t', " ");
    for paragraph in text.split(['\n', '\r']) {
        let mut line = String::new();
        let mut used = 0.0f32;
        for unit in units(paragraph) {
            let w = fonts.width_em(&unit) * size;
            let is_space = unit.chars().all(|c| c == ' ');
            if used + w <= width || (line.is_empty() && is_space) {
                line.push_str(&unit);
                used += w;
                continue;
            }
            if is_space {
                // A space at the end of a line is the break itself.
                lines.push(std::mem::take(&mut line).trim_end().to_owned());
                used = 0.0;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line).trim_end().to_owned());
                used = 0.0;
            }
            if w <= width {
                line.push_str(&unit);
                used = w;
                continue;
            }
            for c in unit.chars() {
                let cw = fonts.width_em(c.encode_utf8(&mut [0; 4])) * size;
                if used + cw > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    used = 0.0;
                }
                line.push(c);
                used += cw;
            }
        }
        lines.push(line.trim_end().to_owned());
    }
    lines
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn wrap(text: &str, width_em: f32) -> Vec<String> {
        let mut fonts = Fonts::new(false).unwrap();
        wrap_lines(&mut fonts, text, 10.0, width_em * 10.0)
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_before_closing_punctuation() {
        assert_eq!(wrap("甲乙丙丁戊己", 4.0), ["甲乙丙丁", "戊己"]);
        // "，" may not start a line: it goes with 丁 even if that leaves 丙 to wrap.
        assert_eq!(wrap("甲乙丙丁，戊己", 4.0), ["甲乙丙", "丁，戊己"]);
        assert_eq!(wrap("甲乙丙（丁）", 4.0), ["甲乙丙", "（丁）"]);
    }

    #[test]
    fn latin_breaks_at_spaces() {
        let lines = wrap("alpha beta gamma delta", 6.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines
            .iter()
            .all(|l| !l.starts_with(' ') && !l.ends_with(' ')));
        assert_eq!(lines.join(" "), "alpha beta gamma delta");
    }

    #[test]
    fn a_word_longer_than_the_column_is_broken_and_nothing_is_lost() {
        let name = "有限公司".repeat(50);
        let lines = wrap(&name, 10.0);
        assert_eq!(lines.len(), 20);
        assert_eq!(lines.concat(), name);
        let markup = "<img src=x onerror=alert(1)>".repeat(5);
        let lines = wrap(&markup, 8.0);
        assert!(lines.len() > 3);
        assert_eq!(lines.concat().replace(' ', ""), markup.replace(' ', ""));
    }

    #[test]
    fn punctuation_after_a_space_is_kept() {
        let lines = wrap("rate = 3.55 % , end", 5.0);
        assert_eq!(
            lines.join(" ").split_whitespace().collect::<Vec<_>>(),
            ["rate", "=", "3.55", "%", ",", "end"]
        );
    }

    #[test]
    fn hard_breaks_and_empty_text() {
        assert_eq!(wrap("a\nb\r\nc", 10.0), ["a", "b", "c"]);
        assert_eq!(wrap("", 10.0), [""]);
    }

    proptest::proptest! {
        /// Whatever the text and the column, every visible character comes out, in order,
        /// and no line is wider than the column unless it holds a single character.
        #[test]
        fn wrapping_loses_nothing(
            text in "[a-z甲乙丙丁 ，。（）《》、.,()%<>&😀\n]{0,80}",
            width_em in 1.0f32..30.0,
        ) {
            let mut fonts = Fonts::new(false).unwrap();
            let lines = wrap_lines(&mut fonts, &text, 10.0, width_em * 10.0);
            let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            proptest::prop_assert_eq!(visible(&lines.concat()), visible(&text));
            for line in &lines {
                let w = fonts.width_em(line) * 10.0;
                proptest::prop_assert!(w <= width_em * 10.0 + 0.01 || line.chars().count() == 1, "{:?} is {} wide", line, w);
            }
        }
    }
}
