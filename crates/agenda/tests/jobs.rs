//! Reading and importing a large agenda report their progress and can be cancelled: a
//! cancelled load says so, and a cancelled import leaves the database byte for byte as it was.

use showcall_agenda::*;
use showcall_core::i18n::Lang;
use showcall_core::job::{Job, Progress};
use showcall_core::Store;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

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

/// An agenda of `n` sessions, a quarter of an hour each, over several days and two stages.
fn agenda(dir: &Path, n: usize) -> PathBuf {
    let mut text = String::from("Title,Date,Start,End,Stage,Speakers\n");
    for i in 0..n {
        let (month, day) = (1 + i / 40 / 28, 1 + i / 40 % 28);
        let (h, m) = (8 + (i % 40) / 4, (i % 4) * 15);
        text.push_str(&format!(
            "Session {i},2027-{month:02}-{day:02},{h:02}:{m:02},{h:02}:{:02},Stage {},Speaker {}\n",
            m + 14,
            i % 2,
            i % 50
        ));
    }
    let p = dir.join("agenda.csv");
    std::fs::write(&p, text).unwrap();
    p
}

fn file_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Within each stage `done` only grows, and each stage ends at its total.
fn assert_progress_is_sound(seen: &[Progress]) {
    for stage in seen.chunk_by(|a, b| a.stage == b.stage) {
        let done: Vec<u64> = stage.iter().map(|p| p.done).collect();
        assert!(
            done.windows(2).all(|w| w[0] < w[1]),
            "{}: {done:?}",
            stage[0].stage
        );
        let last = stage.last().unwrap();
        assert_eq!(Some(last.done), last.total, "stage {}", last.stage);
    }
}

#[test]
fn loading_a_large_agenda_reports_bytes_rows_and_plan_and_stops_when_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let path = agenda(dir.path(), 3_000);
    let store = Store::open(dir.path().join("db/showcall.db")).unwrap();
    let target = AgendaTarget {
        new_name: Some("Congrès".into()),
        new_time_zone: Some("America/Toronto".into()),
        ..Default::default()
    };
    let opts = ImportOptions::default();
    let (job, seen) = watched(None);
    let loaded = load_with(&store, &path, &target, &opts, Lang::En, &job).unwrap();
    assert_eq!(loaded.prepared.plan.counts.to_add, 3_000);
    let seen = seen.lock().unwrap().clone();
    assert_progress_is_sound(&seen);
    let stages: Vec<&str> = seen
        .chunk_by(|a, b| a.stage == b.stage)
        .map(|c| c[0].stage.as_str())
        .collect();
    assert_eq!(stages, ["read", "parse", "rows", "plan"]);
    let rows = seen.iter().rfind(|p| p.stage == "rows").unwrap();
    assert_eq!(rows.total, Some(3_000));
    let n = seen.len();
    assert!(n > 30, "{n} reports");

    for at in [1, 2, n / 2, n - 1, n] {
        let (job, _) = watched(Some(at));
        let err = load_with(&store, &path, &target, &opts, Lang::En, &job).unwrap_err();
        assert_eq!(err.code(), "cancelled", "at {at}: {err}");
        assert_eq!(err.message(Lang::En), "cancelled: nothing was changed");
    }
}

#[test]
fn a_cancelled_import_leaves_the_database_byte_for_byte_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = agenda(dir.path(), 3_000);
    let data_dir = dir.path().join("db");
    let db = data_dir.join("showcall.db");
    let mut store = Store::open(&db).unwrap();
    let event = new_event("Congrès", "America/Toronto", "fr-CA").unwrap();
    store.insert(&event).unwrap();
    let opts = ImportOptions::default();
    let into = |id: Option<String>| AgendaTarget {
        event_id: id.clone(),
        new_name: id.is_none().then(|| "Autre".into()),
        new_time_zone: id.is_none().then(|| "UTC".into()),
    };
    let existing = load(
        &store,
        &path,
        &into(Some(event.event.id.clone())),
        &opts,
        Lang::En,
    );
    let existing = existing.unwrap();
    let fresh = load(&store, &path, &into(None), &opts, Lang::En).unwrap();

    // A whole import, for its reports.
    let (job, seen) = watched(None);
    let mut scratch = Store::open(dir.path().join("scratch/showcall.db")).unwrap();
    import_with(&mut scratch, &fresh, false, &job).unwrap();
    let seen = seen.lock().unwrap().clone();
    assert_progress_is_sound(&seen);
    assert!(seen.iter().all(|p| p.stage == "sessions"));
    let n = seen.len();
    assert!(n > 20, "{n} reports");

    drop(store);
    let before = file_bytes(&data_dir);
    for loaded in [&existing, &fresh] {
        for at in [1, 2, n / 2, n] {
            let mut store = Store::open(&db).unwrap();
            let (job, _) = watched(Some(at));
            let err = import_with(&mut store, loaded, false, &job).unwrap_err();
            assert_eq!(err.code(), "cancelled", "at {at}: {err}");
            assert_eq!(err.message(Lang::FrCa), "annulé : rien n’a été modifié");
            drop(store);
            assert_eq!(
                file_bytes(&data_dir),
                before,
                "at {at}: the database changed"
            );
        }
    }
    // Not cancelled, it does change the file (so the comparison above can see a change).
    let mut store = Store::open(&db).unwrap();
    import_with(&mut store, &existing, false, &Job::none()).unwrap();
    drop(store);
    assert_ne!(file_bytes(&data_dir), before);
}
