//! Reading a PDF back as a person would, with poppler-utils: the PDF goes in on standard
//! input, what poppler prints comes back. Under Wine (scripts/test-windows.sh sets
//! `WINE_POPPLER_DIR` to the Linux poppler's folder) that cannot work as it does on Windows and
//! macOS: Wine starts a Unix program but cannot connect pipes to it nor wait for it (the
//! process handle is invalid), and the program cannot open a Windows path. So the PDF, a script
//! and the output meet in a folder under /tmp, which Wine names Z:\tmp, and the test waits for
//! the file the script writes last.
#![allow(dead_code, clippy::unwrap_used)]
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs a poppler program on the PDF at `path` (`-` in `args` stands for standard input and
/// output, as poppler reads it) and returns what it printed.
pub fn poppler(program: &str, args: &[&str], path: &Path) -> String {
    let pdf = std::fs::read(path).unwrap();
    match std::env::var("WINE_POPPLER_DIR") {
        Ok(dir) => poppler_under_wine(&format!("{dir}/{program}"), args, &pdf),
        Err(_) => poppler_piped(program, args, pdf),
    }
}

fn poppler_piped(program: &str, args: &[&str], pdf: Vec<u8>) -> String {
    let mut child = Command::new(program)
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

fn poppler_under_wine(program: &str, args: &[&str], pdf: &[u8]) -> String {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let name = format!("loandesk-poppler-{}-{n}", std::process::id());
    let (unix, windows) = (format!("/tmp/{name}"), format!("Z:\\tmp\\{name}"));
    let dir = Path::new(&windows);
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("in.pdf"), pdf).unwrap();
    let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
    let script = format!(
        "cd '{unix}' || exit 1\n'{program}' {} < in.pdf > out.txt 2> err.txt\necho $? > status.part\nmv status.part status\n",
        quoted.join(" ")
    );
    std::fs::write(dir.join("run.sh"), script).unwrap();
    // The spawn succeeds; only waiting on the child fails, so it is not waited on.
    #[allow(clippy::zombie_processes)]
    let _child = Command::new("/bin/sh")
        .arg(format!("{unix}/run.sh"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("/bin/sh: {e}"));
    let status = dir.join("status");
    let deadline = Instant::now() + Duration::from_secs(120);
    while !status.exists() {
        assert!(
            Instant::now() < deadline,
            "{program} did not finish under Wine"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let code = std::fs::read_to_string(&status).unwrap();
    let err = std::fs::read_to_string(dir.join("err.txt")).unwrap_or_default();
    assert_eq!(code.trim(), "0", "{program} {args:?} failed: {err}");
    let out = String::from_utf8(std::fs::read(dir.join("out.txt")).unwrap()).unwrap();
    std::fs::remove_dir_all(dir).unwrap();
    out
}

pub fn text(path: &Path) -> String {
    poppler("pdftotext", &["-layout", "-", "-"], path)
}
