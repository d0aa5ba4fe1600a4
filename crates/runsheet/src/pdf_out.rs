//! The run of show as a Letter-size PDF. Layout runs first into a list of drawing operations per
//! page (so the page count is known for "Page N of M"), then krilla writes them out with the
//! embedded DejaVu Sans Condensed font (subset), each glyph mapped back to its text so the PDF
//! can be searched and copied from.

use crate::labels::{self, label, L};
use crate::sheet::{CueLine, RunSheet, SegmentRow, SessionBlock, StageBlock};
use crate::Error;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::Document;
use showcall_core::i18n::Lang;
use std::cell::RefCell;
use std::collections::HashMap;

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSansCondensed.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSansCondensed-Bold.ttf");

/// US Letter, in points.
const PAGE_W: f32 = 612.0;
const PAGE_H: f32 = 792.0;
const MARGIN: f32 = 36.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
/// Where the body starts (below the page header) and must end (above the footer).
const BODY_TOP: f32 = 78.0;
const BODY_BOTTOM: f32 = 748.0;
/// Table columns: time, segment, presenters, cues, notes (they add up to `CONTENT_W`).
const COLS: [f32; 5] = [58.0, 114.0, 90.0, 136.0, 142.0];
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.5;
const HEADER_H: f32 = 15.0;

type Rgb = (u8, u8, u8);
const BLACK: Rgb = (0x1E, 0x24, 0x2C);
const GREY: Rgb = (0x5A, 0x64, 0x70);
const WHITE: Rgb = (0xFF, 0xFF, 0xFF);
const RED: Rgb = (0xB0, 0x1E, 0x1E);
const SESSION_FILL: Rgb = (0xDC, 0xE6, 0xF1);
const HEADER_FILL: Rgb = (0x3A, 0x4A, 0x5E);
const ZEBRA_FILL: Rgb = (0xF4, 0xF6, 0xF9);
const RULE: Rgb = (0xC8, 0xD0, 0xDA);

/// One drawing operation; `y` grows downwards, text `y` is its baseline.
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
    },
}

/// One font's character map and advances: text is measured, wrapped and drawn with the same
/// numbers, one glyph per character (no kerning or ligatures, which Latin text does not need).
struct Metrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Glyph id and advance (in ems) of each character seen.
    cache: RefCell<HashMap<char, (u16, f32)>>,
}

impl Metrics {
    fn new(data: &'static [u8]) -> Result<Metrics, Error> {
        let face = ttf_parser::Face::parse(data, 0)
            .map_err(|e| Error::Pdf(format!("embedded font: {e}")))?;
        let units_per_em = f32::from(face.units_per_em());
        Ok(Metrics {
            face,
            units_per_em,
            cache: RefCell::default(),
        })
    }

    /// The glyph of `c` (the font's `.notdef` when it has none) and its advance in ems.
    fn glyph(&self, c: char) -> (u16, f32) {
        *self.cache.borrow_mut().entry(c).or_insert_with(|| {
            let g = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
            let advance = self.face.glyph_hor_advance(g).unwrap_or(0);
            (g.0, f32::from(advance) / self.units_per_em)
        })
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum::<f32>() * size
    }

    /// The glyphs that draw `text`, each mapped back to its character for text extraction.
    fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(i, c)| {
                let (id, advance) = self.glyph(c);
                KrillaGlyph::new(
                    GlyphId::new(u32::from(id)),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    i..i + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }
}

struct Fonts {
    regular: Metrics,
    bold: Metrics,
}

impl Fonts {
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        if bold {
            self.bold.width(text, size)
        } else {
            self.regular.width(text, size)
        }
    }

    /// `text` on one line of at most `width`, cut with an ellipsis when it is too long.
    fn one_line(&self, text: &str, size: f32, bold: bool, width: f32) -> String {
        if self.width(text, size, bold) <= width {
            return text.to_string();
        }
        let room = width - self.width("…", size, bold);
        let mut out = String::new();
        for c in text.chars() {
            out.push(c);
            if self.width(&out, size, bold) > room {
                out.pop();
                break;
            }
        }
        format!("{}…", out.trim_end())
    }

