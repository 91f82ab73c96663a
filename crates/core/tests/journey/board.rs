//! The pipeline board: columns, cards, filters, paging.
use super::*;
use loandesk_core::journey::{BoardColumn, BoardQuery, StatusInput};
use loandesk_core::loans::ScenarioInput;
use rust_decimal::Decimal;

fn ids(column: &BoardColumn) -> Vec<i64> {
    column.cards.iter().map(|c| c.client_id).collect()
}

fn scenario(principal: &str, proposed: bool) -> ScenarioInput {
    scenario_in(principal, "CNY", proposed)
}

fn scenario_in(principal: &str, currency: &str, proposed: bool) -> ScenarioInput {
    let terms = serde_json::json!({
        "principal": principal,
        "currency": currency,
        "term_months": 36,
        "rate": { "kind": "fixed", "annual_percent": "4.35" },
        "disbursement_date": "2026-03-01",
        "method": "equal-installment"
    });
    ScenarioInput {
        id: None,
        label: "方案".into(),
        terms: serde_json::from_value(terms).unwrap(),
        proposed,
    }
}

#[test]
fn the_board_shows_columns_of_cards_filtered_and_paged() {
    let (_d, mut v) = vault();
    let wc = Some(ProductType::WorkingCapital);
    let fa = Some(ProductType::FixedAsset);
    let s1a = new_client(&mut v, "甲公司", 1, wc, Tier::A, "2026-02-01");
    let s1b = new_client(&mut v, "乙公司", 1, fa, Tier::B, "2026-01-15");
    let s1c = new_client(&mut v, "丙公司", 1, fa, Tier::A, "2026-02-10");
    let lost = new_client(&mut v, "丁公司", 1, wc, Tier::A, "2026-01-01");
    let lost_input = StatusInput {
        status: LifecycleStatus::Lost,
        lost_reason: Some("other-bank".into()),
        note: String::new(),
    };
    v.set_status(lost, &lost_input, day("2026-02-20")).unwrap();
    let archived = new_client(&mut v, "戊公司", 1, wc, Tier::A, "2026-01-01");
    v.set_archived(archived, true).unwrap();
    let pf = Some(ProductType::ProjectFinance);
    let s3 = new_client(&mut v, "己公司", 3, pf, Tier::A, "2026-02-01");
    v.save_scenario(s3, &scenario("9000000", false)).unwrap();
    v.save_scenario(s3, &scenario("5000000.00", true)).unwrap();
    let source = v.checklist_item_id(s1a, "s1-source").unwrap();
    v.set_item_done(s1a, source, true, day("2026-02-02"))
        .unwrap();

    let today = day("2026-03-01");
    let board = v.board(&BoardQuery::default(), today).unwrap();
    let totals: Vec<u32> = board.columns.iter().map(|c| c.total).collect();
    assert_eq!(totals, [3, 0, 1, 0, 0]);
    let first = &board.columns[0];
    assert_eq!(ids(first), [s1b, s1a, s1c], "longest in stage first");
    let days: Vec<i64> = first.cards.iter().map(|c| c.days_in_stage).collect();
    assert_eq!(days, [45, 28, 19]);
    let open: Vec<u32> = first.cards.iter().map(|c| c.open_required).collect();
    assert_eq!(open, [3, 2, 3]);
    assert_eq!(first.cards[0].amount, None);
    let card = &board.columns[2].cards[0];
    assert_eq!(card.amount, Some(Decimal::new(500000000, 2)));
    assert_eq!(card.currency.as_deref(), Some("CNY"));
    assert_eq!(
        (card.name.as_str(), card.product, card.tier),
        ("己公司", pf, Tier::A)
    );

    let filtered = |tier, product| {
        let q = BoardQuery {
            tier,
            product,
            limit: None,
        };
        let col = v.board_column(&q, 1, 0, today).unwrap();
        (ids(&col), col.total)
    };
    assert_eq!(filtered(Some(Tier::A), None), (vec![s1a, s1c], 2));
    assert_eq!(filtered(None, fa), (vec![s1b, s1c], 2));
    assert_eq!(filtered(Some(Tier::A), fa), (vec![s1c], 1));
    assert_eq!(filtered(Some(Tier::C), None), (vec![], 0));

    let one = BoardQuery {
        limit: Some(1),
        ..Default::default()
    };
    let pages: Vec<(Vec<i64>, u32, u32)> = (0..4)
        .map(|offset| {
            let col = v.board_column(&one, 1, offset, today).unwrap();
            (ids(&col), col.total, col.offset)
        })
        .collect();
    assert_eq!(
        pages,
        [
            (vec![s1b], 3, 0),
            (vec![s1a], 3, 1),
            (vec![s1c], 3, 2),
            (vec![], 3, 3)
        ]
    );
    assert_eq!(
        validation_field(v.board_column(&one, 6, 0, today).unwrap_err()),
        "stage"
    );

    // Advancing moves the card (what a drag on the board does).
    v.advance(s1a, today, Some("拖动到下一阶段")).unwrap();
    let board = v.board(&BoardQuery::default(), today).unwrap();
    assert_eq!(ids(&board.columns[0]), [s1b, s1c]);
    let moved = &board.columns[1].cards[0];
    assert_eq!((moved.client_id, moved.days_in_stage), (s1a, 0));
}

