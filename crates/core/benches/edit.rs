//! One edit as the app makes it, on the 2,000-session conference (`testing::conference(40,
//! 50)`) in a database file: the store's edit (read, apply, check, write), the view built for
//! the window (schedule + every rule + branding), and its JSON. Prints one figure per line:
//! `cargo bench -p showcall-core --bench edit`.

use showcall_core::edit::{Edit, SegmentFields};
use showcall_core::i18n::Lang;
use showcall_core::view::{self, Steps};
use showcall_core::{testing, Actor, Store};
use std::time::{Duration, Instant};

fn figures(name: &str, mut v: Vec<Duration>) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let p = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    println!("{name} p50: {:.2} ms", ms(p(0.5)));
    println!("{name} p95: {:.2} ms", ms(p(0.95)));
    println!("{name} max: {:.2} ms", ms(v[v.len() - 1]));
}

/// What the app does after a write: the view rebuilt from the one shown, the changes between
/// them as JSON; the new view becomes the one shown.
fn write_answered(
    shown: &mut view::EventView,
    after: std::sync::Arc<showcall_core::EventData>,
    now: chrono::DateTime<chrono::Utc>,
) {
    let v = view::rebuild(
        shown,
        after,
        Lang::En,
        Actor::Analyst,
        Steps::default(),
        now,
    );
    let changes = showcall_core::view_changes::EditResult::of(Some(shown), &v, None);
    std::hint::black_box(serde_json::to_vec(&changes).expect("json"));
    drop(std::mem::replace(shown, v));
}

