//! The sealed-key file and the life of stream keys on a real database file: the key file is
//! made whole (never a short file that blocks every key), a damaged one is explained and left
//! alone, and a deleted event takes its keys with it.

use showcall_core::edit::{DestinationFields, Edit};
use showcall_core::i18n::Lang;
use showcall_core::model::DestinationStatus;
use showcall_core::secrets::KeyStore;
use showcall_core::{testing, Store};
use std::path::Path;

const KEY: &str = "live_8675309_QwErTyUiOpAsDf";

/// A store on `dir/showcall.db` (keys sealed in the file) with one event and one destination.
fn store_with_destination(dir: &Path) -> (Store, String, String) {
    let mut store = Store::open(dir.join("showcall.db"))
        .unwrap()
        .with_key_store(KeyStore::File);
    let d = testing::event("UTC");
    let ev = d.event.id.clone();
    store.insert(&d).unwrap();
    let fields = DestinationFields {
        name: "YouTube".into(),
        preset: "custom".into(),
        server_url: "rtmp://127.0.0.1:1935/live".into(),
        backup_url: String::new(),
        session_ids: vec![],
        status: DestinationStatus::Received,
    };
    let id = store
        .edit(&ev, &Edit::AddDestination { fields })
        .unwrap()
        .created
        .unwrap();
    (store, ev, id)
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn an_empty_key_file_is_explained_in_both_languages_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, ev, id) = store_with_destination(dir.path());
    // What a crash between creating the file and writing the key used to leave.
    let secret = dir.path().join("showcall.db.secret");
    std::fs::write(&secret, b"").unwrap();

    let e = store.set_stream_key(&ev, &id, Some(KEY)).unwrap_err();
    assert_eq!(e.code(), "invalid_input", "{e}");
    let (en, fr) = (e.message(Lang::En), e.message(Lang::FrCa));
    let file = secret.display().to_string();
    assert!(en.contains(&file) && fr.contains(&file), "{en} / {fr}");
    assert!(
        en.contains("is empty") && en.contains("cannot be read"),
        "{en}"
    );
    assert!(
        fr.contains("est vide") && fr.contains("ne peuvent pas être lues"),
        "{fr}"
    );
    assert!(!en.contains(KEY) && !fr.contains(KEY));
    assert_eq!(std::fs::read(&secret).unwrap(), b"", "never replaced");
    assert!(!store.load(&ev).unwrap().destinations[0].has_key);

    // A file cut short says how short, on reading too.
    std::fs::write(&secret, [7u8; 5]).unwrap();
    let e = store.set_stream_key(&ev, &id, Some(KEY)).unwrap_err();
    assert!(
        e.message(Lang::En).contains("holds 5 bytes instead of 32"),
        "{}",
        e.message(Lang::En)
    );
    assert_eq!(std::fs::read(&secret).unwrap(), [7u8; 5]);
}

#[test]
fn a_damaged_key_file_is_explained_when_a_sealed_key_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("showcall.db");
    let (ev, id) = {
        let (mut store, ev, id) = store_with_destination(dir.path());
        store.set_stream_key(&ev, &id, Some(KEY)).unwrap();
        (ev, id)
    };
    let secret = dir.path().join("showcall.db.secret");
    std::fs::write(&secret, b"").unwrap();
    let store = Store::open(&path).unwrap().with_key_store(KeyStore::File);
    assert!(store.load(&ev).unwrap().destinations[0].has_key);
    let e = store.stream_key(&id).unwrap_err();
    assert!(
        e.message(Lang::En).contains("cannot be read"),
        "{}",
        e.message(Lang::En)
    );
}

#[test]
fn the_key_file_is_created_whole_owner_only_and_without_leftovers() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, ev, id) = store_with_destination(dir.path());
    let secret = dir.path().join("showcall.db.secret");
    assert!(!secret.exists(), "no key file before the first key");
    store.set_stream_key(&ev, &id, Some(KEY)).unwrap();

    assert_eq!(std::fs::read(&secret).unwrap().len(), 32);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&secret).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let stray: Vec<String> = names(dir.path())
        .into_iter()
        .filter(|n| !n.starts_with("showcall.db"))
        .collect();
    assert_eq!(stray, Vec::<String>::new(), "no temporary file left");
    drop(store);
    let store = Store::open(dir.path().join("showcall.db"))
        .unwrap()
        .with_key_store(KeyStore::File);
    assert_eq!(store.stream_key(&id).unwrap().as_deref(), Some(KEY));
}

#[test]
fn deleting_an_event_deletes_its_sealed_keys_and_tests_only() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, ev, id) = store_with_destination(dir.path());
    store.set_stream_key(&ev, &id, Some(KEY)).unwrap();
    store
        .record_destination_test(
            &ev,
            &id,
            &showcall_core::model::DestinationTest {
                at: chrono::Utc::now(),
                ok: true,
                detail: "connect".into(),
                published: false,
            },
        )
        .unwrap();
    // Another event's key stays.
    let other = testing::event("UTC");
    store.insert(&other).unwrap();
    let fields = DestinationFields {
        name: "Vimeo".into(),
        preset: "custom".into(),
        server_url: "rtmp://127.0.0.1:1935/other".into(),
        backup_url: String::new(),
        session_ids: vec![],
        status: DestinationStatus::Received,
    };
    let kept = store
        .edit(&other.event.id, &Edit::AddDestination { fields })
        .unwrap()
        .created
        .unwrap();
    store
        .set_stream_key(&other.event.id, &kept, Some("live_other_key_0001"))
        .unwrap();

    store.delete_event(&ev).unwrap();

    let raw = rusqlite::Connection::open(dir.path().join("showcall.db")).unwrap();
    let count = |sql: &str, id: &str| -> i64 { raw.query_row(sql, [id], |r| r.get(0)).unwrap() };
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM stream_keys WHERE destination_id = ?1",
            &id
        ),
        0
    );
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM destination_tests WHERE destination_id = ?1",
            &id
        ),
        0
    );
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM stream_keys WHERE destination_id = ?1",
            &kept
        ),
        1
    );
    assert_eq!(store.stream_key(&id).unwrap(), None);
    assert_eq!(
        store.stream_key(&kept).unwrap().as_deref(),
        Some("live_other_key_0001")
    );
}
