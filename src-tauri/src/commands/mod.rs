//! One thin command per use case: parse, call the core, map the error.

pub mod agenda;
pub mod backups;
pub mod branding;
pub mod edit;
pub mod events;
pub mod exchange;
pub mod live;
pub mod rtmp;
pub mod settings;
pub mod share;
pub mod window;

use crate::state::AppState;
use showcall_core::error::ErrorPayload;
use showcall_core::i18n::Lang;
use showcall_core::job::{Job, Progress};
use showcall_core::Store;
use tauri::{AppHandle, Emitter, Runtime};

/// What every command returns.
pub type CmdResult<T> = Result<T, ErrorPayload>;

/// A command's answer sent as ASCII JSON ([`showcall_core::ascii_json`]): for the large ones (an
/// event's view, its tasks, the live snapshot), which the window would otherwise read as one
/// string of two bytes a character as soon as a finding holds a typographic quote. The window
/// reads it as `T`.
pub struct Ascii<T>(pub T);

impl<T: serde::Serialize> tauri::ipc::IpcResponse for Ascii<T> {
    fn body(self) -> tauri::Result<tauri::ipc::InvokeResponseBody> {
        Ok(tauri::ipc::InvokeResponseBody::Json(
            showcall_core::ascii_json::to_string(&self.0)?,
        ))
    }
}

/// Runs a long job on a worker thread: off the main thread, holding nothing shared. A job that
/// stops before answering is an error (nothing was recorded).
pub async fn blocking<T: Send + 'static>(
    job: impl FnOnce() -> showcall_core::Result<T> + Send + 'static,
) -> showcall_core::Result<T> {
    let done = tauri::async_runtime::spawn_blocking(job).await;
    done.unwrap_or_else(|e| Err(showcall_core::service::stopped(e)))
}

/// Runs a long job (a package, an agenda, a run of show) on a worker thread with a connection
/// of its own to the database: the shared state is locked only to read the file's path and the
/// language, so the cue scheduler, the live view and every other command go on meanwhile.
/// SQLite (WAL) lets the job read while others write; its writes are transactions of their own.
pub async fn on_own_store<T: Send + 'static>(
    state: &AppState,
    job: impl FnOnce(&mut Store, Lang) -> CmdResult<T> + Send + 'static,
) -> CmdResult<T> {
    let (path, lang) = {
        let s = state.lock_quiet();
        (s.store.path().map(std::path::Path::to_path_buf), s.lang)
    };
    let done = tauri::async_runtime::spawn_blocking(move || {
        let mut store = match path {
            Some(path) => Store::open(path),
            None => Store::open_in_memory(),
        }
        .map_err(|e| crate::diag::shown(|l| e.payload(l), lang))?;
        job(&mut store, lang)
    })
    .await;
    done.unwrap_or_else(|e| {
        let e = showcall_core::service::stopped(e);
        Err(crate::diag::shown(|l| e.payload(l), lang))
    })
}

/// The payload of `job-progress`.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct JobProgress {
    job_id: String,
    progress: Progress,
}

/// [`on_own_store`] for a job the window follows by `job_id`: its progress goes to the main
/// window as `job-progress` {jobId, progress}, and `cancel_job(jobId)` stops it, leaving nothing
/// half-done (the job undoes what it started and answers `cancelled`).
pub async fn as_job<T: Send + 'static, R: Runtime>(
    state: &AppState,
    app: &AppHandle<R>,
    job_id: Option<String>,
    work: impl FnOnce(&mut Store, Lang, &Job) -> CmdResult<T> + Send + 'static,
) -> CmdResult<T> {
    let job = followed(state, app, job_id.as_deref());
    let done = on_own_store(state, {
        let job = job.clone();
        move |store, lang| work(store, lang, &job)
    })
    .await;
    ended(state, job_id.as_deref());
    // A package or a run of show leaves large blocks freed behind it.
    crate::memory::give_back_soon();
    done
}

/// [`blocking`] for a job the window follows by `job_id` (see [`as_job`]), with no store.
pub async fn blocking_job<T: Send + 'static, R: Runtime>(
    state: &AppState,
    app: &AppHandle<R>,
    job_id: Option<String>,
    work: impl FnOnce(&Job) -> showcall_core::Result<T> + Send + 'static,
) -> showcall_core::Result<T> {
    let job = followed(state, app, job_id.as_deref());
    let done = blocking({
        let job = job.clone();
        move || work(&job)
    })
    .await;
    ended(state, job_id.as_deref());
    done
}

/// The job under `job_id`, its progress sent to the main window, registered so that
/// `cancel_job` reaches it; without an id, a job nobody follows.
fn followed<R: Runtime>(state: &AppState, app: &AppHandle<R>, job_id: Option<&str>) -> Job {
    let Some(id) = job_id else {
        return Job::none();
    };
    let job = {
        let (app, id) = (app.clone(), id.to_string());
        Job::new(move |progress| {
            let job_id = id.clone();
            let _ = app.emit_to("main", "job-progress", JobProgress { job_id, progress });
        })
    };
    let mut jobs = state.jobs.lock().unwrap_or_else(|p| p.into_inner());
    jobs.start(id, &job);
    job
}

/// The job under `job_id` is over.
fn ended(state: &AppState, job_id: Option<&str>) {
    if let Some(id) = job_id {
        let mut jobs = state.jobs.lock().unwrap_or_else(|p| p.into_inner());
        jobs.end(id);
    }
}
