//! `loandesk ocr licence|statement` on synthetic pages drawn at test time with the bundled CJK
//! font (crates/ocr/src/fixtures.rs): a 2019-layout business licence at 150, 200 and 300 dpi,
//! scanned (noise, ±2° rotation), photographed (perspective, blur, uneven light), as PNG, JPEG
//! and a scanned PDF, and a balance sheet. Every field and every figure must be read exactly.
//!
//! Needs the OCR resources (`scripts/ocr-resources.sh`, run by `scripts/setup.sh`): without
//! them these tests fail, saying so, rather than pass without having looked.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use std::path::{Path, PathBuf};

use common::{bin, json, loandesk, stderr, PASSWORD};
use loandesk_ocr::fixtures::{self, Capture, Licence, Variant, BALANCE_SHEET};
use serde_json::Value;

fn resources() -> PathBuf {
    let dir = std::env::var_os("LOANDESK_OCR_RESOURCES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../src-tauri/resources/ocr")
        });
    assert!(
        dir.join("models").is_dir(),
        "OCR resources missing in {}: run scripts/ocr-resources.sh",
        dir.display()
    );
    dir
}

fn font_bytes() -> Vec<u8> {
    // Compiled in, as in examples/ocr_fixture.rs: a build shared by two checkouts must not read
    // the other checkout's tree.
    include_bytes!("../../core/assets/fonts/NotoSansCJKsc-Regular-subset.otf").to_vec()
}

fn ocr(args: &[&str]) -> std::process::Output {
    bin()
        .arg("ocr")
        .args(args)
        .arg("--resources")
        .arg(resources())
        .output()
        .unwrap()
}

