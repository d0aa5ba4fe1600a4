//! The fast rules against the plain ones ([`super::reference`]) on thousands of random events
//! drawn from a seeded generator: several stages, sessions back to back, a few minutes apart or
//! overlapping, across local midnight and daylight-saving nights, empty or reversed, speakers
//! shared between sessions and segments, ids and titles that repeat, tasks missing or skipped.
//! Both must give exactly the same schedule and the same findings, in the same order, with the
//! same messages and customer hints. A failure names the seed, which replays the event.

use super::reference;
use crate::i18n::Lang;
use crate::model::{
    Destination, DestinationStatus, EventData, Role, Segment, SegmentKind, Session, TaskStatus,
};
use crate::testing::*;
use chrono::{DateTime, Duration, Utc};

/// SplitMix64: small, seeded, the same numbers on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize]
    }

    fn pick_string(&mut self, xs: &[String]) -> String {
        xs[self.below(xs.len() as u64) as usize].clone()
    }
}

/// Zones with daylight saving, half and quarter hours, UTC+14, and one that does not parse.
const ZONES: [&str; 7] = [
    "America/Toronto",
    "Europe/Paris",
    "Pacific/Kiritimati",
    "UTC",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Not/A_Zone",
];

/// Where the day's grid starts: evenings before local midnight, Toronto's spring-forward and
/// fall-back nights, and days outside the kit's term.
const BASES: [&str; 6] = [
    "2027-05-04T20:00:00Z",
    "2027-05-04T12:00:00Z",
    "2027-03-14T03:00:00Z",
    "2027-11-07T02:00:00Z",
    "2026-12-31T18:00:00Z",
    "2027-12-31T20:00:00Z",
];

const TITLES: [&str; 6] = ["Keynote", "Panel", "Q&A", "Demo", "Keynote", "Zoé’s talk"];
const NAMES: [&str; 5] = ["Ana", "Bob", "Chloé", "Dev", "Ana"];
const STAGES: [&str; 3] = ["Main", "Studio B", "Main"];
/// Session lengths in minutes: empty and reversed ones too.
const LENGTHS: [i64; 11] = [5, 10, 15, 20, 30, 45, 60, 90, 12, 0, -10];
/// Segment lengths in seconds: empty ones and odd seconds too.
const SEGMENTS: [u32; 10] = [0, 30, 60, 300, 599, 600, 900, 1800, 2700, 3600];

/// A random event; the same `seed` gives the same event.
fn random_event(seed: u64) -> EventData {
    let mut r = Rng(seed);
    let mut d = event(r.pick(&ZONES));
    let base: DateTime<Utc> = utc(r.pick(&BASES));

    for k in 0..1 + r.below(4) {
        stage(&mut d, r.pick(&STAGES));
        // Ids in another order than the stages, and positions that may tie.
        let last = d.stages.len() - 1;
        d.stages[last].id = format!("st{}", (k * 7) % 5);
        d.stages[last].position = r.below(3) as u32;
    }
    let stage_ids: Vec<String> = d.stages.iter().map(|s| s.id.clone()).collect();

    let mut people: Vec<String> = Vec::new();
    for k in 0..r.below(7) {
        speaker(&mut d, r.pick(&NAMES));
        let p = d.people.last_mut().expect("just added");
        p.id = format!("p{}", (k * 5) % 7);
        p.role = r.pick(&Role::ALL);
        p.invitation_sent = r.chance(70);
        people.push(p.id.clone());
    }

    let sessions = r.below(13);
    for k in 0..sessions {
        let stage_id = if r.chance(4) {
            "nowhere".to_string()
        } else {
            r.pick_string(&stage_ids)
        };
        // Back to back with, a few minutes after, or over the last session on its stage, or
        // anywhere in the next 24 hours.
        let last_end = d
            .sessions
            .iter()
            .rev()
            .find(|s| s.stage_id == stage_id)
            .map(|s| s.end);
        let start = match (last_end, r.below(4)) {
            (Some(end), 0) => end,
            (Some(end), 1) => end + Duration::minutes(r.below(20) as i64),
            (Some(end), 2) => end - Duration::minutes(5 * r.below(6) as i64),
            _ => base + Duration::minutes(5 * r.below(288) as i64),
        };
        let id = if k > 0 && r.chance(2) {
            d.sessions[0].id.clone() // a repeated id
        } else {
            format!("x{}", (k * 11) % 17)
        };
        d.sessions.push(Session {
            id: id.clone(),
            event_id: d.event.id.clone(),
            stage_id,
            title: r.pick(&TITLES).to_string(),
            start,
            end: start + Duration::minutes(r.pick(&LENGTHS)),
            livestream: r.chance(80),
            recording: true,
            vod: false,
            restream: r.chance(20),
        });
        for position in 0..r.below(5) {
            let mut presenters = Vec::new();
            for _ in 0..r.below(3) {
                if r.chance(5) || people.is_empty() {
                    presenters.push("ghost".to_string());
                } else {
                    presenters.push(r.pick_string(&people));
                }
            }
            let n = d.segments.len();
            d.segments.push(Segment {
                id: format!("g{n}-{position}"),
                session_id: id.clone(),
                position: position as u32,
                kind: SegmentKind::Presentation,
                title: format!("Part {position}"),
                duration_secs: r.pick(&SEGMENTS),
                presenter_ids: presenters,
                notes: String::new(),
            });
        }
    }

    if r.chance(75) {
        crate::tasks::sync(&mut d);
        for t in &mut d.tasks {
            if r.chance(10) {
                t.status = TaskStatus::Skipped;
            }
        }
        let mut keep = Vec::new();
        for t in d.tasks.drain(..) {
            if !r.chance(5) {
                keep.push(t);
            }
        }
        d.tasks = keep.into();
    }

    for k in 0..r.below(3) {
        let session_ids = d
            .sessions
            .iter()
            .filter(|_| r.chance(30))
            .map(|s| s.id.clone())
            .collect();
        d.destinations.push(Destination {
            id: format!("dest{k}"),
            event_id: d.event.id.clone(),
            position: k as u32,
            name: format!("Dest {}", r.below(2)),
            preset: "custom".into(),
            server_url: r
                .pick(&[
                    "rtmp://cdn.example.com/live",
                    "rtmps://x.example.com:1935/app",
                ])
                .to_string(),
            backup_url: String::new(),
            session_ids,
            status: DestinationStatus::Received,
            has_key: r.chance(50),
            key_hint: "wxyz".into(),
            last_test: None,
            key_entered_for: None,
        });
    }
    d
}

