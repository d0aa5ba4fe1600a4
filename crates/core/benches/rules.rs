//! Schedule + every production rule on large events: the 2,000-session conference day
//! (`testing::conference(40, 50)`: 40 stages × 50 sessions, one segment and one speaker each)
//! and 2,000 segments in 60 sessions over 4 stages, plus a store round trip.
//!
//! Before the criterion runs it prints one line per figure, e.g.
//! `rules 2000 sessions: 1.23 ms (median 1.40 ms)`: the best of 31 runs, which other work on
//! the machine disturbs least, then their median, so a change can be compared at a glance.

use criterion::{criterion_group, criterion_main, Criterion};
use showcall_core::model::Actor;
use showcall_core::view::{self, Steps};
use showcall_core::{i18n::Lang, rules, schedule, testing::*, Store};
use std::hint::black_box;
use std::time::Instant;

fn big_event() -> showcall_core::EventData {
    let mut d = event("America/Toronto");
    let stages: Vec<String> = (0..4)
        .map(|i| stage(&mut d, &format!("Stage {i}")))
        .collect();
    let people: Vec<String> = (0..120)
        .map(|i| speaker(&mut d, &format!("Speaker {i}")))
        .collect();
    let mut seg = 0;
    for i in 0..60 {
        let st = &stages[i % 4];
        let slot = (i / 4) as i64; // 15 sessions per stage, 40 min each with 5 min gaps
        let start = utc("2027-05-04T12:00:00Z") + chrono::Duration::minutes(slot * 45);
        let end = start + chrono::Duration::minutes(40);
        let s = session(
            &mut d,
            st,
            &format!("Session {i}"),
            &start.to_rfc3339(),
            &end.to_rfc3339(),
        );
        let n = if i < 20 { 34 } else { 33 };
        for j in 0..n {
            let who = [
                people[(seg * 7) % 120].as_str(),
                people[(seg * 11 + 3) % 120].as_str(),
            ];
            segment(&mut d, &s, &format!("Segment {j}"), 70, &who);
            seg += 1;
        }
    }
    assert_eq!(d.segments.len(), 2000);
    showcall_core::tasks::sync(&mut d);
    d
}

/// The 2,000-session conference day with its tasks, as a store insert leaves it.
fn conference_day() -> showcall_core::EventData {
    let mut d = conference(40, 50);
    showcall_core::tasks::sync(&mut d);
    assert_eq!(d.sessions.len(), 2000);
    d
}

/// `best ms (median ms)` of the wall time of `f` over 31 runs (the result's drop included).
fn timed<T>(mut f: impl FnMut() -> T) -> String {
    timed_from(|| (), |()| f())
}

/// Like [`timed`], for `f` of what `setup` makes outside the timing.
fn timed_from<S, T>(mut setup: impl FnMut() -> S, mut f: impl FnMut(S) -> T) -> String {
    let runs = 31;
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let input = setup();
            let at = Instant::now();
            black_box(f(input));
            at.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    t.sort_by(f64::total_cmp);
    format!("{:.3} ms (median {:.3} ms)", t[0], t[runs / 2])
}

/// Prints the figures of one event, one per line naming what each measures.
fn figures(label: &str, d: &showcall_core::EventData) {
    let now = utc("2027-04-01T12:00:00Z");
    let sch = schedule::compute(d);
    let findings = rules::check_at(d, &sch, Lang::En, Some(now));
    println!("findings {label}: {}", findings.len());
    println!("schedule {label}: {}", timed(|| schedule::compute(d)));
    println!(
        "rules {label}: {}",
        timed(|| rules::check_at(d, &sch, Lang::En, Some(now)))
    );
    println!(
        "schedule + rules {label}: {}",
        timed(|| {
            let s = schedule::compute(d);
            rules::check_at(d, &s, Lang::En, Some(now))
        })
    );
    // `build` takes the data: it is cloned before the timing starts; the view's drop (the data
    // with it) is timed.
    println!(
        "view::build {label}: {}",
        timed_from(
            || d.clone(),
            |d| view::build(d, Lang::En, Actor::Analyst, Steps::default(), now)
        )
    );
}

fn bench(c: &mut Criterion) {
    let conf = conference_day();
    let d = big_event();
    figures("2000 sessions", &conf);
    figures("2000 segments in 60 sessions", &d);

    c.bench_function("schedule_2000_sessions", |b| {
        b.iter(|| schedule::compute(black_box(&conf)))
    });
    c.bench_function("schedule_and_rules_2000_sessions", |b| {
        b.iter(|| rules::check(black_box(&conf), Lang::En))
    });
    c.bench_function("schedule_2000_segments", |b| {
        b.iter(|| schedule::compute(black_box(&d)))
    });
    c.bench_function("schedule_and_rules_2000_segments", |b| {
        b.iter(|| rules::check(black_box(&d), Lang::En))
    });
    let mut store = Store::open_in_memory().unwrap();
    store.insert(&d).unwrap();
    c.bench_function("store_load_2000_segments", |b| {
        b.iter(|| store.load(black_box(&d.event.id)).unwrap())
    });
    c.bench_function("store_edit_2000_segments", |b| {
        let seg = d.segments[0].id.clone();
        let mut to = 0;
        b.iter(|| {
            to = (to + 1) % 30;
            store
                .edit(
                    &d.event.id,
                    &showcall_core::Edit::MoveSegment {
                        id: seg.clone(),
                        to,
                    },
                )
                .unwrap()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
