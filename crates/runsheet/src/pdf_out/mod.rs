//! The run of show as a Letter-size PDF. Layout runs first into a list of drawing operations per
//! page (so the page count is known for "Page N of M"), then krilla writes them out with the
//! embedded DejaVu Sans Condensed font (subset), each glyph mapped back to its text so the PDF
//! can be searched and copied from.
//!
//! This module owns what the parts share: the page geometry, the palette and the drawing
//! operations. `fonts` measures glyphs and `text` fits text to a width; `layout` flows stages
//! and sessions down the pages, with `session_band` for a session's heading band and `table`
//! for its segments; `page` adds every page's header and footer; `document` writes it all.

mod document;
mod fonts;
mod layout;
mod page;
mod session_band;
mod table;
mod text;

use crate::sheet::RunSheet;
use crate::Error;
use fonts::Fonts;
use layout::Layout;
use showcall_core::i18n::Lang;

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

/// The PDF of `sheet`, calling `step` after each of its three steps (layout, page decoration,
/// writing): an error from `step` stops it there.
pub(crate) fn render(
    sheet: &RunSheet,
    lang: Lang,
    step: &mut dyn FnMut() -> Result<(), Error>,
) -> Result<Vec<u8>, Error> {
    let fonts = Fonts::embedded()?;
    let mut pages = Layout::new(&fonts, lang).into_pages(sheet);
    step()?;
    page::decorate(&mut pages, sheet, lang, &fonts);
    step()?;
    let bytes = document::write(&pages, sheet, lang, &fonts)?;
    step()?;
    Ok(bytes)
}
