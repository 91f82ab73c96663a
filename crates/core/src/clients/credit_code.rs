//! The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a
//! 31-symbol alphabet (no I, O, S, V, Z); the last is a check character, mod 31.
const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

use crate::rule::Rule;

fn value_of(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// The check character for the first 17 characters (already upper case).
pub fn check_character(first17: &[u8]) -> Option<char> {
    let mut sum = 0u32;
    for (c, w) in first17.iter().zip(WEIGHTS) {
        sum += value_of(*c)? * w;
    }
    let check = (31 - sum % 31) % 31;
    Some(ALPHABET[check as usize] as char)
}

/// Validates and normalises (trim, upper case) a code.
pub fn validate(code: &str) -> Result<String, Rule> {
    let code = code.trim().to_ascii_uppercase();
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Err(Rule::CreditCodeLength(chars.len()));
    }
    for (i, c) in chars.iter().enumerate() {
        if !c.is_ascii() || value_of(*c as u8).is_none() {
            return Err(Rule::CreditCodeCharacter {
                position: i + 1,
                character: *c,
            });
        }
    }
    let bytes = code.as_bytes();
    let expected = check_character(&bytes[..17]).ok_or(Rule::CreditCodeLength(18))?;
    let found = chars[17];
    if expected != found {
        return Err(Rule::CreditCodeCheck { expected, found });
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_published_codes() {
        // Codes printed on real business licences.
        for code in [
            "91350100M000100Y43",
            "91110000802100433B",
            "91440300708461136T",
            "911100001000079554",
        ] {
            assert_eq!(validate(code), Ok(code.to_string()), "{code}");
        }
        assert_eq!(
            validate(" 91350100m000100y43 "),
            Ok("91350100M000100Y43".to_string())
        );
    }

    #[test]
    fn rejects_wrong_codes_with_reason() {
        assert_eq!(
            validate("91350100M000100Y44"),
            Err(Rule::CreditCodeCheck {
                expected: '3',
                found: '4'
            })
        );
        assert_eq!(validate("1234"), Err(Rule::CreditCodeLength(4)));
        assert!(matches!(
            validate("91350100M000100I43"),
            Err(Rule::CreditCodeCharacter { position: 16, .. })
        ));
        assert!(matches!(
            validate("91350100M000100Y4三"),
            Err(Rule::CreditCodeCharacter { .. })
        ));
    }
}
