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

/// A deterministic multi-track conference day for benchmarks and scale tests: `stages` stages
/// (`Stage 01`…) of `per_stage` sessions each, 12 minutes long with 3 minutes between them from
/// 08:00 in Toronto on 2027-05-04, one presentation per session by its own speaker (so
/// `stages × per_stage` sessions, segments and people); no tasks yet (`tasks::sync` adds
/// them, as a store insert does not). Every id
/// is derived from its place (`conf-s01-n001`…), so two calls give the same event.
/// `conference(40, 50)` is the 2,000-session day of the scale benchmarks.
pub fn conference(stages: usize, per_stage: usize) -> EventData {
    let mut d = EventData::of(Event {
        id: format!("conference-{stages}x{per_stage}"),
        name: format!("Conference {stages}×{per_stage}"),
        customer: "Acme".into(),
        time_zone: "America/Toronto".into(),
        locale: "en".into(),
        kit_purchase_date: chrono::NaiveDate::from_ymd_opt(2027, 1, 1),
        kit_term_months: 12,
        support_budget_minutes: 540,
        revision: 0,
    });
    // 08:00 in Toronto (EDT, UTC−4) on 2027-05-04.
    let first = utc("2027-05-04T12:00:00Z");
    for s in 0..stages {
        let stage_id = format!("conf-s{:02}", s + 1);
        d.stages.push(Stage {
            id: stage_id.clone(),
            event_id: d.event.id.clone(),
            name: format!("Stage {:02}", s + 1),
            position: s as u32,
        });
        for n in 0..per_stage {
            let id = format!("{stage_id}-n{:03}", n + 1);
            let start = first + chrono::Duration::minutes(15 * n as i64);
            d.people.push(Person {
                id: format!("{id}-p"),
                event_id: d.event.id.clone(),
                name: format!("Speaker {:02}-{:03}", s + 1, n + 1),
                role: Role::Speaker,
                email: format!("speaker{:02}{:03}@example.com", s + 1, n + 1),
                time_zone: None,
                invitation_sent: true,
                tech_check_done: false,
                instructions_sent: false,
            });
            d.sessions.push(Session {
                id: id.clone(),
                event_id: d.event.id.clone(),
                stage_id: stage_id.clone(),
                title: format!("Talk {:02}-{:03}", s + 1, n + 1),
                start,
                end: start + chrono::Duration::minutes(12),
                livestream: true,
                recording: true,
                vod: false,
                restream: false,
            });
            d.segments.push(Segment {
                id: format!("{id}-g"),
                session_id: id.clone(),
                position: 0,
                kind: SegmentKind::Presentation,
                title: format!("Keynote {:02}-{:03}", s + 1, n + 1),
                duration_secs: 12 * 60,
                presenter_ids: vec![format!("{id}-p")],
                notes: String::new(),
            });
        }
    }
    d
}

/// Every file under `dir`, in its sub-folders too (none when it does not exist): what a test
/// finds left in a data folder.
pub fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(list) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in list.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}
