//! Page layout on top of printpdf, which draws glyphs but neither measures, wraps nor
//! paginates: A4 portrait, a light header band and a footer with "n / N" on every page,
//! text measured with the font's own advances and wrapped to its column.
use std::collections::BTreeMap;

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem, TextMatrix, TextRenderingMode,
};

use super::fonts::{FaceKey, Fonts};
use super::wrap::wrap_lines;
use crate::Result;

pub(crate) const PAGE_W: f32 = 595.28;
pub(crate) const PAGE_H: f32 = 841.89;
pub(crate) const LEFT: f32 = 50.0;
pub(crate) const RIGHT: f32 = PAGE_W - 50.0;
pub(crate) const WIDTH: f32 = RIGHT - LEFT;
const BAND_H: f32 = 34.0;
/// Where the first block of a page starts, below the header band.
pub(crate) const TOP: f32 = PAGE_H - BAND_H - 28.0;
/// Content stays above this; the footer lives below it.
pub(crate) const BOTTOM: f32 = 60.0;
const FOOTER_RULE: f32 = 46.0;
const FOOTER_BASELINE: f32 = 32.0;

pub(crate) type Rgb3 = [f32; 3];
pub(crate) const INK: Rgb3 = [0.13, 0.15, 0.18];
pub(crate) const MUTED: Rgb3 = [0.42, 0.45, 0.50];
pub(crate) const ACCENT: Rgb3 = [0.11, 0.29, 0.53];
pub(crate) const BAND: Rgb3 = [0.925, 0.945, 0.975];
pub(crate) const ZEBRA: Rgb3 = [0.965, 0.972, 0.982];
pub(crate) const RULE: Rgb3 = [0.72, 0.76, 0.81];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Style {
    pub size: f32,
    pub color: Rgb3,
    pub bold: bool,
}

impl Style {
    pub(crate) const fn new(size: f32, color: Rgb3) -> Style {
        Style {
            size,
            color,
            bold: false,
        }
    }

    pub(crate) const fn bold(self) -> Style {
        Style { bold: true, ..self }
    }

    /// Line pitch for this size: CJK text needs more air than Latin.
    pub(crate) fn line_height(self) -> f32 {
        self.size * 1.5
    }
}

pub(crate) const BODY: Style = Style::new(9.5, INK);
pub(crate) const SMALL: Style = Style::new(8.0, MUTED);
pub(crate) const NOTE: Style = Style::new(8.0, MUTED);
pub(crate) const CAPTION: Style = Style::new(9.0, MUTED);

/// What every page repeats: the title in the band, a right-hand note (the client), and the
/// footer's left text (generated-on date, officer).
pub(crate) struct Chrome {
    pub title: String,
    pub header_right: String,
    pub footer_left: String,
}

/// Graphics state already set in the current content stream, so it is not repeated.
#[derive(Default)]
struct State {
    in_text: bool,
    font: Option<(FaceKey, u32)>,
    fill: Option<[u32; 3]>,
    stroke: Option<([u32; 3], u32)>,
    /// Synthetic bold on, with the colour and size its outline is stroked for.
    bold: Option<([u32; 3], u32)>,
}

pub(crate) struct Writer {
    pub(crate) fonts: Fonts,
    doc: PdfDocument,
    font_ids: BTreeMap<FaceKey, FontId>,
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    state: State,
    /// Top of the next block, in points from the bottom of the page.
    pub(crate) y: f32,
}

fn color(c: Rgb3) -> Color {
    Color::Rgb(Rgb {
        r: c[0],
        g: c[1],
        b: c[2],
        icc_profile: None,
    })
}

