//! The fonts a document is drawn with: the CJK subset that ships inside the app, then a
//! system CJK font for the rare character the subset lacks, then a visible □.
//!
//! Text is split into runs by the face that has each character, so every run can be
//! measured here (ttf-parser) and embedded by printpdf with the same glyphs.
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::{Error, Result};

/// Noto Sans CJK SC, subset to Latin, punctuation and every GBK character (see
/// assets/fonts/README.md). Compiled in: exports must not depend on the laptop's fonts.
static EMBEDDED: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Regular-subset.otf");

/// Drawn for a character no font has, so the reader sees that something is missing.
pub(crate) const REPLACEMENT: char = '□';

/// CJK faces the operating systems ship, most complete first, with the face index inside a
/// collection. Only read when a character is missing from the embedded subset.
const SYSTEM_CANDIDATES: &[(&str, u32)] = &[
    // Windows: Microsoft YaHei, SimSun, then SimSun-ExtB for CJK extension B.
    ("C:\\Windows\\Fonts\\msyh.ttc", 0),
    ("C:\\Windows\\Fonts\\simsun.ttc", 0),
    ("C:\\Windows\\Fonts\\simsunb.ttf", 0),
    // macOS
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", 0),
    ("/System/Library/Fonts/Supplemental/Songti.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    // Linux (Debian/Ubuntu fonts-noto-cjk: face 2 is SC; then WenQuanYi, Droid fallback)
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    (
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        0,
    ),
];

/// A face loaded once per process: the bytes stay alive for ttf-parser's borrowed view.
pub(crate) struct Loaded {
    bytes: Vec<u8>,
    index: u32,
    parsed: ParsedFont,
}

static PRIMARY: OnceLock<Option<ParsedFont>> = OnceLock::new();
static SYSTEM: OnceLock<Vec<OnceLock<Option<Loaded>>>> = OnceLock::new();

fn primary_parsed() -> Result<&'static ParsedFont> {
    // Parsing the 22k-glyph subset takes ~10 ms: once per process, not once per export.
    PRIMARY
        .get_or_init(|| ParsedFont::from_bytes(EMBEDDED, 0, &mut Vec::new()))
        .as_ref()
        .ok_or_else(|| Error::Pdf("the embedded CJK font could not be read".into()))
}

fn load(path: &str, index: u32) -> Option<Loaded> {
    let path = Path::new(path);
    if !path.is_file() {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    ttf_parser::Face::parse(&bytes, index).ok()?;
    let parsed = ParsedFont::from_bytes(&bytes, index as usize, &mut Vec::new())?;
    Some(Loaded {
        bytes,
        index,
        parsed,
    })
}

/// Which face draws a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum FaceKey {
    Primary,
    System(usize),
}

/// A stretch of text drawn with one face.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    pub face: FaceKey,
    pub text: String,
    /// Advance width in em (multiply by the font size for points).
    pub width_em: f32,
}

struct Face {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
}

impl Face {
    fn new(bytes: &'static [u8], index: u32) -> Option<Face> {
        let face = ttf_parser::Face::parse(bytes, index).ok()?;
        let units_per_em = f32::from(face.units_per_em().max(1));
        Some(Face { face, units_per_em })
    }

    /// Advance in em, or `None` when the face has no glyph for `c`.
    fn advance(&self, c: char) -> Option<f32> {
        let glyph = self.face.glyph_index(c)?;
        let advance = self.face.glyph_hor_advance(glyph).unwrap_or(0);
        Some(f32::from(advance) / self.units_per_em)
    }
}

/// The faces of one export, and the characters nothing could draw.
pub(crate) struct Fonts {
    primary: Face,
    /// Loaded system faces by candidate index; looked up only for characters the subset lacks.
    system: Vec<(usize, Face)>,
    use_system: bool,
    missing: BTreeSet<char>,
    replacement_em: f32,
}

impl Fonts {
    pub(crate) fn new(use_system: bool) -> Result<Fonts> {
        let primary = Face::new(EMBEDDED, 0)
            .ok_or_else(|| Error::Pdf("the embedded CJK font could not be read".into()))?;
        let replacement_em = primary.advance(REPLACEMENT).unwrap_or(1.0);
        Ok(Fonts {
            primary,
            system: Vec::new(),
            use_system,
            missing: BTreeSet::new(),
            replacement_em,
        })
    }

