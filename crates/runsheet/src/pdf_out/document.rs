//! Writing the laid-out pages with krilla: rectangles, rules and text in the embedded fonts
//! (subset, each glyph mapped back to its text), with the document's title and language.

use super::fonts::{Fonts, BOLD, REGULAR};
use super::{Op, Rgb, PAGE_H, PAGE_W};
use crate::labels::{label, L};
use crate::sheet::RunSheet;
use crate::Error;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::Font;
use krilla::Document;
use showcall_core::i18n::Lang;

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// The PDF of `pages`, laid out and decorated.
pub(super) fn write(
    pages: &[Vec<Op>],
    sheet: &RunSheet,
    lang: Lang,
    fonts: &Fonts,
) -> Result<Vec<u8>, Error> {
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
    for ops in pages {
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
