//! Hard faults: a full disk. The data folder is a 4 MiB tmpfs filled to the brim; a package
//! export, an agenda import and attaching a file each fail with a message that says the disk
//! is full, and leave the database and the folder exactly as they were.
//!
//! Mounting needs root (CI runs the tests as root); elsewhere the test says it is skipped.

use showcall_core::i18n::Lang;
use showcall_core::model::AssetKind;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const EVENT: &str = "Sommet Boréal 2027";

/// A tmpfs mounted for the test, unmounted when dropped (a failing assertion included).
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Result<Tmpfs, String> {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        let o = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .output()
            .map_err(|e| format!("cannot run mount: {e}"))?;
        if !o.status.success() {
            return Err(String::from_utf8_lossy(&o.stderr).trim().to_string());
        }
        Ok(Tmpfs(dir.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let ok = Command::new("umount")
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            // Still busy (a file left open by a failing test): detach it all the same.
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
}

fn showcall(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_showcall"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("SHOWCALL_DB")
        .output()
        .expect("showcall runs")
}

/// Fills the file system holding `path` with one file, then gives back `leave` bytes: enough
/// for SQLite to open the database (its shared-memory file) but not for any real write.
fn fill(path: &Path, leave: u64) {
    let mut f = std::fs::File::create(path).unwrap();
    let chunk = vec![0x5au8; 64 << 10];
    loop {
        match f.write(&chunk) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::StorageFull => break,
            Err(e) => panic!("filling {}: {e}", path.display()),
        }
    }
    let len = f.metadata().unwrap().len();
    f.set_len(len.saturating_sub(leave)).unwrap();
}

/// The names in `dir` (recursively, relative), the filler and SQLite's own -wal/-shm aside:
/// a temporary file left behind shows here.
fn names(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p.clone());
            }
            let rel = p.strip_prefix(dir).unwrap().to_path_buf();
            let n = rel.to_string_lossy();
            if n != "fill" && !n.ends_with("-wal") && !n.ends_with("-shm") {
                out.push(rel);
            }
        }
    }
    out.sort();
    out
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
        .unwrap()
}

/// What the database holds about everything, as a user would see it.
fn snapshot(db: &Path) -> String {
    let store = showcall_core::Store::open(db).unwrap();
    let events = store.list_events().unwrap();
    let mut all = serde_json::to_string(&events).unwrap();
    for e in &events {
        all += &serde_json::to_string(&store.load(&e.id).unwrap()).unwrap();
        all += &serde_json::to_string(&store.day_log(&e.id).unwrap()).unwrap();
    }
    all
}

/// A 2,000-row agenda: far more than the few KiB left can hold once in the database.
fn big_agenda(path: &Path) {
    let mut csv = String::from("Title,Date,Start,End,Stage,Speakers\r\n");
    for i in 0..2000 {
        let (day, h, m) = (1 + (i / 20) % 28, 8 + (i % 20) / 2, (i % 2) * 30);
        csv += &format!(
            "Session number {i} with a fairly long descriptive title,2027-05-{day:02},\
             {h:02}:{m:02},{h:02}:{:02},Stage {},Person {}\r\n",
            m + 25,
            i % 5,
            i % 97
        );
    }
    std::fs::write(path, csv).unwrap();
}

fn says_disk_full(message: &str) -> bool {
    message.contains("No space left on device")
        || message.contains("disk is full")
        || message.contains("is full")
        || message.contains("disk may be full")
}

