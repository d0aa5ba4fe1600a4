//! An edit answers the window with what changed in its view: applied to the view it shows, the
//! changes give exactly the new view, and on the 2,000-session conference they are small.

use showcall_core::edit::{Edit, SegmentFields, SessionFields};
use showcall_core::i18n::Lang;
use showcall_core::view::{self, EventView, Steps};
use showcall_core::view_changes::{apply_view, EditResult};
use showcall_core::{testing, Actor, EventData, Store};

fn view_of(d: impl Into<std::sync::Arc<EventData>>) -> EventView {
    let now = testing::utc("2027-04-01T12:00:00Z");
    view::build(d, Lang::En, Actor::Analyst, Steps::default(), now)
}

fn json(v: &impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(v).unwrap()
}

fn stored(stages: usize, per_stage: usize) -> (Store, String, EventData) {
    let mut d = testing::conference(stages, per_stage);
    showcall_core::tasks::sync(&mut d);
    let mut store = Store::open_in_memory().unwrap();
    store.insert(&d).unwrap();
    let id = d.event.id.clone();
    let d = store.load(&id).unwrap();
    (store, id, d)
}

/// Applies `edit`, answers as the shell does, and checks the window would get the new view.
fn check(store: &mut Store, id: &str, shown: &EventView, edit: Edit) -> (EventView, usize) {
    let done = store.edit(id, &edit).unwrap();
    let new = view_of(done.after);
    let answer = EditResult::of(Some(shown), &new, done.created);
    assert!(
        answer.view.is_none(),
        "the window showed the version before"
    );
    let changes = answer.changes.as_ref().unwrap();
    assert_eq!(json(&apply_view(shown, changes)), json(&new));
    (new, serde_json::to_vec(&answer).unwrap().len())
}

#[test]
fn the_changes_of_each_edit_give_the_new_view() {
    let (mut store, id, d) = stored(4, 6);
    let mut shown = view_of(d.clone());
    let g = d.segments[3].clone();
    let s = d.sessions[5].clone();
    let edits = vec![
        Edit::UpdateSegment {
            id: g.id.clone(),
            fields: SegmentFields {
                kind: g.kind,
                title: "Retitled".into(),
                duration_secs: 900,
                presenter_ids: vec![],
                notes: "n".into(),
            },
        },
        // Moves a session later on another stage: rows change place in several lists.
        Edit::UpdateSession {
            id: s.id.clone(),
            fields: SessionFields {
                stage_id: d.stages[3].id.clone(),
                title: s.title.clone(),
                start: "2027-05-04T19:00:00Z".into(),
                end: "2027-05-04T19:40:00Z".into(),
                livestream: true,
                recording: false,
                vod: true,
                restream: false,
            },
        },
        Edit::DeleteSession {
            id: d.sessions[0].id.clone(),
        },
    ];
    for edit in edits {
        shown = check(&mut store, &id, &shown, edit).0;
    }
}

#[test]
fn on_the_big_day_a_one_segment_edit_answers_in_kilobytes() {
    let (mut store, id, d) = stored(40, 50);
    let shown = view_of(d.clone());
    let whole = serde_json::to_vec(&shown).unwrap().len();
    let g = d.segments[1234].clone();
    let (_, size) = check(
        &mut store,
        &id,
        &shown,
        Edit::UpdateSegment {
            id: g.id.clone(),
            fields: SegmentFields {
                kind: g.kind,
                title: g.title.clone(),
                duration_secs: 600,
                presenter_ids: g.presenter_ids.clone(),
                notes: g.notes.clone(),
            },
        },
    );
    assert!(whole > 3_000_000, "{whole}");
    assert!(size < 50_000, "answer {size} bytes for a view of {whole}");
}

