//! What the quick check at every open costs, on the demo vault and on a large vault (100,000
//! clients with contacts and touchpoints plus 200 MiB of documents). A measurement, not a
//! pass/fail test:
//! `cargo test -p loandesk-core --release --test quick_check_cost -- --ignored --nocapture`
#![allow(clippy::unwrap_used)]
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use loandesk_core::Vault;

const PASSWORD: &str = "quick check cost";

fn median(path: &Path) -> (Duration, Duration) {
    let mut quick = Vec::new();
    let mut full = Vec::new();
    for _ in 0..5 {
        let v = Vault::open_for_verify(path, PASSWORD).unwrap();
        let t = Instant::now();
        v.conn()
            .query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0))
            .unwrap();
        quick.push(t.elapsed());
        let t = Instant::now();
        assert!(v.verify().unwrap().integrity_ok);
        full.push(t.elapsed());
    }
    quick.sort();
    full.sort();
    (quick[2], full[2])
}

/// What the check adds to an unlock: `open` (with it) minus `open_for_verify` (without).
fn at_open(path: &Path) -> Duration {
    let mut with = Vec::new();
    let mut without = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        drop(Vault::open(path, PASSWORD).unwrap());
        with.push(t.elapsed());
        let t = Instant::now();
        drop(Vault::open_for_verify(path, PASSWORD).unwrap());
        without.push(t.elapsed());
    }
    with.sort();
    without.sort();
    with[2].saturating_sub(without[2])
}

fn report(what: &str, path: &Path) {
    let size = std::fs::metadata(path).unwrap().len() as f64 / (1 << 20) as f64;
    let (quick, full) = median(path);
    let open = at_open(path);
    eprintln!(
        "{what}: {size:.1} MiB, check at open {open:.1?}, whole-file quick_check {quick:.1?}, full verify {full:.1?}"
    );
}

#[test]
#[ignore = "a measurement; run with --ignored --nocapture"]
fn quick_check_cost_on_the_demo_and_a_large_vault() {
    let dir = tempfile::tempdir().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let demo = dir.path().join("demo.loandesk");
    drop(
        loandesk_core::demo::write_demo_vault(
            &demo,
            PASSWORD,
            today,
            loandesk_core::Clock::fixed_on(today),
        )
        .unwrap(),
    );
    report("demo vault", &demo);

    let big = dir.path().join("big.loandesk");
    let mut v = Vault::create(&big, PASSWORD).unwrap();
    let clients = loandesk_core::demo::clients(100_000, 42, today);
    for chunk in clients.chunks(10_000) {
        v.create_clients(chunk, today).unwrap();
    }
    // 200 MiB of documents on the first client, as PDFs of 10 MiB (content differs per file).
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.resize(10 << 20, b'x');
    for i in 0..20u8 {
        pdf[100] = i;
        v.import_document(1, &format!("scan-{i}.pdf"), &pdf, None)
            .unwrap();
    }
    v.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    drop(v);
    report("large vault", &big);
}
