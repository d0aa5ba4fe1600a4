//! `showcall share …` run as a user would, on a real database file.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn showcall(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_showcall"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("SHOWCALL_DB")
        .output()
        .expect("showcall runs")
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn share_on_off_links_and_revoke_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    ok(&showcall(&db, &["demo"]));
    let links: Value =
        serde_json::from_str(&ok(&showcall(&db, &["share", "links", "--json"]))).unwrap();
    assert_eq!(links, serde_json::json!([]));

    // A bad address is refused by name, and nothing is switched on.
    let o = showcall(&db, &["share", "on", "--bind", "venue-wifi"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("venue-wifi") && err.contains("IP"), "{err}");
    let store = showcall_core::Store::open(&db).unwrap();
    assert!(!store.share_settings().unwrap().on);

    ok(&showcall(
        &db,
        &["share", "on", "--bind", "127.0.0.1", "--port", "9123"],
    ));
    let s = store.share_settings().unwrap();
    assert!(s.on);
    assert_eq!((s.bind.as_str(), s.port), ("127.0.0.1", 9123));

    let out = ok(&showcall(
        &db,
        &[
            "share",
            "link",
            "Sommet Boréal 2027",
            "--view",
            "speaker-timer",
            "--stage",
            "Studio B",
            "--json",
        ],
    ));
    let made: Value = serde_json::from_str(&out).unwrap();
    let token = made["token"].as_str().unwrap().to_string();
    assert_eq!(token.len(), 40);
    assert_eq!(made["link"]["view"], "speaker-timer");
    assert_eq!(made["link"]["control"], false);
    assert_eq!(
        made["urls"][0],
        format!("http://127.0.0.1:9123/v/speaker-timer?token={token}")
    );
    // Plain output: the URL alone, for a script to hand on.
    let plain = ok(&showcall(
        &db,
        &[
            "share",
            "link",
            "Sommet Boréal 2027",
            "--view",
            "clock",
            "--control",
        ],
    ));
    assert!(
        plain
            .trim()
            .starts_with("http://127.0.0.1:9123/v/clock?token="),
        "{plain}"
    );
    let unknown = showcall(
        &db,
        &[
            "share",
            "link",
            "Sommet Boréal 2027",
            "--view",
            "stage",
            "--stage",
            "Nowhere",
        ],
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("Nowhere"));

    // The list never shows a token.
    let list = ok(&showcall(&db, &["share", "links"]));
    assert!(!list.contains(&token));
    assert_eq!(list.lines().count(), 2);
    let out = ok(&showcall(&db, &["share", "revoke", &token]));
    assert!(out.contains("revoked"));
    let links: Value =
        serde_json::from_str(&ok(&showcall(&db, &["share", "links", "--json"]))).unwrap();
    let revoked: Vec<bool> = links
        .as_array()
        .unwrap()
        .iter()
        .map(|l| !l["revoked"].is_null())
        .collect();
    assert_eq!(revoked, [true, false]);
    assert!(ok(&showcall(&db, &["share", "revoke", "--all"])).starts_with("1 link"));
    let o = showcall(&db, &["share", "revoke", "0123456789abcdef"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("0123456789abcdef"));

    // OSC feedback for the event: a bad target is named; a good one is kept, and removed.
    let o = showcall(
        &db,
        &[
            "share",
            "feedback",
            "Sommet Boréal 2027",
            "--osc",
            "deck.local:12321",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("deck.local"));
    ok(&showcall(
        &db,
        &[
            "share",
            "feedback",
            "Sommet Boréal 2027",
            "--osc",
            "127.0.0.1:12321",
        ],
    ));
    let s = store.share_settings().unwrap();
    assert_eq!(s.feedback.len(), 1);
    assert_eq!(s.feedback[0].to, "127.0.0.1:12321");
    // Or an HTTP POST; one target per event, the last one kept.
    ok(&showcall(
        &db,
        &[
            "share",
            "feedback",
            "Sommet Boréal 2027",
            "--http",
            "http://127.0.0.1:8000/deck",
        ],
    ));
    let s = store.share_settings().unwrap();
    assert_eq!(s.feedback.len(), 1);
    assert_eq!(s.feedback[0].to, "http://127.0.0.1:8000/deck");
    ok(&showcall(
        &db,
        &["share", "feedback", "Sommet Boréal 2027", "--off"],
    ));
    assert!(store.share_settings().unwrap().feedback.is_empty());

    ok(&showcall(&db, &["share", "off"]));
    let s = store.share_settings().unwrap();
    assert!(!s.on);
    assert_eq!(s.port, 9123, "the port is kept for next time");
}
