//! Documents benchmark (issue 6): import of a large PDF-like file from disk into the encrypted
//! vault (time, MB/s, peak extra memory) and export back; listing 1,000 documents of a client;
//! parsing the statement template and computing the ratios.
//!
//! `cargo bench -p loandesk-core --bench documents` (BENCH_DOC_MB=20,50 to choose sizes).
#![allow(clippy::unwrap_used, clippy::expect_used)]
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use loandesk_core::clients::ClientInput;
use loandesk_core::documents::{parse_statement, TEMPLATE_CSV, TEMPLATE_XLSX};
use loandesk_core::Vault;

const MIB: u64 = 1024 * 1024;

/// Writes a PDF-like file of `mb` MiB in 1 MiB pieces, so the benchmark itself never holds it.
fn write_pdf_like(path: &Path, mb: u64) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    f.write_all(b"%PDF-1.7\n").unwrap();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut block = vec![0u8; MIB as usize];
    for _ in 0..mb {
        for b in block.iter_mut() {
            // xorshift: incompressible bytes, like a scan's image stream.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            *b = state as u8;
        }
        f.write_all(&block).unwrap();
    }
    f.write_all(b"\n%%EOF\n").unwrap();
}

/// (current RSS, peak RSS) in KiB from /proc; None off Linux.
fn rss_kib() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

fn reset_peak() {
    // "5" resets the peak RSS (VmHWM) to the current RSS (Linux ≥ 4.0).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn mbps(bytes: u64, took: Duration) -> f64 {
    bytes as f64 / MIB as f64 / took.as_secs_f64()
}

fn import_export(dir: &Path, vault: &mut Vault, client: i64, mb: u64) {
    let src = dir.join(format!("scan-{mb}.pdf"));
    write_pdf_like(&src, mb);
    let size = std::fs::metadata(&src).unwrap().len();
    vault.set_document_size_limit(size.max(50 * MIB)).unwrap();
    reset_peak();
    let before = rss_kib();
    let started = Instant::now();
    let doc = vault.import_document_file(client, &src, None).unwrap();
    let took = started.elapsed();
    let extra = before
        .zip(rss_kib())
        .map(|((rss, _), (_, peak))| peak.saturating_sub(rss) as f64 / 1024.0);
    println!(
        "import {mb} MiB: {:.2} s, {:.0} MB/s, peak extra memory {} ({:.2}x the file)",
        took.as_secs_f64(),
        mbps(size, took),
        extra.map_or("n/a".into(), |m| format!("{m:.1} MiB")),
        extra.map_or(0.0, |m| m / (size as f64 / MIB as f64)),
    );

    let out = dir.join(format!("exported-{mb}.pdf"));
    let started = Instant::now();
    vault.export_document(doc.id, &out).unwrap();
    let took = started.elapsed();
    println!(
        "export {mb} MiB: {:.2} s, {:.0} MB/s",
        took.as_secs_f64(),
        mbps(size, took)
    );
    std::fs::remove_file(&src).unwrap();
    std::fs::remove_file(&out).unwrap();
}

fn list_thousand(vault: &mut Vault) {
    let client = vault
        .create_client(
            &ClientInput::named("列表测试有限公司"),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
    let started = Instant::now();
    for i in 0..1000 {
        let bytes = format!("%PDF-1.4\n% document {i}\n%%EOF\n");
        let name = format!("文件{i:04}.pdf");
        vault
            .import_document(client, &name, bytes.as_bytes(), None)
            .unwrap();
    }
    println!(
        "import 1,000 small documents: {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let mut times: Vec<Duration> = (0..50)
        .map(|_| {
            let t = Instant::now();
            let docs = vault.list_documents(client, false).unwrap();
            assert_eq!(docs.len(), 1000);
            t.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "list 1,000 documents: p50 {:.2} ms, p95 {:.2} ms",
        times[25].as_secs_f64() * 1e3,
        times[47].as_secs_f64() * 1e3
    );
}

fn statements(vault: &mut Vault) {
    let client = vault
        .create_client(
            &ClientInput::named("报表测试有限公司"),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
    for (name, bytes) in [("t.xlsx", TEMPLATE_XLSX), ("t.csv", TEMPLATE_CSV)] {
        let rounds = 200;
        let started = Instant::now();
        for _ in 0..rounds {
            parse_statement(name, bytes).unwrap();
        }
        let per = started.elapsed() / rounds;
        println!("parse statement {name}: {:.3} ms", per.as_secs_f64() * 1e3);
    }
    let started = Instant::now();
    vault
        .import_statement(client, "t.xlsx", TEMPLATE_XLSX)
        .unwrap();
    println!(
        "import statement (parse + store, one transaction): {:.2} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let rounds = 200;
    let started = Instant::now();
    for _ in 0..rounds {
        vault.credit_analysis(client).unwrap();
    }
    let per = started.elapsed() / rounds;
    println!(
        "credit analysis (2 years, 6 ratios): {:.3} ms",
        per.as_secs_f64() * 1e3
    );
}

fn main() {
    // `cargo bench` passes --bench; nothing to filter here.
    let sizes: Vec<u64> = std::env::var("BENCH_DOC_MB")
        .unwrap_or_else(|_| "20,50".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let mut vault =
        Vault::create(&dir.path().join("bench.loandesk"), "benchmark password").unwrap();
    let client = vault
        .create_client(
            &ClientInput::named("基准测试有限公司"),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
    for mb in sizes {
        import_export(dir.path(), &mut vault, client, mb);
    }
    list_thousand(&mut vault);
    statements(&mut vault);
}
