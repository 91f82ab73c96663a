//! The project model against vectors checked by hand (issue 17), and its properties.
#![allow(clippy::unwrap_used)]

use loandesk_core::prefs::Language;
use loandesk_core::project_finance::{
    model, CapitalCategory, CapitalTable, ModelInput, ModelWarning, ProjectModel, SensitivityKind,
};
use loandesk_core::Error;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn input(json: &str) -> ModelInput {
    ModelInput::from_json(json).unwrap()
}

fn run(json: &str) -> ProjectModel {
    model(&input(json), &CapitalTable::default(), Language::En).unwrap()
}

fn codes(m: &ProjectModel) -> Vec<ModelWarning> {
    m.warnings.iter().map(|w| w.code).collect()
}

fn strings(
    m: &ProjectModel,
    pick: impl Fn(&loandesk_core::project_finance::ModelPeriod) -> String,
) -> Vec<String> {
    m.periods.iter().map(pick).collect()
}

const SCULPT: &str = r#"{"periods_per_year": "1", "rate_percent": "6",
    "cfads": ["100", "110", "120", "130", "140"], "target_dscr": "1.30"}"#;

#[test]
fn sculpting_100_to_140_at_6_percent_to_1_30() {
    let m = run(SCULPT);
    assert_eq!(m.debt, dec("385.06"));
    assert_eq!(m.capacity, dec("385.06"));
    assert_eq!(m.sculpt_dscr, Some(dec("1.3000")));
    for p in &m.periods {
        assert_eq!(p.dscr, Some(dec("1.3000")), "period {}", p.period);
        assert_eq!(p.llcr, Some(dec("1.3000")), "period {}", p.period);
    }
    // By hand: interest 385.06 × 6 % = 23.10, principal 100 / 1.3 − 23.10 = 53.82.
    assert_eq!(m.periods[0].interest, dec("23.10"));
    assert_eq!(m.periods[0].principal, dec("53.82"));
    assert_eq!(m.periods[4].closing.to_string(), "0.00");
    assert_eq!(m.min_dscr, Some(dec("1.3000")));
    assert_eq!(m.llcr, Some(dec("1.3000")));
    assert_eq!(m.plcr, Some(dec("1.3000")));
    assert_eq!(m.avg_dscr_mean, m.avg_dscr_ratio);
    assert!(m.warnings.is_empty(), "{:?}", m.warnings);
    let json = serde_json::to_value(&m).unwrap();
    assert_eq!(json["debt"], "385.06");
    assert_eq!(json["periods"][0]["debt_service"], "76.92");
    assert!(json["periods"][0].get("dsra").is_none());
}

#[test]
fn interest_during_construction_both_timings() {
    let with = |timing: &str| {
        run(&format!(
            r#"{{"periods_per_year": 1, "rate_percent": "6", "cfads": ["400", "400", "400", "400"],
            "target_dscr": "1.3", "construction": {{"periods_per_year": 4, "rate_percent": "6",
            "draws": ["250", "250", "250", "250"], "draw_timing": "{timing}"}}}}"#
        ))
    };
    let end = with("end");
    assert_eq!((end.idc, end.debt_at_cod), (dec("22.73"), dec("1022.73")));
    // The debt repaid is what construction drew, not the sized amount.
    assert_eq!(end.debt, dec("1022.73"));
    let interest: Vec<String> = end
        .construction_periods
        .iter()
        .map(|p| p.interest.to_string())
        .collect();
    assert_eq!(interest, ["0.00", "3.75", "7.56", "11.42"]);
    let start = with("start");
    assert_eq!(
        (start.idc, start.debt_at_cod),
        (dec("38.07"), dec("1038.07"))
    );
    // 400 a year carries 1,386.04 at 1.3 (PV 1,386.04 × 1.3 = 1,801.85): the drawn debt is
    // below it, so the cover is above the target and nothing warns.
    assert!(end.sculpt_dscr.unwrap() > dec("1.3"));
    assert!(codes(&end).is_empty());
}

