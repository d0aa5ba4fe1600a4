//! The main window and the tray: hide to the tray (notifications keep coming), quit, and the
//! do-not-disturb list; the planned vs actual report's CSV export.

use super::CmdResult;
use crate::state::AppState;
use showcall_core::cues::CueKind;
use showcall_core::service;
use showcall_core::Error;
use tauri::{AppHandle, Manager, State, WebviewUrl, WebviewWindowBuilder};

/// Hides the main window; Showcall keeps running (and notifying) from the tray.
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

/// The package the app was asked to open (on its command line, by a second launch or from the
/// file manager) and the window has not shown yet: the window takes it once.
#[tauri::command]
pub fn take_open_request(opened: State<crate::instance::OpenRequests>) -> Option<String> {
    opened.take().map(|p| p.display().to_string())
}

/// The cue kinds whose notifications are muted ("do not disturb").
#[tauri::command]
pub fn get_dnd(state: State<AppState>) -> Vec<CueKind> {
    state.cues().muted.clone()
}

/// Replaces the muted cue kinds; returns them as stored.
#[tauri::command]
pub fn set_dnd(state: State<AppState>, kinds: Vec<CueKind>) -> CmdResult<Vec<CueKind>> {
    let mut s = state.lock();
    s.set_muted(kinds).map_err(|e| s.err(e))?;
    let muted = s.cues().muted.clone();
    Ok(muted)
}

/// Whether notifications come with the chime.
#[tauri::command]
pub fn get_sound(state: State<AppState>) -> bool {
    state.cues().sound
}

/// Turns the chime on or off; answers the new setting.
#[tauri::command]
pub fn set_sound(state: State<AppState>, on: bool) -> CmdResult<bool> {
    let mut s = state.lock();
    s.set_sound(on).map_err(|e| s.err(e))?;
    let on = s.cues().sound;
    Ok(on)
}

/// Where exports go unless the user picks a place: Downloads, else Documents, else home.
pub fn export_dir(app: &AppHandle) -> Option<std::path::PathBuf> {
    app.path()
        .download_dir()
        .or_else(|_| app.path().document_dir())
        .or_else(|_| app.path().home_dir())
        .ok()
}

/// Writes the report as CSV and returns the path of the written file.
#[tauri::command]
pub fn export_report_csv(
    app: AppHandle,
    state: State<AppState>,
    event_id: String,
) -> CmdResult<String> {
    let s = state.lock();
    let dir = export_dir(&app);
    let r = service::export_report_csv(&s.store, &event_id, dir.as_deref());
    r.map(|p| p.display().to_string()).map_err(|e| s.err(e))
}

/// Shows the speaker timer window, making it the first time.
pub fn show_speaker_timer(app: &AppHandle, title: &str) -> showcall_core::Result<()> {
    if let Some(w) = app.get_webview_window("speaker-timer") {
        let _ = w.show();
        let _ = w.set_focus();
        return Ok(());
    }
    let url = WebviewUrl::App("index.html#timer".into());
    WebviewWindowBuilder::new(app, "speaker-timer", url)
        .title(title)
        .inner_size(960.0, 540.0)
        .build()
        .map(|_| ())
        .map_err(|e| Error::Io {
            path: title.into(),
            source: std::io::Error::other(e.to_string()),
        })
}
