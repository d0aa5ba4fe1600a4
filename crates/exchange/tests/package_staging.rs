//! Where an opened package's attached files wait: in a staging folder beside the database,
//! never in the files folder, until the import is applied; dropped with the package otherwise,
//! and put back out of the files folder when the import does not go through.

use chrono::Utc;
use showcall_core::demo;
use showcall_core::merge::Resolution;
use showcall_core::store::Store;
use showcall_exchange::import;
use showcall_exchange::write;
use showcall_exchange::MadeBy;
use std::path::{Path, PathBuf};

#[path = "common/package.rs"]
mod common;
use common::*;
use showcall_core::testing::files_under;

/// The staging folders beside the database.
fn staging_folders(store: &Store) -> Vec<PathBuf> {
    let data = store.path().unwrap().parent().unwrap();
    std::fs::read_dir(data)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".staging-"))
        .map(|e| e.path())
        .collect()
}

/// A package of the demo event carrying two attached files whose hashes start differently;
/// returns it with the two hashes in the package's order.
fn package_with_two_files(dir: &Path) -> (PathBuf, [String; 2]) {
    let (a, b) = (b"first attached file".to_vec(), b"second one".to_vec());
    let (ha, hb) = (sha(&a), sha(&b));
    assert_ne!(ha[..2], hb[..2], "the two files share a blob folder");
    let mut attach = Vec::new();
    for (name, bytes, hash) in [("a.bin", &a, &ha), ("b.bin", &b, &hb)] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        attach.push(write::Attachment {
            sha256: hash.clone(),
            path,
        });
    }
    let head = write::Head {
        made_by: MadeBy::Customer,
        created_at: Utc::now(),
    };
    let p = dir.join("with-files.showcall");
    write::write_package(&p, &head, &demo::event(), &[], &attach, None).unwrap();
    (p, [ha, hb])
}

fn store_with_empty_files_folder(dir: &Path, name: &str) -> (Store, PathBuf) {
    let s = store(dir, name);
    let files = showcall_exchange::files_dir(&s).unwrap();
    std::fs::create_dir_all(&files).unwrap();
    (s, files)
}

#[test]
fn opening_a_package_writes_nothing_into_the_files_folder_until_applied() {
    let dir = tempfile::tempdir().unwrap();
    let (pkg, hashes) = package_with_two_files(dir.path());
    let (mut target, files) = store_with_empty_files_folder(dir.path(), "t");

    let (opened, plan) = showcall_exchange::open_for_import(&target, &pkg).unwrap();
    assert_eq!(plan.files, 2);
    assert_eq!(files_under(&files), Vec::<PathBuf>::new());
    assert_eq!(
        std::fs::read_dir(&files).unwrap().count(),
        0,
        "files/ not empty"
    );
    let staging = staging_folders(&target);
    assert_eq!(staging.len(), 1, "{staging:?}");
    assert_eq!(files_under(&staging[0]).len(), 2);

    let done = import::apply(&mut target, &opened, &Resolution::default(), Utc::now()).unwrap();
    assert_eq!(done.files_added, 2);
    for h in &hashes {
        assert!(showcall_core::paths::blob_path(&files, h).is_file(), "{h}");
    }
    assert_eq!(files_under(&files).len(), 2);
    drop(opened);
    assert_eq!(staging_folders(&target), Vec::<PathBuf>::new());
    for h in &hashes {
        assert!(showcall_core::paths::blob_path(&files, h).is_file(), "{h}");
    }
}

#[test]
fn a_package_dropped_without_applying_leaves_no_file_and_no_staging_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (pkg, _) = package_with_two_files(dir.path());
    let (target, files) = store_with_empty_files_folder(dir.path(), "t");

    let (opened, _) = showcall_exchange::open_for_import(&target, &pkg).unwrap();
    assert_eq!(staging_folders(&target).len(), 1);
    drop(opened);
    assert_eq!(
        std::fs::read_dir(&files).unwrap().count(),
        0,
        "files/ not empty"
    );
    assert_eq!(staging_folders(&target), Vec::<PathBuf>::new());
    assert!(!target.has_event(&demo::event().event.id).unwrap());
}

#[test]
fn an_import_that_fails_leaves_nothing_in_the_files_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (pkg, [first, second]) = package_with_two_files(dir.path());
    let (mut target, files) = store_with_empty_files_folder(dir.path(), "t");
    let (opened, _) = showcall_exchange::open_for_import(&target, &pkg).unwrap();

    // The files moved in and then the import given up (what happens when the event's
    // transaction fails): they go back to the staging folder.
    let staged = opened.staged.as_ref().unwrap();
    let moved = staged.commit(&files).unwrap();
    assert_eq!(moved.count(), 2);
    assert!(showcall_core::paths::blob_path(&files, &first).is_file());
    drop(moved);
    assert_eq!(
        std::fs::read_dir(&files).unwrap().count(),
        0,
        "files/ not empty"
    );
    assert_eq!(files_under(&staged.dir).len(), 2);

    // The second file cannot be moved in (its blob folder's name is taken by a file): the
    // first, already moved, goes back too, and the event is not imported.
    let blocker = files.join(&second[..2]);
    std::fs::write(&blocker, b"in the way").unwrap();
    let err = import::apply(&mut target, &opened, &Resolution::default(), Utc::now());
    assert!(err.is_err());
    assert_eq!(files_under(&files), vec![blocker.clone()]);
    assert!(!files.join(&first[..2]).exists());
    assert!(!target.has_event(&demo::event().event.id).unwrap());

    // Nothing was lost: once the way is clear the same opened package imports whole.
    std::fs::remove_file(&blocker).unwrap();
    let done = import::apply(&mut target, &opened, &Resolution::default(), Utc::now()).unwrap();
    assert_eq!(done.files_added, 2);
    assert!(showcall_core::paths::blob_path(&files, &first).is_file());
    assert!(showcall_core::paths::blob_path(&files, &second).is_file());
}
