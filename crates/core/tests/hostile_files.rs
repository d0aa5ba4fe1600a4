//! Attaching files that are not what they seem, on real files in a temporary folder: a device
//! that never ends (/dev/zero) and a named pipe are refused at once, a blob left empty or
//! damaged under its hash (a power cut) is replaced by the next attach of that file, and the
//! start-up sweep clears old leftovers (files and package staging folders) but not another
//! copy's work in progress.

use showcall_core::asset_check::Spec as AssetSpec;
use showcall_core::branding::{AssetFile, AssetKind};
use showcall_core::i18n::Lang;
use showcall_core::paths::{blob_path, files_dir, thumbs_dir};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

#[path = "common/branding.rs"]
mod fixture;
use fixture::sha256_of;

/// Attaches `src` on another thread and waits at most 5 s: a copy that never ends fails the
/// test instead of hanging it.
fn attach_within_5s(
    files: &Path,
    src: &Path,
    kind: AssetKind,
    lang: Lang,
) -> showcall_core::Result<AssetFile> {
    let shown = src.display().to_string();
    let (files, src) = (files.to_path_buf(), src.to_path_buf());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let spec = showcall_core::asset_check::presets()
            .remove(kind.code())
            .unwrap_or_default();
        let _ = tx.send(showcall_core::store::store_file(
            &files,
            &src,
            kind,
            &spec,
            "Analyst",
            "2027-04-01T12:00:00Z".parse().unwrap(),
            lang,
        ));
    });
    rx.recv_timeout(Duration::from_secs(5))
        .unwrap_or_else(|_| panic!("attaching {shown} still running after 5 s"))
}

/// Every name in `files/` and its subfolders that is not `<aa>/<sha256>`.
fn leftovers(files: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(list) = std::fs::read_dir(files) else {
        return out;
    };
    for e in list.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !e.path().is_dir() || name.len() != 2 {
            out.push(name);
            continue;
        }
        for b in std::fs::read_dir(e.path()).unwrap().flatten() {
            let b = b.file_name().to_string_lossy().into_owned();
            if !showcall_core::paths::is_sha256(&b) {
                out.push(b);
            }
        }
    }
    out
}

fn db_in(dir: &Path) -> PathBuf {
    let db = dir.join("data").join("showcall.db");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    db
}

#[test]
fn a_device_that_never_ends_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let files = files_dir(&db_in(dir.path()));
    // A banner (its type would fail) and an item that takes any type (it would be copied).
    for (kind, lang) in [
        (AssetKind::Banner, Lang::En),
        (AssetKind::Other, Lang::FrCa),
    ] {
        let e = attach_within_5s(&files, Path::new("/dev/zero"), kind, lang).unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "File: “zero” is not an ordinary file (a device, pipe or socket): nothing was kept"
        );
        assert!(
            e.message(Lang::FrCa)
                .contains("« zero » n’est pas un fichier ordinaire"),
            "{}",
            e.message(Lang::FrCa)
        );
    }
    assert!(leftovers(&files).is_empty(), "{:?}", leftovers(&files));
}

#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let files = files_dir(&db_in(dir.path()));
    let pipe = dir.path().join("logo.png");
    let made = Command::new("mkfifo").arg(&pipe).status().unwrap();
    assert!(made.success());
    let e = attach_within_5s(&files, &pipe, AssetKind::Other, Lang::En).unwrap_err();
    assert_eq!(
        e.message(Lang::En),
        "File: “logo.png” is not an ordinary file (a device, pipe or socket): nothing was kept"
    );
    assert!(leftovers(&files).is_empty(), "{:?}", leftovers(&files));
    // The checks alone say the same, as a failed "readable" check, without blocking either.
    let (tx, rx) = mpsc::channel();
    let p = pipe.clone();
    std::thread::spawn(move || {
        let spec = AssetSpec::default();
        let _ = tx.send(showcall_core::asset_check::check_file(
            &p,
            "other",
            &spec,
            Lang::FrCa,
        ));
    });
    let r = rx
        .recv_timeout(Duration::from_secs(5))
        .expect("checking a pipe does not wait for a writer");
    assert_eq!(r.checks.len(), 1, "{:?}", r.checks);
    assert_eq!(r.checks[0].check, "readable");
    assert!(
        r.checks[0]
            .found
            .starts_with("ce n’est pas un fichier ordinaire"),
        "{}",
        r.checks[0].found
    );
}

