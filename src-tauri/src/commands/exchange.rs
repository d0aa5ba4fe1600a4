//! Handoff packages from the app: export to a file, open one (verified, with what it would
//! change), then apply it with the user's picks or cancel.

use super::CmdResult;
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
/// `.showcall` package.
#[tauri::command]
pub fn export_package(
    state: State<AppState>,
    event_id: String,
    path: String,
    include_stream_keys: bool,
) -> CmdResult<Exported> {
    let mut s = state.lock();
    let opts = write::Options::of(&s.store, include_stream_keys, s.lang, Utc::now());
    let r = write::export(&mut s.store, &event_id, Path::new(&path), &opts);
    r.map_err(|e| e.payload(s.lang))
}

/// Opens and verifies a package and says what importing it would do; nothing is written. A
/// refused package rejects with `code: "package"` and a message naming the file and the reason.
#[tauri::command]
pub fn open_package(state: State<AppState>, path: String) -> CmdResult<ImportPlan> {
    let mut s = state.lock();
    s.pending = None;
    let (opened, plan) = showcall_exchange::open_for_import(&s.store, Path::new(&path))
        .map_err(|e| e.payload(s.lang))?;
    s.pending = Some(opened);
    Ok(plan)
}

/// Imports the package opened last with the user's picks (all of it or nothing). Rejects with
/// `code: "conflict"` while a conflict has no pick.
#[tauri::command]
pub fn apply_package(state: State<AppState>, resolution: Resolution) -> CmdResult<Imported> {
    let mut s = state.lock();
    let r = s.import_pending(&resolution, Utc::now());
    r.map_err(|e| e.payload(s.lang))
}

/// Forgets the package opened last (its unpacked files go with it).
#[tauri::command]
pub fn cancel_package(state: State<AppState>) {
    state.lock_quiet().pending = None;
}

/// Writes the run of show (`format`: `pdf`, `xlsx` or `csv`) to `path`; returns the path.
#[tauri::command]
pub fn export_runsheet(
    state: State<AppState>,
    event_id: String,
    path: String,
    format: String,
) -> CmdResult<String> {
    let s = state.lock_quiet();
    showcall_runsheet::export(&s.store, &event_id, &format, Path::new(&path), s.lang)?;
    Ok(path)
}