fn main() {
    let (stages, per_stage) = (40, 50);
    let mut d = testing::conference(stages, per_stage);
    showcall_core::tasks::sync(&mut d);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path().join("bench.db")).expect("store");
    store.insert(&d).expect("insert");
    let ev = d.event.id.clone();
    println!(
        "event: {} sessions, {} segments, {} people, {} tasks",
        d.sessions.len(),
        d.segments.len(),
        d.people.len(),
        d.tasks.len()
    );
    let t = Instant::now();
    let loaded = store.load(&ev).expect("load");
    println!("store load: {:.2} ms", t.elapsed().as_secs_f64() * 1000.0);
    // What an edit does in memory, step by step.
    let step = |name: &str, f: &mut dyn FnMut()| {
        let t = Instant::now();
        for _ in 0..10 {
            f();
        }
        println!("  {name}: {:.2} ms", t.elapsed().as_secs_f64() * 100.0);
    };
    let mut copy = loaded.clone();
    step("clone", &mut || copy = loaded.clone());
    step("validate", &mut || {
        showcall_core::validate::event_data(&copy).expect("valid");
    });
    step("tasks::sync", &mut || {
        showcall_core::tasks::sync(&mut copy);
    });
    step("branding::sync", &mut || {
        showcall_core::branding::sync(&mut copy)
    });
    step("normalize", &mut || copy.normalize());
    let sched = showcall_core::schedule::compute(&copy);
    step("schedule::compute", &mut || {
        std::hint::black_box(showcall_core::schedule::compute(&copy));
    });
    let now = chrono::Utc::now();
    step("rules::check_at", &mut || {
        std::hint::black_box(showcall_core::rules::check_at(
            &copy,
            &sched,
            Lang::En,
            Some(now),
        ));
    });
    let runs = 60;
    let (mut edit, mut build, mut json, mut all) = (vec![], vec![], vec![], vec![]);
    let (mut answer, mut app) = (vec![], vec![]);
    let (mut bytes, mut answer_bytes) = (0, 0);
    let mut shown = view::build(
        loaded.clone(),
        Lang::En,
        Actor::Analyst,
        Steps::default(),
        now,
    );
    for i in 0..runs {
        let g = &loaded.segments[(i * 37) % loaded.segments.len()];
        let e = Edit::UpdateSegment {
            id: g.id.clone(),
            fields: SegmentFields {
                kind: g.kind,
                title: g.title.clone(),
                duration_secs: 600 + (i as i64 % 7) * 30,
                presenter_ids: g.presenter_ids.clone(),
                notes: g.notes.clone(),
            },
        };
        let t0 = Instant::now();
        let done = store.edit(&ev, &e).expect("edit");
        let t1 = Instant::now();
        // As the app builds it: from the view the window shows.
        let v = view::rebuild(
            &shown,
            done.after,
            Lang::En,
            Actor::Analyst,
            Steps::default(),
            now,
        );
        let t2 = Instant::now();
        let out = serde_json::to_vec(&v).expect("json");
        let t3 = Instant::now();
        let changes = showcall_core::view_changes::EditResult::of(Some(&shown), &v, None);
        let small = serde_json::to_vec(&changes).expect("json");
        let t4 = Instant::now();
        // The app then keeps the new view and frees the old one (often the last copy of the
        // event as it was: freeing it on another thread was tried, and slowed the next edit
        // down more than it saved, the allocator being shared).
        drop(std::mem::replace(&mut shown, v));
        let t5 = Instant::now();
        bytes = out.len();
        answer_bytes = small.len();
        // The first runs warm the caches up.
        if i >= 10 {
            edit.push(t1 - t0);
            build.push(t2 - t1);
            json.push(t3 - t2);
            all.push(t3 - t0);
            answer.push(t4 - t3);
            app.push((t2 - t0) + (t5 - t3));
        }
    }
    figures("store edit (one segment)", edit);
    figures("view::rebuild", build);
    figures("view JSON", json);
    figures("edit + view + JSON", all);
    println!("view JSON size: {:.2} MB", bytes as f64 / 1e6);
    figures("answer (view changes + JSON)", answer);
    figures("edit + view + changes answer (as the app does)", app);
    println!("answer JSON size: {:.1} KB", answer_bytes as f64 / 1e3);

    // A session moved by five minutes, back and forth: its stage's changeovers, its tasks and
    // the schedule's order all move, so little is taken from the view before.
    let mut moved = vec![];
    for i in 0..30 {
        let s = shown.data.sessions[(i * 53) % shown.data.sessions.len()].clone();
        let step = chrono::Duration::minutes(if i % 2 == 0 { 5 } else { -5 });
        let e = Edit::UpdateSession {
            id: s.id.clone(),
            fields: showcall_core::edit::SessionFields {
                start: (s.start + step).to_rfc3339(),
                end: (s.end + step).to_rfc3339(),
                ..showcall_core::edit::SessionFields::of(&s)
            },
        };
        let t0 = Instant::now();
        let done = store.edit(&ev, &e).expect("edit");
        write_answered(&mut shown, done.after, now);
        if i >= 5 {
            moved.push(t0.elapsed());
        }
    }
    figures("session moved 5 min (as the app does)", moved);

    // Undo of a segment's edit: the patch back, checked and written, then the view.
    let mut undone = vec![];
    for i in 0..30 {
        let g = shown.data.segments[(i * 41) % shown.data.segments.len()].clone();
        let e = Edit::UpdateSegment {
            id: g.id.clone(),
            fields: SegmentFields {
                kind: g.kind,
                title: g.title.clone(),
                duration_secs: i64::from(g.duration_secs) + 60,
                presenter_ids: g.presenter_ids.clone(),
                notes: g.notes.clone(),
            },
        };
        let done = store.edit(&ev, &e).expect("edit");
        write_answered(&mut shown, done.after.clone(), now);
        let back = done.patch.inverse();
        let t0 = Instant::now();
        let after = store
            .apply_patch(&ev, &back, done.after.event.revision)
            .expect("undo");
        write_answered(&mut shown, after.after, now);
        if i >= 5 {
            undone.push(t0.elapsed());
        }
    }
    figures("undo of a segment edit (as the app does)", undone);
}
