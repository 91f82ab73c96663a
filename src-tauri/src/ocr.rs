//! The OCR engine for the session: loaded on first use (a few hundred ms, off the UI thread,
//! from the app's resources), kept until the app quits, and run one page at a time.
//!
//! Pages are decoded in memory only. The last page read is kept in memory for the review dialog
//! to show under its boxes (never written to disk), and dropped by the next reading or a lock:
//! a PNG or JPEG file as it is (the web view applies the same EXIF orientation the decoder
//! does), any other page (TIFF, a PDF's page image) as a reduced JPEG.
use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use loandesk_core::ocr::OcrBox;
use loandesk_core::rule::Rule;
use loandesk_core::Error;
use loandesk_ocr::{decode_document, Engine, Kind, OcrError};
use tauri::{AppHandle, Emitter, Manager};

/// Files larger than this are not a page (a 600 dpi colour scan of A4 as PNG is ~25 MB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The page image the review dialog shows: its longer side at most this many pixels.
const PREVIEW_SIDE: u32 = 1600;

#[derive(Default)]
pub struct OcrState {
    engine: Mutex<Option<Arc<Engine>>>,
    /// One reading at a time (the engine's sessions would queue anyway).
    running: Mutex<()>,
    cancel: AtomicBool,
    /// The page last read (PNG or JPEG), for the review dialog.
    page: Mutex<Option<Vec<u8>>>,
    /// A licence photo picked on the new-client form: imported into the client once saved.
    pub pending_licence: Mutex<Option<PathBuf>>,
}

/// `ocr-progress`: what is happening and how far (0..=100 over the whole file).
#[derive(Clone, serde::Serialize)]
pub struct Progress {
    /// "loading" (the models, first use only) or "reading".
    pub stage: &'static str,
    pub percent: u8,
}

/// The text of each page that has some, and the size of the first such page.
pub struct Pages {
    pub boxes: Vec<Vec<OcrBox>>,
    pub width: u32,
    pub height: u32,
}

pub fn to_error(e: OcrError) -> Error {
    match e {
        OcrError::ResourcesMissing(p) => Error::OcrUnavailable(p.display().to_string()),
        OcrError::Engine(why) => Error::OcrFailed(why),
        OcrError::NotAnImage => Error::invalid("file", Rule::NotImageOrPdf),
        OcrError::NoImage => Error::invalid("file", Rule::NoPageImage),
        OcrError::Unreadable(_) | OcrError::TooLarge(_) => Error::DocumentUnreadable,
        OcrError::Cancelled => Error::Cancelled,
    }
}

/// `$LOANDESK_OCR_RESOURCES`; else `ocr/` in the app's resources (an installation, and a
/// `cargo build`, whose build script copies the resources beside the binary); else the source
/// tree's `src-tauri/resources/ocr` (a build from this repository), as the CLI does.
fn resources_dir(app: &AppHandle) -> PathBuf {
    if let Some(dir) = std::env::var_os("LOANDESK_OCR_RESOURCES") {
        return PathBuf::from(dir);
    }
    let bundled = app
        .path()
        .resource_dir()
        .ok()
        .map(|d| d.join("ocr"))
        .filter(|d| d.join("models").is_dir());
    bundled.unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("resources/ocr"))
}

pub fn read_file(path: &Path) -> Result<Vec<u8>, Error> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_FILE_BYTES {
        let max = MAX_FILE_BYTES;
        return Err(Error::invalid("file", Rule::FileTooLarge { max }));
    }
    Ok(std::fs::read(path)?)
}

