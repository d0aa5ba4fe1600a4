//! Handoff packages on real files, the way people use them: a real SQLite database, real zips
//! read back with the zip crate's reader; round trips, stream keys, merges and attached files.

use chrono::Utc;
use showcall_core::demo;
use showcall_core::edit::Edit;
use showcall_core::i18n::Lang;
use showcall_core::merge::{Pick, Resolution};
use showcall_core::store::Store;
use showcall_exchange::import::{self, Action};
use showcall_exchange::read::{self, Limits};
use showcall_exchange::write::{self};
use showcall_exchange::{Error, MadeBy};
use std::path::PathBuf;

#[path = "common/package.rs"]
mod common;
use common::*;

#[test]
fn export_import_export_gives_the_same_event_data() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = store(dir.path(), "a");
    let ev = seeded(&mut a);
    let first = dir.path().join("first.showcall");
    let w = write::export(&mut a, &ev, &first, &opts(false)).unwrap();
    assert_eq!(w.stream_keys, 0);

    let names: Vec<String> = entries(&first).into_iter().map(|(n, _)| n).collect();
    for n in [
        "manifest.json",
        "event.json",
        "calendar.ics",
        "destinations.html",
    ] {
        assert!(names.iter().any(|x| x == n), "{n} missing from {names:?}");
    }
    // The key is nowhere in the package, compressed or not.
    let raw = std::fs::read(&first).unwrap();
    assert!(!contains(&raw, KEY));
    for (n, b) in entries(&first) {
        assert!(!contains(&b, KEY), "key found in {n}");
    }

    let mut b = store(dir.path(), "b");
    let opened = read::open(&first, None, &Limits::default()).unwrap();
    let plan = import::plan(&b, &opened).unwrap();
    assert_eq!(plan.action, Action::New);
    assert_eq!(plan.sessions as usize, demo::event().sessions.len());
    let done = import::apply(&mut b, &opened, &Resolution::default(), Utc::now()).unwrap();
    assert!(done.created);
    let second = dir.path().join("second.showcall");
    write::export(&mut b, &ev, &second, &opts(false)).unwrap();
    assert_eq!(event_json(&first), event_json(&second));

    // Importing it again changes nothing.
    let opened = read::open(&second, None, &Limits::default()).unwrap();
    assert_eq!(import::plan(&b, &opened).unwrap().action, Action::Unchanged);
}

#[test]
fn stream_keys_travel_only_when_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = store(dir.path(), "a");
    let ev = seeded(&mut a);
    let pkg = dir.path().join("keys.showcall");
    let w = write::export(&mut a, &ev, &pkg, &opts(true)).unwrap();
    assert_eq!(w.stream_keys, 1);
    let all = entries(&pkg);
    let holders: Vec<&str> = all
        .iter()
        .filter(|(_, b)| contains(b, KEY))
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(holders, ["secrets/stream-keys.json"]);
    let opened = read::open(&pkg, None, &Limits::default()).unwrap();
    assert!(!format!("{opened:?}").contains(KEY));
    let mut b = store(dir.path(), "b");
    let done = import::apply(&mut b, &opened, &Resolution::default(), Utc::now()).unwrap();
    assert_eq!(done.stream_keys_set, 1);
    let dest = b.load(&ev).unwrap().destinations[0].clone();
    assert!(dest.has_key);
    assert_eq!(b.stream_key(&dest.id).unwrap().as_deref(), Some(KEY));
}

#[test]
fn a_round_trip_between_two_machines_merges_and_asks_about_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let mut analyst = store(dir.path(), "analyst");
    let ev = seeded(&mut analyst);
    let out = dir.path().join("to-customer.showcall");
    write::export(&mut analyst, &ev, &out, &opts(false)).unwrap();
    let mut customer = store(dir.path(), "customer");
    let p = read::open(&out, None, &Limits::default()).unwrap();
    import::apply(&mut customer, &p, &Resolution::default(), Utc::now()).unwrap();

    // Both change the same session's title: a conflict, nothing written until chosen.
    rename_first_session(&mut customer, &ev, "Customer's title");
    rename_first_session(&mut analyst, &ev, "Analyst's title");
    let back = dir.path().join("to-analyst.showcall");
    write::export(&mut customer, &ev, &back, &opts(false)).unwrap();
    let p = read::open(&back, None, &Limits::default()).unwrap();
    let plan = import::plan(&analyst, &p).unwrap();
    let Action::Merge { preview } = &plan.action else {
        panic!("{plan:?}")
    };
    assert!(preview.has_base);
    assert_eq!(preview.conflicts(), 1, "{preview:#?}");
    let db = analyst.path().unwrap().to_path_buf();
    let before = std::fs::read(&db).unwrap();
    let err = import::apply(&mut analyst, &p, &Resolution::default(), Utc::now()).unwrap_err();
    assert!(err.to_string().contains("conflict"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "a refused merge wrote");

    let p = read::open(&back, None, &Limits::default()).unwrap();
    let take = Resolution {
        conflicts: Some(Pick::Theirs),
        ..Default::default()
    };
    let done = import::apply(&mut analyst, &p, &take, Utc::now()).unwrap();
    let backup = PathBuf::from(done.backup.unwrap());
    assert!(backup.exists());
    // The backup is the database as it was: the analyst's title.
    let old = Store::open(&backup).unwrap().load(&ev).unwrap();
    assert!(old.sessions.iter().any(|s| s.title == "Analyst's title"));
    let now = analyst.load(&ev).unwrap();
    assert!(now.sessions.iter().any(|s| s.title == "Customer's title"));
    // The analyst's key stays: the package had none.
    assert!(now.destinations[0].has_key);
}

