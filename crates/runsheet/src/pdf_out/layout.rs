//! Flowing the run of show down the pages: each stage starts a page, each session's band is kept
//! with its table header and first row, and a table that runs over continues on the next page
//! under a "continued" band and its header repeated.

use super::fonts::Fonts;
use super::table::{cells_height, RowCells};
use super::{
    Op, Rgb, BLACK, BODY_BOTTOM, BODY_TOP, CONTENT_W, HEADER_FILL, HEADER_H, MARGIN, PAGE_W,
};
use crate::labels::{self, label, L};
use crate::sheet::{RunSheet, SessionBlock, StageBlock};
use showcall_core::i18n::Lang;

/// The pages laid out so far, and where the next block goes.
pub(super) struct Layout<'a> {
    pub(super) fonts: &'a Fonts,
    pub(super) lang: Lang,
    pages: Vec<Vec<Op>>,
    /// The top of the next block on the last page.
    pub(super) y: f32,
    /// Rows drawn since the last table header (for the zebra stripes).
    pub(super) zebra: usize,
}

impl<'a> Layout<'a> {
    pub(super) fn new(fonts: &'a Fonts, lang: Lang) -> Layout<'a> {
        Layout {
            fonts,
            lang,
            pages: Vec::new(),
            y: BODY_TOP,
            zebra: 0,
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a page is open")
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = BODY_TOP;
    }

    fn fresh(&self) -> bool {
        (self.y - BODY_TOP).abs() < 0.01
    }

    fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    pub(super) fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, color: Rgb, text: &str) {
        if !text.is_empty() {
            self.ops().push(Op::Text {
                x,
                y,
                size,
                bold,
                color,
                text: text.to_string(),
            });
        }
    }

    pub(super) fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.ops().push(Op::Rect { x, y, w, h, color });
    }

    pub(super) fn hline(&mut self, y: f32, width: f32, color: Rgb) {
        self.ops().push(Op::Line {
            x1: MARGIN,
            y1: y,
            x2: PAGE_W - MARGIN,
            y2: y,
            width,
            color,
        });
    }

    fn stage(&mut self, stage: &StageBlock) {
        if !self.fresh() {
            self.new_page();
        }
        let text = labels::colon(self.lang, label(L::Stage, self.lang), &stage.name);
        for line in self.fonts.wrap(&text, 14.0, true, CONTENT_W, CONTENT_W) {
            let y = self.y;
            self.text(MARGIN, y + 13.0, 14.0, true, BLACK, &line);
            self.y += 17.0;
        }
        let y = self.y;
        self.hline(y + 2.0, 1.2, HEADER_FILL);
        self.y += 11.0;
    }

    fn session(&mut self, s: &SessionBlock, stage: &str) {
        let (band, band_h) = self.session_band(s);
        let rows: Vec<RowCells> = s.segments.iter().map(|g| self.segment_cells(g)).collect();
        let first_h = rows.first().map_or(0.0, |r| cells_height(r).min(60.0));
        let table_h = if rows.is_empty() { 0.0 } else { HEADER_H };
        // Keep the band with the table header and the first row.
        if !self.fresh() && self.room() < 8.0 + band_h + table_h + first_h {
            self.new_page();
        }
        if !self.fresh() {
            self.y += 8.0;
        }
        self.draw_band(&band, band_h);
        if rows.is_empty() {
            return;
        }
        self.table_header();
        for row in rows {
            let mut row = row;
            loop {
                let h = cells_height(&row);
                if h <= self.room() {
                    self.draw_row(&row);
                    break;
                }
                // A row taller than what is left: move it to a new page, or split it when it
                // would not fit even on an empty page.
                if h > BODY_BOTTOM - BODY_TOP - 16.0 - HEADER_H && self.room() > 40.0 {
                    let (head, tail) = Self::split_row(&row, self.room());
                    self.draw_row(&head);
                    row = tail;
                }
                self.new_page();
                self.continued_band(s, stage);
                self.table_header();
            }
        }
    }

    pub(super) fn into_pages(mut self, sheet: &RunSheet) -> Vec<Vec<Op>> {
        self.new_page();
        for stage in &sheet.stages {
            self.stage(stage);
            for s in &stage.sessions {
                self.session(s, &stage.name);
            }
        }
        self.pages
    }
}
