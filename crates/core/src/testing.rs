//! Builders for events in tests and benchmarks: terse, in-memory, no store.

use crate::model::*;
use chrono::{DateTime, Utc};

/// Parses an RFC 3339 instant; panics on a typo (tests only).
pub fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("valid RFC 3339 instant")
        .with_timezone(&Utc)
}

/// An empty event in `zone`, kit bought 2027-01-01, 9 h budget.
pub fn event(zone: &str) -> EventData {
    EventData::of(Event {
        id: new_id(),
        name: "Test event".into(),
        customer: "Acme".into(),
        time_zone: zone.into(),
        locale: "en".into(),
        kit_purchase_date: chrono::NaiveDate::from_ymd_opt(2027, 1, 1),
        kit_term_months: 12,
        support_budget_minutes: 540,
        revision: 0,
    })
}

/// Adds a stage; returns its id.
pub fn stage(d: &mut EventData, name: &str) -> String {
    let id = new_id();
    d.stages.push(Stage {
        id: id.clone(),
        event_id: d.event.id.clone(),
        name: name.into(),
        position: d.stages.len() as u32,
    });
    id
}

/// Adds a livestreamed, recorded session; returns its id.
pub fn session(d: &mut EventData, stage: &str, title: &str, start: &str, end: &str) -> String {
    let id = new_id();
    d.sessions.push(Session {
        id: id.clone(),
        event_id: d.event.id.clone(),
        stage_id: stage.into(),
        title: title.into(),
        start: utc(start),
        end: utc(end),
        livestream: true,
        recording: true,
        vod: false,
        restream: false,
    });
    id
}

/// Appends a presentation segment to a session; returns its id.
pub fn segment(
    d: &mut EventData,
    session: &str,
    title: &str,
    secs: u32,
    presenters: &[&str],
) -> String {
    let id = new_id();
    let position = d.segments_of(session).count() as u32;
    d.segments.push(Segment {
        id: id.clone(),
        session_id: session.into(),
        position,
        kind: SegmentKind::Presentation,
        title: title.into(),
        duration_secs: secs,
        presenter_ids: presenters.iter().map(|p| p.to_string()).collect(),
        notes: String::new(),
    });
    id
}

/// Adds a speaker whose invitation went out; returns their id.
pub fn speaker(d: &mut EventData, name: &str) -> String {
    let id = new_id();
    d.people.push(Person {
        id: id.clone(),
        event_id: d.event.id.clone(),
        name: name.into(),
        role: Role::Speaker,
        email: String::new(),
        time_zone: None,
        invitation_sent: true,
        tech_check_done: false,
        instructions_sent: false,
    });
    id
}

/// Windows-1252 bytes of `s`, as Excel saves a French CSV (only Latin-1 and `’` are used in
/// the tests; anything else panics).
pub fn cp1252(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '’' => 0x92,
            c if (c as u32) < 0x100 => c as u32 as u8,
            c => panic!("{c} is not in the tests' code page subset"),
        })
        .collect()
}

/// Makes an image with ImageMagick's `convert ARGS… dir/name` (tests only; CI installs
/// imagemagick) and returns its path.
pub fn convert(dir: &std::path::Path, name: &str, args: &[&str]) -> std::path::PathBuf {
    let out = dir.join(name);
    let o = std::process::Command::new("convert")
        .args(args)
        .arg(&out)
        .output()
        .expect("ImageMagick's convert (apt install imagemagick; CI installs it)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}
