//! Journey benchmark at 100,000 clients with a demo past (stage history, checklists, lost
//! clients, proposed loans): the pipeline board (first page of every column) and the Today
//! dashboard must each compute in ≤ 50 ms in the core. Also the client journey view, a
//! one-year funnel and a one-year journey map, for information (the map is measured against the
//! same 50 ms, reported, not enforced: it reads the funnel's cohorts). The seeded demo past has no
//! feedback, so one client in three gets a record (0–2 problems, half of them resolved) dated in
//! the last year, through the core API.
//!
//! `cargo bench -p loandesk-core --bench journey` (BENCH_CLIENTS=N to change size). The seeded
//! vault is kept in the target dir, so only the first run pays for seeding.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use loandesk_core::clients::{ProductType, Tier};
use loandesk_core::feedback::{FeedbackInput, ProblemInput};
use loandesk_core::journey::{BoardQuery, TodayQuery};
use loandesk_core::Vault;

use common::{measure, ms};

const PASSWORD: &str = "benchmark password";
const ROUNDS: usize = 100;
const BUDGET_MS: f64 = 50.0;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn prepare(dir: &Path, n: usize) -> PathBuf {
    // The schema version is in the name: a vault seeded by an older schema is not reused.
    // "-f1": the vault carries the bench's feedback.
    let path = dir.join(format!(
        "journey-{n}-v{}-f1.db",
        loandesk_core::vault::schema_version()
    ));
    if !path.exists() {
        let started = Instant::now();
        let tmp = path.with_extension("tmp");
        let _ = std::fs::remove_file(&tmp);
        let mut v = Vault::create(&tmp, PASSWORD).unwrap();
        let ids = loandesk_core::demo::seed(&mut v, n, 42, today()).unwrap();
        eprintln!("seeded {n} clients in {:.1?}", started.elapsed());
        seed_feedback(&mut v, &ids);
        v.conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
        drop(v);
        std::fs::rename(&tmp, &path).unwrap();
        eprintln!("seeded {} in {:.1?}", path.display(), started.elapsed());
    }
    path
}

/// One feedback record per 3 clients, each its own transaction (the API's unit): with
/// synchronous off for the seeding only, a commit is not a disk flush, which keeps this step
/// to seconds rather than minutes.
fn seed_feedback(v: &mut Vault, ids: &[i64]) {
    const CATEGORIES: [&str; 6] = [
        "materials",
        "slow_approval",
        "price",
        "communication",
        "amount",
        "other",
    ];
    let started = Instant::now();
    v.conn().execute_batch("PRAGMA synchronous = OFF").unwrap();
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |m: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % m
    };
    let mut problems = Vec::new();
    for &id in ids.iter().step_by(3) {
        let date = today() - chrono::Duration::days(next(365) as i64);
        let input = FeedbackInput {
            score: 1 + next(5) as u8,
            stage: None,
            mood: None,
            touchpoint_id: None,
            date: Some(date),
            problems: (0..next(3))
                .map(|_| ProblemInput {
                    category: CATEGORIES[next(6) as usize].into(),
                    text: String::new(),
                })
                .collect(),
            needs: Vec::new(),
        };
        let written = v.add_feedback(id, &input, today()).unwrap();
        problems.extend(written.problems.into_iter().map(|p| (p, date)));
    }
    for (i, (p, opened)) in problems.iter().enumerate() {
        if i % 2 == 0 {
            let on = (*opened + chrono::Duration::days(next(30) as i64)).min(today());
            v.resolve_problem(*p, "已处理", on, None).unwrap();
        }
    }
    v.conn().execute_batch("PRAGMA synchronous = FULL").unwrap();
    eprintln!(
        "seeded {} feedback records and {} problems in {:.1?}",
        ids.len().div_ceil(3),
        problems.len(),
        started.elapsed()
    );
}

fn main() {
    let n: usize = std::env::var("BENCH_CLIENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let path = prepare(Path::new(env!("CARGO_TARGET_TMPDIR")), n);
    let t = Instant::now();
    let v = Vault::open(&path, PASSWORD).unwrap();
    let cold = v.board(&BoardQuery::default(), today()).unwrap();
    let first_board = t.elapsed();
    let today_q = TodayQuery {
        today: today(),
        due_within_days: None,
        limit: None,
    };
    let board = |tier, product| {
        let q = BoardQuery {
            tier,
            product,
            limit: None,
        };
        move |v: &Vault| {
            std::hint::black_box(v.board(&q, today()).unwrap());
        }
    };
    type Case<'a> = (&'a str, Box<dyn Fn(&Vault) + 'a>, bool);
    let cases: Vec<Case> = vec![
        ("board (all)", Box::new(board(None, None)), true),
        ("board tier A", Box::new(board(Some(Tier::A), None)), true),
        (
            "board fixed-asset",
            Box::new(board(None, Some(ProductType::FixedAsset))),
            true,
        ),
        (
            "board tier C + project-finance",
            Box::new(board(Some(Tier::C), Some(ProductType::ProjectFinance))),
            true,
        ),
        (
            "today dashboard",
            Box::new(|v: &Vault| {
                std::hint::black_box(v.today_dashboard(&today_q).unwrap());
            }),
            true,
        ),
        (
            "journey view (1 client)",
            Box::new(|v: &Vault| {
                std::hint::black_box(v.journey(n as i64 / 2, today()).unwrap());
            }),
            false,
        ),
        (
            "funnel, one year",
            Box::new(|v: &Vault| {
                let from = NaiveDate::from_ymd_opt(2025, 11, 28).unwrap();
                std::hint::black_box(v.funnel(from, today()).unwrap());
            }),
            false,
        ),
        (
            "journey map, one year",
            Box::new(|v: &Vault| {
                let from = NaiveDate::from_ymd_opt(2025, 11, 28).unwrap();
                std::hint::black_box(v.journey_map(from, today()).unwrap());
            }),
            false,
        ),
        (
            "lifecycle suggestions",
            Box::new(|v: &Vault| {
                std::hint::black_box(v.lifecycle_suggestions(today()).unwrap());
            }),
            false,
        ),
    ];

    let totals: Vec<u32> = cold.columns.iter().map(|c| c.total).collect();
    println!(
        "\n{n} clients (encrypted vault); {ROUNDS} warm runs ({} unbudgeted); times in ms",
        ROUNDS / 10
    );
    println!(
        "board column totals {totals:?}; open + first board {:.1} ms\n",
        ms(first_board)
    );
    println!(
        "{:<32} {:>8} {:>8} {:>8}  budget",
        "case", "p50", "p95", "max"
    );
    let mut over = Vec::new();
    for (name, f, budgeted) in &cases {
        // The unbudgeted funnel reads the whole year: fewer rounds keep the run short.
        let rounds = if *budgeted { ROUNDS } else { ROUNDS / 10 };
        let (p50, p95, max) = measure(rounds, || f(&v));
        let verdict = match (budgeted, ms(p95) <= BUDGET_MS) {
            (false, _) => "-",
            (true, true) => "ok",
            (true, false) => {
                over.push(*name);
                "OVER"
            }
        };
        println!(
            "{name:<32} {:>8.2} {:>8.2} {:>8.2}  {verdict}",
            ms(p50),
            ms(p95),
            ms(max)
        );
    }
    if !over.is_empty() {
        eprintln!("\nover the {BUDGET_MS} ms budget at p95: {over:?}");
        std::process::exit(1);
    }
}
