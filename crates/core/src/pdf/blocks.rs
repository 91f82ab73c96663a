//! Blocks that flow down the page: titles, headings kept with what follows, wrapped
//! paragraphs and numbered lists.
use super::layout::{baseline_in, Align, Style, Writer, ACCENT, INK, LEFT, TOP, WIDTH};
use super::table::Table;

impl Writer {
    /// `text` cut to `width` with an ellipsis, for one-line places (the header band).
    pub(crate) fn clip(&mut self, text: &str, style: Style, width: f32) -> String {
        let one_line: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if self.measure(&one_line, style) <= width {
            return one_line;
        }
        let room = width - self.measure("…", style);
        let mut out = String::new();
        let mut used = 0.0;
        for c in one_line.chars() {
            let w = self.fonts.width_em(c.encode_utf8(&mut [0; 4])) * style.size;
            if used + w > room {
                break;
            }
            used += w;
            out.push(c);
        }
        out.push('…');
        out
    }

    /// Wrapped text in a column from the cursor down, breaking pages between lines.
    /// A warning on the page (a shortfall, a loan above its need): dark red, bold, across the
    /// text width.
    pub(crate) fn warning(&mut self, text: &str) {
        const WARN: super::layout::Rgb3 = [0.68, 0.12, 0.10];
        self.gap(4.0);
        self.paragraph(
            text,
            Style::new(9.5, WARN).bold(),
            super::layout::LEFT,
            super::layout::WIDTH,
        );
    }

    pub(crate) fn paragraph(&mut self, text: &str, style: Style, x: f32, width: f32) {
        let pitch = style.line_height();
        for line in self.wrap(text, style, width) {
            self.ensure(pitch);
            let baseline = baseline_in(self.y, pitch, style.size);
            self.text(x, baseline, style, Align::Left, &line);
            self.y -= pitch;
        }
    }

    /// Text whose lines may start with a list marker ("1. ", "2、"): each item's wrapped
    /// lines hang under its first word, and items are spaced apart.
    pub(crate) fn list(&mut self, text: &str, style: Style) {
        for (i, item) in text.lines().enumerate() {
            if i > 0 {
                self.gap(style.size * 0.3);
            }
            let marker = list_marker(item);
            let indent = self.measure(marker, style);
            let pitch = style.line_height();
            let rest = &item[marker.len()..];
            for (k, line) in self
                .wrap(rest, style, WIDTH - indent)
                .into_iter()
                .enumerate()
            {
                self.ensure(pitch);
                let baseline = baseline_in(self.y, pitch, style.size);
                if k == 0 && !marker.is_empty() {
                    self.text(LEFT, baseline, style, Align::Left, marker);
                }
                self.text(LEFT + indent, baseline, style, Align::Left, &line);
                self.y -= pitch;
            }
        }
    }

    /// The document title, and under it who it is for (wrapped: names can be very long).
    pub(crate) fn title(&mut self, title: &str, subtitle: Option<&str>) {
        let style = Style::new(18.0, ACCENT).bold();
        self.paragraph(title, style, LEFT, WIDTH);
        if let Some(subtitle) = subtitle {
            self.gap(2.0);
            self.paragraph(subtitle, Style::new(12.0, INK), LEFT, WIDTH);
        }
        self.gap(6.0);
    }

    /// A section heading with a thin rule under it, on the same page as the first `keep`
    /// points of its section.
    pub(crate) fn heading(&mut self, text: &str, keep: f32) {
        let style = Style::new(11.5, ACCENT).bold();
        let broke = self.ensure(style.line_height() + 24.0 + keep);
        if !broke && self.y < TOP {
            self.gap(14.0);
        }
        self.paragraph(text, style, LEFT, WIDTH);
        self.rule(LEFT, LEFT + WIDTH, self.y + 1.0, 0.5, ACCENT);
        self.gap(5.0);
    }

    /// A heading and the table that opens its section, never parted by a page break.
    pub(crate) fn heading_table(&mut self, text: &str, table: &Table) {
        let keep = self.table_start_height(table);
        self.heading(text, keep);
        self.table(table);
    }
}

/// "12. " or "3、" at the start of a list item, else "".
fn list_marker(item: &str) -> &str {
    let digits = item.len() - item.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 {
        return "";
    }
    let rest = &item[digits..];
    for sep in [". ", "、", "．", ") ", "）"] {
        if rest.starts_with(sep) {
            return &item[..digits + sep.len()];
        }
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::list_marker;

    #[test]
    fn list_markers() {
        assert_eq!(list_marker("1. 本建议书"), "1. ");
        assert_eq!(list_marker("12、逾期"), "12、");
        assert_eq!(list_marker("2025 年"), "");
        assert_eq!(list_marker("Collateral: x"), "");
        assert_eq!(list_marker(""), "");
    }
}
