#![cfg(unix)]
//! A package carrying stream keys is its owner's alone, and no companion in any package helps
//! guess a key (no hint, no connection-test detail).

use chrono::Utc;
use showcall_core::model::DestinationTest;
use showcall_exchange::write;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;

#[path = "common/package.rs"]
mod common;
use common::*;

fn mode(p: &std::path::Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// The permission bits each entry of the zip carries.
fn entry_modes(p: &std::path::Path) -> Vec<(String, u32)> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(p).unwrap()).unwrap();
    (0..z.len())
        .map(|i| {
            let f = z.by_index(i).unwrap();
            (
                f.name().unwrap().to_string(),
                f.unix_mode().unwrap() & 0o777,
            )
        })
        .collect()
}

#[test]
fn a_package_with_stream_keys_is_owner_only_file_and_entries() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = store(dir.path(), "a");
    let ev = seeded(&mut a);

    // Without keys: the usual permissions, as any new file in that folder gets.
    let plain = dir.path().join("plain.showcall");
    write::export(&mut a, &ev, &plain, &opts(false)).unwrap();
    let fresh = dir.path().join("fresh");
    std::fs::File::create(&fresh).unwrap();
    assert_eq!(mode(&plain), mode(&fresh));
    assert!(entry_modes(&plain).iter().all(|(_, m)| *m == 0o644));

    // With keys: 0600, even when it replaces a package that was readable by others.
    let keys = dir.path().join("keys.showcall");
    std::fs::copy(&plain, &keys).unwrap();
    std::fs::set_permissions(&keys, std::fs::Permissions::from_mode(0o644)).unwrap();
    let w = write::export(&mut a, &ev, &keys, &opts(true)).unwrap();
    assert_eq!(w.stream_keys, 1);
    assert_eq!(mode(&keys), 0o600);
    let modes = entry_modes(&keys);
    assert!(modes.iter().any(|(n, _)| n == "secrets/stream-keys.json"));
    for (name, m) in modes {
        assert_eq!(m, 0o600, "{name}");
    }
    // Nothing half-written was left beside it.
    let partials = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".partial-")
        })
        .count();
    assert_eq!(partials, 0);
}

#[test]
fn the_destinations_sheet_in_a_package_shows_no_key_hint_nor_test_detail() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = store(dir.path(), "a");
    let ev = seeded(&mut a);
    let dest = a.load(&ev).unwrap().destinations[0].clone();
    assert_eq!(dest.key_hint, KEY[KEY.len() - 4..], "the app keeps a hint");
    let detail = "publish refused by 127.0.0.1:1935 after connect (NetStream.Publish.BadName)";
    a.record_destination_test(
        &ev,
        &dest.id,
        &DestinationTest {
            at: Utc::now(),
            ok: false,
            detail: detail.into(),
            published: true,
        },
    )
    .unwrap();
    for with_keys in [false, true] {
        let pkg = dir.path().join(format!("p-{with_keys}.showcall"));
        write::export(&mut a, &ev, &pkg, &opts(with_keys)).unwrap();
        let mut z = zip::ZipArchive::new(std::fs::File::open(&pkg).unwrap()).unwrap();
        let mut html = String::new();
        z.by_name("destinations.html")
            .unwrap()
            .read_to_string(&mut html)
            .unwrap();
        assert!(html.contains("YouTube"), "the sheet lists the destination");
        assert!(!html.contains(KEY));
        assert!(!html.contains(&KEY[KEY.len() - 4..]), "key hint in {html}");
        assert!(!html.contains("NetStream"), "test detail in {html}");
        assert!(html.contains("<dd>FAILED "), "{html}");
        assert!(html.contains("on file (not printed)"), "{html}");
    }
}
