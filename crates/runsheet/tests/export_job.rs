//! Writing the run of show to a file reports its steps and bytes, and a cancelled export
//! leaves no file (neither the target nor its temporary copy).

use showcall_core::i18n::Lang;
use showcall_core::job::{Job, Progress};
use showcall_core::Store;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

mod common;

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

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

#[test]
fn an_export_reports_each_step_and_a_cancelled_one_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("data/showcall.db")).unwrap();
    let data = common::big_event();
    store.insert(&data).unwrap();
    let id = data.event.id.clone();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();

    for format in ["pdf", "xlsx", "csv"] {
        let target = out.join(format!("run.{format}"));
        let (job, seen) = watched(None);
        showcall_runsheet::export_with(&store, &id, format, &target, Lang::En, &job).unwrap();
        let seen = seen.lock().unwrap().clone();
        let stages: Vec<(&str, u64)> = seen.iter().map(|p| (p.stage.as_str(), p.done)).collect();
        let steps = if format == "pdf" { 5 } else { 3 };
        let render: Vec<u64> = (0..=steps).collect();
        assert_eq!(
            stages[..render.len()],
            render.iter().map(|d| ("render", *d)).collect::<Vec<_>>()[..],
            "{format}"
        );
        let written = &seen[render.len()..];
        assert!(written.iter().all(|p| p.stage == "write"), "{format}");
        assert!(
            written.windows(2).all(|w| w[0].done < w[1].done),
            "{format}"
        );
        let size = std::fs::metadata(&target).unwrap().len();
        assert_eq!(written.last().unwrap().done, size, "{format}");
        assert_eq!(written.last().unwrap().total, Some(size), "{format}");
        std::fs::remove_file(&target).unwrap();

        // Cancelled at every report but the last (which comes once the file is in place).
        for at in 1..seen.len() {
            let (job, _) = watched(Some(at));
            let err =
                showcall_runsheet::export_with(&store, &id, format, &target, Lang::FrCa, &job)
                    .unwrap_err();
            assert_eq!(err.code, "cancelled", "{format} at {at}: {err:?}");
            assert_eq!(err.message, "annulé : rien n’a été modifié");
            assert_eq!(names(&out), Vec::<String>::new(), "{format} at {at}");
        }
    }
}
