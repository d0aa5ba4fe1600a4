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

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma are escaped, every
/// line break (CRLF, CR, LF, NEL, U+2028, U+2029) becomes `\n`, and other control characters
/// (which TEXT may not hold) are dropped, tabs excepted. The result never holds a raw CR or LF,
/// so a value cannot end its line and start a property of its own.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The id part of a UID. An id made only of letters, digits, `-`, `_`, `.` and `:` (the app's
/// UUIDs and cue keys) is kept as it is, so a re-export updates the same entries; anything
/// else (an id from a package, with a line break or a `;` in it) is replaced by its SHA-256,
/// as stable and unable to break out of the line.
pub fn uid_part(id: &str) -> String {
    let safe = !id.is_empty()
        && id.len() <= 200
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
    if safe {
        id.to_string()
    } else {
        use sha2::Digest;
        format!("sha256-{:x}", sha2::Sha256::digest(id.as_bytes()))
    }
}

/// Folds one content line at 75 octets (never inside a UTF-8 character), CRLF-terminated. A
/// content line holds no control character but tab: any other (a raw CR or LF that escaped
/// [`escape`]) is dropped, so one line stays one line.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars().filter(|c| *c == '\t' || !c.is_control()) {
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
            format!("UID:session-{}@showcall", uid_part(&s.id)),
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
            format!("UID:cue-{}@showcall", uid_part(&c.key)),
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
