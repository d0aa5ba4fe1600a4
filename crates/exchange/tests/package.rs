//! Handoff packages on real files: a real SQLite database, real zips read back with the zip
//! crate's reader and, for hostile packages, zips built byte by byte.

use chrono::Utc;
use showcall_core::demo;
use showcall_core::edit::{DestinationFields, Edit};
use showcall_core::i18n::Lang;
use showcall_core::merge::{Pick, Resolution};
use showcall_core::model::DestinationStatus;
use showcall_core::secrets::KeyStore;
use showcall_core::store::Store;
use showcall_exchange::import::{self, Action};
use showcall_exchange::read::{self, Limits};
use showcall_exchange::write::{self, Options};
use showcall_exchange::{Error, MadeBy};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

const KEY: &str = "live_8k2p-Zq4r-77xy-secretkey";

fn opts(include_stream_keys: bool) -> Options {
    Options {
        made_by: MadeBy::Analyst,
        include_stream_keys,
        lang: Lang::En,
        now: Utc::now(),
    }
}

fn store(dir: &Path, name: &str) -> Store {
    Store::open(dir.join(name).join("showcall.db"))
        .unwrap()
        .with_key_store(KeyStore::File)
}

/// A demo event with a destination whose key is stored; returns the event id.
fn seeded(s: &mut Store) -> String {
    let d = demo::event();
    let ev = d.event.id.clone();
    s.insert(&d).unwrap();
    let done = s
        .edit(
            &ev,
            &Edit::AddDestination {
                fields: DestinationFields {
                    name: "YouTube".into(),
                    preset: "custom".into(),
                    server_url: "rtmp://127.0.0.1:1935/live".into(),
                    backup_url: String::new(),
                    session_ids: vec![d.sessions[0].id.clone()],
                    status: DestinationStatus::Received,
                },
            },
        )
        .unwrap();
    s.set_stream_key(&ev, &done.created.unwrap(), Some(KEY))
        .unwrap();
    ev
}

fn entries(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut b = Vec::new();
            f.read_to_end(&mut b).unwrap();
            (f.name().unwrap().to_string(), b)
        })
        .collect()
}

