//! Writes one synthetic page of the OCR fixtures (`loandesk_ocr::fixtures`, drawn with the
//! bundled CJK font) to a file, for tests that need the page as a file the app picks: the
//! end-to-end test of the licence review (tests/e2e/ocr_licence.test.mjs).
//!
//!     cargo run -p loandesk-cli --example ocr_fixture -- licence-photo OUT.jpg
//!     cargo run -p loandesk-cli --example ocr_fixture -- balance-sheet OUT.png
//!
//! The licence is `Licence::sample()` photographed at 200 dpi (perspective, blur, uneven light);
//! the balance sheet is `BALANCE_SHEET`, clean at 200 dpi. JPEG or PNG by the file's extension.
use std::process::ExitCode;

use loandesk_ocr::fixtures::{self, Capture, Licence, Variant, BALANCE_SHEET};

/// Compiled in, not read from beside the sources at run time: a build cache shared by two
/// checkouts would hand one checkout an example pointing into the other's tree.
static FONT: &[u8] = include_bytes!("../../core/assets/fonts/NotoSansCJKsc-Regular-subset.otf");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(what), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: ocr_fixture licence-photo|licence-clean|balance-sheet OUT.(jpg|png)");
        return ExitCode::from(2);
    };
    let Ok(font) = ab_glyph::FontRef::try_from_slice(FONT) else {
        eprintln!("error: the bundled CJK font is not a font");
        return ExitCode::from(1);
    };
    let at = |capture| Variant { dpi: 200, capture };
    let page = match what.as_str() {
        "licence-photo" => fixtures::licence(&font, &Licence::sample(), at(Capture::Photographed)),
        "licence-clean" => fixtures::licence(&font, &Licence::sample(), at(Capture::Clean)),
        "balance-sheet" => fixtures::balance_sheet(&font, BALANCE_SHEET, at(Capture::Clean)),
        other => {
            eprintln!("error: unknown page {other}");
            return ExitCode::from(2);
        }
    };
    let format = if out.ends_with(".png") {
        image::ImageFormat::Png
    } else {
        image::ImageFormat::Jpeg
    };
    match std::fs::write(out, fixtures::encode(&page, format)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {out}: {e}");
            ExitCode::from(1)
        }
    }
}
