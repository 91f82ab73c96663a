//! Cropping each detected line, the 0°/180° classifier, and recognition (PP-OCRv4's CRNN with
//! a CTC head: one class per character of its dictionary, plus a blank).

use std::time::Instant;

use image::imageops::FilterType;
use image::{Rgb, RgbImage};
use imageproc::geometric_transformations::{warp_into, Interpolation, Projection};
use ort::session::Session;
use ort::value::Tensor;

use crate::det::Quad;
use crate::{OcrError, Timings};

const REC_HEIGHT: u32 = 48;
/// The narrowest input the recogniser is given (PaddleOCR's rec_image_shape 3×48×320).
const REC_MIN_WIDTH: u32 = 320;
const CLS_WIDTH: u32 = 192;
/// A line is turned over only when the classifier is this sure (PaddleOCR's cls_thresh).
const CLS_THRESH: f32 = 0.9;
/// Lines per model run: batching amortises the run's overhead; padding wastes a little.
const BATCH: usize = 6;

/// The CTC classes from the model's own metadata (`character`, one per line): the dictionary
/// travels with the model, so a model and a dictionary cannot be mismatched.
pub fn keys(rec: &Session) -> Result<Vec<String>, OcrError> {
    let dict = rec
        .metadata()?
        .custom("character")?
        .ok_or_else(|| OcrError::Engine("recognition model has no character list".into()))?;
    let mut keys = vec![String::new()];
    keys.extend(
        dict.split('\n')
            .map(|s| s.trim_end_matches('\r').to_string()),
    );
    keys.push(" ".to_string());
    Ok(keys)
}

/// The line under `quad`, straightened by a perspective warp; a tall line (vertical text) is
/// turned to lie horizontally, as PaddleOCR does.
pub fn crop(page: &RgbImage, quad: &Quad) -> RgbImage {
    let d = |a: (f32, f32), b: (f32, f32)| ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
    let w = d(quad[0], quad[1])
        .max(d(quad[3], quad[2]))
        .round()
        .max(1.0) as u32;
    let h = d(quad[0], quad[3])
        .max(d(quad[1], quad[2]))
        .round()
        .max(1.0) as u32;
    let (wf, hf) = (w as f32, h as f32);
    let mut out = RgbImage::from_pixel(w, h, Rgb([255, 255, 255]));
    match Projection::from_control_points(*quad, [(0.0, 0.0), (wf, 0.0), (wf, hf), (0.0, hf)]) {
        Some(projection) => warp_into(
            page,
            &projection,
            Interpolation::Bilinear,
            Rgb([255, 255, 255]),
            &mut out,
        ),
        None => {
            // Degenerate corners: the axis-aligned box instead.
            let x = quad.iter().map(|p| p.0).fold(f32::MAX, f32::min).max(0.0) as u32;
            let y = quad.iter().map(|p| p.1).fold(f32::MAX, f32::min).max(0.0) as u32;
            let cw = w.min(page.width().saturating_sub(x)).max(1);
            let ch = h.min(page.height().saturating_sub(y)).max(1);
            out = image::imageops::crop_imm(page, x, y, cw, ch).to_image();
        }
    }
    if out.height() as f32 >= out.width() as f32 * 1.5 {
        out = image::imageops::rotate270(&out);
    }
    out
}

/// Writes `img` scaled to height 48 (width by its ratio, at most `width`) into a 3×48×width
/// slot normalised to −1..1; the padding stays 0 (mid-grey), as in training.
fn fill(slot: &mut [f32], img: &RgbImage, width: u32) {
    let ratio = img.width() as f32 / img.height().max(1) as f32;
    let w = ((REC_HEIGHT as f32 * ratio).ceil() as u32).clamp(1, width);
    let resized = image::imageops::resize(img, w, REC_HEIGHT, FilterType::Triangle);
    let plane = (REC_HEIGHT * width) as usize;
    for (x, y, px) in resized.enumerate_pixels() {
        let i = (y * width + x) as usize;
        for c in 0..3 {
            slot[c * plane + i] = (px[c] as f32 / 255.0 - 0.5) / 0.5;
        }
    }
}

fn first_output<'a>(
    outputs: &'a ort::session::SessionOutputs<'_>,
) -> Result<(Vec<i64>, &'a [f32]), OcrError> {
    if outputs.len() == 0 {
        return Err(OcrError::Engine("model gave no output".into()));
    }
    let (shape, data) = outputs[0].try_extract_tensor::<f32>()?;
    Ok((shape.to_vec(), data))
}

