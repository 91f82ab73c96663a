//! Loan scenarios saved on a client, in a real vault.
#![allow(clippy::unwrap_used)]
use chrono::NaiveDate;
use loandesk_core::clients::ClientInput;
use loandesk_core::loans::{DayCount, LoanTerms, Method, Rate, Rounding, ScenarioInput};
use loandesk_core::{Error, Vault};
use rust_decimal::Decimal;

fn terms(principal: i64, method: Method) -> LoanTerms {
    LoanTerms {
        principal: Decimal::from(principal),
        currency: "CNY".into(),
        term_months: 36,
        rate: Rate::Fixed {
            annual_percent: Decimal::new(435, 2),
        },
        disbursement_date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        repay_day: None,
        method,
        grace_months: 0,
        upfront_fee: Decimal::ZERO,
        day_count: DayCount::default(),
        rounding: Rounding::default(),
    }
}

#[test]
fn scenarios_save_list_propose_and_survive_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.loandesk");
    let mut v = Vault::create(&path, "scenario pass 1").unwrap();
    let client = v
        .create_client(
            &ClientInput::named("长沙鼎盛建材有限公司"),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
    let a = v
        .save_scenario(
            client,
            &ScenarioInput {
                id: None,
                label: "等额本息".into(),
                terms: terms(5_000_000, Method::EqualInstallment),
                proposed: true,
            },
        )
        .unwrap();
    let b = v
        .save_scenario(
            client,
            &ScenarioInput {
                id: None,
                label: "等额本金".into(),
                terms: terms(5_000_000, Method::EqualPrincipal),
                proposed: false,
            },
        )
        .unwrap();
    // Proposing b un-proposes a: one proposed loan per client.
    v.save_scenario(
        client,
        &ScenarioInput {
            id: Some(b),
            label: "等额本金 B".into(),
            terms: terms(4_000_000, Method::EqualPrincipal),
            proposed: true,
        },
    )
    .unwrap();
    v.set_officer_name("李明").unwrap();
    drop(v);

    let v = Vault::open(&path, "scenario pass 1").unwrap();
    let saved = v.loan_scenarios(client).unwrap();
    assert_eq!(
        saved.iter().map(|s| (s.id, s.proposed)).collect::<Vec<_>>(),
        [(b, true), (a, false)]
    );
    assert_eq!(saved[0].label, "等额本金 B");
    assert_eq!(saved[0].terms, terms(4_000_000, Method::EqualPrincipal));
    assert_eq!(v.officer_name().unwrap(), "李明");
}

#[test]
fn invalid_terms_or_unknown_client_store_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Vault::create(&dir.path().join("v.loandesk"), "scenario pass 1").unwrap();
    let client = v
        .create_client(
            &ClientInput::named("厦门永信物流有限公司"),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        )
        .unwrap();
    let mut bad = terms(0, Method::Bullet);
    let err = v
        .save_scenario(
            client,
            &ScenarioInput {
                id: None,
                label: "x".into(),
                terms: bad.clone(),
                proposed: false,
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "validation");
    assert_eq!(err.field().as_deref(), Some("principal"));
    bad.principal = Decimal::from(100);
    let unknown = v.save_scenario(
        999,
        &ScenarioInput {
            id: None,
            label: "x".into(),
            terms: bad,
            proposed: false,
        },
    );
    assert!(matches!(unknown, Err(Error::NotFound(_))));
    assert!(v.loan_scenarios(client).unwrap().is_empty());
    assert!(matches!(
        v.delete_scenario(client, 1),
        Err(Error::NotFound(_))
    ));
}
