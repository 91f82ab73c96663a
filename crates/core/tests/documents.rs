//! Documents in a real SQLCipher vault: type from the bytes, every bad input refused with
//! nothing stored, exact round trips, no plaintext on disk.
#![allow(clippy::unwrap_used)]
mod doc_files;

use std::ops::ControlFlow;

use doc_files::*;
use loandesk_core::documents::{DocumentKind, FileType};
use loandesk_core::rule::Rule;
use loandesk_core::{Error, Vault};

fn rule(result: Result<impl std::fmt::Debug, Error>) -> Rule {
    match result {
        Err(Error::Validation { rule, .. }) => rule,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// (documents, chunks) rows: what "nothing stored" is checked against.
fn stored(v: &Vault) -> (i64, i64) {
    let count = |sql: &str| v.conn().query_row(sql, [], |r| r.get(0)).unwrap();
    (
        count("SELECT count(*) FROM documents"),
        count("SELECT count(*) FROM document_chunks"),
    )
}

#[test]
fn every_allowed_type_is_detected_from_its_bytes_whatever_the_name() {
    let (_d, mut v) = vault();
    let c = client(&mut v);
    let cases: Vec<(&str, Vec<u8>, FileType)> = vec![
        ("scan", pdf("hello", 0), FileType::Pdf),
        ("photo.jpg", jpeg(), FileType::Jpeg),
        ("截图.png", png(), FileType::Png),
        ("fax", tiff(), FileType::Tiff),
        ("报表", template_xlsx(), FileType::Xlsx),
        ("old.xls", fixture("statement.xls"), FileType::Xls),
        ("data.txt", template_csv(), FileType::Csv),
        ("letter", docx("你好"), FileType::Docx),
        // Everyday harmless mislabels are accepted and stored as what they are.
        ("screenshot.jpg", [png(), vec![0]].concat(), FileType::Png),
        ("book.xls", xlsx("x"), FileType::Xlsx),
    ];
    for (name, bytes, want) in cases {
        let doc = v.import_document(c, name, &bytes, None).unwrap();
        assert_eq!((name, doc.file_type), (name, want));
        assert_eq!(doc.mime, want.mime());
        assert_eq!(doc.size as usize, bytes.len());
    }
}

#[test]
fn chinese_names_are_kept_and_export_is_byte_identical() {
    let (dir, mut v) = vault();
    let c = client(&mut v);
    let name = "营业执照（副本）2024年 最终版.pdf";
    // Three and a bit chunks of 1 MiB.
    let bytes = pdf("licence", 3 * 1024 * 1024 + 123);
    let doc = v.import_document(c, name, &bytes, None).unwrap();
    assert_eq!(doc.file_name, name);
    assert_eq!(v.list_documents(c, false).unwrap()[0].file_name, name);
    assert_eq!(stored(&v), (1, 4));
    assert_eq!(v.document_bytes(doc.id).unwrap(), bytes);

    let out = dir.path().join(name);
    assert_eq!(v.export_document(doc.id, &out).unwrap(), bytes.len() as u64);
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    // The save dialog asked before "Replace": a second export replaces the file whole.
    std::fs::write(&out, b"an older copy, longer than nothing").unwrap();
    assert_eq!(v.export_document(doc.id, &out).unwrap(), bytes.len() as u64);
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    assert!(matches!(
        v.export_document(9999, &dir.path().join("x")),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn a_file_from_disk_is_imported_with_progress_and_survives_reopening() {
    let (dir, mut v) = vault();
    let c = client(&mut v);
    let path = dir.path().join("可研报告.pdf");
    let bytes = pdf("study", 2 * 1024 * 1024 + 1);
    std::fs::write(&path, &bytes).unwrap();
    let mut seen = Vec::new();
    let doc = v
        .import_document_file_with_progress(c, &path, None, &mut |done, total| {
            seen.push((done, total));
            ControlFlow::Continue(())
        })
        .unwrap();
    let total = bytes.len() as u64;
    assert_eq!(seen.len(), 3);
    assert_eq!(seen.last(), Some(&(total, total)));
    assert_eq!(doc.kind, DocumentKind::FeasibilityStudy);
    let vault_path = v.path().to_path_buf();
    drop(v);
    let v = Vault::open(&vault_path, "document pass 1").unwrap();
    assert_eq!(v.document_bytes(doc.id).unwrap(), bytes);
}

#[test]
fn an_import_stopped_midway_stores_nothing_and_the_vault_stays_usable() {
    let (dir, mut v) = vault();
    let c = client(&mut v);
    let path = dir.path().join("large.pdf");
    std::fs::write(&path, pdf("large", 3 * 1024 * 1024)).unwrap();
    let mut chunks = 0;
    let stopped = v.import_document_file_with_progress(c, &path, None, &mut |_, _| {
        chunks += 1;
        // The app stops an import this way when the officer locks the vault.
        if chunks == 2 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    assert!(matches!(stopped, Err(Error::Locked)));
    assert_eq!(chunks, 2, "no chunk is written after the stop");
    assert_eq!(stored(&v), (0, 0));
    v.import_document_file(c, &path, None).unwrap();
    assert_eq!(stored(&v).0, 1);
}

#[test]
fn the_vault_files_never_hold_a_documents_plaintext() {
    let (dir, mut v) = vault();
    let c = client(&mut v);
    let marker = "MARKER-7f3a9c-机密文件内容";
    let bytes = pdf(marker, 200_000);
    let source = dir.path().join("source").join("合同.pdf");
    std::fs::create_dir_all(source.parent().unwrap()).unwrap();
    std::fs::write(&source, &bytes).unwrap();
    v.import_document_file(c, &source, None).unwrap();
    v.import_document(c, "copy.pdf", &pdf(marker, 1000), None)
        .unwrap();
    std::fs::remove_dir_all(source.parent().unwrap()).unwrap();
    // Before and after a checkpoint: WAL and main file both.
    let needle = marker.as_bytes();
    let scan = || {
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let data = std::fs::read(entry.unwrap().path()).unwrap();
            assert!(!data.windows(needle.len()).any(|w| w == needle));
        }
    };
    scan();
    v.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    drop(v);
    scan();
    // Nothing but the vault's own files was written next to it (no temp copies).
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(
        names.iter().all(|n| n.starts_with("v.loandesk")),
        "{names:?}"
    );
}

#[test]
fn bad_files_are_refused_with_a_reason_and_nothing_is_stored() {
    let (_d, mut v) = vault();
    let c = client(&mut v);
    let mut truncated = template_xlsx();
    truncated.truncate(truncated.len() - 40);
    let mut damaged = template_xlsx();
    let at = damaged.len() / 3;
    damaged[at..at + 64].iter_mut().for_each(|b| *b ^= 0x5A);
    let bomb = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("xl/workbook.xml", &vec![b' '; 300 * 1024 * 1024]),
    ]);
    let many: Vec<(String, Vec<u8>)> = (0..10_001).map(|i| (format!("p{i}"), vec![])).collect();
    let many_refs: Vec<(&str, &[u8])> = many.iter().map(|(n, d)| (n.as_str(), &d[..])).collect();
    let cases: Vec<(&str, Vec<u8>, Rule)> = vec![
        ("empty.pdf", vec![], Rule::EmptyFile),
        ("noise.bin", vec![7, 0, 1, 250, 3, 9], Rule::UnknownFileType),
        ("report.doc", word_document(), Rule::UnknownFileType),
        (
            "a.zip",
            zip_of(&[("readme.txt", b"hi")]),
            Rule::UnknownFileType,
        ),
        (
            "invoice.pdf",
            png(),
            Rule::ExtensionMismatch {
                extension: "pdf".into(),
                detected: "PNG".into(),
            },
        ),
        (
            "fake.pdf",
            b"MZ\x90\0 this is not a pdf".to_vec(),
            Rule::ExtensionMismatch {
                extension: "pdf".into(),
                detected: "UNKNOWN".into(),
            },
        ),
        ("cut.xlsx", truncated, Rule::Corrupt),
        ("flipped.xlsx", damaged, Rule::Corrupt),
        (
            "locked.xlsx",
            fixture("encrypted.xlsx"),
            Rule::PasswordProtected,
        ),
        ("bomb.xlsx", bomb, Rule::ZipBomb),
        ("parts.xlsx", zip_of(&many_refs), Rule::ZipBomb),
    ];
    for (name, bytes, want) in cases {
        let got = rule(v.import_document(c, name, &bytes, None));
        assert_eq!((name, got), (name, want));
        assert_eq!(stored(&v), (0, 0), "{name} left something behind");
    }
    assert!(matches!(
        v.import_document(424242, "a.pdf", &pdf("x", 0), None),
        Err(Error::NotFound(_))
    ));
    assert_eq!(
        rule(v.import_document(c, "a/b.pdf", &pdf("x", 0), None)),
        Rule::NotAllowed
    );
}

#[test]
fn size_limit_is_a_setting_and_duplicates_name_the_existing_document() {
    let (_d, mut v) = vault();
    let c = client(&mut v);
    assert_eq!(v.document_size_limit().unwrap(), 50 * 1024 * 1024);
    assert!(matches!(
        rule(v.set_document_size_limit(10)),
        Rule::Range { .. }
    ));
    v.set_document_size_limit(4096).unwrap();
    assert_eq!(
        rule(v.import_document(c, "big.pdf", &pdf("x", 5000), None)),
        Rule::FileTooLarge { max: 4096 }
    );
    assert_eq!(stored(&v), (0, 0));

    let first = v
        .import_document(c, "a.pdf", &pdf("x", 3000), None)
        .unwrap();
    let again = v.import_document(c, "renamed.pdf", &pdf("x", 3000), None);
    assert_eq!(rule(again), Rule::DuplicateDocument(first.id));
    assert_eq!(stored(&v), (1, 1));
    // Another client may hold the same file.
    let other = client(&mut v);
    v.import_document(other, "a.pdf", &pdf("x", 3000), None)
        .unwrap();
}

#[test]
fn kinds_are_suggested_and_satisfy_checklists_until_archived() {
    let (_d, mut v) = vault();
    let c = client(&mut v);
    let suggested = |v: &mut Vault, name: &str, bytes: Vec<u8>| {
        v.import_document(c, name, &bytes, None).unwrap().kind
    };
    use DocumentKind::*;
    assert_eq!(
        suggested(&mut v, "a.xlsx", template_xlsx()),
        FinancialStatements
    );
    assert_eq!(
        suggested(&mut v, "b.csv", template_csv()),
        FinancialStatements
    );
    let bank = "交易日期,摘要,借方发生额,贷方发生额,余额\n2024-01-02,货款,,100.00,5100.00\n";
    assert_eq!(
        suggested(&mut v, "1月.csv", bank.as_bytes().to_vec()),
        BankStatements
    );
    assert_eq!(suggested(&mut v, "营业执照.jpg", jpeg()), BusinessLicence);
    assert_eq!(suggested(&mut v, "法人身份证.png", png()), LegalRepId);
    assert_eq!(
        suggested(&mut v, "doc.docx", docx("固定资产借款合同")),
        Contract
    );
    assert_eq!(suggested(&mut v, "IMG_0001.tif", tiff()), Other);

    let licence = v.documents_of_kind(c, BusinessLicence).unwrap();
    assert_eq!(licence.len(), 1);
    let chosen = v
        .import_document(c, "scan.pdf", &pdf("x", 0), Some(Collateral))
        .unwrap();
    assert_eq!(chosen.kind, Collateral);
    v.set_document_kind(chosen.id, TaxCertificate).unwrap();
    assert_eq!(
        v.documents_of_kind(c, TaxCertificate).unwrap()[0].id,
        chosen.id
    );

    v.archive_document(licence[0].id).unwrap();
    assert!(v.documents_of_kind(c, BusinessLicence).unwrap().is_empty());
    assert_eq!(v.list_documents(c, false).unwrap().len(), 7);
    assert_eq!(v.list_documents(c, true).unwrap().len(), 8);
    v.restore_document(licence[0].id).unwrap();
    assert_eq!(v.documents_of_kind(c, BusinessLicence).unwrap().len(), 1);

    let trail = loandesk_core::vault::recent_audit(v.conn(), "client", c, 50).unwrap();
    let actions: Vec<&str> = trail.iter().map(|a| a.action.as_str()).collect();
    for action in [
        "document.import",
        "document.kind",
        "document.archive",
        "document.restore",
    ] {
        assert!(
            actions.contains(&action),
            "{action} missing from {actions:?}"
        );
    }
}

/// A compound file as Word writes it (a WordDocument stream, no workbook): OLE2, not taken.
fn word_document() -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    std::io::Write::write_all(
        &mut file.create_stream("/WordDocument").unwrap(),
        &[0xEC, 0xA5, 0, 0],
    )
    .unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}
