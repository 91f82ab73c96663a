//! Text detection: PP-OCRv4's DB (differentiable binarisation) model gives each pixel a
//! probability of being text; the post-processing is PaddleOCR's: threshold, contours, each
//! contour's minimum-area rectangle scored by the mean probability inside it, then "unclipped"
//! (grown by area × ratio / perimeter, because the model is trained on shrunk text regions).
//!
//! The growing is done on the rectangle itself: the minimum-area rectangle of a rectangle
//! offset by d with round joins is the rectangle grown by d on each side, so PaddleOCR's polygon
//! clipper (a C++ library) is not needed.

use std::time::Instant;

use image::imageops::FilterType;
use image::RgbImage;
use imageproc::contours::BorderType;
use ort::session::Session;
use ort::value::Tensor;

use crate::{OcrError, Timings};

/// Pixels above this probability are text (PaddleOCR's det_db_thresh).
const THRESH: f32 = 0.3;
/// A candidate whose mean probability is below this is dropped (det_db_box_thresh).
const BOX_THRESH: f32 = 0.5;
/// How much a detected region is grown back (det_db_unclip_ratio).
const UNCLIP_RATIO: f32 = 1.6;
const MIN_SIDE: f32 = 3.0;
const MAX_CANDIDATES: usize = 1000;
// ImageNet statistics, as the detector was trained.
const MEAN: [f32; 3] = [0.485, 0.456, 0.406];
const STD: [f32; 3] = [0.229, 0.224, 0.225];

/// Corners in page pixels: top-left, top-right, bottom-right, bottom-left.
pub type Quad = [(f32, f32); 4];

pub fn detect(
    session: &mut Session,
    page: &RgbImage,
    max_side: u32,
    t: &mut Timings,
) -> Result<Vec<Quad>, OcrError> {
    let started = Instant::now();
    let (w, h) = page.dimensions();
    let ratio = (max_side as f32 / w.max(h) as f32).min(1.0);
    let round32 = |v: u32| ((v as f32 * ratio / 32.0).round() as u32).max(1) * 32;
    let (dw, dh) = (round32(w), round32(h));
    let resized = image::imageops::resize(page, dw, dh, FilterType::Triangle);
    let mut input = vec![0f32; (3 * dw * dh) as usize];
    let plane = (dw * dh) as usize;
    for (i, px) in resized.pixels().enumerate() {
        for c in 0..3 {
            input[c * plane + i] = (px[c] as f32 / 255.0 - MEAN[c]) / STD[c];
        }
    }
    let tensor = Tensor::from_array(([1usize, 3, dh as usize, dw as usize], input))?;
    t.preprocessing += started.elapsed();

    let started = Instant::now();
    let outputs = session.run(ort::inputs![tensor])?;
    let (_, out) = outputs
        .iter()
        .next()
        .ok_or_else(|| OcrError::Engine("detector gave no output".into()))?;
    let (shape, pred) = out.try_extract_tensor::<f32>()?;
    if shape.len() != 4 || shape[2] as u32 != dh || shape[3] as u32 != dw {
        return Err(OcrError::Engine(format!("detector output shape {shape:?}")));
    }
    t.det += started.elapsed();

    let started = Instant::now();
    let quads = boxes_from_map(
        pred,
        dw,
        dh,
        w as f32 / dw as f32,
        h as f32 / dh as f32,
        (w, h),
    );
    t.preprocessing += started.elapsed();
    Ok(quads)
}

