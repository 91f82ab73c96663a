//! The project model of issue 17 at its largest ordinary size: 30 years of quarterly CFADS
//! (120 periods) after 12 quarters of construction, sculpted, with a 6-month DSRA, a sweep with
//! lock-up, EBITDA/tax/EBIT for the Chinese ratios and the three sensitivity cases. Budget: 5 ms.
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use loandesk_core::prefs::Language;
use loandesk_core::project_finance::{model, CapitalTable, ModelInput, Repayment};

fn input(repayment: &str) -> Option<ModelInput> {
    // A toll road ramping up then growing 2 % a year, in 万元; quarterly.
    let cfads: Vec<String> = (0..120)
        .map(|q| format!("{}", 2_000 + 40 * q.min(12) + 10 * q))
        .collect();
    let ebitda: Vec<String> = (0..120).map(|q| format!("{}", 2_600 + 50 * q)).collect();
    let tax: Vec<String> = (0..120).map(|q| format!("{}", 150 + 3 * q)).collect();
    let ebit: Vec<String> = (0..120).map(|q| format!("{}", 1_800 + 45 * q)).collect();
    let json = serde_json::json!({
        "periods_per_year": 4,
        "rate_percent": "4.35",
        "cfads": cfads,
        "target_dscr": "1.25",
        "total_uses": "120000",
        "max_gearing_percent": "80",
        "repayment": repayment,
        "construction": {"periods_per_year": 4, "rate_percent": "4.35",
            "draws": vec!["7500"; 12], "draw_timing": "end"},
        "dsra_months": 6,
        "sweep": {"percent": "50", "lockup_dscr": "1.30"},
        "ebitda": ebitda, "tax": tax, "ebit": ebit,
        "capital_category": "rail-road",
    });
    ModelInput::from_json(&json.to_string()).ok()
}

fn bench(c: &mut Criterion) {
    let table = CapitalTable::default();
    for repayment in [Repayment::Sculpted, Repayment::Annuity] {
        let Some(input) = input(repayment.as_str()) else {
            return;
        };
        // Timing a refusal would say nothing: the model must compute in full.
        if let Err(e) = model(&input, &table, Language::Zh) {
            eprintln!("the bench's input is refused: {e}");
            return;
        }
        c.bench_function(
            &format!("project_model/30y_quarterly_{}", repayment.as_str()),
            |b| b.iter(|| model(black_box(&input), &table, Language::Zh)),
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
