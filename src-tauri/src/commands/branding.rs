//! The branding checklist: attaching files (copied by SHA-256 into the data folder and
//! checked), checklist presets, and who uses the app (analyst or customer lead).

use super::edit::apply;
use super::CmdResult;
use crate::state::AppState;
use showcall_core::branding::{self, BrandPreset};
use showcall_core::error::{Error, Invalid};
use showcall_core::handoff::{MadeBy, MODE_SETTING};
use showcall_core::view::EditResult;
use showcall_core::Edit;
use std::path::Path;
use tauri::State;

/// Copies the file into the data folder, checks it and attaches it. The copy and the checks
/// (ffprobe for clips) run off the main thread and without holding the app's state, which is
/// only taken to read the item and to record the result.
#[tauri::command]
pub async fn attach_brand_file(
    state: State<'_, AppState>,
    event_id: String,
    item_id: String,
    path: String,
) -> CmdResult<EditResult> {
    let (kind, spec, db, by, lang) = {
        let s = state.lock();
        let data = s.store.load(&event_id).map_err(|e| s.err(e))?;
        let Some(item) = data.brand_items.iter().find(|i| i.id == item_id) else {
            return Err(s.err(Error::NotFound {
                kind: "brandItem",
                id: item_id,
            }));
        };
        let Some(db) = s.store.path().map(Path::to_path_buf) else {
            return Err(s.err(Error::invalid(
                "brandItem.file",
                Invalid::Say {
                    en: "this database keeps no files (in memory)".into(),
                    fr: "cette base ne conserve pas de fichiers (en mémoire)".into(),
                },
            )));
        };
        (
            item.kind,
            item.spec.clone(),
            db,
            MadeBy::of(&s.store).code(),
            s.lang,
        )
    };
    let stored = tauri::async_runtime::spawn_blocking(move || {
        branding::store_file(
            &branding::files_dir(&db),
            Path::new(path.trim()),
            kind,
            &spec,
            by,
            chrono::Utc::now(),
            lang,
        )
    })
    .await;
    let mut s = state.lock();
    let file = match stored {
        Ok(r) => r.map_err(|e| s.err(e))?,
        Err(e) => {
            return Err(s.err(Error::invalid(
                "brandItem.file",
                Invalid::Other(format!("the copy stopped: {e}")),
            )))
        }
    };
    let edit = Edit::AttachBrandFile {
        id: item_id,
        file,
        lang,
    };
    apply(&mut s, &event_id, &edit)
}

#[tauri::command]
pub fn brand_presets(state: State<AppState>) -> Vec<BrandPreset> {
    let s = state.lock();
    branding::presets(&s.store, s.lang)
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
    let lang = s.lang;
    let data = s.store.load(&event_id).map_err(|e| s.err(e))?;
    branding::save_preset(&mut s.store, &name, &data, lang).map_err(|e| s.err(e))
}

#[tauri::command]
#[allow(clippy::needless_pass_by_value)]
pub fn delete_brand_preset(state: State<AppState>, name: String) -> CmdResult<Vec<BrandPreset>> {
    let mut s = state.lock();
    let lang = s.lang;
    branding::delete_preset(&mut s.store, &name, lang).map_err(|e| s.err(e))
}

#[tauri::command]
pub fn get_mode(state: State<AppState>) -> &'static str {
    MadeBy::of(&state.lock().store).code()
}

/// Whether someone has said who uses this copy (the events list asks once, at first start).
#[tauri::command]
pub fn mode_chosen(state: State<AppState>) -> bool {
    matches!(state.lock().store.setting(MODE_SETTING), Ok(Some(_)))
}

#[tauri::command]
#[allow(clippy::needless_pass_by_value)]
pub fn set_mode(state: State<AppState>, mode: String) -> CmdResult<&'static str> {
    let mut s = state.lock();
    let m = match mode.as_str() {
        "analyst" => MadeBy::Analyst,
        "customer" => MadeBy::Customer,
        other => {
            return Err(s.err(Error::invalid(
                "mode",
                Invalid::Other(format!("unknown mode “{other}” (analyst or customer)")),
            )))
        }
    };
    s.store
        .set_setting(MODE_SETTING, m.code())
        .map_err(|e| s.err(e))?;
    Ok(m.code())
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
    if !branding::is_sha256(sha) {
        return not_found();
    }
    let path = if thumb {
        branding::thumbs_dir(db).join(format!("{sha}.jpg"))
    } else {
        branding::blob_path(&branding::files_dir(db), sha)
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