/// Debt 300 at 10 %, equal principal over 3 years: debt service 130, 120, 110.
const DSRA: &str = r#"{"periods_per_year": 1, "rate_percent": 10, "cfads": [200, 200, 200],
    "target_dscr": "1.3", "debt": 300, "repayment": "equal-principal", "total_uses": 1000,
    "dsra_months": 12"#;

#[test]
fn a_dsra_funded_at_cod_holds_the_next_year_and_is_released_at_the_end() {
    let m = run(&format!("{DSRA}}}"));
    assert_eq!(
        strings(&m, |p| p.debt_service.to_string()),
        ["130.00", "120.00", "110.00"]
    );
    let dsra: Vec<_> = m.periods.iter().map(|p| p.dsra.clone().unwrap()).collect();
    assert_eq!(dsra[0].opening, dec("130"));
    assert_eq!(
        (dsra[0].target, dsra[0].release, dsra[0].closing),
        (dec("120"), dec("10"), dec("120"))
    );
    assert_eq!(
        (dsra[1].target, dsra[1].release, dsra[1].closing),
        (dec("110"), dec("10"), dec("110"))
    );
    assert_eq!(
        (dsra[2].target, dsra[2].release, dsra[2].closing),
        (dec("0"), dec("110"), dec("0"))
    );
    let su = m.sources_uses.unwrap();
    assert_eq!(
        (su.dsra_funding, su.total_uses, su.equity),
        (dec("130"), dec("1130"), dec("830"))
    );
}