    /// Breaks `text` into lines no wider than `first` (the first line) and `rest` (the others),
    /// at spaces, honouring line breaks; a word too long for a line is cut between characters.
    fn wrap(&self, text: &str, size: f32, bold: bool, first: f32, rest: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let fits =
            |s: &str, n: usize| self.width(s, size, bold) <= if n == 0 { first } else { rest };
        for para in text.split('\n') {
            let mut line = String::new();
            for word in glue_words(para) {
                let word = word.as_str();
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if fits(&candidate, lines.len()) {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // The word alone: cut it while it does not fit.
                let mut rest_of_word = word;
                while !fits(rest_of_word, lines.len()) {
                    let mut cut = 0;
                    for (i, c) in rest_of_word.char_indices() {
                        let end = i + c.len_utf8();
                        if !fits(&rest_of_word[..end], lines.len()) {
                            break;
                        }
                        cut = end;
                    }
                    if cut == 0 {
                        // Not even one character fits: take one anyway.
                        cut = rest_of_word.chars().next().map_or(0, char::len_utf8);
                    }
                    lines.push(rest_of_word[..cut].to_string());
                    rest_of_word = &rest_of_word[cut..];
                    if rest_of_word.is_empty() {
                        break;
                    }
                }
                line = rest_of_word.to_string();
            }
            lines.push(line);
        }
        while lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        lines.iter_mut().for_each(|l| *l = l.replace(NBSP, " "));
        lines
    }
}

/// A no-break space: [`Fonts::wrap`] never breaks a line there (and prints a plain space).
const NBSP: char = '\u{a0}';

/// The words of `para` (split at blanks but not at no-break spaces), French punctuation kept
/// with its word: `«` with the next word and `»`, `:`, `;`, `!`, `?`, dashes and `·` with the
/// previous one, so a line never starts or ends on them alone.
fn glue_words(para: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for w in para.split(|c: char| c.is_whitespace() && c != NBSP) {
        if w.is_empty() {
            continue;
        }
        let closing = w
            .chars()
            .all(|c| matches!(c, '»' | ':' | ';' | '!' | '?' | '–' | '—' | '·' | '.' | ','));
        match out.last_mut() {
            Some(last) if open || closing => {
                last.push(' ');
                last.push_str(w);
            }
            _ => out.push(w.to_string()),
        }
        open = w == "«";
    }
    out
}

/// A cue's text, its time kept on the line of the word after it.
fn cue_text(c: &CueLine, lang: Lang) -> String {
    c.text(lang).replacen(' ', &NBSP.to_string(), 1)
}

/// One line of a table cell.
#[derive(Clone)]
struct CellLine {
    text: String,
    size: f32,
    bold: bool,
    color: Rgb,
    /// Indent from the cell's text start (hanging indent of wrapped cues).
    dx: f32,
    /// Extra space above the line (between items of a cell).
    gap: f32,
}

impl CellLine {
    fn height(&self) -> f32 {
        self.gap + self.size * 1.25
    }
}

/// The text lines of a table row, one list per column.
type RowCells = [Vec<CellLine>; 5];

fn cells_height(cells: &RowCells) -> f32 {
    cells
        .iter()
        .map(|c| c.iter().map(CellLine::height).sum::<f32>())
        .fold(0.0, f32::max)
        + 2.0 * CELL_PAD_Y
}

struct Layout<'a> {
    fonts: &'a Fonts,
    lang: Lang,
    pages: Vec<Vec<Op>>,
    y: f32,
    /// Rows drawn since the last table header (for the zebra stripes).
    zebra: usize,
}

