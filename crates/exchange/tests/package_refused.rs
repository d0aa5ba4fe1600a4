//! Hostile and damaged packages, built byte by byte: every one is refused whole, with a message
//! naming the file and the reason in English or French, and never a stream key.

use showcall_core::demo;
use showcall_core::i18n::Lang;
use showcall_exchange::write::{self};
use showcall_exchange::Error;

#[path = "common/package.rs"]
mod common;
use common::*;

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
