//! The issue-17 CLI contract: `loandesk pf model --input FILE.json|FILE.xlsx [--format
//! json|table] [--pdf FILE [--lang zh|en]]`. The output keys and the issue's hand-checked
//! vector (CFADS 100…140 at 6 %, DSCR 1.30: debt 385.06), the shipped XLSX template giving the
//! same JSON as the JSON file, each bad input of the contract exiting 2 with one line, the
//! table and the PDF read back with pdftotext.
#![allow(clippy::unwrap_used)]
mod common;
// The core's reader, which also works under Wine (scripts/test-windows.sh).
#[path = "../../core/tests/poppler/mod.rs"]
mod poppler;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{cli, json, stderr};
use serde_json::{json, Value};

/// The issue's example.
fn example() -> Value {
    json!({
        "periods_per_year": "1",
        "rate_percent": "6",
        "cfads": ["100", "110", "120", "130", "140"],
        "target_dscr": "1.30"
    })
}

fn with(mut input: Value, key: &str, value: Value) -> Value {
    input.as_object_mut().unwrap().insert(key.into(), value);
    input
}

fn write(dir: &Path, name: &str, input: &Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(input).unwrap()).unwrap();
    path
}

fn model(file: &Path) -> Value {
    json(&cli(&["pf", "model", "--input", file.to_str().unwrap()]))
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// The committed template, as the app and the README ship it.
fn template_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/assets/templates/project-model-template.xlsx")
}

/// Exit 2 and one line on stderr; the line.
fn refused(args: &[&str]) -> String {
    let out = cli(args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?} printed output");
    assert!(err.starts_with("error: "), "{err}");
    err.trim_end().to_owned()
}

const PERIOD_KEYS: [&str; 9] = [
    "period",
    "cfads",
    "opening",
    "interest",
    "principal",
    "debt_service",
    "closing",
    "dscr",
    "llcr",
];

