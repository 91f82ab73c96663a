//! Finding the OCR resources and loading ONNX Runtime from them by full path.

use std::path::{Path, PathBuf};

use ort::logging::LogLevel;
use ort::session::builder::GraphOptimizationLevel;
use ort::session::Session;

use crate::OcrError;

pub const DET_MODEL: &str = "ch_PP-OCRv4_det_infer.onnx";
pub const CLS_MODEL: &str = "ch_ppocr_mobile_v2.0_cls_infer.onnx";
pub const REC_MODEL: &str = "ch_PP-OCRv4_rec_infer.onnx";

/// The ONNX Runtime library for the platform this binary runs on, as `scripts/ocr-resources.sh`
/// lays it out: `runtime/<platform>/<file>` (the file name the onnxruntime wheel uses).
pub fn runtime_library() -> (&'static str, &'static str) {
    if cfg!(target_os = "windows") {
        ("windows-x86_64", "onnxruntime.dll")
    } else if cfg!(target_os = "macos") {
        ("macos-universal", "libonnxruntime.1.22.1.dylib")
    } else {
        ("linux-x86_64", "libonnxruntime.so.1.22.1")
    }
}

/// The files of one resources folder, each checked to exist.
#[derive(Debug, Clone)]
pub struct Resources {
    pub runtime: PathBuf,
    pub det: PathBuf,
    pub cls: PathBuf,
    pub rec: PathBuf,
}

impl Resources {
    /// `dir/models/*.onnx` and `dir/runtime/<platform>/<library>`; an installer may also put
    /// the library straight into `dir/runtime/` or `dir/`.
    pub fn locate(dir: &Path) -> Result<Resources, OcrError> {
        let (platform, lib) = runtime_library();
        let candidates = [
            dir.join("runtime").join(platform).join(lib),
            dir.join("runtime").join(lib),
            dir.join(lib),
        ];
        let runtime = candidates
            .iter()
            .find(|p| p.is_file())
            .cloned()
            .ok_or_else(|| OcrError::ResourcesMissing(candidates[0].clone()))?;
        let model = |name: &str| {
            let p = dir.join("models").join(name);
            if p.is_file() {
                Ok(p)
            } else {
                Err(OcrError::ResourcesMissing(p))
            }
        };
        Ok(Resources {
            runtime: absolute(&runtime)?,
            det: model(DET_MODEL)?,
            cls: model(CLS_MODEL)?,
            rec: model(REC_MODEL)?,
        })
    }
}

/// A relative path would make the loader search its own path list (on Windows: the
/// application folder, then System32, where an older onnxruntime.dll lives).
fn absolute(p: &Path) -> Result<PathBuf, OcrError> {
    std::path::absolute(p).map_err(|_| OcrError::ResourcesMissing(p.to_path_buf()))
}

/// Loads ONNX Runtime from `library` (once per process: ort keeps the first path it is given).
pub fn init(library: &Path) -> Result<(), OcrError> {
    let path = library
        .to_str()
        .ok_or_else(|| OcrError::ResourcesMissing(library.to_path_buf()))?;
    ort::init_from(path)
        .with_name("loandesk-ocr")
        // Pages are a client's confidential documents: no usage events from the runtime
        // (ONNX Runtime's Windows build can emit telemetry through ETW).
        .with_telemetry(false)
        .commit()?;
    Ok(())
}

/// One model's session. The bytes are read by Rust (not by ONNX Runtime from a path), so a
/// folder with Chinese characters in its name works the same on every OS.
pub fn session(model: &Path) -> Result<Session, OcrError> {
    let bytes = std::fs::read(model).map_err(|_| OcrError::ResourcesMissing(model.into()))?;
    // The machine is shared with the app's UI: at most 4 threads, and one for inter-op.
    let threads = std::thread::available_parallelism()
        .map(|n| n.get().min(4))
        .unwrap_or(2);
    let session = Session::builder()?
        .with_optimization_level(GraphOptimizationLevel::Level3)?
        .with_intra_threads(threads)?
        .with_inter_threads(1)?
        // Warnings would reach the officer's console; errors come back as values anyway.
        .with_log_level(LogLevel::Error)?
        .commit_from_memory(&bytes)?;
    Ok(session)
}
