//! Synthetic pages for the OCR tests (feature `fixtures`): business licences and balance
//! sheets drawn with the project's bundled CJK font, at a chosen resolution, then degraded as a
//! scanner or a phone camera degrades them. Generated at test time into memory: no binary
//! fixture is committed, and a change of layout is a change of code.
//!
//! Deterministic: the noise comes from a seeded generator, so a failure reproduces.

use ab_glyph::{FontRef, PxScale};
use image::{Rgb, RgbImage};
use imageproc::drawing::{draw_filled_rect_mut, draw_hollow_rect_mut, draw_text_mut, text_size};
use imageproc::geometric_transformations::{rotate_about_center, warp, Interpolation, Projection};
use imageproc::rect::Rect;

const INK: Rgb<u8> = Rgb([20, 20, 20]);
const WHITE: Rgb<u8> = Rgb([255, 255, 255]);

/// The fields printed on a licence.
#[derive(Debug, Clone)]
pub struct Licence {
    pub credit_code: String,
    pub name: String,
    pub company_type: String,
    pub legal_representative: String,
    pub registered_capital: String,
    pub established_on: String,
    pub term: String,
    pub address: String,
    pub business_scope: String,
}

impl Licence {
    pub fn sample() -> Licence {
        Licence {
            credit_code: "91430100MA4L2X8P3Y".into(),
            name: "湖南星沙精密机械制造有限公司".into(),
            company_type: "有限责任公司（自然人投资或控股）".into(),
            legal_representative: "张伟".into(),
            registered_capital: "伍佰万元整".into(),
            established_on: "2016年03月15日".into(),
            term: "2016年03月15日至长期".into(),
            address: "湖南省长沙市岳麓区麓谷大道668号创新大厦12楼".into(),
            business_scope:
                "精密机械零部件的研发、制造与销售；工业自动化设备的安装与维修；货物及技术进出口。"
                    .into(),
        }
    }
}

/// How the page reached the officer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Capture {
    /// Rendered as is.
    Clean,
    /// A flatbed scan: sensor noise and a small rotation (degrees).
    Scanned { rotation: f32 },
    /// A phone photo: perspective, blur, uneven light.
    Photographed,
}

/// One fixture: resolution and capture.
#[derive(Debug, Clone, Copy)]
pub struct Variant {
    pub dpi: u32,
    pub capture: Capture,
}

impl Variant {
    pub fn name(&self) -> String {
        let capture = match self.capture {
            Capture::Clean => "clean".to_string(),
            Capture::Scanned { rotation } => format!("scanned{rotation:+.1}deg"),
            Capture::Photographed => "photo".to_string(),
        };
        format!("{}dpi-{capture}", self.dpi)
    }

    /// The set the tests assert on: three resolutions clean, scans tilted both ways, a photo.
    pub fn all() -> Vec<Variant> {
        let v = |dpi, capture| Variant { dpi, capture };
        vec![
            v(150, Capture::Clean),
            v(200, Capture::Clean),
            v(300, Capture::Clean),
            v(150, Capture::Scanned { rotation: 2.0 }),
            v(200, Capture::Scanned { rotation: -1.5 }),
            v(200, Capture::Photographed),
        ]
    }
}

struct Pen<'f> {
    font: &'f FontRef<'f>,
    dpi: u32,
}

impl Pen<'_> {
    fn px(&self, pt: f32) -> f32 {
        pt * self.dpi as f32 / 72.0
    }
    fn text(&self, img: &mut RgbImage, pt: f32, x: f32, y: f32, s: &str, color: Rgb<u8>) {
        let scale = PxScale::from(self.px(pt));
        draw_text_mut(img, color, x as i32, y as i32, scale, self.font, s);
    }
    fn width(&self, pt: f32, s: &str) -> f32 {
        text_size(PxScale::from(self.px(pt)), self.font, s).0 as f32
    }
    /// A label spread over `chars` character widths, as licences print 名　　称.
    fn spread(&self, img: &mut RgbImage, pt: f32, x: f32, y: f32, label: &str, chars: usize) {
        let cs: Vec<char> = label.chars().collect();
        let em = self.px(pt);
        if cs.len() >= chars || cs.len() < 2 {
            self.text(img, pt, x, y, label, INK);
            return;
        }
        let step = em * (chars - 1) as f32 / (cs.len() - 1) as f32;
        for (i, c) in cs.iter().enumerate() {
            self.text(img, pt, x + step * i as f32, y, &c.to_string(), INK);
        }
    }
}