impl<'a> Layout<'a> {
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

    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, color: Rgb, text: &str) {
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

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.ops().push(Op::Rect { x, y, w, h, color });
    }

    fn hline(&mut self, y: f32, width: f32, color: Rgb) {
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

    /// The lines of a session's band (title wrapped after the times, details, session cues),
    /// each flagged when it goes on the previous line, and the band's height.
    fn session_band(&self, s: &SessionBlock) -> (Vec<(bool, CellLine)>, f32) {
        let lang = self.lang;
        let f = self.fonts;
        let inner = CONTENT_W - 2.0 * 6.0;
        let times = format!("{}–{}", labels::clock(&s.start), labels::clock(&s.end));
        let times_w = f.width(&times, 10.5, true) + 10.0;
        let mut lines: Vec<(bool, CellLine)> = Vec::new();
        let line = |text: String, size: f32, bold: bool, color: Rgb| CellLine {
            text,
            size,
            bold,
            color,
            dx: 0.0,
            gap: 0.0,
        };
        lines.push((false, line(times, 10.5, true, BLACK)));
        let title = f.wrap(&s.title, 10.5, true, inner - times_w, inner - times_w);
        for (i, t) in title.into_iter().enumerate() {
            let mut l = line(t, 10.5, true, BLACK);
            l.dx = times_w;
            // The first title line shares the times' line.
            lines.push((i == 0, l));
        }
        let mut details = vec![
            labels::long_date(s.start.date_naive(), lang),
            labels::colon(
                lang,
                label(L::Duration, lang),
                &labels::duration(s.duration_secs()),
            ),
        ];
        details.extend(s.flags(lang).into_iter().map(str::to_string));
        let mut first = true;
        for t in f.wrap(&details.join("  ·  "), 8.0, false, inner, inner) {
            let mut l = line(t, 8.0, false, GREY);
            if first {
                l.gap = 2.0;
                first = false;
            }
            lines.push((false, l));
        }
        if s.overrun_secs > 0 {
            let text = labels::colon(
                lang,
                label(L::Overrun, lang),
                &labels::duration(s.overrun_secs),
            );
            lines.push((false, line(text, 8.0, true, RED)));
        }
        if !s.cues.is_empty() {
            let head = labels::colon(lang, label(L::SessionCues, lang), "");
            let head_w = f.width(&head, 7.5, true);
            let cues: Vec<String> = s.cues.iter().map(|c| cue_text(c, lang)).collect();
            let wrapped = f.wrap(&cues.join("   ·   "), 7.5, false, inner - head_w, inner);
            let mut l = line(head, 7.5, true, BLACK);
            l.gap = 3.0;
            lines.push((false, l));
            for (i, t) in wrapped.into_iter().enumerate() {
                let mut l = line(t, 7.5, false, BLACK);
                if i == 0 {
                    l.dx = head_w;
                }
                lines.push((i == 0, l));
            }
        }
        let h: f32 = lines
            .iter()
            .filter(|(same_line, _)| !same_line)
            .map(|(_, l)| l.height())
            .sum::<f32>()
            + 10.0;
        (lines, h)
    }

    fn draw_band(&mut self, lines: &[(bool, CellLine)], h: f32) {
        let top = self.y;
        self.rect(MARGIN, top, CONTENT_W, h, SESSION_FILL);
        let mut y = top + 5.0;
        let mut baseline = y;
        for (same_line, l) in lines {
            if !same_line {
                y += l.height();
                baseline = y - l.size * 0.25;
            }
            self.text(
                MARGIN + 6.0 + l.dx,
                baseline,
                l.size,
                l.bold,
                l.color,
                &l.text,
            );
        }
        self.y = top + h;
    }

    /// A one-line band heading a session's continuation on a new page.
    fn continued_band(&mut self, s: &SessionBlock, stage: &str) {
        let text = format!("{} ({}) — {stage}", s.title, label(L::Continued, self.lang));
        let line = self.fonts.one_line(&text, 9.0, true, CONTENT_W - 12.0);
        let y = self.y;
        self.rect(MARGIN, y, CONTENT_W, 16.0, SESSION_FILL);
        self.text(MARGIN + 6.0, y + 11.5, 9.0, true, BLACK, &line);
        self.y += 16.0;
    }

    fn table_header(&mut self) {
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

    fn segment_cells(&self, g: &SegmentRow) -> RowCells {
        let lang = self.lang;
        let f = self.fonts;
        let w = |i: usize| COLS[i] - 2.0 * CELL_PAD_X;
        let plain = |text: String, size: f32, bold: bool, color: Rgb| CellLine {
            text,
            size,
            bold,
            color,
            dx: 0.0,
            gap: 0.0,
        };
        let wrapped = |text: &str, col: usize, size: f32, bold: bool, color: Rgb, gap: f32| {
            f.wrap(text, size, bold, w(col), w(col))
                .into_iter()
                .enumerate()
                .map(|(i, t)| CellLine {
                    gap: if i == 0 { gap } else { 0.0 },
                    ..plain(t, size, bold, color)
                })
                .collect::<Vec<_>>()
        };

        let (start, end) = (labels::clock(&g.start), labels::clock(&g.end));
        let one = format!("{start}–{end}");
        let mut time = if f.width(&one, 8.0, true) <= w(0) {
            vec![plain(one, 8.0, true, BLACK)]
        } else {
            vec![
                plain(start, 8.0, true, BLACK),
                plain(format!("–{end}"), 8.0, true, BLACK),
            ]
        };
        time.push(plain(labels::duration(g.duration_secs), 7.5, false, GREY));

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
                    ..plain(t, 7.5, false, BLACK)
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

    fn draw_row(&mut self, cells: &RowCells) {
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
    fn split_row(cells: &RowCells, room: f32) -> (RowCells, RowCells) {
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

    fn into_pages(mut self, sheet: &RunSheet) -> Vec<Vec<Op>> {
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

/// Adds the header (event name, time zone) and footer (page N of M) to every page.
fn decorate(pages: &mut [Vec<Op>], sheet: &RunSheet, lang: Lang, fonts: &Fonts) {
    let total = pages.len();
    let title = label(L::RunOfShow, lang);
    let zone = format!(
        "{} ({})",
        labels::colon(lang, label(L::TimeZone, lang), &sheet.zone_name),
        label(L::LocalTime, lang)
    );
    let title_w = fonts.width(title, 10.0, false);
    let name = fonts.one_line(&sheet.event_name, 13.0, true, CONTENT_W - title_w - 20.0);
    for (i, ops) in pages.iter_mut().enumerate() {
        let page = labels::page_of(lang, i + 1, total);
        let page_w = fonts.width(&page, 8.0, false);
        let text = |x: f32, y: f32, size: f32, bold: bool, color: Rgb, text: String| Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text,
        };
        ops.push(text(MARGIN, 46.0, 13.0, true, BLACK, name.clone()));
        ops.push(text(
            PAGE_W - MARGIN - title_w,
            46.0,
            10.0,
            false,
            GREY,
            title.to_string(),
        ));
        ops.push(text(MARGIN, 60.0, 8.5, false, GREY, zone.clone()));
        ops.push(Op::Line {
            x1: MARGIN,
            y1: 66.0,
            x2: PAGE_W - MARGIN,
            y2: 66.0,
            width: 0.75,
            color: GREY,
        });
        ops.push(Op::Line {
            x1: MARGIN,
            y1: PAGE_H - 30.0,
            x2: PAGE_W - MARGIN,
            y2: PAGE_H - 30.0,
            width: 0.5,
            color: RULE,
        });
        ops.push(text(
            PAGE_W - MARGIN - page_w,
            PAGE_H - 18.0,
            8.0,
            false,
            GREY,
            page,
        ));
    }
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

pub(crate) fn render(sheet: &RunSheet, lang: Lang) -> Result<Vec<u8>, Error> {
    let fonts = Fonts {
        regular: Metrics::new(REGULAR)?,
        bold: Metrics::new(BOLD)?,
    };
    let layout = Layout {
        fonts: &fonts,
        lang,
        pages: Vec::new(),
        y: BODY_TOP,
        zebra: 0,
    };
    let mut pages = layout.into_pages(sheet);
    decorate(&mut pages, sheet, lang, &fonts);

    let font_error = || Error::Pdf("cannot load the embedded font".into());
    let regular = Font::new(REGULAR.into(), 0).ok_or_else(font_error)?;
    let bold = Font::new(BOLD.into(), 0).ok_or_else(font_error)?;
    let mut doc = Document::new();
    doc.set_metadata(
        krilla::metadata::Metadata::new()
            .title(format!(
                "{} — {}",
                label(L::RunOfShow, lang),
                sheet.event_name
            ))
            .language(lang.tag().to_string())
            .creator("Showcall".to_string()),
    );
    let settings =
        PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| Error::Pdf("page size".into()))?;
    for ops in &pages {
        let mut page = doc.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Rect { x, y, w, h, color } => {
                    let mut pb = PathBuilder::new();
                    if let Some(r) = Rect::from_xywh(*x, *y, *w, *h) {
                        pb.push_rect(r);
                    }
                    if let Some(path) = pb.finish() {
                        surface.set_stroke(None);
                        surface.set_fill(Some(fill(*color)));
                        surface.draw_path(&path);
                    }
                }
                Op::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                    color,
                } => {
                    let mut pb = PathBuilder::new();
                    pb.move_to(*x1, *y1);
                    pb.line_to(*x2, *y2);
                    if let Some(path) = pb.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(color.0, color.1, color.2).into(),
                            width: *width,
                            ..Default::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
                Op::Text {
                    x,
                    y,
                    size,
                    bold: is_bold,
                    color,
                    text,
                } => {
                    surface.set_fill(Some(fill(*color)));
                    let (font, metrics) = if *is_bold {
                        (bold.clone(), &fonts.bold)
                    } else {
                        (regular.clone(), &fonts.regular)
                    };
                    surface.draw_glyphs(
                        Point::from_xy(*x, *y),
                        &metrics.glyphs(text),
                        font,
                        text,
                        *size,
                        false,
                    );
                }
            }
        }
        surface.finish();
        page.finish();
    }
    doc.finish().map_err(|e| Error::Pdf(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts {
            regular: Metrics::new(REGULAR).unwrap(),
            bold: Metrics::new(BOLD).unwrap(),
        }
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let f = fonts();
        let text = "Vérifier le micro-cravate, l’éclairage de la scène et le retour vidéo avant \
                    l’entrée du conférencier; prévoir la bouteille d’eau.";
        let lines = f.wrap(text, 8.0, false, 100.0, 100.0);
        assert!(lines.len() > 3, "{lines:?}");
        for l in &lines {
            assert!(f.width(l, 8.0, false) <= 100.0, "{l:?} too wide");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn line_breaks_are_kept_and_long_words_cut() {
        let f = fonts();
        assert_eq!(f.wrap("a\nb", 8.0, false, 100.0, 100.0), ["a", "b"]);
        let word = "x".repeat(200);
        let lines = f.wrap(&word, 8.0, false, 50.0, 50.0);
        assert!(lines.len() > 3);
        assert_eq!(lines.concat(), word);
        assert!(lines.iter().all(|l| f.width(l, 8.0, false) <= 50.0));
    }

    #[test]
    fn french_punctuation_stays_with_its_word() {
        assert_eq!(
            glue_words("Rappel « ça tourne » : oui · non"),
            ["Rappel", "« ça", "tourne » :", "oui ·", "non"]
        );
        let f = fonts();
        // Narrow enough to force a break around the guillemets.
        let lines = f.wrap("aaaa aaaa « bb » cc", 8.0, false, 45.0, 45.0);
        assert!(
            lines
                .iter()
                .all(|l| !l.ends_with('«') && !l.starts_with('»')),
            "{lines:?}"
        );
    }

    #[test]
    fn no_break_space_holds_a_cue_time_to_its_text() {
        let f = fonts();
        let text = format!("aaaa aaaa 09:00{NBSP}Mise en ondes");
        let lines = f.wrap(&text, 8.0, false, 60.0, 60.0);
        assert!(
            lines.iter().any(|l| l.starts_with("09:00 Mise")),
            "{lines:?}"
        );
        assert!(
            lines.iter().all(|l| !l.contains(NBSP)),
            "printed as plain spaces"
        );
    }

    #[test]
    fn one_line_cuts_with_an_ellipsis() {
        let f = fonts();
        assert_eq!(f.one_line("Court", 9.0, true, 200.0), "Court");
        let cut = f.one_line(&"Très long titre ".repeat(20), 9.0, true, 200.0);
        assert!(cut.ends_with('…'));
        assert!(f.width(&cut, 9.0, true) <= 200.0);
    }
}
