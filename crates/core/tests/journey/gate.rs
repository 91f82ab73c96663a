//! Stage gates, overrides, moving back, days in stage.
use super::*;
use loandesk_core::journey::EntryVia;
use loandesk_core::vault::recent_audit;

#[test]
fn a_new_client_starts_in_its_stage_with_the_template_checklist() {
    let (_d, mut v) = vault();
    let wc = Some(ProductType::WorkingCapital);
    let id = new_client(
        &mut v,
        "苏州恒远精密机械有限公司",
        2,
        wc,
        Tier::B,
        "2026-03-01",
    );
    let j = v.journey(id, day("2026-03-11")).unwrap();
    assert_eq!((j.stage, j.days_in_stage), (2, 10));
    assert_eq!(j.entered_on, Some(day("2026-03-01")));
    assert_eq!(j.history.len(), 1);
    assert_eq!(j.history[0].via, EntryVia::Created);
    let template = v.checklist_template(wc, 2).unwrap();
    let list = &j.checklists[0];
    let keys: Vec<&str> = list.items.iter().map(|i| i.key.as_str()).collect();
    let template_keys: Vec<&str> = template.items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, template_keys);
    assert!(list.items.iter().all(|i| i.template_version == Some(1)));
    let required: Vec<&str> = template
        .items
        .iter()
        .filter(|i| i.required)
        .map(|i| i.key.as_str())
        .collect();
    assert_eq!(list.open_required, required);
    assert_eq!(j.follow_up.unwrap().next_on, day("2026-03-31"));
}

#[test]
fn default_templates_cover_every_product_and_stage_in_both_languages() {
    let (_d, v) = vault();
    let products = [
        None,
        Some(ProductType::WorkingCapital),
        Some(ProductType::FixedAsset),
        Some(ProductType::ProjectFinance),
        Some(ProductType::Sme),
    ];
    for product in products {
        for stage in 1..=5 {
            let t = v.checklist_template(product, stage).unwrap();
            assert!(t.items.len() >= 3, "{product:?} {stage}");
            assert!(t.items.iter().any(|i| i.required));
            for item in &t.items {
                assert!(
                    !item.label_zh.is_empty()
                        && item.label_en.is_ascii()
                        && !item.label_en.is_empty()
                );
                assert!(!item.label_zh.is_ascii(), "{}", item.label_zh);
            }
        }
    }
    let pf = v
        .checklist_template(Some(ProductType::ProjectFinance), 3)
        .unwrap();
    let feasibility = pf.items.iter().find(|i| i.key == "s3-feasibility").unwrap();
    assert_eq!(
        feasibility.document_kind,
        Some(loandesk_core::journey::DocumentKind::FeasibilityStudy)
    );
}

#[test]
fn the_gate_refuses_while_required_items_are_open_and_names_them() {
    let (_d, mut v) = vault();
    let id = new_client(
        &mut v,
        "杭州华信电子有限公司",
        1,
        None,
        Tier::C,
        "2026-01-05",
    );
    let refused = v.advance(id, day("2026-01-06"), None).unwrap_err();
    let payload = refused.to_payload();
    assert_eq!(payload.code, "gate_refused");
    assert_eq!(
        payload.items,
        ["s1-source", "s1-company-info", "s1-contact"]
    );
    assert!(matches!(refused, Error::GateRefused { open } if open.len() == 3));

    for key in ["s1-source", "s1-company-info"] {
        let item = v.checklist_item_id(id, key).unwrap();
        v.set_item_done(id, item, true, day("2026-01-06")).unwrap();
    }
    match v.advance(id, day("2026-01-06"), None) {
        Err(Error::GateRefused { open }) => assert_eq!(open, ["s1-contact"]),
        other => panic!("{other:?}"),
    }
    assert_eq!(v.journey(id, day("2026-01-06")).unwrap().history.len(), 1);
    let contact = v.checklist_item_id(id, "s1-contact").unwrap();
    v.set_item_done(id, contact, true, day("2026-01-07"))
        .unwrap();
    // The optional item (s1-interest) is still open and does not block.
    let moved = v.advance(id, day("2026-01-08"), None).unwrap();
    assert_eq!((moved.from, moved.to), (1, 2));
    assert!(moved.skipped.is_empty());

    // A document item is open until its document is received, ticked or not.
    let application = v.checklist_item_id(id, "s2-application").unwrap();
    let ticked = v
        .set_item_done(id, application, true, day("2026-01-09"))
        .unwrap();
    assert_eq!(ticked.state, ItemState::AwaitingDocument);
    assert!(open_keys(&v, id).contains(&"s2-application".to_string()));
    let received = v
        .set_document_received(id, application, true, day("2026-01-10"))
        .unwrap();
    assert_eq!(received.state, ItemState::Done);
    assert_eq!(received.done_on, Some(day("2026-01-09")));
    assert!(!open_keys(&v, id).contains(&"s2-application".to_string()));
    let unticked = v
        .set_item_done(id, application, false, day("2026-01-11"))
        .unwrap();
    assert_eq!(unticked.state, ItemState::Open);
}