/// Splits text into lines of at most `n` characters.
fn wrap(s: &str, n: usize) -> Vec<String> {
    let cs: Vec<char> = s.chars().collect();
    cs.chunks(n).map(|c| c.iter().collect()).collect()
}

/// A 2019-layout licence (landscape A4): code top left, title, two columns of fields, the
/// registration authority with a red stamp over it.
pub fn licence(font: &FontRef, l: &Licence, v: Variant) -> RgbImage {
    let pen = Pen { font, dpi: v.dpi };
    let (w, h) = (11.69 * v.dpi as f32, 8.27 * v.dpi as f32);
    let mut img = RgbImage::from_pixel(w as u32, h as u32, Rgb([250, 248, 240]));
    // The ornamental border.
    for (inset, thick) in [(0.03, 3), (0.045, 1)] {
        for t in 0..thick {
            let i = (inset * w) as i32 + t;
            let r = Rect::at(i, i).of_size((w as i32 - 2 * i) as u32, (h as i32 - 2 * i) as u32);
            draw_hollow_rect_mut(&mut img, r, Rgb([150, 110, 60]));
        }
    }
    let pt = 12.0;
    let line = pen.px(pt) * 2.0;
    pen.text(&mut img, pt, w * 0.08, h * 0.09, "统一社会信用代码", INK);
    pen.text(
        &mut img,
        pt,
        w * 0.08,
        h * 0.09 + line * 0.8,
        &l.credit_code,
        INK,
    );
    let title = "营 业 执 照";
    let tw = pen.width(34.0, title);
    pen.text(&mut img, 34.0, (w - tw) / 2.0, h * 0.12, title, INK);
    let sub = "（副本）";
    pen.text(
        &mut img,
        14.0,
        (w - pen.width(14.0, sub)) / 2.0,
        h * 0.12 + pen.px(48.0),
        sub,
        INK,
    );

    let label_chars = 5;
    let columns = [w * 0.08, w * 0.54];
    let value_dx = pen.px(pt) * (label_chars as f32 + 1.5);
    let wrap_at = ((w * 0.40 - value_dx) / pen.px(pt)) as usize;
    let top = h * 0.36;
    let left: [(&str, &str); 4] = [
        ("名称", &l.name),
        ("类型", &l.company_type),
        ("法定代表人", &l.legal_representative),
        ("经营范围", &l.business_scope),
    ];
    let right: [(&str, &str); 4] = [
        ("注册资本", &l.registered_capital),
        ("成立日期", &l.established_on),
        ("营业期限", &l.term),
        ("住所", &l.address),
    ];
    for (x, fields) in columns.iter().zip([left, right]) {
        let mut y = top;
        for (label, value) in fields {
            pen.spread(&mut img, pt, *x, y, label, label_chars);
            for part in wrap(value, wrap_at) {
                pen.text(&mut img, pt, x + value_dx, y, &part, INK);
                y += line * 0.75;
            }
            y += line * 0.5;
        }
    }
    // 登记机关 and the date of issue, under a red stamp.
    let (sx, sy) = (w * 0.72, h * 0.80);
    pen.text(
        &mut img,
        pt,
        sx - pen.px(pt) * 6.0,
        sy - pen.px(pt),
        "登记机关",
        INK,
    );
    pen.text(
        &mut img,
        pt,
        sx - pen.px(pt) * 2.0,
        sy + pen.px(pt) * 2.0,
        "2021年05月10日",
        INK,
    );
    stamp(&pen, &mut img, sx + pen.px(pt) * 3.0, sy, pen.px(pt) * 4.2);
    capture(img, v)
}

/// A round red seal with a star and the authority's name, multiplied over the page (ink shows
/// through, paper turns red).
fn stamp(pen: &Pen, img: &mut RgbImage, cx: f32, cy: f32, r: f32) {
    let mut layer = RgbImage::from_pixel(img.width(), img.height(), WHITE);
    let red = Rgb([215, 40, 45]);
    for k in 0..(r * 0.06).max(2.0) as i32 {
        imageproc::drawing::draw_hollow_circle_mut(
            &mut layer,
            (cx as i32, cy as i32),
            r as i32 - k,
            red,
        );
    }
    let star: Vec<imageproc::point::Point<i32>> = (0..10)
        .map(|i| {
            let a = std::f32::consts::PI * (i as f32 / 5.0) - std::f32::consts::FRAC_PI_2;
            let rr = if i % 2 == 0 { r * 0.28 } else { r * 0.11 };
            imageproc::point::Point::new((cx + rr * a.cos()) as i32, (cy + rr * a.sin()) as i32)
        })
        .collect();
    imageproc::drawing::draw_polygon_mut(&mut layer, &star, red);
    let name = "长沙市市场监督管理局";
    let pt = 9.0;
    pen.text(
        &mut layer,
        pt,
        cx - pen.width(pt, name) / 2.0,
        cy + r * 0.4,
        name,
        red,
    );
    for (p, s) in img.pixels_mut().zip(layer.pixels()) {
        for c in 0..3 {
            p[c] = ((p[c] as u32 * s[c] as u32) / 255) as u8;
        }
    }
}

