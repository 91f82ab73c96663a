//! Reading a PDF back as a person would, with poppler-utils. The PDF reaches poppler on its
//! standard input, and `POPPLER_DIR` may name the folder of its programs: so the Windows build
//! of these tests, run under Wine, reads its PDFs with the Linux poppler (Wine starts a native
//! program by its Unix path, which cannot open the test's Windows paths itself).
#![allow(dead_code, clippy::unwrap_used)]
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs a poppler program on the PDF at `path` (`-` in `args` stands for it) and returns
/// what it printed.
pub fn poppler(program: &str, args: &[&str], path: &Path) -> String {
    let program = match std::env::var_os("POPPLER_DIR") {
        Some(dir) => format!("{}/{program}", dir.to_string_lossy()),
        None => program.to_string(),
    };
    let pdf = std::fs::read(path).unwrap();
    let mut child = Command::new(&program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    // Fed from a thread: poppler may start printing before it has read the whole PDF.
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || stdin.write_all(&pdf));
    let out = child.wait_with_output().unwrap();
    let fed = feeder.join().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{program} {args:?} failed: {err}");
    fed.unwrap();
    String::from_utf8(out.stdout).unwrap()
}

pub fn text(path: &Path) -> String {
    poppler("pdftotext", &["-layout", "-", "-"], path)
}