fn event_json(path: &Path) -> serde_json::Value {
    let (_, b) = entries(path)
        .into_iter()
        .find(|(n, _)| n == "event.json")
        .unwrap();
    serde_json::from_slice(&b).unwrap()
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

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

fn rename_first_session(s: &mut Store, ev: &str, title: &str) {
    let d = s.load(ev).unwrap();
    let x = &d.sessions[0];
    s.edit(
        ev,
        &Edit::UpdateSession {
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

// ---- Hostile and damaged packages -------------------------------------------------------

/// A zip written byte by byte: names, kinds and sizes the zip crate's writer refuses to make.
struct RawEntry {
    name: String,
    data: Vec<u8>,
    deflate: bool,
    declared: Option<u32>,
    mode: u32,
}

fn raw(name: &str, data: &[u8]) -> RawEntry {
    RawEntry {
        name: name.into(),
        data: data.to_vec(),
        deflate: false,
        declared: None,
        mode: 0o100644,
    }
}

fn raw_zip(path: &Path, entries: &[RawEntry]) {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let crc = crc32fast::hash(&e.data);
        let body = if e.deflate {
            let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
            z.write_all(&e.data).unwrap();
            z.finish().unwrap()
        } else {
            e.data.clone()
        };
        let usize_ = e.declared.unwrap_or(e.data.len() as u32);
        let method: u16 = if e.deflate { 8 } else { 0 };
        let offset = out.len() as u32;
        let common = |v: &mut Vec<u8>| {
            v.extend(20u16.to_le_bytes());
            v.extend(0u16.to_le_bytes());
            v.extend(method.to_le_bytes());
            v.extend(0u32.to_le_bytes()); // time, date
            v.extend(crc.to_le_bytes());
            v.extend((body.len() as u32).to_le_bytes());
            v.extend(usize_.to_le_bytes());
            v.extend((e.name.len() as u16).to_le_bytes());
            v.extend(0u16.to_le_bytes()); // extra
        };
        out.extend(0x04034b50u32.to_le_bytes());
        common(&mut out);
        out.extend(e.name.as_bytes());
        out.extend(&body);
        central.extend(0x02014b50u32.to_le_bytes());
        central.extend((3u16 << 8 | 20).to_le_bytes());
        common(&mut central);
        central.extend(0u16.to_le_bytes()); // comment
        central.extend(0u16.to_le_bytes()); // disk
        central.extend(0u16.to_le_bytes()); // internal attributes
        central.extend((e.mode << 16).to_le_bytes());
        central.extend(offset.to_le_bytes());
        central.extend(e.name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend(&central);
    out.extend(0x06054b50u32.to_le_bytes());
    out.extend(0u32.to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    std::fs::write(path, out).unwrap();
}

/// A good package's entries, to be altered.
fn good(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut a = store(dir, "src");
    let ev = seeded(&mut a);
    let p = dir.join("good.showcall");
    write::export(&mut a, &ev, &p, &opts(false)).unwrap();
    entries(&p)
}

fn sha(b: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(b)
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect()
}

/// Rewrites the manifest so that it lists `files` exactly as they are (a consistent package).
fn relist(files: &mut [(String, Vec<u8>)], edit_manifest: impl Fn(&mut serde_json::Value)) {
    let mi = files
        .iter()
        .position(|(n, _)| n == "manifest.json")
        .unwrap();
    let mut m: serde_json::Value = serde_json::from_slice(&files[mi].1).unwrap();
    let listed: Vec<serde_json::Value> = files
        .iter()
        .filter(|(n, _)| n != "manifest.json")
        .map(|(n, b)| {
            let role = if n == "event.json" {
                "data"
            } else {
                "companion"
            };
            serde_json::json!({"path": n, "sha256": sha(b), "size": b.len(), "role": role})
        })
        .collect();
    m["files"] = serde_json::Value::Array(listed);
    edit_manifest(&mut m);
    files[mi].1 = serde_json::to_vec(&m).unwrap();
}

fn zip_of(path: &Path, files: &[(String, Vec<u8>)]) {
    let e: Vec<RawEntry> = files.iter().map(|(n, b)| raw(n, b)).collect();
    raw_zip(path, &e);
}

/// Refuses `pkg` — both the verification alone and the CLI-free import path — and leaves the
/// database file byte for byte as it was.
fn refused(dir: &Path, pkg: &Path) -> Error {
    let mut s = store(dir, "target");
    let ev = demo::event();
    if !s.has_event(&ev.event.id).unwrap() {
        s.insert(&ev).unwrap();
    }
    let db = s.path().unwrap().to_path_buf();
    drop(s);
    let before = std::fs::read(&db).unwrap();
    let err = read::open(pkg, Some(dir), &Limits::default()).unwrap_err();
    assert_eq!(std::fs::read(&db).unwrap(), before);
    // Nothing staged is left behind.
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".incoming"))
        .collect();
    assert!(left.is_empty());
    err
}

#[test]
fn zip_slip_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = good(dir.path());
    for bad in ["../../x", "/tmp/showcall-x", "files/../../../x"] {
        files.push((bad.to_string(), b"boo".to_vec()));
        let p = dir.path().join("slip.showcall");
        zip_of(&p, &files);
        let e = refused(dir.path(), &p);
        assert!(matches!(e, Error::UnsafeName { .. }), "{bad}: {e}");
        assert!(e.to_string().contains(bad), "{e}");
        files.pop();
    }
    assert!(!dir.path().parent().unwrap().join("x").exists());
}

#[test]
fn a_symlink_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let files = good(dir.path());
    let mut e: Vec<RawEntry> = files.iter().map(|(n, b)| raw(n, b)).collect();
    let mut link = raw("files/link", b"/etc/passwd");
    link.mode = 0o120777;
    e.push(link);
    let p = dir.path().join("link.showcall");
    raw_zip(&p, &e);
    let err = refused(dir.path(), &p);
    assert!(
        matches!(err, Error::Symlink(ref n) if n == "files/link"),
        "{err}"
    );
}

#[test]
fn a_zip_bomb_is_refused_declared_or_actual() {
    let dir = tempfile::tempdir().unwrap();
    let files = good(dir.path());
    // Huge declared expansion: 1 MiB of zeros said to be 4 GB.
    let mut e: Vec<RawEntry> = files.iter().map(|(n, b)| raw(n, b)).collect();
    let mut bomb = raw("bomb.csv", &vec![0u8; 1 << 20]);
    bomb.deflate = true;
    bomb.declared = Some(u32::MAX - 1);
    e.push(bomb);
    let p = dir.path().join("declared.showcall");
    raw_zip(&p, &e);
    let err = refused(dir.path(), &p);
    assert!(err.to_string().contains("zip bomb"), "{err}");

    // Actual expansion, honestly declared and listed: 64 MiB of zeros in ~64 KB.
    let mut files = files;
    files.push(("notes.txt".into(), vec![0u8; 64 << 20]));
    relist(&mut files, |_| {});
    let mut e: Vec<RawEntry> = files.iter().map(|(n, b)| raw(n, b)).collect();
    e.last_mut().unwrap().deflate = true;
    // manifest.json is not last here: the bomb is; keep the manifest where relist put it.
    let bomb = e.iter_mut().find(|x| x.name == "notes.txt").unwrap();
    bomb.deflate = true;
    let p = dir.path().join("actual.showcall");
    raw_zip(&p, &e);
    let size = std::fs::metadata(&p).unwrap().len();
    assert!(size < 1 << 20, "the bomb is tiny ({size} bytes)");
    let err = refused(dir.path(), &p);
    assert!(
        matches!(err, Error::TooLarge { ref name, .. } if name == "notes.txt"),
        "{err}"
    );

    // Expanding past what it declares (small enough to pass the ratio check).
    let mut e: Vec<RawEntry> = files
        .iter()
        .filter(|(n, _)| n != "notes.txt")
        .map(|(n, b)| raw(n, b))
        .collect();
    let mut liar = raw("calendar.ics", &vec![b'A'; 200_000]);
    liar.deflate = true;
    liar.declared = Some(100);
    e.retain(|x| x.name != "calendar.ics");
    e.push(liar);
    let p = dir.path().join("liar.showcall");
    raw_zip(&p, &e);
    let err = refused(dir.path(), &p);
    assert!(err.to_string().contains("calendar.ics"), "{err}");
}

#[test]
fn duplicate_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = good(dir.path());
    let ev = files
        .iter()
        .find(|(n, _)| n == "event.json")
        .unwrap()
        .clone();
    files.insert(0, ev);
    let p = dir.path().join("dup.showcall");
    zip_of(&p, &files);
    let err = refused(dir.path(), &p);
    assert!(matches!(err, Error::Duplicate(_)), "{err}");
}

#[test]
fn a_changed_file_a_missing_file_and_an_unlisted_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let files = good(dir.path());
    let p = dir.path().join("bad.showcall");

    let mut changed = files.clone();
    let ev = changed.iter_mut().find(|(n, _)| n == "event.json").unwrap();
    let text = String::from_utf8(ev.1.clone()).unwrap();
    let title = &demo::event().sessions[0].title;
    ev.1 = text.replacen(title.as_str(), "Tampered", 1).into_bytes();
    // Same length or not, the hash tells.
    zip_of(&p, &changed);
    let err = refused(dir.path(), &p);
    assert!(
        matches!(err, Error::HashMismatch { ref name, .. } | Error::SizeMismatch { ref name, .. } if name == "event.json"),
        "{err}"
    );

    let missing: Vec<_> = files
        .iter()
        .filter(|(n, _)| n != "calendar.ics")
        .cloned()
        .collect();
    zip_of(&p, &missing);
    let err = refused(dir.path(), &p);
    assert!(
        matches!(err, Error::Missing(ref n) if n == "calendar.ics"),
        "{err}"
    );

    let mut extra = files.clone();
    extra.push(("readme.txt".into(), b"hello".to_vec()));
    zip_of(&p, &extra);
    let err = refused(dir.path(), &p);
    assert!(
        matches!(err, Error::Unlisted(ref n) if n == "readme.txt"),
        "{err}"
    );
}