/// One row of a balance sheet: label and the figures for the two years (None: left blank).
pub type Row = (&'static str, Option<&'static str>, Option<&'static str>);

/// The balance sheet the tests read: 17 rows, 34 figures, in 元.
pub const BALANCE_SHEET: &[Row] = &[
    ("货币资金", Some("3,256,780.45"), Some("2,981,004.12")),
    ("应收账款", Some("8,120,400.00"), Some("7,654,321.09")),
    ("预付款项", Some("456,000.00"), Some("398,750.50")),
    ("存货", Some("5,432,109.87"), Some("4,987,650.00")),
    ("流动资产合计", Some("17,265,290.32"), Some("16,021,725.71")),
    ("固定资产", Some("12,800,000.00"), Some("13,450,000.00")),
    ("资产总计", Some("30,065,290.32"), Some("29,471,725.71")),
    ("短期借款", Some("4,000,000.00"), Some("3,500,000.00")),
    ("应付账款", Some("3,210,987.65"), Some("2,876,543.21")),
    ("合同负债", Some("650,000.00"), Some("720,000.00")),
    (
        "一年内到期的非流动负债",
        Some("1,200,000.00"),
        Some("1,000,000.00"),
    ),
    ("流动负债合计", Some("9,060,987.65"), Some("8,096,543.21")),
    ("长期借款", Some("6,000,000.00"), Some("7,200,000.00")),
    ("负债合计", Some("15,060,987.65"), Some("15,296,543.21")),
    ("实收资本", Some("5,000,000.00"), Some("5,000,000.00")),
    (
        "所有者权益合计",
        Some("15,004,302.67"),
        Some("14,175,182.50"),
    ),
    (
        "负债和所有者权益总计",
        Some("30,065,290.32"),
        Some("29,471,725.71"),
    ),
];

/// A portrait A4 balance sheet: title, company and unit line, a ruled table with a heading row
/// of years and the rows given.
pub fn balance_sheet(font: &FontRef, rows: &[Row], v: Variant) -> RgbImage {
    let pen = Pen { font, dpi: v.dpi };
    let (w, h) = (8.27 * v.dpi as f32, 11.69 * v.dpi as f32);
    let mut img = RgbImage::from_pixel(w as u32, h as u32, WHITE);
    let title = "资产负债表";
    pen.text(
        &mut img,
        20.0,
        (w - pen.width(20.0, title)) / 2.0,
        h * 0.05,
        title,
        INK,
    );
    let pt = 10.5;
    let row_h = pen.px(pt) * 2.0;
    pen.text(
        &mut img,
        pt,
        w * 0.08,
        h * 0.05 + pen.px(36.0),
        "编制单位：湖南星沙精密机械制造有限公司",
        INK,
    );
    pen.text(
        &mut img,
        pt,
        w * 0.76,
        h * 0.05 + pen.px(36.0),
        "单位：元",
        INK,
    );
    let (x0, x1, x2, x3) = (w * 0.08, w * 0.48, w * 0.70, w * 0.92);
    let mut y = h * 0.05 + pen.px(36.0) + row_h * 1.2;
    let rule = |img: &mut RgbImage, y: f32| {
        draw_filled_rect_mut(
            img,
            Rect::at(x0 as i32, y as i32).of_size((x3 - x0) as u32, 2),
            INK,
        );
    };
    let pad = pen.px(pt) * 0.5;
    let right = |s: &str, col_right: f32| col_right - pad - pen.width(pt, s);
    rule(&mut img, y);
    let header_y = y + pad;
    pen.text(&mut img, pt, x0 + pad, header_y, "项目", INK);
    for (s, col) in [("2024年", x2), ("2023年", x3)] {
        pen.text(&mut img, pt, right(s, col), header_y, s, INK);
    }
    y += row_h;
    for (label, a, b) in rows {
        rule(&mut img, y);
        let ty = y + pad;
        pen.text(&mut img, pt, x0 + pad, ty, label, INK);
        if let Some(a) = a {
            pen.text(&mut img, pt, right(a, x2), ty, a, INK);
        }
        if let Some(b) = b {
            pen.text(&mut img, pt, right(b, x3), ty, b, INK);
        }
        y += row_h;
    }
    rule(&mut img, y);
    for x in [x0, x1, x2, x3] {
        let top = h * 0.05 + pen.px(36.0) + row_h * 1.2;
        draw_filled_rect_mut(
            &mut img,
            Rect::at(x as i32, top as i32).of_size(2, (y - top) as u32),
            INK,
        );
    }
    capture(img, v)
}

/// A tiny seeded generator (xorshift): reproducible noise without a dependency.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> f32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 40) as f32 / (1u64 << 24) as f32
    }
    /// Roughly normal, mean 0, sd 1 (sum of uniforms).
    fn gauss(&mut self) -> f32 {
        (0..4).map(|_| self.next()).sum::<f32>() * 1.732 - 3.464
    }
}

