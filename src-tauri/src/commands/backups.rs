//! Backups from the Settings tab: the list (with the events each holds), "Back up now", and
//! putting one back; and the daily backup, made by a thread of its own. Each runs on a worker
//! thread with its own connection (`on_own_store`): the shared state is locked only for a
//! moment, never across a copy, so the cue scheduler and the other commands go on meanwhile.

use super::{blocking, on_own_store, CmdResult};
use crate::state::AppState;
use chrono::Utc;
use showcall_core::store::backups::{self, Backup, Restored};
use showcall_core::Store;
use std::path::PathBuf;
use std::time::Duration;
use tauri::State;

/// Every backup of the database, newest first, with the events each holds (read without
/// writing anything to them).
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> CmdResult<Vec<Backup>> {
    let (path, lang) = {
        let s = state.lock_quiet();
        (s.store.path().map(std::path::Path::to_path_buf), s.lang)
    };
    let listed = blocking(move || Ok(path.map(|p| backups::list(&p, lang)).unwrap_or_default()));
    listed
        .await
        .map_err(|e| crate::diag::shown(|l| e.payload(l), lang))
}

/// Writes a copy of the database as it stands into `backups/` ("…-manual.db").
#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> CmdResult<Backup> {
    on_own_store(&state, |store, lang| {
        let made = store.back_up_now(Utc::now());
        made.map_err(|e| crate::diag::shown(|l| e.payload(l), lang))
    })
    .await
}

/// Puts back the backup the list names `id` (its file name, never a path), after backing up
/// the data it replaces. The windows then hear of it as of any outside change (the watcher's
/// `event-changed` and `day-changed`); every undo history goes, since an undo would bring back
/// the data the restore replaced.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, id: String) -> CmdResult<Restored> {
    let done = on_own_store(&state, move |store, lang| {
        let r = store.restore(&id, Utc::now());
        r.map_err(|e| crate::diag::shown(|l| e.payload(l), lang))
    })
    .await?;
    let mut s = state.lock();
    s.history.clear();
    s.shown.borrow_mut().take();
    log::info!("restored the backup {}", done.from.id);
    Ok(done)
}

/// How often the daily backup is looked for (it is made at most once a calendar day).
const DAILY_EVERY: Duration = Duration::from_secs(15 * 60);

/// Makes the day's backup now and, while the app runs, on the first look of each new day, on a
/// thread of its own with its own connection (the start is not held up, the scheduler never
/// waits on it).
pub fn start_daily(path: PathBuf) {
    let spawned = std::thread::Builder::new()
        .name("showcall-daily-backup".into())
        .spawn(move || {
            let mut store: Option<Store> = None;
            loop {
                if store.is_none() {
                    store = Store::open(&path).ok();
                }
                let made = store
                    .as_ref()
                    .map(|s| s.back_up_daily(&chrono::Local::now()));
                match made {
                    Some(Ok(Some(b))) => log::info!("daily backup {}", b.id),
                    Some(Err(e)) => log::warn!(
                        "daily backup failed: {}",
                        e.message(showcall_core::i18n::Lang::En)
                    ),
                    _ => {}
                }
                std::thread::sleep(DAILY_EVERY);
            }
        });
    if let Err(e) = spawned {
        log::warn!("daily backup thread not started: {e}");
    }
}
