//! `loandesk documents|statements|ratios` as scripts use them: JSON out, one stderr line per
//! refused file, exit 2 when any file was refused, accepted files stored all the same.
#![allow(clippy::unwrap_used)]
mod common;

use std::path::PathBuf;

use common::{json, loandesk};

fn template(ext: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/assets/templates/financial-statements-template")
        .with_extension(ext)
}

/// A vault with one client; returns (dir, vault path, client id).
fn setup() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("docs.loandesk");
    json(&loandesk(&vault, &["vault", "create", "--format", "json"]));
    let added = json(&loandesk(
        &vault,
        &[
            "clients",
            "add",
            "--name",
            "杭州华信电子有限公司",
            "--format",
            "json",
        ],
    ));
    let id = added["id"].as_i64().unwrap().to_string();
    (dir, vault, id)
}

#[test]
fn import_list_export_with_a_refused_file_in_the_batch() {
    let (dir, vault, client) = setup();
    let pdf = dir.path().join("营业执照 副本.pdf");
    let content = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    std::fs::write(&pdf, content).unwrap();
    let fake = dir.path().join("invoice.pdf");
    std::fs::write(&fake, b"not a pdf at all, just text").unwrap();
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, b"").unwrap();

    let out = loandesk(
        &vault,
        &[
            "documents",
            "import",
            "--client",
            &client,
            pdf.to_str().unwrap(),
            fake.to_str().unwrap(),
            template("xlsx").to_str().unwrap(),
            empty.to_str().unwrap(),
        ],
    );
    // 4: some files were rejected (the others are in), as the README promises.
    assert_eq!(out.status.code(), Some(4));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].contains("invoice.pdf") && lines[0].contains(".pdf"));
    assert!(lines[1].contains("empty.csv") && lines[1].contains("empty"));
    let imported: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(imported.as_array().unwrap().len(), 2);
    assert_eq!(imported[0]["file_name"], "营业执照 副本.pdf");
    assert_eq!(imported[0]["kind"], "business-licence");
    assert_eq!(imported[1]["kind"], "financial-statements");
    assert_eq!(imported[1]["file_type"], "xlsx");

    let listed = json(&loandesk(
        &vault,
        &["documents", "list", "--client", &client],
    ));
    assert_eq!(listed.as_array().unwrap().len(), 2);

    let id = imported[0]["id"].to_string();
    let copy = dir.path().join("copy.pdf");
    let copy_arg = copy.to_str().unwrap();
    let exported = json(&loandesk(
        &vault,
        &["documents", "export", "--id", &id, "--out", copy_arg],
    ));
    assert_eq!(exported["bytes"], content.len());
    assert_eq!(std::fs::read(&copy).unwrap(), content);
    // A second export to the same path is refused and leaves the file alone.
    let again = loandesk(
        &vault,
        &["documents", "export", "--id", &id, "--out", copy_arg],
    );
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read(&copy).unwrap(), content);

    let dup = loandesk(
        &vault,
        &[
            "documents",
            "import",
            "--client",
            &client,
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(dup.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&dup.stderr).contains("already imported as document"));
}

#[test]
fn kind_option_and_unknown_client() {
    let (dir, vault, client) = setup();
    let png = dir.path().join("p.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n....").unwrap();
    let out = json(&loandesk(
        &vault,
        &[
            "documents",
            "import",
            "--client",
            &client,
            "--kind",
            "collateral",
            png.to_str().unwrap(),
        ],
    ));
    assert_eq!(out[0]["kind"], "collateral");
    let bad_kind = loandesk(
        &vault,
        &[
            "documents",
            "import",
            "--client",
            &client,
            "--kind",
            "x",
            "f",
        ],
    );
    assert_eq!(bad_kind.status.code(), Some(2));
    let nobody = loandesk(
        &vault,
        &[
            "documents",
            "import",
            "--client",
            "999",
            png.to_str().unwrap(),
        ],
    );
    assert_eq!(nobody.status.code(), Some(1));
}

#[test]
fn statements_import_then_ratios() {
    let (_dir, vault, client) = setup();
    let csv = template("csv");
    let imported = json(&loandesk(
        &vault,
        &[
            "statements",
            "import",
            "--client",
            &client,
            csv.to_str().unwrap(),
        ],
    ));
    assert_eq!(imported["years"][0]["year"], 2023);
    assert_eq!(imported["years"][1]["figures"]["total-assets"], "54000000");
    let ratios = json(&loandesk(&vault, &["ratios", "--client", &client]));
    assert_eq!(ratios["years"][0]["year"], 2024);
    let current = &ratios["years"][0]["ratios"][0];
    assert_eq!(current["kind"], "current-ratio");
    assert_eq!(current["value"], "1.50");
    assert_eq!(current["status"], "ok");
    assert!(ratios["debt_service"].is_null());

    let pdf = _dir.path().join("s.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n%%EOF\n").unwrap();
    let refused = loandesk(
        &vault,
        &[
            "statements",
            "import",
            "--client",
            &client,
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(refused.status.code(), Some(2));
}
