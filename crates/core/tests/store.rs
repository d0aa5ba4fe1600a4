//! The store on a real SQLite file: reopen and read back, edits as single transactions,
//! refused edits leave the file unchanged, migrations and their backups.

use showcall_core::edit::{Edit, SegmentFields, SessionFields};
use showcall_core::model::{SegmentKind, TaskKind};
use showcall_core::{demo, i18n::Lang, view, Store};

fn session_fields(stage: &str, title: &str, start: &str, end: &str) -> SessionFields {
    SessionFields {
        stage_id: stage.into(),
        title: title.into(),
        start: start.into(),
        end: end.into(),
        livestream: true,
        recording: true,
        vod: false,
        restream: false,
    }
}

fn file_bytes_of_tables(path: &std::path::Path) -> String {
    // A logical dump: every row of every table, so "unchanged" means unchanged data.
    let conn = rusqlite_dump(path);
    conn.join("\n")
}

fn rusqlite_dump(path: &std::path::Path) -> Vec<String> {
    let store = Store::open(path).unwrap();
    let mut out = vec![];
    for e in store.list_events().unwrap() {
        out.push(serde_json::to_string(&store.load(&e.id).unwrap()).unwrap());
    }
    out
}

#[test]
fn an_event_survives_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/showcall.db");
    let demo = demo::event();
    {
        let mut store = Store::open(&path).unwrap();
        store.insert(&demo).unwrap();
    }
    let store = Store::open(&path).unwrap();
    let loaded = store.load(&demo.event.id).unwrap();
    assert_eq!(loaded, demo, "what was written is what is read back");
    assert_eq!(
        store.schema_version().unwrap(),
        showcall_core::store::SCHEMA_VERSION
    );
    let list = store.list_events().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].session_count, 8);
}

#[test]
fn a_refused_edit_leaves_the_database_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("showcall.db");
    let demo = demo::event();
    let stage = demo.stages[0].id.clone();
    Store::open(&path).unwrap().insert(&demo).unwrap();
    let before = file_bytes_of_tables(&path);

    let mut store = Store::open(&path).unwrap();
    let cases = [
        (
            Edit::AddSession {
                fields: session_fields(&stage, "  ", "2027-04-15T17:00", "2027-04-15T18:00"),
            },
            "session.title",
        ),
        (
            Edit::AddSession {
                fields: session_fields(&stage, "Late", "2027-04-15T18:00", "2027-04-15T17:00"),
            },
            "session.end",
        ),
        (
            Edit::AddSession {
                fields: session_fields(&stage, "Late", "yesterday", "2027-04-15T17:00"),
            },
            "session.start",
        ),
        (
            Edit::AddSession {
                fields: session_fields(
                    "no-such-stage",
                    "Late",
                    "2027-04-15T17:00",
                    "2027-04-15T18:00",
                ),
            },
            "session.stageId",
        ),
        (
            Edit::AddSegment {
                session_id: demo.sessions[0].id.clone(),
                position: None,
                fields: SegmentFields {
                    kind: SegmentKind::Other,
                    title: "x".into(),
                    duration_secs: -60,
                    presenter_ids: vec![],
                    notes: String::new(),
                },
            },
            "segment.durationSecs",
        ),
    ];
    for (edit, field) in cases {
        match store.edit(&demo.event.id, &edit) {
            Err(showcall_core::Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected invalid {field}, got {other:?}"),
        }
    }
    let mut fields = showcall_core::edit::EventFields {
        name: "x".into(),
        customer: String::new(),
        time_zone: "Nowhere/City".into(),
        locale: "en".into(),
        kit_purchase_date: String::new(),
        kit_term_months: 12,
        support_budget_minutes: 540,
    };
    let e = store
        .edit(
            &demo.event.id,
            &Edit::UpdateEvent {
                fields: fields.clone(),
            },
        )
        .unwrap_err();
    assert_eq!(
        e.message(Lang::En),
        "Event time zone: unknown time zone “Nowhere/City”"
    );
    fields.time_zone = "UTC".into();
    fields.name = "".into();
    assert!(store
        .edit(&demo.event.id, &Edit::UpdateEvent { fields })
        .is_err());
    drop(store);
    assert_eq!(file_bytes_of_tables(&path), before, "nothing was written");
}

#[test]
fn an_edit_syncs_tasks_and_bumps_the_revision_in_one_step() {
    let mut store = Store::open_in_memory().unwrap();
    let mut d = view::new_event("Gala", "America/Vancouver", "en");
    d.stages.push(showcall_core::model::Stage {
        id: "st".into(),
        event_id: d.event.id.clone(),
        name: "Main".into(),
        position: 0,
    });
    store.insert(&d).unwrap();
    let id = d.event.id.clone();
    store
        .edit(
            &id,
            &Edit::AddSession {
                fields: session_fields("st", "One", "2027-06-01T09:00", "2027-06-01T10:00"),
            },
        )
        .unwrap();
    let after = store
        .edit(
            &id,
            &Edit::AddSession {
                fields: session_fields("st", "Two", "2027-06-01T10:05", "2027-06-01T11:00"),
            },
        )
        .unwrap()
        .after;
    assert_eq!(after.event.revision, 2);
    assert_eq!(
        after.sessions[0].start.to_rfc3339(),
        "2027-06-01T16:00:00+00:00",
        "09:00 in Vancouver (PDT)"
    );
    let train: Vec<_> = after
        .tasks
        .iter()
        .filter(|t| t.kind == TaskKind::TrainClosing)
        .collect();
    assert_eq!(train.len(), 1, "the changeover adds the training task");
    assert_eq!(store.load(&id).unwrap(), *after);
    let findings = showcall_core::rules::check(&after, Lang::En);
    assert!(findings.iter().any(|f| f.code == "closing_training_needed"));
}

