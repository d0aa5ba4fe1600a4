//! Notification lateness of the scheduler policy at 1×: 500 cues due 200 ms apart from two
//! seconds from now; a loop ticking every 250 ms on the wall clock (as the app's notification
//! task does) asks `cues::due` what became due and "fires" it. Prints how late each firing was
//! (fired instant − due instant): median, p99, max. Run: `cargo run --release -p showcall-core
//! --example lateness` (about 2 minutes).

use chrono::{Duration, Utc};
use showcall_core::cues::{self, Cue, CueKind, CueState, Phase};
use std::collections::HashSet;

fn main() {
    let start = Utc::now() + Duration::seconds(2);
    let cues: Vec<Cue> = (0..500)
        .map(|i| {
            let at = start + Duration::milliseconds(200 * i);
            Cue {
                key: format!("cue-{i}"),
                kind: CueKind::TimeCheck,
                session_id: "s".into(),
                segment_id: None,
                stage_id: "a".into(),
                session: "Synthetic".into(),
                stage: "A".into(),
                detail: String::new(),
                planned: at,
                expected: at,
                lead_secs: 0,
                state: CueState::Pending,
            }
        })
        .collect();
    let mut sent: HashSet<(String, Phase)> = HashSet::new();
    let mut late_ms: Vec<i64> = Vec::new();
    let tick = std::time::Duration::from_millis(250);
    let mut last = Utc::now();
    let mut next = std::time::Instant::now();
    while late_ms.len() < cues.len() {
        next += tick;
        std::thread::sleep(next.saturating_duration_since(std::time::Instant::now()));
        let now = Utc::now();
        for d in cues::due(&cues, &sent, last, now).notify {
            let fired = Utc::now();
            sent.insert((d.key.clone(), d.phase));
            late_ms.push((fired - d.at).num_milliseconds());
        }
        last = now;
    }
    late_ms.sort_unstable();
    let pct = |p: f64| late_ms[((late_ms.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "cues fired: {} (each once: {})",
        late_ms.len(),
        sent.len() == late_ms.len()
    );
    println!(
        "lateness ms: median {}, p99 {}, max {} (tick 250 ms)",
        pct(0.5),
        pct(0.99),
        late_ms.last().unwrap()
    );
}