/// State caching compares floats by their bits: equal inputs are the same constants.
fn bits3(c: Rgb3) -> [u32; 3] {
    [c[0].to_bits(), c[1].to_bits(), c[2].to_bits()]
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

impl Writer {
    pub(crate) fn new(title: &str, use_system_fonts: bool) -> Result<Writer> {
        Ok(Writer {
            fonts: Fonts::new(use_system_fonts)?,
            doc: PdfDocument::new(title),
            font_ids: BTreeMap::new(),
            pages: Vec::new(),
            ops: Vec::new(),
            state: State::default(),
            y: TOP,
        })
    }

    pub(crate) fn metadata(&mut self) -> &mut printpdf::PdfDocumentInfo {
        &mut self.doc.metadata.info
    }

    pub(crate) fn page_break(&mut self) {
        self.end_text();
        self.pages.push(std::mem::take(&mut self.ops));
        self.state = State::default();
        self.y = TOP;
    }

    /// Starts a new page unless `height` still fits above the footer; true if it broke.
    pub(crate) fn ensure(&mut self, height: f32) -> bool {
        if self.y - height < BOTTOM && self.y < TOP {
            self.page_break();
            return true;
        }
        false
    }

    pub(crate) fn gap(&mut self, height: f32) {
        self.y -= height;
    }

    pub(crate) fn measure(&mut self, text: &str, style: Style) -> f32 {
        self.fonts.width_em(text) * style.size
    }

    pub(crate) fn wrap(&mut self, text: &str, style: Style, width: f32) -> Vec<String> {
        wrap_lines(&mut self.fonts, text, style.size, width)
    }

    /// One line at a baseline; `x` is the left edge, or the right edge for `Align::Right`.
    pub(crate) fn text(&mut self, x: f32, baseline: f32, style: Style, align: Align, text: &str) {
        let runs = self.fonts.runs(text);
        let width: f32 = runs.iter().map(|r| r.width_em * style.size).sum();
        let mut x = match align {
            Align::Left => x,
            Align::Right => x - width,
        };
        self.begin_text();
        self.set_fill(style.color);
        self.set_bold(style.bold, style.color, style.size);
        for run in runs {
            let key = (run.face, style.size.to_bits());
            if self.state.font != Some(key) {
                if let Some(font) = self.font_handle(run.face) {
                    self.ops.push(Op::SetFont {
                        font,
                        size: Pt(style.size),
                    });
                    self.state.font = Some(key);
                }
            }
            self.ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(x), Pt(baseline)),
            });
            x += run.width_em * style.size;
            self.ops.push(Op::ShowText {
                items: vec![TextItem::Text(run.text)],
            });
        }
    }

    pub(crate) fn fill_rect(&mut self, x: f32, y: f32, width: f32, height: f32, fill: Rgb3) {
        self.end_text();
        self.set_fill(fill);
        let rectangle = Rect {
            x: Pt(x),
            y: Pt(y),
            width: Pt(width),
            height: Pt(height),
            mode: Some(PaintMode::Fill),
            winding_order: None,
        };
        self.ops.push(Op::DrawRectangle { rectangle });
    }

    pub(crate) fn rule(&mut self, x1: f32, x2: f32, y: f32, thickness: f32, stroke: Rgb3) {
        self.end_text();
        let key = (bits3(stroke), thickness.to_bits());
        if self.state.stroke != Some(key) {
            self.ops.push(Op::SetOutlineColor { col: color(stroke) });
            self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
            self.state.stroke = Some(key);
        }
        let line = Line {
            points: vec![point(x1, y), point(x2, y)],
            is_closed: false,
        };
        self.ops.push(Op::DrawLine { line });
    }

    fn begin_text(&mut self) {
        if !self.state.in_text {
            self.ops.push(Op::StartTextSection);
            self.state.in_text = true;
        }
    }

    fn end_text(&mut self) {
        if self.state.in_text {
            self.ops.push(Op::EndTextSection);
            self.state.in_text = false;
        }
    }

    fn set_fill(&mut self, fill: Rgb3) {
        if self.state.fill != Some(bits3(fill)) {
            self.ops.push(Op::SetFillColor { col: color(fill) });
            self.state.fill = Some(bits3(fill));
        }
    }

    /// One weight ships, so bold is the regular outline stroked thinly in the fill colour:
    /// the usual synthetic bold, enough for titles and totals.
    fn set_bold(&mut self, bold: bool, ink: Rgb3, size: f32) {
        let wanted = bold.then(|| (bits3(ink), size.to_bits()));
        if wanted == self.state.bold {
            return;
        }
        let mode = if bold {
            TextRenderingMode::FillStroke
        } else {
            TextRenderingMode::Fill
        };
        self.ops.push(Op::SetTextRenderingMode { mode });
        if bold {
            self.ops.push(Op::SetOutlineColor { col: color(ink) });
            self.ops.push(Op::SetOutlineThickness {
                pt: Pt(size * 0.025),
            });
            self.state.stroke = None;
        }
        self.state.bold = wanted;
    }

    fn font_handle(&mut self, face: FaceKey) -> Option<PdfFontHandle> {
        if let Some(id) = self.font_ids.get(&face) {
            return Some(PdfFontHandle::External(id.clone()));
        }
        let parsed = match face {
            FaceKey::Primary => self.fonts.primary_parsed().ok()?,
            FaceKey::System(candidate) => self.fonts.system_parsed(candidate)?,
        };
        let id = self.doc.add_font(parsed);
        self.font_ids.insert(face, id.clone());
        Some(PdfFontHandle::External(id))
    }

    /// Draws the band and footer on every page now that the page count is known, and
    /// serializes the document with only the glyphs used embedded.
    pub(crate) fn finish(mut self, chrome: &Chrome) -> Result<(Vec<u8>, Fonts)> {
        // A missing embedded font is the one failure here; surface it rather than a blank PDF.
        self.fonts.primary_parsed()?;
        self.end_text();
        let last = std::mem::take(&mut self.ops);
        self.pages.push(last);
        let content = std::mem::take(&mut self.pages);
        let total = content.len();
        let mut pages = Vec::with_capacity(total);
        for (i, body) in content.into_iter().enumerate() {
            self.state = State::default();
            self.chrome(chrome, i + 1, total);
            let mut ops = std::mem::take(&mut self.ops);
            ops.extend(body);
            pages.push(PdfPage::new(Mm(210.0), Mm(297.0), ops));
        }
        self.doc.with_pages(pages);
        let options = PdfSaveOptions {
            optimize: true,
            subset_fonts: true,
            secure: true,
            image_optimization: None,
        };
        let bytes = self.doc.save(&options, &mut Vec::new());
        Ok((bytes, self.fonts))
    }

    /// Drawn in its own graphics state: the page body starts from the defaults it assumes.
    fn chrome(&mut self, chrome: &Chrome, page: usize, total: usize) {
        self.ops.push(Op::SaveGraphicsState);
        self.fill_rect(0.0, PAGE_H - BAND_H, PAGE_W, BAND_H, BAND);
        self.rule(0.0, PAGE_W, PAGE_H - BAND_H, 0.8, ACCENT);
        let band_baseline = PAGE_H - BAND_H / 2.0 - 3.5;
        let title_style = Style::new(10.0, ACCENT).bold();
        let title = self.clip(&chrome.title, title_style, WIDTH * 0.45);
        self.text(LEFT, band_baseline, title_style, Align::Left, &title);
        let right_style = Style::new(8.5, MUTED);
        let right = self.clip(&chrome.header_right, right_style, WIDTH * 0.5);
        self.text(RIGHT, band_baseline, right_style, Align::Right, &right);

        self.rule(LEFT, RIGHT, FOOTER_RULE, 0.5, RULE);
        let numbers = format!("{page} / {total}");
        let footer = self.clip(&chrome.footer_left, SMALL, WIDTH - 60.0);
        self.text(LEFT, FOOTER_BASELINE, SMALL, Align::Left, &footer);
        self.text(RIGHT, FOOTER_BASELINE, SMALL, Align::Right, &numbers);
        self.end_text();
        self.ops.push(Op::RestoreGraphicsState);
    }
}

/// The baseline that centres a line of `size` in a slot of `pitch` whose top is `top`
/// (CJK faces sit about 0.88 em above and 0.12 em below the baseline).
pub(crate) fn baseline_in(top: f32, pitch: f32, size: f32) -> f32 {
    top - (pitch - size) / 2.0 - size * 0.86
}
