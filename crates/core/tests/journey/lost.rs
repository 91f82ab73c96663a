//! Lifecycle changes and the editable list of lost reasons.
use super::*;
use loandesk_core::journey::{LostReasonInput, StatusInput};
use loandesk_core::rule::Rule;

fn status(s: LifecycleStatus, reason: Option<&str>, note: &str) -> StatusInput {
    StatusInput {
        status: s,
        lost_reason: reason.map(str::to_string),
        note: note.into(),
    }
}

#[test]
fn a_client_is_lost_with_a_reason_from_the_list_and_free_text() {
    let (_d, mut v) = vault();
    let id = new_client(
        &mut v,
        "武汉远航物流有限公司",
        3,
        None,
        Tier::B,
        "2026-02-01",
    );
    let on = day("2026-02-20");
    let e = v
        .set_status(id, &status(LifecycleStatus::Lost, None, ""), on)
        .unwrap_err();
    assert!(
        matches!(e, Error::Validation { ref field, rule: Rule::Required } if field == "lost_reason")
    );
    let e = v
        .set_status(id, &status(LifecycleStatus::Lost, Some("weather"), ""), on)
        .unwrap_err();
    assert!(matches!(
        e,
        Error::Validation {
            rule: Rule::Unknown(_),
            ..
        }
    ));
    v.set_status(
        id,
        &status(
            LifecycleStatus::Lost,
            Some("other-bank"),
            "他行利率低30个基点",
        ),
        on,
    )
    .unwrap();

    let j = v.journey(id, on).unwrap();
    assert_eq!(j.status, LifecycleStatus::Lost);
    let change = &j.status_changes[0];
    assert_eq!(
        (change.stage, change.from, change.to),
        (3, LifecycleStatus::Prospect, LifecycleStatus::Lost)
    );
    assert_eq!(change.lost_reason.as_deref(), Some("other-bank"));
    assert_eq!(change.note, "他行利率低30个基点");
    assert_eq!(j.lost_reasons.len(), 1);
    assert_eq!(j.lost_reasons[0].label_zh, "选择了其他银行");
    let trail = loandesk_core::vault::recent_audit(v.conn(), "client", id, 1).unwrap();
    assert_eq!(
        (trail[0].action.as_str(), trail[0].detail.as_str()),
        ("journey.status", "prospect>lost")
    );

    // A lost client is reactivated before it moves on; moving back stays possible.
    let e = v.advance(id, day("2026-03-01"), Some("x")).unwrap_err();
    assert_eq!(validation_field(e), "status");
    v.set_status(
        id,
        &status(LifecycleStatus::Prospect, Some("ignored"), "客户回来了"),
        day("2026-03-02"),
    )
    .unwrap();
    v.advance(id, day("2026-03-03"), Some("重新启动")).unwrap();
    let j = v.journey(id, day("2026-03-03")).unwrap();
    assert_eq!(j.status_changes[1].lost_reason, None);
    // Setting the same status again records nothing.
    v.set_status(
        id,
        &status(LifecycleStatus::Prospect, None, ""),
        day("2026-03-04"),
    )
    .unwrap();
    assert_eq!(
        v.journey(id, day("2026-03-04"))
            .unwrap()
            .status_changes
            .len(),
        2
    );
}

#[test]
fn the_lost_reason_list_is_edited_by_replacing_it() {
    let (_d, mut v) = vault();
    let defaults = v.lost_reasons(false).unwrap();
    assert_eq!(defaults.len(), 9);
    assert!(defaults
        .iter()
        .all(|r| !r.retired && !r.label_zh.is_empty() && !r.label_en.is_empty()));

    let edited = [
        LostReasonInput {
            key: Some("other-bank".into()),
            label_zh: "他行竞争".into(),
            label_en: "Competing bank".into(),
        },
        LostReasonInput {
            key: None,
            label_zh: "政策限制".into(),
            label_en: String::new(),
        },
        LostReasonInput {
            key: Some("pricing".into()),
            label_zh: "价格".into(),
            label_en: "Price".into(),
        },
    ];
    let saved = v.save_lost_reasons(&edited).unwrap();
    let keys: Vec<&str> = saved.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["other-bank", "reason-10", "pricing"]);
    assert_eq!(saved[1].label_en, "政策限制");
    let all = v.lost_reasons(true).unwrap();
    assert_eq!(all.len(), 10);
    assert!(all.iter().any(|r| r.key == "no-response" && r.retired));

    // A retired reason cannot be chosen any more, and keys must be known and used once.
    let id = new_client(
        &mut v,
        "苏州海润环保科技有限公司",
        1,
        None,
        Tier::C,
        "2026-02-01",
    );
    let e = v
        .set_status(
            id,
            &status(LifecycleStatus::Lost, Some("no-response"), ""),
            day("2026-02-02"),
        )
        .unwrap_err();
    assert!(matches!(
        e,
        Error::Validation {
            rule: Rule::Unknown(_),
            ..
        }
    ));
    let unknown = [LostReasonInput {
        key: Some("invented".into()),
        label_zh: "x".into(),
        label_en: "x".into(),
    }];
    assert_eq!(
        validation_field(v.save_lost_reasons(&unknown).unwrap_err()),
        "reasons.0.key"
    );
    let twice = [edited[0].clone(), edited[0].clone()];
    assert_eq!(
        validation_field(v.save_lost_reasons(&twice).unwrap_err()),
        "reasons.1.key"
    );
    let blank = [LostReasonInput {
        key: None,
        label_zh: " ".into(),
        label_en: String::new(),
    }];
    assert_eq!(
        validation_field(v.save_lost_reasons(&blank).unwrap_err()),
        "reasons.0.label_zh"
    );
    // Refused edits changed nothing.
    assert_eq!(v.lost_reasons(false).unwrap(), saved);
    // Bringing a retired reason back by its key.
    let mut again = edited.to_vec();
    again.push(LostReasonInput {
        key: Some("no-response".into()),
        label_zh: "失联".into(),
        label_en: "No response".into(),
    });
    assert_eq!(v.save_lost_reasons(&again).unwrap().len(), 4);
}