#[test]
fn json_has_the_contracts_keys_and_the_issues_vector() {
    let dir = tempfile::tempdir().unwrap();
    let m = model(&write(dir.path(), "in.json", &example()));
    let contract = [
        "debt",
        "idc",
        "debt_at_cod",
        "periods",
        "min_dscr",
        "avg_dscr_mean",
        "avg_dscr_ratio",
        "min_llcr",
        "llcr",
        "plcr",
        "warnings",
    ];
    let missing: Vec<&str> = contract
        .iter()
        .copied()
        .filter(|k| m.get(*k).is_none())
        .collect();
    assert!(missing.is_empty(), "missing {missing:?} in {m}");
    assert_eq!(m["debt"], "385.06");
    assert_eq!(m["idc"], "0.00");
    assert_eq!(m["debt_at_cod"], "385.06");
    for key in [
        "min_dscr",
        "avg_dscr_mean",
        "avg_dscr_ratio",
        "min_llcr",
        "llcr",
        "plcr",
    ] {
        assert_eq!(m[key], "1.3000", "{key}");
    }
    assert_eq!(m["warnings"], json!([]));
    let periods = m["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 5);
    // By hand: interest 385.06 × 6 % = 23.10, principal 100 / 1.3 − 23.10 = 53.82.
    let first = &periods[0];
    assert_eq!(
        (
            &first["opening"],
            &first["interest"],
            &first["principal"],
            &first["debt_service"],
            &first["closing"]
        ),
        (
            &json!("385.06"),
            &json!("23.10"),
            &json!("53.82"),
            &json!("76.92"),
            &json!("331.24")
        )
    );
    assert_eq!(periods[4]["closing"], "0.00");
    for (i, p) in periods.iter().enumerate() {
        assert_eq!(keys(p), set(&PERIOD_KEYS), "periods[{i}]");
        assert_eq!(p["period"], i + 1);
        assert_eq!(p["dscr"], "1.3000");
        assert_eq!(p["llcr"], "1.3000");
    }
}

#[test]
fn dsra_and_sweep_appear_in_the_periods_only_when_used() {
    let dir = tempfile::tempdir().unwrap();
    let input = with(
        with(example(), "dsra_months", json!("6")),
        "sweep",
        json!({"percent": "50", "lockup_dscr": "1.10"}),
    );
    let m = model(&write(dir.path(), "in.json", &input));
    for (i, p) in m["periods"].as_array().unwrap().iter().enumerate() {
        let mut want = set(&PERIOD_KEYS);
        want.extend(set(&["dsra", "sweep"]));
        assert_eq!(keys(p), want, "periods[{i}]");
        assert_eq!(
            keys(&p["dsra"]),
            set(&["target", "opening", "draw", "deposit", "release", "closing"])
        );
        assert_eq!(
            keys(&p["sweep"]),
            set(&[
                "cash",
                "swept",
                "trapped",
                "released",
                "distributed",
                "locked_up"
            ])
        );
    }
    let only_dsra = model(&write(
        dir.path(),
        "dsra.json",
        &with(example(), "dsra_months", json!("6")),
    ));
    let p = &only_dsra["periods"][0];
    assert!(p.get("dsra").is_some() && p.get("sweep").is_none(), "{p}");

    // A given debt above the capacity: the warning as {code, message}.
    let m = model(&write(
        dir.path(),
        "debt.json",
        &with(example(), "debt", json!("450")),
    ));
    let w = &m["warnings"][0];
    assert_eq!(w["code"], "dscr_below_target", "{m}");
    assert!(w["message"]
        .as_str()
        .unwrap()
        .contains("below the target 1.30"));
}

#[test]
fn the_shipped_xlsx_template_gives_the_same_json_as_the_json_file() {
    let dir = tempfile::tempdir().unwrap();
    let from_json = cli(&[
        "pf",
        "model",
        "--input",
        write(dir.path(), "in.json", &example()).to_str().unwrap(),
    ]);
    let from_xlsx = cli(&["pf", "model", "--input", template_path().to_str().unwrap()]);
    assert!(from_xlsx.status.success(), "{}", stderr(&from_xlsx));
    assert_eq!(json(&from_xlsx)["debt"], "385.06");
    assert_eq!(
        String::from_utf8(from_xlsx.stdout).unwrap(),
        String::from_utf8(from_json.stdout).unwrap()
    );
    // Told apart by content: the template under a name that says nothing.
    let renamed = dir.path().join("model-input");
    std::fs::copy(template_path(), &renamed).unwrap();
    assert_eq!(model(&renamed)["debt"], "385.06");
    // The binary ships the same file.
    assert_eq!(
        std::fs::read(template_path()).unwrap(),
        loandesk_core::project_finance::xlsx::template()
    );
}

#[test]
fn each_bad_input_of_the_contract_exits_2_with_one_line_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let case = |name: &str, input: Value| {
        let file = write(dir.path(), name, &input);
        refused(&["pf", "model", "--input", file.to_str().unwrap()])
    };
    assert_eq!(
        case(
            "negative.json",
            with(
                example(),
                "cfads",
                json!(["100", "110", "-5", "130", "140"])
            )
        ),
        "error: cfads[3]: Must not be negative."
    );
    assert_eq!(
        case("zero.json", with(example(), "target_dscr", json!("0"))),
        "error: target_dscr: Must be greater than 0."
    );
    assert_eq!(
        case("below.json", with(example(), "target_dscr", json!("-1.3"))),
        "error: target_dscr: Must be greater than 0."
    );
    let geared = with(
        with(example(), "total_uses", json!("600")),
        "max_gearing_percent",
        json!("120"),
    );
    assert_eq!(
        case("gearing.json", geared),
        "error: max_gearing_percent: Must be between 0 and 100."
    );
    assert_eq!(
        case("empty.json", with(example(), "cfads", json!([]))),
        "error: cfads: Required."
    );
    assert!(
        case("ebitda.json", with(example(), "ebitda", json!(["1", "2"])))
            .starts_with("error: ebitda: ")
    );

    // The file itself: not there, not JSON, not an object of the keys, not a workbook.
    let missing = dir.path().join("nowhere.json");
    assert!(
        refused(&["pf", "model", "--input", missing.to_str().unwrap()])
            .contains("cannot read the file")
    );
    let text = dir.path().join("notes.json");
    std::fs::write(&text, "periods_per_year = 1").unwrap();
    assert!(refused(&["pf", "model", "--input", text.to_str().unwrap()]).contains("not JSON"));
    assert!(case("unknown.json", with(example(), "gearing", json!("70"))).contains("gearing"));
    let pdf = dir.path().join("scan.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n%%EOF\n").unwrap();
    assert!(refused(&["pf", "model", "--input", pdf.to_str().unwrap()])
        .contains("neither a JSON object of the model's keys nor an XLSX workbook"));

    // The flags.
    let good = write(dir.path(), "good.json", &example());
    let good = good.to_str().unwrap();
    assert!(refused(&["pf", "model"]).contains("--input"));
    assert!(refused(&["pf", "model", "--input", good, "--lang", "en"]).contains("--pdf"));
    let out = dir.path().join("m.pdf");
    let out = out.to_str().unwrap();
    assert!(
        refused(&["pf", "model", "--input", good, "--pdf", out, "--lang", "fr"])
            .starts_with("error: --lang: ")
    );
    assert!(
        refused(&["pf", "model", "--input", good, "--pdf", out, "--format", "json"])
            .contains("--format")
    );
    assert!(!Path::new(out).exists());
}

