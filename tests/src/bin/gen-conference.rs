//! Writes the deterministic multi-track conference of the scale benchmarks into a Showcall
//! database: `gen-conference DB [STAGES] [PER_STAGE]` (40 × 50 = 2,000 sessions by default).
//! The event replaces one of the same id already there.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(db) = args.next() else {
        eprintln!("usage: gen-conference DB [STAGES] [PER_STAGE]");
        std::process::exit(2);
    };
    let mut n = |default: usize| args.next().and_then(|s| s.parse().ok()).unwrap_or(default);
    let (stages, per_stage) = (n(40), n(50));
    let mut d = showcall_core::testing::conference(stages, per_stage);
    showcall_core::tasks::sync(&mut d);
    let mut store = showcall_core::Store::open(&db).unwrap_or_else(|e| {
        eprintln!("gen-conference: {}", e.message(Default::default()));
        std::process::exit(1)
    });
    let done = if store.has_event(&d.event.id).unwrap_or(false) {
        store.replace(&d).map(|_| ())
    } else {
        store.insert(&d)
    };
    if let Err(e) = done {
        eprintln!("gen-conference: {}", e.message(Default::default()));
        std::process::exit(1)
    }
    println!(
        "{}: {} ({} sessions, {} segments, {} people)",
        db,
        d.event.id,
        d.sessions.len(),
        d.segments.len(),
        d.people.len()
    );
}
