//! Handoff packages from the app: export to a file, open one (verified, with what it would
//! change), then apply it with the user's picks or cancel.

use super::CmdResult;
use crate::state::AppState;
use chrono::Utc;
use showcall_core::edit::{may, Act};
use showcall_core::error::ErrorPayload;
use showcall_core::handoff::{Exported, ImportPlan, Imported};
use showcall_core::merge::Resolution;
use showcall_core::service;
use showcall_exchange::{import, read, write};
use tauri::{AppHandle, State};

/// An exchange error as the UI shows it: the message names the file and the reason.
fn payload(s: &crate::state::Inner, e: showcall_exchange::Error) -> ErrorPayload {
    match e {
        showcall_exchange::Error::Core(c) => s.err(c),
        e => ErrorPayload {
            code: "package".into(),
            message: e.to_string(),
            field: None,
        },
    }
}

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
    let actor = s.store.actor();
    let opts = write::Options {
        made_by: actor,
        // The customer lead's view never sees keys, so never sends them.
        include_stream_keys: include_stream_keys && may(actor, Act::ExportStreamKeys).is_ok(),
        lang: s.lang,
        now: Utc::now(),
    };
    let r = write::export(&mut s.store, &event_id, std::path::Path::new(&path), &opts);
    r.map_err(|e| payload(&s, e))
}

/// Opens and verifies a package; says what importing it would do. Nothing is written.
#[tauri::command]
pub fn open_package(state: State<AppState>, path: String) -> CmdResult<ImportPlan> {
    let mut s = state.lock();
    s.pending = None;
    let staging = showcall_exchange::files_dir(&s.store);
    if let Some(dir) = &staging {
        let _ = std::fs::create_dir_all(dir);
    }
    let opened = read::open(
        std::path::Path::new(&path),
        staging.as_deref(),
        &read::Limits::default(),
    )
    .map_err(|e| payload(&s, e))?;
    let plan = import::plan(&s.store, &opened).map_err(|e| payload(&s, e))?;
    s.pending = Some(opened);
    Ok(plan)
}

/// Imports the package opened last, with the user's picks (all of it or nothing).
#[tauri::command]
pub fn apply_package(state: State<AppState>, resolution: Resolution) -> CmdResult<Imported> {
    let mut s = state.lock();
    let Some(opened) = s.pending.take() else {
        return Err(ErrorPayload {
            code: "package".into(),
            message: "no package is open: open it again".into(),
            field: None,
        });
    };
    let id = opened.data.event.id.clone();
    let r = import::apply(&mut s.store, &opened, &resolution, Utc::now());
    match r {
        Ok(done) => {
            // Undo steps recorded before the import would bring back the other version.
            s.history.remove(&id);
            Ok(done)
        }
        Err(e) => {
            // Kept open: the user may pick differently and try again.
            s.pending = Some(opened);
            Err(payload(&s, e))
        }
    }
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
    let data = s.store.load(&event_id).map_err(|e| s.err(e))?;
    let failed = |message: String| ErrorPayload {
        code: "runsheet".into(),
        message,
        field: None,
    };
    let bytes =
        showcall_runsheet::render(&data, s.lang, &format).map_err(|e| failed(e.to_string()))?;
    std::fs::write(&path, bytes).map_err(|e| failed(format!("{path}: {e}")))?;
    Ok(path)
}
