//! The UI language and what the app tells about itself.

use super::CmdResult;
use crate::state::AppState;
use showcall_core::i18n::Lang;
use showcall_core::view::AppInfo;
use tauri::{AppHandle, Emitter, Manager, State};

#[tauri::command]
pub fn get_lang(state: State<AppState>) -> Lang {
    // Also read by the timer window: a read that need not wake the scheduler.
    state.lock_quiet().lang
}

#[tauri::command]
pub fn set_lang(app: AppHandle, state: State<AppState>, lang: Lang) -> CmdResult<Lang> {
    let mut s = state.lock();
    s.set_lang(lang).map_err(|e| s.err(e))?;
    // The other windows (the speaker timer) follow.
    let _ = app.emit("lang-changed", lang);
    Ok(lang)
}

#[tauri::command]
pub fn app_info(state: State<AppState>) -> AppInfo {
    let (db_path, lang) = {
        let s = state.lock_quiet();
        let db = s.store.path().map(|p| p.to_path_buf());
        (db.unwrap_or_else(|| state.path.clone()), s.lang)
    };
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        data_folder: db_path
            .parent()
            .map(|d| d.display().to_string())
            .unwrap_or_default(),
        db_path: db_path.display().to_string(),
        lang,
        os: crate::diag::os_name(),
        webkit: crate::about::webkit_line(),
        components: crate::about::components(),
    }
}

/// What the analyst pastes into a support message, as plain text: the version, the OS, the
/// database and its schema version, the log folder and the errors last shown (no keys, no
/// tokens, no event content).
#[tauri::command]
pub fn diagnostics(app: AppHandle, state: State<AppState>) -> String {
    let (db_path, schema) = {
        let s = state.lock_quiet();
        let db = s.store.path().map(|p| p.display().to_string());
        let schema = s.store.schema_version().map_err(|e| e.message(Lang::En));
        (
            db.unwrap_or_else(|| state.path.display().to_string()),
            schema,
        )
    };
    crate::diag::Facts {
        version: env!("CARGO_PKG_VERSION").to_string(),
        os: crate::diag::os_name(),
        webkit: crate::about::webkit_line(),
        db_path,
        schema,
        log_dir: app
            .path()
            .app_log_dir()
            .ok()
            .map(|d| d.display().to_string()),
        errors: state.recent_errors(),
    }
    .text()
}

/// Opens the app's log folder in the file manager (created first if need be).
#[tauri::command]
pub fn open_log_folder(app: AppHandle, state: State<AppState>) -> CmdResult<()> {
    let (path, opened) = match app.path().app_log_dir() {
        Ok(dir) => (dir.display().to_string(), crate::diag::open_folder(&dir)),
        Err(e) => ("log folder".to_string(), Err(std::io::Error::other(e))),
    };
    opened.map_err(|source| {
        state
            .lock_quiet()
            .err(showcall_core::Error::Io { path, source })
    })
}
