//! iCalendar export (RFC 5545): one VEVENT per session (the run of show in its description),
//! and optionally one per cue with a display alarm at its heads-up. Times are written in UTC
//! (no VTIMEZONE needed); UIDs are derived from ids, so a re-export updates the same entries in
//! a calendar instead of duplicating them. Lines end in CRLF and are folded at 75 octets.

use crate::cues::Cue;
use crate::i18n::Lang;
use crate::model::EventData;
use crate::schedule;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// Escapes a TEXT value (backslash, semicolon, comma, line breaks).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line at 75 octets (never inside a UTF-8 character), CRLF-terminated.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        // A continuation line starts with a space, which counts.
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The event as an iCalendar file. `cues`: also one VEVENT (with a VALARM) per cue.
pub fn calendar(d: &EventData, cues: Option<&[Cue]>, lang: Lang, stamp: DateTime<Utc>) -> String {
    let tz: Tz = d.event.time_zone.parse().unwrap_or(Tz::UTC);
    let hm = |t: DateTime<Utc>| t.with_timezone(&tz).format("%H:%M").to_string();
    let sch = schedule::compute(d);
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!(
            "PRODID:-//Showcall//Showcall {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape(&d.event.name)),
    ];
    for s in &d.sessions {
        let stage = d
            .stages
            .iter()
            .find(|x| x.id == s.stage_id)
            .map(|x| x.name.as_str())
            .unwrap_or_default();
        let mut desc = vec![format!(
            "{} ({})",
            if lang == Lang::FrCa {
                "Déroulement"
            } else {
                "Run of show"
            },
            d.event.time_zone
        )];
        if let Some(times) = sch.sessions.iter().find(|x| x.session_id == s.id) {
            for (g, t) in d.segments_of(&s.id).zip(&times.segments) {
                let who: Vec<&str> = g
                    .presenter_ids
                    .iter()
                    .filter_map(|p| d.person(p).map(|p| p.name.as_str()))
                    .collect();
                let mut line = format!("{}–{} {}", hm(t.start), hm(t.end), g.title);
                if !who.is_empty() {
                    line.push_str(&format!(" — {}", who.join(", ")));
                }
                desc.push(line);
            }
        }
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!("UID:session-{}@showcall", s.id),
            format!("DTSTAMP:{}", utc(stamp)),
            format!("DTSTART:{}", utc(s.start)),
            format!("DTEND:{}", utc(s.end)),
            format!("SUMMARY:{}", escape(&s.title)),
            format!("LOCATION:{}", escape(stage)),
            format!("DESCRIPTION:{}", escape(&desc.join("\n"))),
            "END:VEVENT".into(),
        ]);
    }
    for c in cues.unwrap_or_default() {
        let what = format!("{} — {}", crate::live::kind_label(c.kind, lang), c.session);
        let mut desc = format!("{} · {}", c.stage, c.session);
        if !c.detail.is_empty() {
            desc.push('\n');
            desc.push_str(&c.detail);
        }
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!("UID:cue-{}@showcall", c.key),
            format!("DTSTAMP:{}", utc(stamp)),
            format!("DTSTART:{}", utc(c.expected)),
            format!("SUMMARY:{}", escape(&what)),
            format!("DESCRIPTION:{}", escape(&desc)),
            "BEGIN:VALARM".into(),
            "ACTION:DISPLAY".into(),
            format!("TRIGGER:-PT{}S", c.lead_secs.max(0)),
            format!("DESCRIPTION:{}", escape(&what)),
            "END:VALARM".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        assert_eq!(
            escape("Q&A; wrap-up, part 2\\3\nnext"),
            "Q&A\\; wrap-up\\, part 2\\\\3\\nnext"
        );
        let long = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&long);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{long}\r\n"));
    }
}
