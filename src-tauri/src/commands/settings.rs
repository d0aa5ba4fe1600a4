//! The UI language and what the app tells about itself.

use super::CmdResult;
use crate::state::AppState;
use showcall_core::i18n::Lang;
use showcall_core::view::AppInfo;
use tauri::{AppHandle, Emitter, State};

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
    let s = state.lock();
    let db_path = s.store.path().map(|p| p.display().to_string());
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        db_path: db_path.unwrap_or_default(),
        lang: s.lang,
    }
}