#[test]
fn a_truncated_zip_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = store(dir.path(), "src");
    let ev = seeded(&mut a);
    let p = dir.path().join("whole.showcall");
    write::export(&mut a, &ev, &p, &opts(false)).unwrap();
    let bytes = std::fs::read(&p).unwrap();
    for cut in [bytes.len() / 2, bytes.len() - 10, 3] {
        let t = dir.path().join("cut.showcall");
        std::fs::write(&t, &bytes[..cut]).unwrap();
        let err = refused(dir.path(), &t);
        assert!(matches!(err, Error::NotAZip(..)), "cut at {cut}: {err}");
        assert!(err.to_string().contains("not a complete zip"), "{err}");
    }
}

#[test]
fn json_with_wrong_types_names_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = good(dir.path());
    let ev = files.iter_mut().find(|(n, _)| n == "event.json").unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(&ev.1).unwrap();
    v["event"]["sessions"][1]["start"] = serde_json::json!(12);
    ev.1 = serde_json::to_vec(&v).unwrap();
    relist(&mut files, |_| {});
    let p = dir.path().join("types.showcall");
    zip_of(&p, &files);
    let err = refused(dir.path(), &p);
    let msg = err.to_string();
    assert!(
        msg.starts_with("event.json: event.sessions[1].start:"),
        "{msg}"
    );
}

