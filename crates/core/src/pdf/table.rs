//! Tables that flow across pages: the column header is drawn again at the top of every page
//! the table reaches, cells wrap inside their column, and a row is moved whole to the next
//! page unless it is taller than a page by itself (then it is split between lines).
use super::layout::{
    baseline_in, Align, Rgb3, Style, Writer, ACCENT, BAND, BOTTOM, INK, LEFT, MUTED, RULE, TOP,
    ZEBRA,
};

#[derive(Debug, Clone)]
pub(crate) struct Column {
    pub title: String,
    pub width: f32,
    pub align: Align,
}

impl Column {
    pub(crate) fn new(title: &str, width: f32, align: Align) -> Column {
        Column {
            title: title.to_owned(),
            width,
            align,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowKind {
    Normal,
    /// Totals: a rule above, bold figures on the band colour.
    Total,
}

pub(crate) struct Table {
    pub columns: Vec<Column>,
    /// Draw the column titles (on every page); label/value lists have none.
    pub header: bool,
    pub rows: Vec<(RowKind, Vec<String>)>,
    pub size: f32,
    pub zebra: bool,
    /// Columns printed in the muted label colour (the labels of label/value lists).
    pub label_columns: &'static [usize],
    /// Tighter rows for long one-line tables (the 360-row schedule).
    pub compact: bool,
}

const PAD_X: f32 = 4.0;
/// Tables up to this tall move to the next page whole rather than start at a page's foot.
const KEEP_TOGETHER: f32 = 260.0;

impl Table {
    fn pad_y(&self) -> f32 {
        self.size * if self.compact { 0.22 } else { 0.3 }
    }

    fn pitch(&self) -> f32 {
        if self.compact {
            self.size * 1.3
        } else {
            Style::new(self.size, INK).line_height()
        }
    }
}

impl Writer {
    pub(crate) fn table(&mut self, table: &Table) {
        let pitch = table.pitch();
        let pad = table.pad_y();
        let header = table.header.then(|| self.wrap_row(table, &titles(table)));
        let header_h = header.as_ref().map_or(0.0, |h| rows_height(h, pitch, pad));
        // Lines a fresh page holds below the header: rows up to this many are never split.
        let page_lines = (((TOP - BOTTOM - header_h - 2.0 * pad) / pitch).floor() as usize).max(1);

        let start = self.table_start_height(table);
        self.ensure(start);
        if let Some(h) = &header {
            self.draw_header(table, h);
        }
        for (index, (kind, cells)) in table.rows.iter().enumerate() {
            let lines = self.wrap_row(table, cells);
            let count = lines.iter().map(Vec::len).max().unwrap_or(1);
            let mut start = 0;
            let mut fresh_page = false;
            while start < count {
                let room = ((self.y - BOTTOM - 2.0 * pad) / pitch).floor().max(0.0) as usize;
                let whole_fits_later = start == 0 && count <= page_lines;
                let must_break = room == 0 || (room < count - start && whole_fits_later);
                if must_break && !fresh_page {
                    self.page_break();
                    if let Some(h) = &header {
                        self.draw_header(table, h);
                    }
                    fresh_page = true;
                    continue;
                }
                fresh_page = false;
                // At least one line per page, so the loop ends whatever the geometry.
                let take = room.clamp(1, count - start);
                let fill = match kind {
                    RowKind::Total => Some(BAND),
                    RowKind::Normal if table.zebra && index % 2 == 1 => Some(ZEBRA),
                    RowKind::Normal => None,
                };
                let bold = *kind == RowKind::Total;
                self.draw_slice(table, &lines, start, take, fill, bold);
                start += take;
            }
        }
        self.rule(LEFT, LEFT + total_width(table), self.y, 0.6, RULE);
    }

    /// The room a table needs where it starts: all of it when it is short enough to keep
    /// together, else its header and first rows.
    pub(crate) fn table_start_height(&mut self, table: &Table) -> f32 {
        let pitch = table.pitch();
        let pad = table.pad_y();
        let mut height = 0.0;
        if table.header {
            height = rows_height(&self.wrap_row(table, &titles(table)), pitch, pad);
        }
        let mut first_rows = height;
        for (i, (_, cells)) in table.rows.iter().enumerate() {
            let row = rows_height(&self.wrap_row(table, cells), pitch, pad);
            height += row;
            if i < 3 {
                first_rows += row;
            }
            if height > KEEP_TOGETHER {
                return first_rows;
            }
        }
        height
    }

    fn wrap_row(&mut self, table: &Table, cells: &[String]) -> Vec<Vec<String>> {
        let style = Style::new(table.size, INK);
        table
            .columns
            .iter()
            .enumerate()
            .map(|(i, col)| {
                let text = cells.get(i).map_or("", String::as_str);
                self.wrap(text, style, col.width - 2.0 * PAD_X)
            })
            .collect()
    }

    fn draw_header(&mut self, table: &Table, lines: &[Vec<String>]) {
        let count = lines.iter().map(Vec::len).max().unwrap_or(1);
        self.rule(LEFT, LEFT + total_width(table), self.y, 0.8, ACCENT);
        let style = Style::new(table.size, ACCENT).bold();
        self.slice_cells(table, lines, 0, count, Some(BAND), |_| style);
        self.rule(LEFT, LEFT + total_width(table), self.y, 0.5, ACCENT);
    }

    fn draw_slice(
        &mut self,
        table: &Table,
        lines: &[Vec<String>],
        start: usize,
        take: usize,
        fill: Option<Rgb3>,
        bold: bool,
    ) {
        if bold {
            self.rule(LEFT, LEFT + total_width(table), self.y, 0.6, RULE);
        }
        let size = table.size;
        let labels = table.label_columns;
        self.slice_cells(table, lines, start, take, fill, |col| {
            let color = if labels.contains(&col) { MUTED } else { INK };
            let style = Style::new(size, color);
            if bold {
                style.bold()
            } else {
                style
            }
        });
    }

    /// Lines `start..start + take` of every cell, as one band of the row, moving the cursor.
    fn slice_cells(
        &mut self,
        table: &Table,
        lines: &[Vec<String>],
        start: usize,
        take: usize,
        fill: Option<Rgb3>,
        style_of: impl Fn(usize) -> Style,
    ) {
        let pitch = table.pitch();
        let pad = table.pad_y();
        let height = take as f32 * pitch + 2.0 * pad;
        if let Some(fill) = fill {
            self.fill_rect(LEFT, self.y - height, total_width(table), height, fill);
        }
        let mut x = LEFT;
        for (col_index, (col, cell)) in table.columns.iter().zip(lines).enumerate() {
            let style = style_of(col_index);
            for (k, line) in cell.iter().skip(start).take(take).enumerate() {
                let top = self.y - pad - k as f32 * pitch;
                let baseline = baseline_in(top, pitch, table.size);
                match col.align {
                    Align::Left => self.text(x + PAD_X, baseline, style, Align::Left, line),
                    Align::Right => {
                        self.text(x + col.width - PAD_X, baseline, style, Align::Right, line)
                    }
                }
            }
            x += col.width;
        }
        self.y -= height;
    }
}

fn titles(table: &Table) -> Vec<String> {
    table.columns.iter().map(|c| c.title.clone()).collect()
}

fn total_width(table: &Table) -> f32 {
    table.columns.iter().map(|c| c.width).sum()
}

fn rows_height(lines: &[Vec<String>], pitch: f32, pad: f32) -> f32 {
    lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * pitch + 2.0 * pad
}
