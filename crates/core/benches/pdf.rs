//! Time and size of the PDF exports, beside the path most apps take: the same table as HTML
//! printed by headless Chromium (`--print-to-pdf`).
//!
//! A timed binary rather than criterion: one Chromium print takes about a second, so the
//! comparison runs a handful of times, and ours runs enough times for a stable median.
//! Targets (issue 4): the 360-period Chinese schedule in ≤ 100 ms and ≤ 150 KB.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use loandesk_core::clients::{Client, ClientInput, CompanySize, Contact, Tier};
use loandesk_core::loans::{generate, LoanTerms, Method, Rate, Schedule};
use loandesk_core::pdf::{proposal_pdf, schedule_pdf, Lang, ProposalDoc, ScheduleDoc};
use rust_decimal::Decimal;

const RUNS: usize = 30;
const CHROMIUM_RUNS: usize = 3;
const CLIENT: &str = "杭州星河精密机械有限公司";

fn schedule(months: u32, method: Method) -> Schedule {
    generate(&LoanTerms {
        principal: Decimal::from(1_000_000),
        currency: "CNY".into(),
        term_months: months,
        rate: Rate::Fixed {
            annual_percent: Decimal::new(490, 2),
        },
        disbursement_date: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        repay_day: None,
        method,
        grace_months: 0,
        upfront_fee: Decimal::from(10_000),
        day_count: Default::default(),
        rounding: Default::default(),
    })
    .unwrap()
}

fn client() -> Client {
    let mut fields = ClientInput::named(CLIENT);
    fields.name_en = Some("Hangzhou Xinghe Precision Machinery Co., Ltd.".into());
    fields.credit_code = Some("91330100MA2H3XYZ5K".into());
    fields.industry = Some("通用设备制造业".into());
    fields.size = Some(CompanySize::Medium);
    fields.region = Some("浙江省杭州市".into());
    fields.tier = Tier::A;
    fields.contacts = vec![Contact {
        name: "王建国".into(),
        role: "财务总监".into(),
        phone: "13800138000".into(),
        email: "wang@example.com".into(),
    }];
    Client {
        id: 1,
        fields,
        archived: false,
        created_at: String::new(),
        updated_at: String::new(),
    }
}

struct Figures {
    first: Duration,
    median: Duration,
    min: Duration,
    max: Duration,
    bytes: usize,
}

fn measure(runs: usize, mut f: impl FnMut() -> usize) -> Figures {
    let start = Instant::now();
    let bytes = f();
    let first = start.elapsed();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    Figures {
        first,
        median: times[times.len() / 2],
        min: times[0],
        max: times[times.len() - 1],
        bytes,
    }
}

fn report(name: &str, f: &Figures) {
    println!(
        "{name:<44} first {:>8.1} ms  median {:>8.1} ms  (min {:.1}, max {:.1})  {:>7.1} KB",
        ms(f.first),
        ms(f.median),
        ms(f.min),
        ms(f.max),
        f.bytes as f64 / 1024.0
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let long = schedule(360, Method::EqualInstallment);
    let day = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
    let doc = |lang| ScheduleDoc {
        schedule: &long,
        client_name: Some(CLIENT),
        officer: "李明",
        generated_on: day,
        lang,
        booked: None,
        unit: None,
    };
    println!("PDF exports ({RUNS} runs after a first, cold call)");
    let zh = measure(RUNS, || schedule_pdf(&doc(Lang::Zh)).unwrap().bytes.len());
    report("schedule 360 periods, zh (printpdf)", &zh);
    let en = measure(RUNS, || schedule_pdf(&doc(Lang::En)).unwrap().bytes.len());
    report("schedule 360 periods, en (printpdf)", &en);

    let scenarios = [
        schedule(60, Method::EqualInstallment),
        schedule(60, Method::EqualPrincipal),
        schedule(36, Method::InterestOnly),
    ];
    let c = client();
    let proposal = ProposalDoc {
        client: &c,
        scenarios: &scenarios,
        purpose: "购置数控加工中心 12 台，扩大精密零部件产能。",
        risks: None,
        officer: "李明",
        date: day,
        lang: Lang::Zh,
        unit: None,
    };
    let p = measure(RUNS, || proposal_pdf(&proposal).unwrap().bytes.len());
    report("proposal, 3 scenarios, zh (printpdf)", &p);

    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    println!(
        "target ≤ 100 ms: {}; ≤ 150 KB: {}",
        verdict(zh.median <= Duration::from_millis(100)),
        verdict(zh.bytes <= 150 * 1024)
    );

    match chromium() {
        Some(browser) => {
            let dir = tempfile::tempdir().unwrap();
            let html = dir.path().join("schedule.html");
            std::fs::write(&html, schedule_html(&long)).unwrap();
            let out = dir.path().join("schedule.pdf");
            let f = measure(CHROMIUM_RUNS, || print_with_chromium(&browser, &html, &out));
            report("schedule 360 periods, zh (Chromium print)", &f);
            println!(
                "Chromium / printpdf: {:.0}× the time, {:.1}× the size",
                ms(f.median) / ms(zh.median).max(0.001),
                f.bytes as f64 / zh.bytes.max(1) as f64
            );
        }
        None => println!("Chromium not found (apt-get install chromium): comparison skipped"),
    }
}

fn chromium() -> Option<String> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(str::to_owned)
}

/// One cold Chromium process per print, as an app shelling out to it would run.
fn print_with_chromium(browser: &str, html: &Path, out: &Path) -> usize {
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", out.display()))
        .arg(html)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    std::fs::metadata(out).unwrap().len() as usize
}

/// The same schedule as a web page: title, terms, and the table with a header Chromium
/// repeats on each printed page.
fn schedule_html(s: &Schedule) -> String {
    let mut rows = String::new();
    for p in &s.periods {
        let _ = write!(
            rows,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            p.number, p.due_date, p.payment, p.principal, p.interest, p.balance
        );
    }
    format!(
        r#"<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 18mm 17mm; }}
body {{ font-family: "Noto Sans CJK SC", sans-serif; font-size: 9pt; color: #222; }}
h1 {{ color: #1c4a87; font-size: 18pt; }}
table {{ width: 100%; border-collapse: collapse; }}
thead {{ display: table-header-group; }}
th {{ background: #ecf1f9; color: #1c4a87; text-align: right; }}
td {{ text-align: right; padding: 1.5pt 4pt; }}
tr:nth-child(even) td {{ background: #f6f7fa; }}
</style></head><body>
<h1>还款计划表</h1><p>借款人：{CLIENT}</p>
<p>贷款本金 CNY {} · 人民币{} · 年利率 4.90 % · 等额本息 · 360 个月</p>
<p>年化利率（名义）{} % · 年化利率（实际）{} %</p>
<table><thead><tr><th>期数</th><th>还款日</th><th>还款额</th><th>本金</th><th>利息</th><th>剩余本金</th></tr></thead>
<tbody>{rows}</tbody></table></body></html>"#,
        s.terms.principal, s.summary.principal_in_words, s.summary.apr, s.summary.apr_effective
    )
}
