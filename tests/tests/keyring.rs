//! Stream keys in the OS credential store: a real GNOME Keyring (Secret Service over the test's
//! D-Bus session, unlocked with a throwaway password, its files in a temporary home) holds the
//! key; the database holds only the hint; removing the destination removes the entry.

use showcall_core::edit::{DestinationFields, Edit};
use showcall_core::model::DestinationStatus;
use showcall_core::secrets::{os, KeyStore};
use showcall_core::{demo, Store};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KEY: &str = "live_16180339_GoldenRatioKey";

/// An unlocked gnome-keyring-daemon serving org.freedesktop.secrets on this session bus.
struct Keyring {
    pid: u32,
    _home: tempfile::TempDir,
}

impl Keyring {
    fn start() -> Keyring {
        let home = tempfile::tempdir().unwrap();
        let mut child = Command::new("gnome-keyring-daemon")
            .args([
                "--replace",
                "--unlock",
                "--components=secrets",
                "--daemonize",
            ])
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_RUNTIME_DIR", home.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("gnome-keyring-daemon runs (apt install gnome-keyring)");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"throwaway-test-password")
            .unwrap();
        // With --daemonize the command returns once the daemon runs in the background.
        child.wait_with_output().unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while !os::works() {
            assert!(
                Instant::now() < deadline,
                "the keyring never answered on the session bus"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        // The daemon just started on this private session bus is the newest one.
        let pid = Command::new("pgrep")
            .args(["-n", "gnome-keyring-d"])
            .output()
            .ok()
            .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
            .unwrap_or(0);
        Keyring { pid, _home: home }
    }
}

impl Drop for Keyring {
    fn drop(&mut self) {
        if self.pid != 0 {
            let _ = Command::new("kill").arg(self.pid.to_string()).status();
        }
    }
}

fn contains(dir: &std::path::Path, needle: &str) -> bool {
    std::fs::read_dir(dir).unwrap().flatten().any(|e| {
        std::fs::read(e.path())
            .map(|b| b.windows(needle.len()).any(|w| w == needle.as_bytes()))
            .unwrap_or(false)
    })
}

#[test]
fn a_stream_key_lives_in_the_os_keyring_when_one_works() {
    let _keyring = Keyring::start();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("showcall.db");
    let d = demo::event();
    let ev = d.event.id.clone();
    let mut store = Store::open(&path).unwrap().with_key_store(KeyStore::Auto);
    assert!(
        store.keys_in_os_store(),
        "Auto picks the keyring that answers"
    );
    store.insert(&d).unwrap();
    let id = store
        .edit(
            &ev,
            &Edit::AddDestination {
                fields: DestinationFields {
                    name: "YouTube".into(),
                    preset: "youtube".into(),
                    server_url: "rtmps://a.rtmps.youtube.com:443/live2".into(),
                    backup_url: String::new(),
                    session_ids: vec![],
                    status: DestinationStatus::Received,
                },
            },
        )
        .unwrap()
        .created
        .unwrap();
    store.set_stream_key(&ev, &id, Some(KEY)).unwrap();
    assert_eq!(os::get(&id).unwrap(), KEY, "the keyring holds it");
    let x = store.load(&ev).unwrap().destinations.remove(0);
    assert!(x.has_key && x.key_hint == "oKey");
    assert_eq!(store.stream_key(&id).unwrap().as_deref(), Some(KEY));
    drop(store);
    assert!(
        !contains(dir.path(), KEY),
        "not in the database, not in a file"
    );
    assert!(
        !dir.path().join("showcall.db.secret").exists(),
        "no key file is needed"
    );

    // A copy of the database on this machine still finds it (in the keyring, not the file).
    let mut store = Store::open(&path).unwrap().with_key_store(KeyStore::File);
    assert_eq!(store.stream_key(&id).unwrap().as_deref(), Some(KEY));
    // Deleting the destination deletes the keyring entry.
    store
        .edit(&ev, &Edit::DeleteDestination { id: id.clone() })
        .unwrap();
    assert!(os::get(&id).is_err(), "the keyring entry is gone");
}
