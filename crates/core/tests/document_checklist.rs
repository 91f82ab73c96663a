//! Documents and the journey: a checklist item that asks for a document kind is satisfied by a
//! current document of that kind on the client (the gate counts it), opens again when that
//! document is archived, and the manual "received" stays as the fallback. Also the preview's
//! limits. Real SQLCipher vault in a temp dir.
#![allow(clippy::unwrap_used)]
mod doc_files;

use chrono::NaiveDate;
use doc_files::*;
use loandesk_core::clients::{ClientInput, ProductType};
use loandesk_core::documents::DocumentKind;
use loandesk_core::journey::{ChecklistItem, ItemState};
use loandesk_core::rule::Rule;
use loandesk_core::{Error, Vault};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

/// A stage-2 working-capital client: its checklist asks for the business licence
/// (`s2-licence`) and the financial statements (`s2-financials`), both required.
fn stage2_client(v: &mut Vault) -> i64 {
    let mut input = ClientInput::named("杭州华信纺织有限公司");
    input.stage = 2;
    input.product = Some(ProductType::WorkingCapital);
    v.create_client(&input, today()).unwrap()
}

fn item(v: &Vault, client: i64, key: &str) -> ChecklistItem {
    v.journey(client, today())
        .unwrap()
        .checklists
        .into_iter()
        .flat_map(|c| c.items)
        .find(|i| i.key == key)
        .unwrap()
}

/// The gate's own answer: the keys it refuses with (empty: it lets the client through).
fn gate_open_keys(v: &mut Vault, client: i64) -> Vec<String> {
    // Advancing is refused without a reason; with everything done it would succeed, so look
    // through a transaction-free route first: the journey's open list equals the gate's.
    let listed = v
        .journey(client, today())
        .unwrap()
        .checklists
        .into_iter()
        .find(|c| c.stage == 2)
        .unwrap()
        .open_required;
    match v.advance(client, today(), None) {
        Err(Error::GateRefused { open }) => {
            assert_eq!(open, listed, "the gate and the checklist agree");
            open
        }
        Ok(moved) => {
            assert!(listed.is_empty());
            v.move_back(client, moved.from, today(), None).unwrap();
            Vec::new()
        }
        Err(e) => panic!("unexpected {e:?}"),
    }
}

#[test]
fn a_document_of_the_kind_satisfies_the_item_and_archiving_it_opens_the_item_again() {
    let (_d, mut v) = vault();
    let c = stage2_client(&mut v);
    let before = item(&v, c, "s2-licence");
    assert_eq!(before.state, ItemState::AwaitingDocument);
    assert_eq!(before.document, None);
    assert!(gate_open_keys(&mut v, c).contains(&"s2-licence".to_string()));

    // A document of another kind does not count; one of the kind does.
    v.import_document(
        c,
        "合同.pdf",
        &pdf("contract", 0),
        Some(DocumentKind::Contract),
    )
    .unwrap();
    assert_eq!(item(&v, c, "s2-licence").state, ItemState::AwaitingDocument);
    let doc = v
        .import_document(
            c,
            "营业执照.pdf",
            &pdf("licence", 0),
            Some(DocumentKind::BusinessLicence),
        )
        .unwrap();
    let satisfied = item(&v, c, "s2-licence");
    assert_eq!(satisfied.state, ItemState::Done);
    let linked = satisfied.document.unwrap();
    assert_eq!(
        (linked.id, linked.file_name.as_str()),
        (doc.id, "营业执照.pdf")
    );
    assert_eq!(linked.mime, "application/pdf");
    assert!(linked.previewable);
    assert!(!gate_open_keys(&mut v, c).contains(&"s2-licence".to_string()));

    // The statement import stores a financial-statements document: that item closes too.
    v.import_statement(c, "财务报表.csv", &template_csv())
        .unwrap();
    assert_eq!(item(&v, c, "s2-financials").state, ItemState::Done);

    // Archived, the document no longer counts: the item and the gate open again.
    v.archive_document(doc.id).unwrap();
    let reopened = item(&v, c, "s2-licence");
    assert_eq!(reopened.state, ItemState::AwaitingDocument);
    assert_eq!(reopened.document, None);
    assert!(gate_open_keys(&mut v, c).contains(&"s2-licence".to_string()));

    // Another client's licence never counts for this one.
    let other = stage2_client(&mut v);
    v.import_document(
        other,
        "营业执照.pdf",
        &pdf("other licence", 0),
        Some(DocumentKind::BusinessLicence),
    )
    .unwrap();
    assert_eq!(item(&v, c, "s2-licence").state, ItemState::AwaitingDocument);

    // Restored, it counts again; changing its kind away un-satisfies the item.
    v.restore_document(doc.id).unwrap();
    assert_eq!(item(&v, c, "s2-licence").state, ItemState::Done);
    v.set_document_kind(doc.id, DocumentKind::Other).unwrap();
    assert_eq!(item(&v, c, "s2-licence").state, ItemState::AwaitingDocument);
}

