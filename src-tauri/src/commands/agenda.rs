//! A customer's agenda spreadsheet into an event: preview (mapping and every row as it will be
//! read), then import — all valid rows, or nothing while a row is invalid unless the user agrees.

use super::{on_own_store, CmdResult};
use crate::state::AppState;
use showcall_agenda::{AgendaImported, AgendaTarget, DateOrder, ImportOptions, Prepared};
use std::path::Path;
use tauri::State;

fn options(map: Vec<String>, date_order: Option<DateOrder>) -> ImportOptions {
    ImportOptions {
        sheet: None,
        map,
        date_order,
        mapping_step: true,
    }
}

/// Reads the file and says how every row would be imported, on a worker thread. Nothing is
/// written.
#[tauri::command]
pub async fn preview_agenda(
    state: State<'_, AppState>,
    path: String,
    target: AgendaTarget,
    map: Vec<String>,
    date_order: Option<DateOrder>,
) -> CmdResult<Prepared> {
    on_own_store(&state, move |store, lang| {
        let opts = options(map, date_order);
        let r = showcall_agenda::load(store, Path::new(&path), &target, &opts, lang);
        r.map(|l| l.prepared).map_err(|e| e.payload(lang))
    })
    .await
}

/// Imports the rows as previewed (read again now, on a worker thread): every valid row, or
/// nothing while a row is invalid and `accept_valid` is off. An import into an open event can
/// be undone.
#[tauri::command]
pub async fn import_agenda(
    state: State<'_, AppState>,
    path: String,
    target: AgendaTarget,
    map: Vec<String>,
    date_order: Option<DateOrder>,
    accept_valid: bool,
) -> CmdResult<AgendaImported> {
    let (imported, before) = on_own_store(&state, move |store, lang| {
        let opts = options(map, date_order);
        let loaded = showcall_agenda::load(store, Path::new(&path), &target, &opts, lang);
        let done = loaded.and_then(|l| showcall_agenda::import(store, &l, accept_valid));
        done.map_err(|e| e.payload(lang))
    })
    .await?;
    state.lock().record_undo(&imported.event_id, before);
    Ok(imported)
}
