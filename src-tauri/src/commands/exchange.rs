//! Handoff packages from the app: export to a file, open one (verified, with what it would
//! change), then apply it with the user's picks or cancel.

use super::{on_own_store, CmdResult};
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
#[tauri::command]
pub async fn export_package(
    state: State<'_, AppState>,
    event_id: String,
    path: String,
    include_stream_keys: bool,
) -> CmdResult<Exported> {
    on_own_store(&state, move |store, lang| {
        let opts = write::Options::of(store, include_stream_keys, lang, Utc::now());
        let r = write::export(store, &event_id, Path::new(&path), &opts);
        r.map_err(|e| e.payload(lang))
    })
    .await
}

/// Opens and verifies a package and says what importing it would do; nothing is written. A
/// refused package rejects with `code: "package"` and a message naming the file and the reason.
/// The reading, unpacking and checking run on a worker thread.
#[tauri::command]
pub async fn open_package(state: State<'_, AppState>, path: String) -> CmdResult<ImportPlan> {
    state.lock_quiet().pending = None;
    let (opened, plan) = on_own_store(&state, move |store, lang| {
        showcall_exchange::open_for_import(store, Path::new(&path)).map_err(|e| e.payload(lang))
    })
    .await?;
    state.lock().pending = Some(opened);
    Ok(plan)
}

/// Imports the package opened last with the user's picks (all of it or nothing), on a worker
/// thread. Rejects with `code: "conflict"` while a conflict has no pick; the package then stays
/// open for another try.
#[tauri::command]
pub async fn apply_package(
    state: State<'_, AppState>,
    resolution: Resolution,
) -> CmdResult<Imported> {
    let opened = state.take_pending()?;
    let (done, opened) = on_own_store(&state, move |store, _| {
        let done = showcall_exchange::import::apply(store, &opened, &resolution, Utc::now());
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
    state: State<'_, AppState>,
    event_id: String,
    path: String,
    format: String,
) -> CmdResult<String> {
    on_own_store(&state, move |store, lang| {
        showcall_runsheet::export(store, &event_id, &format, Path::new(&path), lang)?;
        Ok(path)
    })
    .await
}
