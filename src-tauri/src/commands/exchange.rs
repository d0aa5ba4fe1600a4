//! Handoff packages from the app: export to a file, open one (verified, with what it would
//! change), then apply it with the user's picks or cancel.

use super::{as_job, CmdResult};
use crate::state::AppState;
use chrono::Utc;
use showcall_core::handoff::{Exported, ImportPlan, Imported};
use showcall_core::merge::Resolution;
use showcall_core::service;
use showcall_exchange::write;
use std::path::Path;
use tauri::{AppHandle, State};

/// Where an export goes unless the user picks another place: the Downloads folder, the event's
/// name as the file name, `extension` (`showcall`, `pdf`, `xlsx`, `csv`) as its extension.
#[tauri::command]
pub fn default_export_path(
    app: AppHandle,
    state: State<AppState>,
    event_id: String,
    extension: String,
) -> CmdResult<String> {
    let s = state.lock_quiet();
    let dir = super::window::export_dir(&app).unwrap_or_default();
    let r = service::export_path(&s.store, &event_id, &dir, &extension);
    r.map(|p| p.display().to_string()).map_err(|e| s.err(e))
}

/// Writes the event (and its files; its stream keys in clear only when asked) into a
/// `.showcall` package, on a worker thread with its own connection.
/// `jobId`: names the job for its progress (`job-progress`) and `cancel_job`.
#[tauri::command]
pub async fn export_package(
    app: AppHandle,
    state: State<'_, AppState>,
    event_id: String,
    path: String,
    include_stream_keys: bool,
    job_id: Option<String>,
) -> CmdResult<Exported> {
    let done = as_job(&state, &app, job_id, move |store, lang, job| {
        let opts = write::Options::of(store, include_stream_keys, lang, Utc::now());
        let r = write::export_with(store, &event_id, Path::new(&path), &opts, job);
        r.map_err(|e| crate::diag::shown(|l| e.payload(l), lang))
    })
    .await?;
    // How many keys went out, never which.
    log::info!(
        "exported a package to {} ({} files, {} bytes, {} stream keys included)",
        done.path,
        done.files,
        done.bytes,
        done.stream_keys
    );
    Ok(done)
}

/// Opens and verifies a package and says what importing it would do; nothing is written. A
/// refused package rejects with `code: "package"` and a message naming the file and the reason.
/// The reading, unpacking and checking run on a worker thread.
#[tauri::command]
pub async fn open_package(
    app: AppHandle,
    state: State<'_, AppState>,
    path: String,
    job_id: Option<String>,
) -> CmdResult<ImportPlan> {
    state.lock_quiet().pending = None;
    let (opened, plan) = as_job(&state, &app, job_id, move |store, lang, job| {
        let r = showcall_exchange::open_for_import_with(store, Path::new(&path), job);
        r.map_err(|e| crate::diag::shown(|l| e.payload(l), lang))
    })
    .await?;
    log::info!("opened a package of \"{}\" to preview it", plan.event_name);
    state.lock().pending = Some(opened);
    Ok(plan)
}

/// Imports the package opened last with the user's picks (all of it or nothing), on a worker
/// thread. Rejects with `code: "conflict"` while a conflict has no pick; the package then stays
/// open for another try.
#[tauri::command]
pub async fn apply_package(
    app: AppHandle,
    state: State<'_, AppState>,
    resolution: Resolution,
    job_id: Option<String>,
) -> CmdResult<Imported> {
    let opened = state.take_pending()?;
    let (done, opened) = as_job(&state, &app, job_id, move |store, _, job| {
        let now = Utc::now();
        let done = showcall_exchange::import::apply_with(store, &opened, &resolution, now, job);
        Ok((done, opened))
    })
    .await?;
    state.settle_import(opened, done)
}

/// Forgets the package opened last (its unpacked files go with it).
#[tauri::command]
pub fn cancel_package(state: State<AppState>) {
    state.lock_quiet().pending = None;
}

/// Writes the run of show (`format`: `pdf`, `xlsx` or `csv`) to `path`, on a worker thread;
/// returns the path.
#[tauri::command]
pub async fn export_runsheet(
    app: AppHandle,
    state: State<'_, AppState>,
    event_id: String,
    path: String,
    format: String,
    job_id: Option<String>,
) -> CmdResult<String> {
    as_job(&state, &app, job_id, move |store, lang, job| {
        let to = Path::new(&path);
        showcall_runsheet::export_with(store, &event_id, &format, to, lang, job)?;
        Ok(path)
    })
    .await
}

/// Stops the job the window named `jobId` (it undoes what it started and answers
/// `cancelled`), also when the Cancel overtook the command that starts it; nothing when it has
/// already ended.
#[tauri::command]
pub fn cancel_job(state: State<AppState>, job_id: String) {
    let mut jobs = state.jobs.lock().unwrap_or_else(|p| p.into_inner());
    jobs.cancel(&job_id);
}
