//! The unified social credit code as OCR reads it: checked with the GB 32100 check character
//! of [`crate::clients::credit_code`], and repaired for the usual misreadings (O/0, I/1, Z/2,
//! S/5, B/8, …) only when the repaired code validates, and only when exactly one repair does
//! (two codes that both validate would be a guess, and the officer would not see it was one).

use serde::Serialize;
use ts_rs::TS;

use crate::clients::credit_code::validate;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CreditCodeRead {
    /// The code (repaired when `repaired`), or the 18 characters read when none validates.
    pub code: String,
    pub valid: bool,
    /// Characters were changed to make it validate.
    pub repaired: bool,
}

/// Characters outside the code's alphabet (GB 32100 leaves out I, O, S, V, Z) and what they are
/// misread for; and pairs of valid characters that look alike.
fn alternatives(c: char, digits_only: bool) -> &'static [char] {
    match c {
        'O' | 'Q' | 'D' | 'U' if digits_only => &['0'],
        'I' | 'L' | 'T' | 'J' if digits_only => &['1'],
        'Z' if digits_only => &['2'],
        'S' if digits_only => &['5'],
        'B' if digits_only => &['8'],
        'G' if digits_only => &['6'],
        'A' if digits_only => &['4'],
        'O' => &['0', 'D', 'Q'],
        'I' => &['1', 'L', 'T'],
        'Z' => &['2'],
        'S' => &['5'],
        'V' => &['U', 'Y'],
        '0' => &['D', 'Q'],
        'D' | 'Q' => &['0'],
        '1' => &['L', 'T', '7'],
        'L' | 'T' | '7' => &['1'],
        '2' => &['Z'],
        '5' => &['S'],
        '8' => &['B'],
        'B' => &['8'],
        '6' => &['G'],
        'G' => &['6'],
        'U' => &['V'],
        _ => &[],
    }
}

fn in_alphabet(c: char) -> bool {
    c.is_ascii_digit() || (c.is_ascii_uppercase() && !"IOSVZ".contains(c))
}

/// Positions 3–8 are the administrative division code (行政区划码): digits only.
fn digits_only(position: usize) -> bool {
    (2..8).contains(&position)
}

/// The code in `text` (spaces and separators dropped, upper case), checked and if need be
/// repaired. None when `text` holds no run of 18 letters and digits.
pub fn read_credit_code(text: &str) -> Option<CreditCodeRead> {
    let run = longest_run(text);
    let chars: Vec<char> = run.chars().collect();
    if chars.len() < 18 {
        return None;
    }
    // A run longer than 18 (a label's Latin letters glued on): every 18-window, a valid one first.
    let windows: Vec<String> = (0..=chars.len() - 18)
        .map(|i| chars[i..i + 18].iter().collect())
        .collect();
    if let Some(ok) = windows.iter().find(|w| validate(w).is_ok()) {
        return Some(CreditCodeRead {
            code: ok.clone(),
            valid: true,
            repaired: false,
        });
    }
    let mut repairs: Vec<String> = windows.iter().filter_map(|w| repair(w)).collect();
    repairs.sort();
    repairs.dedup();
    if repairs.len() == 1 {
        return Some(CreditCodeRead {
            code: repairs.remove(0),
            valid: true,
            repaired: true,
        });
    }
    Some(CreditCodeRead {
        code: windows.into_iter().next().unwrap_or_default(),
        valid: false,
        repaired: false,
    })
}

/// The one code that validates after replacing look-alike characters, if exactly one does.
/// First the forced changes (a character outside the alphabet, a letter among the division
/// code's digits), then at most one more look-alike swap anywhere.
pub fn repair(code: &str) -> Option<String> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return None;
    }
    // Forced: each character the code cannot contain, replaced by every look-alike it may be.
    let mut bases: Vec<Vec<char>> = vec![Vec::with_capacity(18)];
    for (i, &c) in chars.iter().enumerate() {
        let ok = in_alphabet(c) && (!digits_only(i) || c.is_ascii_digit());
        let options: Vec<char> = if ok {
            vec![c]
        } else {
            alternatives(c, digits_only(i)).to_vec()
        };
        if options.is_empty() {
            return None;
        }
        bases = bases
            .into_iter()
            .flat_map(|b| {
                options.iter().map(move |&o| {
                    let mut b = b.clone();
                    b.push(o);
                    b
                })
            })
            .collect();
        if bases.len() > 64 {
            return None;
        }
    }
    let mut found: Vec<String> = bases
        .iter()
        .map(|b| b.iter().collect::<String>())
        .filter(|s| validate(s).is_ok())
        .collect();
    if found.is_empty() {
        // One more swap of two valid look-alikes (0/D, 8/B, 1/7, ...).
        for base in &bases {
            for i in 0..18 {
                for &alt in alternatives(base[i], digits_only(i)) {
                    if !in_alphabet(alt) || (digits_only(i) && !alt.is_ascii_digit()) {
                        continue;
                    }
                    let mut candidate = base.clone();
                    candidate[i] = alt;
                    let s: String = candidate.iter().collect();
                    if validate(&s).is_ok() {
                        found.push(s);
                    }
                }
            }
        }
    }
    found.sort();
    found.dedup();
    (found.len() == 1).then(|| found.remove(0))
}