fn ocr_json(kind: &str, file: &Path) -> Value {
    json(&ocr(&[
        kind,
        "--file",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn assert_licence(got: &Value, what: &str) {
    let l = Licence::sample();
    let expect = [
        ("credit_code", l.credit_code.as_str()),
        ("name", l.name.as_str()),
        ("legal_representative", l.legal_representative.as_str()),
        ("registered_capital", l.registered_capital.as_str()),
        ("established_on", "2016-03-15"),
        ("address", l.address.as_str()),
        ("type", l.company_type.as_str()),
        ("business_scope", l.business_scope.as_str()),
    ];
    let wrong: Vec<String> = expect
        .iter()
        .filter(|(k, v)| got[*k].as_str() != Some(*v))
        .map(|(k, v)| format!("{k}: {} (expected {v})", got[*k]))
        .collect();
    assert!(wrong.is_empty(), "{what}: {wrong:#?}");
    assert_eq!(got["credit_code_valid"], true, "{what}");
    for (k, _) in expect {
        let c = got["confidence"][k].as_f64().unwrap_or(-1.0);
        assert!((0.0..=1.0).contains(&c), "{what}: confidence of {k} {c}");
    }
    assert!(got["boxes"].as_array().unwrap().len() > 10, "{what}");
}

#[test]
fn licence_fields_are_read_exactly_on_every_variant() {
    let font_data = font_bytes();
    let font = ab_glyph::FontRef::try_from_slice(&font_data).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for v in Variant::all() {
        let page = fixtures::licence(&font, &Licence::sample(), v);
        // Phones save JPEG; scanners PNG.
        let (format, ext) = match v.capture {
            Capture::Photographed => (image::ImageFormat::Jpeg, "jpg"),
            _ => (image::ImageFormat::Png, "png"),
        };
        let file = write(
            dir.path(),
            &format!("licence-{}.{ext}", v.name()),
            &fixtures::encode(&page, format),
        );
        assert_licence(&ocr_json("licence", &file), &v.name());
    }
}

#[test]
fn a_scanned_pdf_is_read_from_its_page_image_and_a_vault_document_too() {
    let font_data = font_bytes();
    let font = ab_glyph::FontRef::try_from_slice(&font_data).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let v = Variant {
        dpi: 200,
        capture: Capture::Scanned { rotation: 1.0 },
    };
    let page = fixtures::licence(&font, &Licence::sample(), v);
    let jpeg = fixtures::encode(&page, image::ImageFormat::Jpeg);
    let pdf = write(
        dir.path(),
        "营业执照 扫描.pdf",
        &fixtures::scanned_pdf(&jpeg, page.width(), page.height()),
    );
    assert_licence(&ocr_json("licence", &pdf), "scanned PDF");

    // The same PDF imported into a vault, read back by its document id.
    let vault = dir.path().join("ocr.loandesk");
    json(&loandesk(&vault, &["vault", "create", "--format", "json"]));
    let client = json(&loandesk(
        &vault,
        &[
            "clients",
            "add",
            "--name",
            "湖南星沙精密机械制造有限公司",
            "--format",
            "json",
        ],
    ));
    let client = client["id"].as_i64().unwrap().to_string();
    let imported = json(&loandesk(
        &vault,
        &[
            "documents",
            "import",
            "--client",
            &client,
            pdf.to_str().unwrap(),
            "--format",
            "json",
        ],
    ));
    let id = imported[0]["id"].as_i64().unwrap().to_string();
    let out = bin()
        .args([
            "ocr",
            "licence",
            "--document",
            &id,
            "--format",
            "json",
            "--vault",
        ])
        .arg(&vault)
        .arg("--resources")
        .arg(resources())
        .env("LOANDESK_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert_licence(&json(&out), "vault document");
}

#[test]
fn balance_sheet_figures_are_read_exactly() {
    let font_data = font_bytes();
    let font = ab_glyph::FontRef::try_from_slice(&font_data).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let key = |label: &str| -> Option<&str> {
        Some(match label {
            "货币资金" => "cash",
            "应收账款" => "accounts-receivable",
            "预付款项" => "prepayments",
            "存货" => "inventory",
            "流动资产合计" => "current-assets",
            "资产总计" => "total-assets",
            "短期借款" => "short-term-borrowings",
            "应付账款" => "accounts-payable",
            "合同负债" => "advances-from-customers",
            "一年内到期的非流动负债" => "current-portion-of-long-term-debt",
            "流动负债合计" => "current-liabilities",
            "长期借款" => "long-term-borrowings",
            "负债合计" => "total-liabilities",
            "所有者权益合计" => "total-equity",
            _ => return None,
        })
    };
    for v in [
        Variant {
            dpi: 150,
            capture: Capture::Clean,
        },
        Variant {
            dpi: 200,
            capture: Capture::Clean,
        },
        Variant {
            dpi: 200,
            capture: Capture::Scanned { rotation: -1.5 },
        },
    ] {
        let page = fixtures::balance_sheet(&font, BALANCE_SHEET, v);
        let file = write(
            dir.path(),
            &format!("bs-{}.png", v.name()),
            &fixtures::encode(&page, image::ImageFormat::Png),
        );
        let got = ocr_json("statement", &file);
        let years = got["years"].as_array().unwrap();
        assert_eq!(years.len(), 2, "{}", v.name());
        assert_eq!(
            (years[0]["year"].as_i64(), years[1]["year"].as_i64()),
            (Some(2024), Some(2023))
        );
        let mut wrong = Vec::new();
        let mut read = 0;
        for (label, a, b) in BALANCE_SHEET {
            let Some(key) = key(label) else { continue };
            for (year, expected) in years.iter().zip([a, b]) {
                let expected = expected.unwrap().replace(',', "");
                let value = year["figures"][key].as_str().unwrap_or("missing");
                if value.parse::<f64>().ok() != expected.parse::<f64>().ok() {
                    wrong.push(format!(
                        "{label} {}: {value} (expected {expected})",
                        year["year"]
                    ));
                }
                read += 1;
            }
        }
        assert!(wrong.is_empty(), "{}: {wrong:#?}", v.name());
        assert_eq!(read, 28);
        // The three rows the template has no line for, each with both figures on the page.
        assert_eq!(
            got["unmatched"],
            serde_json::json!(["固定资产", "实收资本", "负债和所有者权益总计"]),
            "{}",
            v.name()
        );
        let texts: Vec<String> = got["boxes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["text"].as_str().unwrap().replace(' ', ""))
            .collect();
        for (label, a, b) in BALANCE_SHEET.iter().filter(|r| key(r.0).is_none()) {
            for fig in [a, b] {
                assert!(
                    texts.iter().any(|t| t == fig.unwrap()),
                    "{label} {fig:?} in {}",
                    v.name()
                );
            }
        }
    }
}

#[test]
fn not_a_page_or_no_text_exits_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let blank = image::RgbImage::from_pixel(800, 600, image::Rgb([255, 255, 255]));
    let cases = [
        write(
            dir.path(),
            "notes.txt",
            "这不是图片 not an image".as_bytes(),
        ),
        write(dir.path(), "text.pdf", &fixtures::text_pdf()),
        write(
            dir.path(),
            "blank.png",
            &fixtures::encode(&blank, image::ImageFormat::Png),
        ),
        write(
            dir.path(),
            "broken.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xff",
        ),
    ];
    for kind in ["licence", "statement"] {
        for file in &cases {
            let out = ocr(&[kind, "--file", file.to_str().unwrap()]);
            let err = stderr(&out);
            assert_eq!(
                out.status.code(),
                Some(2),
                "{kind} {}: {err}",
                file.display()
            );
            // Under Wine (no DXGI) ONNX Runtime 1.22 writes this line to stderr itself while
            // it looks for GPUs, not through its logger; Windows has DXGI and stays silent.
            let ours = err
                .lines()
                .filter(|l| l.trim() != "Failed to create DXGI factory.")
                .count();
            assert_eq!(ours, 1, "{err}");
        }
    }
    // Resources missing is the installation's fault, not the file's: 1.
    let png = &cases[2];
    let out = bin()
        .args([
            "ocr",
            "licence",
            "--file",
            png.to_str().unwrap(),
            "--resources",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("scripts/ocr-resources.sh"));
}
