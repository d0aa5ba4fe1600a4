//! The cue engine at scale: the timeline of an event with over 10,000 cues (4 stages, 60
//! sessions, 2,460 segments), with delays and actual starts applied, and one scheduler tick.

use chrono::Duration;
use criterion::{criterion_group, criterion_main, Criterion};
use showcall_core::cues::{self, Actual, DayLog, Delay};
use showcall_core::model::SegmentKind;
use showcall_core::testing::*;
use std::collections::HashSet;
use std::hint::black_box;

fn busy_day() -> showcall_core::EventData {
    let mut d = event("America/Toronto");
    let stages: Vec<String> = (0..4)
        .map(|i| stage(&mut d, &format!("Stage {i}")))
        .collect();
    let people: Vec<String> = (0..80)
        .map(|i| speaker(&mut d, &format!("Speaker {i}")))
        .collect();
    for i in 0..60 {
        let slot = (i / 4) as i64;
        let start = utc("2027-05-04T00:00:00Z") + Duration::hours(slot * 9);
        let end = start + Duration::hours(8);
        let s = session(
            &mut d,
            &stages[i % 4],
            &format!("Session {i}"),
            &start.to_rfc3339(),
            &end.to_rfc3339(),
        );
        for j in 0..41 {
            let who = people[(i * 41 + j) % 80].as_str();
            let g = segment(&mut d, &s, &format!("Segment {j}"), 12 * 60, &[who]);
            let kind = [
                SegmentKind::Presentation,
                SegmentKind::Slides,
                SegmentKind::VideoClip,
            ][j % 3];
            d.segments.iter_mut().find(|x| x.id == g).unwrap().kind = kind;
        }
    }
    d
}

fn bench(c: &mut Criterion) {
    let d = busy_day();
    let log = DayLog {
        delays: d
            .stages
            .iter()
            .map(|s| Delay {
                id: s.id.clone(),
                event_id: d.event.id.clone(),
                stage_id: s.id.clone(),
                session_id: None,
                minutes: 4,
                from: utc("2027-05-04T06:00:00Z"),
            })
            .collect(),
        actuals: d
            .sessions
            .iter()
            .take(10)
            .map(|s| Actual {
                session_id: s.id.clone(),
                start: Some(s.start + Duration::minutes(2)),
                end: None,
            })
            .collect(),
        records: vec![],
    };
    let t = cues::timeline(&d, &log);
    println!("busy day: {} segments, {} cues", d.segments.len(), t.len());
    assert!(t.len() >= 10_000);
    c.bench_function("cue_timeline_10k", |b| {
        b.iter(|| cues::timeline(black_box(&d), black_box(&log)))
    });
    // The 2,000-session conference (40 stages): the live view's snapshot plans its cues.
    let mut conf = showcall_core::testing::conference(40, 50);
    showcall_core::tasks::sync(&mut conf);
    let empty = DayLog::default();
    println!(
        "conference: {} sessions, {} cues",
        conf.sessions.len(),
        cues::timeline(&conf, &empty).len()
    );
    c.bench_function("cue_timeline_conference_2000", |b| {
        b.iter(|| cues::timeline(black_box(&conf), black_box(&empty)))
    });
    // The live view's ask, as the app answers it: the snapshot read from the database file.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = showcall_core::Store::open(dir.path().join("live.db")).expect("store");
    store.insert(&conf).expect("insert");
    let during = conf.sessions[conf.sessions.len() / 2].start;
    c.bench_function("live_snapshot_conference_2000", |b| {
        b.iter(|| {
            showcall_core::service::day::snapshot(&store, None, black_box(&conf.event.id), during)
                .expect("snapshot")
        })
    });
    let sent = HashSet::new();
    let last = utc("2027-05-04T12:00:00Z");
    c.bench_function("due_one_tick_10k", |b| {
        b.iter(|| {
            cues::due(
                black_box(&t),
                &sent,
                last,
                last + Duration::milliseconds(250),
            )
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
