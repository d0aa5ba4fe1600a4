use super::*;

const NEXT: &str = "ALTER TABLE settings ADD COLUMN note TEXT NOT NULL DEFAULT '';";

#[test]
fn an_older_file_is_backed_up_before_each_migration_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("showcall.db");
    let mut conn = Connection::open(&path).unwrap();
    upgrade(&mut conn, Some(&path), &MIGRATIONS[..1]).unwrap();
    conn.execute(
        "INSERT INTO settings (key, value) VALUES ('ui.lang', 'fr-CA')",
        [],
    )
    .unwrap();
    upgrade(
        &mut conn,
        Some(&path),
        &[MIGRATIONS[0], NEXT, "CREATE TABLE x (y INTEGER);"],
    )
    .unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 3);
    assert!(
        dir.path().join("showcall.db.v2.bak").exists(),
        "one backup per step"
    );
    let note: String = conn
        .query_row("SELECT note FROM settings WHERE key = 'ui.lang'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(note, "");

    let backup = Connection::open(dir.path().join("showcall.db.v1.bak")).unwrap();
    let v1: i64 = backup
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let lang: String = backup
        .query_row(
            "SELECT value FROM settings WHERE key = 'ui.lang'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        (v1, lang.as_str()),
        (1, "fr-CA"),
        "the backup is the file as it was"
    );
}

#[test]
fn a_new_file_needs_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    Store::open(&path).unwrap();
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".bak"))
        .collect();
    assert!(files.is_empty(), "{files:?}");
}

/// Stream keys kept in the OS store: the store's `os_forget` is pointed at a watcher that
/// notes each id it is asked to remove and whether, at that moment, another connection to
/// the file already sees no `os` row for it (the transaction that dropped it committed).
mod os_keys {
    use super::super::*;
    use crate::edit::{DestinationFields, Edit};
    use crate::model::DestinationStatus;
    use std::cell::RefCell;

    thread_local! {
        static DB: RefCell<Option<PathBuf>> = const { RefCell::new(None) };
        static FORGOTTEN: RefCell<Vec<(String, bool)>> = const { RefCell::new(Vec::new()) };
    }

    fn watch(id: &str) -> Result<()> {
        let path = DB.with(|d| d.borrow().clone()).expect("db path");
        let other = Connection::open(path)?;
        let rows: i64 = other.query_row(
            "SELECT COUNT(*) FROM stream_keys WHERE destination_id = ?1 AND place = 'os'",
            [id],
            |r| r.get(0),
        )?;
        FORGOTTEN.with(|f| f.borrow_mut().push((id.to_string(), rows == 0)));
        Ok(())
    }

    fn forgotten() -> Vec<(String, bool)> {
        FORGOTTEN.with(|f| f.borrow().clone())
    }

    /// A store on a file whose event has one destination with a key in the OS store (the
    /// row as `set_stream_key` writes it; no keyring needed).
    fn store_with_os_key(dir: &Path) -> (Store, String, String) {
        let path = dir.join("showcall.db");
        DB.with(|d| *d.borrow_mut() = Some(path.clone()));
        FORGOTTEN.with(|f| f.borrow_mut().clear());
        let mut store = Store::open(&path)
            .unwrap()
            .with_key_store(keys::KeyStore::File);
        store.os_forget = watch;
        let d = crate::testing::event("UTC");
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
        store
            .conn
            .execute(
                "INSERT INTO stream_keys (destination_id, event_id, nonce, sealed, hint, place)
                 VALUES (?1, ?2, x'', x'', 'AsDf', 'os')",
                [&id, &ev],
            )
            .unwrap();
        (store, ev, id)
    }

    #[test]
    fn a_removed_destination_s_os_key_is_deleted_only_after_the_edit_commits() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, ev, id) = store_with_os_key(dir.path());
        store
            .edit(&ev, &Edit::DeleteDestination { id: id.clone() })
            .unwrap();
        assert_eq!(forgotten(), [(id, true)]);
    }

    #[test]
    fn a_failed_edit_leaves_the_os_key_and_its_destination() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, ev, id) = store_with_os_key(dir.path());
        // The transaction fails at the last step of tidying (dropping the key rows).
        store
            .conn
            .execute_batch(
                "CREATE TEMP TRIGGER fail BEFORE DELETE ON stream_keys
                 BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
            )
            .unwrap();
        let e = store
            .edit(&ev, &Edit::DeleteDestination { id: id.clone() })
            .unwrap_err();
        assert_eq!(e.code(), "db", "{e}");
        assert_eq!(forgotten(), [], "no key leaves the OS store");
        let d = store.load(&ev).unwrap();
        assert!(d.destinations.iter().any(|x| x.id == id && x.has_key));
    }

    #[test]
    fn deleting_an_event_deletes_its_os_keys_after_the_commit() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, ev, id) = store_with_os_key(dir.path());
        store.delete_event(&ev).unwrap();
        assert_eq!(forgotten(), [(id, true)]);
        assert!(!store.has_event(&ev).unwrap());
    }

    #[test]
    fn a_failed_event_deletion_keeps_its_os_keys() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, ev, _) = store_with_os_key(dir.path());
        store
            .conn
            .execute_batch(
                "CREATE TEMP TRIGGER fail BEFORE DELETE ON events
                 BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
            )
            .unwrap();
        store.delete_event(&ev).unwrap_err();
        assert_eq!(forgotten(), []);
        assert!(store.has_event(&ev).unwrap());
    }

    #[test]
    fn a_key_moved_from_the_os_store_or_removed_leaves_it_after_the_commit() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, ev, id) = store_with_os_key(dir.path());
        // Sealed in the file now (the store writes new keys there): the OS copy goes.
        store
            .set_stream_key(&ev, &id, Some("live_1234567890_abcdef"))
            .unwrap();
        assert_eq!(forgotten(), [(id.clone(), true)]);
        assert_eq!(
            store.stream_key(&id).unwrap().as_deref(),
            Some("live_1234567890_abcdef")
        );
        // Back in the OS store (as the row says), then removed.
        store
            .conn
            .execute(
                "UPDATE stream_keys SET place = 'os' WHERE destination_id = ?1",
                [&id],
            )
            .unwrap();
        store.set_stream_key(&ev, &id, None).unwrap();
        assert_eq!(forgotten(), [(id.clone(), true), (id, true)]);
    }
}