#[test]
fn duplicate_and_delete() {
    let mut store = Store::open_in_memory().unwrap();
    let demo = demo::event();
    store.insert(&demo).unwrap();
    let copy = view::duplicate(&demo, "Copy");
    store.insert(&copy).unwrap();
    assert_eq!(store.list_events().unwrap().len(), 2);
    assert_eq!(
        store.load(&copy.event.id).unwrap().segments.len(),
        demo.segments.len()
    );
    assert!(copy
        .sessions
        .iter()
        .all(|s| demo.sessions.iter().all(|o| o.id != s.id)));
    store.delete_event(&demo.event.id).unwrap();
    assert_eq!(store.list_events().unwrap().len(), 1);
    assert_eq!(
        store.load(&copy.event.id).unwrap().sessions.len(),
        8,
        "the copy is untouched"
    );
    assert_eq!(store.find_event("Copy").unwrap(), copy.event.id);
    assert_eq!(store.find_event("nope").unwrap_err().code(), "not_found");
}

#[test]
fn two_events_with_one_name_must_be_named_by_id() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert(&view::new_event("Gala", "UTC", "en")).unwrap();
    store.insert(&view::new_event("Gala", "UTC", "en")).unwrap();
    assert_eq!(store.find_event("Gala").unwrap_err().code(), "conflict");
}

#[test]
fn a_file_from_a_newer_showcall_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("newer.db");
    {
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    assert_eq!(
        Store::open(&newer).err().unwrap().code(),
        "unsupported_version"
    );
}

#[test]
fn settings_round_trip() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.setting("ui.lang").unwrap(), None);
    store.set_setting("ui.lang", "fr-CA").unwrap();
    store.set_setting("ui.lang", "en").unwrap();
    assert_eq!(store.setting("ui.lang").unwrap().as_deref(), Some("en"));
}

#[test]
fn a_cancelled_write_answers_cancelled_and_writes_nothing() {
    use showcall_core::job::Job;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("showcall.db");
    let mut store = Store::open(&path).unwrap();
    let d = demo::event();
    store.insert(&d).unwrap();
    let other = showcall_core::testing::conference(3, 2);
    let cancelled = Job::none();
    cancelled.cancel();
    let before = file_bytes_of_tables(&path);

    let err = store.insert_with(&other, &cancelled).unwrap_err();
    assert_eq!(err.code(), "cancelled", "{err}");
    let mut changed = d.clone();
    changed.event.name = "Renamed".into();
    let err = store
        .replace_if_with(&changed, d.event.revision, &cancelled)
        .unwrap_err();
    assert_eq!(err.code(), "cancelled", "{err}");
    assert_eq!(file_bytes_of_tables(&path), before);

    // Not cancelled, the same writes go through (so the comparison above can see a change).
    store.insert_with(&other, &Job::none()).unwrap();
    store
        .replace_if_with(&changed, d.event.revision, &Job::none())
        .unwrap();
    assert_ne!(file_bytes_of_tables(&path), before);
}

/// An edit copies only the lists it changes: the event as it was and as it is now share the
/// rest (a 2,000-session event's 12,000 tasks are not copied to change one segment), and a
/// change of a session's time copies the tasks whose due instants move.
#[test]
fn an_edit_copies_only_the_lists_it_changes() {
    let mut d = showcall_core::testing::conference(2, 3);
    showcall_core::tasks::sync(&mut d);
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("s.db")).unwrap();
    store.insert(&d).unwrap();
    let ev = d.event.id.clone();
    let kept = store.load_shared(&ev).unwrap();
    let g = kept.segments[1].clone();
    let done = store
        .edit(
            &ev,
            &Edit::UpdateSegment {
                id: g.id.clone(),
                fields: SegmentFields {
                    kind: g.kind,
                    title: "Renamed".into(),
                    duration_secs: i64::from(g.duration_secs),
                    presenter_ids: g.presenter_ids.clone(),
                    notes: g.notes.clone(),
                },
            },
        )
        .unwrap();
    let (was, now) = (&done.before, &done.after);
    assert!(!was.segments.same(&now.segments), "the segments changed");
    assert_eq!(now.segments[1].title, "Renamed");
    assert_eq!(was.segments[1].title, g.title, "the old copy is untouched");
    assert!(
        was.tasks.same(&now.tasks),
        "tasks copied for a segment's title"
    );
    assert!(was.sessions.same(&now.sessions), "sessions copied");
    assert!(was.people.same(&now.people), "people copied");
    assert!(
        std::sync::Arc::ptr_eq(now, &store.load_shared(&ev).unwrap()),
        "the store keeps the edit's own copy"
    );
    // Moving a session moves its tasks: those are copied, and differ.
    let s = now.sessions[0].clone();
    let moved = store
        .edit(
            &ev,
            &Edit::UpdateSession {
                id: s.id.clone(),
                fields: SessionFields {
                    start: (s.start + chrono::Duration::minutes(5)).to_rfc3339(),
                    end: (s.end + chrono::Duration::minutes(5)).to_rfc3339(),
                    ..SessionFields::of(&s)
                },
            },
        )
        .unwrap();
    assert!(!moved.before.tasks.same(&moved.after.tasks));
    assert_ne!(moved.before.tasks, moved.after.tasks);
    assert_eq!(*store.load(&ev).unwrap().tasks, *moved.after.tasks);
}

