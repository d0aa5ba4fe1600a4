//! Where a package may be written: the path comes from the window or the command line, so it
//! is checked before anything is written.

use showcall_core::i18n::Lang;
use showcall_exchange::write;

#[path = "common/package.rs"]
mod common;
use common::*;

#[test]
fn a_package_is_not_exported_into_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = store(dir.path(), "a");
    let ev = seeded(&mut a);
    let data = a.path().unwrap().parent().unwrap().to_path_buf();
    std::fs::create_dir_all(data.join("files")).unwrap();
    let before: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    for out in [
        data.join("showcall.db"),
        data.join("files").join("copy.showcall"),
    ] {
        let err = write::export(&mut a, &ev, &out, &opts(false)).unwrap_err();
        assert_eq!(err.code(), "invalid_input", "{err}");
        let (en, fr) = (err.message(Lang::En), err.message(Lang::FrCa));
        assert!(
            en.contains("Export file") && en.contains("data folder"),
            "{en}"
        );
        assert!(fr.contains("dossier de données"), "{fr}");
    }
    let after: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(before, after, "something was written into the data folder");
    // The same export outside it goes through.
    let out = dir.path().join("event.showcall");
    write::export(&mut a, &ev, &out, &opts(false)).unwrap();
    assert!(out.is_file());
}
