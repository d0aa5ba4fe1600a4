//! The branding checklist: attaching files (copied by SHA-256 into the data folder and
//! checked), checklist presets, and who uses the app (analyst or customer lead).

use super::edit::answer;
use super::{blocking_job, Ascii, CmdResult};
use crate::state::AppState;
use showcall_core::model::{BrandPreset, Palette, PaletteContrast};
use showcall_core::service;
use showcall_core::view_changes::EditResult;
use std::path::Path;
use tauri::{AppHandle, State};

/// Copies the file into the data folder, checks it and attaches it. The copy and the checks
/// (ffprobe for clips) run off the main thread and without holding the app's state, which is
/// only taken to read the item and to record the result. With `job_id`, the copy's progress
/// goes to the window (`job-progress`) and `cancel_job` stops it, leaving nothing behind.
#[tauri::command]
pub async fn attach_brand_file(
    app: AppHandle,
    state: State<'_, AppState>,
    event_id: String,
    item_id: String,
    path: String,
    job_id: Option<String>,
) -> CmdResult<Ascii<EditResult>> {
    let attach =
        state.with(|s| service::attach(&s.store, s.store.actor(), &event_id, &item_id, s.lang))?;
    let copy = attach.clone();
    let copied = blocking_job(&state, &app, job_id, move |job| {
        copy.copy(Path::new(path.trim()), chrono::Utc::now(), job)
    })
    .await;
    state.with(|s| {
        let done = copied.and_then(|file| attach.record(&mut s.store, file));
        answer(s, &event_id, done).map(Ascii)
    })
}

/// The built-in checklist preset (in the UI language) and the ones saved by the analyst.
#[tauri::command]
pub fn brand_presets(state: State<AppState>) -> Vec<BrandPreset> {
    let s = state.lock();
    service::presets(&s.store, s.lang)
}

/// Saves the event's checklist lines as a preset named `name` (replacing one of that name).
#[tauri::command]
#[allow(clippy::needless_pass_by_value)]
pub fn save_brand_preset(
    state: State<AppState>,
    event_id: String,
    name: String,
) -> CmdResult<Vec<BrandPreset>> {
    let mut s = state.lock();
    let (actor, lang) = (s.store.actor(), s.lang);
    service::save_preset(&mut s.store, actor, &event_id, &name, lang).map_err(|e| s.err(e))
}

#[tauri::command]
#[allow(clippy::needless_pass_by_value)]
pub fn delete_brand_preset(state: State<AppState>, name: String) -> CmdResult<Vec<BrandPreset>> {
    let mut s = state.lock();
    let (actor, lang) = (s.store.actor(), s.lang);
    service::delete_preset(&mut s.store, actor, &name, lang).map_err(|e| s.err(e))
}

#[tauri::command]
pub fn get_mode(state: State<AppState>) -> &'static str {
    state.lock().store.actor().code()
}

/// The contrast ratios of a palette as typed (the Colours panel asks while the user types).
#[tauri::command]
#[allow(clippy::needless_pass_by_value)]
pub fn palette_contrast(palette: Palette) -> PaletteContrast {
    showcall_core::branding::palette_contrast(&palette)
}

/// Whether someone has said who uses this copy (the events list asks once, at first start).
#[tauri::command]
pub fn mode_chosen(state: State<AppState>) -> bool {
    state.lock().store.actor_chosen()
}

#[tauri::command]
#[allow(clippy::needless_pass_by_value)]
pub fn set_mode(state: State<AppState>, mode: String) -> CmdResult<&'static str> {
    let mut s = state.lock();
    let done = service::set_actor(&mut s.store, &mode);
    done.map(|a| a.code()).map_err(|e| s.err(e))
}

/// Serves `showcall-file://localhost/<sha256>` (a stored file) and `…/thumb/<sha256>` (a video
/// still) to the webview, for the checklist's thumbnails. Only names that are SHA-256 hashes
/// are served, only from the data folder.
pub fn serve_file(db: Option<&Path>, uri_path: &str) -> tauri::http::Response<Vec<u8>> {
    let not_found = || {
        tauri::http::Response::builder()
            .status(404)
            .body(Vec::new())
            .expect("a static response")
    };
    let Some(db) = db else { return not_found() };
    let (thumb, sha) = match uri_path.trim_start_matches('/').split_once('/') {
        Some(("thumb", sha)) => (true, sha),
        Some(_) => return not_found(),
        None => (false, uri_path.trim_start_matches('/')),
    };
    if !showcall_core::paths::is_sha256(sha) {
        return not_found();
    }
    let path = if thumb {
        showcall_core::paths::thumbs_dir(db).join(format!("{sha}.jpg"))
    } else {
        showcall_core::paths::blob_path(&showcall_core::paths::files_dir(db), sha)
    };
    let Ok(bytes) = std::fs::read(&path) else {
        return not_found();
    };
    // The same content sniffing as the checks (a stored file's name says nothing).
    let sniffed = showcall_core::asset_check::sniff(&bytes[..bytes.len().min(512)]);
    let mime = match (thumb, sniffed) {
        (true, _) | (_, Some("jpeg")) => "image/jpeg",
        (_, Some("png")) => "image/png",
        (_, Some("gif")) => "image/gif",
        (_, Some("webp")) => "image/webp",
        (_, Some("svg")) => "image/svg+xml",
        _ => "application/octet-stream",
    };
    tauri::http::Response::builder()
        .header("Content-Type", mime)
        .header("Cache-Control", "max-age=31536000, immutable")
        .body(bytes)
        .expect("a response")
}