impl OcrState {
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }

    /// Forgets the page shown (on lock: nothing read stays in memory).
    pub fn forget(&self) {
        if let Ok(mut p) = self.page.lock() {
            *p = None;
        }
        if let Ok(mut p) = self.pending_licence.lock() {
            *p = None;
        }
    }

    pub fn page_image(&self) -> Option<Vec<u8>> {
        self.page.lock().ok().and_then(|p| p.clone())
    }

    fn engine(&self, app: &AppHandle) -> Result<Arc<Engine>, Error> {
        let mut slot = self
            .engine
            .lock()
            .map_err(|_| Error::OcrFailed("engine slot poisoned".into()))?;
        if let Some(engine) = slot.as_ref() {
            return Ok(engine.clone());
        }
        let _ = app.emit(
            "ocr-progress",
            Progress {
                stage: "loading",
                percent: 0,
            },
        );
        let started = Instant::now();
        let engine = Arc::new(Engine::load(&resources_dir(app)).map_err(to_error)?);
        tracing::info!(
            ms = started.elapsed().as_millis() as u64,
            "OCR models loaded"
        );
        *slot = Some(engine.clone());
        Ok(engine)
    }

    /// Decodes the file (images, scanned PDF pages) and reads every page, reporting progress
    /// as `ocr-progress` events; `ocr_cancel` stops it between two model runs.
    pub fn read(&self, app: &AppHandle, bytes: Vec<u8>) -> Result<Pages, Error> {
        let _one = self
            .running
            .lock()
            .map_err(|_| Error::OcrFailed("reader poisoned".into()))?;
        self.cancel.store(false, Ordering::SeqCst);
        self.set_page(None);
        let pages = catch_unwind(AssertUnwindSafe(|| decode_document(&bytes)))
            .unwrap_or(Err(OcrError::Unreadable("decoder panicked".into())))
            .map_err(to_error)?;
        // A photo is shown as it came; encoding it again would only cost time.
        let mut as_is =
            matches!(Kind::sniff(&bytes), Some(Kind::Png | Kind::Jpeg)).then_some(bytes);
        let engine = self.engine(app)?;
        let count = pages.len().max(1);
        let started = Instant::now();
        let mut out = Pages {
            boxes: Vec::new(),
            width: 0,
            height: 0,
        };
        for (i, page) in pages.iter().enumerate() {
            let progress = |p: u8| {
                let percent = ((i * 100 + usize::from(p)) / count).min(100) as u8;
                let _ = app.emit(
                    "ocr-progress",
                    Progress {
                        stage: "reading",
                        percent,
                    },
                );
            };
            let (found, t) = engine
                .recognise_timed(page, &self.cancel, &progress)
                .map_err(to_error)?;
            // Durations and counts only: never what was read.
            tracing::info!(
                width = page.width(),
                height = page.height(),
                det_ms = t.det.as_millis() as u64,
                cls_ms = t.cls.as_millis() as u64,
                rec_ms = t.rec.as_millis() as u64,
                pre_ms = t.preprocessing.as_millis() as u64,
                boxes = t.boxes,
                "OCR page"
            );
            if found.is_empty() {
                continue;
            }
            if out.boxes.is_empty() {
                out.width = page.width();
                out.height = page.height();
                match as_is.take() {
                    Some(original) => self.set_page(Some(original)),
                    None => self.keep_page(page),
                }
            }
            out.boxes.push(
                found
                    .into_iter()
                    .map(|b| OcrBox {
                        text: b.text,
                        score: b.score,
                        quad: b.quad,
                    })
                    .collect(),
            );
        }
        // Durations and counts only: never what was read.
        tracing::info!(
            pages = pages.len(),
            ms = started.elapsed().as_millis() as u64,
            "OCR read"
        );
        if out.boxes.is_empty() {
            return Err(Error::invalid("file", Rule::NoTextFound));
        }
        Ok(out)
    }

    fn keep_page(&self, page: &image::RgbImage) {
        let (w, h) = page.dimensions();
        let scale = f64::from(PREVIEW_SIDE) / f64::from(w.max(h).max(1));
        let encoded = catch_unwind(AssertUnwindSafe(|| {
            let small;
            let shown = if scale < 1.0 {
                let nw = ((f64::from(w) * scale).round() as u32).max(1);
                let nh = ((f64::from(h) * scale).round() as u32).max(1);
                small =
                    image::imageops::resize(page, nw, nh, image::imageops::FilterType::Triangle);
                &small
            } else {
                page
            };
            let mut jpeg = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(Cursor::new(&mut jpeg), 85)
                .encode_image(shown)
                .ok()
                .map(|()| jpeg)
        }))
        .ok()
        .flatten();
        self.set_page(encoded);
    }

    fn set_page(&self, bytes: Option<Vec<u8>>) {
        if let Ok(mut p) = self.page.lock() {
            *p = bytes;
        }
    }
}