#[test]
fn an_older_event_file_without_later_fields_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = good(dir.path());
    let ev = files.iter_mut().find(|(n, _)| n == "event.json").unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(&ev.1).unwrap();
    let e = v["event"].as_object_mut().unwrap();
    for later in ["customCues", "cueSettings", "destinations"] {
        e.remove(later);
    }
    for s in e["sessions"].as_array_mut().unwrap() {
        s.as_object_mut().unwrap().remove("restream");
    }
    ev.1 = serde_json::to_vec(&v).unwrap();
    relist(&mut files, |_| {});
    let p = dir.path().join("old.showcall");
    zip_of(&p, &files);
    let opened = read::open(&p, None, &Limits::default()).unwrap();
    assert!(opened.data.destinations.is_empty());
    assert_eq!(opened.data.sessions.len(), demo::event().sessions.len());
}

#[test]
fn attached_files_are_streamed_in_and_out_by_hash() {
    let dir = tempfile::tempdir().unwrap();
    let asset = dir.path().join("logo.bin");
    let bytes: Vec<u8> = (0..3_000_000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&asset, &bytes).unwrap();
    let hash = sha(&bytes);
    let d = demo::event();
    let head = write::Head {
        made_by: MadeBy::Customer,
        created_at: Utc::now(),
    };
    let p = dir.path().join("assets.showcall");
    let attach = [write::Attachment {
        sha256: hash.clone(),
        path: asset.clone(),
    }];
    write::write_package(&p, &head, &d, &[], &attach, None).unwrap();
    let mut target = store(dir.path(), "t");
    let files_dir = showcall_exchange::files_dir(&target).unwrap();
    let opened = read::open(&p, files_dir.parent(), &Limits::default()).unwrap();
    assert_eq!(import::plan(&target, &opened).unwrap().files, 1);
    let done = import::apply(&mut target, &opened, &Resolution::default(), Utc::now()).unwrap();
    assert_eq!(done.files_added, 1);
    let kept = read::blob_path(&files_dir, &hash);
    assert_eq!(std::fs::read(kept).unwrap(), bytes);

    // A file that changed since it was attached is not exported under the old hash.
    std::fs::write(&asset, b"changed").unwrap();
    let err =
        write::write_package(&p.with_extension("2"), &head, &d, &[], &attach, None).unwrap_err();
    assert!(matches!(err, Error::HashMismatch { .. }), "{err}");
    assert!(
        !p.with_extension("2").exists(),
        "a partial package was left"
    );
}

/// The customer attaches a background in customer-lead mode and sends a package: the analyst
/// gets the item's status, its check report and the file itself, byte for byte.
#[test]
fn branding_files_travel_with_the_package() {
    use showcall_core::branding::{AssetKind, AssetStatus};
    let dir = tempfile::tempdir().unwrap();
    let mut customer = store(dir.path(), "customer");
    let ev = seeded(&mut customer);
    let db = customer.path().unwrap().to_path_buf();
    let bg = customer
        .load(&ev)
        .unwrap()
        .brand_items
        .into_iter()
        .find(|i| i.kind == AssetKind::Background)
        .unwrap();
    // A PNG header for 1920×1080 with its IEND: complete and the right size for the checks.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend_from_slice(&1920u32.to_be_bytes());
    png.extend_from_slice(&1080u32.to_be_bytes());
    png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    png.extend_from_slice(b"\0\0\0\0IEND\xae\x42\x60\x82");
    let src = dir.path().join("fond.png");
    std::fs::write(&src, &png).unwrap();
    let file = showcall_core::store::store_file(
        &showcall_core::paths::files_dir(&db),
        &src,
        AssetKind::Background,
        &bg.spec,
        "Customer lead",
        Utc::now(),
        Lang::FrCa,
    )
    .unwrap();
    assert!(file.report.ok(), "{:?}", file.report.checks);
    customer
        .edit(
            &ev,
            &Edit::AttachBrandFile {
                id: bg.id.clone(),
                file: file.clone(),
                lang: Lang::FrCa,
            },
        )
        .unwrap();
    let pkg = dir.path().join("from-customer.showcall");
    let w = write::export(&mut customer, &ev, &pkg, &opts(false)).unwrap();
    let names: Vec<String> = entries(&pkg).into_iter().map(|(n, _)| n).collect();
    assert!(
        names.contains(&format!("files/{}", file.sha256)),
        "{names:?}"
    );
    assert!(w.files >= 2);

    let mut analyst = store(dir.path(), "analyst");
    let staging = dir.path().join("analyst");
    let opened = read::open(&pkg, Some(&staging), &Limits::default()).unwrap();
    import::apply(&mut analyst, &opened, &Resolution::default(), Utc::now()).unwrap();
    let got = analyst.load(&ev).unwrap();
    let item = got.brand_items.iter().find(|i| i.id == bg.id).unwrap();
    assert_eq!(item.status, AssetStatus::Received);
    assert_eq!(item.files, vec![file.clone()]);
    let kept = showcall_core::paths::blob_path(
        &showcall_core::paths::files_dir(analyst.path().unwrap()),
        &file.sha256,
    );
    assert_eq!(std::fs::read(kept).unwrap(), png);
}
