//! RTMP destinations on a real SQLite file: edits with field errors, stream keys sealed apart
//! (never in the database in clear), tests forgotten when the address or key changes.

use showcall_core::edit::{DestinationFields, Edit};
use showcall_core::i18n::Lang;
use showcall_core::model::{DestinationStatus, DestinationTest};
use showcall_core::secrets::KeyStore;
use showcall_core::{demo, Store};

const KEY: &str = "live_8675309_QwErTyUiOpAsDf";

fn fields(name: &str, url: &str, sessions: Vec<String>) -> DestinationFields {
    DestinationFields {
        name: name.into(),
        preset: "custom".into(),
        server_url: url.into(),
        backup_url: String::new(),
        session_ids: sessions,
        status: DestinationStatus::Received,
    }
}

fn raw_bytes_contain(dir: &std::path::Path, needle: &str) -> Vec<String> {
    let mut hits = vec![];
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let bytes = std::fs::read(e.path()).unwrap();
        if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
            hits.push(e.file_name().to_string_lossy().into_owned());
        }
    }
    hits
}

#[test]
fn a_destination_keeps_its_key_sealed_and_its_test_until_the_address_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("showcall.db");
    let d = demo::event();
    let ev = d.event.id.clone();
    let keynote = d.sessions[0].id.clone();
    let id = {
        // The sealed file (the OS store has its own test, with a real keyring daemon).
        let mut store = Store::open(&path).unwrap().with_key_store(KeyStore::File);
        store.insert(&d).unwrap();
        let done = store
            .edit(
                &ev,
                &Edit::AddDestination {
                    fields: fields(
                        "YouTube",
                        "rtmp://127.0.0.1:1935/live",
                        vec![keynote.clone()],
                    ),
                },
            )
            .unwrap();
        let id = done.created.unwrap();
        store.set_stream_key(&ev, &id, Some(KEY)).unwrap();
        store
            .record_destination_test(
                &ev,
                &id,
                &DestinationTest {
                    at: chrono::Utc::now(),
                    ok: true,
                    detail: "connect".into(),
                    published: false,
                },
            )
            .unwrap();
        id
    };
    // Reopened: key and test are there; the key only in sealed form on disk.
    let store = Store::open(&path).unwrap().with_key_store(KeyStore::File);
    let x = store.load(&ev).unwrap().destinations[0].clone();
    assert!(x.has_key && x.key_hint == "AsDf" && x.last_test.is_some());
    assert_eq!(store.stream_key(&id).unwrap().as_deref(), Some(KEY));
    // (WAL checkpoint so the main file holds everything.)
    drop(store);
    assert_eq!(raw_bytes_contain(dir.path(), KEY), Vec::<String>::new());
    assert_eq!(
        raw_bytes_contain(dir.path(), "8675309"),
        Vec::<String>::new()
    );
    let mut store = Store::open(&path).unwrap().with_key_store(KeyStore::File);

    // Renaming keeps key and test; a new address forgets the test (it proved another one).
    store
        .edit(
            &ev,
            &Edit::UpdateDestination {
                id: id.clone(),
                fields: fields(
                    "YouTube main",
                    "rtmp://127.0.0.1:1935/live",
                    vec![keynote.clone()],
                ),
            },
        )
        .unwrap();
    let x = store.load(&ev).unwrap().destinations[0].clone();
    assert!(x.has_key && x.last_test.is_some());
    let after = store
        .edit(
            &ev,
            &Edit::UpdateDestination {
                id: id.clone(),
                fields: fields("YouTube main", "rtmp://127.0.0.1:1936/live", vec![keynote]),
            },
        )
        .unwrap()
        .after;
    assert!(after.destinations[0].has_key && after.destinations[0].last_test.is_none());

    // A database copied without its key file says so instead of streaming garbage.
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::copy(&path, elsewhere.path().join("showcall.db")).unwrap();
    let copy = Store::open(elsewhere.path().join("showcall.db"))
        .unwrap()
        .with_key_store(KeyStore::File);
    let e = copy.stream_key(&id).unwrap_err();
    assert!(
        e.message(Lang::En).contains(".secret file"),
        "{}",
        e.message(Lang::En)
    );
    assert!(!e.message(Lang::En).contains(KEY));

    // Deleting the destination deletes its key.
    store
        .edit(&ev, &Edit::DeleteDestination { id: id.clone() })
        .unwrap();
    assert_eq!(store.stream_key(&id).unwrap(), None);
}

#[test]
fn bad_destinations_and_keys_are_refused_by_field_and_change_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let d = demo::event();
    let ev = d.event.id.clone();
    store.insert(&d).unwrap();
    let before = store.load(&ev).unwrap();
    let refuse = |store: &mut Store, f: DestinationFields| {
        store
            .edit(&ev, &Edit::AddDestination { fields: f })
            .unwrap_err()
            .payload(Lang::En)
    };
    let e = refuse(
        &mut store,
        fields(
            "YT",
            &format!("rtmps://a.rtmps.youtube.com/live2/{KEY}"),
            vec![],
        ),
    );
    assert_eq!(e.field.as_deref(), Some("destination.serverUrl"));
    assert!(
        e.message.contains("stream key") && !e.message.contains(KEY),
        "{}",
        e.message
    );
    let e = refuse(&mut store, fields("YT", "http://example.com/live", vec![]));
    assert_eq!(
        e.message,
        "Server URL: must start with rtmp:// or rtmps://, not http://"
    );
    let e = refuse(&mut store, fields(" ", "rtmp://example.com/live", vec![]));
    assert_eq!(e.field.as_deref(), Some("destination.name"));
    let e = refuse(
        &mut store,
        fields("X", "rtmp://example.com/live", vec!["nope".into()]),
    );
    assert_eq!(e.field.as_deref(), Some("destination.sessionIds"));
    let mut f = fields("X", "rtmp://example.com/live", vec![]);
    f.preset = "myspace".into();
    assert_eq!(
        refuse(&mut store, f).field.as_deref(),
        Some("destination.preset")
    );
    assert_eq!(store.load(&ev).unwrap(), before, "nothing changed");

    let id = store
        .edit(
            &ev,
            &Edit::AddDestination {
                fields: fields("CDN", "rtmp://example.com/live", vec![]),
            },
        )
        .unwrap()
        .created
        .unwrap();
    let e = store
        .set_stream_key(&ev, &id, Some("abc\u{200B}def"))
        .unwrap_err();
    assert_eq!(
        e.message(Lang::FrCa),
        "Clé de diffusion : contient un caractère invisible (zero-width space, U+200B) au caractère 4"
    );
    assert_eq!(store.stream_key(&id).unwrap(), None);
    assert!(store.set_stream_key(&ev, "nope", Some("abcdef")).is_err());
}

#[test]
fn deleting_a_session_takes_it_off_its_destinations() {
    let mut store = Store::open_in_memory().unwrap();
    let d = demo::event();
    let ev = d.event.id.clone();
    let s = d.sessions[0].id.clone();
    store.insert(&d).unwrap();
    store
        .edit(
            &ev,
            &Edit::AddDestination {
                fields: fields("CDN", "rtmp://example.com/live", vec![s.clone()]),
            },
        )
        .unwrap();
    let after = store
        .edit(&ev, &Edit::DeleteSession { id: s })
        .unwrap()
        .after;
    assert!(after.destinations[0].session_ids.is_empty());
}
