//! The OCR engine of LoanDesk: PP-OCRv4 Chinese text detection, direction classification and
//! recognition on ONNX Runtime, plus the decoding of the files officers scan or photograph
//! (PNG, JPEG, TIFF, and scanned PDF pages, whose page is an embedded image).
//!
//! It knows nothing of licences or statements: it turns a page into [`TextBox`]es. The domain
//! extraction lives in `loandesk-core` (`ocr::licence`, `ocr::statement`), unit-tested from boxes.
//!
//! One [`Engine`] per session: loading the models costs a few hundred milliseconds, a page a
//! second or two. [`Engine::recognise`] takes `&self` (the sessions are behind mutexes), so the
//! app can keep it in managed state and run it off the UI thread.

mod decode;
mod det;
mod error;
#[cfg(feature = "fixtures")]
pub mod fixtures;
mod rec;
mod runtime;

pub use decode::{decode_document, decode_image, Kind, MAX_PAGES, MAX_PIXELS};
pub use error::OcrError;
pub use runtime::{runtime_library, Resources};

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ort::session::Session;

/// One line of text found on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBox {
    pub text: String,
    /// The recogniser's confidence, 0..1 (mean probability of the characters read).
    pub score: f32,
    /// Corners in page pixels: top-left, top-right, bottom-right, bottom-left.
    pub quad: [(u32, u32); 4],
}

impl TextBox {
    /// The axis-aligned box around the quad: (left, top, right, bottom).
    pub fn bounds(&self) -> (u32, u32, u32, u32) {
        let xs = self.quad.map(|p| p.0);
        let ys = self.quad.map(|p| p.1);
        (
            xs.iter().copied().min().unwrap_or(0),
            ys.iter().copied().min().unwrap_or(0),
            xs.iter().copied().max().unwrap_or(0),
            ys.iter().copied().max().unwrap_or(0),
        )
    }
}

/// Tuning that callers may change; the defaults were measured on synthetic A4 licences and
/// statement pages at 150–300 dpi (see the README's OCR section).
#[derive(Debug, Clone)]
pub struct Options {
    /// The detector sees the page scaled so its longer side is at most this (multiple of 32).
    pub det_max_side: u32,
    /// Run the 0°/180° classifier on each line (a page photographed upside down).
    pub classify_direction: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            det_max_side: 1600,
            classify_direction: true,
        }
    }
}

/// Where the time of one page went.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub det: Duration,
    pub cls: Duration,
    pub rec: Duration,
    /// Scaling, normalising and cropping done in Rust around the three models.
    pub preprocessing: Duration,
    pub boxes: usize,
}

pub struct Engine {
    det: Mutex<Session>,
    cls: Mutex<Session>,
    rec: Mutex<Session>,
    /// CTC classes: index 0 is the blank, then the model's dictionary, then a space.
    keys: Vec<String>,
    options: Options,
}

impl Engine {
    /// Loads ONNX Runtime from `resources` (by full path) and the three models. Slow (a few
    /// hundred ms): the app keeps one engine per session.
    pub fn load(resources: &Path) -> Result<Engine, OcrError> {
        Self::load_with(resources, Options::default())
    }

    pub fn load_with(resources: &Path, options: Options) -> Result<Engine, OcrError> {
        let res = Resources::locate(resources)?;
        // ort panics when the library cannot be loaded or has the wrong version: a panic in a
        // third-party engine is an error here, never a crash of the app.
        guard(|| {
            runtime::init(&res.runtime)?;
            let det = runtime::session(&res.det)?;
            let cls = runtime::session(&res.cls)?;
            let rec = runtime::session(&res.rec)?;
            let keys = rec::keys(&rec)?;
            Ok(Engine {
                det: Mutex::new(det),
                cls: Mutex::new(cls),
                rec: Mutex::new(rec),
                keys,
                options,
            })
        })
    }

    /// Finds and reads the lines of text on one page. `progress` receives 0..=100; setting
    /// `cancel` stops the work between two model runs with [`OcrError::Cancelled`].
    pub fn recognise(
        &self,
        page: &image::RgbImage,
        cancel: &AtomicBool,
        progress: &dyn Fn(u8),
    ) -> Result<Vec<TextBox>, OcrError> {
        self.recognise_timed(page, cancel, progress).map(|(b, _)| b)
    }

    /// [`Engine::recognise`] with where the time went (for measuring).
    pub fn recognise_timed(
        &self,
        page: &image::RgbImage,
        cancel: &AtomicBool,
        progress: &dyn Fn(u8),
    ) -> Result<(Vec<TextBox>, Timings), OcrError> {
        if page.width() < 8 || page.height() < 8 {
            return Ok((Vec::new(), Timings::default()));
        }
        guard(|| {
            let mut t = Timings::default();
            let check = || {
                if cancel.load(Ordering::Relaxed) {
                    Err(OcrError::Cancelled)
                } else {
                    Ok(())
                }
            };
            check()?;
            progress(0);
            let quads = {
                let mut det = lock(&self.det)?;
                det::detect(&mut det, page, self.options.det_max_side, &mut t)?
            };
            t.boxes = quads.len();
            progress(35);
            check()?;
            let started = Instant::now();
            let mut lines: Vec<image::RgbImage> =
                quads.iter().map(|q| rec::crop(page, q)).collect();
            t.preprocessing += started.elapsed();
            if self.options.classify_direction {
                let mut cls = lock(&self.cls)?;
                rec::classify(&mut cls, &mut lines, &mut t, &check)?;
            }
            progress(45);
            let mut rec = lock(&self.rec)?;
            let read = rec::recognise(&mut rec, &self.keys, &lines, &mut t, &check, &|done| {
                let share = 45 + (done * 55 / lines.len().max(1)) as u8;
                progress(share.min(99));
            })?;
            drop(rec);
            let boxes = quads
                .into_iter()
                .zip(read)
                .filter(|(_, (text, _))| !text.trim().is_empty())
                .map(|(quad, (text, score))| TextBox {
                    text,
                    score,
                    quad: quad.map(|(x, y)| (x.round() as u32, y.round() as u32)),
                })
                .collect();
            progress(100);
            Ok((boxes, t))
        })
    }
}

fn lock(m: &Mutex<Session>) -> Result<std::sync::MutexGuard<'_, Session>, OcrError> {
    // A poisoned session is one a panic interrupted mid-run: do not trust it again.
    m.lock()
        .map_err(|_| OcrError::Engine("session poisoned".into()))
}

/// Runs engine code; a panic inside ort, ONNX Runtime's bindings or imageproc becomes an error.
fn guard<T>(f: impl FnOnce() -> Result<T, OcrError>) -> Result<T, OcrError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("panic");
        Err(OcrError::Engine(what.chars().take(300).collect()))
    })
}
