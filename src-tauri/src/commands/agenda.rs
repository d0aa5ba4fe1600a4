//! A customer's agenda spreadsheet into an event: preview (mapping and every row as it will be
//! read), then import — all valid rows, or nothing while a row is invalid unless the user agrees.

use super::CmdResult;
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

/// Reads the file and says how every row would be imported. Nothing is written.
#[tauri::command]
pub fn preview_agenda(
    state: State<AppState>,
    path: String,
    target: AgendaTarget,
    map: Vec<String>,
    date_order: Option<DateOrder>,
) -> CmdResult<Prepared> {
    let s = state.lock_quiet();
    let opts = options(map, date_order);
    let r = showcall_agenda::load(&s.store, Path::new(&path), &target, &opts, s.lang);
    r.map(|l| l.prepared).map_err(|e| e.payload(s.lang))
}

/// Imports the rows as previewed (read again now): every valid row, or nothing while a row is
/// invalid and `accept_valid` is off. An import into an open event can be undone.
#[tauri::command]
pub fn import_agenda(
    state: State<AppState>,
    path: String,
    target: AgendaTarget,
    map: Vec<String>,
    date_order: Option<DateOrder>,
    accept_valid: bool,
) -> CmdResult<AgendaImported> {
    let mut s = state.lock();
    let (opts, lang) = (options(map, date_order), s.lang);
    let loaded = showcall_agenda::load(&s.store, Path::new(&path), &target, &opts, lang);
    let done = loaded.and_then(|l| showcall_agenda::import(&mut s.store, &l, accept_valid));
    let (imported, before) = done.map_err(|e| e.payload(lang))?;
    s.record_undo(&imported.event_id, before);
    Ok(imported)
}
