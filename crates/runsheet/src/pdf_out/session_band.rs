//! The shaded band heading a session (times, title, date and details, overrun, session cues),
//! and the one-line band heading its continuation on a new page.

use super::layout::Layout;
use super::table::CellLine;
use super::text::cue_text;
use super::{BLACK, CONTENT_W, GREY, MARGIN, RED, SESSION_FILL};
use crate::labels::{self, label, L};
use crate::sheet::SessionBlock;

impl<'a> Layout<'a> {
    /// The lines of a session's band (title wrapped after the times, details, session cues),
    /// each flagged when it goes on the previous line, and the band's height.
    pub(super) fn session_band(&self, s: &SessionBlock) -> (Vec<(bool, CellLine)>, f32) {
        let lang = self.lang;
        let f = self.fonts;
        let inner = CONTENT_W - 2.0 * 6.0;
        let times = format!("{}–{}", labels::clock(&s.start), labels::clock(&s.end));
        let times_w = f.width(&times, 10.5, true) + 10.0;
        let mut lines: Vec<(bool, CellLine)> = Vec::new();
        lines.push((false, CellLine::new(times, 10.5, true, BLACK)));
        let title = f.wrap(&s.title, 10.5, true, inner - times_w, inner - times_w);
        for (i, t) in title.into_iter().enumerate() {
            let mut l = CellLine::new(t, 10.5, true, BLACK);
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
            let mut l = CellLine::new(t, 8.0, false, GREY);
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
            lines.push((false, CellLine::new(text, 8.0, true, RED)));
        }
        if !s.cues.is_empty() {
            let head = labels::colon(lang, label(L::SessionCues, lang), "");
            let head_w = f.width(&head, 7.5, true);
            let cues: Vec<String> = s.cues.iter().map(|c| cue_text(c, lang)).collect();
            let wrapped = f.wrap(&cues.join("   ·   "), 7.5, false, inner - head_w, inner);
            let mut l = CellLine::new(head, 7.5, true, BLACK);
            l.gap = 3.0;
            lines.push((false, l));
            for (i, t) in wrapped.into_iter().enumerate() {
                let mut l = CellLine::new(t, 7.5, false, BLACK);
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

    pub(super) fn draw_band(&mut self, lines: &[(bool, CellLine)], h: f32) {
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
    pub(super) fn continued_band(&mut self, s: &SessionBlock, stage: &str) {
        let text = format!("{} ({}) — {stage}", s.title, label(L::Continued, self.lang));
        let line = self.fonts.one_line(&text, 9.0, true, CONTENT_W - 12.0);
        let y = self.y;
        self.rect(MARGIN, y, CONTENT_W, 16.0, SESSION_FILL);
        self.text(MARGIN + 6.0, y + 11.5, 9.0, true, BLACK, &line);
        self.y += 16.0;
    }
}