#[test]
fn a_damaged_blob_under_the_same_hash_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let files = files_dir(&db_in(dir.path()));
    let src = dir.path().join("deck.bin");
    let content = b"the sponsor deck, 40 bytes of it here...".to_vec();
    std::fs::write(&src, &content).unwrap();
    let sha = sha256_of(&src);
    let blob = blob_path(&files, &sha);
    std::fs::create_dir_all(blob.parent().unwrap()).unwrap();
    // What a power cut leaves: the name in place, no bytes; then the right length, wrong bytes.
    let damaged = [Vec::new(), vec![b'x'; content.len()]];
    for bad in damaged {
        std::fs::write(&blob, &bad).unwrap();
        let file = attach_within_5s(&files, &src, AssetKind::Other, Lang::En).unwrap();
        assert!(file.stored);
        assert_eq!(file.sha256, sha);
        assert_eq!(
            std::fs::read(&blob).unwrap(),
            content,
            "repaired from {bad:?}"
        );
    }
    // A whole blob is kept as it is.
    let before = std::fs::metadata(&blob).unwrap().modified().unwrap();
    std::thread::sleep(Duration::from_millis(20));
    attach_within_5s(&files, &src, AssetKind::Other, Lang::En).unwrap();
    assert_eq!(
        std::fs::metadata(&blob).unwrap().modified().unwrap(),
        before
    );
    assert!(leftovers(&files).is_empty(), "{:?}", leftovers(&files));
}

/// Sets a file's or folder's modification time.
fn set_mtime(p: &Path, t: SystemTime) {
    std::fs::File::open(p).unwrap().set_modified(t).unwrap();
}

#[test]
fn the_sweep_removes_old_leftovers_and_keeps_work_in_progress() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(dir.path());
    let (files, thumbs) = (files_dir(&db), thumbs_dir(&db));
    let old = SystemTime::now() - Duration::from_secs(20 * 60);
    let mk = |p: PathBuf| {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, b"x").unwrap();
        p
    };
    // Old: a package staging folder, a copy's temporary file, a half-made still.
    let old_pkg = files.join(".incoming-pkg-old");
    let f = mk(old_pkg.join("aa11"));
    set_mtime(&f, old);
    set_mtime(&old_pkg, old);
    set_mtime(&mk(files.join(".incoming-copy-old")), old);
    set_mtime(&mk(thumbs.join(".abcd.jpg")), old);
    // Fresh: another window's import and copy in progress, and an old staging folder whose
    // file is still being written.
    let new_pkg = files.join(".incoming-pkg-new");
    mk(new_pkg.join("bb22"));
    let new_copy = mk(files.join(".incoming-copy-new"));
    let busy_pkg = files.join(".incoming-pkg-busy");
    mk(busy_pkg.join("cc33"));
    set_mtime(&busy_pkg, old);
    // Kept whatever their age: a blob and a finished still.
    let blob = mk(blob_path(&files, &"ab".repeat(32)));
    set_mtime(&blob, old);
    let still = mk(thumbs.join("abcd.jpg"));
    set_mtime(&still, old);

    assert_eq!(showcall_core::store::sweep(&db), 3);
    for gone in [
        old_pkg,
        files.join(".incoming-copy-old"),
        thumbs.join(".abcd.jpg"),
    ] {
        assert!(!gone.exists(), "{} swept", gone.display());
    }
    for kept in [new_pkg, new_copy, busy_pkg, blob, still] {
        assert!(kept.exists(), "{} kept", kept.display());
    }
}
