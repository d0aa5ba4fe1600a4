//! `showcall rtmp …` on a real database: the connection test's exit codes, JSON contract and
//! recorded result; the destinations sheet read back with an HTML parser; keys never printed.

use serde_json::Value;
use showcall_core::edit::{DestinationFields, Edit};
use showcall_core::model::DestinationStatus;
use showcall_core::Store;
use std::path::Path;
use std::process::{Command, Output};

// The real nginx-rtmp ingest (with its TLS front) the rtmp crate's tests use.
#[path = "../../rtmp/tests/harness/mod.rs"]
mod harness;

const KEY: &str = "live_31415926_PiEsDeLiCiOuS";

fn showcall(db: &Path, args: &[&str]) -> Output {
    showcall_env(db, args, &[])
}

fn showcall_env(db: &Path, args: &[&str], env: &[(&str, &Path)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_showcall"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("SHOWCALL_DB")
        .envs(env.iter().map(|(k, v)| (*k, v.as_os_str())))
        .output()
        .expect("showcall runs")
}

/// A database with the demo event and one destination (with a key) on `url`.
fn setup(db: &Path, url: &str) -> (String, String) {
    let mut store = Store::open(db).unwrap();
    let d = showcall_core::demo::event();
    store.insert(&d).unwrap();
    let ev = d.event.id.clone();
    let id = store
        .edit(
            &ev,
            &Edit::AddDestination {
                fields: DestinationFields {
                    name: "Loopback <CDN>".into(),
                    preset: "custom".into(),
                    server_url: url.into(),
                    backup_url: String::new(),
                    session_ids: vec![d.sessions[0].id.clone()],
                    status: DestinationStatus::Received,
                },
            },
        )
        .unwrap()
        .created
        .unwrap();
    store.set_stream_key(&ev, &id, Some(KEY)).unwrap();
    (ev, id)
}

fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

#[test]
fn a_failed_test_exits_1_prints_the_contract_and_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let url = format!("rtmp://127.0.0.1:{}/live", closed_port());
    let (ev, id) = setup(&db, &url);
    let o = showcall(&db, &["rtmp", "test", "Loopback <CDN>", "--json"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["ok"], false);
    let stages = v["stages"].as_array().unwrap();
    assert_eq!(stages[0]["stage"], "resolve");
    let keys: Vec<&String> = stages[1].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["detail", "ms", "ok", "stage"]);
    assert_eq!(
        (stages[1]["stage"].as_str(), stages[1]["ok"].as_bool()),
        (Some("tcp"), Some(false))
    );
    assert!(stages[1]["detail"].as_str().unwrap().contains("refused"));

    let store = Store::open(&db).unwrap();
    let x = store.load(&ev).unwrap().destinations.remove(0);
    assert_eq!(x.id, id);
    let t = x.last_test.expect("the result is recorded");
    assert!(
        !t.ok && t.detail.starts_with("tcp: connection refused"),
        "{}",
        t.detail
    );

    // Publishing goes through the same path; the key never shows in what is printed.
    let o = showcall(&db, &["rtmp", "test", &id, "--publish"]);
    assert_eq!(o.status.code(), Some(1));
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!all.contains(KEY) && all.contains("✗ tcp"), "{all}");
}

