use std::path::PathBuf;

/// Why OCR failed. Messages name files and causes, never the text read from a page.
#[derive(Debug, thiserror::Error)]
pub enum OcrError {
    /// The OCR resources (models, runtime) are missing: `scripts/ocr-resources.sh` was not run,
    /// or the installer left them out.
    #[error("OCR resources missing: {0}")]
    ResourcesMissing(PathBuf),
    /// ONNX Runtime or a model failed (load, version, run), or the engine panicked.
    #[error("OCR engine: {0}")]
    Engine(String),
    /// Not a PNG, JPEG, TIFF or PDF.
    #[error("not an image or a PDF")]
    NotAnImage,
    /// An image or PDF we recognise but cannot decode (damaged, an unsupported encoding).
    #[error("cannot read the image: {0}")]
    Unreadable(String),
    /// A PDF with no embedded page image: text PDFs are not scanned pages.
    #[error("no page image in the PDF")]
    NoImage,
    /// Larger than [`crate::MAX_PIXELS`]: refused before it is decoded.
    #[error("image too large ({0} pixels)")]
    TooLarge(u64),
    #[error("cancelled")]
    Cancelled,
}

impl From<ort::Error> for OcrError {
    fn from(e: ort::Error) -> Self {
        OcrError::Engine(e.to_string())
    }
}
