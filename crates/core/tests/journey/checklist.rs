//! Ticking, notes, one-off items, documents received.
use super::*;
use loandesk_core::journey::{DocumentKind, OneOffItemInput};
use loandesk_core::rule::Rule;
use loandesk_core::vault::recent_audit;

#[test]
fn notes_one_off_items_and_received_documents() {
    let (_d, mut v) = vault();
    let id = new_client(
        &mut v,
        "无锡汇通纺织有限公司",
        2,
        None,
        Tier::B,
        "2026-06-01",
    );
    let other = new_client(
        &mut v,
        "佛山宏达电子有限公司",
        2,
        None,
        Tier::B,
        "2026-06-01",
    );

    let meeting = v.checklist_item_id(id, "s2-meeting").unwrap();
    let noted = v
        .set_item_note(id, meeting, "  6月3日在客户工厂面谈  ")
        .unwrap();
    assert_eq!(noted.note, "6月3日在客户工厂面谈");
    let long = "长".repeat(2001);
    assert_eq!(
        validation_field(v.set_item_note(id, meeting, &long).unwrap_err()),
        "note"
    );
    // An item is reached only through its own client.
    assert!(matches!(
        v.set_item_done(other, meeting, true, day("2026-06-02")),
        Err(Error::NotFound(_))
    ));
    // Ticking twice keeps the first day.
    v.set_item_done(id, meeting, true, day("2026-06-02"))
        .unwrap();
    let again = v
        .set_item_done(id, meeting, true, day("2026-06-09"))
        .unwrap();
    assert_eq!(again.done_on, Some(day("2026-06-02")));

    let e = v
        .set_document_received(id, meeting, true, day("2026-06-02"))
        .unwrap_err();
    assert!(matches!(
        e,
        Error::Validation {
            rule: Rule::Required,
            ..
        }
    ));

    let extra = v
        .add_checklist_item(
            id,
            &OneOffItemInput {
                stage: None,
                label: "环保合规证明".into(),
                required: true,
                document_kind: Some(DocumentKind::Other),
            },
        )
        .unwrap();
    assert_eq!(extra.key, format!("extra-{}", extra.id));
    assert!(extra.one_off && extra.stage == 2 && extra.template_version.is_none());
    assert_eq!(
        (extra.label_zh.as_str(), extra.label_en.as_str()),
        ("环保合规证明", "环保合规证明")
    );
    assert_eq!(open_keys(&v, id).last(), Some(&extra.key));
    let blank = OneOffItemInput {
        stage: Some(2),
        label: " ".into(),
        required: false,
        document_kind: None,
    };
    assert_eq!(
        validation_field(v.add_checklist_item(id, &blank).unwrap_err()),
        "label"
    );

    // A required one-off item holds the gate like any other.
    complete_stage(&mut v, id, "2026-06-10");
    assert!(open_keys(&v, id).is_empty());
    v.set_document_received(id, extra.id, false, day("2026-06-11"))
        .unwrap();
    assert!(matches!(
        v.advance(id, day("2026-06-11"), None),
        Err(Error::GateRefused { open }) if open == [extra.key.clone()]
    ));
    v.remove_checklist_item(id, extra.id).unwrap();
    assert!(open_keys(&v, id).is_empty());
    let e = v.remove_checklist_item(id, meeting).unwrap_err();
    assert_eq!(validation_field(e), "item");

    let actions: Vec<String> = recent_audit(v.conn(), "client", id, 30)
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect();
    for action in [
        "journey.note",
        "journey.tick",
        "journey.item_add",
        "journey.received",
        "journey.unreceived",
        "journey.item_remove",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action}: {actions:?}");
    }
}

#[test]
fn a_key_names_the_item_in_the_current_stage_first() {
    let (_d, mut v) = vault();
    let id = new_client(
        &mut v,
        "青岛晨光食品有限公司",
        1,
        None,
        Tier::C,
        "2026-07-01",
    );
    let first = v
        .add_checklist_item(
            id,
            &OneOffItemInput {
                stage: Some(3),
                label: "提前准备的事项".into(),
                required: false,
                document_kind: None,
            },
        )
        .unwrap();
    assert_eq!(first.stage, 3);
    assert_eq!(v.checklist_item_id(id, &first.key).unwrap(), first.id);
    let source = v.checklist_item_id(id, "s1-source").unwrap();
    v.advance(id, day("2026-07-02"), Some("跳过")).unwrap();
    assert_eq!(v.checklist_item_id(id, "s1-source").unwrap(), source);
    assert!(matches!(
        v.checklist_item_id(id, "no-such-item"),
        Err(Error::NotFound(_))
    ));
    // Stage 3 already has an item, so entering it must still add the template's.
    v.advance(id, day("2026-07-03"), Some("跳过")).unwrap();
    let j = v.journey(id, day("2026-07-04")).unwrap();
    let stage3 = j.checklists.iter().find(|c| c.stage == 3).unwrap();
    assert!(stage3.items.len() > 1, "{:?}", stage3.items);
}