#[test]
fn future_versions_are_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let files = good(dir.path());
    let p = dir.path().join("future.showcall");

    let mut f = files.clone();
    relist(&mut f, |m| m["formatVersion"] = serde_json::json!(7));
    zip_of(&p, &f);
    let err = refused(dir.path(), &p);
    assert!(
        err.to_string()
            .contains("newer Showcall (package format version 7)"),
        "{err}"
    );

    let mut f = files.clone();
    let ev = f.iter_mut().find(|(n, _)| n == "event.json").unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(&ev.1).unwrap();
    v["dataVersion"] = serde_json::json!(3);
    ev.1 = serde_json::to_vec(&v).unwrap();
    relist(&mut f, |_| {});
    zip_of(&p, &f);
    let err = refused(dir.path(), &p);
    assert!(err.to_string().contains("event data version 3"), "{err}");
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

// ---- Codes and messages in both languages ------------------------------------------------

/// Every message of `err`, in both languages and in the UI's payload.
fn all_messages(err: &Error) -> Vec<String> {
    let mut out = vec![err.to_string()];
    for lang in [Lang::En, Lang::FrCa] {
        out.push(err.message(lang));
        out.push(err.payload(lang).message);
    }
    out
}

#[test]
fn a_refused_package_says_so_in_french_with_the_file_and_code_package() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = good(dir.path());
    let ev = files.iter_mut().find(|(n, _)| n == "event.json").unwrap();
    ev.1.extend(b" ");
    let p = dir.path().join("changed.showcall");
    zip_of(&p, &files);
    let err = refused(dir.path(), &p);
    assert_eq!(err.code(), "package");
    let fr = err.payload(Lang::FrCa);
    assert_eq!((fr.code.as_str(), fr.field), ("package", None));
    assert!(fr.message.starts_with("event.json : "), "{}", fr.message);
    assert!(
        fr.message.ends_with("; rien n’a été importé"),
        "{}",
        fr.message
    );
    assert_eq!(err.payload(Lang::En).message, err.to_string());

    let mut f = good(dir.path());
    relist(&mut f, |m| m["formatVersion"] = serde_json::json!(7));
    zip_of(&p, &f);
    let err = refused(dir.path(), &p);
    assert!(
        err.message(Lang::FrCa)
            .contains("version plus récente de Showcall (format de paquet, version 7)"),
        "{}",
        err.message(Lang::FrCa)
    );
}