fn capture(img: RgbImage, v: Variant) -> RgbImage {
    match v.capture {
        Capture::Clean => img,
        Capture::Scanned { rotation } => {
            let mut out =
                rotate_about_center(&img, rotation.to_radians(), Interpolation::Bilinear, WHITE);
            let mut noise = Noise(0x9E37_79B9_7F4A_7C15 ^ v.dpi as u64);
            for p in out.pixels_mut() {
                let n = noise.gauss() * 10.0;
                for c in 0..3 {
                    p[c] = (p[c] as f32 + n).clamp(0.0, 255.0) as u8;
                }
            }
            out
        }
        Capture::Photographed => {
            let (w, h) = (img.width() as f32, img.height() as f32);
            // The phone held a little off-square: the far edge is shorter.
            let from = [(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)];
            let to = [
                (w * 0.04, h * 0.03),
                (w * 0.95, h * 0.06),
                (w * 0.98, h * 0.97),
                (w * 0.01, h * 0.99),
            ];
            let Some(p) = Projection::from_control_points(from, to) else {
                return img;
            };
            let warped = warp(&img, &p, Interpolation::Bilinear, Rgb([90, 85, 80]));
            let mut out = imageproc::filter::gaussian_blur_f32(&warped, 0.9);
            let mut noise = Noise(0x2545_F491_4F6C_DD1D);
            let (ow, oh) = (out.width() as f32, out.height() as f32);
            for (x, y, p) in out.enumerate_pixels_mut() {
                // Light from the top left, a shadow towards the bottom right.
                let light = 1.02 - 0.25 * (x as f32 / ow + y as f32 / oh) / 2.0;
                let n = noise.gauss() * 6.0;
                for c in 0..3 {
                    p[c] = (p[c] as f32 * light + n).clamp(0.0, 255.0) as u8;
                }
            }
            out
        }
    }
}

/// Encodes a page as PNG or JPEG (the formats officers' scanners and phones produce).
pub fn encode(img: &RgbImage, format: image::ImageFormat) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    // Encoding an in-memory RGB image into a Vec cannot fail for PNG or JPEG.
    let _ = img.write_to(&mut out, format);
    out.into_inner()
}

/// A one-page PDF whose page is `jpeg` (a scanner's "scan to PDF"), built with lopdf.
pub fn scanned_pdf(jpeg: &[u8], width: u32, height: u32) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let image = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image",
            "Width" => width as i64, "Height" => height as i64,
            "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8, "Filter" => "DCTDecode",
        },
        jpeg.to_vec(),
    );
    let image_id = doc.add_object(image);
    let content = Stream::new(dictionary! {}, b"q 595 0 0 842 0 0 cm /Im0 Do Q".to_vec());
    let content_id = doc.add_object(content);
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => content_id,
        "Resources" => dictionary! { "XObject" => dictionary! { "Im0" => image_id } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    let _ = doc.save_to(&mut out);
    out
}

/// A PDF with text only (no page image): what a scan is not.
pub fn text_pdf() -> Vec<u8> {
    scanned_pdf_without_image()
}

fn scanned_pdf_without_image() -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content_id = doc.add_object(Stream::new(dictionary! {}, b"BT ET".to_vec()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    let _ = doc.save_to(&mut out);
    out
}
