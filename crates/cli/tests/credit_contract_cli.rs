//! The issue-15 CLI contract: `credit wc-need` from an input file and from a client's
//! two-year statement, `ratios --client` with the spread's new kinds beside the old keys.
//! Bad input exits 2 with one line on stderr.
#![allow(clippy::unwrap_used)]
mod common;

use std::path::{Path, PathBuf};

use common::{cli, json, loandesk, loandesk_as, refused, run, stderr};
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// The issue's example: revenue 8,000, margin 5 %, growth 20 %, days 90 + 60 − 45 + 0 − 15 =
/// 90, own funds 500, existing loans 700, other funds 0.
fn example() -> Value {
    json!({
        "revenue": "8000",
        "net_margin_percent": "5",
        "growth_percent": "20",
        "inventory_days": "90",
        "receivable_days": "60",
        "payable_days": "45",
        "prepaid_days": "0",
        "advance_days": "15",
        "own_funds": "500",
        "existing_wc_loans": "700",
        "other_funds": "0"
    })
}

/// A decimal string's value: the core writes a ratio rounded to two places as it falls
/// ("60", "12.50"), so values are compared as numbers and the contract's fixed places
/// (the need's turnover and amounts) as strings.
fn dec(v: &Value) -> Decimal {
    v.as_str()
        .unwrap_or_else(|| panic!("a decimal string: {v}"))
        .parse()
        .unwrap()
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The example with `key` set to `value` (Null: the key left out).
fn changed(key: &str, value: Value) -> Value {
    let mut input = example();
    let map = input.as_object_mut().unwrap();
    if value.is_null() {
        map.remove(key);
    } else {
        map.insert(key.into(), value);
    }
    input
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// `credit wc-need --input FILE` on `input`, no vault anywhere.
fn from_file(dir: &Path, input: &Value, extra: &[&str]) -> std::process::Output {
    let file = write(dir, "input.json", &input.to_string());
    let mut args = vec!["credit", "wc-need", "--input", file.to_str().unwrap()];
    args.extend(extra);
    cli(&args)
}

/// Exit 2 with one line on stderr; the line.
fn refused_file(dir: &Path, input: &Value) -> String {
    let out = from_file(dir, input, &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{input}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(out.stdout.is_empty());
    err
}

#[test]
fn the_issues_example_needs_1080_with_the_turnover_to_four_places() {
    let dir = tempfile::tempdir().unwrap();
    let need = json(&from_file(dir.path(), &example(), &["--format", "json"]));
    assert_eq!(need["turnover"], "4.0000");
    assert_eq!(need["working_capital"], "2280.00");
    assert_eq!(need["new_need"], "1080.00");
    assert_eq!(need["warnings"], json!([]));
    assert_eq!(need["input"], example());

    // Without --format and piped: JSON as well. On a terminal a table; asked for, here.
    let piped = json(&from_file(dir.path(), &example(), &[]));
    assert_eq!(piped["new_need"], "1080.00");
    let table = from_file(dir.path(), &example(), &["--format", "table"]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(table.status.success());
    for row in [
        "turnover            4.0000",
        "working_capital     2280.00",
        "new_need            1080.00",
    ] {
        assert!(text.contains(row), "{row} in\n{text}");
    }
}

#[test]
fn funds_above_the_working_capital_need_0_with_the_negative_need_warning() {
    let dir = tempfile::tempdir().unwrap();
    // 2,280.00 − 2,000 − 700 − 0 = −420: shown as 0, never as a negative loan.
    let need = json(&from_file(
        dir.path(),
        &changed("own_funds", json!("2000")),
        &["--format", "json"],
    ));
    assert_eq!(need["working_capital"], "2280.00");
    assert_eq!(need["new_need"], "0.00");
    assert_eq!(need["warnings"], json!(["negative_need"]));

    let table = from_file(
        dir.path(),
        &changed("own_funds", json!("2000")),
        &["--format", "table"],
    );
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("warning: negative_need"), "{text}");
}

#[test]
fn bad_input_files_exit_2_with_one_line_naming_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // 90 + 60 − 150 + 0 − 15 = −15 days, and exactly 0.
    let err = refused_file(d, &changed("payable_days", json!("150")));
    assert!(
        err.contains("payable_days") && err.contains("greater than 0"),
        "{err}"
    );
    let err = refused_file(d, &changed("payable_days", json!("135")));
    assert!(err.contains("greater than 0"), "{err}");
    let err = refused_file(d, &changed("revenue", json!("-1")));
    assert!(err.contains("revenue") && err.contains("negative"), "{err}");
    let err = refused_file(d, &changed("other_funds", Value::Null));
    assert!(
        err.contains("missing") && err.contains("other_funds"),
        "{err}"
    );
    let err = refused_file(d, &json!({}));
    assert!(err.contains("missing") && err.contains("revenue"), "{err}");
    let err = refused_file(d, &changed("collateral", json!("1")));
    assert!(
        err.contains("unknown key") && err.contains("collateral"),
        "{err}"
    );
    // Decimal strings, as the contract says: a JSON number is named, not read through a float.
    let err = refused_file(d, &changed("revenue", json!(8000)));
    assert!(
        err.contains("revenue") && err.contains("decimal string"),
        "{err}"
    );
    let err = refused_file(d, &changed("revenue", json!("8,000")));
    assert!(err.contains("revenue") && err.contains("8,000"), "{err}");
    let err = refused_file(d, &json!(["8000"]));
    assert!(err.contains("JSON object"), "{err}");

    let refused_text = |file: &Path| {
        let out = cli(&["credit", "wc-need", "--input", file.to_str().unwrap()]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        err
    };
    let err = refused_text(&write(d, "broken.json", "{\"revenue\": \"8000\","));
    assert!(
        err.contains("broken.json") && err.contains("not valid JSON"),
        "{err}"
    );
    let err = refused_text(&d.join("absent.json"));
    assert!(
        err.contains("absent.json") && err.contains("cannot read"),
        "{err}"
    );

    // The figures come from the file or from a client, never from both.
    let file = write(d, "example.json", &example().to_string());
    let file = file.to_str().unwrap();
    for args in [
        vec!["credit", "wc-need"],
        vec!["credit", "wc-need", "--input", file, "--client", "1"],
        vec![
            "credit",
            "wc-need",
            "--input",
            file,
            "--growth-percent",
            "5",
        ],
    ] {
        let out = cli(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out).trim_end().lines().count(), 1, "{args:?}");
    }
}

/// Two years in the template layout, figures in yuan. 2024 on 2023's closing balances:
/// receivables (5.0 + 7.0) / 2 = 6.0 M on revenue 36.0 M → 60 days; inventory (6.4 + 8.0) / 2 =
/// 7.2 M, payables (3.2 + 4.0) / 2 = 3.6 M, prepayments 0.8 M on cost of sales 28.8 M → 90,
/// 45 and 10 days; advances (1.0 + 1.5) / 2 = 1.25 M on revenue → 12.5 days; net margin
/// 1.8 / 36 = 5 %; own funds 20.0 − 14.0 = 6.0 M.
const TWO_YEARS: &str = "\
财务报表 Financial statements
单位 Unit,元
项目 Item,2023,2024
货币资金,3000000,4000000
应收账款,5000000,7000000
预付账款,800000,800000
存货,6400000,8000000
流动资产合计,16000000,20000000
资产总计,40000000,45000000
短期借款,4000000,5000000
应付账款,3200000,4000000
预收账款,1000000,1500000
流动负债合计,12000000,14000000
长期借款,6000000,6000000
负债合计,20000000,22500000
所有者权益合计,20000000,22500000
营业收入,30000000,36000000
营业成本,24000000,28800000
利息支出,500000,600000
利润总额,2000000,2400000
净利润,1500000,1800000
折旧与摊销,1000000,1000000
经营活动现金流量净额,1800000,2700000
";

/// A vault with one client who has the two-year statement imported through the CLI, and a
/// second client with none.
fn vault_with_statements(dir: &Path) -> (PathBuf, String, String) {
    let vault = dir.join("credit.loandesk");
    json(&loandesk(&vault, &["vault", "create", "--format", "json"]));
    let add = |name: &str| {
        let added = run(&vault, &["clients", "add", "--name", name]);
        added["id"].as_i64().unwrap().to_string()
    };
    let client = add("宁波海曙精工机械有限公司");
    let bare = add("温州瓯江包装材料有限公司");
    let csv = write(dir, "two-years.csv", TWO_YEARS);
    let imported = run(
        &vault,
        &[
            "statements",
            "import",
            "--client",
            &client,
            csv.to_str().unwrap(),
        ],
    );
    let years: Vec<i64> = imported["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2023, 2024]);
    (vault, client, bare)
}

#[test]
fn the_need_from_a_clients_two_year_statement() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client, _) = vault_with_statements(dir.path());
    let wc = |extra: &[&str]| {
        let mut args = vec!["credit", "wc-need", "--client", &client];
        args.extend(extra);
        run(&vault, &args)
    };
    // 90 + 60 − 45 + 10 − 12.5 = 102.5 days → 360 / 102.5 = 3.5122 turns;
    // 36,000,000 × 0.95 × 1.10 × 102.5 / 360 = 10,711,250.00;
    // less own 6,000,000, existing 2,000,000, other 500,000 → 2,211,250.00.
    let need = wc(&[
        "--growth-percent",
        "10",
        "--existing-wc-loans",
        "2000000",
        "--other-funds",
        "500000",
    ]);
    assert_eq!(need["turnover"], "3.5122");
    assert_eq!(need["working_capital"], "10711250.00");
    assert_eq!(need["new_need"], "2211250.00");
    assert_eq!(need["warnings"], json!([]));
    let input = &need["input"];
    assert_eq!(input["revenue"], "36000000");
    assert_eq!(dec(&input["net_margin_percent"]), d("5.00"));
    assert_eq!(dec(&input["receivable_days"]), d("60.00"));
    assert_eq!(dec(&input["inventory_days"]), d("90.00"));
    assert_eq!(dec(&input["payable_days"]), d("45.00"));
    assert_eq!(dec(&input["prepaid_days"]), d("10.00"));
    assert_eq!(dec(&input["advance_days"]), d("12.50"));
    assert_eq!(input["own_funds"], "6000000");

    // Existing and other funds default to 0: 10,711,250 − 6,000,000.
    let need = wc(&["--growth-percent", "10"]);
    assert_eq!(need["new_need"], "4711250.00");

    // Own funds entered instead of the statement's: 10,711,250 − 9,000,000 − 2,000,000 < 0.
    let need = wc(&[
        "--growth-percent",
        "10",
        "--own-funds",
        "9000000",
        "--existing-wc-loans",
        "2000000",
    ]);
    assert_eq!(need["input"]["own_funds"], "9000000");
    assert_eq!(need["new_need"], "0.00");
    assert_eq!(need["warnings"], json!(["negative_need"]));

    // Negative growth is a shrinking business, not bad input: 36 M × 0.95 × 0.9 × 102.5 / 360.
    let need = wc(&["--growth-percent", "-10"]);
    assert_eq!(need["working_capital"], "8763750.00");
}

#[test]
fn bad_client_input_exits_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client, bare) = vault_with_statements(dir.path());
    let err = refused(
        &vault,
        &[
            "credit",
            "wc-need",
            "--client",
            "999",
            "--growth-percent",
            "10",
        ],
    );
    assert!(err.contains("999") && err.contains("not found"), "{err}");
    let err = refused(
        &vault,
        &[
            "credit",
            "wc-need",
            "--client",
            &bare,
            "--growth-percent",
            "10",
        ],
    );
    assert!(err.contains("no financial statement"), "{err}");
    let err = refused(&vault, &["credit", "wc-need", "--client", &client]);
    assert!(err.contains("--growth-percent"), "{err}");
    let err = refused(
        &vault,
        &[
            "credit",
            "wc-need",
            "--client",
            &client,
            "--growth-percent",
            "ten",
        ],
    );
    assert!(err.contains("growth_percent"), "{err}");
    let err = refused(
        &vault,
        &[
            "credit",
            "wc-need",
            "--client",
            &client,
            "--growth-percent",
            "10",
            "--existing-wc-loans",
            "-1",
        ],
    );
    assert!(err.contains("existing_wc_loans"), "{err}");
    // Not input: a wrong password stays an error.
    let out = loandesk_as(
        &vault,
        "not the password",
        &[
            "credit",
            "wc-need",
            "--client",
            &client,
            "--growth-percent",
            "10",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

/// The kinds `ratios` listed before issue 15, and the spread's new ones.
const OLD_KINDS: [&str; 6] = [
    "current-ratio",
    "quick-ratio",
    "debt-to-asset",
    "interest-coverage",
    "dscr",
    "dscr-cash-flow",
];
const NEW_KINDS: [&str; 15] = [
    "strict-quick-ratio",
    "ebitda",
    "debt-to-ebitda",
    "net-debt-to-ebitda",
    "receivable-days",
    "inventory-days",
    "payable-days",
    "prepaid-days",
    "advance-days",
    "cash-conversion-cycle",
    "gross-margin",
    "net-margin",
    "return-on-equity",
    "cash-to-profit",
    "revenue-growth",
];

#[test]
fn ratios_keep_their_keys_and_gain_the_spreads_kinds() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, client, _) = vault_with_statements(dir.path());
    let a = run(&vault, &["ratios", "--client", &client]);
    for key in ["client_id", "thresholds", "debt_service", "years"] {
        assert!(a.get(key).is_some(), "{key}");
    }
    assert_eq!(a["client_id"].as_i64().unwrap().to_string(), client);
    assert!(a["debt_service"].is_null());
    let years = a["years"].as_array().unwrap();
    assert_eq!(years.len(), 2);
    assert_eq!(years[0]["year"], 2024);
    assert_eq!(years[1]["year"], 2023);
    for y in years {
        let ratios = y["ratios"].as_array().unwrap();
        let kinds: Vec<&str> = ratios.iter().map(|r| r["kind"].as_str().unwrap()).collect();
        // The old six first, as before; the new ones after them.
        assert_eq!(kinds[..6], OLD_KINDS);
        for kind in NEW_KINDS {
            assert!(kinds.contains(&kind), "{kind} in {}", y["year"]);
        }
        for r in ratios {
            for key in [
                "kind",
                "value",
                "threshold",
                "bound",
                "status",
                "unit",
                "change",
                "basis",
            ] {
                assert!(r.get(key).is_some(), "{key} of {r}");
            }
        }
    }
    let ratio = |year: usize, kind: &str| -> Value {
        years[year]["ratios"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["kind"] == kind)
            .unwrap()
            .clone()
    };
    // The old ones as before: 20.0 / 14.0 = 1.43 against at least 1.20.
    let current = ratio(0, "current-ratio");
    assert_eq!(dec(&current["value"]), d("1.43"));
    assert_eq!(dec(&current["threshold"]), d("1.20"));
    assert_eq!(current["bound"], "at-least");
    assert_eq!(current["status"], "ok");
    assert_eq!(current["unit"], "times");
    // 16.0 / 12.0 = 1.33 the year before.
    assert_eq!(dec(&current["change"]), d("0.10"));
    assert!(ratio(1, "current-ratio")["change"].is_null());
    // No prior year: DSCRs not available without a proposed scenario.
    assert_eq!(ratio(0, "dscr")["status"], "not-available");

    // Turnovers on average balances, the first year on its closing ones.
    let dso = ratio(0, "receivable-days");
    assert_eq!(dec(&dso["value"]), d("60"));
    assert_eq!(dso["unit"], "days");
    assert_eq!(dso["basis"], "average");
    assert_eq!(dso["threshold"], Value::Null);
    assert_eq!(dso["status"], "no-threshold");
    let first = ratio(1, "receivable-days");
    // 360 × 5.0 / 30.0.
    assert_eq!(dec(&first["value"]), d("60"));
    assert_eq!(first["basis"], "closing");
    assert_eq!(dec(&dso["change"]), Decimal::ZERO);
    // 60 + 90 − 45 = 105 against 60 + 96 − 48 = 108 the year before.
    let cycle = ratio(0, "cash-conversion-cycle");
    assert_eq!(dec(&cycle["value"]), d("105"));
    assert_eq!(dec(&cycle["change"]), d("-3"));
    // Borrowings 5.0 + 6.0 = 11.0 M on EBITDA 2.4 + 0.6 + 1.0 = 4.0 M, at most 5 by default.
    let ebitda = ratio(0, "ebitda");
    assert_eq!(dec(&ebitda["value"]), d("4000000"));
    assert_eq!(ebitda["unit"], "yuan");
    let leverage = ratio(0, "debt-to-ebitda");
    assert_eq!(dec(&leverage["value"]), d("2.75"));
    assert_eq!(leverage["bound"], "at-most");
    assert_eq!(leverage["status"], "ok");
    // 1.8 / ((20.0 + 22.5) / 2) = 8.47 %.
    let roe = ratio(0, "return-on-equity");
    assert_eq!(dec(&roe["value"]), d("8.47"));
    assert_eq!(roe["unit"], "percent");
    assert_eq!(roe["basis"], "average");
    assert_eq!(dec(&ratio(0, "revenue-growth")["value"]), d("20"));
    assert_eq!(ratio(1, "revenue-growth")["status"], "not-available");

    // The table shows the unit, the change, the threshold's direction, the basis and the
    // status of a ratio without a threshold.
    let out = loandesk(
        &vault,
        &["ratios", "--client", &client, "--format", "table"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let row = |year: &str, kind: &str| -> Vec<String> {
        text.lines()
            .find(|l| l.starts_with(year) && l.split_whitespace().nth(1) == Some(kind))
            .unwrap_or_else(|| panic!("{year} {kind} in\n{text}"))
            .split_whitespace()
            .map(String::from)
            .collect()
    };
    let header: Vec<&str> = text.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        [
            "year",
            "ratio",
            "value",
            "unit",
            "change",
            "threshold",
            "status",
            "basis"
        ]
    );
    assert_eq!(
        row("2024", "current-ratio"),
        [
            "2024",
            "current-ratio",
            "1.43",
            "x",
            "+0.10",
            ">=",
            "1.20",
            "ok"
        ]
    );
    assert_eq!(
        row("2024", "receivable-days"),
        [
            "2024",
            "receivable-days",
            "60.00",
            "days",
            "0.00",
            "-",
            "no-threshold",
            "average"
        ]
    );
    assert_eq!(
        row("2023", "receivable-days"),
        [
            "2023",
            "receivable-days",
            "60.00",
            "days",
            "-",
            "-",
            "no-threshold",
            "closing"
        ]
    );
    assert_eq!(
        row("2024", "cash-conversion-cycle")[4],
        "-3.00",
        "the change"
    );
    assert!(text.contains("closing balances used"), "{text}");
}
