//! Page geometry shared by the licence and statement readers: boxes straightened by the page's
//! skew (a scan is rarely square: 2° across an A4 page at 200 dpi moves a line's right end by
//! more than a line's height), then grouped into lines of text.

use super::OcrBox;

/// A box in straightened page coordinates.
#[derive(Debug, Clone)]
pub(crate) struct Placed<'a> {
    pub b: &'a OcrBox,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Placed<'_> {
    pub fn cy(&self) -> f32 {
        (self.top + self.bottom) / 2.0
    }
    pub fn height(&self) -> f32 {
        (self.bottom - self.top).max(1.0)
    }
    pub fn cx(&self) -> f32 {
        (self.left + self.right) / 2.0
    }
}

/// The page's skew: the median slope of the top edges of the wide boxes (lines of text are
/// level on the page, so their common slope is the scan's).
fn skew(boxes: &[OcrBox]) -> f32 {
    let mut angles: Vec<f32> = boxes
        .iter()
        .filter_map(|b| {
            let [tl, tr, _, bl] = b.quad.map(|(x, y)| (x as f32, y as f32));
            let w = tr.0 - tl.0;
            let h = (bl.1 - tl.1).abs().max(1.0);
            (w > 3.0 * h).then(|| (tr.1 - tl.1).atan2(w))
        })
        .collect();
    if angles.is_empty() {
        return 0.0;
    }
    angles.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    angles[angles.len() / 2]
}

/// The boxes straightened and grouped into lines, top to bottom, each line left to right.
pub(crate) fn lines(boxes: &[OcrBox]) -> Vec<Vec<Placed<'_>>> {
    let a = -skew(boxes);
    let (sin, cos) = a.sin_cos();
    let mut placed: Vec<Placed> = boxes
        .iter()
        .filter(|b| !b.text.trim().is_empty())
        .map(|b| {
            let pts = b.quad.map(|(x, y)| {
                let (x, y) = (x as f32, y as f32);
                (x * cos - y * sin, x * sin + y * cos)
            });
            let xs = pts.map(|p| p.0);
            let ys = pts.map(|p| p.1);
            Placed {
                b,
                left: xs.iter().copied().fold(f32::MAX, f32::min),
                right: xs.iter().copied().fold(f32::MIN, f32::max),
                top: ys.iter().copied().fold(f32::MAX, f32::min),
                bottom: ys.iter().copied().fold(f32::MIN, f32::max),
            }
        })
        .collect();
    placed.sort_by(|a, b| {
        a.cy()
            .partial_cmp(&b.cy())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut lines: Vec<Vec<Placed>> = Vec::new();
    for p in placed {
        // Same line when the centres are within half the taller box's height.
        let joins = lines.last().is_some_and(|line| {
            let cy = line.iter().map(Placed::cy).sum::<f32>() / line.len() as f32;
            let h = line.iter().map(Placed::height).fold(p.height(), f32::max);
            (p.cy() - cy).abs() < h * 0.5
        });
        match lines.last_mut() {
            Some(line) if joins => line.push(p),
            _ => lines.push(vec![p]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| {
            a.left
                .partial_cmp(&b.left)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tilted(text: &str, left: f32, top: f32, w: f32, h: f32, angle: f32) -> OcrBox {
        let (s, c) = angle.sin_cos();
        let p = |x: f32, y: f32| {
            (
                (x * c - y * s).round() as u32,
                (x * s + y * c).round() as u32,
            )
        };
        OcrBox {
            text: text.into(),
            score: 0.9,
            quad: [
                p(left, top),
                p(left + w, top),
                p(left + w, top + h),
                p(left, top + h),
            ],
        }
    }

    #[test]
    fn a_tilted_two_column_page_keeps_its_lines() {
        let a = 2f32.to_radians();
        let boxes = vec![
            tilted("名称", 100.0, 400.0, 300.0, 40.0, a),
            tilted("注册资本", 1400.0, 400.0, 400.0, 40.0, a),
            tilted("类型", 100.0, 470.0, 300.0, 40.0, a),
            tilted("成立日期", 1400.0, 470.0, 400.0, 40.0, a),
        ];
        let lines = lines(&boxes);
        let texts: Vec<Vec<&str>> = lines
            .iter()
            .map(|l| l.iter().map(|p| p.b.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            vec![vec!["名称", "注册资本"], vec!["类型", "成立日期"]]
        );
    }
}
