//! A customer's agenda spreadsheet into an event: preview (mapping and every row as it will be
//! read), then import — all valid rows, or nothing while a row is invalid unless the user agrees.

use super::{as_job, CmdResult};
use crate::state::AppState;
use showcall_agenda::{AgendaImported, AgendaTarget, DateOrder, ImportOptions, Prepared};
use std::path::Path;
use tauri::{AppHandle, State};

/// `sheet`: the workbook's worksheet to read; `None` reads the first that holds an agenda.
fn options(
    sheet: Option<String>,
    map: Vec<String>,
    date_order: Option<DateOrder>,
) -> ImportOptions {
    ImportOptions {
        sheet,
        map,
        date_order,
        mapping_step: true,
    }
}

/// Reads the file and says how every row would be imported, on a worker thread. Nothing is
/// written.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn preview_agenda(
    app: AppHandle,
    state: State<'_, AppState>,
    path: String,
    target: AgendaTarget,
    sheet: Option<String>,
    map: Vec<String>,
    date_order: Option<DateOrder>,
    job_id: Option<String>,
) -> CmdResult<Prepared> {
    as_job(&state, &app, job_id, move |store, lang, job| {
        let opts = options(sheet, map, date_order);
        let r = showcall_agenda::load_with(store, Path::new(&path), &target, &opts, lang, job);
        r.map(|l| l.prepared)
            .map_err(|e| crate::diag::shown(|l| e.payload(l), lang))
    })
    .await
}

/// Imports the rows as previewed (read again now, on a worker thread): every valid row, or
/// nothing while a row is invalid and `accept_valid` is off. An import into an open event can
/// be undone.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn import_agenda(
    app: AppHandle,
    state: State<'_, AppState>,
    path: String,
    target: AgendaTarget,
    sheet: Option<String>,
    map: Vec<String>,
    date_order: Option<DateOrder>,
    accept_valid: bool,
    job_id: Option<String>,
) -> CmdResult<AgendaImported> {
    let (imported, before) = as_job(&state, &app, job_id, move |store, lang, job| {
        let opts = options(sheet, map, date_order);
        let loaded = showcall_agenda::load_with(store, Path::new(&path), &target, &opts, lang, job);
        let done = loaded.and_then(|l| showcall_agenda::import_with(store, &l, accept_valid, job));
        done.map_err(|e| crate::diag::shown(|l| e.payload(l), lang))
    })
    .await?;
    state.lock().record_undo(&imported.event_id, before);
    Ok(imported)
}