#[test]
fn table_shows_the_periods_and_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "in.json", &example());
    let out = cli(&[
        "pf",
        "model",
        "--input",
        file.to_str().unwrap(),
        "--format",
        "table",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert!(text.lines().next().unwrap().contains("CFADS"), "{text}");
    assert!(lines.contains(&vec![
        "1", "100.00", "385.06", "23.10", "53.82", "76.92", "331.24", "1.3000", "1.3000"
    ]));
    assert!(lines.contains(&vec![
        "5", "140.00", "101.60", "6.10", "101.60", "107.69", "0.00", "1.3000", "1.3000"
    ]));
    assert!(
        lines.contains(&vec!["debt", "385.06", "贷款金额"]),
        "{text}"
    );
    for key in [
        "min_dscr",
        "avg_dscr_mean",
        "avg_dscr_ratio",
        "min_llcr",
        "llcr",
        "plcr",
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.first() == Some(&key) && l.get(1) == Some(&"1.3000")),
            "{key}: {text}"
        );
    }
}

#[test]
fn pdf_is_written_and_reads_back_with_the_debt() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "in.json", &example());
    for (lang, title) in [("en", "Project financial model"), ("zh", "项目财务模型")] {
        let out = dir.path().join(format!("model-{lang}.pdf"));
        let run = cli(&[
            "pf",
            "model",
            "--input",
            file.to_str().unwrap(),
            "--pdf",
            out.to_str().unwrap(),
            "--lang",
            lang,
            "--officer",
            "Li Wei",
        ]);
        assert!(run.status.success(), "{}", stderr(&run));
        assert_eq!(
            String::from_utf8_lossy(&run.stdout).trim(),
            out.display().to_string()
        );
        let text = poppler::text(&out);
        assert!(text.contains(title), "{text}");
        assert!(text.contains("385.06"), "{text}");
        assert!(text.contains("Li Wei"), "{text}");
    }
    // The template gives the same PDF's figures; without --lang the PDF is in Chinese.
    let out = dir.path().join("from-xlsx.pdf");
    let run = cli(&[
        "pf",
        "model",
        "--input",
        template_path().to_str().unwrap(),
        "--pdf",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let text = poppler::text(&out);
    assert!(
        text.contains("项目财务模型") && text.contains("385.06"),
        "{text}"
    );
}
