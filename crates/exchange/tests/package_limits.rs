//! How much a package may hold: entries, total size, expansion of each file, and the room on
//! the disk where attached files are unpacked. Each limit refuses the whole package, before
//! anything is unpacked, with a message that says which limit and by how much.

use chrono::Utc;
use showcall_core::demo;
use showcall_core::i18n::Lang;
use showcall_exchange::read::{self, Limits};
use showcall_exchange::write;
use showcall_exchange::{Error, MadeBy};

#[path = "common/package.rs"]
mod common;
use common::*;

/// A good package's entries padded with tiny listed-nowhere files up to `n` entries in all.
fn padded_to(dir: &std::path::Path, n: usize) -> std::path::PathBuf {
    let files = good(dir);
    let mut e: Vec<RawEntry> = files.iter().map(|(n, b)| raw(n, b)).collect();
    let mut i = 0;
    while e.len() < n {
        e.push(raw(&format!("pad/{i:05}"), b"x"));
        i += 1;
    }
    let p = dir.join(format!("padded-{n}.showcall"));
    raw_zip(&p, &e);
    p
}

#[test]
fn a_package_with_more_entries_than_an_event_holds_is_refused_by_count() {
    let dir = tempfile::tempdir().unwrap();
    let p = padded_to(dir.path(), 10_001);
    let err = refused(dir.path(), &p);
    assert!(
        matches!(err, Error::TooLarge { ref why, .. } if why.en.contains("10001 entries")),
        "{err}"
    );
    assert!(err.to_string().contains("more than the 10000"), "{err}");
    assert!(
        err.message(Lang::FrCa).contains("10001 entrées"),
        "{}",
        err.message(Lang::FrCa)
    );

    // At the limit the count passes, and the next check (the manifest) speaks.
    let p = padded_to(dir.path(), 10_000);
    let err = refused(dir.path(), &p);
    assert!(
        matches!(err, Error::Unlisted(ref n) if n == "pad/00000"),
        "{err}"
    );
}

#[test]
fn a_small_file_that_expands_like_a_zip_bomb_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = good(dir.path());
    // 200 KiB of zeros deflate to a few hundred bytes: far past 200:1, though under 1 MiB.
    files.push(("notes.txt".into(), vec![0u8; 200 << 10]));
    relist(&mut files, |_| {});
    let mut e: Vec<RawEntry> = files.iter().map(|(n, b)| raw(n, b)).collect();
    e.iter_mut()
        .find(|x| x.name == "notes.txt")
        .unwrap()
        .deflate = true;
    let p = dir.path().join("small-bomb.showcall");
    raw_zip(&p, &e);
    let err = refused(dir.path(), &p);
    assert!(
        matches!(err, Error::TooLarge { ref name, .. } if name == "notes.txt"),
        "{err}"
    );
    assert!(err.to_string().contains("zip bomb"), "{err}");
    assert!(err.message(Lang::FrCa).contains("bombe zip"));

    // The same size of ordinary text (a few to one) is fine.
    let mut seed = 7u32;
    let text: Vec<u8> = (0..200 << 10)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            b"abcdefghij klmnopqrstuvwxyz\n"[(seed >> 16) as usize % 28]
        })
        .collect();
    files.retain(|(n, _)| n != "notes.txt");
    files.push(("notes.txt".into(), text));
    relist(&mut files, |_| {});
    let mut e: Vec<RawEntry> = files.iter().map(|(n, b)| raw(n, b)).collect();
    e.iter_mut()
        .find(|x| x.name == "notes.txt")
        .unwrap()
        .deflate = true;
    raw_zip(&p, &e);
    read::open(&p, Some(dir.path()), &Limits::default()).unwrap();
}

#[test]
fn a_manifest_adding_up_to_more_than_an_event_holds_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = good(dir.path());
    relist(&mut files, |m| {
        m["files"].as_array_mut().unwrap().push(serde_json::json!({
            "path": "recording.mp4", "sha256": "0".repeat(64), "size": 21u64 << 30,
            "role": "companion"
        }))
    });
    let p = dir.path().join("huge.showcall");
    zip_of(&p, &files);
    let err = refused(dir.path(), &p);
    assert!(
        matches!(err, Error::TooLarge { ref name, .. } if name == "manifest.json"),
        "{err}"
    );
    assert!(
        err.to_string().contains("more than the 20 GiB allowed"),
        "{err}"
    );
    assert!(err
        .message(Lang::FrCa)
        .contains("plus que les 20 Gio permis"));
}

/// A package whose attached files would not fit on the staging disk (made so here by asking
/// for more room to stay free than any disk has) is refused before a byte is unpacked.
#[cfg(target_os = "linux")]
#[test]
fn attached_files_that_do_not_fit_on_the_disk_are_refused_before_unpacking() {
    let dir = tempfile::tempdir().unwrap();
    let asset = dir.path().join("logo.bin");
    let bytes: Vec<u8> = (0..100_000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&asset, &bytes).unwrap();
    let head = write::Head {
        made_by: MadeBy::Customer,
        created_at: Utc::now(),
    };
    let p = dir.path().join("assets.showcall");
    let attach = [write::Attachment {
        sha256: sha(&bytes),
        path: asset,
    }];
    write::write_package(&p, &head, &demo::event(), &[], &attach, None).unwrap();
    let staging = dir.path().join("staging");
    std::fs::create_dir(&staging).unwrap();

    let greedy = Limits {
        keep_free: u64::MAX / 4,
        ..Limits::default()
    };
    let err = read::open(&p, Some(&staging), &greedy).unwrap_err();
    assert!(matches!(err, Error::NoSpace { .. }), "{err}");
    let en = err.to_string();
    assert!(en.starts_with("not enough disk space in "), "{en}");
    assert!(en.contains(": needs ") && en.contains(", has "), "{en}");
    assert!(en.contains(&staging.display().to_string()), "{en}");
    let fr = err.message(Lang::FrCa);
    assert!(fr.starts_with("pas assez d’espace disque dans "), "{fr}");
    assert!(fr.ends_with("rien n’a été importé"), "{fr}");
    assert_eq!(err.code(), "package");
    assert_eq!(
        std::fs::read_dir(&staging).unwrap().count(),
        0,
        "nothing was unpacked"
    );

    // With the ordinary margin the same package unpacks.
    let opened = read::open(&p, Some(&staging), &Limits::default()).unwrap();
    assert_eq!(opened.staged.as_ref().unwrap().files.len(), 1);
}