#[test]
fn a_full_disk_fails_export_import_and_attach_clearly_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let disk = dir.path().join("disk");
    let mount = match Tmpfs::mount(&disk, "4m") {
        Ok(m) => m,
        Err(e) => {
            eprintln!(
                "SKIPPED a_full_disk_fails_export_import_and_attach_clearly_and_changes_nothing: \
                 cannot mount a tmpfs at {} (needs root): {e}",
                disk.display()
            );
            return;
        }
    };
    // The data folder and, beside it (exports into the data folder are refused), the folder
    // the package goes to: both on the full disk.
    let db = disk.join("data").join("showcall.db");
    let out = disk.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let o = showcall(&db, &["demo"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Outside the full disk: the agenda and the file to attach are only read.
    let agenda = dir.path().join("agenda.csv");
    big_agenda(&agenda);
    let clip = dir.path().join("big.bin");
    std::fs::write(&clip, vec![0xa5u8; 1 << 20]).unwrap();

    let before = snapshot(&db);
    let db_bytes = std::fs::read(&db).unwrap();
    let listing = names(&disk);
    fill(&disk.join("fill"), 48 << 10);

    // Export onto the full disk.
    let package = out.join("Sommet.showcall");
    let o = showcall(&db, &["export", EVENT, "--out", package.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(says_disk_full(&err), "export: {err}");
    assert!(err.contains("Sommet.showcall"), "names the file: {err}");
    // The package's own name, not its hidden temporary one, and nothing from the zip library.
    assert!(!err.contains(".partial-"), "names the target: {err}");
    assert!(!err.contains("ZipWriter"), "no stray line: {err}");
    assert!(!package.exists(), "no package written");

    // An agenda import into a new event.
    let o = showcall(
        &db,
        &[
            "import",
            "agenda",
            agenda.to_str().unwrap(),
            "--new-event",
            "Forum 2027",
            "--tz",
            "America/Toronto",
        ],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(says_disk_full(&err), "agenda import: {err}");
    assert!(
        err.contains("disk holding the database is full"),
        "in plain words: {err}"
    );

    // Attaching a 1 MiB file to the checklist (the CLI has no command for it: the core's).
    let files = showcall_core::paths::files_dir(&db);
    let e = showcall_core::store::store_file(
        &files,
        &clip,
        AssetKind::Other,
        &Default::default(),
        "analyst",
        chrono::Utc::now(),
        Lang::En,
    )
    .unwrap_err();
    let msg = e.message(Lang::En);
    assert!(says_disk_full(&msg), "attach: {msg}");
    assert!(
        msg.contains(&*files.to_string_lossy()),
        "names the file: {msg}"
    );

    // Room again: everything is as it was, and nothing half-written is left.
    std::fs::remove_file(disk.join("fill")).unwrap();
    let mut after_listing = names(&disk);
    // An empty `files/` folder may be made before the copy starts; nothing may be in it.
    after_listing.retain(|p| p != Path::new("data/files"));
    assert_eq!(after_listing, listing, "the data folder holds what it held");
    assert_eq!(integrity(&db), "ok");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        db_bytes,
        "the database file is unchanged"
    );
    assert_eq!(
        snapshot(&db),
        before,
        "the same events, sessions and day log"
    );
    drop(mount);
}

#[test]
fn a_disk_with_no_room_at_all_refuses_a_delay_and_keeps_the_database_whole() {
    let dir = tempfile::tempdir().unwrap();
    let disk = dir.path().join("disk");
    let mount = match Tmpfs::mount(&disk, "4m") {
        Ok(m) => m,
        Err(e) => {
            eprintln!(
                "SKIPPED a_disk_with_no_room_at_all_refuses_a_delay_and_keeps_the_database_whole: \
                 cannot mount a tmpfs at {} (needs root): {e}",
                disk.display()
            );
            return;
        }
    };
    let db = disk.join("data").join("showcall.db");
    let o = showcall(&db, &["demo"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let before = snapshot(&db);
    let db_bytes = std::fs::read(&db).unwrap();
    let listing = names(&disk);
    // Not a byte left: SQLite cannot even make its shared-memory file.
    fill(&disk.join("fill"), 0);

    let o = showcall(
        &db,
        &[
            "delay",
            EVENT,
            "--stage",
            "Salle principale",
            "--minutes",
            "5",
        ],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    // SQLite cannot size its shared-memory file: the message says the disk may be full.
    assert!(says_disk_full(&err), "{err}");

    std::fs::remove_file(disk.join("fill")).unwrap();
    assert_eq!(names(&disk), listing, "nothing half-written is left");
    assert_eq!(integrity(&db), "ok");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        db_bytes,
        "the database file is unchanged"
    );
    assert_eq!(snapshot(&db), before, "the same events and day log");
    drop(mount);
}
