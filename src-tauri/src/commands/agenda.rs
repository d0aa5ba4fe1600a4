//! A customer's agenda spreadsheet into an event: preview (mapping and every row as it will be
//! read), then import — all valid rows, or nothing while a row is invalid unless the user agrees.

use super::{as_job, CmdResult};
use crate::state::AppState;
use showcall_agenda::{
    AgendaImported, AgendaTarget, DateOrder, ImportOptions, PreviewRows, Previewed, RowsPage,
};
use showcall_core::error::Invalid;
use std::path::Path;
use std::sync::Mutex;
use tauri::{AppHandle, State};

/// Rows sent with a preview, and the most a page may ask for (a page is a few hundred rows of
/// JSON however big the file).
const PAGE: usize = 300;
const MOST: u32 = 2_000;

/// The rows of the preview on screen, by the job id that read it ("" without one): the window is
/// sent one page, and asks for the next ones. Replaced by the next preview.
#[derive(Default)]
pub struct Kept(Mutex<Option<(String, PreviewRows)>>);

impl Kept {
    fn put(&self, key: String, rows: PreviewRows) {
        let old = self
            .0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .replace((key, rows));
        // A big preview's rows are freed here, after the lock is let go.
        drop(old);
    }

    /// Forgets the preview (once imported).
    fn clear(&self) {
        let old = self.0.lock().unwrap_or_else(|p| p.into_inner()).take();
        drop(old);
    }
}

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

/// Reads the file and says how every row would be imported, on a worker thread: the totals,
/// the mapping and the first page of rows (the others stay here, see [`agenda_rows`]). Nothing
/// is written.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn preview_agenda(
    app: AppHandle,
    state: State<'_, AppState>,
    kept: State<'_, Kept>,
    path: String,
    target: AgendaTarget,
    sheet: Option<String>,
    map: Vec<String>,
    date_order: Option<DateOrder>,
    job_id: Option<String>,
) -> CmdResult<Previewed> {
    let key = job_id.clone().unwrap_or_default();
    let (sent, rows) = as_job(&state, &app, job_id, move |store, lang, job| {
        let opts = options(sheet, map, date_order);
        let r = showcall_agenda::load_with(store, Path::new(&path), &target, &opts, lang, job);
        r.map(|l| Previewed::split(l.prepared, PAGE))
            .map_err(|e| crate::diag::shown(|l| e.payload(l), lang))
    })
    .await?;
    kept.put(key, rows);
    Ok(sent)
}

/// Up to `limit` rows of the preview read under `preview` (its job id), from `offset`, of every
/// row or of the rows with problems only.
#[tauri::command]
pub async fn agenda_rows(
    state: State<'_, AppState>,
    kept: State<'_, Kept>,
    preview: Option<String>,
    offset: u32,
    limit: u32,
    problems_only: bool,
) -> CmdResult<RowsPage> {
    let key = preview.unwrap_or_default();
    let kept = kept.0.lock().unwrap_or_else(|p| p.into_inner());
    match kept.as_ref().filter(|(k, _)| *k == key) {
        Some((_, rows)) => Ok(rows.page(offset as usize, limit.min(MOST) as usize, problems_only)),
        None => {
            let lang = state.lock_quiet().lang;
            let e = showcall_core::Error::invalid(
                "agenda.preview",
                Invalid::Say {
                    en: "this preview is no longer the current one: read the file again".into(),
                    fr: "cet aperçu n’est plus l’aperçu courant : relisez le fichier".into(),
                },
            );
            Err(crate::diag::shown(|l| e.payload(l), lang))
        }
    }
}

/// Imports the rows as previewed (read again now, on a worker thread): every valid row, or
/// nothing while a row is invalid and `accept_valid` is off. An import into an open event can
/// be undone.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn import_agenda(
    app: AppHandle,
    state: State<'_, AppState>,
    kept: State<'_, Kept>,
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
    kept.clear();
    state.lock().record_undo(&imported.event_id, before);
    Ok(imported)
}