#[test]
fn a_dsra_funded_from_cash_flow_fills_up_then_pays_a_shortfall() {
    let m = run(&format!(r#"{DSRA}, "dsra_funding": "cash-flow"}}"#));
    let d: Vec<_> = m.periods.iter().map(|p| p.dsra.clone().unwrap()).collect();
    // 200 − 130 = 70 of the 120 target; then 40 more of the 80 left; released at the end.
    assert_eq!(
        (d[0].opening, d[0].deposit, d[0].closing),
        (dec("0"), dec("70"), dec("70"))
    );
    assert_eq!((d[1].deposit, d[1].closing), (dec("40"), dec("110")));
    assert_eq!(d[2].release, dec("110"));
    assert_eq!(m.sources_uses.unwrap().dsra_funding, dec("0"));

    // Year 2 earns 100 against 120 due: the reserve pays the 20 and nothing is short.
    let short = run(&format!(
        "{}}}",
        DSRA.replace("[200, 200, 200]", "[200, 100, 200]")
    ));
    let d = short.periods[1].dsra.clone().unwrap();
    assert_eq!(
        (d.opening, d.draw, d.deposit, d.closing),
        (dec("120"), dec("20"), dec("0"), dec("100"))
    );
    assert!(!codes(&short).contains(&ModelWarning::CashShortfall));
    // Six months of annual periods hold half of the next year's debt service.
    let half = run(&DSRA.replace("\"dsra_months\": 12", "\"dsra_months\": 6}"));
    assert_eq!(half.periods[0].dsra.clone().unwrap().target, dec("60"));
    assert_eq!(half.sources_uses.unwrap().dsra_funding, dec("65"));
}

#[test]
fn a_sweep_with_a_lock_up_year_and_a_final_residual() {
    let m = run(
        r#"{"periods_per_year": 1, "rate_percent": "10", "cfads": ["200", "130", "150"],
        "target_dscr": "1.2", "debt": "300", "repayment": "equal-principal",
        "sweep": {"percent": "50", "lockup_dscr": "1.20"}}"#,
    );
    let s: Vec<_> = m.periods.iter().map(|p| p.sweep.clone().unwrap()).collect();
    // Year 1: DSCR 200 / 130 passes; half the 70 left prepays: 300 − 100 − 35 = 165.
    assert_eq!(
        (s[0].swept, s[0].distributed, s[0].locked_up),
        (dec("35"), dec("35"), false)
    );
    assert_eq!(m.periods[0].closing, dec("165"));
    // Year 2: interest 16.50 + principal 100; DSCR 130 / 116.5 = 1.1159 < 1.20: 13.50 trapped.
    assert_eq!(m.periods[1].dscr, Some(dec("1.1159")));
    assert_eq!(
        (s[1].swept, s[1].trapped, s[1].locked_up),
        (dec("0"), dec("13.5"), true)
    );
    assert_eq!(m.periods[1].closing, dec("65"));
    // Year 3 pays the residual 65 (not the scheduled 100), and the trapped cash is let go.
    assert_eq!(
        (m.periods[2].interest, m.periods[2].principal),
        (dec("6.5"), dec("65"))
    );
    assert_eq!((s[2].released, s[2].distributed), (dec("13.5"), dec("92")));
    assert_eq!(m.periods[2].closing, dec("0"));
}

#[test]
fn gearing_caps_the_sized_debt_and_a_given_debt_warns() {
    let capped = run(&SCULPT.replace(
        '}',
        r#", "total_uses": "500", "max_gearing_percent": "70"}"#,
    ));
    assert_eq!(capped.debt, dec("350.00"));
    // NPV 500.5824… / 350: a higher cover than the target, so no warning.
    assert_eq!(capped.sculpt_dscr, Some(dec("1.4302")));
    assert!(capped.warnings.is_empty());

    let given = run(&SCULPT.replace(
        '}',
        r#", "debt": "420", "total_uses": "500", "max_gearing_percent": "80"}"#,
    ));
    assert_eq!(given.debt, dec("420.00"));
    assert_eq!(given.sculpt_dscr, Some(dec("1.1919")));
    assert_eq!(
        codes(&given),
        [ModelWarning::DscrBelowTarget, ModelWarning::GearingAboveMax]
    );
    assert_eq!(given.warnings[1].params["gearing"], "84.00");
    assert_eq!(given.periods[4].closing, dec("0"));
}

#[test]
fn both_average_dscrs_llcr_plcr_and_the_chinese_ratios() {
    // Bullet 100 at 10 % over 2 years (debt service 10, 110), a third year after maturity.
    let m = run(
        r#"{"periods_per_year": 1, "rate_percent": "10", "cfads": ["20", "150", "50"],
        "target_dscr": "1.2", "debt": "100", "repayment": "bullet", "tenor_periods": 2,
        "ebitda": ["30", "160", "60"], "tax": ["5", "10", "10"], "ebit": ["25", "150", "50"]}"#,
    );
    assert_eq!(
        strings(&m, |p| format!("{:?}", p.dscr)),
        ["Some(2.0000)", "Some(1.3636)", "None"]
    );
    assert_eq!(m.avg_dscr_mean, Some(dec("1.6818")));
    assert_eq!(m.avg_dscr_ratio, Some(dec("1.4167")));
    // LLCR 1 = (20 / 1.1 + 150 / 1.21) / 100; the last LLCR equals the last DSCR.
    assert_eq!(m.llcr, Some(dec("1.4215")));
    assert_eq!(m.periods[1].llcr, m.periods[1].dscr);
    assert_eq!(m.min_llcr, Some(dec("1.3636")));
    // PLCR adds year 3's 50 / 1.331.
    assert_eq!(m.plcr, Some(dec("1.7971")));
    assert_eq!(m.periods[0].dscr_cn, Some(dec("2.5000")));
    assert_eq!(m.periods[1].dscr_cn, Some(dec("1.3636")));
    assert_eq!(m.periods[1].icr, Some(dec("15.0000")));
    assert_eq!(m.min_icr, Some(dec("2.5000")));
    assert_eq!(m.periods[2].debt_service, dec("0"));
}