    pub(crate) fn primary_parsed(&self) -> Result<&'static ParsedFont> {
        primary_parsed()
    }

    pub(crate) fn system_parsed(&self, candidate: usize) -> Option<&'static ParsedFont> {
        system_slot(candidate).map(|loaded| &loaded.parsed)
    }

    /// Characters that were drawn as □, for the export's warnings.
    pub(crate) fn missing(&self) -> &BTreeSet<char> {
        &self.missing
    }

    /// Splits `text` into runs by face; characters no face has become □ and are remembered.
    pub(crate) fn runs(&mut self, text: &str) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for c in text.chars() {
            let Some((face, c, em)) = self.place(c) else {
                continue;
            };
            match runs.last_mut() {
                Some(run) if run.face == face => {
                    run.text.push(c);
                    run.width_em += em;
                }
                _ => runs.push(Run {
                    face,
                    text: c.to_string(),
                    width_em: em,
                }),
            }
        }
        runs
    }

    /// Width of `text` in em, as [`Fonts::runs`] would draw it.
    pub(crate) fn width_em(&mut self, text: &str) -> f32 {
        text.chars()
            .filter_map(|c| self.place(c))
            .map(|(_, _, em)| em)
            .sum()
    }

    /// The face, the character actually drawn and its advance; `None` for a character
    /// with no visible form (see [`invisible`]).
    fn place(&mut self, c: char) -> Option<(FaceKey, char, f32)> {
        let c = if c.is_control() { ' ' } else { c };
        if let Some(em) = self.primary.advance(c) {
            return Some((FaceKey::Primary, c, em));
        }
        if invisible(c) {
            return None;
        }
        if let Some((key, em)) = self.system_advance(c) {
            return Some((key, c, em));
        }
        self.missing.insert(c);
        Some((FaceKey::Primary, REPLACEMENT, self.replacement_em))
    }

    fn system_advance(&mut self, c: char) -> Option<(FaceKey, f32)> {
        if !self.use_system {
            return None;
        }
        for (candidate, face) in &self.system {
            if let Some(em) = face.advance(c) {
                return Some((FaceKey::System(*candidate), em));
            }
        }
        // Not in the faces loaded so far: load the next candidates that exist, in order.
        for candidate in 0..SYSTEM_CANDIDATES.len() {
            if self.system.iter().any(|(i, _)| *i == candidate) {
                continue;
            }
            let Some(loaded) = system_slot(candidate) else {
                continue;
            };
            let Some(face) = Face::new(&loaded.bytes, loaded.index) else {
                continue;
            };
            let em = face.advance(c);
            self.system.push((candidate, face));
            if let Some(em) = em {
                return Some((FaceKey::System(candidate), em));
            }
        }
        None
    }
}

fn system_slot(candidate: usize) -> Option<&'static Loaded> {
    let slots = SYSTEM.get_or_init(|| SYSTEM_CANDIDATES.iter().map(|_| OnceLock::new()).collect());
    let (path, index) = SYSTEM_CANDIDATES.get(candidate)?;
    slots
        .get(candidate)?
        .get_or_init(|| load(path, *index))
        .as_ref()
}

/// Joiners, variation selectors and the BOM only modify their neighbours (an emoji's
/// presentation, a ligature); they have no glyph of their own to draw or to miss.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
        || ('\u{E0100}'..='\u{E01EF}').contains(&c)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn embedded_face_covers_gbk_and_latin() {
        let mut fonts = Fonts::new(false).unwrap();
        let runs = fonts.runs("还款计划表 Repayment 1,000,000.00 堃昇 ¥ □");
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].face, FaceKey::Primary);
        assert!(fonts.missing().is_empty());
        // Ideographs are one em wide; Latin is narrower.
        assert!((fonts.width_em("还款") - 2.0).abs() < 0.01);
        assert!(fonts.width_em("ii") < 1.0);
    }

    #[test]
    fn missing_characters_become_a_visible_box_and_are_reported() {
        let mut fonts = Fonts::new(false).unwrap();
        let runs = fonts.runs("A😀B\u{FE0F}");
        assert_eq!(runs[0].text, "A□B");
        assert_eq!(fonts.missing().iter().collect::<String>(), "😀");
    }

    #[test]
    fn control_characters_are_spaces() {
        let mut fonts = Fonts::new(false).unwrap();
        assert_eq!(fonts.runs("a\tb\u{7}c")[0].text, "a b c");
        assert!(fonts.missing().is_empty());
    }
}
