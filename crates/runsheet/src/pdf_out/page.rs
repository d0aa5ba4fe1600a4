//! What every page carries around the body: the event's name, "Run of show" and the time zone
//! above, "Page N of M" below.

use super::fonts::Fonts;
use super::{Op, Rgb, BLACK, CONTENT_W, GREY, MARGIN, PAGE_H, PAGE_W, RULE};
use crate::labels::{self, label, L};
use crate::sheet::RunSheet;
use showcall_core::i18n::Lang;

/// Adds the header (event name, time zone) and footer (page N of M) to every page.
pub(super) fn decorate(pages: &mut [Vec<Op>], sheet: &RunSheet, lang: Lang, fonts: &Fonts) {
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
