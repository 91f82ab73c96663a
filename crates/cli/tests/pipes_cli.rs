//! A reader that stops early (`loandesk … | head`, `| grep -q`) is a normal end of the output:
//! exit 0 and nothing on stderr, not a "failed printing to stdout" panic.
#![allow(clippy::unwrap_used)]
mod common;

use std::io::Read;
use std::process::{Output, Stdio};

use common::{bin, cli, stderr, REFERENCE_TERMS};

fn schedule(format: &str) -> Vec<&str> {
    [&["schedule"], REFERENCE_TERMS, &["--format", format]].concat()
}

/// stdout is a pipe whose reader is gone before the binary starts: its first write fails.
#[allow(clippy::incompatible_msrv)] // std::io::pipe (1.87); tests build with the current toolchain
fn reader_already_gone(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    bin()
        .args(args)
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

/// Reads the first bytes, then closes the pipe, as `head -c 16` does. The output is more than a
/// pipe buffers (64 KiB on Linux), so the binary is still writing when the reader goes away.
fn read_a_little(args: &[&str]) -> Output {
    let whole = cli(args);
    assert!(
        whole.stdout.len() > 64 * 1024 + 16,
        "{}",
        whole.stdout.len()
    );
    let mut child = bin()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_stdout_ends_the_output_with_exit_0() {
    for format in ["json", "csv", "table"] {
        let out = reader_already_gone(&schedule(format));
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{format}");
    }
    let out = read_a_little(&schedule("json"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}
