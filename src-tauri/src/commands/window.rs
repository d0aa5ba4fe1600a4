//! The main window and the tray: hide to the tray (notifications keep coming), quit, and the
//! do-not-disturb list; the planned vs actual report's CSV export.

use super::CmdResult;
use crate::state::AppState;
use showcall_core::cues::CueKind;
use showcall_core::Error;
use tauri::{AppHandle, Manager, State};

#[tauri::command]
pub fn hide_main_window(app: AppHandle) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.hide();
    }
}

#[tauri::command]
pub fn quit_app(app: AppHandle) {
    app.exit(0);
}

#[tauri::command]
pub fn get_dnd(state: State<AppState>) -> Vec<CueKind> {
    state.lock().muted.clone()
}

#[tauri::command]
pub fn set_dnd(state: State<AppState>, kinds: Vec<CueKind>) -> CmdResult<Vec<CueKind>> {
    let mut s = state.lock();
    s.set_muted(kinds).map_err(|e| s.err(e))?;
    Ok(s.muted.clone())
}

#[tauri::command]
pub fn get_sound(state: State<AppState>) -> bool {
    state.lock().sound
}

#[tauri::command]
pub fn set_sound(state: State<AppState>, on: bool) -> CmdResult<bool> {
    let mut s = state.lock();
    s.set_sound(on).map_err(|e| s.err(e))?;
    Ok(s.sound)
}

/// Where exports go unless the user picks a place: Downloads, else Documents, else home.
pub fn export_dir(app: &AppHandle) -> Option<std::path::PathBuf> {
    app.path()
        .download_dir()
        .or_else(|_| app.path().document_dir())
        .or_else(|_| app.path().home_dir())
        .ok()
}

#[tauri::command]
pub fn export_report_csv(
    app: AppHandle,
    state: State<AppState>,
    event_id: String,
) -> CmdResult<String> {
    let s = state.lock();
    let r = (|| {
        let name = s.store.load(&event_id)?.event.name;
        let report = s.store.report(&event_id)?;
        let dir = export_dir(&app).ok_or_else(|| Error::Io {
            path: "Downloads".into(),
            source: std::io::Error::other("no Downloads, Documents or home folder"),
        })?;
        std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
            path: dir.display().to_string(),
            source,
        })?;
        let path = dir.join(showcall_core::report::csv_file_name(&name));
        std::fs::write(&path, showcall_core::report::to_csv(&report)).map_err(|source| {
            Error::Io {
                path: path.display().to_string(),
                source,
            }
        })?;
        Ok(path.display().to_string())
    })();
    r.map_err(|e| s.err(e))
}
