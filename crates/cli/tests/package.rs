//! `showcall export` / `showcall import package` as a user runs them: two databases (the
//! analyst's and the customer's), packages going back and forth, exit codes, and a refused
//! package leaving the database file byte for byte as it was.

use std::path::Path;
use std::process::{Command, Output};

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_showcall"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("SHOWCALL_DB")
        .env("SHOWCALL_KEY_STORE", "file")
        .output()
        .unwrap()
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}\n{}\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const EVENT: &str = "Sommet Boréal 2027";

#[test]
fn packages_go_back_and_forth_and_conflicts_wait_for_a_choice() {
    let dir = tempfile::tempdir().unwrap();
    let analyst = dir.path().join("analyst/showcall.db");
    let customer = dir.path().join("customer/showcall.db");
    let pkg = dir.path().join("out.showcall");
    let pkg = pkg.to_str().unwrap();
    ok(&run(&analyst, &["demo"]));
    assert_eq!(
        ok(&run(&analyst, &["export", EVENT, "--out", pkg])).trim(),
        pkg
    );

    // Dry run into the customer's empty database: says "new", writes nothing.
    let o = ok(&run(&customer, &["import", "package", pkg, "--dry-run"]));
    assert!(o.contains("new here"), "{o}");
    assert!(o.contains("dry run: nothing was imported"), "{o}");
    assert_eq!(ok(&run(&customer, &["events", "--json"])).trim(), "[]");
    let o = ok(&run(&customer, &["import", "package", pkg]));
    assert!(o.contains("(new)"), "{o}");
    assert!(ok(&run(&customer, &["events"])).contains(EVENT));

    // Same package again: identical.
    let o = ok(&run(&customer, &["import", "package", pkg]));
    assert!(o.contains("identical"), "{o}");

    // JSON plan.
    let o = ok(&run(
        &customer,
        &["import", "package", pkg, "--dry-run", "--json"],
    ));
    let v: serde_json::Value = serde_json::from_str(&o).unwrap();
    assert_eq!(v["action"]["kind"], "unchanged");
    assert_eq!(v["eventName"], EVENT);
    assert_eq!(v["madeBy"], "analyst");

    // Both sides retitle the same session: importing the customer's package into the
    // analyst's database lists the conflict, exits 1 and writes nothing until a choice.
    retitle(&customer, "Keynote (customer)");
    retitle(&analyst, "Keynote (analyst)");
    let back = dir.path().join("back.showcall");
    let back = back.to_str().unwrap();
    ok(&run(&customer, &["export", EVENT, "--out", back]));
    let before = std::fs::read(&analyst).unwrap();
    let o = run(&analyst, &["import", "package", back]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    let conflict = out
        .lines()
        .find(|l| l.contains("CONFLICT"))
        .unwrap_or_default();
    assert!(
        conflict.contains("Keynote (customer)") || conflict.contains("title"),
        "{out}"
    );
    assert!(
        conflict.contains("\"Keynote (analyst)\" → \"Keynote (customer)\""),
        "{out}"
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("--ours"));
    assert_eq!(std::fs::read(&analyst).unwrap(), before);

    let out = ok(&run(&analyst, &["import", "package", back, "--theirs"]));
    assert!(out.contains("(merged)"), "{out}");
    let backup = out
        .lines()
        .find_map(|l| l.strip_prefix("backup of the database before: "))
        .unwrap();
    assert!(Path::new(backup).exists());
    let titles = ok(&run(&analyst, &["schedule", EVENT, "--json"]));
    assert!(titles.contains("Keynote (customer)") && !titles.contains("Keynote (analyst)"));
    // Now both hold the same event: the next exchange brings nothing.
    let o = ok(&run(&analyst, &["import", "package", back]));
    assert!(o.contains("identical"), "{o}");
}

/// Retitles the event's first session directly in the database (the CLI edits no sessions).
fn retitle(db: &Path, title: &str) {
    let mut s = showcall_core::Store::open(db).unwrap();
    let ev = s.find_event(EVENT).unwrap();
    let d = s.load(&ev).unwrap();
    let x = &d.sessions[0];
    s.edit(
        &ev,
        &showcall_core::edit::Edit::UpdateSession {
            id: x.id.clone(),
            fields: showcall_core::edit::SessionFields {
                title: title.into(),
                ..showcall_core::edit::SessionFields::of(x)
            },
        },
    )
    .unwrap();
}

#[test]
fn a_refused_package_exits_1_and_leaves_the_database_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("showcall.db");
    ok(&run(&db, &["demo"]));
    let good = dir.path().join("good.showcall");
    ok(&run(
        &db,
        &["export", EVENT, "--out", good.to_str().unwrap()],
    ));
    let bytes = std::fs::read(&good).unwrap();
    let cut = dir.path().join("cut.showcall");
    std::fs::write(&cut, &bytes[..bytes.len() - 40]).unwrap();
    let before = std::fs::read(&db).unwrap();
    let o = run(&db, &["import", "package", cut.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("not a complete zip archive"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);

    // A file that is not there: exit 2, naming it.
    let o = run(&db, &["import", "package", "/nonexistent/x.showcall"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent/x.showcall"));
}

#[test]
fn stream_keys_leave_only_with_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("showcall.db");
    ok(&run(&db, &["demo"]));
    // A destination with a key, through the core (the CLI has no destination editor).
    let key = "sk-live-CLI-0042-abcdef";
    {
        let mut s = showcall_core::Store::open(&db)
            .unwrap()
            .with_key_store(showcall_core::secrets::KeyStore::File);
        let ev = s.find_event(EVENT).unwrap();
        let d = s.load(&ev).unwrap();
        let done = s
            .edit(
                &ev,
                &showcall_core::edit::Edit::AddDestination {
                    fields: showcall_core::edit::DestinationFields {
                        name: "Facebook".into(),
                        preset: "custom".into(),
                        server_url: "rtmps://live-api-s.facebook.com:443/rtmp".into(),
                        backup_url: String::new(),
                        session_ids: vec![d.sessions[0].id.clone()],
                        status: showcall_core::model::DestinationStatus::Received,
                    },
                },
            )
            .unwrap();
        s.set_stream_key(&ev, &done.created.unwrap(), Some(key))
            .unwrap();
    }
    let plain = dir.path().join("plain.showcall");
    let o = run(&db, &["export", EVENT, "--out", plain.to_str().unwrap()]);
    ok(&o);
    assert!(!String::from_utf8_lossy(&o.stderr).contains(key));
    let with = dir.path().join("with.showcall");
    let o = run(
        &db,
        &[
            "export",
            EVENT,
            "--out",
            with.to_str().unwrap(),
            "--include-stream-keys",
        ],
    );
    ok(&o);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("1 stream key(s) included"), "{err}");
    assert!(!err.contains(key));

    let unzip = |p: &Path| -> Vec<u8> {
        let mut z = zip::ZipArchive::new(std::fs::File::open(p).unwrap()).unwrap();
        let mut all = Vec::new();
        for i in 0..z.len() {
            std::io::Read::read_to_end(&mut z.by_index(i).unwrap(), &mut all).unwrap();
        }
        all
    };
    let has = |b: &[u8]| b.windows(key.len()).any(|w| w == key.as_bytes());
    assert!(!has(&unzip(&plain)));
    assert!(has(&unzip(&with)));

    // Into a second database: the key arrives; the dry run's output never shows it.
    let other = dir.path().join("other/showcall.db");
    let o = run(
        &other,
        &[
            "import",
            "package",
            with.to_str().unwrap(),
            "--dry-run",
            "--json",
        ],
    );
    let out = ok(&o);
    assert!(!out.contains(key) && !String::from_utf8_lossy(&o.stderr).contains(key));
    let out = ok(&run(&other, &["import", "package", with.to_str().unwrap()]));
    assert!(out.contains("stream keys stored: 1"), "{out}");
    let s = showcall_core::Store::open(&other)
        .unwrap()
        .with_key_store(showcall_core::secrets::KeyStore::File);
    let ev = s.find_event(EVENT).unwrap();
    let dest = s.load(&ev).unwrap().destinations[0].id.clone();
    assert_eq!(s.stream_key(&dest).unwrap().as_deref(), Some(key));
}

#[test]
fn runsheet_writes_the_format_its_extension_names() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("showcall.db");
    ok(&run(&db, &["demo"]));
    for (ext, magic) in [
        ("pdf", &b"%PDF-"[..]),
        ("xlsx", b"PK\x03\x04"),
        ("csv", b"\xef\xbb\xbf"),
    ] {
        let out = dir.path().join(format!("ros.{ext}"));
        let printed = ok(&run(
            &db,
            &[
                "--lang",
                "fr-CA",
                "runsheet",
                EVENT,
                "--out",
                out.to_str().unwrap(),
            ],
        ));
        assert_eq!(printed.trim(), out.to_str().unwrap());
        assert!(std::fs::read(&out).unwrap().starts_with(magic), "{ext}");
    }
    let csv = std::fs::read_to_string(dir.path().join("ros.csv")).unwrap();
    assert!(csv.contains("Début"), "French headers with --lang fr-CA");
    let o = run(
        &db,
        &[
            "runsheet",
            EVENT,
            "--out",
            dir.path().join("ros.docx").to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains(".pdf, .xlsx or .csv"));
}
