//! Time per page and model load time on the synthetic fixtures (run it with the release build):
//!
//!     cargo run --release -p loandesk-ocr --features fixtures --example measure -- \
//!         src-tauri/resources/ocr crates/core/assets/fonts/NotoSansCJKsc-Regular-subset.otf [--print]
//!
//! Prints, per fixture, the total and where it went (det, cls, rec, preprocessing).
//! `--write DIR` also saves each page as PNG there (to time `loandesk ocr` end to end).
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use loandesk_ocr::fixtures::{self, Capture, Licence, Variant};
use loandesk_ocr::Engine;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(resources), Some(font)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: measure RESOURCES_DIR FONT [--print]");
        std::process::exit(2);
    };
    let print = args.iter().any(|a| a == "--print");
    let write = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);
    let font_bytes = std::fs::read(font)?;
    let font = ab_glyph::FontRef::try_from_slice(&font_bytes)?;
    let started = Instant::now();
    let engine = Engine::load(std::path::Path::new(resources))?;
    println!(
        "model load: {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    let cancel = AtomicBool::new(false);
    let mut pages = Vec::new();
    for v in Variant::all() {
        pages.push((
            format!("licence {}", v.name()),
            fixtures::licence(&font, &Licence::sample(), v),
        ));
    }
    for dpi in [150, 200] {
        let v = Variant {
            dpi,
            capture: Capture::Clean,
        };
        pages.push((
            format!("balance sheet {}", v.name()),
            fixtures::balance_sheet(&font, fixtures::BALANCE_SHEET, v),
        ));
    }
    if let Some(dir) = &write {
        std::fs::create_dir_all(dir)?;
        for (name, page) in &pages {
            page.save(dir.join(format!("{}.png", name.replace(' ', "-"))))?;
        }
    }
    for (name, page) in &pages {
        let started = Instant::now();
        let (boxes, t) = engine.recognise_timed(page, &cancel, &|_| {})?;
        let total = started.elapsed().as_secs_f64() * 1000.0;
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{name:34} {}x{}: {total:6.0} ms  det {:5.0}  cls {:4.0}  rec {:5.0}  pre {:4.0}  boxes {}",
            page.width(),
            page.height(),
            ms(t.det),
            ms(t.cls),
            ms(t.rec),
            ms(t.preprocessing),
            t.boxes
        );
        if print {
            for b in &boxes {
                println!("    {:.2} {:?} {}", b.score, b.quad[0], b.text);
            }
        }
    }
    Ok(())
}
