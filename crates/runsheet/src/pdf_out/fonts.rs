//! The embedded DejaVu Sans Condensed fonts (regular and bold) and their metrics: the glyph and
//! advance of each character, so text is measured, wrapped and drawn with the same numbers.

use crate::Error;
use krilla::text::{GlyphId, KrillaGlyph};
use std::cell::RefCell;
use std::collections::HashMap;

pub(super) static REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSansCondensed.ttf");
pub(super) static BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSansCondensed-Bold.ttf");

/// One font's character map and advances: text is measured, wrapped and drawn with the same
/// numbers, one glyph per character (no kerning or ligatures, which Latin text does not need).
pub(super) struct Metrics {
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
    pub(super) fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
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

/// The regular and the bold font.
pub(super) struct Fonts {
    pub(super) regular: Metrics,
    pub(super) bold: Metrics,
}

impl Fonts {
    /// Both embedded fonts, parsed.
    pub(super) fn embedded() -> Result<Fonts, Error> {
        Ok(Fonts {
            regular: Metrics::new(REGULAR)?,
            bold: Metrics::new(BOLD)?,
        })
    }

    pub(super) fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        if bold {
            self.bold.width(text, size)
        } else {
            self.regular.width(text, size)
        }
    }
}