#[test]
fn a_wrong_type_in_event_json_names_the_place_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = good(dir.path());
    let ev = files.iter_mut().find(|(n, _)| n == "event.json").unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(&ev.1).unwrap();
    v["event"]["sessions"][1]["start"] = serde_json::json!(12);
    ev.1 = serde_json::to_vec(&v).unwrap();
    relist(&mut files, |_| {});
    let p = dir.path().join("types.showcall");
    zip_of(&p, &files);
    let err = refused(dir.path(), &p);
    let fr = err.message(Lang::FrCa);
    assert!(
        fr.starts_with("event.json : event.sessions[1].start : type invalide : entier `12`"),
        "{fr}"
    );
}

/// A key file whose content has the wrong shape: serde would quote the refused value (the
/// key); the message names the file and the place, never the value.
#[test]
fn a_malformed_stream_key_file_never_echoes_the_key() {
    let echoed =
        serde_json::from_str::<std::collections::BTreeMap<String, String>>(&format!("\"{KEY}\""))
            .unwrap_err();
    assert!(echoed.to_string().contains(KEY), "serde no longer quotes");

    let dir = tempfile::tempdir().unwrap();
    let mut a = store(dir.path(), "src");
    let ev = seeded(&mut a);
    let pkg = dir.path().join("keys.showcall");
    write::export(&mut a, &ev, &pkg, &opts(true)).unwrap();
    for bad in [
        serde_json::json!(KEY),
        serde_json::json!({"dest": [KEY]}),
        serde_json::json!({"dest": {"key": KEY}}),
    ] {
        let mut files = entries(&pkg);
        let keys = files
            .iter_mut()
            .find(|(n, _)| n == "secrets/stream-keys.json")
            .unwrap();
        keys.1 = serde_json::to_vec(&bad).unwrap();
        relist(&mut files, |m| {
            for f in m["files"].as_array_mut().unwrap() {
                if f["path"] == "secrets/stream-keys.json" {
                    f["role"] = "secret".into();
                }
            }
        });
        let p = dir.path().join("bad-keys.showcall");
        zip_of(&p, &files);
        let err = refused(dir.path(), &p);
        assert!(matches!(err, Error::Json { .. }), "{err}");
        for m in all_messages(&err) {
            assert!(!m.contains(KEY), "key in {m}");
            assert!(m.starts_with("secrets/stream-keys.json"), "{m}");
        }
        assert!(err.message(Lang::FrCa).contains("clé de diffusion"));
    }
}

/// A key pasted at the end of a destination's server URL in `event.json`: refused by the
/// data's rules, named by field, the key never quoted.
#[test]
fn a_key_left_in_a_server_url_is_refused_without_quoting_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = good(dir.path());
    let ev = files.iter_mut().find(|(n, _)| n == "event.json").unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(&ev.1).unwrap();
    v["event"]["destinations"][0]["serverUrl"] =
        serde_json::json!(format!("rtmp://127.0.0.1:1935/live/{KEY}"));
    ev.1 = serde_json::to_vec(&v).unwrap();
    relist(&mut files, |_| {});
    let p = dir.path().join("key-in-url.showcall");
    zip_of(&p, &files);
    let err = refused(dir.path(), &p);
    assert!(matches!(err, Error::Format(_)), "{err}");
    assert_eq!(err.code(), "package");
    for m in all_messages(&err) {
        assert!(!m.contains(KEY), "key in {m}");
        assert!(m.starts_with("event.json"), "{m}");
    }
    let fr = err.message(Lang::FrCa);
    assert!(fr.contains("clé de diffusion"), "{fr}");
    assert!(fr.ends_with("; rien n’a été importé"), "{fr}");
}
