//! Long package jobs report their progress and can be cancelled: export, open (verify and
//! unpack) and apply each stop at a cancellation and leave nothing behind — no package file,
//! no staging folder, no file in files/, the database byte for byte as it was.

use chrono::Utc;
use showcall_core::job::{Job, Progress};
use showcall_core::merge::Resolution;
use showcall_core::store::Store;
use showcall_exchange::{import, write, MadeBy};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

#[path = "common/package.rs"]
mod common;
use common::*;

/// A job that records every report and cancels itself at the `cancel_at`-th (1-based).
fn watched(cancel_at: Option<usize>) -> (Job, Arc<Mutex<Vec<Progress>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let me: Arc<OnceLock<Job>> = Arc::new(OnceLock::new());
    let job = Job::new({
        let (seen, me) = (seen.clone(), me.clone());
        move |p| {
            let mut seen = seen.lock().unwrap();
            seen.push(p);
            if Some(seen.len()) == cancel_at {
                me.get().unwrap().cancel();
            }
        }
    });
    me.set(job.clone()).unwrap();
    (job, seen)
}

/// Within each stage `done` only grows, and a stage with a total ends at it.
fn assert_progress_is_sound(seen: &[Progress]) {
    assert!(!seen.is_empty(), "no progress reported");
    for stage in seen.chunk_by(|a, b| a.stage == b.stage) {
        let done: Vec<u64> = stage.iter().map(|p| p.done).collect();
        assert!(
            done.windows(2).all(|w| w[0] < w[1]),
            "{}: {done:?}",
            stage[0].stage
        );
        let last = stage.last().unwrap();
        if let Some(total) = last.total {
            assert_eq!(last.done, total, "stage {} ends at its total", last.stage);
        }
    }
}

/// Bytes that do not compress: a file big enough to take several reports and checks.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

/// Every file under `dir` with the SHA-256 of its bytes, but for the staging folders (the
/// opened package's).
fn snapshot(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if e.file_name().to_string_lossy().starts_with(".staging-") {
            continue;
        }
        if p.is_dir() {
            out.extend(snapshot(&p));
        } else {
            out.push((p.clone(), sha(&std::fs::read(&p).unwrap())));
        }
    }
    out.sort();
    out
}

fn staging_folders(data: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(data)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".staging-"))
        .map(|e| e.path())
        .collect()
}

/// A package of the demo event carrying a 3 MiB attached file; returns it and the file's hash.
fn package_with_a_big_file(dir: &Path) -> (PathBuf, String) {
    let bytes = noise(3 << 20, 7);
    let hash = sha(&bytes);
    let path = dir.join("big.bin");
    std::fs::write(&path, &bytes).unwrap();
    let head = write::Head {
        made_by: MadeBy::Customer,
        created_at: Utc::now(),
    };
    let p = dir.join("big.showcall");
    let attach = [write::Attachment {
        sha256: hash.clone(),
        path,
    }];
    let data = showcall_core::demo::event();
    write::write_package(&p, &head, &data, &[], &attach, None).unwrap();
    (p, hash)
}

fn leftovers(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".partial-"))
        .collect()
}

#[test]
fn an_export_reports_its_progress_and_a_cancelled_one_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path(), "a");
    let ev = seeded(&mut s);
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();

    let (job, seen) = watched(None);
    let out = out_dir.join("whole.showcall");
    write::export_with(&mut s, &ev, &out, &opts(false), &job).unwrap();
    let seen = seen.lock().unwrap().clone();
    assert_progress_is_sound(&seen);
    let stages: Vec<&str> = seen
        .chunk_by(|a, b| a.stage == b.stage)
        .map(|c| c[0].stage.as_str())
        .collect();
    assert_eq!(stages, ["companions", "write"]);
    let written = seen.last().unwrap();
    assert!(written.total.unwrap() > 64 << 10, "{written:?}");
    assert!(out.is_file());
    let n = seen.len();
    assert!(n >= 6, "{n} reports");

    // Cancelled at the second report (between companions), in the middle of the bytes, and at
    // the last report before the rename.
    for at in [2, n / 2, n - 1] {
        let mut s = store(dir.path(), &format!("b{at}"));
        let ev = seeded(&mut s);
        let out = out_dir.join(format!("cancelled-{at}.showcall"));
        let (job, _) = watched(Some(at));
        let err = write::export_with(&mut s, &ev, &out, &opts(false), &job).unwrap_err();
        assert_eq!(err.code(), "cancelled", "at {at}: {err}");
        assert!(!out.exists(), "at {at}: a package was left");
        assert_eq!(leftovers(&out_dir), Vec::<String>::new(), "at {at}");
        assert!(
            s.exchange_base(&ev).unwrap().is_none(),
            "at {at}: the exchange base was recorded"
        );
    }
}

