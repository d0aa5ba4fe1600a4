//! Schedule + every production rule on a large event: 2,000 segments in 60 sessions over
//! 4 stages (what a multi-track conference day can reach), plus a store round trip.

use criterion::{criterion_group, criterion_main, Criterion};
use showcall_core::{i18n::Lang, rules, schedule, testing::*, Store};
use std::hint::black_box;

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

fn bench(c: &mut Criterion) {
    let d = big_event();
    println!(
        "large event: {} sessions, {} segments, {} findings",
        d.sessions.len(),
        d.segments.len(),
        rules::check(&d, Lang::En).len()
    );
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
