//! `showcall rtmp test DEST --publish` does not send a stream key to a server other than the one
//! it was entered for (a merged package or an edit moved the destination) unless told so with
//! `--confirm-new-host`, which records the new server for the key.

use showcall_core::edit::{DestinationFields, Edit};
use showcall_core::model::DestinationStatus;
use showcall_core::Store;
use std::path::Path;
use std::process::{Command, Output};

const KEY: &str = "live_16180339_GoLdEnRaTiO";

fn showcall(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_showcall"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("SHOWCALL_DB")
        .output()
        .expect("showcall runs")
}

fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

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

/// A destination whose key was entered for `localhost:PORT`, then moved to `127.0.0.1:PORT` by
/// a merged package (the import rewrites the event). Returns the port and the event id.
fn moved_destination(db: &Path) -> (u16, String) {
    let port = closed_port();
    let mut store = Store::open(db).unwrap();
    let d = showcall_core::demo::event();
    store.insert(&d).unwrap();
    let ev = d.event.id.clone();
    let id = store
        .edit(
            &ev,
            &Edit::AddDestination {
                fields: fields(&format!("rtmp://localhost:{port}/live")),
            },
        )
        .unwrap()
        .created
        .unwrap();
    store.set_stream_key(&ev, &id, Some(KEY)).unwrap();
    let mut theirs = store.load(&ev).unwrap();
    let x = theirs.destinations.iter_mut().find(|x| x.id == id).unwrap();
    x.server_url = format!("rtmp://127.0.0.1:{port}/live");
    store
        .import_event(&theirs, &theirs, chrono::Utc::now())
        .unwrap();
    (port, ev)
}

fn last_test_recorded(db: &Path, ev: &str) -> bool {
    let store = Store::open(db).unwrap();
    store.load(ev).unwrap().destinations[0].last_test.is_some()
}

#[test]
fn publishing_to_a_moved_server_is_refused_with_exit_2_naming_both_hosts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let (port, ev) = moved_destination(&db);
    let o = showcall(&db, &["rtmp", "test", "Main CDN", "--publish"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "the server changed from localhost:{port} to 127.0.0.1:{port}"
        )) && err.contains("“Main CDN”")
            && err.contains("confirm the key for the new server or enter it again"),
        "{err}"
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!err.contains(KEY) && !out.contains(KEY));
    assert!(out.is_empty(), "nothing tested: {out}");
    assert!(
        !last_test_recorded(&db, &ev),
        "nothing tested, nothing recorded"
    );

    // In French too.
    let o = showcall(
        &db,
        &["--lang", "fr-CA", "rtmp", "test", "Main CDN", "--publish"],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("de localhost:{port} à 127.0.0.1:{port}")),
        "{err}"
    );

    // Connecting only sends no key: tested (the port is closed: exit 1), not refused.
    let o = showcall(&db, &["rtmp", "test", "Main CDN"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn confirm_new_host_lets_the_key_be_published_there_from_then_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let (_, ev) = moved_destination(&db);
    let o = showcall(
        &db,
        &[
            "rtmp",
            "test",
            "Main CDN",
            "--publish",
            "--confirm-new-host",
        ],
    );
    // Tested (the port is closed: the test fails with 1), not refused.
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(last_test_recorded(&db, &ev));
    // Recorded: the next publish test is not asked again.
    let o = showcall(&db, &["rtmp", "test", "Main CDN", "--publish"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // The flag only goes with a destination.
    let o = showcall(
        &db,
        &[
            "rtmp",
            "test",
            "--url",
            "rtmp://127.0.0.1/live",
            "--confirm-new-host",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
}
