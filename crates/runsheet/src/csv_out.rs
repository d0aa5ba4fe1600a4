//! The run of show as CSV: one row per segment, the session's columns repeated on each row.

use crate::labels::{self, label, L};
use crate::sheet::{CueLine, RunSheet, SegmentRow, SessionBlock};
use showcall_core::i18n::Lang;
use showcall_core::report::csv_text;

/// Separates the cues of one cell.
const CUE_SEP: &str = " | ";

pub(crate) fn render(sheet: &RunSheet, lang: Lang) -> String {
    // French Excel splits CSV on semicolons (the comma is the decimal separator there).
    let delimiter = if lang == Lang::FrCa { b';' } else { b',' };
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header: Vec<&str> = [
        L::Stage,
        L::Session,
        L::Date,
        L::Start,
        L::End,
        L::SegmentStart,
        L::SegmentEnd,
        L::Duration,
        L::Kind,
        L::Segment,
        L::Presenters,
        L::Cues,
        L::Notes,
    ]
    .into_iter()
    .map(|l| label(l, lang))
    .collect();
    // Writing to a Vec cannot fail.
    w.write_record(&header).expect("in-memory CSV");
    for stage in &sheet.stages {
        for session in &stage.sessions {
            let cells = |seg: Option<&SegmentRow>, cues: &[&CueLine]| -> Vec<String> {
                let mut row = vec![
                    csv_text(&stage.name),
                    csv_text(&session.title),
                    labels::long_date(session.start.date_naive(), lang),
                    labels::clock(&session.start),
                    labels::clock(&session.end),
                ];
                match seg {
                    Some(g) => row.extend([
                        labels::clock(&g.start),
                        labels::clock(&g.end),
                        labels::duration(g.duration_secs),
                        labels::segment_kind(g.kind, lang).to_string(),
                        csv_text(&g.title),
                        csv_text(&g.presenters.join("; ")),
                    ]),
                    None => row.extend(std::iter::repeat_n(String::new(), 6)),
                }
                row.push(csv_text(
                    &cues
                        .iter()
                        .map(|c| c.text(lang))
                        .collect::<Vec<_>>()
                        .join(CUE_SEP),
                ));
                row.push(seg.map(|g| csv_text(&g.notes)).unwrap_or_default());
                row
            };
            if session.segments.is_empty() {
                let cues: Vec<&CueLine> = session.cues.iter().collect();
                w.write_record(cells(None, &cues)).expect("in-memory CSV");
                continue;
            }
            let placed = place_session_cues(session);
            for (i, seg) in session.segments.iter().enumerate() {
                let mut cues: Vec<&CueLine> =
                    seg.cues.iter().chain(placed[i].iter().copied()).collect();
                cues.sort_by_key(|c| c.at);
                w.write_record(cells(Some(seg), &cues))
                    .expect("in-memory CSV");
            }
        }
    }
    let body =
        String::from_utf8(w.into_inner().expect("in-memory CSV")).expect("UTF-8 in, UTF-8 out");
    format!("\u{feff}{body}")
}

/// A CSV has no session row: each session-bound cue goes on the segment running at its instant
/// (the first segment for cues before the session, the last for cues after it).
fn place_session_cues(session: &SessionBlock) -> Vec<Vec<&CueLine>> {
    let n = session.segments.len();
    let mut out: Vec<Vec<&CueLine>> = vec![Vec::new(); n];
    for c in &session.cues {
        let i = session
            .segments
            .iter()
            .position(|g| c.at < g.end)
            .unwrap_or(n - 1);
        out[i].push(c);
    }
    out
}
