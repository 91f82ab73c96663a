//! Client-book benchmark at 100,000 clients (with contacts and touchpoints), encrypted vault vs
//! the same schema unencrypted: search latency (p50/p95, first 50 results), a filtered list page,
//! and open-to-first-read including the KDF.
//!
//! `cargo bench -p loandesk-core --features bench-plain --bench search` (BENCH_CLIENTS=N to change size)
//! The seeded vaults are kept in the target dir, so only the first run pays for seeding.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use loandesk_core::clients::{ClientQuery, ClientSort, Tier};
use loandesk_core::Vault;

const PASSWORD: &str = "benchmark password";
const ROUNDS: usize = 200;

fn seed(vault: &mut Vault, n: usize) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let all = loandesk_core::demo::clients(n, 42, today);
    for chunk in all.chunks(10_000) {
        vault.create_clients(chunk, today).unwrap();
    }
}

fn prepare(dir: &Path, n: usize, encrypted: bool) -> PathBuf {
    let path = dir.join(format!(
        "bench-{n}-{}.db",
        if encrypted { "enc" } else { "plain" }
    ));
    if !path.exists() {
        let started = Instant::now();
        let tmp = path.with_extension("tmp");
        let _ = std::fs::remove_file(&tmp);
        let mut v = if encrypted {
            Vault::create(&tmp, PASSWORD).unwrap()
        } else {
            Vault::open_unencrypted_for_benchmark(&tmp).unwrap()
        };
        seed(&mut v, n);
        v.conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
        drop(v);
        std::fs::rename(&tmp, &path).unwrap();
        eprintln!(
            "seeded {} ({n} clients) in {:.1?}",
            path.display(),
            started.elapsed()
        );
    }
    path
}

