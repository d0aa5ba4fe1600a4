//! A session's table of segments: the column header, each segment's cells (time, segment,
//! presenters, cues, notes) as wrapped lines, a row drawn with its zebra stripe and rule, and a
//! row too tall for any page split across two.

use super::layout::Layout;
use super::text::cue_text;
use super::{
    Rgb, BLACK, CELL_PAD_X, CELL_PAD_Y, COLS, CONTENT_W, GREY, HEADER_FILL, HEADER_H, MARGIN, RULE,
    WHITE, ZEBRA_FILL,
};
use crate::labels::{self, label, L};
use crate::sheet::SegmentRow;

/// One line of a table cell.
#[derive(Clone)]
pub(super) struct CellLine {
    pub(super) text: String,
    pub(super) size: f32,
    pub(super) bold: bool,
    pub(super) color: Rgb,
    /// Indent from the cell's text start (hanging indent of wrapped cues).
    pub(super) dx: f32,
    /// Extra space above the line (between items of a cell).
    pub(super) gap: f32,
}

impl CellLine {
    /// A line with no indent and no gap above.
    pub(super) fn new(text: String, size: f32, bold: bool, color: Rgb) -> CellLine {
        CellLine {
            text,
            size,
            bold,
            color,
            dx: 0.0,
            gap: 0.0,
        }
    }

    pub(super) fn height(&self) -> f32 {
        self.gap + self.size * 1.25
    }
}

/// The text lines of a table row, one list per column.
pub(super) type RowCells = [Vec<CellLine>; 5];

pub(super) fn cells_height(cells: &RowCells) -> f32 {
    cells
        .iter()
        .map(|c| c.iter().map(CellLine::height).sum::<f32>())
        .fold(0.0, f32::max)
        + 2.0 * CELL_PAD_Y
}

impl<'a> Layout<'a> {
    pub(super) fn table_header(&mut self) {
        let y = self.y;
        self.rect(MARGIN, y, CONTENT_W, HEADER_H, HEADER_FILL);
        let heads = [L::Time, L::Segment, L::Presenters, L::Cues, L::Notes];
        let mut x = MARGIN;
        for (i, h) in heads.iter().enumerate() {
            let t = label(*h, self.lang);
            self.text(x + CELL_PAD_X, y + 10.5, 7.5, true, WHITE, t);
            x += COLS[i];
        }
        self.y += HEADER_H;
        self.zebra = 0;
    }

    pub(super) fn segment_cells(&self, g: &SegmentRow) -> RowCells {
        let lang = self.lang;
        let f = self.fonts;
        let w = |i: usize| COLS[i] - 2.0 * CELL_PAD_X;
        let wrapped = |text: &str, col: usize, size: f32, bold: bool, color: Rgb, gap: f32| {
            f.wrap(text, size, bold, w(col), w(col))
                .into_iter()
                .enumerate()
                .map(|(i, t)| CellLine {
                    gap: if i == 0 { gap } else { 0.0 },
                    ..CellLine::new(t, size, bold, color)
                })
                .collect::<Vec<_>>()
        };

        let (start, end) = (labels::clock(&g.start), labels::clock(&g.end));
        let one = format!("{start}–{end}");
        let mut time = if f.width(&one, 8.0, true) <= w(0) {
            vec![CellLine::new(one, 8.0, true, BLACK)]
        } else {
            vec![
                CellLine::new(start, 8.0, true, BLACK),
                CellLine::new(format!("–{end}"), 8.0, true, BLACK),
            ]
        };
        time.push(CellLine::new(
            labels::duration(g.duration_secs),
            7.5,
            false,
            GREY,
        ));

        let mut segment = wrapped(&g.title, 1, 8.0, true, BLACK, 0.0);
        segment.extend(wrapped(
            labels::segment_kind(g.kind, lang),
            1,
            7.0,
            false,
            GREY,
            0.5,
        ));

        let presenters: Vec<CellLine> = g
            .presenters
            .iter()
            .flat_map(|p| wrapped(p, 2, 8.0, false, BLACK, 0.0))
            .collect();

        let mut cues = Vec::new();
        for (i, c) in g.cues.iter().enumerate() {
            let text = cue_text(c, lang);
            let indent = f.width(&format!("{} ", labels::clock(&c.at)), 7.5, false);
            for (j, t) in f
                .wrap(&text, 7.5, false, w(3), w(3) - indent)
                .into_iter()
                .enumerate()
            {
                cues.push(CellLine {
                    dx: if j == 0 { 0.0 } else { indent },
                    gap: if j == 0 && i > 0 { 1.5 } else { 0.0 },
                    ..CellLine::new(t, 7.5, false, BLACK)
                });
            }
        }
        let notes = if g.notes.trim().is_empty() {
            vec![]
        } else {
            wrapped(g.notes.trim(), 4, 7.5, false, BLACK, 0.0)
        };
        [time, segment, presenters, cues, notes]
    }

    pub(super) fn draw_row(&mut self, cells: &RowCells) {
        let h = cells_height(cells);
        let y = self.y;
        if self.zebra % 2 == 1 {
            self.rect(MARGIN, y, CONTENT_W, h, ZEBRA_FILL);
        }
        self.zebra += 1;
        let mut x = MARGIN;
        for (i, cell) in cells.iter().enumerate() {
            let mut ly = y + CELL_PAD_Y;
            for l in cell {
                ly += l.height();
                self.text(
                    x + CELL_PAD_X + l.dx,
                    ly - l.size * 0.28,
                    l.size,
                    l.bold,
                    l.color,
                    &l.text,
                );
            }
            x += COLS[i];
        }
        self.y += h;
        self.hline(self.y, 0.4, RULE);
    }

    /// Splits `cells` after the lines that fit in `room`; returns what fits and what is left.
    pub(super) fn split_row(cells: &RowCells, room: f32) -> (RowCells, RowCells) {
        let budget = room - 2.0 * CELL_PAD_Y;
        let mut head: RowCells = Default::default();
        let mut tail: RowCells = Default::default();
        for (i, cell) in cells.iter().enumerate() {
            let mut used = 0.0;
            for l in cell {
                if tail[i].is_empty() && used + l.height() <= budget {
                    used += l.height();
                    head[i].push(l.clone());
                } else {
                    let mut l = l.clone();
                    if tail[i].is_empty() {
                        l.gap = 0.0;
                    }
                    tail[i].push(l);
                }
            }
        }
        (head, tail)
    }
}
