//! Two processes on one database file (the app and the CLI, or two windows): writes wait for
//! each other instead of failing with `database is locked`, and an undo never overwrites a
//! change made elsewhere. Each `Store` here is its own connection, as another process has.

use showcall_core::edit::{Edit, EventFields};
use showcall_core::history::History;
use showcall_core::i18n::Lang;
use showcall_core::{testing, Store};
use std::path::Path;

fn fields(name: &str, customer: &str) -> EventFields {
    EventFields {
        name: name.into(),
        customer: customer.into(),
        time_zone: "UTC".into(),
        locale: "en".into(),
        kit_purchase_date: "2027-01-01".into(),
        kit_term_months: 12,
        support_budget_minutes: 540,
    }
}

fn new_event(path: &Path) -> String {
    let d = testing::event("UTC");
    Store::open(path).unwrap().insert(&d).unwrap();
    d.event.id
}

#[test]
fn an_undo_after_a_change_elsewhere_is_a_conflict_and_keeps_that_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("showcall.db");
    let ev = new_event(&path);
    let (mut a, mut b) = (Store::open(&path).unwrap(), Store::open(&path).unwrap());

    // B edits and may undo that…
    let mut history = History::default();
    let done = b
        .edit(
            &ev,
            &Edit::UpdateEvent {
                fields: fields("Gala (B)", "Acme"),
            },
        )
        .unwrap();
    history.record(done.patch.clone());
    // …until A changes the event.
    a.edit(
        &ev,
        &Edit::UpdateEvent {
            fields: fields("Gala (B)", "Changed by A"),
        },
    )
    .unwrap();

    let e = b.history_step(&ev, &mut history, true).unwrap_err();
    assert_eq!(e.code(), "conflict", "{e}");
    let msg = e.message(Lang::En);
    assert!(
        msg.contains("changed elsewhere") && msg.contains("reload"),
        "{msg}"
    );
    let now = a.load(&ev).unwrap();
    assert_eq!(
        now.event.customer, "Changed by A",
        "A's edit is still there"
    );
    assert_eq!(now.event.name, "Gala (B)");
    assert_eq!(now.event.revision, 2);
    assert!(
        history.can_undo() && !history.can_redo(),
        "the step did not happen"
    );

    // The same check, asked directly with the revision B last saw.
    let e = b
        .replace_if(&done.before, done.after.event.revision)
        .unwrap_err();
    assert_eq!(e.code(), "conflict");
    assert_eq!(a.load(&ev).unwrap().event.customer, "Changed by A");
}

#[test]
fn undo_and_redo_go_through_when_nothing_changed_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("showcall.db");
    let ev = new_event(&path);
    let mut store = Store::open(&path).unwrap();
    let mut history = History::default();
    for name in ["One", "Two"] {
        let done = store
            .edit(
                &ev,
                &Edit::UpdateEvent {
                    fields: fields(name, "Acme"),
                },
            )
            .unwrap();
        history.record(done.patch);
    }
    let undone = store
        .history_step(&ev, &mut history, true)
        .unwrap()
        .unwrap();
    assert_eq!(
        (undone.event.name.as_str(), undone.event.revision),
        ("One", 3)
    );
    let undone = store
        .history_step(&ev, &mut history, true)
        .unwrap()
        .unwrap();
    assert_eq!(undone.event.name, "Test event");
    assert!(store
        .history_step(&ev, &mut history, true)
        .unwrap()
        .is_none());
    let redone = store
        .history_step(&ev, &mut history, false)
        .unwrap()
        .unwrap();
    assert_eq!(
        (redone.event.name.as_str(), redone.event.revision),
        ("One", 5)
    );
    assert_eq!(store.load(&ev).unwrap().event.name, "One");
    // An edit elsewhere between two redos stops the second.
    Store::open(&path)
        .unwrap()
        .edit(
            &ev,
            &Edit::UpdateEvent {
                fields: fields("Elsewhere", "Acme"),
            },
        )
        .unwrap();
    assert_eq!(
        store
            .history_step(&ev, &mut history, false)
            .unwrap_err()
            .code(),
        "conflict"
    );
    assert_eq!(store.load(&ev).unwrap().event.name, "Elsewhere");
}