fn open(path: &Path, encrypted: bool) -> Vault {
    if encrypted {
        Vault::open(path, PASSWORD).unwrap()
    } else {
        Vault::open_unencrypted_for_benchmark(path).unwrap()
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Returns (p50, p95) over ROUNDS warm runs.
fn measure(vault: &Vault, q: &ClientQuery) -> (Duration, Duration, usize) {
    let mut hits = 0;
    for _ in 0..5 {
        hits = vault.list_clients(q).unwrap().items.len();
    }
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(vault.list_clients(q).unwrap());
            t.elapsed()
        })
        .collect();
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.95), hits)
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn main() {
    let n: usize = std::env::var("BENCH_CLIENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let enc = prepare(&dir, n, true);
    let plain = prepare(&dir, n, false);

    let search = |text: &str| ClientQuery {
        text: text.into(),
        limit: Some(50),
        ..Default::default()
    };
    let cases: Vec<(&str, ClientQuery)> = vec![
        ("1 char zh 张", search("张")),
        ("1 char zh 鼎", search("鼎")),
        ("2 char zh 张伟", search("张伟")),
        ("2 char zh 恒远", search("恒远")),
        ("3 char zh 恒远精", search("恒远精")),
        ("4 char zh 光伏电力", search("光伏电力")),
        ("en 4+ Logistics", search("Logistics")),
        ("en 4+ hengyuan", search("hengyuan")),
        ("code fragment 3205", search("3205")),
        ("no match 不存在", search("不存在")),
        (
            "list: stage 3, tier A",
            ClientQuery {
                stage: Some(3),
                tier: Some(Tier::A),
                limit: Some(50),
                ..Default::default()
            },
        ),
        (
            "list: all, page 2",
            ClientQuery {
                offset: 50,
                limit: Some(50),
                ..Default::default()
            },
        ),
        ("2 words zh 长沙 纺织", search("长沙 纺织")),
        ("2 words 张 恒远精", search("张 恒远精")),
        ("3 words 苏州 恒远 有限公司", search("苏州 恒远 有限公司")),
        ("pinyin changsha", search("changsha")),
        ("pinyin initials cshy", search("cshy")),
        ("pinyin contact zhangwei", search("zhangwei")),
        ("pinyin 2 initials cs", search("cs")),
        ("pinyin+zh changsha 纺织", search("changsha 纺织")),
        (
            "list sorted: name",
            ClientQuery {
                sort: ClientSort::Name,
                limit: Some(50),
                ..Default::default()
            },
        ),
        (
            "list sorted: stage desc",
            ClientQuery {
                sort: ClientSort::Stage,
                descending: true,
                limit: Some(50),
                ..Default::default()
            },
        ),
        (
            "list sorted: tier",
            ClientQuery {
                sort: ClientSort::Tier,
                limit: Some(50),
                ..Default::default()
            },
        ),
        (
            "list sorted: next contact",
            ClientQuery {
                sort: ClientSort::NextContact,
                limit: Some(50),
                ..Default::default()
            },
        ),
        (
            "list sorted: amount desc",
            ClientQuery {
                sort: ClientSort::Amount,
                descending: true,
                limit: Some(50),
                ..Default::default()
            },
        ),
        (
            "search 张 sorted by name",
            ClientQuery {
                text: "张".into(),
                sort: ClientSort::Name,
                limit: Some(50),
                ..Default::default()
            },
        ),
        (
            "search+filter 苏州 tier B",
            ClientQuery {
                text: "苏州".into(),
                tier: Some(Tier::B),
                limit: Some(50),
                ..Default::default()
            },
        ),
    ];

    // BENCH_ONLY=text keeps the cases whose name contains it (and skips the rebuild's timing).
    let only = std::env::var("BENCH_ONLY").ok();
    // A vault from before schema 14 is upgraded on its first open here (the backup copy and
    // the pinyin rebuild of every client's search row); later opens find it current.
    let t = Instant::now();
    drop(open(&enc, true));
    let first_open = t.elapsed();
    let t = Instant::now();
    drop(open(&plain, false));
    let first_open_plain = t.elapsed();
    // The rebuild alone, as schema 14 runs it, on the (now current) encrypted vault.
    let rebuild = if only.is_some() {
        (Duration::ZERO, 0)
    } else {
        let mut v = open(&enc, true);
        let t = Instant::now();
        let n = v.rebuild_search().unwrap();
        (t.elapsed(), n)
    };

    let cases: Vec<(&str, ClientQuery)> = cases
        .into_iter()
        .filter(|(name, _)| only.as_deref().is_none_or(|o| name.contains(o)))
        .collect();

    let mut open_times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let v = open(&enc, true);
        v.list_clients(&search("张伟")).unwrap();
        open_times.push(t.elapsed());
    }
    open_times.sort();

    let ve = open(&enc, true);
    let vp = open(&plain, false);
    println!("\n{n} clients; {ROUNDS} warm runs per query; times in ms\n");
    println!(
        "{:<28} {:>6} {:>9} {:>9} {:>9} {:>9} {:>7}",
        "query", "hits", "enc p50", "enc p95", "plain p50", "plain p95", "ratio"
    );
    for (name, q) in &cases {
        let (e50, e95, hits) = measure(&ve, q);
        let (p50, p95, _) = measure(&vp, q);
        let ratio = e50.as_secs_f64() / p50.as_secs_f64().max(1e-9);
        println!(
            "{name:<28} {hits:>6} {:>9} {:>9} {:>9} {:>9} {ratio:>7.2}",
            ms(e50),
            ms(e95),
            ms(p50),
            ms(p95)
        );
    }
    println!(
        "\nfirst open (upgrade if the vault predates schema 14): encrypted {} ms, plain {} ms",
        ms(first_open),
        ms(first_open_plain)
    );
    println!(
        "search rebuild with pinyin (schema 14's step), {} clients, encrypted: {} ms",
        rebuild.1,
        ms(rebuild.0)
    );
    println!(
        "\nopen + KDF + first search (encrypted): median {} ms, max {} ms",
        ms(open_times[2]),
        ms(open_times[4])
    );
}