#[test]
fn opening_a_package_reports_the_bytes_hashed_and_a_cancelled_open_leaves_no_staging_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (pkg, _) = package_with_a_big_file(dir.path());
    let target = store(dir.path(), "t");
    let files = showcall_exchange::files_dir(&target).unwrap();
    std::fs::create_dir_all(&files).unwrap();
    let data = target.path().unwrap().parent().unwrap().to_path_buf();

    let (job, seen) = watched(None);
    let (opened, plan) = showcall_exchange::open_for_import_with(&target, &pkg, &job).unwrap();
    assert_eq!(plan.files, 1);
    drop(opened);
    let seen = seen.lock().unwrap().clone();
    assert_progress_is_sound(&seen);
    assert!(seen.iter().all(|p| p.stage == "hash"));
    assert!(seen.last().unwrap().total.unwrap() > 3 << 20);
    let n = seen.len();
    assert!(n > 10, "{n} reports");

    for at in [2, n / 2, n - 1, n] {
        let (job, _) = watched(Some(at));
        let err = showcall_exchange::open_for_import_with(&target, &pkg, &job).unwrap_err();
        assert_eq!(err.code(), "cancelled", "at {at}: {err}");
        assert_eq!(staging_folders(&data), Vec::<PathBuf>::new(), "at {at}");
        assert_eq!(std::fs::read_dir(&files).unwrap().count(), 0, "at {at}");
    }
}

#[test]
fn an_apply_cancelled_at_any_step_leaves_the_database_and_files_folder_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let (pkg, hash) = package_with_a_big_file(dir.path());

    // A whole apply, for its reports.
    let mut whole = store(dir.path(), "whole");
    let (opened, _) = showcall_exchange::open_for_import(&whole, &pkg).unwrap();
    let (job, seen) = watched(None);
    import::apply_with(
        &mut whole,
        &opened,
        &Resolution::default(),
        Utc::now(),
        &job,
    )
    .unwrap();
    drop(opened);
    let seen = seen.lock().unwrap().clone();
    let steps: Vec<&Progress> = seen.iter().filter(|p| p.stage == "import").collect();
    assert_eq!(
        steps.iter().map(|p| p.done).collect::<Vec<_>>(),
        [0, 1, 2, 3, 4]
    );
    assert!(seen.iter().any(|p| p.stage == "files" && p.done == 1));
    let n = seen.len();

    let s = store(dir.path(), "t");
    let data = s.path().unwrap().parent().unwrap().to_path_buf();
    let db = s.path().unwrap().to_path_buf();
    let files = showcall_exchange::files_dir(&s).unwrap();
    let (opened, _) = showcall_exchange::open_for_import(&s, &pkg).unwrap();
    drop(s);
    let before = snapshot(&data);
    // Every report but the last, which comes once the transaction has committed.
    for at in 1..n {
        let mut s = Store::open(&db).unwrap();
        let (job, _) = watched(Some(at));
        let err = import::apply_with(&mut s, &opened, &Resolution::default(), Utc::now(), &job)
            .unwrap_err();
        assert_eq!(err.code(), "cancelled", "at {at}: {err}");
        drop(s);
        assert_eq!(snapshot(&data), before, "at {at}: something changed");
        assert!(!files.join(&hash[..2]).exists(), "at {at}");
        let staged = opened.staged.as_ref().unwrap();
        assert!(
            staged.dir.join(&hash).is_file(),
            "at {at}: the staged file went"
        );
    }
    // The same opened package still imports whole.
    let mut s = Store::open(&db).unwrap();
    let done = import::apply(&mut s, &opened, &Resolution::default(), Utc::now()).unwrap();
    assert_eq!(done.files_added, 1);
    assert!(showcall_core::paths::blob_path(&files, &hash).is_file());
}