/// The post-processing on the probability map `pred` (dw × dh), scaled back by (sx, sy).
fn boxes_from_map(pred: &[f32], dw: u32, dh: u32, sx: f32, sy: f32, page: (u32, u32)) -> Vec<Quad> {
    let mut bitmap = image::GrayImage::new(dw, dh);
    for (px, p) in bitmap.pixels_mut().zip(pred) {
        px[0] = if *p > THRESH { 255 } else { 0 };
    }
    let contours = imageproc::contours::find_contours::<i32>(&bitmap);
    let mut quads = Vec::new();
    for contour in contours
        .iter()
        .filter(|c| c.border_type == BorderType::Outer && c.points.len() > 2)
        .take(MAX_CANDIDATES)
    {
        let rect = imageproc::geometry::min_area_rect(&contour.points);
        let rect = rect.map(|p| (p.x as f32, p.y as f32));
        let (short, _) = sides(&rect);
        if short < MIN_SIDE {
            continue;
        }
        if mean_inside(pred, dw, dh, &rect) < BOX_THRESH {
            continue;
        }
        let grown = unclip(&rect, UNCLIP_RATIO);
        if sides(&grown).0 < MIN_SIDE + 2.0 {
            continue;
        }
        let (pw, ph) = (page.0 as f32 - 1.0, page.1 as f32 - 1.0);
        let scaled = grown.map(|(x, y)| ((x * sx).clamp(0.0, pw), (y * sy).clamp(0.0, ph)));
        quads.push(order(scaled));
    }
    // Reading order: top to bottom, then left to right.
    quads.sort_by(|a, b| {
        (a[0].1, a[0].0)
            .partial_cmp(&(b[0].1, b[0].0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    quads
}

fn dist(a: (f32, f32), b: (f32, f32)) -> f32 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

/// (shorter, longer) side of a rectangle given by its corners in order around it.
fn sides(r: &[(f32, f32); 4]) -> (f32, f32) {
    let a = dist(r[0], r[1]);
    let b = dist(r[1], r[2]);
    (a.min(b), a.max(b))
}

/// Mean probability inside the convex quad (PaddleOCR's "fast" box score).
fn mean_inside(pred: &[f32], w: u32, h: u32, r: &[(f32, f32); 4]) -> f32 {
    let xmin = r
        .iter()
        .map(|p| p.0)
        .fold(f32::MAX, f32::min)
        .floor()
        .max(0.0) as u32;
    let xmax = (r.iter().map(|p| p.0).fold(f32::MIN, f32::max).ceil() as u32).min(w - 1);
    let ymin = r
        .iter()
        .map(|p| p.1)
        .fold(f32::MAX, f32::min)
        .floor()
        .max(0.0) as u32;
    let ymax = (r.iter().map(|p| p.1).fold(f32::MIN, f32::max).ceil() as u32).min(h - 1);
    let (mut sum, mut n) = (0f32, 0u32);
    for y in ymin..=ymax {
        for x in xmin..=xmax {
            if inside(r, (x as f32, y as f32)) {
                sum += pred[(y * w + x) as usize];
                n += 1;
            }
        }
    }
    if n == 0 {
        0.0
    } else {
        sum / n as f32
    }
}

/// Whether p is inside (or on) the convex polygon r, whichever way r winds.
fn inside(r: &[(f32, f32); 4], p: (f32, f32)) -> bool {
    let mut sign = 0f32;
    for i in 0..4 {
        let (a, b) = (r[i], r[(i + 1) % 4]);
        let cross = (b.0 - a.0) * (p.1 - a.1) - (b.1 - a.1) * (p.0 - a.0);
        if cross.abs() < 1e-3 {
            continue;
        }
        if sign == 0.0 {
            sign = cross.signum();
        } else if cross.signum() != sign {
            return false;
        }
    }
    true
}

/// Grows the rectangle by area × ratio / perimeter on every side.
fn unclip(r: &[(f32, f32); 4], ratio: f32) -> [(f32, f32); 4] {
    let (a, b) = (dist(r[0], r[1]), dist(r[1], r[2]));
    let d = a * b * ratio / (2.0 * (a + b));
    let c = (
        r.iter().map(|p| p.0).sum::<f32>() / 4.0,
        r.iter().map(|p| p.1).sum::<f32>() / 4.0,
    );
    let unit = |p: (f32, f32), q: (f32, f32)| {
        let l = dist(p, q).max(1e-6);
        ((q.0 - p.0) / l, (q.1 - p.1) / l)
    };
    let u = unit(r[0], r[1]);
    let v = unit(r[1], r[2]);
    let (ha, hb) = (a / 2.0 + d, b / 2.0 + d);
    let corner = |su: f32, sv: f32| {
        (
            c.0 + su * ha * u.0 + sv * hb * v.0,
            c.1 + su * ha * u.1 + sv * hb * v.1,
        )
    };
    [
        corner(-1.0, -1.0),
        corner(1.0, -1.0),
        corner(1.0, 1.0),
        corner(-1.0, 1.0),
    ]
}

/// Corners as top-left, top-right, bottom-right, bottom-left (the two leftmost corners are the
/// left side; of each side the upper one is the top).
fn order(r: [(f32, f32); 4]) -> Quad {
    let mut pts = r;
    pts.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
    let (tl, bl) = if pts[0].1 <= pts[1].1 {
        (pts[0], pts[1])
    } else {
        (pts[1], pts[0])
    };
    let (tr, br) = if pts[2].1 <= pts[3].1 {
        (pts[2], pts[3])
    } else {
        (pts[3], pts[2])
    };
    [tl, tr, br, bl]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bright_bar_becomes_one_grown_box() {
        let (w, h) = (64u32, 32u32);
        let mut pred = vec![0f32; (w * h) as usize];
        for y in 12..18 {
            for x in 10..50 {
                pred[(y * w + x) as usize] = 0.9;
            }
        }
        let quads = boxes_from_map(&pred, w, h, 2.0, 2.0, (128, 64));
        assert_eq!(quads.len(), 1);
        let q = quads[0];
        // 40 × 6 grown by 40·6·1.6/92 ≈ 2.1 on each side, then doubled.
        assert!(q[0].0 < 20.0 && q[0].0 > 10.0, "{q:?}");
        assert!(q[2].0 > 100.0 && q[2].0 < 110.0, "{q:?}");
        assert!(q[0].1 < 24.0 && q[2].1 > 34.0, "{q:?}");
    }

    #[test]
    fn faint_regions_are_dropped() {
        let (w, h) = (32u32, 32u32);
        let mut pred = vec![0f32; (w * h) as usize];
        for y in 10..20 {
            for x in 5..25 {
                pred[(y * w + x) as usize] = 0.35;
            }
        }
        assert!(boxes_from_map(&pred, w, h, 1.0, 1.0, (32, 32)).is_empty());
    }
}