#[test]
fn usage_errors_exit_2_with_the_reason_and_never_echo_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let o = showcall(&db, &["rtmp", "test"]);
    assert_eq!(o.status.code(), Some(2));
    let o = showcall(&db, &["rtmp", "test", "--url", "https://example.com/live"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("rtmp:// or rtmps://"));
    let o = showcall(
        &db,
        &[
            "rtmp",
            "test",
            "--url",
            "rtmp://127.0.0.1/live",
            "--publish",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--key-file"));
    let keyfile = dir.path().join("key.txt");
    std::fs::write(&keyfile, "abc\u{200B}def-secret\n").unwrap();
    let o = showcall(
        &db,
        &[
            "rtmp",
            "test",
            "--url",
            "rtmp://127.0.0.1/live",
            "--key-file",
            keyfile.to_str().unwrap(),
            "--publish",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("invisible character (zero-width space, U+200B) at character 4"),
        "{err}"
    );
    assert!(!err.contains("def-secret"), "{err}");
    let o = showcall(&db, &["rtmp", "test", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Destination not found: nope"));
}

#[test]
fn the_destinations_sheet_is_valid_html_without_keys() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    setup(&db, "rtmps://a.rtmps.youtube.com:443/live2");
    let out = dir.path().join("sheet.html");
    let o = showcall(
        &db,
        &[
            "--lang",
            "fr-CA",
            "rtmp",
            "sheet",
            "Sommet Boréal 2027",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        !html.contains(KEY) && !html.contains("31415926"),
        "no key in the sheet"
    );
    let doc = scraper::Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "parse errors: {:?}", doc.errors);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let sections: Vec<_> = doc.select(&sel("section.destination")).collect();
    assert_eq!(sections.len(), 1);
    let h2: String = sections[0]
        .select(&sel("h2"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(h2, "Loopback <CDN>");
    let text: String = sections[0].text().collect();
    assert!(
        text.contains("rtmps://a.rtmps.youtube.com:443/live2"),
        "{text}"
    );
    // The key is on file but nothing of it is printed, not even its last four characters.
    assert!(text.contains("reçue (non imprimée)"), "{text}");
    assert!(!text.contains("iOuS"), "{text}");
    assert!(
        text.contains("Mot d’ouverture (2027-04-15 09:00 – 2027-04-15 09:40)"),
        "{text}"
    );
    assert!(text.contains("non testée"), "{text}");
}

#[test]
fn against_a_real_ingest_the_right_key_publishes_and_a_wrong_one_is_refused() {
    let nginx = harness::Nginx::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let good = dir.path().join("good.key");
    std::fs::write(&good, format!("{}\n", harness::RIGHT_KEY)).unwrap();
    let bad = dir.path().join("bad.key");
    std::fs::write(&bad, KEY).unwrap();
    let url = nginx.rtmp_url("live");

    let o = showcall(&db, &["rtmp", "test", "--url", &url, "--json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let names: Vec<&str> = v["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["stage"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["resolve", "tcp", "handshake", "connect"]);

    let args = |k: &Path| {
        vec![
            "rtmp".to_string(),
            "test".into(),
            "--url".into(),
            url.clone(),
            "--key-file".into(),
            k.display().to_string(),
            "--publish".into(),
        ]
    };
    let o = Command::new(env!("CARGO_BIN_EXE_showcall"))
        .arg("--db")
        .arg(&db)
        .args(args(&good))
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("✓ publish"));
    let o = Command::new(env!("CARGO_BIN_EXE_showcall"))
        .arg("--db")
        .arg(&db)
        .args(args(&bad))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("✗ publish") && out.contains("stream key rejected"),
        "{out}"
    );
    assert!(!out.contains(KEY), "{out}");

    // A destination whose key is the right one: tested through publish, recorded as such.
    let (ev, id) = setup(&db, &url);
    let mut store = Store::open(&db).unwrap();
    store
        .set_stream_key(&ev, &id, Some(harness::RIGHT_KEY))
        .unwrap();
    drop(store);
    let o = showcall(&db, &["rtmp", "test", &id, "--publish"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let t = Store::open(&db).unwrap().load(&ev).unwrap().destinations[0]
        .last_test
        .clone()
        .unwrap();
    assert!(t.ok && t.published && t.detail == "publish OK", "{t:?}");

    // rtmps through the TLS front, trusting its certificate the way the OS store is extended.
    let o = showcall_env(
        &db,
        &[
            "rtmp",
            "test",
            "--url",
            &nginx.rtmps_url("localhost", "live"),
        ],
        &[("SSL_CERT_FILE", &nginx.path("cert.pem"))],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("✓ tls"));
    let o = showcall(
        &db,
        &[
            "rtmp",
            "test",
            "--url",
            &nginx.rtmps_url("localhost", "live"),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "an untrusted certificate fails");
}
