//! Windows remember where they were: the main window and the speaker timer reopen on the same
//! display, at the same size, maximised or full screen as they were left
//! (tauri-plugin-window-state). Whether a window was hidden (to the tray) is not remembered: the
//! main window always shows at start. A display that is gone leaves the window where the
//! system puts it, and [`crate::fit`] then fits it to the screen it opened on.
//!
//! The state is kept beside the database (one set of windows per database, as there is one app
//! per database), not in the user's config folder shared by every Showcall.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;
use tauri::{AppHandle, Runtime};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// Whether the main window has been shown since the app started.
static MAIN_SHOWN: AtomicBool = AtomicBool::new(false);

/// Shows the main window the first time this is called, and never again: it is created hidden
/// (tauri.conf.json) and shown once its page has started loading, or after a few seconds if no
/// page ever starts.
///
/// A window mapped before its web process has started answering can make WebKitGTK's UI thread
/// wait for that process (it gives up after 500 ms) while the process, still starting, waits on
/// the UI thread. Seen with strace: in most launches after the first in a desktop session, "app
/// start → page loading" read about 670 ms instead of about 190 ms, the difference being one
/// such wait.
pub fn show_main_once(show: impl FnOnce() -> tauri::Result<()>) {
    if !MAIN_SHOWN.swap(true, Ordering::SeqCst) {
        if let Err(e) = show() {
            log::warn!("could not show the main window: {e}");
        }
    }
}

/// What is remembered of each window.
pub fn flags() -> StateFlags {
    StateFlags::POSITION | StateFlags::SIZE | StateFlags::MAXIMIZED | StateFlags::FULLSCREEN
}

/// The file the windows' state is kept in, beside the database `db`.
fn file(db: &Path) -> PathBuf {
    db.with_file_name("window-state.json")
}

/// The plugin, keeping its file beside the database `db`.
pub fn remembered<R: Runtime>(db: &Path) -> tauri::plugin::TauriPlugin<R> {
    let file = file(db);
    tauri_plugin_window_state::Builder::new()
        .with_state_flags(flags())
        .with_filename(file.display().to_string())
        .build()
}

/// Changes asked for since the app started; a save waits for them to settle.
static CHANGES: AtomicU64 = AtomicU64::new(0);

/// Writes the windows' state once they have stopped moving for a moment (a drag or a resize
/// sends many events; full screen is applied by the window manager a little later), so that it
/// survives even an app that is killed rather than quit.
pub fn save_soon<R: Runtime>(app: &AppHandle<R>) {
    let mine = CHANGES.fetch_add(1, Ordering::SeqCst) + 1;
    let app = app.clone();
    // A task on the app's runtime, not a thread: a drag sends dozens of these.
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(Duration::from_millis(600)).await;
        if CHANGES.load(Ordering::SeqCst) != mine {
            return; // a later change saves
        }
        if let Err(e) = app.save_window_state(flags()) {
            log::warn!("could not save the windows' places: {e}");
        }
    });
}

/// The size (physical pixels) the window `label` had when the last run left it, if remembered:
/// the plugin has restored it, and [`crate::fit`] checks that it fits the screen of today.
pub fn saved_size(db: &Path, label: &str) -> Option<(u32, u32)> {
    let text = std::fs::read_to_string(file(db)).ok()?;
    let all: serde_json::Value = serde_json::from_str(&text).ok()?;
    let w = all.get(label)?;
    let dim = |k: &str| w.get(k)?.as_u64().and_then(|v| u32::try_from(v).ok());
    Some((dim("width")?, dim("height")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_window_is_shown_once_whoever_asks_first() {
        // The page's start and the fallback timer both ask; only the first shows the window
        // (a later show would bring back a window the user has since hidden to the tray).
        let shown = std::sync::atomic::AtomicUsize::new(0);
        let show = || {
            shown.fetch_add(1, Ordering::SeqCst);
            Ok(())
        };
        show_main_once(show);
        show_main_once(show);
        assert_eq!(shown.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn the_saved_size_is_read_back_and_a_damaged_file_is_no_size() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("showcall.db");
        assert_eq!(saved_size(&db, "main"), None, "no file yet");
        std::fs::write(
            file(&db),
            r#"{"main":{"width":1440,"height":900,"x":0,"y":0},"speaker-timer":{"width":960}}"#,
        )
        .unwrap();
        assert_eq!(saved_size(&db, "main"), Some((1440, 900)));
        assert_eq!(saved_size(&db, "speaker-timer"), None, "no height");
        assert_eq!(saved_size(&db, "other"), None);
        std::fs::write(file(&db), "{not json").unwrap();
        assert_eq!(saved_size(&db, "main"), None);
    }
}
