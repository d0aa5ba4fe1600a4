//! The event day's log in the store: delays, actual times, cue states and sent notifications
//! survive edits of the plan and reopening the file.

use showcall_core::cues::{CueKind, CueState, Phase};
use showcall_core::edit::Edit;
use showcall_core::testing::utc;
use showcall_core::{demo, Store};

fn open_demo(path: &std::path::Path) -> (Store, String) {
    let mut store = Store::open(path).unwrap();
    let d = demo::event();
    store.insert(&d).unwrap();
    (store, d.event.id)
}

#[test]
fn a_delay_shifts_later_cues_and_survives_plan_edits_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("day.db");
    let (mut store, id) = open_demo(&path);
    let before = store.cue_timeline(&id).unwrap();
    let panel_go = |cues: &[showcall_core::cues::Cue]| {
        cues.iter()
            .find(|c| c.kind == CueKind::GoLive && c.session == "Panel : le travail hybride")
            .unwrap()
            .expected
    };
    assert_eq!(panel_go(&before), utc("2027-04-15T13:45:00Z"));

    store
        .add_delay(
            &id,
            "Salle principale",
            None,
            4,
            utc("2027-04-15T13:20:00Z"),
        )
        .unwrap();
    assert_eq!(
        panel_go(&store.cue_timeline(&id).unwrap()),
        utc("2027-04-15T13:49:00Z")
    );

    // Editing the plan rewrites its rows; the day's log is kept.
    let person = store.load(&id).unwrap().people[0].id.clone();
    store.edit(&id, &Edit::DeletePerson { id: person }).unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.day_log(&id).unwrap().delays.len(), 1);
    assert_eq!(
        panel_go(&store.cue_timeline(&id).unwrap()),
        utc("2027-04-15T13:49:00Z")
    );
}

#[test]
fn a_notification_is_recorded_once_and_the_record_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("day.db");
    let (mut store, id) = open_demo(&path);
    let key = store.cue_timeline(&id).unwrap()[0].key.clone();
    assert!(store
        .mark_sent(&id, &key, Phase::Lead, utc("2027-04-15T12:28:00Z"))
        .unwrap());
    assert!(!store
        .mark_sent(&id, &key, Phase::Lead, utc("2027-04-15T12:28:01Z"))
        .unwrap());
    assert!(store
        .mark_sent(&id, &key, Phase::At, utc("2027-04-15T12:30:00Z"))
        .unwrap());
    drop(store);
    let store = Store::open(&path).unwrap();
    let sent = store.sent(&id).unwrap();
    assert!(sent.contains(&(key.clone(), Phase::Lead)) && sent.contains(&(key.clone(), Phase::At)));
    let cue = store
        .cue_timeline(&id)
        .unwrap()
        .into_iter()
        .find(|c| c.key == key)
        .unwrap();
    assert_eq!(cue.state, CueState::Notified);
}

#[test]
fn marking_cues_and_recording_actuals() {
    let mut store = Store::open_in_memory().unwrap();
    let d = demo::event();
    store.insert(&d).unwrap();
    let id = d.event.id.clone();
    let go = store
        .cue_timeline(&id)
        .unwrap()
        .into_iter()
        .find(|c| c.kind == CueKind::GoLive)
        .unwrap();
    store
        .set_cue_state(&id, &go.key, CueState::Done, utc("2027-04-15T13:00:05Z"))
        .unwrap();
    let go_now = store
        .cue_timeline(&id)
        .unwrap()
        .into_iter()
        .find(|c| c.key == go.key)
        .unwrap();
    assert_eq!(go_now.state, CueState::Done);
    assert_eq!(
        store
            .set_cue_state(&id, "nope", CueState::Done, utc("2027-04-15T13:00:05Z"))
            .unwrap_err()
            .code(),
        "not_found"
    );

    store
        .record_actual("Mot d’ouverture", Some(utc("2027-04-15T13:01:00Z")), None)
        .unwrap();
    let end = store
        .cue_timeline(&id)
        .unwrap()
        .into_iter()
        .find(|c| c.kind == CueKind::EndStream && c.session == "Mot d’ouverture")
        .unwrap();
    assert_eq!(end.expected, utc("2027-04-15T13:41:00Z"));
    let e = store
        .record_actual("Mot d’ouverture", None, Some(utc("2027-04-15T12:00:00Z")))
        .unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    assert_eq!(
        store.day_log(&id).unwrap().actuals[0].end,
        None,
        "the refused end was not kept"
    );
    assert_eq!(
        store
            .add_delay(&id, "Nowhere", None, 4, utc("2027-04-15T13:00:00Z"))
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    assert_eq!(
        store
            .add_delay(&id, "Studio B", None, 0, utc("2027-04-15T13:00:00Z"))
            .unwrap_err()
            .code(),
        "invalid_input"
    );
}

#[test]
fn custom_cues_and_the_template_are_part_of_the_plan() {
    use showcall_core::edit::CustomCueFields;
    use showcall_core::model::CueAnchor;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let (mut store, id) = open_demo(&path);
    let data = store.load(&id).unwrap();
    let opening = data.sessions[0].id.clone();
    let keynote = data.segments_of(&opening).nth(2).unwrap().id.clone();
    let fields = CustomCueFields {
        session_id: opening.clone(),
        segment_id: Some(keynote.clone()),
        anchor: CueAnchor::SegmentStart,
        offset_secs: 10,
        kind: CueKind::OverlayOn,
        text: "Lower third: Marc-André Gagnon, CEO".into(),
        lead_secs: 30,
    };
    let added = store
        .edit(
            &id,
            &Edit::AddCustomCue {
                fields: fields.clone(),
            },
        )
        .unwrap();
    let cue_id = added.created.unwrap();
    store
        .edit(
            &id,
            &Edit::SetCueSetting {
                kind: CueKind::AttendeeViewCheck,
                enabled: false,
                lead_secs: 0,
            },
        )
        .unwrap();
    drop(store);

    let mut store = Store::open(&path).unwrap();
    let t = store.cue_timeline(&id).unwrap();
    let overlay = t
        .iter()
        .find(|c| c.key == format!("custom:{cue_id}"))
        .unwrap();
    assert_eq!(overlay.planned, utc("2027-04-15T13:07:10Z"));
    assert!(!t.iter().any(|c| c.kind == CueKind::AttendeeViewCheck));

    // A cue on a segment that is not there is refused, naming the field.
    let bad = CustomCueFields {
        segment_id: Some("nope".into()),
        ..fields
    };
    let e = store
        .edit(&id, &Edit::AddCustomCue { fields: bad })
        .unwrap_err();
    assert_eq!(
        e.message(showcall_core::i18n::Lang::En),
        "Cue segment: “nope” is not part of this event"
    );
    // Deleting the segment takes its cues with it.
    store
        .edit(&id, &Edit::DeleteSegment { id: keynote })
        .unwrap();
    assert!(store.load(&id).unwrap().custom_cues.is_empty());
}