/// Turns over the lines the classifier finds upside down.
pub fn classify(
    cls: &mut Session,
    lines: &mut [RgbImage],
    t: &mut Timings,
    check: &dyn Fn() -> Result<(), OcrError>,
) -> Result<(), OcrError> {
    for start in (0..lines.len()).step_by(BATCH) {
        check()?;
        let end = (start + BATCH).min(lines.len());
        let started = Instant::now();
        let slot = (3 * REC_HEIGHT * CLS_WIDTH) as usize;
        let mut input = vec![0f32; slot * (end - start)];
        for (k, img) in lines[start..end].iter().enumerate() {
            fill(&mut input[k * slot..(k + 1) * slot], img, CLS_WIDTH);
        }
        let shape = [end - start, 3, REC_HEIGHT as usize, CLS_WIDTH as usize];
        let tensor = Tensor::from_array((shape, input))?;
        t.preprocessing += started.elapsed();
        let started = Instant::now();
        let outputs = cls.run(ort::inputs![tensor])?;
        let (shape, data) = first_output(&outputs)?;
        if shape.len() != 2 || shape[1] != 2 || data.len() < 2 * (end - start) {
            return Err(OcrError::Engine(format!(
                "classifier output shape {shape:?}"
            )));
        }
        for (k, line) in lines[start..end].iter_mut().enumerate() {
            let (up, down) = (data[2 * k], data[2 * k + 1]);
            if down > up && down > CLS_THRESH {
                image::imageops::rotate180_in_place(line);
            }
        }
        t.cls += started.elapsed();
    }
    Ok(())
}

/// Reads every line: (text, mean probability of its characters).
pub fn recognise(
    rec: &mut Session,
    keys: &[String],
    lines: &[RgbImage],
    t: &mut Timings,
    check: &dyn Fn() -> Result<(), OcrError>,
    progress: &dyn Fn(usize),
) -> Result<Vec<(String, f32)>, OcrError> {
    let ratio = |img: &RgbImage| img.width() as f32 / img.height().max(1) as f32;
    // Lines of similar length together: less padding per batch (PaddleOCR sorts the same way).
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|&a, &b| {
        ratio(&lines[a])
            .partial_cmp(&ratio(&lines[b]))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut read = vec![(String::new(), 0f32); lines.len()];
    for (done, batch) in order.chunks(BATCH).enumerate() {
        check()?;
        let started = Instant::now();
        let max_ratio = batch
            .iter()
            .map(|&i| ratio(&lines[i]))
            .fold(REC_MIN_WIDTH as f32 / REC_HEIGHT as f32, f32::max);
        let width = ((REC_HEIGHT as f32 * max_ratio).ceil() as u32).max(REC_MIN_WIDTH);
        let slot = (3 * REC_HEIGHT * width) as usize;
        let mut input = vec![0f32; slot * batch.len()];
        for (k, &i) in batch.iter().enumerate() {
            fill(&mut input[k * slot..(k + 1) * slot], &lines[i], width);
        }
        let shape = [batch.len(), 3, REC_HEIGHT as usize, width as usize];
        let tensor = Tensor::from_array((shape, input))?;
        t.preprocessing += started.elapsed();
        let started = Instant::now();
        let outputs = rec.run(ort::inputs![tensor])?;
        let (shape, data) = first_output(&outputs)?;
        if shape.len() != 3 || shape[0] as usize != batch.len() {
            return Err(OcrError::Engine(format!(
                "recogniser output shape {shape:?}"
            )));
        }
        let (steps, classes) = (shape[1] as usize, shape[2] as usize);
        for (k, &i) in batch.iter().enumerate() {
            let start = k * steps * classes;
            let probs = data
                .get(start..start + steps * classes)
                .ok_or_else(|| OcrError::Engine("recogniser output too short".into()))?;
            read[i] = ctc_decode(probs, steps, classes, keys);
        }
        t.rec += started.elapsed();
        progress((done + 1) * BATCH);
    }
    Ok(read)
}

/// Greedy CTC: the best class per time step, repeats collapsed, blanks dropped.
fn ctc_decode(probs: &[f32], steps: usize, classes: usize, keys: &[String]) -> (String, f32) {
    let mut text = String::new();
    let (mut sum, mut n) = (0f32, 0u32);
    let mut last = 0usize;
    for s in 0..steps {
        let row = &probs[s * classes..(s + 1) * classes];
        let (best, p) = row
            .iter()
            .copied()
            .enumerate()
            .fold(
                (0, f32::MIN),
                |acc, (i, v)| if v > acc.1 { (i, v) } else { acc },
            );
        if best != 0 && best != last {
            if let Some(k) = keys.get(best) {
                text.push_str(k);
                sum += p;
                n += 1;
            }
        }
        last = best;
    }
    (text, if n == 0 { 0.0 } else { sum / n as f32 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctc_collapses_repeats_and_drops_blanks() {
        let keys: Vec<String> = ["", "名", "称", " "]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // steps: 名 名 blank 名 称 blank
        let best = [1, 1, 0, 1, 2, 0];
        let mut probs = vec![0f32; best.len() * 4];
        for (s, &b) in best.iter().enumerate() {
            probs[s * 4 + b] = 0.9;
        }
        let (text, score) = ctc_decode(&probs, best.len(), 4, &keys);
        assert_eq!(text, "名名称");
        assert!((score - 0.9).abs() < 1e-6);
    }

    #[test]
    fn a_tall_crop_is_turned_to_lie_flat() {
        let page = RgbImage::from_pixel(100, 100, Rgb([0, 0, 0]));
        let quad = [(10.0, 10.0), (20.0, 10.0), (20.0, 60.0), (10.0, 60.0)];
        let line = crop(&page, &quad);
        assert!(line.width() > line.height());
    }
}