#[test]
fn two_processes_editing_one_file_at_once_all_succeed() {
    const EACH: usize = 200;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("showcall.db");
    let ev = new_event(&path);
    let started = std::time::Instant::now();
    let workers: Vec<_> = ["A", "B"]
        .into_iter()
        .map(|who| {
            let (path, ev) = (path.clone(), ev.clone());
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                let mut failed = vec![];
                for i in 0..EACH {
                    let edit = Edit::UpdateEvent {
                        fields: fields(&format!("{who} {i}"), who),
                    };
                    if let Err(e) = store.edit(&ev, &edit) {
                        failed.push(format!("{who} {i}: {e}"));
                    }
                }
                failed
            })
        })
        .collect();
    let failed: Vec<String> = workers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    assert_eq!(failed, Vec::<String>::new());
    let revision = Store::open(&path)
        .unwrap()
        .load(&ev)
        .unwrap()
        .event
        .revision;
    assert_eq!(revision, 2 * EACH as i64, "every edit counted once");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

/// A one-segment edit of the conference: its duration becomes `secs`.
fn retime(store: &mut Store, ev: &str, segment: &str, secs: i64) -> showcall_core::Result<i64> {
    let d = store.load(ev)?;
    let g = d.segments.iter().find(|g| g.id == segment).unwrap();
    let edit = Edit::UpdateSegment {
        id: segment.into(),
        fields: showcall_core::edit::SegmentFields {
            kind: g.kind,
            title: g.title.clone(),
            duration_secs: secs,
            presenter_ids: g.presenter_ids.clone(),
            notes: g.notes.clone(),
        },
    };
    Ok(store.edit(ev, &edit)?.after.event.revision)
}

#[test]
fn an_edit_after_a_change_elsewhere_builds_on_that_change() {
    // The store keeps the event it last wrote, to spare reading it back: a change made by
    // another connection in between must be seen, never overwritten by that kept copy.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("showcall.db");
    let mut d = testing::conference(3, 4);
    showcall_core::tasks::sync(&mut d);
    let ev = d.event.id.clone();
    Store::open(&path).unwrap().insert(&d).unwrap();
    let (mut a, mut b) = (Store::open(&path).unwrap(), Store::open(&path).unwrap());
    let (g1, g2) = (d.segments[0].id.clone(), d.segments[5].id.clone());
    retime(&mut a, &ev, &g1, 300).unwrap();
    retime(&mut a, &ev, &g1, 320).unwrap();
    retime(&mut b, &ev, &g2, 400).unwrap();
    let rev = retime(&mut a, &ev, &g1, 340).unwrap();
    let stored = Store::open(&path).unwrap().load(&ev).unwrap();
    let secs = |id: &str| {
        stored
            .segments
            .iter()
            .find(|g| g.id == id)
            .unwrap()
            .duration_secs
    };
    assert_eq!((secs(&g1), secs(&g2)), (340, 400));
    assert_eq!(stored.event.revision, rev);
    assert_eq!(rev, 4);
}

#[test]
fn an_edit_from_a_stale_window_is_a_conflict_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("showcall.db");
    let ev = new_event(&path);
    let (mut a, mut b) = (Store::open(&path).unwrap(), Store::open(&path).unwrap());
    let seen = a.load(&ev).unwrap().event.revision;
    let now = chrono::Utc::now();
    let actor = showcall_core::Actor::Analyst;
    let rename = |name: &str| Edit::UpdateEvent {
        fields: fields(name, "Acme"),
    };
    // Another process renames it; the window, still at `seen`, then edits.
    showcall_core::service::edit(&mut b, actor, now, &ev, rename("Theirs")).unwrap();
    let e = showcall_core::service::edit_seen(&mut a, actor, now, &ev, rename("Mine"), Some(seen))
        .unwrap_err();
    assert_eq!(e.code(), "conflict");
    let msg = e.message(Lang::En);
    assert!(msg.contains(&format!("revision {seen}")), "{msg}");
    assert_eq!(a.load(&ev).unwrap().event.name, "Theirs");
    // Seen as it now stands, the same edit goes through.
    let now_rev = a.load(&ev).unwrap().event.revision;
    let done =
        showcall_core::service::edit_seen(&mut a, actor, now, &ev, rename("Mine"), Some(now_rev))
            .unwrap();
    assert_eq!(done.after.event.name, "Mine");
}