/// The longest run of ASCII letters and digits, ignoring spaces and separators inside it
/// (OCR may read "9143 0100 ..." or put a dot between groups).
fn longest_run(text: &str) -> String {
    let mut best = String::new();
    let mut cur = String::new();
    for c in text.chars() {
        let c = match c {
            // Full-width forms read from a Chinese line.
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        };
        if c.is_ascii_alphanumeric() {
            cur.push(c.to_ascii_uppercase());
        } else if matches!(c, ' ' | '\u{3000}' | '-' | '.' | '·') {
            continue;
        } else {
            if cur.len() > best.len() {
                best = std::mem::take(&mut cur);
            }
            cur.clear();
        }
    }
    if cur.len() > best.len() {
        best = cur;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODE: &str = "91430100MA4L2X8P3Y";

    fn read(text: &str) -> CreditCodeRead {
        read_credit_code(text).unwrap_or_else(|| panic!("no code in {text}"))
    }

    #[test]
    fn a_valid_code_is_read_as_is() {
        assert_eq!(validate(CODE), Ok(CODE.to_string()));
        let r = read("统一社会信用代码 91430100MA4L2X8P3Y");
        assert_eq!((r.code.as_str(), r.valid, r.repaired), (CODE, true, false));
        // Spaced in groups, lower case, full-width digits.
        assert_eq!(read("9143 0100 ma4l 2x8p 3y").code, CODE);
        assert_eq!(read("９1430100MA4L2X8P3Y").code, CODE);
    }

    #[test]
    fn the_usual_confusions_are_repaired_when_the_result_validates() {
        for misread in [
            "9143O1OOMA4L2X8P3Y", // O for 0 among the division code's digits
            "9I430100MA4L2X8P3Y", // I for 1
            "91430I00MA4L2X8P3Y",
            "9143Z100MA4L2X8P3Y".replace('Z', "0").as_str(), // control: already valid
            "91430100MA4LZX8P3Y",                            // Z for 2 in the organisation code
            "91430100MA4L2X8P3V",                            // V (not in the alphabet) for Y
            "91S30100MA4L2X8P3Y".replace('S', "4").as_str(),
            "914S0100MA4L2X8P3Y".replace('S', "3").as_str(),
            "91430100MA4L2XBP3Y".replace('B', "8").as_str(),
            "91430100MA4L2X8P3Y",
        ] {
            let r = read(misread);
            assert_eq!((r.code.as_str(), r.valid), (CODE, true), "{misread}");
        }
        let r = read("9143O1OOMA4L2X8P3Y");
        assert!(r.repaired);
        // S for 5 in the division code.
        let code = "91440300MA5F8B2K0K";
        assert_eq!(validate(code), Ok(code.to_string()));
        assert_eq!(read("91440300MASF8B2K0K").code, code);
    }

    #[test]
    fn a_repair_that_does_not_validate_is_not_made() {
        // Two characters wrong beyond look-alikes: reported as read, invalid.
        let r = read("91430100MA4L2X8P9K");
        assert_eq!(
            (r.code.as_str(), r.valid, r.repaired),
            ("91430100MA4L2X8P9K", false, false)
        );
        assert_eq!(read_credit_code("名称 长沙市某某公司"), None);
        assert_eq!(read_credit_code("1234567"), None);
    }

    #[test]
    fn a_repair_is_made_only_when_exactly_one_code_validates() {
        // Misread valid look-alikes (8 as B): each single swap that validates is counted; with
        // more than one the code is left as read.
        for wrong in [
            "91430100MA4L2XBP3Y",
            "91440300MA5F8B2KDK",
            "91110108MAD1RQ7E6L",
        ] {
            let chars: Vec<char> = wrong.chars().collect();
            let mut valid = Vec::new();
            for i in 0..18 {
                for &alt in alternatives(chars[i], digits_only(i)) {
                    let mut c = chars.clone();
                    c[i] = alt;
                    let s: String = c.iter().collect();
                    if validate(&s).is_ok() {
                        valid.push(s);
                    }
                }
            }
            valid.sort();
            valid.dedup();
            let got = repair(wrong);
            if valid.len() == 1 {
                assert_eq!(got.as_deref(), Some(valid[0].as_str()), "{wrong}");
            } else {
                assert_eq!(got, None, "{wrong}: {valid:?}");
            }
        }
    }
}
