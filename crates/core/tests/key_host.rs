//! A stream key belongs to the server it was entered for: when a merged package or an edit moves
//! a destination to another host, the key is not published there until the user confirms it
//! (or enters it again); the refusal names the destination and both hosts, never the key.

use chrono::Utc;
use showcall_core::edit::{DestinationFields, Edit};
use showcall_core::i18n::Lang;
use showcall_core::model::DestinationStatus;
use showcall_core::secrets::KeyStore;
use showcall_core::{testing, Store};
use std::path::Path;

const KEY: &str = "live_8675309_QwErTyUiOpAsDf";

fn fields(url: &str) -> DestinationFields {
    DestinationFields {
        name: "Main CDN".into(),
        preset: "custom".into(),
        server_url: url.into(),
        backup_url: String::new(),
        session_ids: vec![],
        status: DestinationStatus::Received,
    }
}

/// A store on `dir/showcall.db` with one destination on rtmp://a.example/app and its key.
fn setup(dir: &Path) -> (Store, String, String) {
    let mut store = Store::open(dir.join("showcall.db"))
        .unwrap()
        .with_key_store(KeyStore::File);
    let d = testing::event("UTC");
    let ev = d.event.id.clone();
    store.insert(&d).unwrap();
    let id = store
        .edit(
            &ev,
            &Edit::AddDestination {
                fields: fields("rtmp://a.example/app"),
            },
        )
        .unwrap()
        .created
        .unwrap();
    store.set_stream_key(&ev, &id, Some(KEY)).unwrap();
    (store, ev, id)
}

fn move_by_edit(store: &mut Store, ev: &str, id: &str, url: &str) {
    store
        .edit(
            ev,
            &Edit::UpdateDestination {
                id: id.into(),
                fields: fields(url),
            },
        )
        .unwrap();
}

/// What importing a merged handoff package does to the store: the whole event rewritten.
fn move_by_merged_package(store: &mut Store, ev: &str, url: &str) {
    let mut theirs = store.load(ev).unwrap();
    theirs.destinations[0].server_url = url.into();
    store.import_event(&theirs, &theirs, Utc::now()).unwrap();
}

fn assert_refused_naming_both_hosts(store: &Store, ev: &str, id: &str) {
    assert_eq!(
        store.key_host_change(ev, id).unwrap(),
        Some(("a.example".to_string(), "b.example".to_string()))
    );
    let e = store.check_key_host(ev, id).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    let (en, fr) = (e.message(Lang::En), e.message(Lang::FrCa));
    assert!(
        en.contains("“Main CDN”")
            && en.contains("the server changed from a.example to b.example")
            && en.contains("confirm the key for the new server or enter it again"),
        "{en}"
    );
    assert!(
        fr.contains("« Main CDN »") && fr.contains("de a.example à b.example"),
        "{fr}"
    );
    for m in [&en, &fr, &e.to_string(), &format!("{e:?}")] {
        assert!(!m.contains(KEY) && !m.contains("QwErTy"), "{m}");
    }
}

#[test]
fn a_key_is_not_published_to_the_host_a_merged_package_moved_its_destination_to() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, ev, id) = setup(dir.path());
    store.check_key_host(&ev, &id).unwrap();
    move_by_merged_package(&mut store, &ev, "rtmp://b.example/app");
    assert_refused_naming_both_hosts(&store, &ev, &id);
    // The key itself is still there (the user may reveal it, or confirm it).
    assert!(store.load(&ev).unwrap().destinations[0].has_key);

    store.confirm_key_host(&ev, &id).unwrap();
    store.check_key_host(&ev, &id).unwrap();
    assert_eq!(store.key_host_change(&ev, &id).unwrap(), None);
    // Confirmed for b: moving back to a asks again.
    move_by_merged_package(&mut store, &ev, "rtmp://a.example/app");
    assert!(store.check_key_host(&ev, &id).is_err());
}

#[test]
fn a_key_is_not_published_to_the_host_an_edit_moved_its_destination_to() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, ev, id) = setup(dir.path());
    move_by_edit(&mut store, &ev, &id, "rtmp://b.example/app");
    assert_refused_naming_both_hosts(&store, &ev, &id);

    // Entering the key again ties it to the new host.
    store.set_stream_key(&ev, &id, Some(KEY)).unwrap();
    store.check_key_host(&ev, &id).unwrap();
}

#[test]
fn the_same_host_with_another_app_scheme_or_default_port_keeps_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, ev, id) = setup(dir.path());
    for url in [
        "rtmp://A.EXAMPLE/other",
        "rtmp://a.example:1935/app",
        "rtmps://a.example/app",
        "rtmps://a.example:443/live2",
    ] {
        move_by_edit(&mut store, &ev, &id, url);
        store.check_key_host(&ev, &id).unwrap();
    }
    // Another port is another server.
    move_by_edit(&mut store, &ev, &id, "rtmp://a.example:1936/app");
    assert_eq!(
        store.key_host_change(&ev, &id).unwrap(),
        Some(("a.example".to_string(), "a.example:1936".to_string()))
    );
}

#[test]
fn a_key_stored_before_hosts_were_kept_counts_as_entered_for_the_server_of_that_time() {
    let dir = tempfile::tempdir().unwrap();
    let (store, ev, id) = setup(dir.path());
    drop(store);
    // What a database migrated from before the column holds.
    let conn = rusqlite::Connection::open(dir.path().join("showcall.db")).unwrap();
    conn.execute("UPDATE stream_keys SET key_host = NULL", [])
        .unwrap();
    drop(conn);
    let mut store = Store::open(dir.path().join("showcall.db"))
        .unwrap()
        .with_key_store(KeyStore::File);
    // Nothing breaks for an existing user.
    store.check_key_host(&ev, &id).unwrap();
    move_by_edit(&mut store, &ev, &id, "rtmp://a.example/renamed");
    store.check_key_host(&ev, &id).unwrap();
    // But a later move to another host is noticed (the server of that time was recorded).
    move_by_merged_package(&mut store, &ev, "rtmp://b.example/app");
    assert_refused_naming_both_hosts(&store, &ev, &id);
}

#[test]
fn confirming_needs_a_destination_of_the_event_and_a_missing_key_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, ev, id) = setup(dir.path());
    assert_eq!(
        store.confirm_key_host(&ev, "nowhere").unwrap_err().code(),
        "not_found"
    );
    store.set_stream_key(&ev, &id, None).unwrap();
    move_by_edit(&mut store, &ev, &id, "rtmp://b.example/app");
    store.confirm_key_host(&ev, &id).unwrap();
    store.check_key_host(&ev, &id).unwrap();
    assert_eq!(store.key_host_change(&ev, &id).unwrap(), None);
}