/// A task marked done is stamped with the clock, which has more than whole seconds: what the
/// edit answers (and the store keeps for the next edit) is what the file holds.
#[test]
fn a_task_done_now_is_kept_as_it_is_stored() {
    use showcall_core::model::{Actor, TaskStatus};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("showcall.db");
    let mut store = Store::open(&path).unwrap();
    let d = demo::event();
    store.insert(&d).unwrap();
    let ev = d.event.id.clone();
    let task = store.load(&ev).unwrap().tasks[0].id.clone();
    let now = chrono::DateTime::parse_from_rfc3339("2027-04-02T10:11:12.345678901Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let edit = Edit::UpdateTask {
        id: task.clone(),
        status: TaskStatus::Done,
        link: String::new(),
        done_by: "Ana".into(),
        done_at: None,
    };
    let done = showcall_core::service::edit(&mut store, Actor::Analyst, now, &ev, edit).unwrap();
    let kept = done
        .after
        .tasks
        .iter()
        .find(|t| t.id == task)
        .unwrap()
        .clone();
    assert_eq!(
        kept.done_at.unwrap().to_rfc3339(),
        "2027-04-02T10:11:12+00:00"
    );
    let read = Store::open(&path).unwrap().load(&ev).unwrap();
    assert_eq!(read, *done.after, "the edit's event is the stored one");
}

/// An edit leaves the tasks in line with the sessions however the edits come: the store skips
/// the task plan when an edit leaves the lists it is made from untouched (a segment's edit),
/// and an edit made by another connection, an undo or a moved session must not fool it.
#[test]
fn after_any_edit_the_stored_tasks_are_in_line() {
    let mut d = showcall_core::testing::conference(3, 4);
    showcall_core::tasks::sync(&mut d);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    let mut other = Store::open(&path).unwrap();
    store.insert(&d).unwrap();
    let ev = d.event.id.clone();
    let mut seed = 7u64;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for step in 0..40 {
        let now = store.load(&ev).unwrap();
        let g = now.segments[next(now.segments.len())].clone();
        let s = now.sessions[next(now.sessions.len())].clone();
        let minutes = [-70, -5, 5, 20, 65][next(5)];
        let retimed = Edit::UpdateSession {
            id: s.id.clone(),
            fields: SessionFields {
                start: (s.start + chrono::Duration::minutes(minutes)).to_rfc3339(),
                end: (s.end + chrono::Duration::minutes(minutes)).to_rfc3339(),
                ..SessionFields::of(&s)
            },
        };
        let resized = Edit::UpdateSegment {
            id: g.id.clone(),
            fields: SegmentFields {
                kind: g.kind,
                title: g.title.clone(),
                duration_secs: 60 * (5 + next(20) as i64),
                presenter_ids: g.presenter_ids.clone(),
                notes: g.notes.clone(),
            },
        };
        let what = next(6);
        match what {
            // Another connection moves a session, then this store edits a segment.
            0 => {
                other.edit(&ev, &retimed).unwrap();
                store.edit(&ev, &resized).unwrap();
            }
            1 => {
                store.edit(&ev, &retimed).unwrap();
            }
            // Undo (a patch back), then a segment's edit.
            2 => {
                let done = store.edit(&ev, &retimed).unwrap();
                let back = showcall_core::history::Patch::between(&done.after, &done.before);
                store
                    .apply_patch(&ev, &back, done.after.event.revision)
                    .unwrap();
                store.edit(&ev, &resized).unwrap();
            }
            3 if now.sessions.len() > 4 => {
                store
                    .edit(&ev, &Edit::DeleteSession { id: s.id.clone() })
                    .unwrap();
            }
            _ => {
                store.edit(&ev, &resized).unwrap();
            }
        }
        for (who, st) in [("this store", &store), ("the other", &other)] {
            let mut stored = st.load(&ev).unwrap();
            assert!(
                !showcall_core::tasks::sync(&mut stored),
                "step {step} (edit {what}): {who} reads tasks out of line"
            );
        }
    }
}