#[test]
fn a_column_sums_its_proposed_amounts_per_currency_over_every_page() {
    let (_d, mut v) = vault();
    let wc = Some(ProductType::WorkingCapital);
    let fa = Some(ProductType::FixedAsset);
    let a = new_client(&mut v, "甲公司", 2, wc, Tier::A, "2026-01-01");
    let b = new_client(&mut v, "乙公司", 2, fa, Tier::B, "2026-01-02");
    let c = new_client(&mut v, "丙公司", 2, fa, Tier::A, "2026-01-03");
    let d = new_client(&mut v, "丁公司", 2, wc, Tier::A, "2026-01-04");
    let lost = new_client(&mut v, "戊公司", 2, wc, Tier::A, "2026-01-05");
    v.save_scenario(a, &scenario("5000000.10", true)).unwrap();
    v.save_scenario(b, &scenario("0.20", true)).unwrap();
    v.save_scenario(b, &scenario("99999999", false)).unwrap();
    v.save_scenario(c, &scenario_in("1200000", "USD", true))
        .unwrap();
    v.save_scenario(d, &scenario("7", false)).unwrap();
    v.save_scenario(lost, &scenario("1000", true)).unwrap();
    let lost_input = StatusInput {
        status: LifecycleStatus::Lost,
        lost_reason: Some("other-bank".into()),
        note: String::new(),
    };
    v.set_status(lost, &lost_input, day("2026-02-20")).unwrap();

    let today = day("2026-03-01");
    let sums = |tier, product, limit| {
        let q = BoardQuery {
            tier,
            product,
            limit,
        };
        let col = v.board_column(&q, 2, 0, today).unwrap();
        col.amounts
            .iter()
            .map(|s| (s.currency.clone(), s.amount.to_string()))
            .collect::<Vec<_>>()
    };
    let both = vec![
        ("CNY".to_string(), "5000000.30".to_string()),
        ("USD".to_string(), "1200000".to_string()),
    ];
    assert_eq!(
        sums(None, None, None),
        both,
        "exact, per currency, proposed only"
    );
    assert_eq!(
        sums(None, None, Some(1)),
        both,
        "the whole column, not the page"
    );
    assert_eq!(
        sums(Some(Tier::A), wc, None),
        vec![("CNY".to_string(), "5000000.10".to_string())]
    );
    assert_eq!(sums(Some(Tier::C), None, None), vec![]);
    assert_eq!(
        v.board(&BoardQuery::default(), today).unwrap().columns[0].amounts,
        vec![]
    );
}