#[test]
fn the_alternatives_repay_in_full() {
    for repayment in ["annuity", "equal-principal", "bullet"] {
        let m = run(&SCULPT.replace('}', &format!(r#", "repayment": "{repayment}"}}"#)));
        assert_eq!(m.debt, dec("385.06"));
        assert_eq!(m.periods[4].closing, dec("0"), "{repayment}");
        let principal: Decimal = m.periods.iter().map(|p| p.principal).sum();
        assert!(
            (principal - dec("385.06")).abs() <= dec("0.03"),
            "{repayment}: {principal}"
        );
        assert_eq!(m.sculpt_dscr, None);
    }
    // The annuity's instalment is level: 385.06 × 0.06 / (1 − 1.06^−5) = 91.41.
    let annuity = run(&SCULPT.replace('}', r#", "repayment": "annuity"}"#));
    assert!(annuity
        .periods
        .iter()
        .all(|p| p.debt_service == dec("91.41")));
    // Front-loaded against a rising cash flow: the first year's cover is below the target.
    assert_eq!(codes(&annuity), [ModelWarning::DscrBelowTarget]);
}

#[test]
fn sensitivity_cases() {
    let m = run(SCULPT);
    let case = |k: SensitivityKind| m.sensitivity.iter().find(|c| c.case == k).unwrap().clone();
    let minus10 = case(SensitivityKind::CfadsMinus10);
    assert_eq!(
        (minus10.min_dscr, minus10.min_llcr, minus10.repays),
        (Some(dec("1.1700")), Some(dec("1.1700")), true)
    );
    assert_eq!(
        case(SensitivityKind::CfadsMinus20).min_dscr,
        Some(dec("1.0400"))
    );
    let rate = case(SensitivityKind::RatePlus100bp);
    assert!(rate.min_dscr.unwrap() < dec("1.3") && rate.repays);

    let thin = run(&SCULPT.replace("1.30", "1.10"));
    let minus20 = thin
        .sensitivity
        .iter()
        .find(|c| c.case == SensitivityKind::CfadsMinus20)
        .unwrap();
    assert_eq!(minus20.min_dscr, Some(dec("0.8800")));
    assert!(!minus20.repays);
}

#[test]
fn the_equity_share_against_its_industry_minimum() {
    let with = |category: &str, table: &CapitalTable| {
        let json = SCULPT.replace(
            '}',
            &format!(r#", "debt": "380", "total_uses": "500", "capital_category": "{category}"}}"#),
        );
        model(&input(&json), table, Language::Zh).unwrap()
    };
    let rail = with("rail-road", &CapitalTable::default());
    let check = rail.capital_check.unwrap();
    assert_eq!(
        (check.required_percent, check.equity_percent, check.short),
        (dec("20"), dec("24.00"), false)
    );
    let cement = with("cement", &CapitalTable::default());
    assert!(cement.capital_check.unwrap().short);
    let w = cement
        .warnings
        .iter()
        .find(|w| w.code == ModelWarning::EquityShort)
        .unwrap();
    assert_eq!(w.message, "资本金比例 24.00% 低于该行业最低要求 35%");
    let mut bank = CapitalTable::default();
    bank.overrides.insert(CapitalCategory::Cement, dec("20"));
    assert!(!with("cement", &bank).capital_check.unwrap().short);
}

#[test]
fn cfads_built_from_its_parts() {
    let m = run(
        r#"{"periods_per_year": 1, "rate_percent": "6", "target_dscr": "1.3",
        "revenue": ["300", "320"], "opex": ["120", "125"], "tax": ["20", "25"],
        "working_capital_change": ["10", "-5"], "maintenance_capex": ["50", "45"]}"#,
    );
    assert_eq!(strings(&m, |p| p.cfads.to_string()), ["100.00", "130.00"]);
}

fn refused(json: &str) -> String {
    match model(&input(json), &CapitalTable::default(), Language::En) {
        Err(Error::Validation { field, .. }) => field,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn bad_input_is_refused_by_its_key() {
    assert_eq!(refused(&SCULPT.replace("\"120\"", "\"-1\"")), "cfads[3]");
    assert_eq!(refused(&SCULPT.replace("1.30", "0")), "target_dscr");
    assert_eq!(
        refused(&SCULPT.replace(
            '}',
            r#", "total_uses": "500", "max_gearing_percent": "101"}"#
        )),
        "max_gearing_percent"
    );
    assert_eq!(
        refused(
            r#"{"periods_per_year": 1, "rate_percent": "6", "cfads": [], "target_dscr": "1.3"}"#
        ),
        "cfads"
    );
    assert_eq!(
        refused(&SCULPT.replace('}', r#", "ebitda": ["1"]}"#)),
        "ebitda"
    );
    assert_eq!(
        refused(&SCULPT.replace('}', r#", "tenor_periods": 6}"#)),
        "tenor_periods"
    );
    assert_eq!(
        refused(&SCULPT.replace("\"1\"", "\"12\"")),
        "periods_per_year"
    );
    // Negative cash after the tenor is the project's, not the loan's: accepted.
    run(&SCULPT
        .replace("\"140\"", "\"-5\"")
        .replace('}', r#", "tenor_periods": 4}"#));
    // All zero: nothing to size a loan on.
    assert_eq!(
        refused(&SCULPT.replace(r#"["100", "110", "120", "130", "140"]"#, r#"["0", "0"]"#)),
        "cfads"
    );
    assert!(ModelInput::from_json(r#"{"periods_per_year": 1, "unknown": 2}"#).is_err());
    // A rate of 100 % a quarter over 60 years leaves Decimal's range: refused, not a panic.
    let huge = format!(
        r#"{{"periods_per_year": 1, "rate_percent": "100", "cfads": [{}"1000000000000000"],
        "target_dscr": "0.01", "debt": "1000000000000000"}}"#,
        "\"0\", ".repeat(200)
    );
    assert!(
        model(&input(&huge), &CapitalTable::default(), Language::En).is_ok()
            || refused(&huge) == "cfads"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn sculpted_balance_ends_at_zero_and_the_last_llcr_is_the_last_dscr(
        cfads in prop::collection::vec(1u32..100_000, 1..40),
        rate_bp in 0u32..1500,
        dscr_cents in 100u32..300,
        ppy in prop::sample::select(vec![1u32, 2, 4]),
        repayment in prop::sample::select(vec!["sculpted", "annuity", "equal-principal", "bullet"]),
    ) {
        let json = serde_json::json!({
            "periods_per_year": ppy,
            "rate_percent": (Decimal::from(rate_bp) / Decimal::ONE_HUNDRED).to_string(),
            "cfads": cfads.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
            "target_dscr": (Decimal::from(dscr_cents) / Decimal::ONE_HUNDRED).to_string(),
            "repayment": repayment,
        });
        let m = run(&json.to_string());
        let last = m.periods.last().unwrap();
        prop_assert_eq!(last.closing, Decimal::ZERO);
        let (l, d) = (last.llcr.unwrap(), last.dscr.unwrap());
        prop_assert!((l - d).abs() <= dec("0.0001"), "llcr {} dscr {}", l, d);
        if repayment == "sculpted" {
            let target = Decimal::from(dscr_cents) / Decimal::ONE_HUNDRED;
            for p in &m.periods {
                prop_assert!((p.dscr.unwrap() - target).abs() <= dec("0.0001"));
            }
        }
    }

    #[test]
    fn capacity_falls_as_the_target_rises(
        cfads in prop::collection::vec(1u32..100_000, 1..40),
        rate_bp in 0u32..1500,
        low in 100u32..300,
        step in 1u32..100,
    ) {
        let at = |target: u32| {
            let json = serde_json::json!({
                "periods_per_year": 1,
                "rate_percent": (Decimal::from(rate_bp) / Decimal::ONE_HUNDRED).to_string(),
                "cfads": cfads.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
                "target_dscr": (Decimal::from(target) / Decimal::ONE_HUNDRED).to_string(),
            });
            run(&json.to_string()).capacity
        };
        prop_assert!(at(low + step) <= at(low));
    }
}

#[test]
fn an_lpr_rate_is_the_quote_plus_the_spread() {
    let with = |rate: &str| {
        SCULPT.replace("\"6\"", &format!("\"{rate}\"")).replace(
            '}',
            r#", "rate_basis": {"tenor": "5y", "lpr_percent": "3.50", "spread_bp": 70}}"#,
        )
    };
    // At 4.20 % the same cash carries more debt than at 6 %.
    assert!(run(&with("4.20")).debt > dec("385.06"));
    let i = input(&with("4.20"));
    assert_eq!(i.rate_basis.unwrap().rate_percent(), dec("4.20"));
    // A rate that is not LPR + spread is refused and says what it must be.
    match model(
        &input(&with("4.25")),
        &CapitalTable::default(),
        Language::En,
    ) {
        Err(Error::Validation { field, rule }) => {
            assert_eq!(field, "rate_percent");
            assert_eq!(rule.to_string(), "Must be 4.20.");
        }
        other => panic!("{other:?}"),
    }
}