#[test]
fn a_window_that_shows_an_older_version_gets_the_changes_from_it() {
    // The CLI (or another window) made two edits meanwhile: the window catches up in one step.
    let (mut store, id, d) = stored(2, 3);
    let older = view_of(d.clone());
    let g = d.segments[0].clone();
    let edit = |secs| Edit::UpdateSegment {
        id: g.id.clone(),
        fields: SegmentFields {
            kind: g.kind,
            title: g.title.clone(),
            duration_secs: secs,
            presenter_ids: vec![],
            notes: String::new(),
        },
    };
    store.edit(&id, &edit(300)).unwrap();
    let done = store.edit(&id, &edit(400)).unwrap();
    let new = view_of(done.after);
    let answer = EditResult::of(Some(&older), &new, None);
    let changes = answer.changes.unwrap();
    assert_eq!(changes.from_revision, older.data.event.revision);
    assert_eq!(json(&apply_view(&older, &changes)), json(&new));
    // A window showing no view of this event gets the whole view.
    let other = view_of(testing::conference(1, 1));
    let answer = EditResult::of(Some(&other), &new, None);
    assert!(answer.changes.is_none());
    assert_eq!(json(&answer.view.unwrap()), json(&new));
}

#[test]
fn the_window_gets_a_view_without_tasks_that_shares_everything_else() {
    let (_store, _id, d) = stored(4, 6);
    let full = view_of(d);
    assert!(!full.data.tasks.is_empty(), "the conference has tasks");
    let sent = full.without_tasks();
    assert!(sent.tasks_omitted && !full.tasks_omitted);
    assert!(sent.data.tasks.is_empty());
    // Nothing else is copied: the lists are the view's own.
    assert!(sent.data.sessions.same(&full.data.sessions));
    assert!(sent.data.segments.same(&full.data.segments));
    assert!(sent.data.people.same(&full.data.people));
    // And, tasks aside, the JSON is the same.
    let (mut a, mut b) = (json(&sent), json(&full));
    assert_eq!(a["tasksOmitted"], true);
    assert_eq!(a["data"]["tasks"], serde_json::json!([]));
    for v in [&mut a, &mut b] {
        v["data"]["tasks"] = serde_json::Value::Null;
        v["tasksOmitted"] = serde_json::Value::Null;
    }
    assert_eq!(a, b);
}

/// The analyst's window gets no customer hints (only the customer's Schedule tab shows them),
/// in the whole view and in an edit's changes alike; the customer's window keeps them.
#[test]
fn the_analyst_s_window_gets_the_findings_without_customer_hints() {
    let (mut store, id, d) = stored(4, 6);
    let shown = view_of(d);
    let hinted = |v: &EventView| v.findings.iter().filter(|f| f.customer.is_some()).count();
    assert!(
        hinted(&shown) > 5,
        "the conference's changeovers carry hints"
    );
    let window = shown.for_window(Actor::Analyst);
    assert_eq!(hinted(&window), 0);
    assert_eq!(window.findings.len(), shown.findings.len());
    assert_eq!(
        hinted(&shown.for_window(Actor::Customer)),
        hinted(&shown),
        "the customer keeps them"
    );
    // A moved session changes changeovers (with hints): the changes keep the analyst's window
    // exactly the new view as it would be sent whole.
    let s = shown.data.sessions[1].clone();
    let moved = Edit::UpdateSession {
        id: s.id.clone(),
        fields: SessionFields {
            start: (s.start - chrono::Duration::minutes(10)).to_rfc3339(),
            end: (s.end - chrono::Duration::minutes(10)).to_rfc3339(),
            ..SessionFields::of(&s)
        },
    };
    let done = store.edit(&id, &moved).unwrap();
    let new = view_of(done.after);
    let answer = EditResult::of(Some(&shown), &new, None).for_window(Actor::Analyst);
    let changes = answer.changes.as_ref().unwrap();
    assert!(!changes.findings.is_empty(), "the findings moved");
    let applied = apply_view(&window, changes);
    assert_eq!(hinted(&applied), 0);
    // The tasks aside (the window reads them apart, and holds their splices back meanwhile).
    let (mut a, mut b) = (json(&applied), json(&new.for_window(Actor::Analyst)));
    for v in [&mut a, &mut b] {
        v["data"]["tasks"] = serde_json::Value::Null;
    }
    assert!(a == b, "the changes keep the analyst's window in step");
    assert!(changes
        .findings
        .iter()
        .flat_map(|s| &s.insert)
        .all(|f| f.customer.is_none()));
}