/// Schedule, closing pairs and findings, fast and plain, in both languages, with and without a
/// wall clock.
fn assert_same(d: &EventData, what: &str) {
    let fast = crate::schedule::compute(d);
    let plain = reference::schedule::compute(d);
    assert_eq!(fast, plain, "{what}: schedule");
    assert_eq!(
        crate::schedule::closing_pairs(d),
        reference::schedule::closing_pairs(d),
        "{what}: closing pairs"
    );
    for lang in [Lang::En, Lang::FrCa] {
        for now in [None, Some(utc("2027-05-01T12:00:00Z"))] {
            let got = super::check_at(d, &fast, lang, now);
            let want = reference::check_at(d, &plain, lang, now);
            if got != want {
                let at = got.iter().zip(&want).position(|(a, b)| a != b);
                panic!(
                    "{what} ({lang:?}, now {now:?}): {} findings, {} expected; first difference at \
                     {at:?}:\n  fast:  {:?}\n  plain: {:?}",
                    got.len(),
                    want.len(),
                    at.and_then(|i| got.get(i)),
                    at.and_then(|i| want.get(i)),
                );
            }
        }
    }
}

#[test]
fn fast_rules_find_what_the_plain_rules_find_on_random_events() {
    let mut findings = 0;
    for seed in 0..3000 {
        let d = random_event(seed);
        assert_same(&d, &format!("seed {seed}"));
        findings += super::check(&d, Lang::En).len();
    }
    // The generator must actually produce problems to compare, of every pairwise kind.
    assert!(findings > 10_000, "only {findings} findings");
}

#[test]
fn the_random_events_reach_every_pairwise_rule_and_hint() {
    let mut seen = std::collections::BTreeSet::new();
    for seed in 0..3000 {
        for f in super::check(&random_event(seed), Lang::En) {
            seen.insert((f.code.clone(), f.customer.is_some()));
        }
    }
    for code in [
        "closing_training_needed",
        "stage_overlap",
        "person_double_booked",
        "prep_overlaps_session",
        "session_without_presenter",
        "segments_overrun_session",
        "livestream_tasks_missing",
        "support_spans_days",
    ] {
        assert!(seen.iter().any(|(c, _)| c == code), "no {code} in {seen:?}");
    }
    for code in [
        "closing_training_needed",
        "person_double_booked",
        "prep_overlaps_session",
    ] {
        assert!(
            seen.contains(&(code.to_string(), true)),
            "{code} with a hint"
        );
        assert!(seen.contains(&(code.to_string(), false)), "{code} without");
    }
}

#[test]
fn fast_rules_find_what_the_plain_rules_find_on_a_busy_conference() {
    // The scale benchmark's day, smaller, with shared speakers, an MC on every stage, sessions
    // moved over each other, and some tasks gone.
    let mut d = conference(6, 30);
    crate::tasks::sync(&mut d);
    let mc = d.people[0].id.clone();
    for (i, g) in d.segments.iter_mut().enumerate() {
        if i % 7 == 0 {
            g.presenter_ids.push(mc.clone());
        }
        if i % 5 == 0 {
            g.presenter_ids
                .push(format!("conf-s01-n{:03}-p", 1 + i % 30));
        }
        if i % 11 == 0 {
            g.presenter_ids.clear();
        }
        if i % 13 == 0 {
            g.duration_secs += 420;
        }
    }
    for (i, s) in d.sessions.iter_mut().enumerate() {
        if i % 9 == 0 {
            s.start -= Duration::minutes(10);
        }
        if i % 17 == 0 {
            s.end += Duration::minutes(40);
        }
    }
    d.tasks.retain(|t| t.due.timestamp() % 7 != 0);
    assert_same(&d, "busy conference");
}