#[test]
fn an_override_needs_a_written_reason_which_is_kept() {
    let (_d, mut v) = vault();
    let id = new_client(
        &mut v,
        "成都天成物流有限公司",
        1,
        None,
        Tier::A,
        "2026-02-01",
    );
    let blank = v.advance(id, day("2026-02-02"), Some("   ")).unwrap_err();
    assert_eq!(validation_field(blank), "override_reason");
    let moved = v
        .advance(id, day("2026-02-02"), Some("客户急需资金，材料后补"))
        .unwrap();
    assert_eq!(
        moved.skipped,
        ["s1-source", "s1-company-info", "s1-contact"]
    );
    let j = v.journey(id, day("2026-02-03")).unwrap();
    let entry = &j.history[1];
    assert_eq!((entry.stage, entry.via), (2, EntryVia::Advance));
    assert_eq!(
        entry.override_reason.as_deref(),
        Some("客户急需资金，材料后补")
    );
    assert_eq!(entry.skipped, moved.skipped);
    // The skipped items stay open on stage 1's checklist for later.
    assert_eq!(j.checklists[0].open_required.len(), 3);
    let trail = recent_audit(v.conn(), "client", id, 1).unwrap();
    assert_eq!(trail[0].action, "journey.advance");
    assert_eq!(trail[0].detail, "1>2 override");

    // A reason given when nothing is open overrides nothing and is not recorded as one.
    complete_stage(&mut v, id, "2026-02-05");
    v.advance(id, day("2026-02-06"), Some("顺利")).unwrap();
    let j = v.journey(id, day("2026-02-06")).unwrap();
    assert_eq!(j.history[2].override_reason, None);
    assert!(j.history[2].skipped.is_empty());
}

#[test]
fn moving_back_is_recorded_keeps_ticks_and_days_in_stage_follow_the_dates() {
    let (_d, mut v) = vault();
    let fa = Some(ProductType::FixedAsset);
    let id = new_client(&mut v, "宁波金石建材有限公司", 1, fa, Tier::B, "2026-04-01");
    complete_stage(&mut v, id, "2026-04-02");
    v.advance(id, day("2026-04-04"), None).unwrap();
    v.advance(id, day("2026-04-06"), Some("先行推进")).unwrap();
    let items_in_2 = v.journey(id, day("2026-04-06")).unwrap().checklists[1]
        .items
        .len();
    let back = v
        .move_back(id, 1, day("2026-04-10"), Some("营业执照过期，需重新核验"))
        .unwrap();
    assert_eq!((back.from, back.to), (3, 1));

    let j = v.journey(id, day("2026-04-15")).unwrap();
    let summary: Vec<(u8, EntryVia, i64)> =
        j.history.iter().map(|e| (e.stage, e.via, e.days)).collect();
    assert_eq!(
        summary,
        [
            (1, EntryVia::Created, 3),
            (2, EntryVia::Advance, 2),
            (3, EntryVia::Advance, 4),
            (1, EntryVia::Back, 5),
        ]
    );
    assert_eq!(j.history[3].note, "营业执照过期，需重新核验");
    assert_eq!(j.history[2].left_on, Some(day("2026-04-10")));
    assert_eq!((j.stage, j.days_in_stage), (1, 5));
    assert!(j.checklists[0].open_required.is_empty(), "ticks kept");

    v.advance(id, day("2026-04-16"), None).unwrap();
    let j = v.journey(id, day("2026-04-16")).unwrap();
    assert_eq!(j.checklists[1].items.len(), items_in_2, "not copied twice");
    let trail = recent_audit(v.conn(), "client", id, 2).unwrap();
    assert_eq!(trail[1].action, "journey.back");
    assert_eq!(trail[1].detail, "3>1");

    for bad in [2, 3, 0, 6] {
        let e = v.move_back(id, bad, day("2026-04-17"), None).unwrap_err();
        assert_eq!(validation_field(e), "to_stage", "{bad}");
    }
}

#[test]
fn stage_five_is_the_last_and_makes_a_prospect_active() {
    let (_d, mut v) = vault();
    let id = new_client(
        &mut v,
        "深圳博源医药有限公司",
        4,
        None,
        Tier::A,
        "2026-05-01",
    );
    let moved = v.advance(id, day("2026-05-02"), Some("已获批")).unwrap();
    assert_eq!(moved.status, LifecycleStatus::Active);
    let j = v.journey(id, day("2026-05-03")).unwrap();
    assert_eq!(j.status, LifecycleStatus::Active);
    assert_eq!(j.status_changes.len(), 1);
    assert_eq!(j.status_changes[0].stage, 5);
    let e = v.advance(id, day("2026-05-04"), Some("x")).unwrap_err();
    assert_eq!(validation_field(e), "stage");

    v.set_archived(id, true).unwrap();
    let e = v.move_back(id, 4, day("2026-05-05"), None).unwrap_err();
    assert_eq!(validation_field(e), "archived");
    assert!(matches!(
        v.advance(9999, day("2026-05-05"), None),
        Err(Error::NotFound(_))
    ));
}
