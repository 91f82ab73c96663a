//! Editing templates changes what clients get from then on, never what they already have.
use super::*;
use loandesk_core::journey::{DocumentKind, TemplateItemInput};
use loandesk_core::rule::Rule;

fn input(key: Option<&str>, zh: &str, en: &str, required: bool) -> TemplateItemInput {
    TemplateItemInput {
        key: key.map(str::to_string),
        label_zh: zh.into(),
        label_en: en.into(),
        required,
        document_kind: None,
    }
}

#[test]
fn a_template_change_does_not_rewrite_history() {
    let (_d, mut v) = vault();
    let wc = Some(ProductType::WorkingCapital);
    let passed = new_client(&mut v, "南京永信物流有限公司", 2, wc, Tier::A, "2026-01-10");
    complete_stage(&mut v, passed, "2026-01-12");
    v.advance(passed, day("2026-01-15"), None).unwrap();
    let before = v.journey(passed, day("2026-01-20")).unwrap();
    let waiting = new_client(&mut v, "厦门嘉禾食品有限公司", 1, wc, Tier::B, "2026-01-10");

    // Stage 2 edited: a new first item, the meeting renamed, the credit report removed.
    let old = v.checklist_template(wc, 2).unwrap();
    let mut items = vec![TemplateItemInput {
        document_kind: Some(DocumentKind::Other),
        ..input(
            None,
            "环保合规证明",
            "Environmental compliance certificate",
            true,
        )
    }];
    for item in old.items.iter().filter(|i| i.key != "s2-credit-report") {
        let mut line = input(
            Some(&item.key),
            &item.label_zh,
            &item.label_en,
            item.required,
        );
        line.document_kind = item.document_kind;
        if item.key == "s2-meeting" {
            line.label_zh = "完成首次面谈（含实地走访）".into();
        }
        items.push(line);
    }
    let saved = v.save_checklist_template(wc, 2, &items).unwrap();
    assert_eq!(saved.version, 2);
    assert_eq!(saved.items[0].key, "s2-v2-1");
    assert_eq!(saved.items.len(), old.items.len());
    assert!(!saved.items.iter().any(|i| i.key == "s2-credit-report"));
    // The stage the client is in now changes too, and must not touch its items either.
    v.save_checklist_template(wc, 3, &[input(None, "唯一事项", "", true)])
        .unwrap();

    let after = v.journey(passed, day("2026-01-20")).unwrap();
    assert_eq!(after.checklists, before.checklists);
    assert_eq!(after.history, before.history);
    assert!(after.checklists[0]
        .items
        .iter()
        .all(|i| i.template_version == Some(1)));

    v.advance(waiting, day("2026-01-21"), Some("补材料"))
        .unwrap();
    let j = v.journey(waiting, day("2026-01-21")).unwrap();
    let stage2 = &j.checklists[1];
    let keys: Vec<&str> = stage2.items.iter().map(|i| i.key.as_str()).collect();
    let expected: Vec<&str> = saved.items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, expected);
    assert!(stage2.items.iter().all(|i| i.template_version == Some(2)));
    let meeting = stage2.items.iter().find(|i| i.key == "s2-meeting").unwrap();
    assert_eq!(meeting.label_zh, "完成首次面谈（含实地走访）");

    // Moving back into a stage keeps the copy made on first entry.
    v.move_back(passed, 2, day("2026-01-22"), None).unwrap();
    let j = v.journey(passed, day("2026-01-22")).unwrap();
    assert_eq!(j.checklists[0], before.checklists[0]);
}

#[test]
fn template_edits_are_checked() {
    let (_d, mut v) = vault();
    let sme = Some(ProductType::Sme);
    let one_language = v
        .save_checklist_template(sme, 1, &[input(None, "", "Site photos", false)])
        .unwrap();
    assert_eq!(one_language.items[0].label_zh, "Site photos");
    // The general template (no product) is its own set.
    assert_eq!(v.checklist_template(None, 1).unwrap().version, 1);

    let blank = v
        .save_checklist_template(sme, 1, &[input(None, " ", " ", true)])
        .unwrap_err();
    assert_eq!(validation_field(blank), "items.0.label_zh");
    let dup = [
        input(Some("a-key"), "一", "", true),
        input(Some("a-key"), "二", "", true),
    ];
    assert_eq!(
        validation_field(v.save_checklist_template(sme, 1, &dup).unwrap_err()),
        "items.1.key"
    );
    let bad_key = [input(Some("空 格"), "一", "", true)];
    assert!(matches!(
        v.save_checklist_template(sme, 1, &bad_key),
        Err(Error::Validation {
            rule: Rule::NotAllowed,
            ..
        })
    ));
    let too_many: Vec<_> = (0..61)
        .map(|i| input(None, &format!("事项{i}"), "", false))
        .collect();
    assert!(matches!(
        v.save_checklist_template(sme, 1, &too_many),
        Err(Error::Validation {
            rule: Rule::TooMany(60),
            ..
        })
    ));
    assert_eq!(
        validation_field(v.checklist_template(sme, 6).unwrap_err()),
        "stage"
    );
    // Refused edits changed nothing, the version included.
    let now = v.checklist_template(sme, 1).unwrap();
    assert_eq!(now, one_language);

    // Reordering keeps keys; an empty template is allowed (no items for that stage).
    let reordered = [
        input(Some(&now.items[0].key), "现场照片", "Site photos", true),
        input(Some("custom.key_1"), "自定义", "Custom", false),
    ];
    let saved = v.save_checklist_template(sme, 1, &reordered).unwrap();
    assert_eq!(saved.items[1].key, "custom.key_1");
    assert!(v
        .save_checklist_template(sme, 1, &[])
        .unwrap()
        .items
        .is_empty());
    let saves: i64 = v
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'template.save'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(saves, 3, "refused edits leave no audit entry");
}