#[test]
fn marking_received_by_hand_still_closes_an_item_without_a_document() {
    let (_d, mut v) = vault();
    let c = stage2_client(&mut v);
    let id = item(&v, c, "s2-licence").id;
    v.set_document_received(c, id, true, today()).unwrap();
    let done = item(&v, c, "s2-licence");
    assert_eq!((done.state, done.document), (ItemState::Done, None));
    assert!(!gate_open_keys(&mut v, c).contains(&"s2-licence".to_string()));
}

#[test]
fn the_gate_lets_a_client_through_on_documents_alone() {
    let (_d, mut v) = vault();
    let c = stage2_client(&mut v);
    let j = v.journey(c, today()).unwrap();
    let stage2 = j.checklists.iter().find(|l| l.stage == 2).unwrap();
    // Everything without a document kind is ticked; the document items are left to imports.
    for i in stage2.items.iter().filter(|i| i.required) {
        if i.document_kind.is_none() {
            v.set_item_done(c, i.id, true, today()).unwrap();
        }
    }
    let needed: Vec<DocumentKind> = stage2
        .items
        .iter()
        .filter(|i| i.required)
        .filter_map(|i| i.document_kind)
        .collect();
    assert!(!needed.is_empty());
    for (n, kind) in needed.into_iter().enumerate() {
        let bytes = pdf(&format!("document {n}"), 0);
        v.import_document(c, &format!("{n}.pdf"), &bytes, Some(kind))
            .unwrap();
    }
    let moved = v.advance(c, today(), None).unwrap();
    assert_eq!((moved.from, moved.to), (2, 3));
    assert!(moved.skipped.is_empty());
}

#[test]
fn the_preview_gives_pdf_and_image_bytes_and_refuses_other_types() {
    let (_d, mut v) = vault();
    let c = client(&mut v);
    let bytes = pdf("preview me", 0);
    let doc = v.import_document(c, "scan.pdf", &bytes, None).unwrap();
    let (summary, content) = v.document_preview(doc.id).unwrap();
    assert_eq!((summary.id, content), (doc.id, bytes));
    let image = v.import_document(c, "photo.png", &png(), None).unwrap();
    assert!(image.previewable);
    assert_eq!(v.document_preview(image.id).unwrap().1, png());

    for (name, bytes) in [("fax.tif", tiff()), ("letter.docx", docx("你好"))] {
        let doc = v.import_document(c, name, &bytes, None).unwrap();
        assert!(!doc.previewable);
        match v.document_preview(doc.id) {
            Err(Error::Validation { rule, .. }) => assert_eq!(rule, Rule::NotAllowed),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
    assert!(matches!(v.document_preview(9999), Err(Error::NotFound(_))));

    // Over the cap: listed as not previewable, and the preview refuses it.
    let cap = loandesk_core::documents::MAX_PREVIEW_BYTES as usize;
    let big = v
        .import_document(c, "big.pdf", &pdf("big", cap + 1), None)
        .unwrap();
    assert!(!big.previewable);
    match v.document_preview(big.id) {
        Err(Error::Validation { rule, .. }) => {
            assert_eq!(rule, Rule::FileTooLarge { max: cap as u64 })
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}
