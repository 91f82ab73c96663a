//! Reading a business licence (营业执照) and scanned statement pages from the text an OCR
//! engine found on them. Pure logic over [`OcrBox`]es: no ONNX here (the engine is the
//! `loandesk-ocr` crate), so every rule is unit-tested from boxes.
//!
//! Nothing here writes anything: the officer confirms every value (issue 18).
pub mod credit_code;
pub mod licence;
mod page;
pub mod review;
pub mod statement;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use licence::{read_licence, LicenceRead};
pub use statement::{read_statement, StatementRead};

/// One line of text the engine found: what it read, how sure it was (0..1), and where
/// (corners in page pixels: top-left, top-right, bottom-right, bottom-left).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OcrBox {
    pub text: String,
    pub score: f32,
    #[ts(type = "[[number, number], [number, number], [number, number], [number, number]]")]
    pub quad: [(u32, u32); 4],
}

impl OcrBox {
    /// A box from its axis-aligned bounds (tests, and engines that give no quads).
    pub fn rect(text: &str, score: f32, left: u32, top: u32, right: u32, bottom: u32) -> OcrBox {
        OcrBox {
            text: text.to_string(),
            score,
            quad: [(left, top), (right, top), (right, bottom), (left, bottom)],
        }
    }
}
